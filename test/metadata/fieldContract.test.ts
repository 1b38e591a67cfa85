// The fixed field list (contract v1 plus the lead's additions): every field exists with its type and
// size, carries admin and user documentation, and the sensitive ones carry data classification.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BANDS, CAMP, DERIVED_FIELDS } from 'c/dealControlModel';
import { FieldInfo, customFields, fieldsByObject, objectsDir } from './support/catalog';
import { defaultDir, listFiles } from './support/repo';
import { childText, childrenNamed, readXml, walk } from './support/xml';

const SA = 'Stakeholder_Assessment__c';
const SC = 'C139_Scorecard__c';
const SL = 'Stakeholder_Link__c';
const CS = 'Control_Snapshot__c';
const fields = fieldsByObject();
const field = (object: string, name: string): FieldInfo => {
    const f = fields.get(object)?.get(name);
    if (!f) throw new Error(`${object}.${name} is missing`);
    return f;
};
const text = (f: FieldInfo, el: string) => childText(f.xml, el);
const squash = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** [object, field, type, size facts] straight from the fixed field list. */
const EXPECTED: [string, string, string, Record<string, string>][] = [
    [
        SA,
        'Opportunity__c',
        'MasterDetail',
        { referenceTo: 'Opportunity', relationshipName: 'Stakeholder_Assessments' }
    ],
    [SA, 'Contact__c', 'Lookup', { referenceTo: 'Contact', deleteConstraint: 'SetNull' }],
    [SA, 'Title__c', 'Text', { length: '128' }],
    [SA, 'Top_Decision_Maker__c', 'Checkbox', { defaultValue: 'false' }],
    [SA, 'Decision_Body_Member__c', 'Checkbox', { defaultValue: 'false' }],
    [SA, 'Favored_Vendor__c', 'Text', { length: '80' }],
    [SA, 'Assessed_On__c', 'Date', {}],
    [SA, 'Next_Action__c', 'Text', { length: '255' }],
    [SA, 'Next_Action_Due__c', 'Date', {}],
    [SA, 'Verification__c', 'TextArea', {}],
    [SA, 'Evidence__c', 'LongTextArea', { length: '32768', visibleLines: '5' }],
    [SA, 'Notes__c', 'LongTextArea', { length: '32768' }],
    [SA, 'Support_Index__c', 'Number', { precision: '2', scale: '0' }],
    [SA, 'Completeness__c', 'Percent', { precision: '3', scale: '0' }],
    [SA, 'Insight_Codes__c', 'Text', { length: '255' }],
    [SA, 'Model_Version__c', 'Text', { length: '40' }],
    [SA, 'Scored_At__c', 'DateTime', {}],
    [SA, 'Camp__c', 'Text', { length: String(CAMP.maxLength) }],
    [
        SC,
        'Opportunity__c',
        'MasterDetail',
        { referenceTo: 'Opportunity', relationshipName: 'C139_Scorecards' }
    ],
    [
        SC,
        'Opportunity_Key__c',
        'Text',
        { length: '18', unique: 'true', externalId: 'true', caseSensitive: 'true' }
    ],
    [SC, 'Coach_Stakeholder__c', 'Lookup', { referenceTo: SA, deleteConstraint: 'SetNull' }],
    [SC, 'Notes__c', 'LongTextArea', { length: '32768' }],
    [SC, 'Clear_Points__c', 'Number', { precision: '3', scale: '1' }],
    [SC, 'First_Points__c', 'Number', { precision: '3', scale: '1' }],
    [SC, 'Win_Points__c', 'Number', { precision: '3', scale: '1' }],
    [SC, 'Coach_Factor__c', 'Number', { precision: '3', scale: '2' }],
    [SC, 'Control_Score__c', 'Number', { precision: '3', scale: '0' }],
    [SC, 'Control_Band__c', 'Text', { length: '20' }],
    [SC, 'Band_Rank__c', 'Number', { precision: '1', scale: '0' }],
    [SC, 'Evidence_Codes__c', 'Text', { length: '255' }],
    [SC, 'Warning_Count__c', 'Number', { precision: '2', scale: '0' }],
    [SC, 'Model_Version__c', 'Text', { length: '40' }],
    [SC, 'Scored_At__c', 'DateTime', {}],
    // MODEL.md Part E: the snapshot and its copies of the scorecard and the Opportunity that day.
    [
        CS,
        'Opportunity__c',
        'MasterDetail',
        { referenceTo: 'Opportunity', relationshipName: 'Control_Snapshots' }
    ],
    [
        CS,
        'Snapshot_Key__c',
        'Text',
        { length: '40', unique: 'true', externalId: 'true', caseSensitive: 'true' }
    ],
    [CS, 'Snapshot_Date__c', 'Date', {}],
    [CS, 'Control_Score__c', 'Number', { precision: '3', scale: '0' }],
    [CS, 'Control_Band__c', 'Text', { length: '20' }],
    [CS, 'Band_Rank__c', 'Number', { precision: '1', scale: '0' }],
    [CS, 'Coach_Factor__c', 'Number', { precision: '3', scale: '2' }],
    [CS, 'Warning_Count__c', 'Number', { precision: '2', scale: '0' }],
    [CS, 'Model_Version__c', 'Text', { length: '40' }],
    [CS, 'Stage_Name__c', 'Text', { length: '40' }],
    [CS, 'Probability__c', 'Percent', { precision: '3', scale: '0' }],
    [CS, 'Amount__c', 'Currency', { precision: '16', scale: '2' }],
    [CS, 'Close_Date__c', 'Date', {}],
    [CS, 'Forecast_Category__c', 'Text', { length: '40' }],
    [CS, 'Days_To_Close__c', 'Number', { formula: 'Close_Date__c - Snapshot_Date__c', scale: '0' }],
    [
        SL,
        'Opportunity__c',
        'MasterDetail',
        { referenceTo: 'Opportunity', relationshipName: 'Stakeholder_Links' }
    ],
    // Not required fields: deleting a person clears the end (SetNull); a validation rule asks for both.
    [
        SL,
        'From_Stakeholder__c',
        'Lookup',
        { referenceTo: SA, deleteConstraint: 'SetNull', required: 'false' }
    ],
    [SL, 'To_Stakeholder__c', 'Lookup', { referenceTo: SA, deleteConstraint: 'SetNull', required: 'false' }],
    [SL, 'Link_Type__c', 'Picklist', { required: 'true' }],
    [SL, 'Strength__c', 'Picklist', { required: 'false' }],
    [SL, 'Evidence__c', 'LongTextArea', { length: '32768' }],
    [SL, 'Link_Key__c', 'Text', { length: '80', unique: 'true', caseSensitive: 'true' }],
    [
        'Opportunity',
        'C139_Scorecard_Count__c',
        'Summary',
        { summaryOperation: 'count', summaryForeignKey: `${SC}.Opportunity__c` }
    ],
    [
        'Opportunity',
        'C139_Control_Score__c',
        'Summary',
        { summaryOperation: 'max', summarizedField: `${SC}.Control_Score__c` }
    ],
    [
        'Opportunity',
        'C139_Band_Rank__c',
        'Summary',
        { summaryOperation: 'max', summarizedField: `${SC}.Band_Rank__c` }
    ],
    [
        'Opportunity',
        'C139_Warning_Count__c',
        'Summary',
        { summaryOperation: 'max', summarizedField: `${SC}.Warning_Count__c` }
    ],
    ['Opportunity', 'C139_Control_Band__c', 'Text', {}],
    ['Opportunity', 'C139_Forecast_Gap__c', 'Number', { precision: '3', scale: '0' }],
    [
        'Opportunity',
        'Stakeholder_Count__c',
        'Summary',
        { summaryOperation: 'count', summaryForeignKey: `${SA}.Opportunity__c` }
    ],
    ['Opportunity', 'Stakeholder_Supporters__c', 'Summary', { summaryOperation: 'count' }],
    ['Opportunity', 'Stakeholder_Opponents__c', 'Summary', { summaryOperation: 'count' }],
    ['Opportunity', 'Stakeholder_Mentors__c', 'Summary', { summaryOperation: 'count' }],
    [
        'Opportunity',
        'Stakeholder_Last_Assessed__c',
        'Summary',
        { summaryOperation: 'max', summarizedField: `${SA}.Assessed_On__c` }
    ]
];

