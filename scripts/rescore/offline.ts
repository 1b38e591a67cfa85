import path from 'node:path';
import { LocalizedText, MODEL_VERSION, RawRecord, t } from 'c/dealControlModel';
import { writeFileAtomic } from '../shared/atomicFile';
import { readCsvTable } from '../shared/csvTable';
import { CliError, EXIT } from '../shared/errors';
import { fill, say } from '../shared/i18n';
import { checkInputDir, inputFileExists, prepareOutputDir } from '../shared/paths';
import { RescoreEngine, ScorecardResult } from './engine';
import { RescoreObject, WRITTEN_OBJECTS, writeFields } from './derived';
import { IngestFileWriter } from './ingestFile';
import {
    OPPORTUNITY_NAMES,
    RESCORE_INPUTS,
    RescoreInput,
    exportCommand,
    howToExport,
    requiredColumns
} from './inputs';
import { CsvSnapshots } from './csvSnapshots';
import { OPPORTUNITY_INPUT } from './opportunityInput';
import { SNAPSHOT_OBJECT } from './snapshotRow';
import { SnapshotSummary, withSnapshotExit } from './snapshotSummary';
import { RescoreOptions } from './options';
import { RunLog, RunOutcome, RunSummary, TABLE_LIMIT, exitCodeOf } from './outcome';
import { Progress, TableRow } from './present';
import { loadSampleData } from './sampleData';

interface OfflineSource {
    readonly kind: 'csv' | 'sample';
    records(input: RescoreInput): AsyncIterable<RawRecord>;
    opportunityNames(ids: ReadonlySet<string>): Promise<Map<string, string>>;
    /** What the run should know about its inputs (an optional file that is not there). */
    readonly warnings: readonly LocalizedText[];
    /** The Opportunities the snapshot step reads (CSV mode only). */
    opportunities(): AsyncIterable<RawRecord>;
}

async function* fromArray(records: readonly RawRecord[]): AsyncGenerator<RawRecord> {
    yield* records;
}

function sampleSource(dir: string): OfflineSource {
    const data = loadSampleData(dir);
    return {
        kind: 'sample',
        warnings: [],
        records: (input) => fromArray(data.byType.get(input.object) ?? []),
        opportunityNames: async (ids) =>
            new Map(
                (data.byType.get('Opportunity') ?? [])
                    .filter((o) => ids.has(String(o.Id)))
                    .map((o) => [String(o.Id), String(o.Name ?? o.Id)])
            ),
        // The options refuse --snapshot on the sample data, which already holds snapshots.
        opportunities: () => fromArray([])
    };
}

const EXPORT_ROLE = t('the CSV export', 'CSV 导出文件');

/** The CSV files CSV mode reads from --input-dir: one per input, and the optional Opportunity names. */
export function csvInputFiles(dir: string): { readonly inputs: string[]; readonly names: string } {
    return {
        inputs: RESCORE_INPUTS.map((input) => path.join(dir, `${input.object}.csv`)),
        names: path.join(dir, `${OPPORTUNITY_NAMES.object}.csv`)
    };
}

/**
 * The files CSV mode writes to --output-dir: an update file per object it writes, the snapshots
 * (with --snapshot), its summary.
 */
export function csvOutputFiles(
    dir: string,
    snapshot: boolean
): { readonly updates: string[]; readonly snapshots: string | null; readonly summary: string } {
    return {
        updates: WRITTEN_OBJECTS.map((object) => path.join(dir, `${object}.csv`)),
        snapshots: snapshot ? path.join(dir, `${SNAPSHOT_OBJECT}.csv`) : null,
        summary: path.join(dir, 'summary.json')
    };
}

function missingFile(
    file: string,
    label: LocalizedText,
    object: string,
    fields: readonly string[]
): CliError {
    return new CliError(
        'MISSING_FILE',
        fill(t('{file} is missing: CSV mode needs the {label}.', '缺少 {file}：CSV 模式需要{label}。'), {
            file,
            label
        }),
        { actions: [howToExport(object, fields, file)] }
    );
}

