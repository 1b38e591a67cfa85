// The editor's form state and the exact record it saves, kept apart from the component so the
// payload rules (what is sent, how blanks and multi-selects are written, which derived values are
// stamped) can be read and tested on their own.
import {
    CAMP,
    PicklistFieldDef,
    PoliticalMap,
    STAKEHOLDER_PICKLISTS,
    StakeholderScore,
    normalizeStakeholder,
    scoreStakeholder
} from 'c/dealControlModel';

export const OBJECT_API_NAME = 'Stakeholder_Assessment__c';

export type FormValue = string | boolean | string[] | null;
export type FormValues = Record<string, FormValue>;

export const TEXT_FIELDS: readonly string[] = [
    'Name',
    'Title__c',
    'Favored_Vendor__c',
    'Next_Action__c',
    'Verification__c',
    'Evidence__c',
    'Notes__c',
    CAMP.field
];
export const DATE_FIELDS: readonly string[] = ['Assessed_On__c', 'Next_Action_Due__c'];
export const CHECKBOX_FIELDS: readonly string[] = ['Top_Decision_Maker__c', 'Decision_Body_Member__c'];

/** Everything a rep edits, in the order of the saved payload. */
export const EDITABLE_FIELDS: readonly string[] = [
    ...TEXT_FIELDS,
    ...DATE_FIELDS,
    ...CHECKBOX_FIELDS,
    ...STAKEHOLDER_PICKLISTS.map((d) => d.field)
];

/** Field lengths of contract v1 (the field metadata), enforced in the form so the server never truncates. */
export const MAX_LENGTH: Readonly<Record<string, number>> = {
    Name: 80,
    Title__c: 128,
    Favored_Vendor__c: 80,
    Next_Action__c: 255,
    Verification__c: 255,
    Evidence__c: 32768,
    Notes__c: 32768,
    [CAMP.field]: CAMP.maxLength
};

export function picklistDef(field: string): PicklistFieldDef | undefined {
    return STAKEHOLDER_PICKLISTS.find((d) => d.field === field);
}

function textOrNull(raw: unknown): string | null {
    return typeof raw === 'string' && raw !== '' ? raw : null;
}

/**
 * Form values from a stored record (or a prefill). Picklists go through the model so a value the
 * model no longer knows is dropped to "unknown" (and reported by the model) instead of being
 * re-sent and rejected by the restricted picklist.
 */
export function toFormValues(record: Readonly<Record<string, unknown>> | null | undefined): FormValues {
    const source = record ?? {};
    const normalized = normalizeStakeholder(source);
    const values: FormValues = {};
    for (const field of TEXT_FIELDS) values[field] = textOrNull(source[field]);
    for (const field of DATE_FIELDS) values[field] = textOrNull(source[field]);
    values.Top_Decision_Maker__c = normalized.topDecisionMaker;
    values.Decision_Body_Member__c = normalized.decisionBodyMember;
    values.Role__c = normalized.role;
    values.Influence__c = normalized.influence;
    values.Dominant_Need__c = normalized.dominantNeed;
    values.Other_Needs__c = [...normalized.otherNeeds];
    values.Change_Attitude__c = normalized.changeAttitude;
    values.Decision_Focus__c = [...normalized.decisionFocus];
    values.Contact_Closeness__c = normalized.contactCloseness;
    values.Attitude_To_Us__c = normalized.attitudeToUs;
    return values;
}

/** A value as the UI API expects it: blanks are null, multi-selects `A;B` in the model's order. */
export function toFieldValue(field: string, value: FormValue): string | boolean | null {
    if (CHECKBOX_FIELDS.includes(field)) return value === true;
    if (Array.isArray(value)) {
        const def = picklistDef(field);
        const ordered = def ? def.values.map((v) => v.value).filter((v) => value.includes(v)) : value;
        return ordered.length === 0 ? null : ordered.join(';');
    }
    if (typeof value !== 'string') return null;
    const text = field === 'Name' ? value.trim() : value;
    return text.trim() === '' ? null : text;
}

/**
 * The model's reading of the form. With the Opportunity's political map (and the person's Id in
 * `values`, as the map knows people by Id) it includes the link-based insight INFLUENCED_AGAINST.
 */
export function scoreForm(
    values: Readonly<Record<string, unknown>>,
    scoredAt: string,
    map?: PoliticalMap
): StakeholderScore {
    return scoreStakeholder(values, { scoredAt }, map);
}

/** Client-side checks the server would otherwise reject: field → label key of the message. */
export function validateForm(values: FormValues): Record<string, 'nameRequired'> {
    return toFieldValue('Name', values.Name ?? null) === null ? { Name: 'nameRequired' } : {};
}

export interface SaveRequest {
    kind: 'create' | 'update';
    recordInput: { apiName?: string; fields: Record<string, unknown> };
    clientOptions?: { ifUnmodifiedSince: string };
}

export interface SaveContext {
    /** The Opportunity a new assessment belongs to. */
    opportunityId: string | null | undefined;
    /** The stored record being edited (with Id and LastModifiedDate), or a prefill without Id. */
    record: Readonly<Record<string, unknown>> | null | undefined;
    /** ISO time of the save, from the caller's clock: stamped as Scored_At__c. */
    scoredAt: string;
    /** The Opportunity's political map as it will be after this save, for the derived insight codes. */
    map?: PoliticalMap;
    /** The person's Id in `map` (the record's Id, or the stand-in of a person not yet created). */
    mapId?: string;
}

/**
 * The exact createRecord/updateRecord arguments: every editable field, plus the derived fields
 * computed by the model and stamped with its version and the time. An update carries
 * ifUnmodifiedSince so a record changed by someone else is never silently overwritten.
 */
export function buildSaveRequest(values: FormValues, context: SaveContext): SaveRequest {
    const fields: Record<string, unknown> = {};
    for (const field of EDITABLE_FIELDS) fields[field] = toFieldValue(field, values[field] ?? null);
    const recordId = context.record?.Id;
    const mapId = context.mapId ?? (typeof recordId === 'string' ? recordId : undefined);
    const derived = scoreForm({ ...values, Id: mapId ?? null }, context.scoredAt, context.map).derived;
    if (typeof recordId === 'string' && recordId !== '') {
        const lastModified = context.record?.LastModifiedDate;
        return {
            kind: 'update',
            recordInput: { fields: { Id: recordId, ...fields, ...derived } },
            clientOptions: typeof lastModified === 'string' ? { ifUnmodifiedSince: lastModified } : undefined
        };
    }
    const contactId = context.record?.Contact__c;
    return {
        kind: 'create',
        recordInput: {
            apiName: OBJECT_API_NAME,
            fields: {
                Opportunity__c: context.opportunityId,
                ...(typeof contactId === 'string' && contactId !== '' ? { Contact__c: contactId } : {}),
                ...fields,
                ...derived
            }
        }
    };
}

export { localDate } from 'c/dealControlData';

/** Fields whose newer stored value differs from what the rep has in the form. */
export function conflictingFields(values: FormValues, newer: Readonly<Record<string, unknown>>): string[] {
    const theirs = toFormValues(newer);
    return EDITABLE_FIELDS.filter(
        (field) => toFieldValue(field, theirs[field] ?? null) !== toFieldValue(field, values[field] ?? null)
    );
}
