import path from 'node:path';
import { t } from 'c/dealControlModel';
import { CliIo, CliProgram, CliResult, runCli } from '../shared/cliProgram';
import { fill, say } from '../shared/i18n';
import { PlannedFile, guardOutputs, prepareOutputFile } from '../shared/paths';
import { runAsScript } from '../shared/process';
import type { Connector } from '../rescore/connect';
import { purgeCsv, purgeFiles } from './csvPurge';
import { PURGE_HELP, PurgeOptions, parsePurgeOptions } from './options';
import { PurgeOutcome, PurgeSummary, purgeExitCode } from './outcome';
import { PERSONAL_DATA } from './personalData';
import { RECEIPT_ROLE } from './receipt';

const INPUT_ROLE = t('the CSV export', 'CSV 导出文件');
const OUTPUT_ROLE = t('the output file', '输出文件');

function stamp(now: Date): string {
    return now
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d{3}Z$/, 'Z');
}

/** Where the receipt goes: --receipt, else receipt.csv in --output-dir, else (with --apply) a dated file here. */
function receiptPath(options: PurgeOptions, now: Date): string | null {
    if (options.receiptFile) return options.receiptFile;
    if (options.outputDir) return path.join(options.outputDir, 'receipt.csv');
    return options.apply ? `purge-receipt-${stamp(now)}.csv` : null;
}

/** Outputs never land on inputs (real paths, links), and their folders exist and can be written. */
function checkFiles(options: PurgeOptions, receipt: string | null): void {
    const inputs: PlannedFile[] = [];
    const outputs: PlannedFile[] = [];
    if (options.source.kind === 'input-dir') {
        const files = purgeFiles(options.source.dir, options.outputDir);
        for (const file of files.inputs) inputs.push({ path: file, role: INPUT_ROLE, flag: '--input-dir' });
        for (const file of files.outputs)
            outputs.push({ path: file, role: OUTPUT_ROLE, flag: '--output-dir' });
    }
    if (receipt)
        outputs.push({
            path: receipt,
            role: RECEIPT_ROLE,
            flag: options.receiptFile ? '--receipt' : '--output-dir'
        });
    guardOutputs(inputs, outputs);
    if (receipt) prepareOutputFile(receipt, options.receiptFile ? '--receipt' : '--output-dir', RECEIPT_ROLE);
}

function verbFor(summary: PurgeSummary): ReturnType<typeof t> {
    const del = summary.action === 'delete';
    if (summary.mode === 'apply') return del ? t('deleted', '已删除') : t('anonymized', '已匿名化');
    if (summary.mode === 'csv')
        return del
            ? t('to delete (in the output files)', '待删除（见输出文件）')
            : t('to anonymize (in the output files)', '待匿名化（见输出文件）');
    return del
        ? t('would be deleted (dry run: nothing changed)', '将被删除（试运行：未做修改）')
        : t('would be anonymized (dry run: nothing changed)', '将被匿名化（试运行：未做修改）');
}

/** "stakeholder assessments" at the start of a line: the first letter up (Chinese has none). */
function capitalized(text: ReturnType<typeof t>): ReturnType<typeof t> {
    return { en: text.en.charAt(0).toUpperCase() + text.en.slice(1), zh: text.zh };
}

function print(outcome: PurgeOutcome, io: CliIo): void {
    const s = outcome.summary;
    io.stdout(
        `${say(fill(t('Purge of personal data: assessments of Opportunities closed before {date}', '清除个人数据：{date} 之前关闭的业务机会的五维评估'), { date: s.closedBefore }))}\n`
    );
    io.stdout(
        `  ${say(fill(t('Closed Opportunities in scope: {n}', '范围内已关闭的业务机会：{n} 个'), { n: s.opportunities.purged }))}\n`
    );
    for (const entry of PERSONAL_DATA) {
        const tally = s.objects[entry.object];
        let text = say(
            fill(t('{label}: {n} {verb}', '{label}：{n} 条{verb}'), {
                label: capitalized(entry.label),
                n: s.mode === 'apply' ? tally.done : tally.planned,
                verb: verbFor(s)
            })
        );
        if (s.mode === 'apply' && tally.failed + tally.notSent + tally.unknown > 0) {
            text += say(
                fill(
                    t(
                        ', {failed} failed, {notSent} not sent, {unknown} unknown',
                        '，失败 {failed} 条，未发送 {notSent} 条，结果未知 {unknown} 条'
                    ),
                    tally as never
                )
            );
        }
        if (tally.alreadyAnonymized > 0) {
            text += say(
                fill(t(' ({n} already anonymized, left as they are)', '（{n} 条已匿名化，保持不变）'), {
                    n: tally.alreadyAnonymized
                })
            );
        }
        io.stdout(`  ${text}\n`);
    }
    if (s.receipt)
        io.stdout(
            `${say(fill(t('Receipt (Ids only): {file}', '回执（只含 Id）：{file}'), { file: s.receipt }))}\n`
        );
    if (s.outputDir) {
        io.stdout(
            `${say(
                fill(
                    t(
                        'Files for the org are in {dir}. Load them with: sf data {op} bulk --sobject <object> --file {dir}/<object>.csv --target-org <alias>',
                        '供组织使用的文件位于 {dir}。导入命令：sf data {op} bulk --sobject <对象> --file {dir}/<对象>.csv --target-org <别名>'
                    ),
                    { dir: s.outputDir, op: s.action === 'delete' ? 'delete' : 'update' }
                )
            )}\n`
        );
    } else if (s.mode === 'dry-run') {
        io.stdout(
            `${say(t('Dry run: nothing was changed. Add --apply to do it.', '试运行：未做任何修改。加上 --apply 才会执行。'))}\n`
        );
    }
    if (s.stopped) io.stderr(`${s.stopped.message}\n${s.stopped.resume}\n`);
    for (const warning of outcome.warnings) io.stderr(`${say(warning)}\n`);
}

async function purge(
    options: PurgeOptions,
    signal: AbortSignal,
    connect: Connector | undefined,
    now: Date
): Promise<CliResult> {
    const receipt = receiptPath(options, now);
    checkFiles(options, receipt);
    const outcome =
        options.source.kind === 'input-dir'
            ? await purgeCsv(options, signal, receipt)
            : // Loaded only for an org, as in rescore: jsforce is large.
              await (await import('./orgPurge')).purgeOrg(options, signal, receipt, connect);
    return {
        exitCode: purgeExitCode(outcome.summary),
        result: outcome.summary,
        warnings: outcome.warnings,
        print: (io) => print(outcome, io)
    };
}

/**
 * `npm run purge`: deletes or anonymizes the assessments of Opportunities closed before a date.
 * Returns the exit code (0 done, 2 some records failed, 3 could not run).
 */
export async function main(
    argv: readonly string[],
    env: NodeJS.ProcessEnv,
    io: CliIo,
    signal: AbortSignal,
    connect?: Connector,
    /** Tests fix "today" (a --closed-before of today or later is refused). */
    now: Date = new Date()
): Promise<number> {
    const program: CliProgram<PurgeOptions> = {
        help: PURGE_HELP,
        parse: (args, environment) => parsePurgeOptions(args, environment, now),
        run: (options, _io, runSignal) => purge(options, runSignal, connect, now)
    };
    return runCli(program, argv, env, io, signal);
}

if (require.main === module) runAsScript(main);
