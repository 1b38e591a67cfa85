import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MODEL_VERSION, LocalizedText, RawRecord, t } from 'c/dealControlModel';
import { BulkSettings, bulkQuery, bulkUpdate } from './bulk';
import { UpdateCsvWriter } from './csvFiles';
import { OBJECTS, RescoreObject, SCORECARD_OBJECT, STAKEHOLDER_OBJECT, readFields } from './derived';
import { Change, RescoreEngine, RunStats, emptyStats } from './engine';
import { RescoreError, fill, say } from './i18n';
import { Connection } from '@jsforce/jsforce-node';
import { BudgetExhausted, HttpError, NetworkFailure, OrgClient } from './orgClient';
import { RescoreOptions } from './options';
import { RunLog, RunOutcome, RunSummary, exitCodeOf } from './outcome';
import { Progress } from './present';
import { COLLECTION_SIZE, WriteOutcome, restCount, restQuery, updateCollection } from './rest';
import { RetryPolicy } from './retry';
import { QueryScope, buildCount, buildQuery, formatSoqlDateTime } from './soql';
import { readOrgState, writeOrgState } from './state';

/** Above this many Opportunities, IN lists cost more than reading everything and filtering here. */
const MAX_IN_LIST_OPPORTUNITIES = 20_000;
const REST_IN_LIST_SIZE = 200;
const BULK_IN_LIST_SIZE = 1000;
/** Bulk API 2.0 takes up to 100 MB per upload; stay well below it. */
const SPOOL_LIMIT_BYTES = 80 * 1024 * 1024;
/** A pass that writes is checked again; three passes end even an org being edited non-stop. */
const MAX_PASSES = 3;

type Transport = 'rest' | 'bulk';
type Scope = { readonly kind: 'all' } | { readonly kind: 'opportunities'; readonly ids: readonly string[] };

class Interrupted extends RescoreError {
    constructor() {
        super('INTERRUPTED', t('Interrupted with Ctrl-C.', '已通过 Ctrl-C 中断。'), 3);
    }
}

/** How runOrg gets its jsforce Connection; tests pass their own (for example one with a refreshFn). */
export type Connector = (options: RescoreOptions) => Promise<Connection>;

/** Identifies the script in the org's API usage logs (Sforce-Call-Options client=…). */
export const CLIENT_ID = 'DealControlRescore';

/**
 * SF_INSTANCE_URL + SF_ACCESS_TOKEN: a plain jsforce Connection, which cannot renew its session.
 * --target-org: the Connection @salesforce/core builds from the sf CLI's auth (it subclasses
 * jsforce's and carries a refresh delegate for web login, JWT and refresh-token auth).
 */
export const connectOrg: Connector = async (options) => {
    const source = options.source;
    if (source.kind === 'env') {
        return new Connection({
            instanceUrl: source.instanceUrl,
            accessToken: source.accessToken,
            // A hand-built Connection defaults to API 50.0.
            version: options.apiVersion,
            callOptions: { client: CLIENT_ID }
        });
    }
    if (source.kind !== 'target-org') throw new Error('not an org source');
    try {
        const { Org } = await import('@salesforce/core');
        const org = await Org.create({ aliasOrUsername: source.aliasOrUsername });
        const conn = org.getConnection(options.apiVersion);
        if (!conn.instanceUrl || !conn.accessToken) throw new Error('no instance URL or access token');
        // @salesforce/core's Connection extends @jsforce/jsforce-node's, the same jsforce 3 API.
        return conn as unknown as Connection;
    } catch (error) {
        throw new RescoreError(
            'AUTH',
            fill(
                t(
                    'Cannot use org "{org}": {reason}. Authorize it first: sf org login web --alias {org}',
                    '无法使用组织 "{org}"：{reason}。请先授权：sf org login web --alias {org}'
                ),
                { org: source.aliasOrUsername, reason: (error as Error).message }
            )
        );
    }
};

/**
 * Lists the org's API versions (GET /services/data/, free: no API call counted) so a wrong
 * --api-version fails at once. Returns the org's clock from the Date header.
 */
