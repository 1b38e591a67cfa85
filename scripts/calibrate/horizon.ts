import { IncludedDeals, dealColumns } from './calibration';

const NO_SNAPSHOT = -0x80000000;

/**
 * Picks each closed deal's horizon snapshot (docs/method.md, section 5): its latest snapshot with
 * CloseDate − Snapshot_Date ≥ H, where CloseDate is the Opportunity's final close date. Snapshots
 * arrive in any order and are offered one at a time; per deal only the best so far is kept, in
 * typed arrays (about 30 bytes a deal), so a million snapshots stream through in constant memory.
 */
export class HorizonSelector {
    private capacity: number;
    private closeDay: Int32Array;
    private won: Uint8Array;
    private bestDay: Int32Array;
    private score: Float64Array;
    private band: Uint8Array;
    private probability: Float64Array;
    /** Closed deals added so far. */
    count = 0;

    constructor(
        readonly horizonDays: number,
        initialCapacity = 1024
    ) {
        this.capacity = Math.max(16, initialCapacity);
        this.closeDay = new Int32Array(this.capacity);
        this.won = new Uint8Array(this.capacity);
        this.bestDay = new Int32Array(this.capacity).fill(NO_SNAPSHOT);
        this.score = new Float64Array(this.capacity);
        this.band = new Uint8Array(this.capacity);
        this.probability = new Float64Array(this.capacity);
    }

    /** Registers a closed deal; returns its index for offer(). */
    addDeal(closeDay: number, won: boolean): number {
        if (this.count === this.capacity) this.grow();
        const deal = this.count;
        this.closeDay[deal] = closeDay;
        this.won[deal] = won ? 1 : 0;
        this.count += 1;
        return deal;
    }

    /**
     * Offers one snapshot of a deal. Kept when it is at least H days before close and later than the
     * deal's best so far; a second snapshot on the same day never replaces the first.
     */
    offer(deal: number, snapshotDay: number, score: number, band: number, probability: number): boolean {
        if (this.closeDay[deal] - snapshotDay < this.horizonDays) return false;
        if (snapshotDay <= this.bestDay[deal]) return false;
        this.bestDay[deal] = snapshotDay;
        this.score[deal] = score;
        this.band[deal] = band;
        this.probability[deal] = probability;
        return true;
    }

    /** The deals that have a horizon snapshot, as calibration columns, and their close dates' range. */
    included(): { deals: IncludedDeals; firstCloseDay: number | null; lastCloseDay: number | null } {
        let count = 0;
        for (let d = 0; d < this.count; d += 1) if (this.bestDay[d] !== NO_SNAPSHOT) count += 1;
        const deals = dealColumns(count);
        let firstCloseDay: number | null = null;
        let lastCloseDay: number | null = null;
        let i = 0;
        for (let d = 0; d < this.count; d += 1) {
            if (this.bestDay[d] === NO_SNAPSHOT) continue;
            deals.won[i] = this.won[d];
            deals.score[i] = this.score[d];
            deals.band[i] = this.band[d];
            deals.probability[i] = this.probability[d];
            const close = this.closeDay[d];
            if (firstCloseDay === null || close < firstCloseDay) firstCloseDay = close;
            if (lastCloseDay === null || close > lastCloseDay) lastCloseDay = close;
            i += 1;
        }
        return { deals, firstCloseDay, lastCloseDay };
    }

    private grow(): void {
        this.capacity *= 2;
        const grown = <T extends Int32Array | Uint8Array | Float64Array>(old: T, fill?: number): T => {
            const next = new (old.constructor as new (n: number) => T)(this.capacity);
            if (fill !== undefined) next.fill(fill);
            next.set(old);
            return next;
        };
        this.closeDay = grown(this.closeDay);
        this.won = grown(this.won);
        this.bestDay = grown(this.bestDay, NO_SNAPSHOT);
        this.score = grown(this.score);
        this.band = grown(this.band);
        this.probability = grown(this.probability);
    }
}
