import { RawRecord, t } from 'c/dealControlModel';
import { throwIfAborted } from '../shared/errors';
import { BulkSettings, bulkIngest } from './bulk';
import { RescoreObject, STAKEHOLDER_LINK_OBJECT, WRITTEN_OBJECTS, writeFields } from './derived';
import { Change, RescoreEngine, ScorecardResult } from './engine';
import { IngestFileWriter } from './ingestFile';
import { RESCORE_INPUTS, RescoreInput } from './inputs';
import { LinkReplay } from './linkReplay';
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
    /** The links of the first pass, for later passes while no link changes (--apply only). */
    readonly links: LinkReplay | null;
    /** Sees every scorecard the passes score (the snapshot step keeps its values as just scored). */
    readonly onScorecard?: (result: ScorecardResult) => void;
}

/** The engine of one pass: it filters records here when the scope is read whole. */
export function passEngine(ctx: PassContext, scope: Scope, via: Via): RescoreEngine {
    return new RescoreEngine({
        scoredAt: ctx.scoredAt,
        onProblem: (problem) => ctx.log.problem('data', problem),
        onScorecard: ctx.onScorecard,
        onScored: (records) => {
            ctx.live.scored += records;
            ctx.progress.update(ctx.live, ctx.expected());
        },
        opportunityFilter:
            ctx.reader.readsWhole(scope, via) && scope.kind === 'opportunities'
                ? new Set(scope.ids)
                : undefined
    });
}

/** An input's records for a pass: from the org, or the first pass's links while no link has changed. */
function recordsOf(
    ctx: PassContext,
    input: RescoreInput,
    scope: Scope,
    via: Via,
    seen: SeenRecords
): AsyncIterable<RawRecord> {
    const links = input.object === STAKEHOLDER_LINK_OBJECT ? ctx.links : null;
    if (links?.current) return links.records(scope);
    async function* fromOrg(): AsyncGenerator<RawRecord> {
        for (const soql of ctx.reader.queriesFor(
            input.object,
            [...input.fields, MODIFIED_FIELD],
            scope,
            via
        )) {
            for await (const record of ctx.reader.records(soql, via)) {
                seen.note(record);
                yield record;
            }
        }
    }
    return links ? links.recorded(fromOrg()) : fromOrg();
}

/** Where one pass's changes go: nowhere (dry run, check), REST requests, or Bulk upload files. */
class PassWrites {
    private readonly rest = new Map<RescoreObject, RestWriter>();
    readonly spools = new Map<RescoreObject, Array<{ writer: IngestFileWriter; rows: number }>>();

    constructor(
        private readonly ctx: PassContext,
        via: Via,
        onResult: (object: RescoreObject) => (outcome: WriteOutcome) => void
    ) {
        const inFlight = new Set<Promise<void>>();
        for (const object of WRITTEN_OBJECTS) {
            this.spools.set(object, []);
            if (ctx.mode === 'apply' && via === 'rest') {
                this.rest.set(
                    object,
                    new RestWriter(
                        (batch) => writeCollection(ctx.client, object, 'update', batch, ctx.retry),
                        ctx.concurrency,
                        onResult(object),
                        ctx.signal,
                        inFlight
                    )
                );
            }
        }
    }

    async add(change: Change): Promise<void> {
        if (this.ctx.failedIds.has(change.id)) return;
        await this.ctx.log.change(this.ctx.mode === 'check' ? 'drift' : 'change', change);
        if (this.ctx.mode !== 'apply') return;
        const rest = this.rest.get(change.object);
        if (rest) {
            await rest.add(change.update);
            return;
        }
        const spool = this.spools.get(change.object)!;
        let part = spool[spool.length - 1];
        if (!part || part.writer.bytes > SPOOL_LIMIT_BYTES) {
            await part?.writer.close();
            const columns = ['Id', ...writeFields(change.object)];
            part = {
                writer: new IngestFileWriter(this.ctx.tempFile(change.object), columns, SPOOL_ROLE),
                rows: 0
            };
            spool.push(part);
        }
        await part.writer.write(change.update);
        part.rows += 1;
    }

    /** Everything sent (REST) or every upload file complete (Bulk). */
    async finish(): Promise<void> {
        for (const writer of this.rest.values()) await writer.flush();
        for (const spool of this.spools.values()) await spool[spool.length - 1]?.writer.close();
    }

    /** A stopped pass: requests already sent finish, nothing more is sent or kept. */
    async abandon(): Promise<void> {
        for (const writer of this.rest.values()) await writer.settle();
        for (const spool of this.spools.values()) await spool[spool.length - 1]?.writer.discard();
    }
}

/**
 * One read-score-write pass over a scope. It reads every input object (assessments, scorecards,
 * links) into the engine, which then scores one Opportunity at a time; with --apply, changed
 * records go out as they are scored (REST: sObject Collections from a bounded pool of requests)
 * or are spooled to files for Bulk ingest jobs that run when the scoring is done. Notes in `seen`
 * what it read of records modified since it began. Returns the number of records written.
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
    const writes = new PassWrites(ctx, via, onResult);
    try {
        for (const input of RESCORE_INPUTS) {
            for await (const record of recordsOf(ctx, input, scope, via, seen)) {
                ctx.live.read += 1;
                input.score(engine, record);
                ctx.progress.update(ctx.live, ctx.expected());
                throwIfAborted(ctx.signal);
            }
        }
        for await (const change of engine.changes(ctx.signal)) {
            await writes.add(change);
            throwIfAborted(ctx.signal);
        }
        throwIfAborted(ctx.signal);
        await writes.finish();
    } catch (error) {
        await writes.abandon();
        engine.dispose();
        throw error;
    }
    if (ctx.mode === 'apply' && via === 'bulk') {
        // Both objects' jobs run side by side: the org processes them in parallel.
        await Promise.all(
            [...writes.spools].map(async ([object, spool]) => {
                for (const part of spool) {
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