async function checkApiVersion(client: OrgClient, version: string): Promise<number | null> {
    let versions: Array<{ version: string }>;
    try {
        versions = await client.conn.request<Array<{ version: string }>>({
            method: 'GET',
            url: client.url('/services/data/')
        });
    } catch (error) {
        if (!(error instanceof NetworkFailure)) return client.lastServerDate;
        throw new RescoreError(
            'UNREACHABLE',
            fill(t('Cannot reach {url}: {reason}', '无法连接 {url}：{reason}'), {
                url: client.conn.instanceUrl,
                reason: error.reason
            })
        );
    }
    const offered = Array.isArray(versions) ? versions.map((v) => v.version) : [];
    if (offered.length > 0 && !offered.includes(version)) {
        throw new RescoreError(
            'API_VERSION',
            fill(
                t(
                    'This org does not offer API version {v}. Use --api-version {latest} (the newest it offers).',
                    '此组织不提供 API 版本 {v}。请使用 --api-version {latest}（其支持的最新版本）。'
                ),
                { v: version, latest: offered[offered.length - 1] }
            )
        );
    }
    return client.lastServerDate;
}

interface Spool {
    readonly files: Array<{ file: string; rows: number }>;
    writer: UpdateCsvWriter | null;
}

/**
 * Sends changed records to the org with sObject Collections: 200 a request, a bounded number of
 * requests in flight. A batch that fails as a whole after its retries marks its records as failed
 * and the run goes on; budget and auth problems stop the run.
 */
class RestWriter {
    private buffer: Array<Readonly<Record<string, string | number | null>>> = [];
    private readonly inFlight = new Set<Promise<void>>();
    private fatal: unknown = null;

    constructor(
        private readonly client: OrgClient,
        private readonly object: RescoreObject,
        private readonly retry: RetryPolicy,
        private readonly concurrency: number,
        private readonly onResult: (outcome: WriteOutcome) => void,
        private readonly signal: AbortSignal
    ) {}

    async add(change: Change): Promise<void> {
        this.throwIfFatal();
        this.buffer.push(change.update);
        if (this.buffer.length >= COLLECTION_SIZE) await this.dispatch();
    }

    private throwIfFatal(): void {
        if (this.fatal) throw this.fatal;
    }

    private async dispatch(): Promise<void> {
        const batch = this.buffer.splice(0, COLLECTION_SIZE);
        if (batch.length === 0) return;
        while (this.inFlight.size >= this.concurrency) await Promise.race(this.inFlight);
        this.throwIfFatal();
        // Ctrl-C while waiting for a free slot: this batch is not sent; a rerun will send it.
        if (this.signal.aborted) throw new Interrupted();
        const sent: Promise<void> = updateCollection(this.client, this.object, batch, this.retry)
            .then(this.onResult, (error: unknown) => {
                if (error instanceof HttpError) {
                    this.onResult({
                        succeeded: [],
                        failed: batch.map((u) => ({
                            id: String(u.Id),
                            code: error.errorCode,
                            message: error.message
                        }))
                    });
                } else if (!this.fatal) this.fatal = error;
            })
            .finally(() => this.inFlight.delete(sent));
        this.inFlight.add(sent);
    }

    /** Sends what is buffered and waits for every request. */
    async flush(): Promise<void> {
        while (this.buffer.length > 0) await this.dispatch();
        await Promise.all(this.inFlight);
        this.throwIfFatal();
    }

    /** Ctrl-C or a budget stop: let the requests already sent finish, send nothing more. */
    async settle(): Promise<void> {
        this.buffer = [];
        await Promise.allSettled(this.inFlight);
    }
}

function chunk<T>(items: readonly T[], size: number): T[][] {
    const out: T[][] = [];
    for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
    return out;
}

function mergeStats(total: RunStats, pass: RunStats, first: boolean): void {
    for (const object of OBJECTS) {
        const into = total.objects[object];
        const from = pass.objects[object];
        if (first) {
            into.read = from.read;
            Object.assign(total.bands, pass.bands);
        }
        into.changed += from.changed;
        into.written += from.written;
        into.failed += from.failed;
        into.problems += first ? from.problems : 0;
    }
    for (const [field, n] of Object.entries(pass.changesByField))
        total.changesByField[field] = (total.changesByField[field] ?? 0) + n;
    for (const [code, n] of Object.entries(pass.problemsByCode)) {
        if (first || !/^(UNKNOWN_VALUE|NOT_A_BOOLEAN|MISSING_ID|NO_OPPORTUNITY)$/.test(code)) {
            total.problemsByCode[code] = (total.problemsByCode[code] ?? 0) + n;
        }
    }
}

