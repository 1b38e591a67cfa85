import { ActiveFault } from '../faults';
import { to18 } from '../ids';
import { FieldDef, ObjectDef, objectNamed } from '../schema';
import { Table, uniqueKeyOf } from '../store';
import {
    DeserializeError,
    FieldValue,
    SaveError,
    checkConstraints,
    fromJsonValue,
    isSaveError
} from '../values';
import { HandlerContext, HttpError, parseJsonBody, sendJson } from './context';

/** sObject Collections accepts at most this many records a request. */
export const MAX_COLLECTION_RECORDS = 200;

interface SaveResult {
    id?: string;
    success: boolean;
    errors: SaveError[];
}

export interface PlannedWrite {
    table: Table;
    sequence: number;
    id: string;
    values: Record<string, FieldValue>;
}

/**
 * The sequence number of a record an API request names, or the error Salesforce gives for it:
 * an Id that never existed, a deleted record, the same Id twice in one request.
 */
export function existingRecord(table: Table, id18: string, seen: Set<string>): number | SaveError[] {
    const sequence = table.sequenceOfId(id18);
    if (sequence === null) {
        return [
            { statusCode: 'INVALID_CROSS_REFERENCE_KEY', message: 'invalid cross reference id', fields: [] }
        ];
    }
    if (table.isDeleted(sequence)) {
        return [{ statusCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [] }];
    }
    if (seen.has(id18)) {
        return [{ statusCode: 'DUPLICATE_VALUE', message: `Duplicate id in list: ${id18}`, fields: [] }];
    }
    seen.add(id18);
    return sequence;
}

/**
 * The error a per-record fault (of a request or a job) gives a record, named by its Id or, in an
 * upsert, by its external key: UNABLE_TO_LOCK_ROW, or a validation rule's
 * FIELD_CUSTOM_VALIDATION_EXCEPTION. Every record when the fault names none.
 */
export function recordFault(
    fault: ActiveFault | undefined,
    ...names: ReadonlyArray<string | null | undefined>
): SaveError[] {
    if (!fault) return [];
    if (fault.recordIds && !names.some((n) => n && fault.recordIds!.has(n))) return [];
    const name = names.find((n) => n) ?? '';
    if (fault.response === 'unableToLockRow') {
        return [
            {
                statusCode: 'UNABLE_TO_LOCK_ROW',
                message: `unable to obtain exclusive access to this record or 1 records: ${name}`,
                fields: []
            }
        ];
    }
    if (fault.response === 'validationRule') {
        return [
            {
                statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
                message: 'A validation rule of the org refused this record (injected fault).',
                fields: []
            }
        ];
    }
    return [];
}

/**
 * DUPLICATE_VALUE for each unique field a write sets to a value that another live record holds,
 * or that an earlier record of the same request or job claimed (`claimed`: field and value → the
 * Id that holds it, filled here). `self` is the record written (null for a new one).
 */
export function uniqueErrors(
    table: Table,
    self: number | null,
    values: Readonly<Record<string, FieldValue>>,
    claimed: Map<string, string>
): SaveError[] {
    const errors: SaveError[] = [];
    for (const [name, value] of Object.entries(values)) {
        const def = table.def.fields.get(name)!;
        const key = def.unique ? uniqueKeyOf(def, value) : null;
        if (key === null) continue;
        const holder = table.findUnique(def, value);
        const claim = `${name}\u0000${key}`;
        const other = holder !== null && holder !== self ? table.idOf(holder) : (claimed.get(claim) ?? null);
        if (other !== null) {
            errors.push({
                statusCode: 'DUPLICATE_VALUE',
                message: `duplicate value found: ${name} duplicates value on record with id: ${other}`,
                fields: [name]
            });
        } else {
            claimed.set(claim, self === null ? '' : table.idOf(self));
        }
    }
    return errors;
}

/** One SaveResult per planned record, in request order; with allOrNone, one failure rolls back all. */
export function saveResults<P extends { id: string }>(
    plans: ReadonlyArray<P | SaveError[]>,
    allOrNone: boolean
): { results: SaveResult[]; failed: boolean } {
    const failed = plans.some((p) => Array.isArray(p));
    const results: SaveResult[] = plans.map((p) => {
        if (Array.isArray(p)) return { success: false, errors: p };
        if (allOrNone && failed) {
            return {
                success: false,
                errors: [
                    {
                        statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
                        message:
                            'Record rolled back because not all records were valid and the request was using AllOrNone header',
                        fields: []
                    }
                ]
            };
        }
        return { id: p.id, success: true, errors: [] };
    });
    return { results, failed };
}

/**
 * The body of a PATCH collections request (update or upsert): its records, at most 200, and
 * allOrNone. Counts the records for the request log.
 */
export function collectionBody(ctx: HandlerContext): { records: unknown[]; allOrNone: boolean } {
    const body = parseJsonBody(ctx) as { allOrNone?: unknown; records?: unknown };
    if (typeof body !== 'object' || body === null || !Array.isArray(body.records)) {
        throw new HttpError(400, 'JSON_PARSER_ERROR', 'The request body needs a records array');
    }
    const records = body.records as unknown[];
    ctx.records = records.length;
    if (records.length > MAX_COLLECTION_RECORDS) {
        throw new HttpError(
            400,
            'EXCEEDED_ID_LIMIT',
            `record limit reached. cannot submit more than ${MAX_COLLECTION_RECORDS} records into this call`
        );
    }
    return { records, allOrNone: body.allOrNone === true || body.allOrNone === 'true' };
}

