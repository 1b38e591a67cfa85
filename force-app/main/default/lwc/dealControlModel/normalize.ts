import { PicklistFieldDef } from './picklists';

/**
 * A raw record as any caller holds it: Lightning Data Service field values, a REST record, a CSV
 * row. Keys are field API names; values are whatever the source gave.
 */
export type RawRecord = Readonly<Record<string, unknown>>;

export type InputIssueCode = 'UNKNOWN_VALUE' | 'NOT_A_BOOLEAN';

/** A value the model could not use: scored as unknown, reported, never thrown. */
export interface InputIssue {
    readonly code: InputIssueCode;
    readonly field: string;
    readonly value: string;
}

function asTrimmedString(raw: unknown): string | null {
    if (raw === null || raw === undefined) return null;
    const s = typeof raw === 'string' ? raw : String(raw);
    const trimmed = s.trim();
    return trimmed === '' ? null : trimmed;
}

/** A text field: trimmed, or null when blank. */
export function readText(record: RawRecord, field: string): string | null {
    return asTrimmedString(record[field]);
}

/**
 * A picklist value counts only when it is exactly a model value (surrounding spaces aside): the
 * platform stores API names verbatim, so `mentor` or `MENTOR` is data from outside the model (an
 * old import, a hand-edited file) and is scored as unknown and reported, never guessed at.
 */
function modelValue(def: PicklistFieldDef, candidate: string): string | undefined {
    return def.values.find((v) => v.value === candidate)?.value;
}

/** Text that is present but holds only spaces is not a blank the platform would store: report it. */
function isWhitespaceOnly(raw: unknown): raw is string {
    return typeof raw === 'string' && raw.length > 0 && raw.trim() === '';
}

/** One picklist value: the model's value, or null when blank or unknown (an unknown is reported). */
export function readPicklist(record: RawRecord, def: PicklistFieldDef, issues: InputIssue[]): string | null {
    const original = record[def.field];
    if (isWhitespaceOnly(original)) {
        issues.push({ code: 'UNKNOWN_VALUE', field: def.field, value: original });
        return null;
    }
    const raw = asTrimmedString(original);
    if (raw === null) return null;
    const value = modelValue(def, raw);
    if (value === undefined) {
        issues.push({ code: 'UNKNOWN_VALUE', field: def.field, value: raw });
        return null;
    }
    return value;
}

/**
 * A multi-select value, given as the platform's `A;B` string or as an array. Returns the known
 * values in the model's order without duplicates; unknown parts are reported and dropped.
 */
export function readMultiPicklist(record: RawRecord, def: PicklistFieldDef, issues: InputIssue[]): string[] {
    const raw = record[def.field];
    if (isWhitespaceOnly(raw)) {
        issues.push({ code: 'UNKNOWN_VALUE', field: def.field, value: raw });
        return [];
    }
    const parts: unknown[] = Array.isArray(raw) ? raw : (asTrimmedString(raw) ?? '').split(';');
    const found = new Set<string>();
    for (const part of parts) {
        const text = asTrimmedString(part);
        if (text === null) continue;
        const value = modelValue(def, text);
        if (value === undefined) issues.push({ code: 'UNKNOWN_VALUE', field: def.field, value: text });
        else found.add(value);
    }
    return def.values.map((v) => v.value).filter((v) => found.has(v));
}

const TRUE_TEXTS = new Set(['true', '1', 'yes']);
const FALSE_TEXTS = new Set(['false', '0', 'no']);

/** A checkbox: booleans, or the texts CSV exports and imports use. Anything else is false and reported. */
export function readCheckbox(record: RawRecord, field: string, issues: InputIssue[]): boolean {
    const raw = record[field];
    if (typeof raw === 'boolean') return raw;
    if (isWhitespaceOnly(raw)) {
        issues.push({ code: 'NOT_A_BOOLEAN', field, value: raw });
        return false;
    }
    const text = asTrimmedString(raw);
    if (text === null) return false;
    const folded = text.toLowerCase();
    if (TRUE_TEXTS.has(folded)) return true;
    if (!FALSE_TEXTS.has(folded)) issues.push({ code: 'NOT_A_BOOLEAN', field, value: text });
    return false;
}

/** Sorted, `;`-joined codes as stored in the *_Codes__c fields; null when there are none. */
export function joinCodes(codes: Iterable<string>): string | null {
    const sorted = [...new Set(codes)].sort();
    return sorted.length === 0 ? null : sorted.join(';');
}
