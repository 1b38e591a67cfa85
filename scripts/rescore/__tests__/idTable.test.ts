import { IdTable } from '../idTable';
import { idSuffix } from '../../shared/recordId';

function opportunityId(n: number): string {
    // Varied case and digits in every group, as real Ids have.
    const body = n.toString(36).padStart(12, '0');
    const mixed = [...body].map((ch, i) => (i % 2 === 0 ? ch.toUpperCase() : ch)).join('');
    const id15 = `006${mixed}`;
    return id15 + idSuffix(id15);
}

describe('IdTable', () => {
    it('keeps every value through growth, distinguishing Ids that differ only in case', () => {
        const table = new IdTable(16);
        const n = 50_000;
        for (let i = 0; i < n; i += 1) table.set(opportunityId(i), i % 1000);
        expect(table.size).toBe(n);
        for (let i = 0; i < n; i += 1) expect(table.get(opportunityId(i))).toBe(i % 1000);
        table.set('006000000000abc', 1);
        table.set('006000000000ABC', 2);
        expect(table.get('006000000000abc')).toBe(1);
        expect(table.get('006000000000ABC')).toBe(2);
    });

    it('treats the 15- and 18-character forms of an Id as one record', () => {
        const table = new IdTable();
        const id = opportunityId(7);
        table.set(id.slice(0, 15), 3);
        expect(table.get(id)).toBe(3);
        table.set(id, 4);
        expect(table.size).toBe(1);
        expect(table.get(id.slice(0, 15))).toBe(4);
    });

    it('overwrites, answers undefined for unknown Ids, and keeps malformed Ids too', () => {
        const table = new IdTable();
        expect(table.get(opportunityId(1))).toBeUndefined();
        table.set('not an id', 9);
        table.set('not an id', 10);
        expect(table.get('not an id')).toBe(10);
        expect(table.get('006-bad-chars!!')).toBeUndefined();
        expect(table.size).toBe(1);
    });
});
