import { IdTable } from './idTable';

const NONE = 0;

/**
 * What the snapshot step knows per Opportunity before it reads the Opportunities: its scorecard's
 * values as just scored, and the fingerprint of the snapshot the org already holds for the day.
 * A run over a million deals keeps a few bytes a deal: the Ids in an IdTable, the scorecard values
 * interned (most deals share a score, band and model version with many others) and the
 * fingerprints in a typed array.
 */
export class SnapshotTable {
    private readonly slots = new IdTable();
    private scorecard = new Uint32Array(1024);
    private existing = new Float64Array(1024).fill(NaN);
    private used = 0;
    private readonly tuples: Array<readonly string[]> = [[]];
    private readonly tupleIndex = new Map<string, number>();

    private slotOf(opportunityId: string): number {
        const known = this.slots.get(opportunityId);
        if (known !== undefined) return known;
        if (this.used === this.scorecard.length) {
            const scorecard = new Uint32Array(this.used * 2);
            scorecard.set(this.scorecard);
            const existing = new Float64Array(this.used * 2).fill(NaN);
            existing.set(this.existing);
            this.scorecard = scorecard;
            this.existing = existing;
        }
        this.slots.set(opportunityId, this.used);
        return this.used++;
    }

    private intern(values: readonly string[]): number {
        const key = values.join('\u001f');
        let index = this.tupleIndex.get(key);
        if (index === undefined) {
            index = this.tuples.length;
            this.tuples.push(values);
            this.tupleIndex.set(key, index);
        }
        return index;
    }

    /**
     * The scorecard values of a deal. `replace` false keeps values set earlier: what the run just
     * computed wins over the values stored in the org, which are read afterwards.
     */
    setScorecard(opportunityId: string, values: readonly string[], replace: boolean): void {
        const slot = this.slotOf(opportunityId);
        if (replace || this.scorecard[slot] === NONE) this.scorecard[slot] = this.intern(values);
    }

    scorecardOf(opportunityId: string): readonly string[] | undefined {
        const slot = this.slots.get(opportunityId);
        const index = slot === undefined ? NONE : this.scorecard[slot];
        return index === NONE ? undefined : this.tuples[index];
    }

    /** The fingerprint of the deal's snapshot already in the org for the day. */
    setExisting(opportunityId: string, fingerprint: number): void {
        this.existing[this.slotOf(opportunityId)] = fingerprint;
    }

    existingOf(opportunityId: string): number | undefined {
        const slot = this.slots.get(opportunityId);
        const value = slot === undefined ? NaN : this.existing[slot];
        return Number.isNaN(value) ? undefined : value;
    }
}
