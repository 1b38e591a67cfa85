const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE62.length; i += 1) DIGIT[BASE62.charCodeAt(i)] = i;

const EMPTY = 0xffffffff;
const HEAD = 5;

/** One open-addressing table of the exact 60-bit values of Ids' last ten characters. */
class Slots {
    high: Uint32Array;
    low: Uint32Array;
    used = 0;

    constructor(private capacity: number) {
        this.high = new Uint32Array(capacity).fill(EMPTY);
        this.low = new Uint32Array(capacity);
    }

    /** Adds a value; false when it was already there. */
    add(high: number, low: number): boolean {
        if ((this.used + 1) * 4 > this.capacity * 3) this.resize(this.capacity * 2);
        let slot = this.slotOf(high, low);
        for (;;) {
            if (this.high[slot] === EMPTY) {
                this.high[slot] = high;
                this.low[slot] = low;
                this.used += 1;
                return true;
            }
            if (this.high[slot] === high && this.low[slot] === low) return false;
            slot = (slot + 1) & (this.capacity - 1);
        }
    }

    private slotOf(high: number, low: number): number {
        let h = Math.imul(low ^ Math.imul(high, 0x9e3779b1), 0x85ebca77);
        h ^= h >>> 15;
        return h & (this.capacity - 1);
    }

    /** Grows to hold `expected` values at most 75 % full, in one step. */
    reserve(expected: number): void {
        let capacity = this.capacity;
        while (expected * 4 > capacity * 3) capacity *= 2;
        if (capacity > this.capacity) this.resize(capacity);
    }

    private resize(capacity: number): void {
        const { high, low } = this;
        this.capacity = capacity;
        this.high = new Uint32Array(capacity).fill(EMPTY);
        this.low = new Uint32Array(capacity);
        this.used = 0;
        for (let i = 0; i < high.length; i += 1) if (high[i] !== EMPTY) this.add(high[i], low[i]);
    }
}

/**
 * The set of record Ids a CSV file has shown so far, to catch an Id listed twice. A Set of five
 * million Id strings costs over 400 MB; here an Id costs 8 to 16 bytes: Ids of one object share
 * their first five characters (key prefix and instance), and the last ten are base 62, an exact
 * 60-bit number, kept in typed arrays per distinct head. No hashing shortcut: the check is exact.
 * A 15- and an 18-character Id of the same record are the same record.
 */
export class RecordIdSet {
    private readonly heads = new Map<string, Slots>();
    private expected = 0;

    /** Sizes the table once for about this many Ids (an estimate from the file size), avoiding regrowth. */
    reserve(expected: number): void {
        this.expected = expected;
        for (const slots of this.heads.values()) slots.reserve(expected);
    }

    /**
     * Adds an Id (15 or 18 letters and digits; the caller has checked the format). Returns false
     * when the set already held it.
     */
    add(id: string): boolean {
        const head = id.slice(0, HEAD);
        let slots = this.heads.get(head);
        if (!slots) {
            slots = new Slots(1024);
            // Only the first head gets the estimate: a second one (records from another instance) is rare.
            if (this.expected > 0 && this.heads.size === 0) slots.reserve(this.expected);
            this.heads.set(head, slots);
        }
        // Ten base-62 digits: the first five in the high word (62^5 < 2^30), the last five in the low.
        let high = 0;
        let low = 0;
        for (let i = HEAD; i < HEAD + 5; i += 1) high = high * 62 + DIGIT[id.charCodeAt(i)];
        for (let i = HEAD + 5; i < 15; i += 1) low = low * 62 + DIGIT[id.charCodeAt(i)];
        return slots.add(high, low);
    }
}