/** Opinions about named people and deal secrets: must carry a classification (and PII where personal). */
const PERSONAL = [
    'Contact__c',
    'Title__c',
    'Role__c',
    'Influence__c',
    'Dominant_Need__c',
    'Other_Needs__c',
    'Change_Attitude__c',
    'Decision_Focus__c',
    'Contact_Closeness__c',
    'Attitude_To_Us__c',
    'Favored_Vendor__c',
    'Evidence__c',
    'Notes__c',
    'Next_Action__c',
    'Verification__c',
    'Support_Index__c',
    'Insight_Codes__c',
    'Top_Decision_Maker__c',
    'Decision_Body_Member__c',
    'Camp__c'
]
    .map((f) => [SA, f])
    .concat([[SC, 'Coach_Stakeholder__c']])
    .concat(
        ['From_Stakeholder__c', 'To_Stakeholder__c', 'Link_Type__c', 'Strength__c', 'Evidence__c'].map(
            (f) => [SL, f]
        )
    );

describe('fixed field list', () => {
    it.each(EXPECTED)('%s.%s is %s with the fixed size', (object, name, type, facts) => {
        const f = field(object, name);
        expect(f.type).toBe(type);
        for (const [el, value] of Object.entries(facts))
            expect(`${el}=${text(f, el)}`).toBe(`${el}=${value}`);
    });

    it('defines every derived field the model writes', () => {
        for (const [object, names] of Object.entries(DERIVED_FIELDS)) {
            for (const name of names) expect(fields.get(object)?.has(name)).toBe(true);
        }
    });

    it('names the assessment after the person (Text) and numbers scorecards and links', () => {
        const sa = readXml(path.join(objectsDir, SA, `${SA}.object-meta.xml`));
        const sc = readXml(path.join(objectsDir, SC, `${SC}.object-meta.xml`));
        const sl = readXml(path.join(objectsDir, SL, `${SL}.object-meta.xml`));
        expect(childText(childrenNamed(sa, 'nameField')[0], 'type')).toBe('Text');
        const scName = childrenNamed(sc, 'nameField')[0];
        expect([childText(scName, 'type'), childText(scName, 'displayFormat')]).toEqual([
            'AutoNumber',
            'C139-{000000}'
        ]);
        const slName = childrenNamed(sl, 'nameField')[0];
        expect([childText(slName, 'type'), childText(slName, 'displayFormat')]).toEqual([
            'AutoNumber',
            'LINK-{000000}'
        ]);
        for (const obj of [sa, sc, sl]) {
            expect(childText(obj, 'sharingModel')).toBe('ControlledByParent');
            expect(childText(obj, 'enableHistory')).toBe('true');
        }
    });

    it('keeps the history in the snapshot records themselves: no field history, sharing from the Opportunity', () => {
        const cs = readXml(path.join(objectsDir, CS, `${CS}.object-meta.xml`));
        expect(childText(cs, 'enableHistory')).toBe('false');
        expect(childText(cs, 'sharingModel')).toBe('ControlledByParent');
        expect(childText(childrenNamed(cs, 'nameField')[0], 'type')).toBe('AutoNumber');
        const tracked = customFields().filter((f) => f.object === CS && text(f, 'trackHistory') === 'true');
        expect(tracked).toEqual([]);
    });

    it('copies every field Part E lists and nothing the contract does not name', () => {
        expect([...(fields.get(CS)?.keys() ?? [])].sort()).toEqual(
            EXPECTED.filter(([object]) => object === CS)
                .map(([, name]) => name)
                .sort()
        );
    });

    it('keeps master-detail records with their Opportunity (not reparentable)', () => {
        for (const object of [SA, SC, SL, CS]) {
            expect(text(field(object, 'Opportunity__c'), 'reparentableMasterDetail')).toBe('false');
        }
    });
});

