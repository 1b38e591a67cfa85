import {
    INPUT_FIELDS,
    SCORECARD_DERIVED_FIELDS,
    SCORECARD_INPUT_FIELDS,
    STAKEHOLDER_DERIVED_FIELDS,
    STAKEHOLDER_INPUT_FIELDS
} from 'c/dealControlModel';
import { join } from 'node:path';
import { DEFAULT_DIR, readReportTypes } from './lib/metadata';
import { children, readMetadataRoot, textOf } from './lib/xml';
import { childRelationshipOf, resolveField, resolveTable } from './lib/schema';

// Every report type must point at objects and fields that the project's object metadata declares
// (or that the platform provides as standard fields), so a deploy cannot fail on a missing field.

const reportTypes = readReportTypes();

/** The fixed report types of the field list, with the child object and link each must join. */
const EXPECTED = [
    {
        name: 'Opportunities_with_C139_Scorecards',
        relationship: 'C139_Scorecards__r',
        child: 'C139_Scorecard__c',
        // Outer join: unscored deals stay visible (blank band) and sums of Amount stay exact, since an
        // Opportunity has at most one scorecard.
        outerJoin: true
    },
    {
        name: 'Opportunities_with_Stakeholder_Assessments',
        relationship: 'Stakeholder_Assessments__r',
        child: 'Stakeholder_Assessment__c',
        outerJoin: false
    },
    {
        name: 'Opportunities_with_Stakeholder_Links',
        relationship: 'Stakeholder_Links__r',
        child: 'Stakeholder_Link__c',
        // One row per line of the political map; a deal without links has nothing to show here.
        outerJoin: false
    },
    {
        // MODEL.md Part E: a row per snapshot; only deals that have snapshots.
        name: 'Opportunities_with_Control_Snapshots',
        relationship: 'Control_Snapshots__r',
        child: 'Control_Snapshot__c',
        outerJoin: false
    }
];

describe.each(EXPECTED)('report type $name', ({ name, relationship, child, outerJoin }) => {
    const type = reportTypes.get(name)!;

    it('exists, is deployed and is based on Opportunity', () => {
        expect(type).toBeDefined();
        expect(type.deployed).toBe(true);
        expect(type.baseObject).toBe('Opportunity');
    });

    it('joins the child object through its master-detail relationship', () => {
        expect(type.joins).toEqual([{ relationship, outerJoin }]);
        expect(childRelationshipOf('Opportunity', relationship)).toEqual({
            object: child,
            field: 'Opportunity__c'
        });
    });

    it('uses only the base table and the joined table', () => {
        const tables = new Set(type.columns.map((c) => c.table));
        expect([...tables].sort()).toEqual(['Opportunity', `Opportunity.${relationship}`].sort());
    });

    it('references only fields that exist on their table', () => {
        const problems: string[] = [];
        for (const column of type.columns) {
            const object = resolveTable(column.table);
            if (typeof object !== 'string') {
                problems.push(`${column.table}: ${object.error}`);
                continue;
            }
            const field = resolveField(object, column.field);
            if (typeof field === 'string') problems.push(`${column.table} ${column.field}: ${field}`);
        }
        expect(problems).toEqual([]);
    });

    it('lists each field once', () => {
        const keys = type.columns.map((c) => `${c.table}$${c.field}`);
        expect(keys.length).toBe(new Set(keys).size);
    });

    it('exposes the owner and the account fields managers filter on', () => {
        for (const column of [
            'Opportunity$Owner',
            'Opportunity$Account',
            'Opportunity$Account.Industry',
            'Opportunity$Account.Type',
            'Opportunity$Account.BillingCountry'
        ]) {
            expect(type.reportColumns).toContain(column);
        }
    });

    it('exposes every Opportunity roll-up and formula of the field list', () => {
        for (const field of [
            'C139_Scorecard_Count__c',
            'C139_Control_Score__c',
            'C139_Band_Rank__c',
            'C139_Warning_Count__c',
            'C139_Control_Band__c',
            'C139_Forecast_Gap__c',
            'Stakeholder_Count__c',
            'Stakeholder_Supporters__c',
            'Stakeholder_Opponents__c',
            'Stakeholder_Mentors__c',
            'Stakeholder_Last_Assessed__c'
        ]) {
            expect(type.reportColumns).toContain(`Opportunity$${field}`);
        }
    });

    it('has a label within 50 characters and a description within 255', () => {
        expect(type.label.length).toBeLessThanOrEqual(50);
        expect(type.description.length).toBeGreaterThan(0);
        expect(type.description.length).toBeLessThanOrEqual(255);
    });
});