function csvSource(dir: string, snapshot: boolean): OfflineSource {
    checkInputDir(dir, '--input-dir');
    const files = csvInputFiles(dir);
    const absent = new Set<RescoreInput>();
    const warnings: LocalizedText[] = [];
    RESCORE_INPUTS.forEach((input, i) => {
        if (inputFileExists(files.inputs[i], EXPORT_ROLE)) return;
        if (input.optionalFile) {
            absent.add(input);
            warnings.push(
                fill(
                    t(
                        'No {file}: this run read no {label}, so no code that depends on them (INFLUENCED_AGAINST, WIN_UNDERMINED, COACH_NO_ACCESS) is raised, and stored ones are cleared. If the org has them, export them too: {command}',
                        '没有 {file}：本次运行未读取任何{label}，因此不会给出依赖它们的代码（INFLUENCED_AGAINST、WIN_UNDERMINED、COACH_NO_ACCESS），已存的此类代码会被清除。如果组织中有这些记录，请一并导出：{command}'
                    ),
                    {
                        file: files.inputs[i],
                        label: input.label,
                        command: exportCommand(input.object, input.fields, files.inputs[i])
                    }
                )
            );
            return;
        }
        throw missingFile(files.inputs[i], input.label, input.object, input.fields);
    });
    // Part E: a snapshot copies the Opportunity's values that day and is taken of open deals only.
    if (snapshot && !inputFileExists(files.names, EXPORT_ROLE))
        throw missingFile(
            files.names,
            OPPORTUNITY_INPUT.label,
            OPPORTUNITY_INPUT.object,
            OPPORTUNITY_INPUT.fields
        );
    return {
        kind: 'csv',
        warnings,
        records: async function* (input) {
            if (absent.has(input)) return;
            const file = files.inputs[RESCORE_INPUTS.indexOf(input)];
            for await (const row of readCsvTable({
                file,
                role: EXPORT_ROLE,
                required: requiredColumns(input),
                optional: input.optionalColumns,
                howToExport: howToExport(input.object, input.fields, file)
            })) {
                yield row.record;
            }
        },
        // Names are read only for the few Opportunities a table shows, so a huge export costs one scan.
        opportunityNames: async (ids) => {
            const names = new Map<string, string>();
            if (ids.size === 0 || !inputFileExists(files.names, EXPORT_ROLE)) return names;
            // Name is optional: the export for --snapshot may lack it; the table then shows Ids.
            for await (const { record } of readCsvTable({
                file: files.names,
                role: EXPORT_ROLE,
                required: ['Id'],
                optional: ['Name'],
                howToExport: howToExport(OPPORTUNITY_NAMES.object, OPPORTUNITY_NAMES.fields, files.names)
            })) {
                if (ids.has(record.Id.trim()) && record.Name) names.set(record.Id.trim(), record.Name);
            }
            return names;
        },
        opportunities: async function* () {
            for await (const row of readCsvTable({
                file: files.names,
                role: EXPORT_ROLE,
                required: requiredColumns(OPPORTUNITY_INPUT),
                optional: OPPORTUNITY_INPUT.optionalColumns,
                howToExport: howToExport(OPPORTUNITY_INPUT.object, OPPORTUNITY_INPUT.fields, files.names)
            })) {
                yield row.record;
            }
        }
    };
}

const UPDATE_ROLE = t('the update file', '更新文件');

