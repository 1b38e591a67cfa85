// Every custom field or relationship named by components, scripts, layouts, list views, compact
// layouts, permission sets, quick actions, FlexiPages, report types, reports and dashboards exists
// in the project metadata. New files in those places are picked up automatically.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AWAITING_NAMES } from './support/awaitingMetadata';
import { customFields, customObjects } from './support/catalog';
import { FieldIndex, unknownReferences } from './support/fieldRefs';
import { defaultDir, listFiles, rel, repoRoot } from './support/repo';
import { withoutComments } from './support/tsComments';

const reportTypes = listFiles(path.join(defaultDir, 'reportTypes'), (f) =>
    f.endsWith('.reportType-meta.xml')
).map((f) => `${path.basename(f, '.reportType-meta.xml')}__c`);
const index = new FieldIndex(customObjects(), customFields(), new Set(reportTypes));
/** The model may already name the contract v1.1 fields whose metadata is still to come; nothing else may. */
const modelIndex = new FieldIndex(
    customObjects(),
    customFields(),
    new Set([...reportTypes, ...AWAITING_NAMES])
);
const isModel = (f: string) => f.includes(`${path.sep}lwc${path.sep}dealControlModel${path.sep}`);

const isTest = (f: string) => f.includes(`${path.sep}__tests__${path.sep}`) || f.endsWith('.test.ts');
const tsSources = [
    ...listFiles(
        path.join(defaultDir, 'lwc'),
        (f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !isTest(f)
    ),
    ...listFiles(path.join(repoRoot, 'scripts'), (f) => f.endsWith('.ts') && !isTest(f))
];
const XML_SUFFIXES = [
    '.layout-meta.xml',
    '.listView-meta.xml',
    '.compactLayout-meta.xml',
    '.permissionset-meta.xml',
    '.quickAction-meta.xml',
    '.flexipage-meta.xml',
    '.reportType-meta.xml',
    '.report-meta.xml',
    '.dashboard-meta.xml',
    '.flow-meta.xml'
];
const xmlSources = listFiles(defaultDir, (f) => XML_SUFFIXES.some((s) => f.endsWith(s)));

/** The object a file describes, when its location says so: bare field names then belong to it. */
function contextObject(file: string): string | undefined {
    const inObject = /objects[\\/](\w+)[\\/](listViews|compactLayouts)[\\/]/.exec(file);
    if (inObject) return inObject[1];
    if (file.endsWith('.layout-meta.xml')) return path.basename(file).split('-')[0];
    return undefined;
}

/**
 * The parts of a file with the object their bare field names belong to. A layout's related lists
 * name fields of the child object (`<relatedList>Stakeholder_Link__c.From_Stakeholder__c`).
 */
function scopesOf(file: string, text: string): { text: string; context?: string }[] {
    const context = contextObject(file);
    if (!file.endsWith('.layout-meta.xml')) return [{ text, context }];
    const scopes: { text: string; context?: string }[] = [];
    const rest = text.replace(/<relatedLists>[\s\S]*?<\/relatedLists>/g, (block) => {
        const child = /<relatedList>(\w+__c)\.\w+<\/relatedList>/.exec(block)?.[1];
        scopes.push({ text: block, context: child });
        return '';
    });
    return [{ text: rest, context }, ...scopes];
}

describe('field references', () => {
    it('scans the components, scripts and metadata that name fields', () => {
        expect(tsSources.some((f) => f.includes('dealControlModel'))).toBe(true);
        // One layout per custom object: assessments, scorecards, political-map links, control snapshots.
        expect(xmlSources.filter((f) => f.endsWith('.layout-meta.xml'))).toHaveLength(4);
        expect(xmlSources.filter((f) => f.endsWith('.flow-meta.xml'))).toHaveLength(3);
        expect(xmlSources.filter((f) => f.endsWith('.permissionset-meta.xml'))).toHaveLength(3);
    });

    it.each([...tsSources, ...xmlSources].map((f) => [rel(f), f]))(
        '%s names only existing fields',
        (_n, file) => {
            const raw = fs.readFileSync(file, 'utf8');
            const text = file.endsWith('.ts') ? withoutComments(raw, file) : raw;
            const fieldIndex = isModel(file) ? modelIndex : index;
            expect(
                scopesOf(file, text).flatMap((scope) =>
                    unknownReferences(fieldIndex, scope.text, scope.context)
                )
            ).toEqual([]);
        }
    );
});

describe('the reference checker itself', () => {
    it('accepts fields on their object, through relationships, and bare known names', () => {
        const text = [
            "import ROLE from '@salesforce/schema/Stakeholder_Assessment__c.Role__c';",
            'SELECT Coach_Stakeholder__r.Name, Opportunity__r.StageName FROM C139_Scorecard__c',
            '<column>Opportunity.C139_Scorecards__r$Coach__c</column> Opportunity$C139_Control_Score__c',
            'const f = record.fields.Win__c; // Stakeholder_Assessments__r'
        ].join('\n');
        expect(unknownReferences(index, text)).toEqual([]);
    });

    it('rejects misspelled fields, fields on the wrong object and unknown relationships', () => {
        const text = [
            'Stakeholder_Assessment__c.Rol__c',
            'C139_Scorecard__c.Role__c',
            'Opportunity.C139_Control_Scor__c',
            'Account.Control_Score__c',
            'Coach_Stakehold__r.Name',
            'Mystery_Field__c'
        ].join(' ');
        expect(unknownReferences(index, text)).toEqual([
            'Account.Control_Score__c',
            'C139_Scorecard__c.Role__c',
            'Coach_Stakehold__r',
            'Mystery_Field__c',
            'Opportunity.C139_Control_Scor__c',
            'Stakeholder_Assessment__c.Rol__c'
        ]);
    });

    it('ignores names in TypeScript comments but not in strings', () => {
        const code = "// Field__c is a placeholder\n/* *_Codes__c */ const f = 'Ghost__c';";
        expect(unknownReferences(index, withoutComments(code))).toEqual(['Ghost__c']);
    });

    it("checks the fields of a layout's related list against the related object", () => {
        const layout = [
            '<layoutItems><field>Role__c</field></layoutItems>',
            '<relatedLists><fields>Link_Type__c</fields><fields>Win__c</fields>',
            '<relatedList>Stakeholder_Link__c.From_Stakeholder__c</relatedList></relatedLists>'
        ].join('');
        const file = 'layouts/Stakeholder_Assessment__c-Stakeholder Assessment Layout.layout-meta.xml';
        expect(
            scopesOf(file, layout).flatMap((scope) => unknownReferences(index, scope.text, scope.context))
        ).toEqual(['Stakeholder_Link__c.Win__c']);
    });

    it('requires bare fields in a layout or list view to exist on that object', () => {
        expect(
            unknownReferences(
                index,
                '<field>Role__c</field><field>Win__c</field>',
                'Stakeholder_Assessment__c'
            )
        ).toEqual(['Stakeholder_Assessment__c.Win__c']);
    });
});
