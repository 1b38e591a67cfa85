import { normalizeRecordId } from '../recordId';
import { RecordIdSet } from '../recordIdSet';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function id(prefix: string, n: number): string {
    let body = '';
    for (let i = 0; i < 12; i += 1) {
        body = BASE62[n % 62] + body;
        n = Math.floor(n / 62);
    }
    return normalizeRecordId(prefix + body)!;
}

describe('RecordIdSet', () => {
    it('finds every repeat among 50,000 Ids exactly, across growth, and never a false one', () => {
        const set = new RecordIdSet();
        for (let n = 0; n < 50_000; n += 1) expect(set.add(id('a01', n * 7919))).toBe(true);
        for (let n = 0; n < 50_000; n += 1000) expect(set.add(id('a01', n * 7919))).toBe(false);
        expect(set.add(id('a01', 1))).toBe(true);
    });

    it('keeps Ids of other heads (another instance) apart, and sizes itself once from an estimate', () => {
        const set = new RecordIdSet();
        set.reserve(10_000);
        expect(set.add(id('a01', 5))).toBe(true);
        expect(set.add(id('a02', 5))).toBe(true);
        expect(set.add(id('a02', 5))).toBe(false);
        // Ids that differ only in case are different records.
        expect(set.add(id('a01', 36))).toBe(true);
        expect(set.add(id('a01', 10))).toBe(true);
    });

    it('treats the 15- and 18-character forms as one record (the caller passes either)', () => {
        const set = new RecordIdSet();
        const long = id('a01', 42);
        expect(set.add(long)).toBe(true);
        expect(set.add(long.slice(0, 15))).toBe(false);
    });
});
