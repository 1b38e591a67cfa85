import { PICKLIST_VALUES } from 'c/dealControlModel';

/**
 * The org's schema as the fake knows it: the objects of the fixed field list (contract v1.1, the political
 * map's links included; see docs/method.md and force-app/main/default/objects) and the control snapshots
 * of Part E, with the types, lengths and precisions that drive SOQL type checks and the same per-field
 * validation Salesforce applies on update.
 */

export type FieldType =
    | 'id'
    | 'reference'
    | 'string'
    | 'textarea'
    | 'picklist'
    | 'multipicklist'
    | 'boolean'
    | 'double'
    | 'percent'
    | 'currency'
    | 'date'
    | 'datetime';

export interface FieldDef {
    readonly name: string;
    readonly label: string;
    readonly type: FieldType;
    /** Maximum characters of text fields. */
    readonly length?: number;
    /** Total digits and digits after the point of number fields. */
    readonly precision?: number;
    readonly scale?: number;
    /** Allowed values of a restricted picklist (undefined: not restricted). */
    readonly restrictedValues?: readonly string[];
    /** Key prefix of the referenced object (reference fields). */
    readonly referencePrefix?: string;
    /** Whether an API update may set it (system, formula, roll-up and master-detail fields may not). */
    readonly updateable: boolean;
    /** Whether an API insert may set it: master-detail fields may (they are create-only), formulas may not. */
    readonly createable: boolean;
    /** An insert without it fails (REQUIRED_FIELD_MISSING): the parent of a master-detail. */
    readonly required?: boolean;
    /** The database refuses a second live record with the same value (DUPLICATE_VALUE). */
    readonly unique?: boolean;
    /** Unique values compare exactly ("ABC" and "abc" differ); otherwise regardless of case. */
    readonly caseSensitive?: boolean;
    /** Usable as the key of an upsert (sObject Collections, Bulk API 2.0 ingest). */
    readonly externalId?: boolean;
}

export interface ObjectDef {
    readonly name: string;
    readonly label: string;
    readonly keyPrefix: string;
    readonly fields: ReadonlyMap<string, FieldDef>;
    /** Lower-case field name → canonical name: SOQL and the API accept any case. */
    readonly fieldsByLowerName: ReadonlyMap<string, FieldDef>;
}

export const OPPORTUNITY = 'Opportunity';
export const STAKEHOLDER = 'Stakeholder_Assessment__c';
export const SCORECARD = 'C139_Scorecard__c';
export const STAKEHOLDER_LINK = 'Stakeholder_Link__c';
export const SNAPSHOT = 'Control_Snapshot__c';

/** Invented, stable prefixes for the custom objects; Opportunity's and Contact's are Salesforce's. */
export const KEY_PREFIXES: Readonly<Record<string, string>> = {
    [OPPORTUNITY]: '006',
    [STAKEHOLDER]: 'a01',
    [SCORECARD]: 'a02',
    [STAKEHOLDER_LINK]: 'a03',
    [SNAPSHOT]: 'a04',
    Contact: '003'
};

function labelOf(name: string): string {
    return name.replace(/__c$/, '').replace(/_/g, ' ');
}

type FieldSpec = Omit<FieldDef, 'name' | 'label' | 'updateable' | 'createable'> & {
    updateable?: boolean;
    createable?: boolean;
    label?: string;
};

function field(name: string, spec: FieldSpec): FieldDef {
    const updateable = spec.updateable ?? true;
    return {
        ...spec,
        name,
        label: spec.label ?? labelOf(name),
        updateable,
        createable: spec.createable ?? updateable
    };
}

const text = (length: number): FieldSpec => ({ type: 'string', length });
const longText = (length: number): FieldSpec => ({ type: 'textarea', length });
const num = (precision: number, scale: number, updateable = true): FieldSpec => ({
    type: 'double',
    precision,
    scale,
    updateable
});
const readOnly = (spec: FieldSpec): FieldSpec => ({ ...spec, updateable: false });
/** Master-detail without reparenting: required and set on insert, never changed by an update. */
const masterDetail = (referencePrefix: string): FieldSpec => ({
    type: 'reference',
    referencePrefix,
    updateable: false,
    createable: true,
    required: true
});
/** A unique, case-sensitive text key (the metadata's <unique> and <caseSensitive>). */
const uniqueKey = (length: number, externalId = false): FieldSpec => ({
    ...text(length),
    unique: true,
    caseSensitive: true,
    ...(externalId ? { externalId } : {})
});

function restricted(object: string, name: string): FieldSpec {
    const values = PICKLIST_VALUES[`${object}.${name}`];
    if (!values) throw new Error(`The model has no picklist ${object}.${name}`);
    return { type: 'picklist', restrictedValues: values };
}

function restrictedMulti(object: string, name: string): FieldSpec {
    return { ...restricted(object, name), type: 'multipicklist' };
}

