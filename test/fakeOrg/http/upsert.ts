import { ActiveFault } from '../faults';
import { to18 } from '../ids';
import { FieldDef, ObjectDef, objectOfPrefix } from '../schema';
import { FakeStore, Table, uniqueKeyOf } from '../store';
import { FieldValue, SaveError } from '../values';
import { recordFault, uniqueErrors, validateValues } from './collections';
import { HttpError } from './context';

/**
 * Upsert by external id, as sObject Collections (PATCH /composite/sobjects/{type}/{field}) and
 * Bulk API 2.0 ingest jobs (`operation: 'upsert'`, `externalIdFieldName`) do it: a record whose key
 * matches a live record updates it, one whose key matches nothing is created, and a key given twice
 * in one request or job fails every record that carries it.
 */

/** What one upserted record does once checked: update the record its key matched, or create one. */
export type UpsertWrite =
    | {
          readonly kind: 'update';
          readonly sequence: number;
          readonly id: string;
          readonly values: Record<string, FieldValue>;
      }
    | { readonly kind: 'create'; readonly values: Record<string, FieldValue> };

/** The external id field an upsert names (any case), or null when the object has none of that name. */
export function externalIdField(object: ObjectDef, name: unknown): FieldDef | null {
    if (typeof name !== 'string') return null;
    const def = object.fieldsByLowerName.get(name.toLowerCase());
    return def?.externalId ? def : null;
}

/** The REST answer for an external id field that is not one (as Salesforce words it). */
export function notAnExternalId(name: string): HttpError {
    return new HttpError(
        404,
        'NOT_FOUND',
        `Provided external ID field does not exist or is not accessible: ${name}`
    );
}

/** Keys carried by more than one record of a request or job. */
export function repeatedKeys(field: FieldDef, keys: ReadonlyArray<FieldValue | undefined>): Set<string> {
    const seen = new Set<string>();
    const repeated = new Set<string>();
    for (const value of keys) {
        const key = uniqueKeyOf(field, value);
        if (key === null) continue;
        if (seen.has(key)) repeated.add(key);
        seen.add(key);
    }
    return repeated;
}

function sameReference(stored: FieldValue | undefined, given: FieldValue): boolean {
    if (typeof stored !== 'string' || typeof given !== 'string') return stored === given;
    return to18(stored) === to18(given);
}

/** INVALID_CROSS_REFERENCE_KEY or ENTITY_IS_DELETED for a new record's master-detail parent. */
function parentErrors(store: FakeStore, object: ObjectDef, values: Record<string, FieldValue>): SaveError[] {
    const errors: SaveError[] = [];
    for (const def of object.fields.values()) {
        const value = values[def.name];
        if (!def.required || def.type !== 'reference' || typeof value !== 'string') continue;
        const parent = objectOfPrefix(value.slice(0, 3));
        const table = parent && store.table(parent.name);
        const seq = table ? table.sequenceOfId(value) : null;
        if (seq === null) {
            errors.push({
                statusCode: 'INVALID_CROSS_REFERENCE_KEY',
                message: `invalid cross reference id`,
                fields: [def.name]
            });
        } else if (table!.isDeleted(seq)) {
            errors.push({
                statusCode: 'ENTITY_IS_DELETED',
                message: 'entity is deleted',
                fields: [def.name]
            });
        }
    }
    return errors;
}

/**
 * Checks one record of an upsert and says what it will do. On the update path a create-only field
 * (the non-reparentable master-detail) may repeat the value the record already has, which is then
 * left out; a different value is refused like any field an update may not set. (Salesforce refuses
 * changing the parent of such a record: Knowledge Article 000385552.)
 */
export function planUpsert(
    store: FakeStore,
    table: Table,
    field: FieldDef,
    values: Record<string, FieldValue>,
    repeated: ReadonlySet<string>,
    claimed: Map<string, string>,
    fault: ActiveFault | undefined
): UpsertWrite | SaveError[] {
    const given = values[field.name];
    const key = uniqueKeyOf(field, given);
    if (key === null) {
        return [
            { statusCode: 'MISSING_ARGUMENT', message: `${field.name} not specified`, fields: [field.name] }
        ];
    }
    if (repeated.has(key)) {
        return [
            {
                statusCode: 'DUPLICATE_EXTERNAL_ID',
                message: `Duplicate external id specified: ${String(given)}`,
                fields: [field.name]
            }
        ];
    }
    const sequence = table.findUnique(field, given);
    if (sequence !== null) {
        const id = table.idOf(sequence);
        const stored = table.read(sequence);
        const update = { ...values };
        for (const [name, value] of Object.entries(values)) {
            const def = table.def.fields.get(name)!;
            if (!def.updateable && def.createable && sameReference(stored[name], value)) delete update[name];
        }
        const errors = [
            ...validateValues(table.def, update),
            ...uniqueErrors(table, sequence, update, claimed),
            ...recordFault(fault, id, String(given))
        ];
        return errors.length > 0 ? errors : { kind: 'update', sequence, id, values: update };
    }
    const errors = validateValues(table.def, values, 'create');
    if (errors.length === 0) errors.push(...parentErrors(store, table.def, values));
    errors.push(...uniqueErrors(table, null, values, claimed), ...recordFault(fault, String(given)));
    return errors.length > 0 ? errors : { kind: 'create', values };
}
