import { FieldInfo } from './catalog';

/**
 * What the project defines, to resolve names found in source text: custom objects, their custom
 * fields, and relationship names (`Coach_Stakeholder__r` for a lookup, `Stakeholder_Assessments__r`
 * for the children of a master-detail).
 */
export class FieldIndex {
    private readonly fields = new Map<string, Set<string>>();
    private readonly relationships = new Map<string, Set<string>>();
    private readonly objects: ReadonlySet<string>;

    /**
     * @param otherNames other custom names that end in __c without being fields, such as custom
     * report types (`Opportunities_with_C139_Scorecards__c` in a report).
     */
    constructor(
        customObjects: readonly string[],
        fields: readonly FieldInfo[],
        private readonly otherNames: ReadonlySet<string> = new Set()
    ) {
        this.objects = new Set(customObjects);
        for (const f of fields) {
            if (!this.fields.has(f.object)) this.fields.set(f.object, new Set());
            this.fields.get(f.object)!.add(f.name);
            if (f.referenceTo) {
                // Parent side: Coach_Stakeholder__r leads to the referenced object.
                this.addRelationship(f.name.replace(/__c$/, '__r'), f.referenceTo);
                // Child side: Opportunity.Stakeholder_Assessments__r leads to the field's object.
                if (f.relationshipName) this.addRelationship(`${f.relationshipName}__r`, f.object);
            }
        }
    }

    private addRelationship(name: string, object: string): void {
        if (!this.relationships.has(name)) this.relationships.set(name, new Set());
        this.relationships.get(name)!.add(object);
    }

    hasField(object: string, field: string): boolean {
        return this.fields.get(object)?.has(field) ?? false;
    }

    /** Objects a name can stand for: an object itself, or the object(s) a relationship leads to. */
    resolve(name: string): string[] {
        if (this.objects.has(name) || this.fields.has(name)) return [name];
        return [...(this.relationships.get(name) ?? [])];
    }

    isKnownCustomName(token: string): boolean {
        if (this.objects.has(token) || this.otherNames.has(token)) return true;
        if (token.endsWith('__r')) return this.relationships.has(token);
        return [...this.fields.values()].some((names) => names.has(token));
    }
}

const STANDARD_OBJECTS: ReadonlySet<string> = new Set([
    'Opportunity',
    'Account',
    'Contact',
    'User',
    'OpportunityContactRole',
    'Lead',
    'Case'
]);

/**
 * Custom names in `text` that the project does not define. Checks `Object.Field__c` and
 * `Object$Field__c` pairs (the field must exist on that object, or on the object a relationship
 * leads to), then every other `__c` / `__r` token. With a context object (a layout or list view),
 * bare field tokens must exist on that object.
 */
export function unknownReferences(index: FieldIndex, text: string, contextObject?: string): string[] {
    const problems = new Set<string>();
    const consumed = new Set<number>();
    for (const m of text.matchAll(/\b([A-Za-z]\w*)[.$]([A-Za-z]\w*__c)\b/g)) {
        const [, owner, field] = m;
        const targets = index.resolve(owner);
        const fieldStart = m.index + owner.length + 1;
        if (targets.length > 0) {
            consumed.add(fieldStart);
            if (!targets.some((t) => index.hasField(t, field))) problems.add(`${owner}.${field}`);
        } else if (STANDARD_OBJECTS.has(owner)) {
            // A standard object the project does not extend cannot have a custom field. Other
            // owners (`fields.Role__c`, `record.Role__c`) are not objects: the bare check below applies.
            consumed.add(fieldStart);
            problems.add(`${owner}.${field}`);
        }
    }
    for (const m of text.matchAll(/\b[A-Za-z]\w*__[cr]\b/g)) {
        if (consumed.has(m.index)) continue;
        const token = m[0];
        if (contextObject && token.endsWith('__c') && !index.resolve(token).length) {
            if (!index.hasField(contextObject, token)) problems.add(`${contextObject}.${token}`);
        } else if (!index.isKnownCustomName(token)) {
            problems.add(token);
        }
    }
    return [...problems].sort();
}
