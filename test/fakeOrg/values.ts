import { to18 } from './ids';
import { FieldDef, isNumeric } from './schema';

/**
 * Field values as the store holds them, and their conversions from and to the wire formats.
 * Stored form: text-like fields as strings (multi-select joined with ';'), numbers as numbers,
 * checkboxes as booleans, dates as 'YYYY-MM-DD', date-times as 'YYYY-MM-DDTHH:mm:ss.sssZ'.
 * Blank is null, never '' (Salesforce stores an empty text as null).
 */
export type FieldValue = string | number | boolean | null;
export type SObjectRecord = Record<string, FieldValue>;

/** One error of a SaveResult, in Salesforce's shape. */
export interface SaveError {
    statusCode: string;
    message: string;
    fields: string[];
}

/** A value that does not deserialize at all: Salesforce rejects the whole request (400). */
export class DeserializeError extends Error {
    // `declare`: a subclass with emitted fields makes the LWC Jest transform import 'lwc' (see README).
    declare readonly errorCode: string;
    constructor(message: string, errorCode: string) {
        super(message);
        this.errorCode = errorCode;
    }
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})$/;

export function isValidDate(value: string): boolean {
    const m = DATE_PATTERN.exec(value);
    if (!m) return false;
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1;
}

/** Canonical stored form of an ISO 8601 date-time with a zone, or null when it is not one. */
export function canonicalDateTime(value: string): string | null {
    const m = DATETIME_PATTERN.exec(value);
    if (!m || !isValidDate(`${m[1]}-${m[2]}-${m[3]}`)) return null;
    if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 59) return null;
    const zone = m[8] === 'Z' ? 'Z' : m[8].length === 5 ? `${m[8].slice(0, 3)}:${m[8].slice(3)}` : m[8];
    const millis = Date.parse(
        `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${(m[7] ?? '').slice(0, 4)}${zone}`
    );
    return Number.isNaN(millis) ? null : new Date(millis).toISOString();
}

/** REST API date-time format: '2026-01-31T09:30:00.000+0000'. */
export function restDateTime(stored: string): string {
    return stored.replace(/Z$/, '+0000');
}

/** The value a REST query record carries for a stored value. */
export function toRestValue(def: FieldDef, value: FieldValue): FieldValue {
    if (value === null || value === undefined) return null;
    if (def.type === 'datetime') return restDateTime(value as string);
    return value;
}

/** The text of a Bulk API 2.0 CSV cell for a stored value ('' for null). */
export function toCsvValue(value: FieldValue): string {
    if (value === null || value === undefined) return '';
    return String(value);
}

function expected(def: FieldDef, raw: unknown): DeserializeError {
    const token = typeof raw === 'string' ? 'VALUE_STRING' : Array.isArray(raw) ? 'START_ARRAY' : 'VALUE';
    return new DeserializeError(
        `Cannot deserialize instance of ${def.type} from ${token} value ${JSON.stringify(raw)} or request may be missing a required field`,
        'JSON_PARSER_ERROR'
    );
}

/**
 * A value from a JSON request body (sObject Collections) in stored form. JSON type mismatches
 * throw DeserializeError, as Salesforce's deserializer fails the whole request for them.
 */
export function fromJsonValue(def: FieldDef, raw: unknown): FieldValue {
    if (raw === null) return def.type === 'boolean' ? false : null;
    if (typeof raw === 'object') throw expected(def, raw);
    if (def.type === 'boolean') {
        if (typeof raw === 'boolean') return raw;
        if (typeof raw === 'string' && /^(true|false)$/i.test(raw)) return raw.toLowerCase() === 'true';
        throw expected(def, raw);
    }
    if (isNumeric(def.type)) {
        if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
        if (typeof raw === 'string' && raw.trim() === '') return null;
        if (typeof raw === 'string' && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(raw.trim())) {
            return Number(raw);
        }
        throw expected(def, raw);
    }
    const s = String(raw);
    if (s === '') return null;
    if (def.type === 'date') {
        if (isValidDate(s)) return s;
        throw expected(def, raw);
    }
    if (def.type === 'datetime') {
        const dt = canonicalDateTime(s);
        if (dt) return dt;
        throw expected(def, raw);
    }
    return s;
}

/** Bulk API 2.0 marker that sets a field to null (an empty cell leaves the field unchanged). */
export const CSV_NULL = '#N/A';

/** A CSV cell of an ingest upload in stored form, or a SaveError for a value of the wrong type. */
export function fromCsvValue(def: FieldDef, cell: string): FieldValue | SaveError {
    if (cell === CSV_NULL) return def.type === 'boolean' ? false : null;
    const wrongType = (): SaveError => ({
        statusCode: 'INVALID_TYPE_ON_FIELD_IN_RECORD',
        message: `${def.label}: value not of required type: ${cell}`,
        fields: [def.name]
    });
    if (def.type === 'boolean') {
        if (/^(true|1)$/i.test(cell)) return true;
        if (/^(false|0)$/i.test(cell)) return false;
        return wrongType();
    }
    if (isNumeric(def.type)) {
        return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(cell.trim()) ? Number(cell) : wrongType();
    }
    if (def.type === 'date') {
        if (isValidDate(cell)) return cell;
        const dt = canonicalDateTime(cell);
        return dt ? dt.slice(0, 10) : wrongType();
    }
    if (def.type === 'datetime') {
        return canonicalDateTime(cell) ?? (isValidDate(cell) ? `${cell}T00:00:00.000Z` : wrongType());
    }
    return cell;
}

function roundToScale(value: number, scale: number): number {
    const factor = 10 ** scale;
    return Math.round(value * factor + Math.sign(value) * 1e-9) / factor;
}

/**
 * The constraints Salesforce checks per record on save: restricted picklists, text lengths and
 * number ranges. Returns the value as stored (numbers rounded to the field's scale) or the error.
 */
export function checkConstraints(def: FieldDef, value: FieldValue): FieldValue | SaveError {
    if (value === null) return null;
    if (def.restrictedValues && typeof value === 'string') {
        const values = def.type === 'multipicklist' ? value.split(';') : [value];
        const bad = values.find((v) => !def.restrictedValues!.includes(v));
        if (bad !== undefined) {
            return {
                statusCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
                message: `${def.label}: bad value for restricted picklist field: ${bad}`,
                fields: [def.name]
            };
        }
    }
    if (def.length !== undefined && typeof value === 'string' && value.length > def.length) {
        return {
            statusCode: 'STRING_TOO_LONG',
            message: `${def.label}: data value too large: ${value.slice(0, 80)} (max length=${def.length})`,
            fields: [def.name]
        };
    }
    if (isNumeric(def.type) && typeof value === 'number') {
        const rounded = roundToScale(value, def.scale ?? 0);
        const limit = 10 ** ((def.precision ?? 18) - (def.scale ?? 0));
        if (Math.abs(rounded) >= limit) {
            return {
                statusCode: 'NUMBER_OUTSIDE_VALID_RANGE',
                message: `${def.label}: value outside of valid range on numeric field: ${value}`,
                fields: [def.name]
            };
        }
        return rounded;
    }
    if (def.type === 'reference' && typeof value === 'string') {
        const id = to18(value);
        if (id && id.startsWith(def.referencePrefix!)) return id;
        return {
            statusCode: 'FIELD_INTEGRITY_EXCEPTION',
            message: `${def.label}: id value of incorrect type: ${value}`,
            fields: [def.name]
        };
    }
    return value;
}

export function isSaveError(v: unknown): v is SaveError {
    return typeof v === 'object' && v !== null && 'statusCode' in v;
}
