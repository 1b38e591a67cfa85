import path from 'node:path';
import { LocalizedText, t } from 'c/dealControlModel';
import { RescoreError, fill, say, setLang } from './i18n';
import { runOffline } from './offline';
import { HELP, RescoreOptions, parseOptions } from './options';
import { RunLog, RunOutcome, EXIT } from './outcome';
import { Progress, renderSummary, renderTable } from './present';
import { ReportWriter } from './report';
import type { Connector } from './orgRun';

export interface Io {
    readonly stdout: (text: string) => void;
    readonly stderr: (text: string) => void;
    /** Whether stderr is a terminal: only then is there a progress bar. */
    readonly progressStream: NodeJS.WriteStream | null;
    readonly width: number;
}

export const DEFAULT_SAMPLE_DIR = path.resolve(__dirname, '../../data');

function humanOutput(outcome: RunOutcome, options: RescoreOptions, io: Io): void {
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
        `${renderSummary({ ...summary, mode: summary.source === 'org' ? summary.mode : summary.outputDir && summary.mode !== 'check' ? 'csv' : summary.mode })}\n`
    );
    if (summary.outputDir && summary.mode !== 'check') {
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
    void options;
}

function renderSampleFooter(summary: RunOutcome['summary']): string {
    const s = summary.objects.Stakeholder_Assessment__c;
    const c = summary.objects.C139_Scorecard__c;
    return say(
        fill(
            t(
                'Bundled sample data: {s} stakeholder assessments and {c} scorecards scored with the shared model, nothing written.\nOn an org: npm run rescore -- --target-org <alias> (dry run), then add --apply to write. Details: docs/admin-rescore.md',
                '内置示例数据：使用共享模型为 {s} 条五维评估和 {c} 张记分卡评分，未写入任何内容。\n连接组织：npm run rescore -- --target-org <别名>（试运行），确认后加 --apply 写入。详见 docs/admin-rescore.md'
            ),
            { s: s.read, c: c.read }
        )
    );
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
    let options: RescoreOptions | null = null;
    let log: RunLog | null = null;
    try {
        options = parseOptions(argv, env, DEFAULT_SAMPLE_DIR);
        if (options.lang) setLang(options.lang);
        if (options.help) {
            io.stdout(`${say(HELP)}\n`);
            return EXIT.done;
        }
        log = new RunLog(options.reportFile ? new ReportWriter(options.reportFile) : null);
        const progress = new Progress(
            !options.json && io.progressStream !== null,
            io.progressStream ?? undefined
        );
        const outcome =
            options.source.kind === 'sample' || options.source.kind === 'input-dir'
                ? await runOffline(options, log, progress, signal)
                : // Loaded only for an org: jsforce and undici add about 36 MB that offline runs do not need.
                  await (await import('./orgRun')).runOrg(options, log, progress, signal, connect);
        await log.close();
        if (options.json) {
            io.stdout(
                `${JSON.stringify(
                    {
                        status: outcome.exitCode,
                        result: { ...outcome.summary, table: outcome.table },
                        warnings: outcome.warnings.map(say)
                    },
                    null,
                    2
                )}\n`
            );
        } else {
            humanOutput(outcome, options, io);
        }
        return outcome.exitCode;
    } catch (error) {
        await log?.close().catch(() => undefined);
        const known = error instanceof RescoreError;
        const text: LocalizedText = known
            ? error.text
            : fill(t('Unexpected error: {message}', '意外错误：{message}'), {
                  message: (error as Error).stack ?? String(error)
              });
        const exitCode = known ? error.exitCode : EXIT.couldNotRun;
        if (options?.json) {
            io.stdout(
                `${JSON.stringify({ status: exitCode, name: known ? error.code : 'UNEXPECTED', message: say(text), exitCode, warnings: [] }, null, 2)}\n`
            );
        } else {
            io.stderr(`${say(text)}\n`);
        }
        return exitCode;
    }
}

if (require.main === module) {
    const controller = new AbortController();
    let interrupts = 0;
    process.on('SIGINT', () => {
        interrupts += 1;
        if (interrupts > 1) process.exit(130);
        process.stderr.write(
            `\n${say(t('Stopping at the next safe point… (Ctrl-C again to quit at once)', '将在下一个安全点停止……（再按 Ctrl-C 立即退出）'))}\n`
        );
        controller.abort(new RescoreError('INTERRUPTED', t('Interrupted.', '已中断。')));
    });
    main(
        process.argv.slice(2),
        process.env,
        {
            stdout: (s) => process.stdout.write(s),
            stderr: (s) => process.stderr.write(s),
            progressStream: process.stderr.isTTY ? process.stderr : null,
            width: process.stdout.columns || 110
        },
        controller.signal
    ).then((code) => {
        process.exitCode = code;
    });
}
