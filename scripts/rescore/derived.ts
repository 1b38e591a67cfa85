import {
    DERIVED_FIELDS,
    SCORECARD_INPUT_FIELDS,
    SCORECARD_OBJECT,
    STAKEHOLDER_INPUT_FIELDS,
    STAKEHOLDER_LINK_OBJECT,
    STAKEHOLDER_OBJECT,
    comparableDerivedFields,
    queryableInputFields
} from 'c/dealControlModel';

export type RescoreObject =
    typeof STAKEHOLDER_OBJECT | typeof SCORECARD_OBJECT | typeof STAKEHOLDER_LINK_OBJECT;
/** Every object a run reads; links are read, never written (they hold no derived field). */
export const OBJECTS: readonly RescoreObject[] = [
    STAKEHOLDER_OBJECT,
    SCORECARD_OBJECT,
    STAKEHOLDER_LINK_OBJECT
];
/** The objects whose derived fields a run writes. */
export const WRITTEN_OBJECTS: readonly RescoreObject[] = [STAKEHOLDER_OBJECT, SCORECARD_OBJECT];
export { SCORECARD_OBJECT, STAKEHOLDER_LINK_OBJECT, STAKEHOLDER_OBJECT };

const INPUT_FIELDS: Readonly<Record<RescoreObject, readonly string[]>> = {
    [STAKEHOLDER_OBJECT]: STAKEHOLDER_INPUT_FIELDS,
    [SCORECARD_OBJECT]: SCORECARD_INPUT_FIELDS,
    [STAKEHOLDER_LINK_OBJECT]: queryableInputFields(STAKEHOLDER_LINK_OBJECT)
};

/** What the script reads of each object: the Id, the parent, every model input and every derived field. */
export function readFields(object: RescoreObject): string[] {
    const extra = object === STAKEHOLDER_OBJECT ? ['Name'] : [];
    return ['Id', ...extra, 'Opportunity__c', ...INPUT_FIELDS[object], ...(DERIVED_FIELDS[object] ?? [])];
}

/**
 * What scoring a record needs of it: the Id, the parent, every input and every derived value the
 * model compares. The person's name and the scoring time are read for people, not for the model.
 */
export function scoringFields(object: RescoreObject): string[] {
    return ['Id', 'Opportunity__c', ...INPUT_FIELDS[object], ...comparableDerivedFields(object)];
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
