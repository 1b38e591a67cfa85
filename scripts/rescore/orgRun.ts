import { MODEL_VERSION, LocalizedText, t } from 'c/dealControlModel';
import { CliError, EXIT, INTERRUPTED } from '../shared/errors';
import { fill, say } from '../shared/i18n';
import { Connector, openOrg } from './connect';
import { OBJECTS, SCORECARD_OBJECT, STAKEHOLDER_LINK_OBJECT, STAKEHOLDER_OBJECT } from './derived';
import { RunStats, ScorecardResult, emptyStats } from './engine';
import { RescoreOptions } from './options';
import { API_BUDGET, OrgClient, orgError } from './orgClient';
import { OrgReader, Scope, Via } from './orgReads';
import { RunLog, RunOutcome, RunSummary, exitCodeOf } from './outcome';
import { LinkReplay } from './linkReplay';
import { LiveCounts, PassContext, passEngine, runPass } from './pass';
import { Progress } from './present';
import { formatSoqlDateTime } from './soql';
import { sleep } from './retry';
import { SeenRecords } from './seenRecords';
import { readOrgState, writeOrgState } from './state';
import { normalizeRecordId } from '../shared/recordId';
import { scorecardValues, takeOrgSnapshots } from './orgSnapshots';
import { SnapshotCounts, SnapshotSummary, withSnapshotExit } from './snapshotSummary';
import { SnapshotTable } from './snapshotTable';

export type { Connector } from './connect';
export { CLIENT_ID, connectOrg } from './connect';

/** A pass that wrote, or saw edits land, is followed by another; three end even an org edited non-stop. */
const MAX_PASSES = 3;

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
    // Every link problem is in the data, which the first pass read whole; later passes read it again.
    if (first) Object.assign(total.linkIssuesByCode, pass.linkIssuesByCode);
}

/**
 * Waits until the org's clock is a second past the last answer (our last write is older), and
 * returns that second. The next pass then starts after every write of this one, and "modified
 * since" can tell those writes (earlier) from edits made after the pass began (not earlier):
 * the Date header and SOQL's modification times have one-second resolution, so without the wait
 * our own writes of the same second would look like new edits, to be listed (by query jobs, for
 * Bulk) and compared with what the pass read (SeenRecords).
 */
async function pastOurWrites(client: OrgClient, signal: AbortSignal): Promise<number> {
    const lastAnswer = client.lastServerDate ?? Date.now();
    const second = Math.floor(lastAnswer / 1000) * 1000 + 1000;
    await sleep(Math.max(0, client.lastServerDateAt + 1000 - Date.now()), signal);
    return second;
}

function noState(instanceUrl: string, stateDir: string): CliError {
    return new CliError(
        'NO_STATE',
        fill(
            t(
                'No successful --apply run on {url} is recorded in {dir}, so --since last has no starting point.',
                '{dir} 中没有 {url} 上成功的 --apply 运行记录，因此 --since last 没有起点。'
            ),
            { url: instanceUrl, dir: stateDir }
        ),
        {
            actions: [
                t(
                    'Run once without --since (or with --since <date>), or add --if-no-state full to let this run be the full one.',
                    '请先不带 --since（或用 --since <日期>）运行一次，或加上 --if-no-state full 让本次运行成为完整运行。'
                )
            ]
        }
    );
}

/**
 * Rescores an org: decide the scope and the transport, run a read-score-write pass, then look
 * again at the Opportunities whose records changed since that pass began, and pass over them
 * while there are any. That second look is the no-lost-update guarantee: a rep's edit that landed
 * between our read and our write (or while we read, when the pass wrote nothing) leaves new inputs
 * next to derived values computed from the old ones, and the next pass writes values that match
 * the newest inputs. A full or --since run that ends without failures records its start in
 * --state-dir for the next --since last.
 */
