import { SCORECARD_INPUT_FIELDS, ScorecardDerived } from 'c/dealControlModel';

export const SCORECARD_OBJECT_API_NAME = 'C139_Scorecard__c';
export const COACH_STAKEHOLDER_FIELD = 'Coach_Stakeholder__c';
export const NOTES_FIELD = 'Notes__c';

/**
 * Everything a rep edits on the scorecard: the model's inputs (the 14 C139 elements and, since
 * contract v1.1, the coach's assessment COACH_STAKEHOLDER_FIELD), and notes.
 */
export const EDITABLE_FIELDS: readonly string[] = [...SCORECARD_INPUT_FIELDS, NOTES_FIELD];

/** A rep's values for the editable fields; null means blank ("not yet known" for an element). */
export type ScorecardValues = Record<string, string | null>;

function blankToNull(raw: unknown): string | null {
    if (raw === null || raw === undefined) return null;
    const text = String(raw);
    return text.trim() === '' ? null : text;
}

/** The editable values of a stored scorecard (or all blank when there is none yet). */
export function editableValuesOf(record: Readonly<Record<string, unknown>> | null): ScorecardValues {
    const values: ScorecardValues = {};
    for (const field of EDITABLE_FIELDS) values[field] = record ? blankToNull(record[field]) : null;
    return values;
}

/**
 * The fields written on every save: all editable values (a blank clears the stored value) and
 * every derived field, so the stored score always matches the stored answers.
 */
export function scorecardFields(values: ScorecardValues, derived: ScorecardDerived): Record<string, unknown> {
    const fields: Record<string, unknown> = {};
    for (const field of EDITABLE_FIELDS) fields[field] = blankToNull(values[field]);
    return { ...fields, ...derived };
}

const CHECKSUM_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/**
 * The 18-character, case-safe form of a record Id. Opportunity_Key__c is a case-sensitive unique
 * key, so a 15-character Id would let a second scorecard through for the same Opportunity.
 */
export function toEighteenCharId(id: string): string {
    if (id.length !== 15) return id;
    let suffix = '';
    for (let chunk = 0; chunk < 3; chunk++) {
        let bits = 0;
        for (let i = 0; i < 5; i++) {
            const c = id.charAt(chunk * 5 + i);
            if (c >= 'A' && c <= 'Z') bits |= 1 << i;
        }
        suffix += CHECKSUM_ALPHABET.charAt(bits);
    }
    return id + suffix;
}
