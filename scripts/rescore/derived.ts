import {
    DERIVED_FIELDS,
    SCORECARD_INPUT_FIELDS,
    SCORECARD_OBJECT,
    STAKEHOLDER_INPUT_FIELDS,
    STAKEHOLDER_OBJECT,
    comparableDerivedFields
} from 'c/dealControlModel';

export type RescoreObject = typeof STAKEHOLDER_OBJECT | typeof SCORECARD_OBJECT;
export const OBJECTS: readonly RescoreObject[] = [STAKEHOLDER_OBJECT, SCORECARD_OBJECT];
export { SCORECARD_OBJECT, STAKEHOLDER_OBJECT };

/** What the script reads of each object: the Id, the parent, every model input and every derived field. */
export function readFields(object: RescoreObject): string[] {
    const inputs = object === STAKEHOLDER_OBJECT ? STAKEHOLDER_INPUT_FIELDS : SCORECARD_INPUT_FIELDS;
    const extra = object === STAKEHOLDER_OBJECT ? ['Name'] : [];
    return ['Id', ...extra, 'Opportunity__c', ...inputs, ...DERIVED_FIELDS[object]];
}

/** The only fields the script ever writes: the model's derived fields. A rep's inputs are never sent. */
export function writeFields(object: RescoreObject): readonly string[] {
    return DERIVED_FIELDS[object];
}

/** A value as the model produces it or as a store returns it (REST JSON, Bulk or export CSV text). */
type Stored = unknown;

function isBlank(value: Stored): boolean {
    return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/**
 * Whether a stored value equals the model's value. Bulk API and CSV exports give every value as
 * text ("2", "0.75", "" for blank), REST gives numbers and null, so numbers compare as numbers
 * and blanks as blanks.
 */
export function sameValue(stored: Stored, model: Stored): boolean {
    if (isBlank(model)) return isBlank(stored);
    if (isBlank(stored)) return false;
    if (typeof model === 'number') {
        const n = typeof stored === 'number' ? stored : Number(String(stored).trim());
        return Number.isFinite(n) && Math.abs(n - model) < 1e-9;
    }
    return String(stored).trim() === String(model);
}

/** Derived fields whose stored value differs from the model's, ignoring the scoring time. */
export function changedFields(
    object: RescoreObject,
    stored: Readonly<Record<string, Stored>>,
    model: Readonly<Record<string, Stored>>
): string[] {
    return comparableDerivedFields(object).filter((field) => !sameValue(stored[field], model[field]));
}

/** The update for one record: its Id and every derived field, so a record is never half-scored. */
export function updateOf(
    object: RescoreObject,
    id: string,
    model: Readonly<Record<string, Stored>>
): Record<string, string | number | null> {
    const update: Record<string, string | number | null> = { Id: id };
    for (const field of writeFields(object)) {
        const value = model[field];
        update[field] = value === undefined || value === null ? null : (value as string | number);
    }
    return update;
}
