/**
 * Calendar dates as whole UTC day numbers (days since 1970-01-01). Salesforce Date fields have no
 * time zone, so day arithmetic on them must not pass through local time: Close_Date − Snapshot_Date
 * is a difference of day numbers.
 */
const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number of a `YYYY-MM-DD` date, or null when the text is not a real calendar date. */
export function parseIsoDay(text: string): number | null {
    const match = ISO_DATE.exec(text);
    if (!match) return null;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    // setUTCFullYear, not Date.UTC: Date.UTC reads years 0 to 99 as 1900 to 1999.
    const check = new Date(0);
    check.setUTCFullYear(year, month - 1, day);
    const millis = check.getTime();
    // 2026-02-30 rolls over to March: only a date that survives the round trip is real.
    if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
        return null;
    }
    return millis / MS_PER_DAY;
}

export function formatIsoDay(day: number): string {
    return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}
