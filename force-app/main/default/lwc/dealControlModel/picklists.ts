import { LocalizedText } from './text';

export const STAKEHOLDER_OBJECT = 'Stakeholder_Assessment__c';
export const SCORECARD_OBJECT = 'C139_Scorecard__c';
export const STAKEHOLDER_LINK_OBJECT = 'Stakeholder_Link__c';
export type ModelObject =
    typeof STAKEHOLDER_OBJECT | typeof SCORECARD_OBJECT | typeof STAKEHOLDER_LINK_OBJECT;

/** One value of a restricted picklist: its API name is the stored value. */
export interface PicklistValueDef {
    readonly value: string;
    readonly label: LocalizedText;
    /** What the value means (shown next to the choice). */
    readonly description: LocalizedText;
    /** What the rep should do about a person or a deal with this value. */
    readonly guidance: LocalizedText;
}

/** A picklist field of contract v1, with its values in the model's order. */
export interface PicklistFieldDef {
    readonly object: ModelObject;
    readonly field: string;
    readonly multiSelect: boolean;
    readonly label: LocalizedText;
    /** Inline help for users: what to record and how to judge it. */
    readonly help: LocalizedText;
    /** What a blank value means for this field. */
    readonly blankMeans: LocalizedText;
    readonly values: readonly PicklistValueDef[];
}

export function picklistValue(
    apiName: string,
    label: LocalizedText,
    description: LocalizedText,
    guidance: LocalizedText
): PicklistValueDef {
    return Object.freeze({ value: apiName, label, description, guidance });
}

export function valuesOf(def: PicklistFieldDef): string[] {
    return def.values.map((v) => v.value);
}

export function findValue(
    def: PicklistFieldDef,
    value: string | null | undefined
): PicklistValueDef | undefined {
    return value == null ? undefined : def.values.find((v) => v.value === value);
}
