import { LocalizedText, STAKEHOLDER_LINK_OBJECT, STAKEHOLDER_OBJECT, t } from 'c/dealControlModel';

/**
 * Where Deal Control keeps personal data: opinions about named people. One entry per object. The
 * purge deletes an entry's records of Opportunities closed before a date or, with --anonymize,
 * blanks the entry's `blank` fields and renames `rename.field`, leaving every other field (the
 * derived numbers reports count: support index, completeness, insight codes, model version) as it
 * is. Objects are purged in table order: put an object before the one it looks up to (links
 * before assessments), so a delete never leaves a record pointing at one already gone.
 *
 * Adding an object is one entry; its CSV export then needs the Id and `opportunityField` columns
 * (and, for --anonymize, the personal ones, to skip records already anonymized).
 */
export interface PersonalDataObject {
    readonly object: string;
    /** What the records are, for people: "stakeholder assessments". */
    readonly label: LocalizedText;
    /** The lookup to the Opportunity whose close date decides how long the record is kept. */
    readonly opportunityField: string;
    /** Fields --anonymize blanks. */
    readonly blank: readonly string[];
    /** A field --anonymize sets to a neutral name instead (a required Name cannot be blank): {n} counts per Opportunity. */
    readonly rename?: { readonly field: string; readonly template: string };
}

export const PERSONAL_DATA: readonly PersonalDataObject[] = [
    // Links first: they point at assessments (deleting an assessment only clears that end of a
    // link, and the link's Evidence about people would stay behind).
    {
        object: STAKEHOLDER_LINK_OBJECT,
        label: t('political-map links', '政治派系图连线'),
        opportunityField: 'Opportunity__c',
        blank: ['Evidence__c']
    },
    {
        object: STAKEHOLDER_OBJECT,
        label: t('stakeholder assessments', '五维评估'),
        opportunityField: 'Opportunity__c',
        blank: [
            'Contact__c',
            'Title__c',
            'Evidence__c',
            'Notes__c',
            'Next_Action__c',
            'Verification__c',
            'Favored_Vendor__c'
        ],
        rename: { field: 'Name', template: 'Stakeholder {n}' }
    }
];

/** The fields --anonymize writes, in column order: the renamed one, then the blanked ones. */
export function anonymizedFields(entry: PersonalDataObject): string[] {
    return [...(entry.rename ? [entry.rename.field] : []), ...entry.blank];
}

/** The values --anonymize writes for the n-th record (1-based, in Id order) of an Opportunity. */
export function anonymizedValues(entry: PersonalDataObject, n: number): Record<string, string | null> {
    const values: Record<string, string | null> = {};
    if (entry.rename) values[entry.rename.field] = entry.rename.template.replace('{n}', String(n));
    for (const field of entry.blank) values[field] = null;
    return values;
}

/**
 * What of a record --anonymize looks at to skip it on a rerun, kept small (a run may read
 * thousands of long Notes): whether every field to blank is blank, and the renamed field's value.
 */
export interface AnonymizedState {
    readonly blank: boolean;
    readonly name: string | null;
}

function isBlank(value: unknown): boolean {
    return value === null || value === undefined || String(value).trim() === '';
}

export function anonymizedState(
    entry: PersonalDataObject,
    record: Readonly<Record<string, unknown>>
): AnonymizedState {
    const name = entry.rename ? record[entry.rename.field] : null;
    return {
        blank: entry.blank.every((field) => isBlank(record[field])),
        name: isBlank(name) ? null : String(name)
    };
}

/** Whether a record already holds exactly what --anonymize would write for its place n (a rerun then skips it). */
export function isAnonymized(entry: PersonalDataObject, state: AnonymizedState, n: number): boolean {
    const wanted = entry.rename ? entry.rename.template.replace('{n}', String(n)) : null;
    return state.blank && state.name === wanted;
}
