import { RawRecord } from 'c/dealControlModel';
import { throwIfAborted } from '../shared/errors';
import { normalizeRecordId } from '../shared/recordId';
import { SCORECARD_OBJECT } from './derived';
import { daySnapshot, reportSnapshot } from './daySnapshot';
import { OPPORTUNITY_INPUT } from './opportunityInput';
import { OrgReader, Scope, Via } from './orgReads';
import { PassContext } from './pass';
import { requiredColumns } from './inputs';
import {
    COPIED_FIELDS,
    FROM_SCORECARD,
    SNAPSHOT_DATE,
    SNAPSHOT_OBJECT,
    SNAPSHOT_PARENT,
    canonicalValue,
    fingerprint
} from './snapshotRow';
import { SnapshotCounts, SnapshotSummary } from './snapshotSummary';
import { SnapshotTable } from './snapshotTable';
import { SnapshotWriter } from './snapshotWriter';

/** The scorecard's values a snapshot copies, as canonical text (blank for what cannot be read). */
export function scorecardValues(record: Readonly<Record<string, unknown>>): string[] {
    return FROM_SCORECARD.map((f) => canonicalValue(f, record[f.source]) ?? '');
}

/** What a snapshot step needs of the run. */
export interface SnapshotStepContext {
    readonly pass: PassContext;
    readonly date: string;
    readonly transport: 'auto' | 'rest' | 'bulk';
    readonly threshold: number;
    readonly scope: Scope;
    /** The run's computed scorecard values, by Opportunity (filled during the passes). */
    readonly table: SnapshotTable;
}

function inScope(scope: Scope): (id: string) => boolean {
    if (scope.kind === 'all') return () => true;
    const ids = new Set(scope.ids);
    return (id) => ids.has(id);
}

async function* read(
    reader: OrgReader,
    queries: readonly string[],
    via: Via,
    signal: AbortSignal
): AsyncGenerator<RawRecord> {
    for (const soql of queries) {
        for await (const record of reader.records(soql, via)) {
            throwIfAborted(signal);
            yield record;
        }
    }
}

/**
 * Takes the day's snapshot of every open Opportunity with a scorecard in the run's scope (all of
 * them, even when the rescore itself covered only what changed --since), after the rescore passes:
 *
 * 1. the scorecards' values: what this run computed (kept in `table` by the passes), else what the
 *    org holds (read here; the rescore just made those current);
 * 2. that day's snapshots already in the org, as fingerprints of their values;
 * 3. the open Opportunities, streamed: each one with a scorecard becomes a row, which is sent only
 *    when no snapshot of the day has exactly these values. A rerun on the same day therefore writes
 *    nothing and leaves every record, LastModifiedDate included, as it was; changed values update
 *    that day's snapshot in place (upsert on Snapshot_Key__c), never adding a second one.
 */
export async function takeOrgSnapshots(
    step: SnapshotStepContext,
    counts: SnapshotCounts
): Promise<SnapshotSummary> {
    const { pass, date, scope, table } = step;
    const { reader, log, signal, mode } = pass;
    const wanted = inScope(scope);

    // Reads go by REST for a few deals, Bulk for many (a scope's Ids bound its scorecards).
    const estimate = scope.kind === 'all' ? await reader.count(SCORECARD_OBJECT) : scope.ids.length;
    const via: Via = step.transport !== 'auto' ? step.transport : estimate > step.threshold ? 'bulk' : 'rest';

    const scorecardFields = [SNAPSHOT_PARENT, ...FROM_SCORECARD.map((f) => f.source)];
    for await (const record of read(
        reader,
        reader.queriesFor(SCORECARD_OBJECT, scorecardFields, scope, via),
        via,
        signal
    )) {
        const opportunityId = normalizeRecordId(String(record[SNAPSHOT_PARENT] ?? ''));
        if (opportunityId !== null && wanted(opportunityId))
            table.setScorecard(opportunityId, scorecardValues(record), false);
    }

    const existingFields = [SNAPSHOT_PARENT, ...COPIED_FIELDS.map((f) => f.field)];
    const onDate = { equals: [{ field: SNAPSHOT_DATE, value: { date } }] };
    for await (const record of read(
        reader,
        reader.queriesFor(SNAPSHOT_OBJECT, existingFields, scope, via, onDate),
        via,
        signal
    )) {
        const opportunityId = normalizeRecordId(String(record[SNAPSHOT_PARENT] ?? ''));
        if (opportunityId === null || !wanted(opportunityId)) continue;
        table.setExisting(
            opportunityId,
            fingerprint(COPIED_FIELDS.map((f) => canonicalValue(f, record[f.field]) ?? ''))
        );
    }

    const writer =
        mode === 'apply'
            ? new SnapshotWriter({
                  client: pass.client,
                  retry: pass.retry,
                  bulk: pass.bulk,
                  concurrency: pass.concurrency,
                  signal,
                  tempFile: pass.tempFile,
                  transport: step.transport,
                  threshold: step.threshold,
                  onWritten: (created, updated) => {
                      counts.created += created;
                      counts.updated += updated;
                      pass.live.written += created + updated;
                  },
                  onFailed: (failure) => {
                      counts.failed += 1;
                      pass.live.failed += 1;
                      log.problem('failure', {
                          object: SNAPSHOT_OBJECT,
                          id: failure.id,
                          code: failure.code,
                          message: failure.message
                      });
                  }
              })
            : null;
    const opportunities = reader.queriesFor('Opportunity', requiredColumns(OPPORTUNITY_INPUT), scope, via, {
        opportunityField: 'Id',
        equals: [{ field: 'IsClosed', value: false }]
    });
    try {
        for await (const record of read(reader, opportunities, via, signal)) {
            // The bar stays full while the snapshots go out; its written count keeps moving.
            pass.progress.update(pass.live, pass.expected());
            const row = daySnapshot(record, date, table, wanted, counts, log);
            if (!row) continue;
            const existing = table.existingOf(row.opportunityId);
            if (existing === fingerprint(row.values)) {
                counts.unchanged += 1;
                continue;
            }
            const status = existing === undefined ? 'NEW' : 'CHANGED';
            counts.toWrite(row, status);
            await reportSnapshot(log, row, status);
            await writer?.add(row, status === 'NEW');
            if (writer) counts.transport = writer.via;
        }
        await writer?.finish();
        if (writer) counts.transport = writer.via;
    } catch (error) {
        await writer?.settle();
        throw error;
    }
    return counts.summary(date, true);
}
