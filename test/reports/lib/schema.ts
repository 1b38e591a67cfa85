import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_DIR, customFieldPath, objectExists, readCustomField } from './metadata';

/** Field kinds that decide which filter operators, values and aggregates make sense. */
export type FieldKind =
    | 'id'
    | 'text'
    | 'textarea'
    | 'longtext'
    | 'picklist'
    | 'multipicklist'
    | 'boolean'
    | 'number'
    | 'percent'
    | 'currency'
    | 'date'
    | 'datetime'
    | 'lookup';

export const NUMERIC_KINDS: readonly FieldKind[] = ['number', 'percent', 'currency'];

/**
 * The standard fields the Deal Control report types expose. Standard fields have no metadata file in
 * the project, so they are listed here by hand with their platform types (Opportunity and Account
 * as in the SOAP API object reference); anything else is rejected, so a typo cannot slip through.
 */
const STANDARD_FIELDS: Readonly<Record<string, Readonly<Record<string, FieldKind>>>> = {
    Opportunity: {
        Id: 'id',
        Name: 'text',
        Account: 'lookup',
        Owner: 'lookup',
        StageName: 'picklist',
        Probability: 'percent',
        Amount: 'currency',
        ExpectedRevenue: 'currency',
        CloseDate: 'date',
        ForecastCategoryName: 'picklist',
        Type: 'picklist',
        NextStep: 'text',
        IsClosed: 'boolean',
        IsWon: 'boolean',
        CreatedDate: 'datetime',
        LastModifiedDate: 'datetime'
    },
    Account: {
        Id: 'id',
        Name: 'text',
        Industry: 'picklist',
        Type: 'picklist',
        BillingCountry: 'text',
        BillingState: 'text',
        Owner: 'lookup'
    },
    User: { Id: 'id', Name: 'text' }
};

/** Standard fields every custom object has. */
const CUSTOM_OBJECT_STANDARD_FIELDS: Readonly<Record<string, FieldKind>> = {
    Id: 'id',
    Name: 'text',
    Owner: 'lookup',
    CreatedDate: 'datetime',
    LastModifiedDate: 'datetime'
};

/** Standard lookups of Opportunity that report types can follow (`Account.Industry`). */
const STANDARD_LOOKUP_TARGETS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
    Opportunity: { Account: 'Account', Owner: 'User' }
};

const CUSTOM_KIND: Readonly<Record<string, FieldKind>> = {
    Text: 'text',
    AutoNumber: 'text',
    TextArea: 'textarea',
    LongTextArea: 'longtext',
    Picklist: 'picklist',
    MultiselectPicklist: 'multipicklist',
    Checkbox: 'boolean',
    Number: 'number',
    Percent: 'percent',
    Currency: 'currency',
    Date: 'date',
    DateTime: 'datetime',
    Lookup: 'lookup',
    MasterDetail: 'lookup'
};

/**
 * The object a report type reaches through a lookup of `object`: a standard one (`Account` on
 * Opportunity) or a custom lookup or master-detail field (`From_Stakeholder__c` on a link).
 */
export function lookupTargetOf(object: string, lookup: string): string | undefined {
    if (!lookup.endsWith('__c')) return STANDARD_LOOKUP_TARGETS[object]?.[lookup];
    const def = readCustomField(object, lookup);
    return def !== undefined && (def.type === 'Lookup' || def.type === 'MasterDetail')
        ? def.referenceTo
        : undefined;
}

export interface ResolvedField {
    readonly object: string;
    readonly field: string;
    readonly kind: FieldKind;
    /** Restricted picklist values (API names), empty for other kinds. */
    readonly picklistValues: readonly string[];
}

/** Resolves a field of an object, or explains why it cannot. */
export function resolveField(object: string, field: string): ResolvedField | string {
    const dot = field.indexOf('.');
    if (dot > 0) {
        const lookup = field.slice(0, dot);
        const target = lookupTargetOf(object, lookup);
        if (target === undefined) return `${object} has no lookup ${lookup} that a report type can follow`;
        return resolveField(target, field.slice(dot + 1));
    }
    if (field.endsWith('__c')) {
        const def = readCustomField(object, field);
        if (def === undefined) return `no field file ${customFieldPath(object, field)}`;
        let kind = CUSTOM_KIND[def.type];
        if (def.type === 'Summary') {
            kind = summaryKind(def.summaryOperation, def.summarizedField);
        }
        if (kind === undefined) return `${object}.${field}: unsupported field type ${def.type}`;
        return { object, field, kind, picklistValues: def.picklistValues };
    }
    const kinds = object.endsWith('__c') ? CUSTOM_OBJECT_STANDARD_FIELDS : STANDARD_FIELDS[object];
    const kind = kinds?.[field];
    if (kind === undefined) return `${object}.${field} is not a known standard field`;
    return { object, field, kind, picklistValues: [] };
}

function summaryKind(operation: string | undefined, summarizedField: string | undefined): FieldKind {
    if (operation === 'count' || summarizedField === undefined) return 'number';
    const [object, field] = summarizedField.split('.');
    const resolved = resolveField(object, field);
    if (typeof resolved === 'string') throw new Error(`roll-up of ${summarizedField}: ${resolved}`);
    return resolved.kind;
}

/**
 * The object a report-type table stands for: `Opportunity` is the base object; each
 * `.<Relationship>__r` step follows a child relationship declared by a lookup or master-detail field
 * (its relationshipName plus `__r`) in the project's object metadata.
 */
export function resolveTable(table: string): string | { error: string } {
    const [base, ...relationships] = table.split('.');
    let object = base;
    for (const relationship of relationships) {
        const child = childRelationshipOf(object, relationship);
        if (child === undefined)
            return { error: `no object in the project declares ${object}.${relationship}` };
        object = child.object;
    }
    return object;
}

export interface ChildRelationship {
    /** The child object, e.g. C139_Scorecard__c. */
    readonly object: string;
    /** The child's lookup or master-detail field to the parent, e.g. Opportunity__c. */
    readonly field: string;
}

export function childRelationshipOf(parent: string, relationship: string): ChildRelationship | undefined {
    const objectsDir = join(DEFAULT_DIR, 'objects');
    for (const object of readdirSync(objectsDir)) {
        if (!objectExists(object)) continue;
        let fields: string[];
        try {
            fields = readdirSync(join(objectsDir, object, 'fields'));
        } catch {
            continue;
        }
        for (const file of fields) {
            const def = readCustomField(object, file.replace('.field-meta.xml', ''));
            if (
                def?.referenceTo === parent &&
                def.relationshipName !== undefined &&
                `${def.relationshipName}__r` === relationship
            ) {
                return { object, field: def.name };
            }
        }
    }
    return undefined;
}