/**
 * Rescores CSV exports or the bundled sample data without any org. Changed records go to
 * --output-dir as `sf data update bulk` input files, which appear only when the whole run has
 * succeeded: a bad row, a duplicate Id or Ctrl-C leaves no output file, and the exports are only
 * ever read.
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
    const live = { read: 0, scored: 0, written: 0, failed: 0 };
    let tableOverflow = false;
    const snapshots =
        options.snapshotDate === null
            ? null
            : new CsvSnapshots(
                  options.snapshotDate,
                  options.opportunityIds ? new Set(options.opportunityIds) : undefined
              );
    let snapshot: SnapshotSummary | null = null;
    const engine = new RescoreEngine({
        scoredAt,
        onProblem: (problem) => log.problem('data', problem),
        onScorecard: (result) => {
            snapshots?.scored(result);
            if (tableRows.length < TABLE_LIMIT) tableRows.push(result);
            else tableOverflow = true;
        },
        opportunityFilter: options.opportunityIds ? new Set(options.opportunityIds) : undefined,
        onScored: (records) => {
            live.scored += records;
            progress.update(live, null);
        }
    });
    const source =
        options.source.kind === 'sample'
            ? sampleSource(options.source.dir)
            : csvSource((options.source as { dir: string }).dir, snapshots !== null);

    const outputDir = options.check ? null : options.outputDir;
    if (outputDir) prepareOutputDir(outputDir, '--output-dir', UPDATE_ROLE);
    const outputs = outputDir ? csvOutputFiles(outputDir, snapshots !== null) : null;
    const mode = options.check ? 'check' : options.apply ? 'apply' : 'dry-run';
    let stopped: RunSummary['stopped'] = null;
    const writers = new Map<RescoreObject, IngestFileWriter>(
        outputs
            ? WRITTEN_OBJECTS.map((object, i) => [
                  object,
                  new IngestFileWriter(outputs.updates[i], ['Id', ...writeFields(object)], UPDATE_ROLE)
              ])
            : []
    );
    let table: TableRow[] | null = null;
    try {
        for (const input of RESCORE_INPUTS) {
            for await (const record of source.records(input)) {
                if (signal.aborted) break;
                input.score(engine, record);
                live.read += 1;
                progress.update(live, null);
            }
            if (signal.aborted) break;
        }
        for await (const change of engine.changes(signal)) {
            await log.change(options.check ? 'drift' : 'change', change);
            const writer = writers.get(change.object);
            if (!writer) continue;
            await writer.write(change.update);
            live.written += 1;
        }
        if (snapshots && !signal.aborted) {
            snapshot = await snapshots.write(source.opportunities(), outputs?.snapshots ?? null, log, signal);
        }
        if (!signal.aborted && !tableOverflow && tableRows.length > 0) {
            const names = await source.opportunityNames(new Set(tableRows.map((r) => r.opportunityId ?? '')));
            table = tableRows.map((r) => ({
                opportunity: (r.opportunityId && names.get(r.opportunityId)) || r.opportunityId || r.id,
                score: r.score,
                band: r.band,
                findings: r.findings
            }));
        }
    } catch (error) {
        await Promise.all([...writers.values()].map((w) => w.discard()));
        throw error;
    } finally {
        engine.dispose();
        progress.done();
    }
    if (signal.aborted) {
        await Promise.all([...writers.values()].map((w) => w.discard()));
        stopped = {
            code: 'INTERRUPTED',
            message: say(
                t(
                    'Interrupted with Ctrl-C: no output file was written.',
                    '已通过 Ctrl-C 中断：未写出任何输出文件。'
                )
            ),
            resume: say(
                t(
                    'Run the same command again; your input files are untouched.',
                    '重新运行同一命令即可；输入文件未被改动。'
                )
            )
        };
    } else {
        for (const writer of writers.values()) await writer.close();
    }

    const elapsedMs = Date.now() - started;
    const read = RESCORE_INPUTS.reduce((sum, input) => sum + engine.stats.objects[input.object].read, 0);
    const warnings = source.warnings;
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
        outputDir,
        snapshot
    };
    if (outputs && !stopped) {
        writeFileAtomic(
            outputs.summary,
            `${JSON.stringify(summary, null, 2)}\n`,
            t('the summary', '摘要文件')
        );
    }
    return {
        exitCode: stopped ? EXIT.couldNotRun : withSnapshotExit(exitCodeOf(mode, engine.stats), snapshot),
        summary,
        table,
        warnings
    };
}
