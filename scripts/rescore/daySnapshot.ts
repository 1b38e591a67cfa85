import { RawRecord } from 'c/dealControlModel';
import { opportunityDay } from './opportunityInput';
import { RunLog } from './outcome';
import { COPIED_FIELDS, SnapshotRow, snapshotKey } from './snapshotRow';
import { SnapshotCounts } from './snapshotSummary';
import { SnapshotTable } from './snapshotTable';

/**
 * The snapshot of one Opportunity record on `date`, as both the org and the CSV step build it: none
 * for a deal out of scope, without a scorecard or closed; none, and a reported data problem, for a
 * deal whose values cannot be copied. Counts every open deal with a scorecard it makes a row for.
 */
export function daySnapshot(
    record: RawRecord,
    date: string,
    table: SnapshotTable,
    wanted: (opportunityId: string) => boolean,
    counts: SnapshotCounts,
    log: RunLog
): SnapshotRow | null {
    const day = opportunityDay(record);
    if (day.id === null || !wanted(day.id)) return null;
    const scorecard = table.scorecardOf(day.id);
    if (!scorecard) return null;
    if ('problem' in day) {
        counts.problems += 1;
        log.problem('data', {
            object: 'Opportunity',
            id: day.id,
            code: day.problem,
            field: day.field,
            value: day.value
        });
        return null;
    }
    if (!day.open) return null;
    counts.deals += 1;
    return {
        key: snapshotKey(day.id, date),
        opportunityId: day.id,
        date,
        values: [...scorecard, ...day.values]
    };
}

/** A snapshot the run writes (or would write) in --report, with its values. */
export function reportSnapshot(log: RunLog, row: SnapshotRow, status: 'NEW' | 'CHANGED' | ''): Promise<void> {
    return log.snapshot({
        key: row.key,
        opportunityId: row.opportunityId,
        status,
        values: Object.fromEntries(COPIED_FIELDS.map((f, i) => [f.field, row.values[i]]))
    });
}
