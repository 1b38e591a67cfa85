import { C139_ELEMENTS } from './scorecardElements';
import { CAMP, LINK_FROM_FIELD, LINK_PICKLISTS, LINK_TO_FIELD } from './links';
import {
    ModelObject,
    PicklistFieldDef,
    SCORECARD_OBJECT,
    STAKEHOLDER_LINK_OBJECT,
    STAKEHOLDER_OBJECT
} from './picklists';
import { STAKEHOLDER_PICKLISTS } from './stakeholderDimensions';
import { COACH_STAKEHOLDER_FIELD, SCORECARD_DERIVED_FIELDS } from './scorecardScoring';
import { STAKEHOLDER_DERIVED_FIELDS } from './stakeholderScoring';

/** Every restricted picklist of contract v1.1, keyed `Object.Field`, values in the model's order. */
export const PICKLIST_FIELDS: readonly PicklistFieldDef[] = [
    ...STAKEHOLDER_PICKLISTS,
    ...C139_ELEMENTS,
    ...LINK_PICKLISTS
];

export const PICKLIST_VALUES: Readonly<Record<string, readonly string[]>> = Object.freeze(
    Object.fromEntries(
        PICKLIST_FIELDS.map((def) => [`${def.object}.${def.field}`, def.values.map((v) => v.value)])
    )
);

/**
 * Every input the model reads, by object (contract v1.1), besides each record's Id, the
 * assessment's Name and the parent Opportunity__c.
 */
export const INPUT_FIELDS: Readonly<Record<ModelObject, readonly string[]>> = Object.freeze({
    [STAKEHOLDER_OBJECT]: [
        'Top_Decision_Maker__c',
        'Decision_Body_Member__c',
        ...STAKEHOLDER_PICKLISTS.map((d) => d.field),
        CAMP.field
    ],
    [SCORECARD_OBJECT]: [...C139_ELEMENTS.map((d) => d.field), COACH_STAKEHOLDER_FIELD],
    [STAKEHOLDER_LINK_OBJECT]: [LINK_FROM_FIELD, LINK_TO_FIELD, ...LINK_PICKLISTS.map((d) => d.field)]
});

/**
 * Contract fields the model already reads while their metadata is not in this project yet: the input
 * lists below, which the components' query and the rescore script select, leave them out, since an
 * org without them would reject the whole query. test/metadata checks that each one is still absent
 * and fails once its metadata exists: then delete it here, and the lists pick it up. Empty since the
 * political map's data model (contract v1.1) shipped.
 */
export const AWAITING_METADATA: Readonly<Partial<Record<ModelObject, readonly string[]>>> = Object.freeze({});

export function awaitsMetadata(object: string, field: string): boolean {
    return (AWAITING_METADATA[object as ModelObject] ?? []).includes(field);
}

/** The inputs of an object that a query may select today (INPUT_FIELDS without AWAITING_METADATA). */
export function queryableInputFields(object: ModelObject): string[] {
    return INPUT_FIELDS[object].filter((field) => !awaitsMetadata(object, field));
}

/** The inputs a rep enters on an assessment that the model reads (besides Id and Name). */
export const STAKEHOLDER_INPUT_FIELDS: readonly string[] = queryableInputFields(STAKEHOLDER_OBJECT);

/** The scorecard inputs the model reads. */
export const SCORECARD_INPUT_FIELDS: readonly string[] = queryableInputFields(SCORECARD_OBJECT);

/** Derived fields by object: written by the components and the rescore script, never by a rep. */
export const DERIVED_FIELDS: Readonly<Record<string, readonly string[]>> = Object.freeze({
    [STAKEHOLDER_OBJECT]: STAKEHOLDER_DERIVED_FIELDS,
    [SCORECARD_OBJECT]: SCORECARD_DERIVED_FIELDS,
    // A link is all input: its effects are stored as codes on the assessments and the scorecard.
    [STAKEHOLDER_LINK_OBJECT]: []
});

/** Derived fields compared to decide whether a record changed (the scoring time always differs). */
export function comparableDerivedFields(object: string): string[] {
    return (DERIVED_FIELDS[object] ?? []).filter((f) => f !== 'Scored_At__c');
}
