import { LocalizedText, t } from 'c/dealControlModel';
import { fill } from './i18n';
import { IdTable } from '../rescore/idTable';
import { CalibrationFigures, calibrate } from './calibration';
import { formatIsoDay } from './dates';
import { HorizonSelector } from './horizon';
import { Cell, readOpportunity, readSnapshot } from './rows';
import { SnapshotKeySet } from './snapshotKeys';

/** Where a row came from: a line of a CSV file, or the nth record a query or file returned. */
export interface Place {
    /** File name or object name. */
    source: string;
    /** Line number in a CSV file; otherwise the record's position in its source, from 1. */
    ordinal: number;
    /** The record's Id or reference, when the source has one and no line numbers. */
    id?: string;
}

export interface RowProblem {
    readonly where: string;
    readonly reason: LocalizedText;
}

export interface IntakeResult {
    readonly figures: CalibrationFigures;
    /** Closed deals read (CloseDate on or after --since), with or without a horizon snapshot. */
    readonly closedDeals: number;
    readonly firstCloseDay: number | null;
    readonly lastCloseDay: number | null;
    readonly snapshotsRead: number;
    /** The first problems in full, and how many there were in all. */
    readonly problems: readonly RowProblem[];
    readonly problemCount: number;
}

/** Problems listed in full; beyond this only their number is kept, so a broken export stays readable. */
export const PROBLEMS_LISTED = 50;

function describe(place: Place): string {
    return place.id === undefined ? `${place.source}:${place.ordinal}` : `${place.source} ${place.id}`;
}

function describeOrdinal(source: string, ordinal: number, lines: boolean): string {
    return lines ? `${source}:${ordinal}` : `${source} #${ordinal}`;
}

/**
 * Takes closed Opportunities first, then snapshots, from any source, row by row: checks each row,
 * keeps closed deals in an Id table and each deal's horizon snapshot in typed arrays, and names
 * every row it cannot use. Memory grows with closed deals, not with snapshots.
 */
export class Intake {
    private readonly ids = new IdTable(1024);
    private readonly selector: HorizonSelector;
    private readonly keys = new SnapshotKeySet(1024);
    private readonly dealOrdinals: number[] = [];
    private readonly problems: RowProblem[] = [];
    private problemCount = 0;
    private snapshotsRead = 0;
    private latestClose: number | null = null;

    constructor(
        readonly horizonDays: number,
        /** Only deals closed on or after this day count. */
        private readonly sinceDay: number | null
    ) {
        this.selector = new HorizonSelector(horizonDays);
    }

    private problem(where: string, reason: LocalizedText): void {
        this.problemCount += 1;
        if (this.problems.length < PROBLEMS_LISTED) this.problems.push({ where, reason });
    }

    /** A row its source could not even split into cells (a broken quote in a CSV file, say). */
    rowProblem(place: Place, reason: LocalizedText): void {
        this.problem(describe(place), reason);
    }

    opportunity(cell: Cell, place: Place): void {
        const row = readOpportunity(cell);
        if (!row.ok) {
            this.problem(describe(place), row.reason);
            return;
        }
        const { id, closed, won, closeDay } = row.value;
        if (!closed || (this.sinceDay !== null && closeDay < this.sinceDay)) return;
        const earlier = this.ids.get(id);
        if (earlier !== undefined) {
            this.problem(
                describe(place),
                fill(
                    t(
                        'Opportunity {id} is listed again (first at {first}); the first row is used.',
                        '业务机会 {id} 重复出现（首次在 {first}）；使用第一行。'
                    ),
                    {
                        id,
                        first: describeOrdinal(
                            place.source,
                            this.dealOrdinals[earlier],
                            place.id === undefined
                        )
                    }
                )
            );
            return;
        }
        this.ids.set(id, this.selector.addDeal(closeDay, won));
        this.dealOrdinals.push(place.ordinal);
        if (this.latestClose === null || closeDay > this.latestClose) this.latestClose = closeDay;
    }

    /** The latest close date of the closed deals taken so far: no later snapshot can be a horizon snapshot. */
    latestCloseDay(): number | null {
        return this.latestClose;
    }

    snapshot(cell: Cell, place: Place): void {
        this.snapshotsRead += 1;
        const row = readSnapshot(cell);
        if (!row.ok) {
            this.problem(describe(place), row.reason);
            return;
        }
        const { opportunityId, day, score, band, probability } = row.value;
        // A snapshot of an open deal, or of one closed before --since: not part of this calibration.
        const deal = this.ids.get(opportunityId);
        if (deal === undefined) return;
        const first = this.keys.add(deal, day, place.ordinal);
        if (first !== null) {
            this.problem(
                describe(place),
                fill(
                    t(
                        'a second snapshot of Opportunity {id} on {date} (first at {first}): Snapshot_Key__c must be unique, so the first is used.',
                        '业务机会 {id} 在 {date} 有第二条快照（首次在 {first}）：Snapshot_Key__c 必须唯一，故使用第一条。'
                    ),
                    {
                        id: opportunityId,
                        date: formatIsoDay(day),
                        first: describeOrdinal(place.source, first, place.id === undefined)
                    }
                )
            );
            return;
        }
        this.selector.offer(deal, day, score, band, probability);
    }

    finish(): IntakeResult {
        const { deals, firstCloseDay, lastCloseDay } = this.selector.included();
        return {
            figures: calibrate(deals, this.horizonDays),
            closedDeals: this.selector.count,
            firstCloseDay,
            lastCloseDay,
            snapshotsRead: this.snapshotsRead,
            problems: this.problems,
            problemCount: this.problemCount
        };
    }
}