describe('what the report types leave out', () => {
    it('keeps free-text judgements about people (evidence, notes) out of reports: least privilege', () => {
        const stakeholders = reportTypes.get('Opportunities_with_Stakeholder_Assessments')!;
        const childFields = stakeholders.columns.filter((c) => c.table !== 'Opportunity').map((c) => c.field);
        expect(childFields).not.toContain('Evidence__c');
        expect(childFields).not.toContain('Notes__c');
        const scorecards = reportTypes.get('Opportunities_with_C139_Scorecards')!;
        expect(scorecards.columns.map((c) => c.field)).not.toContain('Notes__c');
        const links = reportTypes.get('Opportunities_with_Stakeholder_Links')!;
        const linkFields = links.columns.filter((c) => c.table !== 'Opportunity').map((c) => c.field);
        expect(
            linkFields.filter((f) => /(^|\.)(Evidence|Notes|Verification|Next_Action)__c$/.test(f))
        ).toEqual([]);
        // The duplicate check key is plumbing, not something to report on.
        expect(linkFields).not.toContain('Link_Key__c');
    });

    it('shows each link with both people: who they are, where they stand and their camp', () => {
        const links = reportTypes.get('Opportunities_with_Stakeholder_Links')!;
        const linkFields = links.columns.filter((c) => c.table !== 'Opportunity').map((c) => c.field);
        expect(linkFields).toEqual(expect.arrayContaining([...INPUT_FIELDS.Stakeholder_Link__c]));
        for (const end of ['From_Stakeholder__c', 'To_Stakeholder__c']) {
            for (const field of [
                'Title__c',
                'Role__c',
                'Top_Decision_Maker__c',
                'Decision_Body_Member__c',
                'Influence__c',
                'Attitude_To_Us__c',
                'Camp__c',
                'Insight_Codes__c'
            ]) {
                expect(linkFields).toContain(`${end}.${field}`);
            }
        }
    });

    it('exposes every model input and derived field of both child objects', () => {
        const scorecardFields = reportTypes
            .get('Opportunities_with_C139_Scorecards')!
            .columns.filter((c) => c.table !== 'Opportunity')
            .map((c) => c.field);
        const stakeholderFields = reportTypes
            .get('Opportunities_with_Stakeholder_Assessments')!
            .columns.filter((c) => c.table !== 'Opportunity')
            .map((c) => c.field);
        expect(scorecardFields).toEqual(expect.arrayContaining([...SCORECARD_INPUT_FIELDS]));
        expect(scorecardFields).toEqual(expect.arrayContaining([...SCORECARD_DERIVED_FIELDS]));
        expect(stakeholderFields).toEqual(expect.arrayContaining([...STAKEHOLDER_INPUT_FIELDS]));
        expect(stakeholderFields).toEqual(expect.arrayContaining([...STAKEHOLDER_DERIVED_FIELDS]));
    });
});

describe('the snapshot report type', () => {
    it('exposes every snapshot field and the outcome of the deal (closed, won, final close date)', () => {
        const type = reportTypes.get('Opportunities_with_Control_Snapshots')!;
        for (const field of [
            'Snapshot_Date__c',
            'Control_Score__c',
            'Control_Band__c',
            'Band_Rank__c',
            'Coach_Factor__c',
            'Warning_Count__c',
            'Model_Version__c',
            'Stage_Name__c',
            'Probability__c',
            'Amount__c',
            'Close_Date__c',
            'Forecast_Category__c',
            'Days_To_Close__c'
        ]) {
            expect(type.reportColumns).toContain(`Opportunity.Control_Snapshots__r$${field}`);
        }
        for (const field of ['IsClosed', 'IsWon', 'CloseDate'])
            expect(type.reportColumns).toContain(`Opportunity$${field}`);
        // The key is plumbing (Opportunity Id and date), not something to report on.
        expect(type.reportColumns).not.toContain('Opportunity.Control_Snapshots__r$Snapshot_Key__c');
    });
});

describe('Chinese translation of the report types', () => {
    const translations = readMetadataRoot(
        join(DEFAULT_DIR, 'translations', 'zh_CN.translation-meta.xml'),
        'Translations'
    );
    const translated = new Map(children(translations, 'reportTypes').map((t) => [textOf(t, 'name'), t]));
    const hasChinese = (text: string | undefined) => /[\u4e00-\u9fff]/.test(text ?? '');

    it.each([...reportTypes.keys()])('translates %s: label, description and every section', (name) => {
        const translation = translated.get(name)!;
        expect(translation).toBeDefined();
        expect(hasChinese(textOf(translation, 'label'))).toBe(true);
        expect(hasChinese(textOf(translation, 'description'))).toBe(true);
        const sections = [...new Set(reportTypes.get(name)!.columns.map((c) => c.section))];
        const translatedSections = children(translation, 'sections');
        // A section translation is matched by the section's label, so the names must match exactly.
        expect(translatedSections.map((s) => textOf(s, 'name'))).toEqual(sections);
        expect(translatedSections.every((s) => hasChinese(textOf(s, 'label')))).toBe(true);
    });
});
