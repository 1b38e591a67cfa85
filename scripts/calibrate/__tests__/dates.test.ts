import { formatIsoDay, parseIsoDay } from '../dates';

describe('calendar dates as UTC day numbers', () => {
    it('reads YYYY-MM-DD and counts days across months, leap days and years', () => {
        expect(parseIsoDay('1970-01-01')).toBe(0);
        expect(parseIsoDay('2026-03-31')! - parseIsoDay('2026-03-01')!).toBe(30);
        expect(parseIsoDay('2024-03-01')! - parseIsoDay('2024-02-28')!).toBe(2);
        expect(parseIsoDay('2027-01-01')! - parseIsoDay('2026-01-01')!).toBe(365);
    });

    it('refuses dates that are not real or not written YYYY-MM-DD', () => {
        for (const text of [
            '2026-02-30',
            '2025-02-29',
            '2026-13-01',
            '2026-00-10',
            '2026-1-5',
            '05/01/2026',
            ' 2026-01-05',
            '2026-01-05T00:00:00Z',
            ''
        ])
            expect(`${text}:${parseIsoDay(text)}`).toBe(`${text}:null`);
    });

    it('keeps years below 100 (which Date.UTC would move to the 1900s) and formats back', () => {
        for (const text of ['0001-01-01', '0099-12-31', '1900-02-28', '9999-12-31']) {
            expect(formatIsoDay(parseIsoDay(text)!)).toBe(text);
        }
    });
});