/** PATCH /composite/sobjects: per-record results in request order, allOrNone rollback. */
export function collectionsUpdate(ctx: HandlerContext): void {
    const { records, allOrNone } = collectionBody(ctx);
    // Deserialization problems fail the whole request before any record is looked at.
    const parsed = records.map((raw) => deserialize(raw));

    const seen = new Set<string>();
    const claimed = new Map<string, string>();
    const plans: Array<PlannedWrite | SaveError[]> = parsed.map(({ object, id, values }) => {
        const table = ctx.store.table(object.name);
        if (id === undefined) {
            return [
                { statusCode: 'MISSING_ARGUMENT', message: 'Id not specified in an update call', fields: [] }
            ];
        }
        const id18 = to18(id);
        if (!id18 || !id18.startsWith(object.keyPrefix)) {
            return [
                {
                    statusCode: 'MALFORMED_ID',
                    message: `${object.label} ID: id value of incorrect type: ${id}`,
                    fields: ['Id']
                }
            ];
        }
        const found = existingRecord(table, id18, seen);
        if (Array.isArray(found)) return found;
        const errors = [
            ...validateValues(object, values),
            ...uniqueErrors(table, found, values, claimed),
            ...recordFault(ctx.fault, id18)
        ];
        return errors.length > 0 ? errors : { table, sequence: found, id: id18, values };
    });

    const { results, failed } = saveResults(plans, allOrNone);
    if (!(allOrNone && failed)) {
        const writes = plans.filter((p): p is PlannedWrite => !Array.isArray(p));
        applyWrites(ctx, writes);
    }
    sendJson(ctx.res, 200, results);
}

export function applyWrites(ctx: HandlerContext, writes: PlannedWrite[]): void {
    const byObject = new Map<string, PlannedWrite[]>();
    for (const w of writes) byObject.set(w.table.def.name, [...(byObject.get(w.table.def.name) ?? []), w]);
    for (const [object, list] of byObject) {
        ctx.hooks.beforeWrite?.(
            object,
            list.map((w) => w.id)
        );
    }
    const at = ctx.store.clock.tick();
    for (const w of writes) ctx.store.write(w.table, w.sequence, w.values, at);
}

export function deserialize(raw: unknown): {
    object: ObjectDef;
    id?: string;
    values: Record<string, FieldValue>;
} {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        throw new HttpError(400, 'JSON_PARSER_ERROR', 'Each record must be a JSON object');
    }
    const record = raw as Record<string, unknown>;
    const type = (record.attributes as { type?: unknown } | undefined)?.type;
    if (typeof type !== 'string') {
        throw new HttpError(400, 'INVALID_TYPE', 'Each record needs attributes.type (the sObject type)');
    }
    const object = objectNamed(type);
    if (!object) throw new HttpError(400, 'INVALID_TYPE', `sObject type '${type}' is not supported.`);
    const values: Record<string, FieldValue> = {};
    let id: string | undefined;
    for (const [key, value] of Object.entries(record)) {
        if (key === 'attributes') continue;
        if (key.toLowerCase() === 'id') {
            id = value === null || value === undefined ? undefined : String(value);
            continue;
        }
        const f = object.fieldsByLowerName.get(key.toLowerCase());
        if (!f) {
            throw new HttpError(
                400,
                'INVALID_FIELD',
                `No such column '${key}' on sobject of type ${object.name}`
            );
        }
        try {
            values[f.name] = fromJsonValue(f, value);
        } catch (e) {
            if (e instanceof DeserializeError) throw new HttpError(400, e.errorCode, e.message);
            throw e;
        }
    }
    return { object, id, values };
}

/**
 * Per-record checks: fields the operation may not set (an update: system, formula, roll-up and
 * master-detail fields; an insert: system and formula fields), required fields an insert lacks,
 * then each value's constraints. Rounds numbers in place.
 */
export function validateValues(
    object: ObjectDef,
    values: Record<string, FieldValue>,
    operation: 'update' | 'create' = 'update'
): SaveError[] {
    const errors: SaveError[] = [];
    const readOnly = Object.keys(values).filter((name) => {
        const def = object.fields.get(name)!;
        return operation === 'update' ? !def.updateable : !def.createable;
    });
    if (readOnly.length > 0) {
        errors.push({
            statusCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
            message: `Unable to create/update fields: ${readOnly.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
            fields: readOnly
        });
    }
    if (operation === 'create') {
        const missing = [...object.fields.values()]
            .filter((def) => def.required && (values[def.name] === null || values[def.name] === undefined))
            .map((def) => def.name);
        if (missing.length > 0) {
            errors.push({
                statusCode: 'REQUIRED_FIELD_MISSING',
                message: `Required fields are missing: [${missing.join(', ')}]`,
                fields: missing
            });
        }
    }
    for (const [name, value] of Object.entries(values)) {
        const def: FieldDef = object.fields.get(name)!;
        const checked = checkConstraints(def, value);
        if (isSaveError(checked)) errors.push(checked);
        else values[name] = checked;
    }
    return errors;
}
