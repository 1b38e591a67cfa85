import { t } from 'c/dealControlModel';
import { throwIfAborted } from '../shared/errors';
import { BulkSettings, bulkIngest } from './bulk';
import { RescoreObject, writeFields } from './derived';
import { Change, RescoreEngine } from './engine';
import { IngestFileWriter } from './ingestFile';
import { RESCORE_INPUTS } from './inputs';
import { OrgClient } from './orgClient';
import { OrgReader, Scope, Via } from './orgReads';
import { RunLog, RunMode } from './outcome';
import { Progress } from './present';
import { RestWriter } from './restWriter';
import { WriteOutcome, writeCollection } from './rest';
import { MODIFIED_FIELD, SeenRecords } from './seenRecords';
import { RetryPolicy } from './retry';

/** Bulk API 2.0 takes up to 100 MB per upload; stay well below it. */
const SPOOL_LIMIT_BYTES = 80 * 1024 * 1024;

const SPOOL_ROLE = t('the temporary upload file', '临时上传文件');

/** Counts shown by the progress bar across passes. */
export interface LiveCounts {
    read: number;
    scored: number;
    written: number;
    failed: number;
}

/** What every pass of a run shares. */
export interface PassContext {
    readonly client: OrgClient;
    readonly reader: OrgReader;
    readonly retry: RetryPolicy;
    readonly bulk: BulkSettings;
    readonly mode: RunMode;
    readonly concurrency: number;
    readonly scoredAt: string;
    readonly log: RunLog;
    readonly progress: Progress;
    readonly signal: AbortSignal;
    readonly live: LiveCounts;
    /** Records the run expects to read (for the progress bar), when known. */
    readonly expected: () => number | null;
    /** A new temporary file for Bulk uploads (removed with the run's spool folder). */
    readonly tempFile: (label: string) => string;
    /** Records that failed to write earlier in the run: reported once, not sent again by later passes. */
    readonly failedIds: Set<string>;
    /** Sees every change the passes compute (the snapshot step keeps the scorecards' new values). */
    readonly onChange?: (change: Change) => void;
}

/** The engine of one pass: it filters records here when the scope is read whole. */
export function passEngine(ctx: PassContext, scope: Scope, via: Via): RescoreEngine {
    return new RescoreEngine({
        scoredAt: ctx.scoredAt,
        onProblem: (problem) => ctx.log.problem('data', problem),
        opportunityFilter:
            ctx.reader.readsWhole(scope, via) && scope.kind === 'opportunities'
                ? new Set(scope.ids)
                : undefined
    });
}

/**
 * One read-score-write pass over a scope: every input object in the engine's order, each record
 * scored as it arrives; with --apply, changed records go out at once (REST: sObject Collections
 * from a bounded pool of requests) or are spooled to files for Bulk ingest jobs that run when the
 * reading is done. Notes in `seen` what it read of records modified since it began. Returns the
 * number of records written.
 */
export async function runPass(
    ctx: PassContext,
    engine: RescoreEngine,
    scope: Scope,
    via: Via,
    seen: SeenRecords
): Promise<number> {
    let written = 0;
    const onResult = (object: RescoreObject) => (outcome: WriteOutcome) => {
        engine.written(object, outcome.succeeded.length);
        written += outcome.succeeded.length;
        ctx.live.written += outcome.succeeded.length;
        for (const f of outcome.failed) {
            ctx.failedIds.add(f.id);
            engine.failed(object, f.id, f.code, f.message);
            ctx.log.problem('failure', { object, id: f.id, code: f.code, message: f.message });
            ctx.live.failed += 1;
        }
    };
    const spools = new Map<RescoreObject, Array<{ writer: IngestFileWriter; rows: number }>>();
    for (const input of RESCORE_INPUTS) {
        const object = input.object;
        const columns = ['Id', ...writeFields(object)];
        const writer =
            ctx.mode === 'apply' && via === 'rest'
                ? new RestWriter(
                      (batch) => writeCollection(ctx.client, object, 'update', batch, ctx.retry),
                      ctx.concurrency,
                      onResult(object),
                      ctx.signal
                  )
                : null;
        const spool: Array<{ writer: IngestFileWriter; rows: number }> = [];
        spools.set(object, spool);
        try {
            for (const soql of ctx.reader.queriesFor(object, [...input.fields, MODIFIED_FIELD], scope, via)) {
                for await (const record of ctx.reader.records(soql, via)) {
                    ctx.live.read += 1;
                    seen.note(record);
                    const change = input.score(engine, record);
                    ctx.live.scored += 1;
                    if (change) ctx.onChange?.(change);
                    if (change && !ctx.failedIds.has(change.id)) {
                        await ctx.log.change(ctx.mode === 'check' ? 'drift' : 'change', change);
                        if (writer) await writer.add(change.update);
                        else if (ctx.mode === 'apply') {
                            let part = spool[spool.length - 1];
                            if (!part || part.writer.bytes > SPOOL_LIMIT_BYTES) {
                                await part?.writer.close();
                                part = {
                                    writer: new IngestFileWriter(ctx.tempFile(object), columns, SPOOL_ROLE),
                                    rows: 0
                                };
                                spool.push(part);
                            }
                            await part.writer.write(change.update);
                            part.rows += 1;
                        }
                    }
                    ctx.progress.update(ctx.live, ctx.expected());
                    throwIfAborted(ctx.signal);
                }
            }
            await writer?.flush();
            await spool[spool.length - 1]?.writer.close();
        } catch (error) {
            await writer?.settle();
            await spool[spool.length - 1]?.writer.discard();
            throw error;
        }
    }
    if (ctx.mode === 'apply' && via === 'bulk') {
        // Both objects' jobs run side by side: the org processes them in parallel.
        await Promise.all(
            RESCORE_INPUTS.map(async ({ object }) => {
                for (const part of spools.get(object) ?? []) {
                    throwIfAborted(ctx.signal);
                    const outcome = await bulkIngest(
                        ctx.client,
                        {
                            object,
                            operation: 'update',
                            file: part.writer.file,
                            rows: part.rows,
                            columns: part.writer.columns
                        },
                        ctx.bulk,
                        ctx.tempFile
                    );
                    onResult(object)({
                        succeeded: Array<string>(outcome.succeeded).fill(''),
                        failed: outcome.failed
                    });
                }
            })
        );
    }
    return written;
}