describe('documentation and classification', () => {
    const all = customFields();

    it.each(all.map((f) => [`${f.object}.${f.name}`, f]))(
        '%s has a description and different inline help',
        (_k, f) => {
            const description = squash(text(f, 'description'));
            const help = squash(text(f, 'inlineHelpText'));
            expect(description.length).toBeGreaterThan(20);
            expect(help.length).toBeGreaterThan(10);
            expect(help).not.toBe(description);
            expect(help.length).toBeLessThanOrEqual(510);
            expect((text(f, 'label') ?? '').length).toBeLessThanOrEqual(40);
        }
    );

    it.each(PERSONAL)('%s.%s is classified as personal data', (object, name) => {
        const f = field(object, name);
        expect(['Confidential', 'Restricted']).toContain(text(f, 'securityClassification'));
        expect(text(f, 'complianceGroup')?.split(';')).toContain('PII');
    });

    it('classifies the five dimensions and the attitude as Restricted', () => {
        for (const name of [
            'Dominant_Need__c',
            'Change_Attitude__c',
            'Decision_Focus__c',
            'Contact_Closeness__c',
            'Attitude_To_Us__c',
            'Evidence__c',
            'Camp__c'
        ]) {
            expect(`${name}=${text(field(SA, name), 'securityClassification')}`).toBe(`${name}=Restricted`);
        }
        // Who steers or opposes whom, and how we know: opinions about named people.
        for (const name of ['Link_Type__c', 'Strength__c', 'Evidence__c']) {
            expect(`${name}=${text(field(SL, name), 'securityClassification')}`).toBe(`${name}=Restricted`);
        }
    });

    it('documents Camp__c with the model texts', () => {
        const camp = field(SA, CAMP.field);
        expect(text(camp, 'label')).toBe(CAMP.label.en);
        expect(squash(text(camp, 'inlineHelpText'))).toBe(CAMP.help.en);
    });
});