/**
 * Rescores an org: decide the scope and the transport, run a read-score-write pass, and while a
 * pass wrote anything, run another over the Opportunities whose records changed since that pass
 * began. That second look is the no-lost-update guarantee: a rep's edit that landed between our
 * read and our write leaves new inputs next to the derived values we computed from the old ones,
 * and the next pass sees the difference and writes values that match the newest inputs.
 */
export async function runOrg(
    options: RescoreOptions,
    log: RunLog,
    progress: Progress,
    signal: AbortSignal,
    connect: Connector = connectOrg
): Promise<RunOutcome> {
    const started = Date.now();
    const scoredAt = new Date(started).toISOString();
    const mode = options.check ? 'check' : options.apply ? 'apply' : 'dry-run';
    const conn = await connect(options);
    const retry: RetryPolicy = {
        maxRetries: options.maxRetries,
        baseDelayMs: options.retryDelayMs,
        maxDelayMs: Math.max(30_000, options.retryDelayMs)
    };
    const client = new OrgClient(conn, {
        apiVersion: options.apiVersion,
        retry,
        maxApiCalls: options.maxApiCalls,
        reservePercent: options.apiReservePercent
    });
    const instanceUrl = conn.instanceUrl.replace(/\/+$/, '');
    const serverStart = (await checkApiVersion(client, options.apiVersion)) ?? started;
    const bulk: BulkSettings = {
        retry,
        pollIntervalMs: options.pollIntervalMs,
        pageSize: options.bulkPageSize,
        signal
    };
    const spoolDir = mkdtempSync(path.join(os.tmpdir(), 'rescore-'));
    let spoolCount = 0;
    const tempFile = (label: string): string => path.join(spoolDir, `${label}-${(spoolCount += 1)}.csv`);

    const total = emptyStats();
    const warnings: LocalizedText[] = [];
    let stopped: RunSummary['stopped'] = null;
    let transport: Transport | 'none' = 'none';
    let passes = 0;
    const live = { read: 0, scored: 0, written: 0, failed: 0 };
    let expected: number | null = null;

    const recordsOf = (object: RescoreObject, soql: string, via: Transport): AsyncIterable<RawRecord> =>
        via === 'bulk' ? bulkQuery(client, soql, bulk) : restQuery(client, soql);

    /** Opportunity Ids of records matching the scope (REST for few, Bulk for many). */
    async function opportunityIdsOf(scope: QueryScope): Promise<string[]> {
        const ids = new Set<string>();
        for (const object of OBJECTS) {
            const count = await restCount(client, buildCount(object, scope));
            if (count === 0) continue;
            const via: Transport =
                options.transport === 'rest' || count <= options.bulkThreshold ? 'rest' : 'bulk';
            for await (const row of recordsOf(object, buildQuery(object, ['Opportunity__c'], scope), via)) {
                const id = String(row.Opportunity__c ?? '').trim();
                if (id !== '') ids.add(id);
            }
        }
        return [...ids];
    }

    /**
     * Whether a scope is read whole and filtered here: every Bulk job costs a create, polls and a
     * page, so Bulk reads one job per object rather than one per IN list of 1,000 Ids.
     */
    const readWhole = (scope: Scope, via: Transport): boolean =>
        scope.kind === 'opportunities' &&
        scope.ids.length > (via === 'bulk' ? BULK_IN_LIST_SIZE : MAX_IN_LIST_OPPORTUNITIES);

    function queriesFor(object: RescoreObject, scope: Scope, via: Transport): string[] {
        const fields = readFields(object);
        if (scope.kind === 'all' || readWhole(scope, via)) return [buildQuery(object, fields)];
        return chunk(scope.ids, via === 'bulk' ? BULK_IN_LIST_SIZE : REST_IN_LIST_SIZE).map((ids) =>
            buildQuery(object, fields, { opportunityIds: ids })
        );
    }

    async function pass(scope: Scope, via: Transport): Promise<number> {
        passes += 1;
        let written = 0;
        const engine = new RescoreEngine({
            scoredAt,
            onProblem: (problem) => log.problem('data', problem),
            opportunityFilter:
                readWhole(scope, via) && scope.kind === 'opportunities' ? new Set(scope.ids) : undefined
        });
        const onResult = (object: RescoreObject) => (outcome: WriteOutcome) => {
            engine.written(object, outcome.succeeded.length);
            written += outcome.succeeded.length;
            live.written += outcome.succeeded.length;
            for (const f of outcome.failed) {
                engine.failed(object, f.id, f.code, f.message);
                log.problem('failure', { object, id: f.id, code: f.code, message: f.message });
                live.failed += 1;
            }
        };
        const spools: Record<string, Spool> = {};
        try {
            for (const object of OBJECTS) {
                const writer =
                    mode === 'apply' && via === 'rest'
                        ? new RestWriter(client, object, retry, options.concurrency, onResult(object), signal)
                        : null;
                const spool: Spool = (spools[object] = { files: [], writer: null });
                try {
                    for (const soql of queriesFor(object, scope, via)) {
                        for await (const record of recordsOf(object, soql, via)) {
                            live.read += 1;
                            const change =
                                object === STAKEHOLDER_OBJECT
                                    ? engine.stakeholder(record)
                                    : engine.scorecard(record);
                            live.scored += 1;
                            if (change) {
                                await log.change(mode === 'check' ? 'drift' : 'change', change);
                                if (writer) await writer.add(change);
                                else if (mode === 'apply') {
                                    if (!spool.writer || spool.writer.bytes > SPOOL_LIMIT_BYTES) {
                                        if (spool.writer) await spool.writer.close();
                                        spool.writer = new UpdateCsvWriter(tempFile(object), object);
                                        spool.files.push({ file: spool.writer.file, rows: 0 });
                                    }
                                    await spool.writer.write(change.update);
                                    spool.files[spool.files.length - 1].rows += 1;
                                }
                            }
                            progress.update(live, expected);
                            if (signal.aborted) throw new Interrupted();
                        }
                    }
                    await writer?.flush();
                    await spool.writer?.close();
                    spool.writer = null;
                } catch (error) {
                    await writer?.settle();
                    await spool.writer?.close();
                    throw error;
                }
            }
            if (mode === 'apply' && via === 'bulk') {
                // Both objects' jobs run side by side: the org processes them in parallel.
                await Promise.all(
                    OBJECTS.map(async (object) => {
                        for (const part of spools[object].files) {
                            if (signal.aborted) throw new Interrupted();
                            const outcome = await bulkUpdate(
                                client,
                                object,
                                part.file,
                                part.rows,
                                bulk,
                                tempFile
                            );
                            onResult(object)({
                                succeeded: Array(outcome.succeeded).fill(''),
                                failed: outcome.failed
                            });
                        }
                    })
                );
            }
        } finally {
            mergeStats(total, engine.stats, passes === 1);
        }
        return written;
    }

    try {
        let scope: Scope = { kind: 'all' };
        let stateMs: number | null = options.opportunityIds ? null : serverStart;
        if (options.opportunityIds) scope = { kind: 'opportunities', ids: options.opportunityIds };
        if (options.since) {
            let since = options.since;
            if (since === 'last') {
                const state = readOrgState(options.stateDir, instanceUrl);
                if (!state) {
                    throw new RescoreError(
                        'NO_STATE',
                        fill(
                            t(
                                'No successful --apply run on {url} is recorded in {dir}. Run once without --since (or with --since <date>) first.',
                                '{dir} 中没有 {url} 上成功的 --apply 运行记录。请先不带 --since（或用 --since <日期>）运行一次。'
                            ),
                            { url: instanceUrl, dir: options.stateDir }
                        )
                    );
                }
                since = state.lastSuccessfulRunStart;
            }
            scope = { kind: 'opportunities', ids: await opportunityIdsOf({ modifiedSince: since }) };
        }

        if (scope.kind === 'opportunities' && scope.ids.length === 0) {
            transport = 'none';
        } else {
            // Counts choose the transport and size the progress bar; a forced --bulk needs neither.
            if (
                (scope.kind === 'all' || scope.ids.length > MAX_IN_LIST_OPPORTUNITIES) &&
                options.transport !== 'bulk'
            ) {
                const counts = await Promise.all(OBJECTS.map((o) => restCount(client, buildCount(o))));
                expected = counts[0] + counts[1];
            }
            const estimate = expected ?? (scope.kind === 'opportunities' ? scope.ids.length * 6 : 0);
            transport =
                options.transport === 'auto'
                    ? estimate > options.bulkThreshold
                        ? 'bulk'
                        : 'rest'
                    : options.transport;

            let passStartMs = serverStart;
            let wrote = await pass(scope, transport);
            while (mode === 'apply' && wrote > 0) {
                if (passes >= MAX_PASSES) {
                    warnings.push(
                        t(
                            'Records kept changing while the run wrote; some may still hold values from older inputs. Run again when editing is quieter.',
                            '运行写入期间记录仍在不断变化；部分记录可能仍是旧输入的结果。请在编辑较少时再运行一次。'
                        )
                    );
                    break;
                }
                // A Date header is the org's clock rounded down to the second, so ">= it" cannot miss an edit.
                const since = formatSoqlDateTime(passStartMs);
                passStartMs = client.lastServerDate ?? Date.now();
                let next: Scope = scope;
                // Bulk: one more pass over the same scope costs about as much as listing what
                // changed, and writes only what differs. REST: list the changed Opportunities.
                if (scope.kind === 'all' && transport === 'rest') {
                    const modified = (
                        await Promise.all(
                            OBJECTS.map((o) => restCount(client, buildCount(o, { modifiedSince: since })))
                        )
                    ).reduce((a, b) => a + b, 0);
                    // When most records were rewritten, reading everything again is cheaper than listing them.
                    if (expected === null || modified * 2 < expected) {
                        next = {
                            kind: 'opportunities',
                            ids: await opportunityIdsOf({ modifiedSince: since })
                        };
                    }
                }
                if (next.kind === 'opportunities' && next.ids.length === 0) break;
                wrote = await pass(next, transport);
            }
            // A full run's last pass saw everything edited since it began; a --since run only
            // covered what had changed when it listed the Opportunities, at the start.
            if (scope.kind === 'all') stateMs = passStartMs;
        }

        // Only a run over the whole org (or everything changed since) may move --since last forward.
        if (mode === 'apply' && stateMs !== null && exitCodeOf(mode, total) === 0) {
            writeOrgState(options.stateDir, {
                instanceUrl,
                lastSuccessfulRunStart: formatSoqlDateTime(stateMs),
                modelVersion: MODEL_VERSION,
                mode
            });
        }
    } catch (error) {
        if (!(error instanceof BudgetExhausted || error instanceof Interrupted)) throw error;
        const written = total.objects[STAKEHOLDER_OBJECT].written + total.objects[SCORECARD_OBJECT].written;
        stopped = {
            code: error.code,
            message: say(error.text),
            resume: say(
                fill(
                    t(
                        '{written} records were written before the stop. Run the same command again to finish: records already up to date are read but not written again.',
                        '停止前已写入 {written} 条记录。再次运行同一命令即可完成：已是最新的记录只读取、不再写入。'
                    ),
                    { written }
                )
            )
        };
    } finally {
        progress.done();
        rmSync(spoolDir, { recursive: true, force: true });
    }

    const elapsedMs = Date.now() - started;
    const read = total.objects[STAKEHOLDER_OBJECT].read + total.objects[SCORECARD_OBJECT].read;
    const summary: RunSummary = {
        mode,
        source: 'org',
        transport,
        modelVersion: MODEL_VERSION,
        scoredAt,
        ...total,
        apiCalls: client.apiCalls,
        apiCallsByKind: { ...client.callsByKind },
        apiUsage: client.limitInfo,
        retries: client.retries,
        sessionRefreshes: client.sessionRefreshes,
        passes,
        elapsedMs,
        recordsPerSecond: Math.round(read / Math.max(elapsedMs / 1000, 0.001)),
        stopped,
        sampleChanges: log.sampleChanges,
        outputDir: null
    };
    return { exitCode: stopped ? 3 : exitCodeOf(mode, total), summary, table: null, warnings };
}
