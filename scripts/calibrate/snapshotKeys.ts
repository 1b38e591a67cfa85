const EMPTY = -1;
/** Day numbers are shifted by this so they are never negative; 2^21 days is over 5,700 years. */
const DAY_OFFSET = 2 ** 21;
const DAY_RANGE = 2 ** 23;

/**
 * The (deal, day) pairs seen so far, each with the line it came from, so a second snapshot of the
 * same deal on the same day (the same Snapshot_Key__c) can be named with both lines. Open
 * addressing in typed arrays: 12 bytes a slot, where a Set of strings would cost ten times more.
 */
export class SnapshotKeySet {
    private keys: Float64Array;
    private lines: Float64Array;
    private capacity: number;
    private used = 0;

    constructor(initialCapacity = 1024) {
        this.capacity = 1 << Math.ceil(Math.log2(Math.max(16, initialCapacity)));
        this.keys = new Float64Array(this.capacity).fill(EMPTY);
        this.lines = new Float64Array(this.capacity);
    }

    get size(): number {
        return this.used;
    }

    /** Records the pair; returns the line of an earlier record of the same pair, or null. */
    add(deal: number, day: number, line: number): number | null {
        const key = deal * DAY_RANGE + (day + DAY_OFFSET);
        let slot = this.slotOf(key, deal, day);
        if (this.keys[slot] === key) return this.lines[slot];
        if ((this.used + 1) * 4 > this.capacity * 3) {
            this.grow();
            slot = this.slotOf(key, deal, day);
        }
        this.keys[slot] = key;
        this.lines[slot] = line;
        this.used += 1;
        return null;
    }

    private slotOf(key: number, deal: number, day: number): number {
        let h = Math.imul(deal ^ Math.imul(day, 0x9e3779b1), 0x85ebca77);
        h ^= h >>> 13;
        let slot = h & (this.capacity - 1);
        while (this.keys[slot] !== EMPTY && this.keys[slot] !== key) slot = (slot + 1) & (this.capacity - 1);
        return slot;
    }

    private grow(): void {
        const oldKeys = this.keys;
        const oldLines = this.lines;
        this.capacity *= 2;
        this.keys = new Float64Array(this.capacity).fill(EMPTY);
        this.lines = new Float64Array(this.capacity);
        for (let i = 0; i < oldKeys.length; i += 1) {
            const key = oldKeys[i];
            if (key === EMPTY) continue;
            const deal = Math.floor(key / DAY_RANGE);
            const day = key - deal * DAY_RANGE - DAY_OFFSET;
            const slot = this.slotOf(key, deal, day);
            this.keys[slot] = key;
            this.lines[slot] = oldLines[i];
        }
    }
}