describe('field history', () => {
    const tracked = [
        [SA, 'Dominant_Need__c'],
        [SA, 'Other_Needs__c'],
        [SA, 'Change_Attitude__c'],
        [SA, 'Decision_Focus__c'],
        [SA, 'Contact_Closeness__c'],
        [SA, 'Attitude_To_Us__c'],
        [SA, 'Influence__c'],
        [SA, 'Top_Decision_Maker__c'],
        [SC, 'Coach__c'],
        [SC, 'Win__c'],
        [SC, 'First_Value_Fit__c'],
        [SC, 'First_Key_People_Help__c'],
        [SC, 'First_Majority_Choose__c'],
        [SC, 'Control_Score__c'],
        [SC, 'Control_Band__c'],
        [SA, 'Camp__c'],
        [SL, 'Link_Type__c'],
        [SL, 'Strength__c']
    ];
    it.each(tracked)('%s.%s is tracked', (object, name) => {
        expect(text(field(object, name), 'trackHistory')).toBe('true');
    });

    it('stays within the platform limit of 20 tracked fields per object', () => {
        for (const object of [SA, SC, SL]) {
            const count = customFields().filter(
                (f) => f.object === object && text(f, 'trackHistory') === 'true'
            ).length;
            expect(count).toBeLessThanOrEqual(20);
        }
    });
});

describe('Opportunity report formulas', () => {
    it('maps every model band rank to its band name, blank without a scorecard', () => {
        const formula = squash(text(field('Opportunity', 'C139_Control_Band__c'), 'formula'));
        const pairs = [...formula.matchAll(/(\d), "(\w+)"/g)].map((m) => [Number(m[1]), m[2]]);
        expect(pairs).toEqual(BANDS.map((b) => [b.rank, b.band]));
        expect(formula.startsWith('IF(C139_Scorecard_Count__c = 0, "",')).toBe(true);
    });

    it('computes the forecast gap as probability minus control score, blank without a scorecard', () => {
        expect(squash(text(field('Opportunity', 'C139_Forecast_Gap__c'), 'formula'))).toBe(
            'IF(C139_Scorecard_Count__c = 0, NULL, Probability * 100 - C139_Control_Score__c)'
        );
    });

    it('filters the supporter, opponent and mentor roll-ups as the contract says', () => {
        const filter = (name: string) =>
            childrenNamed(field('Opportunity', name).xml, 'summaryFilterItems').map((i) =>
                [childText(i, 'field'), childText(i, 'operation'), childText(i, 'value')].join(' ')
            );
        expect(filter('Stakeholder_Supporters__c')).toEqual([`${SA}.Support_Index__c greaterThan 0`]);
        expect(filter('Stakeholder_Opponents__c')).toEqual([`${SA}.Support_Index__c lessThan 0`]);
        expect(filter('Stakeholder_Mentors__c')).toEqual([`${SA}.Attitude_To_Us__c equals Mentor`]);
    });
});

