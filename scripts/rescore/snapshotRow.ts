import { normalizeRecordId } from '../shared/recordId';

/**
 * One Control_Snapshot__c as the rescore script writes it (docs/method.md, section 5): the key
 * `<18-character Opportunity Id>:<YYYY-MM-DD>`, the Opportunity, the date, six values copied from
 * the scorecard as just scored and five from the Opportunity that day. Values are kept as canonical
 * text (numbers rounded to the snapshot field's scale, blanks as ''), so a value read back from the
 * org (REST JSON numbers, Bulk CSV text) compares equal to the value the script would write.
 */

export const SNAPSHOT_OBJECT = 'Control_Snapshot__c';
export const SNAPSHOT_KEY = 'Snapshot_Key__c';
export const SNAPSHOT_PARENT = 'Opportunity__c';
export const SNAPSHOT_DATE = 'Snapshot_Date__c';

/** A snapshot field and where its value comes from; `scale` for numbers (the field's decimals). */
export interface CopiedField {
    readonly field: string;
    readonly source: string;
    readonly scale: number | null;
}

const copied = (field: string, source: string, scale: number | null = null): CopiedField => ({
    field,
    source,
    scale
});

/** From the scorecard, as just scored (the same field names on both objects). */
export const FROM_SCORECARD: readonly CopiedField[] = [
    copied('Control_Score__c', 'Control_Score__c', 0),
    copied('Control_Band__c', 'Control_Band__c'),
    copied('Band_Rank__c', 'Band_Rank__c', 0),
    copied('Coach_Factor__c', 'Coach_Factor__c', 2),
    copied('Warning_Count__c', 'Warning_Count__c', 0),
    copied('Model_Version__c', 'Model_Version__c')
];

/** From the Opportunity, that day. */
export const FROM_OPPORTUNITY: readonly CopiedField[] = [
    copied('Stage_Name__c', 'StageName'),
    copied('Probability__c', 'Probability', 0),
    copied('Amount__c', 'Amount', 2),
    copied('Close_Date__c', 'CloseDate'),
    copied('Forecast_Category__c', 'ForecastCategoryName')
];

export const COPIED_FIELDS: readonly CopiedField[] = [...FROM_SCORECARD, ...FROM_OPPORTUNITY];
const DATE_FIELDS = new Set(['Close_Date__c']);

/** Every column of a snapshot the script writes, key first. */
export const SNAPSHOT_COLUMNS: readonly string[] = [
    SNAPSHOT_KEY,
    SNAPSHOT_PARENT,
    SNAPSHOT_DATE,
    ...COPIED_FIELDS.map((f) => f.field)
];

/**
 * The canonical text of a value for a snapshot field, or null when it cannot be one (a number field
 * holding text, a date that is not YYYY-MM-DD): such a value is reported, never written.
 */
export function canonicalValue(field: CopiedField, value: unknown): string | null {
    if (value === null || value === undefined) return '';
    const text = typeof value === 'string' ? value.trim() : String(value);
    if (text === '') return '';
    if (field.scale !== null) {
        const n =
            typeof value === 'number' ? value : /^[+-]?(\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : NaN;
        return Number.isFinite(n) ? n.toFixed(field.scale) : null;
    }
    if (DATE_FIELDS.has(field.field) && !/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
    return text;
}

/** The external id of a deal's snapshot of a day: the form Snapshot_Key_Matches_Deal_And_Date checks. */
export function snapshotKey(opportunityId: string, date: string): string {
    const id18 = normalizeRecordId(opportunityId);
    if (id18 === null) throw new Error(`Not a record Id: ${opportunityId}`);
    return `${id18}:${date}`;
}

export interface SnapshotRow {
    readonly key: string;
    readonly opportunityId: string;
    readonly date: string;
    /** Canonical values in COPIED_FIELDS order. */
    readonly values: readonly string[];
}

/**
 * The record to send: numbers as numbers (REST JSON), blanks as null; the Opportunity only for a
 * new snapshot, since an existing one already has it and its master-detail cannot be changed.
 */
export function snapshotRecord(row: SnapshotRow, isNew: boolean): Record<string, string | number | null> {
    const record: Record<string, string | number | null> = { [SNAPSHOT_KEY]: row.key };
    if (isNew) record[SNAPSHOT_PARENT] = row.opportunityId;
    record[SNAPSHOT_DATE] = row.date;
    COPIED_FIELDS.forEach((f, i) => {
        const value = row.values[i];
        record[f.field] = value === '' ? null : f.scale !== null ? Number(value) : value;
    });
    return record;
}

/**
 * A 53-bit fingerprint of a snapshot's values (two 32-bit FNV-1a variants), so the snapshots
 * already in the org on that day cost 8 bytes each to compare with: two different value sets share
 * one with a chance of about 1 in 9 × 10^15.
 */
export function fingerprint(values: readonly string[]): number {
    let a = 0x811c9dc5;
    let b = 0x01000193;
    const text = values.join('\u001f');
    for (let i = 0; i < text.length; i += 1) {
        const c = text.charCodeAt(i);
        a = Math.imul(a ^ c, 0x01000193);
        b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
    }
    return (a >>> 0) * 2 ** 21 + ((b >>> 0) & 0x1fffff);
}
