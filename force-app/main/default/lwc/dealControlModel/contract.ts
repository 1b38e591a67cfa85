import { C139_ELEMENTS } from './scorecardElements';
import { PicklistFieldDef, SCORECARD_OBJECT, STAKEHOLDER_OBJECT } from './picklists';
import { STAKEHOLDER_PICKLISTS } from './stakeholderDimensions';
import { SCORECARD_DERIVED_FIELDS } from './scorecardScoring';
import { STAKEHOLDER_DERIVED_FIELDS } from './stakeholderScoring';

/** Every restricted picklist of contract v1, keyed `Object.Field`, values in the model's order. */
export const PICKLIST_FIELDS: readonly PicklistFieldDef[] = [...STAKEHOLDER_PICKLISTS, ...C139_ELEMENTS];

export const PICKLIST_VALUES: Readonly<Record<string, readonly string[]>> = Object.freeze(
    Object.fromEntries(
        PICKLIST_FIELDS.map((def) => [`${def.object}.${def.field}`, def.values.map((v) => v.value)])
    )
);

/** The inputs a rep enters on an assessment that the model reads (besides Id and Name). */
export const STAKEHOLDER_INPUT_FIELDS: readonly string[] = [
    'Top_Decision_Maker__c',
    'Decision_Body_Member__c',
    ...STAKEHOLDER_PICKLISTS.map((d) => d.field)
];

/** The scorecard inputs the model reads. */
export const SCORECARD_INPUT_FIELDS: readonly string[] = C139_ELEMENTS.map((d) => d.field);

/** Derived fields by object: written by the components and the rescore script, never by a rep. */
export const DERIVED_FIELDS: Readonly<Record<string, readonly string[]>> = Object.freeze({
    [STAKEHOLDER_OBJECT]: STAKEHOLDER_DERIVED_FIELDS,
    [SCORECARD_OBJECT]: SCORECARD_DERIVED_FIELDS
});

/** Derived fields compared to decide whether a record changed (the scoring time always differs). */
export function comparableDerivedFields(object: string): string[] {
    return (DERIVED_FIELDS[object] ?? []).filter((f) => f !== 'Scored_At__c');
}
