import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { t } from 'c/dealControlModel';
import { CliIo, CliProgram, CliResult, runCli } from '../shared/cliProgram';
import { fill, say } from '../shared/i18n';
import { PlannedFile, guardOutputs, prepareOutputDir, prepareOutputFile } from '../shared/paths';
import { runAsScript } from '../shared/process';
import type { Connector } from './connect';
import { csvInputFiles, csvOutputFiles, runOffline } from './offline';
import { HELP, RescoreOptions, parseOptions } from './options';
import { RunLog, RunOutcome } from './outcome';
import { Progress, renderSummary, renderTable } from './present';
import { REPORT_ROLE, ReportWriter } from './report';
import { renderSnapshotSummary } from './snapshotSummary';
import { stateFileOf } from './state';

export type Io = CliIo;

export const DEFAULT_SAMPLE_DIR = path.resolve(__dirname, '../../data');

function humanOutput(outcome: RunOutcome, io: Io): void {
    const { summary } = outcome;
    if (outcome.table) {
        io.stdout(
            `${say(fill(t('Deal Control — C139 control scores (model {v})', '控单管理——C139 控单得分（模型 {v}）'), { v: summary.modelVersion }))}\n\n`
        );
        io.stdout(`${renderTable(outcome.table, io.width)}\n`);
    }
    if (summary.sampleChanges.length > 0 && !outcome.table) {
        const head =
            summary.mode === 'check'
                ? t('Records that differ from the model:', '与模型不符的记录：')
                : summary.mode === 'apply'
                  ? t('Changed records:', '已变更的记录：')
                  : t('Records that would change:', '将会变更的记录：');
        io.stdout(`${say(head)}\n`);
        for (const c of summary.sampleChanges) io.stdout(`  ${c.object} ${c.id}: ${c.fields.join(', ')}\n`);
        const total =
            summary.objects.Stakeholder_Assessment__c.changed + summary.objects.C139_Scorecard__c.changed;
        if (total > summary.sampleChanges.length) {
            io.stdout(
                `  ${say(fill(t('… and {n} more (--report FILE.csv lists every one)', '……另有 {n} 条（--report FILE.csv 列出全部）'), { n: total - summary.sampleChanges.length }))}\n`
            );
        }
        io.stdout('\n');
    }
    if (summary.source === 'sample') {
        io.stdout(`${renderSampleFooter(summary)}\n`);
        return;
    }
    io.stdout(
        `${renderSummary({ ...summary, mode: summary.source === 'org' ? summary.mode : summary.outputDir && summary.mode !== 'check' && !summary.stopped ? 'csv' : summary.mode })}\n`
    );
    if (summary.snapshot) {
        io.stdout(
            `${renderSnapshotSummary(summary.snapshot, summary.mode === 'apply' ? 'apply' : 'dry-run')}\n`
        );
    }
    if (summary.outputDir && summary.mode !== 'check' && !summary.stopped) {
        io.stdout(
            `${say(
                fill(
                    t(
                        'Update files are in {dir}. Load them with: sf data update bulk --sobject <object> --file {dir}/<object>.csv --target-org <alias>',
                        '更新文件位于 {dir}。导入命令：sf data update bulk --sobject <对象> --file {dir}/<对象>.csv --target-org <别名>'
                    ),
                    { dir: summary.outputDir }
                )
            )}\n`
        );
    } else if (summary.mode === 'dry-run' && summary.source === 'org') {
        io.stdout(
            `${say(t('Dry run: nothing was written. Add --apply to write these changes.', '试运行：未写入任何内容。加上 --apply 才会写入。'))}\n`
        );
    }
    if (summary.stopped) io.stderr(`${summary.stopped.message}\n${summary.stopped.resume}\n`);
    for (const warning of outcome.warnings) io.stderr(`${say(warning)}\n`);
}

function renderSampleFooter(summary: RunOutcome['summary']): string {
    const s = summary.objects.Stakeholder_Assessment__c;
    const c = summary.objects.C139_Scorecard__c;
    const l = summary.objects.Stakeholder_Link__c;
    return say(
        fill(
            t(
                'Bundled sample data: {s} stakeholder assessments and {c} scorecards scored with the shared model and {l} links between the people, nothing written.\nOn an org: npm run rescore -- --target-org <alias> (dry run), then add --apply to write. Details: docs/admin-rescore.md',
                '内置示例数据：使用共享模型，结合采购决策者之间的 {l} 条关系，为 {s} 条五维评估和 {c} 张记分卡评分，未写入任何内容。\n连接组织：npm run rescore -- --target-org <别名>（试运行），确认后加 --apply 写入。详见 docs/admin-rescore.md'
            ),
            { s: s.read, c: c.read, l: l.read }
        )
    );
}