function systemFields(nameSpec: FieldSpec): FieldDef[] {
    return [
        field('Id', readOnly({ type: 'id', label: 'Record ID' })),
        field('Name', nameSpec),
        field('CreatedDate', readOnly({ type: 'datetime', label: 'Created Date' })),
        field('LastModifiedDate', readOnly({ type: 'datetime', label: 'Last Modified Date' })),
        field('SystemModstamp', readOnly({ type: 'datetime', label: 'System Modstamp' })),
        field('IsDeleted', readOnly({ type: 'boolean', label: 'Deleted' }))
    ];
}

function objectDef(name: string, label: string, fields: FieldDef[]): ObjectDef {
    return {
        name,
        label,
        keyPrefix: KEY_PREFIXES[name],
        fields: new Map(fields.map((f) => [f.name, f])),
        fieldsByLowerName: new Map(fields.map((f) => [f.name.toLowerCase(), f]))
    };
}

const STAGES = [
    'Prospecting',
    'Qualification',
    'Needs Analysis',
    'Value Proposition',
    'Id. Decision Makers',
    'Perception Analysis',
    'Proposal/Price Quote',
    'Negotiation/Review',
    'Closed Won',
    'Closed Lost'
];

/**
 * The standard stage picklist with each stage's default probability and forecast category (not
 * restricted in Salesforce).
 */
export const OPPORTUNITY_STAGES: ReadonlyArray<{
    stage: string;
    probability: number;
    closed: boolean;
    won: boolean;
    forecastCategory: string;
}> = STAGES.map((stage, i) => ({
    stage,
    probability: [10, 10, 20, 50, 60, 70, 75, 90, 100, 0][i],
    closed: stage.startsWith('Closed'),
    won: stage === 'Closed Won',
    forecastCategory: stage === 'Closed Won' ? 'Closed' : stage === 'Closed Lost' ? 'Omitted' : 'Pipeline'
}));

const opportunity = objectDef(OPPORTUNITY, 'Opportunity', [
    ...systemFields(text(120)),
    field('StageName', { type: 'picklist', label: 'Stage' }),
    field('Probability', { type: 'percent', precision: 3, scale: 0, label: 'Probability (%)' }),
    field('Amount', { type: 'currency', precision: 18, scale: 2 }),
    field('CloseDate', { type: 'date', label: 'Close Date' }),
    // Set from the stage by the platform unless a user overrides it (Pipeline, Best Case, Commit, Closed, Omitted).
    field('ForecastCategoryName', { type: 'picklist', label: 'Forecast Category' }),
    field('IsClosed', readOnly({ type: 'boolean', label: 'Closed' })),
    field('IsWon', readOnly({ type: 'boolean', label: 'Won' })),
    // Roll-ups and formulas for reports: calculated by the platform, never written through the API.
    field('C139_Scorecard_Count__c', num(18, 0, false)),
    field('C139_Control_Score__c', num(3, 0, false)),
    field('C139_Band_Rank__c', num(1, 0, false)),
    field('C139_Warning_Count__c', num(2, 0, false)),
    field('C139_Control_Band__c', readOnly(text(1300))),
    field('C139_Forecast_Gap__c', num(3, 0, false)),
    field('Stakeholder_Count__c', num(18, 0, false)),
    field('Stakeholder_Supporters__c', num(18, 0, false)),
    field('Stakeholder_Opponents__c', num(18, 0, false)),
    field('Stakeholder_Mentors__c', num(18, 0, false)),
    field('Stakeholder_Last_Assessed__c', readOnly({ type: 'date' }))
]);

const S = STAKEHOLDER;
const stakeholder = objectDef(STAKEHOLDER, 'Stakeholder Assessment', [
    ...systemFields(text(80)),
    field('Opportunity__c', masterDetail(KEY_PREFIXES[OPPORTUNITY])),
    field('Contact__c', { type: 'reference', referencePrefix: KEY_PREFIXES.Contact }),
    field('Title__c', text(128)),
    field('Role__c', restricted(S, 'Role__c')),
    field('Influence__c', restricted(S, 'Influence__c')),
    field('Dominant_Need__c', restricted(S, 'Dominant_Need__c')),
    field('Other_Needs__c', restrictedMulti(S, 'Other_Needs__c')),
    field('Change_Attitude__c', restricted(S, 'Change_Attitude__c')),
    field('Decision_Focus__c', restrictedMulti(S, 'Decision_Focus__c')),
    field('Contact_Closeness__c', restricted(S, 'Contact_Closeness__c')),
    field('Attitude_To_Us__c', restricted(S, 'Attitude_To_Us__c')),
    field('Camp__c', text(40)),
    field('Top_Decision_Maker__c', { type: 'boolean' }),
    field('Decision_Body_Member__c', { type: 'boolean' }),
    field('Favored_Vendor__c', text(80)),
    field('Assessed_On__c', { type: 'date' }),
    field('Next_Action__c', text(255)),
    field('Next_Action_Due__c', { type: 'date' }),
    field('Verification__c', longText(255)),
    field('Evidence__c', longText(32768)),
    field('Notes__c', longText(32768)),
    field('Support_Index__c', num(2, 0)),
    field('Completeness__c', { type: 'percent', precision: 3, scale: 0 }),
    field('Insight_Codes__c', text(255)),
    field('Model_Version__c', text(40)),
    field('Scored_At__c', { type: 'datetime' })
]);

