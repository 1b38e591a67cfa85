const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE62.length; i += 1) DIGIT[BASE62.charCodeAt(i)] = i;

const EMPTY = 0xffffffff;

/**
 * A map from record Id to a small number, in typed arrays. A million Opportunity Ids in a Map cost
 * over 100 MB (a string and a hash entry each); here they cost 16 bytes a slot. An Id's first 15
 * characters are case-sensitive base 62, so each group of 5 fits in 32 bits (62^5 < 2^32) and
 * the three groups identify the record exactly: no hashing collisions can merge two Opportunities.
 * Ids that are not in Salesforce's format (bad data) go to an ordinary Map.
 */
export class IdTable {
    private keys: Uint32Array;
    private values: Uint32Array;
    private capacity: number;
    private used = 0;
    private readonly odd = new Map<string, number>();

    constructor(initialCapacity = 1024) {
        this.capacity = 1 << Math.ceil(Math.log2(Math.max(16, initialCapacity)));
        this.keys = new Uint32Array(this.capacity * 3).fill(EMPTY);
        this.values = new Uint32Array(this.capacity);
    }

    get size(): number {
        return this.used + this.odd.size;
    }

    /** The three 32-bit groups of a 15- or 18-character Id, or null when it is not one. */
    private static encode(id: string, out: Uint32Array): boolean {
        if (id.length !== 15 && id.length !== 18) return false;
        for (let group = 0; group < 3; group += 1) {
            let value = 0;
            for (let i = 0; i < 5; i += 1) {
                const code = id.charCodeAt(group * 5 + i);
                const digit = code < 128 ? DIGIT[code] : -1;
                if (digit < 0) return false;
                value = value * 62 + digit;
            }
            out[group] = value;
        }
        return true;
    }

    private readonly scratch = new Uint32Array(3);

    private slotOf(a: number, b: number, c: number): number {
        // Multiplicative mixing of the three groups; the table size is a power of two.
        let h = Math.imul(a ^ Math.imul(b, 0x9e3779b1) ^ Math.imul(c, 0x85ebca77), 0xc2b2ae3d);
        h ^= h >>> 15;
        let slot = h & (this.capacity - 1);
        for (;;) {
            const k = slot * 3;
            if (
                this.keys[k] === EMPTY ||
                (this.keys[k] === a && this.keys[k + 1] === b && this.keys[k + 2] === c)
            ) {
                return slot;
            }
            slot = (slot + 1) & (this.capacity - 1);
        }
    }

    get(id: string): number | undefined {
        if (!IdTable.encode(id, this.scratch)) return this.odd.get(id);
        const [a, b, c] = this.scratch;
        const slot = this.slotOf(a, b, c);
        return this.keys[slot * 3] === EMPTY ? undefined : this.values[slot];
    }

    set(id: string, value: number): void {
        if (!IdTable.encode(id, this.scratch)) {
            this.odd.set(id, value);
            return;
        }
        const [a, b, c] = this.scratch;
        let slot = this.slotOf(a, b, c);
        if (this.keys[slot * 3] === EMPTY) {
            if ((this.used + 1) * 4 > this.capacity * 3) {
                this.grow();
                slot = this.slotOf(a, b, c);
            }
            this.keys[slot * 3] = a;
            this.keys[slot * 3 + 1] = b;
            this.keys[slot * 3 + 2] = c;
            this.used += 1;
        }
        this.values[slot] = value;
    }

    private grow(): void {
        const oldKeys = this.keys;
        const oldValues = this.values;
        const oldCapacity = this.capacity;
        this.capacity *= 2;
        this.keys = new Uint32Array(this.capacity * 3).fill(EMPTY);
        this.values = new Uint32Array(this.capacity);
        for (let slot = 0; slot < oldCapacity; slot += 1) {
            const k = slot * 3;
            if (oldKeys[k] === EMPTY) continue;
            const target = this.slotOf(oldKeys[k], oldKeys[k + 1], oldKeys[k + 2]);
            this.keys[target * 3] = oldKeys[k];
            this.keys[target * 3 + 1] = oldKeys[k + 1];
            this.keys[target * 3 + 2] = oldKeys[k + 2];
            this.values[target] = oldValues[slot];
        }
    }
}