const INPUT_ROLE = t('the CSV export', 'CSV 导出文件');
const STATE_ROLE = t('the saved run state', '已保存的运行状态');

/**
 * Every file the run will read and write, checked before anything is opened: an output may never
 * land on an input (the same path, a symbolic or hard link), and output folders must be writable.
 */
function checkFiles(options: RescoreOptions): void {
    const inputs: PlannedFile[] = [];
    const outputs: PlannedFile[] = [];
    const source = options.source;
    if (source.kind === 'input-dir') {
        const files = csvInputFiles(source.dir);
        for (const file of [...files.inputs, files.names])
            inputs.push({ path: file, role: INPUT_ROLE, flag: '--input-dir' });
        if (options.outputDir && !options.check) {
            const out = csvOutputFiles(options.outputDir, options.snapshotDate !== null);
            for (const file of [...out.updates, ...(out.snapshots ? [out.snapshots] : []), out.summary]) {
                outputs.push({ path: file, role: t('the output file', '输出文件'), flag: '--output-dir' });
            }
        }
    } else if (source.kind === 'env') {
        // The state file is read by --since last; the report must not replace it either. (With
        // --target-org the org's address, and so the file's name, is known only once connected.)
        inputs.push({
            path: stateFileOf(options.stateDir, source.instanceUrl),
            role: STATE_ROLE,
            flag: '--state-dir'
        });
    }
    if (options.reportFile) outputs.push({ path: options.reportFile, role: REPORT_ROLE, flag: '--report' });
    guardOutputs(inputs, outputs);
    if (options.reportFile) prepareOutputFile(options.reportFile, '--report', REPORT_ROLE);
    if (options.outputDir && !options.check)
        prepareOutputDir(options.outputDir, '--output-dir', t('the output folder', '输出文件夹'));
    if (options.apply && (source.kind === 'target-org' || source.kind === 'env')) {
        prepareOutputDir(options.stateDir, '--state-dir', STATE_ROLE);
    }
}

/** Reads, scores and (with --apply) writes; the report is kept unless a CSV run wrote nothing. */
async function rescore(
    options: RescoreOptions,
    io: Io,
    signal: AbortSignal,
    connect?: Connector
): Promise<CliResult> {
    checkFiles(options);
    const log = new RunLog(options.reportFile ? new ReportWriter(options.reportFile) : null);
    const progress = new Progress(
        !options.json && io.progressStream !== null,
        io.progressStream ?? undefined
    );
    const org = options.source.kind === 'target-org' || options.source.kind === 'env';
    let outcome: RunOutcome;
    try {
        outcome = org
            ? // Loaded only for an org: jsforce and undici add about 36 MB that offline runs do not need.
              await (await import('./orgRun')).runOrg(options, log, progress, signal, connect)
            : await runOffline(options, log, progress, signal);
    } catch (error) {
        // An org run may have written records before it failed: its report says which. A CSV run
        // that fails wrote nothing, so its report goes too.
        await log.finish(org).catch(() => undefined);
        throw error;
    }
    await log.finish(org || outcome.summary.stopped === null);
    return {
        exitCode: outcome.exitCode,
        result: { ...outcome.summary, table: outcome.table },
        warnings: outcome.warnings,
        print: (printIo) => humanOutput(outcome, printIo)
    };
}

/** Runs the script; returns the exit code (0 done, 1 drift, 2 record failures, 3 could not run). */
export async function main(
    argv: readonly string[],
    env: NodeJS.ProcessEnv,
    io: Io,
    signal: AbortSignal,
    /** Tests hand in their own jsforce Connection (one with a refreshFn, say); the script uses connectOrg. */
    connect?: Connector
): Promise<number> {
    const program: CliProgram<RescoreOptions> = {
        help: HELP,
        parse: (args, environment) => parseOptions(args, environment, DEFAULT_SAMPLE_DIR),
        run: (options, runIo, runSignal) => rescore(options, runIo, runSignal, connect)
    };
    return runCli(program, argv, env, io, signal);
}

if (require.main === module) {
    // A run keeps little live data (records wait in files, one Opportunity is scored at a time) but
    // turns gigabytes of text into short-lived strings, and V8 lets the heap grow to four times
    // the live data before it collects: at a million deals that slack, not the data, took peak RSS
    // past 300 MB. Growing by 30 % instead halves the peak at the same speed (docs/benchmarks.md).
    setFlagsFromString('--heap-growing-percent=30');
    runAsScript(main);
}