const C = SCORECARD;
const scorecardPicklists = [
    'Coach__c',
    'Win__c',
    'First_Value_Fit__c',
    'First_Key_People_Help__c',
    'First_Majority_Choose__c',
    'Clear_Our_Process__c',
    'Clear_Procurement_Process__c',
    'Clear_Organization__c',
    'Clear_Decision_Body__c',
    'Clear_Decision_Criteria__c',
    'Clear_Funding__c',
    'Clear_Vendor_Resources__c',
    'Clear_Vendor_Activities__c',
    'Clear_Key_Factors__c'
];
const scorecard = objectDef(SCORECARD, 'C139 Scorecard', [
    // Name is an auto-number: the platform assigns it.
    ...systemFields(readOnly({ type: 'string', length: 80, label: 'C139 Scorecard Name' })),
    field('Opportunity__c', masterDetail(KEY_PREFIXES[OPPORTUNITY])),
    field('Opportunity_Key__c', uniqueKey(18)),
    ...scorecardPicklists.map((name) => field(name, restricted(C, name))),
    field('Coach_Stakeholder__c', { type: 'reference', referencePrefix: KEY_PREFIXES[STAKEHOLDER] }),
    field('Notes__c', longText(32768)),
    field('Clear_Points__c', num(3, 1)),
    field('First_Points__c', num(3, 1)),
    field('Win_Points__c', num(3, 1)),
    field('Coach_Factor__c', num(3, 2)),
    field('Control_Score__c', num(3, 0)),
    field('Control_Band__c', text(20)),
    field('Band_Rank__c', num(1, 0)),
    field('Evidence_Codes__c', text(255)),
    field('Warning_Count__c', num(2, 0)),
    field('Model_Version__c', text(40)),
    field('Scored_At__c', { type: 'datetime' })
]);

const L = STAKEHOLDER_LINK;
const stakeholderLink = objectDef(STAKEHOLDER_LINK, 'Stakeholder Link', [
    // Name is an auto-number (LINK-000001): the platform assigns it.
    ...systemFields(readOnly({ type: 'string', length: 80, label: 'Link number' })),
    field('Opportunity__c', masterDetail(KEY_PREFIXES[OPPORTUNITY])),
    field('From_Stakeholder__c', { type: 'reference', referencePrefix: KEY_PREFIXES[STAKEHOLDER] }),
    field('To_Stakeholder__c', { type: 'reference', referencePrefix: KEY_PREFIXES[STAKEHOLDER] }),
    field('Link_Type__c', restricted(L, 'Link_Type__c')),
    field('Strength__c', restricted(L, 'Strength__c')),
    field('Evidence__c', longText(32768)),
    // Kept by a before-save flow in the org.
    field('Link_Key__c', uniqueKey(80))
]);

/** MODEL.md Part E: one record per open deal per day, copies of the scorecard and the Opportunity. */
const snapshot = objectDef(SNAPSHOT, 'Control Snapshot', [
    ...systemFields(readOnly({ type: 'string', length: 80, label: 'Snapshot number' })),
    field('Opportunity__c', masterDetail(KEY_PREFIXES[OPPORTUNITY])),
    field('Snapshot_Key__c', uniqueKey(40, true)),
    field('Snapshot_Date__c', { type: 'date' }),
    field('Control_Score__c', num(3, 0)),
    field('Control_Band__c', text(20)),
    field('Band_Rank__c', num(1, 0)),
    field('Coach_Factor__c', num(3, 2)),
    field('Warning_Count__c', num(2, 0)),
    field('Model_Version__c', text(40)),
    field('Stage_Name__c', text(40)),
    field('Probability__c', { type: 'percent', precision: 3, scale: 0 }),
    field('Amount__c', { type: 'currency', precision: 16, scale: 2 }),
    field('Close_Date__c', { type: 'date' }),
    field('Forecast_Category__c', text(40)),
    // Formula: calculated by the store on every save.
    field('Days_To_Close__c', num(18, 0, false))
]);

export const OBJECTS: ReadonlyMap<string, ObjectDef> = new Map(
    [opportunity, stakeholder, scorecard, stakeholderLink, snapshot].map((o) => [o.name, o])
);

const OBJECTS_BY_LOWER_NAME = new Map([...OBJECTS.values()].map((o) => [o.name.toLowerCase(), o]));

/** The object of an API name in any case, as SOQL and the REST API accept it. */
export function objectNamed(name: string): ObjectDef | undefined {
    return OBJECTS_BY_LOWER_NAME.get(name.toLowerCase());
}

export function objectOfPrefix(prefix: string): ObjectDef | undefined {
    return [...OBJECTS.values()].find((o) => o.keyPrefix === prefix);
}

export function isNumeric(type: FieldType): boolean {
    return type === 'double' || type === 'percent' || type === 'currency';
}