describe('validation rules', () => {
    const rules = listFiles(objectsDir, (f) => f.endsWith('.validationRule-meta.xml')).map((f) => ({
        name: path.basename(f, '.validationRule-meta.xml'),
        xml: readXml(f)
    }));
    const formula = (name: string) =>
        squash(childText(rules.find((r) => r.name === name)!.xml, 'errorConditionFormula'));

    it('has the contract rules', () => {
        expect(formula('Opportunity_Key_Matches_Opportunity')).toBe(
            'Opportunity_Key__c != CASESAFEID(Opportunity__c)'
        );
        expect(formula('Next_Action_Due_Needs_Action')).toContain('ISBLANK(Next_Action_Due__c)');
        expect(formula('Assessed_On_Not_In_Future')).toContain('Assessed_On__c > TODAY()');
        expect(formula('People_Required')).toBe(
            'OR(ISBLANK(From_Stakeholder__c), ISBLANK(To_Stakeholder__c))'
        );
        expect(formula('No_Self_Link')).toBe(
            'AND(NOT(ISBLANK(From_Stakeholder__c)), From_Stakeholder__c = To_Stakeholder__c)'
        );
        expect(formula('People_On_Link_Opportunity')).toBe(
            'OR(AND(NOT(ISBLANK(From_Stakeholder__c)), From_Stakeholder__r.Opportunity__c != Opportunity__c), ' +
                'AND(NOT(ISBLANK(To_Stakeholder__c)), To_Stakeholder__r.Opportunity__c != Opportunity__c))'
        );
        // Part E: <18-character Opportunity Id>:<YYYY-MM-DD> (TEXT of a date is YYYY-MM-DD), never
        // blank: the flow Control_Snapshot_Set_Key fills it on every save path.
        expect(formula('Snapshot_Key_Matches_Deal_And_Date')).toBe(
            'Snapshot_Key__c != CASESAFEID(Opportunity__c) & ":" & TEXT(Snapshot_Date__c)'
        );
        expect(formula('Snapshot_Date_Required')).toBe('ISBLANK(Snapshot_Date__c)');
    });

    it('accepts only the five band names and scores 0 to 100 on a snapshot, as the model defines them', () => {
        const rule = formula('Scorecard_Values_In_Range');
        expect([...rule.matchAll(/Control_Band__c != "(\w+)"/g)].map((m) => m[1])).toEqual(
            BANDS.map((b) => b.band)
        );
        expect(rule).toContain('ISBLANK(Control_Score__c), Control_Score__c < 0, Control_Score__c > 100');
    });

    it.each(rules.map((r) => [r.name, r.xml]))('%s is active and tells the user what to do', (_n, xml) => {
        expect(childText(xml, 'active')).toBe('true');
        const message = squash(childText(xml, 'errorMessage'));
        // An actionable message has an instruction, not only a diagnosis.
        expect(message).toMatch(/\b(Choose|Describe|Enter|Let|Create|set)\b/);
        // Prettier once split "<>" into "< >": a formula must never contain a broken operator.
        expect(squash(childText(xml, 'errorConditionFormula'))).not.toMatch(/< >|&quot;/);
    });
});

describe('layouts', () => {
    const layouts = listFiles(path.join(defaultDir, 'layouts'), (f) => f.endsWith('.layout-meta.xml'));
    const derived = new Set(Object.values(DERIVED_FIELDS).flat());

    it.each(layouts.map((f) => [path.basename(f), f]))('%s shows derived fields read-only', (_n, file) => {
        const items = [...walk(readXml(file))].filter((e) => e.name === 'layoutItems');
        // A link has no derived field; its duplicate check key is kept by a flow, never typed in.
        const readOnly = new Set([...derived, 'Link_Key__c']);
        const derivedItems = items.filter((i) => readOnly.has(childText(i, 'field') ?? ''));
        expect(derivedItems.length).toBeGreaterThan(0);
        for (const item of derivedItems)
            expect(`${childText(item, 'field')}:${childText(item, 'behavior')}`).toBe(
                `${childText(item, 'field')}:Readonly`
            );
    });

    it('exists for every Deal Control object', () => {
        expect(layouts.map((f) => path.basename(f).split('-')[0]).sort()).toEqual([SC, CS, SA, SL].sort());
        expect(fs.existsSync(path.join(defaultDir, 'profiles'))).toBe(false);
    });
});
