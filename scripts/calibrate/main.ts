import { renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { LocalizedText, t, toLang } from 'c/dealControlModel';
import { CliProgram, CliResult, runCli } from '../shared/cliProgram';
import { EXIT } from '../shared/errors';
import { runAsScript } from '../shared/process';
// The same terminal and streams as the rescore script (a type only: nothing of it is loaded).
import type { Io } from '../rescore/main';
import { reliabilitySvg } from './chart';
import { readCsvInput } from './csvInput';
import { CalibrateError } from './errors';
import { fill, say, setLang } from './i18n';
import { Intake, IntakeResult } from './intake';
import { CALIBRATE_HELP, CalibrateOptions, parseOptions } from './options';
import type { OrgConnector } from './orgInput';
import { problemLines, renderReport } from './present';
import { readSampleInput } from './sampleInput';
import { tooFew } from './verdict';

export type { Io };

export const DEFAULT_SAMPLE_DIR = path.resolve(__dirname, '../../data');

/** Writes the chart next to its final name, then renames: an interrupted run leaves no half file. */
function writeAtomically(file: string, content: string): void {
    const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
    try {
        writeFileSync(temp, content);
        renameSync(temp, file);
    } catch (error) {
        rmSync(temp, { force: true });
        throw new CalibrateError(
            'CANNOT_WRITE',
            fill(t('Cannot write {file}: {reason}', '无法写入 {file}：{reason}'), {
                file,
                reason: (error as Error).message
            }),
            t(
                'Choose a file in a folder that exists and that you may write to.',
                '请选择一个已存在且可写入的文件夹中的文件。'
            )
        );
    }
}

function sourceText(options: CalibrateOptions, orgUrl: string | null): LocalizedText {
    const { source } = options;
    if (source.kind === 'sample') {
        return fill(
            t(
                'Source: the bundled sample data ({dir}). On an org: npm run calibrate -- --target-org <alias>',
                '数据来源：内置示例数据（{dir}）。连接组织：npm run calibrate -- --target-org <别名>'
            ),
            { dir: source.dir }
        );
    }
    if (source.kind === 'input-dir') {
        return fill(t('Source: CSV exports in {dir}', '数据来源：{dir} 中的 CSV 导出'), { dir: source.dir });
    }
    return fill(t('Source: the org {url}', '数据来源：组织 {url}'), { url: orgUrl ?? '' });
}

function progressReporter(io: Io, options: CalibrateOptions): (read: number) => void {
    const stream = options.json ? null : io.progressStream;
    return (read) =>
        stream?.write(
            `\r${say(fill(t('Read {n} snapshots…', '已读取 {n} 条快照……'), { n: read.toLocaleString('en-US') }))}`
        );
}

/** Reads the closed deals and their snapshots, computes the figures and draws the chart. */
async function calibrateRun(
    options: CalibrateOptions,
    io: Io,
    signal: AbortSignal,
    connect?: OrgConnector
): Promise<CliResult> {
    const intake = new Intake(options.horizonDays, options.sinceDay);
    const progress = progressReporter(io, options);
    let orgUrl: string | null = null;
    if (options.source.kind === 'sample') readSampleInput(options.source.dir, intake);
    else if (options.source.kind === 'input-dir')
        await readCsvInput(options.source.dir, intake, progress, signal);
    else {
        // Loaded only for an org: jsforce and undici cost memory that offline runs do not need.
        const { readOrgInput } = await import('./orgInput');
        orgUrl = (await readOrgInput(options, intake, signal, progress, connect)).instanceUrl;
    }
    if (!options.json) io.progressStream?.write('\r\x1b[K');
    const result = intake.finish();
    if (options.out !== null) writeAtomically(options.out, reliabilitySvg(result.figures));
    return {
        exitCode: result.problemCount > 0 ? EXIT.recordFailures : EXIT.done,
        result: result.figures,
        warnings: warningsOf(result),
        print: (printIo) => printReport(result, options, orgUrl, printIo)
    };
}

function printReport(result: IntakeResult, options: CalibrateOptions, orgUrl: string | null, io: Io): void {
    io.stdout(
        renderReport(result, {
            source: sourceText(options, orgUrl),
            period: {
                sinceDay: options.sinceDay,
                firstCloseDay: result.firstCloseDay,
                lastCloseDay: result.lastCloseDay
            },
            chartFile: options.out,
            width: io.width
        })
    );
    if (result.problemCount === 0) return;
    io.stderr(
        `${say(
            fill(
                t(
                    '{n} rows could not be used and are left out of the figures:',
                    '{n} 行无法使用，计算时已排除：'
                ),
                { n: result.problemCount }
            )
        )}\n${problemLines(result)
            .map((line) => `  ${say(line)}`)
            .join('\n')}\n`
    );
}

/** The too-few notice and every unusable row, for --json's warnings. */
function warningsOf(result: IntakeResult): LocalizedText[] {
    const few = tooFew(result.figures);
    return [...(few ? [few] : []), ...problemLines(result)];
}

/** Runs the command; returns the exit code (0 done, 2 some rows could not be used, 3 could not run). */
export async function main(
    argv: readonly string[],
    env: NodeJS.ProcessEnv,
    io: Io,
    signal: AbortSignal,
    /** Tests hand in their own connection; the command uses the rescore script's connectOrg. */
    connect?: OrgConnector
): Promise<number> {
    // The language of this run: --lang, else the locale of the environment it was given.
    setLang(toLang(env.LC_ALL || env.LC_MESSAGES || env.LANG));
    const program: CliProgram<CalibrateOptions> = {
        help: CALIBRATE_HELP,
        parse: (args, environment) => parseOptions(args, environment, DEFAULT_SAMPLE_DIR),
        run: (options, runIo, runSignal) => calibrateRun(options, runIo, runSignal, connect)
    };
    return runCli(program, argv, env, io, signal);
}

if (require.main === module) runAsScript(main);