export async function runOrg(
    options: RescoreOptions,
    log: RunLog,
    progress: Progress,
    signal: AbortSignal,
    connect?: Connector
): Promise<RunOutcome> {
    const started = Date.now();
    const scoredAt = new Date(started).toISOString();
    const mode = options.check ? 'check' : options.apply ? 'apply' : 'dry-run';
    const { client, retry, bulk, reader, instanceUrl, serverStart, tempFile, close } = await openOrg(
        options,
        signal,
        connect
    );
    let expected: number | null = null;
    const live: LiveCounts = { read: 0, scored: 0, written: 0, failed: 0 };
    const snapshots = new SnapshotTable();
    const snapshotCounts = new SnapshotCounts();
    let snapshot: SnapshotSummary | null = null;
    const ctx: PassContext = {
        client,
        reader,
        retry,
        bulk,
        mode,
        concurrency: options.concurrency,
        scoredAt,
        log,
        progress,
        signal,
        live,
        expected: () => expected,
        tempFile,
        failedIds: new Set(),
        links: mode === 'apply' ? new LinkReplay(tempFile(STAKEHOLDER_LINK_OBJECT)) : null,
        onScorecard: options.snapshotDate === null ? undefined : (result) => keepScorecard(snapshots, result)
    };

    const total = emptyStats();
    const warnings: LocalizedText[] = [];
    let stopped: RunSummary['stopped'] = null;
    let transport: Via | 'none' = 'none';
    let passes = 0;

    async function pass(scope: Scope, via: Via, seen: SeenRecords): Promise<number> {
        passes += 1;
        const engine = passEngine(ctx, scope, via);
        try {
            return await runPass(ctx, engine, scope, via, seen);
        } finally {
            mergeStats(total, engine.stats, passes === 1);
        }
    }

    /**
     * What to look at again after a pass that began at `since`: null when nothing changed. After a
     * pass that wrote, every record modified since is read again (our own writes included: a rep's
     * edit just before our write leaves no other trace). After a pass that wrote nothing, only
     * records edited after the pass read them. Never more than the run's scope.
     */
    async function changedSince(
        scope: Scope,
        since: string,
        wrote: number,
        seen: SeenRecords
    ): Promise<Scope | null> {
        // Bulk after writing: one more pass over the same scope costs about as much as listing
        // what changed, and writes only what differs. The links come from the first pass when
        // none has changed since (a COUNT() instead of a query job).
        if (transport === 'bulk' && wrote > 0) {
            if (ctx.links?.current) {
                ctx.links.linksModified(
                    await reader.count(STAKEHOLDER_LINK_OBJECT, { modifiedSince: since })
                );
            }
            return scope;
        }
        const counts = await Promise.all(OBJECTS.map((o) => reader.count(o, { modifiedSince: since })));
        ctx.links?.linksModified(counts[OBJECTS.indexOf(STAKEHOLDER_LINK_OBJECT)]);
        const modified = counts.reduce((a, b) => a + b, 0);
        if (modified === 0) return null;
        // Most records rewritten: reading everything again is cheaper than listing them.
        if (wrote > 0 && scope.kind === 'all' && expected !== null && modified * 2 >= expected) return scope;
        let ids = await reader.opportunityIdsOf(
            OBJECTS,
            { modifiedSince: since },
            (row) => wrote > 0 || !seen.unchangedSinceRead(String(row.Id), row.LastModifiedDate)
        );
        if (scope.kind === 'opportunities') {
            const within = new Set(scope.ids);
            ids = ids.filter((id) => within.has(id));
        }
        return ids.length === 0 ? null : { kind: 'opportunities', ids };
    }

    try {
        let scope: Scope = options.opportunityIds
            ? { kind: 'opportunities', ids: options.opportunityIds }
            : { kind: 'all' };
        let stateMs: number | null = options.opportunityIds ? null : serverStart;
        if (options.since) {
            let since: string | null = options.since;
            if (since === 'last') {
                const state = readOrgState(options.stateDir, instanceUrl);
                if (!state && options.ifNoState === 'fail') throw noState(instanceUrl, options.stateDir);
                since = state?.lastSuccessfulRunStart ?? null;
            }
            if (since !== null) {
                scope = {
                    kind: 'opportunities',
                    ids: await reader.opportunityIdsOf(OBJECTS, { modifiedSince: since })
                };
            }
        }

        if (scope.kind === 'opportunities' && scope.ids.length === 0) {
            transport = 'none';
        } else {
            // Counts choose the transport and size the progress bar; a forced --bulk needs neither.
            if (
                (scope.kind === 'all' || scope.ids.length > OrgReader.MAX_IN_LIST_OPPORTUNITIES) &&
                options.transport !== 'bulk'
            ) {
                const counts = await Promise.all(OBJECTS.map((o) => reader.count(o)));
                expected = counts.reduce((a, b) => a + b, 0);
            }
            const estimate = expected ?? (scope.kind === 'opportunities' ? scope.ids.length * 6 : 0);
            transport =
                options.transport === 'auto'
                    ? estimate > options.bulkThreshold
                        ? 'bulk'
                        : 'rest'
                    : options.transport;

            let passStartMs = serverStart;
            let next: Scope | null = scope;
            while (next !== null) {
                // A Date header is the org's clock rounded down to the second, so ">= it" cannot miss an edit.
                const seen = new SeenRecords(passStartMs);
                const wrote = await pass(next, transport, seen);
                if (mode !== 'apply') break;
                const since = formatSoqlDateTime(passStartMs);
                passStartMs = client.lastServerDate ?? Date.now();
                next = await changedSince(scope, since, wrote, seen);
                // Only when listing this pass's writes would take query jobs (more of them than
                // --bulk-threshold); a few are listed by a cheap REST query instead of waiting.
                if (next !== null && wrote > options.bulkThreshold && passes < MAX_PASSES) {
                    passStartMs = await pastOurWrites(client, signal);
                }
                if (next !== null && passes >= MAX_PASSES) {
                    warnings.push(
                        t(
                            'Records kept changing while the run wrote; some may still hold values from older inputs. Run again when editing is quieter.',
                            '运行写入期间记录仍在不断变化；部分记录可能仍是旧输入的结果。请在编辑较少时再运行一次。'
                        )
                    );
                    next = null;
                }
            }
            // A full run's last look saw everything edited since it began; a --since run only
            // covered what had changed when it listed the Opportunities, at the start.
            if (scope.kind === 'all') stateMs = passStartMs;
        }

        // Only a run over the whole org (or everything changed since) may move --since last forward.
        if (mode === 'apply' && stateMs !== null && exitCodeOf(mode, total) === EXIT.done) {
            writeOrgState(options.stateDir, {
                instanceUrl,
                lastSuccessfulRunStart: formatSoqlDateTime(stateMs),
                modelVersion: MODEL_VERSION,
                mode
            });
        }
        // Snapshots come last, so they carry what the passes just wrote. They cover every open deal
        // with a scorecard (or the --opportunity ones), not only what changed --since.
        if (options.snapshotDate !== null) {
            snapshot = await takeOrgSnapshots(
                {
                    pass: ctx,
                    date: options.snapshotDate,
                    transport: options.transport,
                    threshold: options.bulkThreshold,
                    scope: options.opportunityIds
                        ? { kind: 'opportunities', ids: options.opportunityIds }
                        : { kind: 'all' },
                    table: snapshots
                },
                snapshotCounts
            );
        }
    } catch (error) {
        if (!(error instanceof CliError && (error.code === API_BUDGET || error.code === INTERRUPTED)))
            throw orgError(error);
        const written =
            total.objects[STAKEHOLDER_OBJECT].written +
            total.objects[SCORECARD_OBJECT].written +
            snapshotCounts.created +
            snapshotCounts.updated;
        if (options.snapshotDate !== null) snapshot = snapshotCounts.summary(options.snapshotDate, true);
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
        close();
    }

    const elapsedMs = Date.now() - started;
    const read = OBJECTS.reduce((sum, object) => sum + total.objects[object].read, 0);
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
        outputDir: null,
        snapshot
    };
    return {
        exitCode: stopped ? EXIT.couldNotRun : withSnapshotExit(exitCodeOf(mode, total), snapshot),
        summary,
        table: null,
        warnings
    };
}

/** Keeps a scorecard's values as this run scored them, for its Opportunity's snapshot. */
function keepScorecard(table: SnapshotTable, result: ScorecardResult): void {
    const opportunityId = normalizeRecordId(result.opportunityId ?? '');
    if (opportunityId) table.setScorecard(opportunityId, scorecardValues(result.derived), true);
}
