import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MODEL_VERSION, RawRecord, t } from 'c/dealControlModel';
import { say } from './i18n';
import { readCsvRecords, requireFile, UpdateCsvWriter } from './csvFiles';
import { OBJECTS, RescoreObject, SCORECARD_OBJECT, STAKEHOLDER_OBJECT } from './derived';
import { RescoreEngine, ScorecardResult } from './engine';
import { RunLog, RunOutcome, RunSummary, TABLE_LIMIT, exitCodeOf } from './outcome';
import { Progress, TableRow } from './present';
import { RescoreOptions } from './options';
import { loadSampleData } from './sampleData';

interface OfflineSource {
    readonly kind: 'csv' | 'sample';
    records(object: RescoreObject): AsyncIterable<RawRecord>;
    opportunityNames(ids: ReadonlySet<string>): Promise<Map<string, string>>;
}

async function* fromArray(records: readonly RawRecord[]): AsyncGenerator<RawRecord> {
    yield* records;
}

function sampleSource(dir: string): OfflineSource {
    const data = loadSampleData(dir);
    return {
        kind: 'sample',
        records: (object) => fromArray(data.byType.get(object) ?? []),
        opportunityNames: async (ids) =>
            new Map(
                (data.byType.get('Opportunity') ?? [])
                    .filter((o) => ids.has(String(o.Id)))
                    .map((o) => [String(o.Id), String(o.Name ?? o.Id)])
            )
    };
}

function csvSource(dir: string, log: RunLog, engine: () => RescoreEngine): OfflineSource {
    const files = {
        [STAKEHOLDER_OBJECT]: requireFile(dir, `${STAKEHOLDER_OBJECT}.csv`),
        [SCORECARD_OBJECT]: requireFile(dir, `${SCORECARD_OBJECT}.csv`)
    };
    return {
        kind: 'csv',
        records: (object) =>
            readCsvRecords(files[object], (row) => {
                const problem = {
                    object,
                    id: row.id,
                    code: 'MALFORMED_CSV',
                    message: `line ${row.line}: ${row.reason}`
                };
                const stats = engine().stats;
                stats.objects[object].problems += 1;
                stats.problemsByCode.MALFORMED_CSV = (stats.problemsByCode.MALFORMED_CSV ?? 0) + 1;
                log.problem('data', problem);
            }),
        // Names are read only for the few Opportunities a table shows, so a huge export costs one scan.
        opportunityNames: async (ids) => {
            const names = new Map<string, string>();
            const file = path.join(dir, 'Opportunity.csv');
            if (ids.size === 0 || !existsSync(file)) return names;
            for await (const row of readCsvRecords(file, () => undefined)) {
                const id = String(row.Id ?? '').trim();
                if (ids.has(id)) names.set(id, String(row.Name ?? id));
            }
            return names;
        }
    };
}

/**
 * Rescores CSV exports or the bundled sample data without any org. Changed records go to
 * --output-dir as `sf data update bulk` input files; nothing else is ever written.
 */
export async function runOffline(
    options: RescoreOptions,
    log: RunLog,
    progress: Progress,
    signal: AbortSignal
): Promise<RunOutcome> {
    const started = Date.now();
    const scoredAt = new Date(started).toISOString();
    const tableRows: ScorecardResult[] = [];
    let tableOverflow = false;
    const engine = new RescoreEngine({
        scoredAt,
        onProblem: (problem) => log.problem('data', problem),
        onScorecard: (result) => {
            if (tableRows.length < TABLE_LIMIT) tableRows.push(result);
            else tableOverflow = true;
        },
        opportunityFilter: options.opportunityIds ? new Set(options.opportunityIds) : undefined
    });
    const source =
        options.source.kind === 'sample'
            ? sampleSource(options.source.dir)
            : csvSource((options.source as { dir: string }).dir, log, () => engine);

    const outputDir = options.outputDir;
    if (outputDir) mkdirSync(outputDir, { recursive: true });
    const mode = options.check ? 'check' : options.apply ? 'apply' : 'dry-run';
    let stopped: RunSummary['stopped'] = null;

    for (const object of OBJECTS) {
        const writer =
            outputDir && !options.check
                ? new UpdateCsvWriter(path.join(outputDir, `${object}.csv`), object)
                : null;
        for await (const record of source.records(object)) {
            if (signal.aborted) break;
            const change =
                object === STAKEHOLDER_OBJECT ? engine.stakeholder(record) : engine.scorecard(record);
            if (change) {
                await log.change(options.check ? 'drift' : 'change', change);
                if (writer) await writer.write(change.update);
            }
            const counts = engine.stats.objects[object];
            progress.update(
                { read: counts.read, scored: counts.read, written: writer?.rows ?? 0, failed: 0 },
                null
            );
        }
        await writer?.close();
        if (signal.aborted) {
            stopped = {
                code: 'INTERRUPTED',
                message: say(t('Interrupted: the output files are incomplete.', '已中断：输出文件不完整。')),
                resume: say(
                    t(
                        'Run the same command again; CSV mode rewrites its output from scratch.',
                        '重新运行同一命令即可；CSV 模式会从头重写输出文件。'
                    )
                )
            };
            break;
        }
    }
    progress.done();

    const elapsedMs = Date.now() - started;
    const read = engine.stats.objects[STAKEHOLDER_OBJECT].read + engine.stats.objects[SCORECARD_OBJECT].read;
    const summary: RunSummary = {
        mode,
        source: source.kind,
        transport: 'none',
        modelVersion: MODEL_VERSION,
        scoredAt,
        ...engine.stats,
        apiCalls: null,
        apiCallsByKind: null,
        apiUsage: null,
        retries: 0,
        sessionRefreshes: 0,
        passes: 1,
        elapsedMs,
        recordsPerSecond: Math.round(read / Math.max(elapsedMs / 1000, 0.001)),
        stopped,
        sampleChanges: log.sampleChanges,
        outputDir
    };
    if (outputDir)
        writeFileSync(path.join(outputDir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);

    let table: TableRow[] | null = null;
    if (!tableOverflow && tableRows.length > 0) {
        const names = await source.opportunityNames(new Set(tableRows.map((r) => r.opportunityId ?? '')));
        table = tableRows.map((r) => ({
            opportunity: (r.opportunityId && names.get(r.opportunityId)) || r.opportunityId || r.id,
            score: r.score,
            band: r.band,
            findings: r.findings
        }));
    }
    return { exitCode: stopped ? 3 : exitCodeOf(mode, engine.stats), summary, table, warnings: [] };
}
