import * as fs from 'fs';
import * as path from 'path';
import {
    AWAITING_METADATA,
    C139_ELEMENTS,
    DERIVED_FIELDS,
    INPUT_FIELDS,
    MODEL_VERSION,
    PICKLIST_FIELDS,
    PICKLIST_VALUES,
    SCORECARD_INPUT_FIELDS,
    STAKEHOLDER_INPUT_FIELDS,
    awaitsMetadata,
    comparableDerivedFields,
    fillTemplate,
    findValue,
    inLanguage,
    localize,
    toLang,
    queryableInputFields,
    valuesOf,
    ATTITUDE_TO_US
} from 'c/dealControlModel';

// Contracts v1 and v1.1 (MODEL.md Parts C and D), written out here as the specification the model must match.
const CONTRACT: Record<string, string[]> = {
    'Stakeholder_Assessment__c.Role__c': [
        'Chairman',
        'General_Manager',
        'VP_In_Charge',
        'CFO',
        'IT_Head',
        'Department_Head',
        'IT_Staff',
        'Procurement',
        'External_Consultant',
        'Other'
    ],
    'Stakeholder_Assessment__c.Influence__c': ['High', 'Medium', 'Low'],
    'Stakeholder_Assessment__c.Dominant_Need__c': [
        'Physiological',
        'Safety',
        'Belonging',
        'Esteem',
        'Self_Actualization'
    ],
    'Stakeholder_Assessment__c.Other_Needs__c': [
        'Physiological',
        'Safety',
        'Belonging',
        'Esteem',
        'Self_Actualization'
    ],
    'Stakeholder_Assessment__c.Change_Attitude__c': [
        'Innovator',
        'Visionary',
        'Pragmatist',
        'Conservative',
        'Laggard'
    ],
    'Stakeholder_Assessment__c.Decision_Focus__c': ['Business', 'Technical', 'Financial', 'Relationship'],
    'Stakeholder_Assessment__c.Contact_Closeness__c': ['No_Contact', 'Little', 'More', 'Deep'],
    'Stakeholder_Assessment__c.Attitude_To_Us__c': [
        'Mentor',
        'Supporter',
        'Neutral',
        'Non_Supporter',
        'Opponent'
    ],
    'C139_Scorecard__c.Coach__c': ['No_Coach', 'Identified', 'Confirmed', 'Confirmed_In_Decision_Body'],
    'C139_Scorecard__c.Win__c': ['Against', 'Leaning', 'Yes'],
    ...Object.fromEntries(
        ['First_Value_Fit__c', 'First_Key_People_Help__c', 'First_Majority_Choose__c'].map((f) => [
            `C139_Scorecard__c.${f}`,
            ['No', 'Partial', 'Yes']
        ])
    ),
    ...Object.fromEntries(
        [
            'Clear_Our_Process__c',
            'Clear_Procurement_Process__c',
            'Clear_Organization__c',
            'Clear_Decision_Body__c',
            'Clear_Decision_Criteria__c',
            'Clear_Funding__c',
            'Clear_Vendor_Resources__c',
            'Clear_Vendor_Activities__c',
            'Clear_Key_Factors__c'
        ].map((f) => [`C139_Scorecard__c.${f}`, ['Partial', 'Clear']])
    ),
    'Stakeholder_Link__c.Link_Type__c': ['Reports_To', 'Influences', 'Acts_For', 'Allied', 'Rival'],
    'Stakeholder_Link__c.Strength__c': ['Strong', 'Medium', 'Weak']
};

describe('contract v1', () => {
    it('has exactly the contract picklists, values and order', () => {
        expect(PICKLIST_VALUES).toEqual(CONTRACT);
    });

    it('has 14 C139 elements: 1 coach, 1 Win, 3 First, 9 Clear', () => {
        const groups = C139_ELEMENTS.map((e) => e.group);
        expect(groups.filter((g) => g === 'Coach')).toHaveLength(1);
        expect(groups.filter((g) => g === 'Win')).toHaveLength(1);
        expect(groups.filter((g) => g === 'First')).toHaveLength(3);
        expect(groups.filter((g) => g === 'Clear')).toHaveLength(9);
    });

    it('marks exactly the two multi-select fields', () => {
        expect(PICKLIST_FIELDS.filter((d) => d.multiSelect).map((d) => d.field)).toEqual([
            'Other_Needs__c',
            'Decision_Focus__c'
        ]);
    });

    it('lists the inputs and derived fields the rescore script reads and writes', () => {
        expect(STAKEHOLDER_INPUT_FIELDS).toContain('Top_Decision_Maker__c');
        expect(STAKEHOLDER_INPUT_FIELDS).toContain('Attitude_To_Us__c');
        expect(SCORECARD_INPUT_FIELDS).toHaveLength(15);
        expect(SCORECARD_INPUT_FIELDS).toContain('Coach_Stakeholder__c');
        expect(DERIVED_FIELDS.Stakeholder_Assessment__c).toEqual([
            'Support_Index__c',
            'Completeness__c',
            'Insight_Codes__c',
            'Model_Version__c',
            'Scored_At__c'
        ]);
        expect(comparableDerivedFields('C139_Scorecard__c')).not.toContain('Scored_At__c');
        expect(comparableDerivedFields('C139_Scorecard__c')).toContain('Model_Version__c');
        expect(comparableDerivedFields('Account')).toEqual([]);
        expect(DERIVED_FIELDS.Stakeholder_Link__c).toEqual([]);
    });

    it('is version 1.1.0', () => {
        expect(MODEL_VERSION).toBe('C139-v1.1.0');
    });

    it('describes the inputs of contract v1.1 in one place, by object', () => {
        expect(INPUT_FIELDS.Stakeholder_Assessment__c).toContain('Camp__c');
        expect(INPUT_FIELDS.C139_Scorecard__c).toContain('Coach_Stakeholder__c');
        expect(INPUT_FIELDS.Stakeholder_Link__c).toEqual([
            'From_Stakeholder__c',
            'To_Stakeholder__c',
            'Link_Type__c',
            'Strength__c'
        ]);
        for (const fields of Object.values(INPUT_FIELDS)) expect(new Set(fields).size).toBe(fields.length);
    });

    it('awaits no metadata any more, so queries select every input of contract v1.1', () => {
        expect(AWAITING_METADATA).toEqual({});
        expect(awaitsMetadata('Stakeholder_Assessment__c', 'Camp__c')).toBe(false);
        expect(awaitsMetadata('Stakeholder_Link__c', 'Link_Type__c')).toBe(false);
        expect(STAKEHOLDER_INPUT_FIELDS).toEqual(INPUT_FIELDS.Stakeholder_Assessment__c);
        expect(STAKEHOLDER_INPUT_FIELDS).toContain('Camp__c');
        expect(SCORECARD_INPUT_FIELDS).toEqual(INPUT_FIELDS.C139_Scorecard__c);
        expect(queryableInputFields('Stakeholder_Link__c')).toEqual(INPUT_FIELDS.Stakeholder_Link__c);
    });

    it('finds value definitions and lists values', () => {
        expect(findValue(ATTITUDE_TO_US, 'Mentor')?.label.zh).toBe('指导者');
        expect(findValue(ATTITUDE_TO_US, 'Boss')).toBeUndefined();
        expect(findValue(ATTITUDE_TO_US, null)).toBeUndefined();
        expect(valuesOf(ATTITUDE_TO_US)).toHaveLength(5);
    });
});

describe('languages', () => {
    it.each([
        ['zh-CN', 'zh'],
        ['zh_CN', 'zh'],
        ['zh-Hans', 'zh'],
        ['zh', 'zh'],
        ['en-US', 'en'],
        ['de', 'en'],
        [undefined, 'en'],
        [null, 'en']
    ])('maps %p to %p', (locale, lang) => {
        expect(toLang(locale)).toBe(lang);
    });

    it('fills placeholders and leaves unknown ones as written', () => {
        expect(fillTemplate('Edit {name} ({count})', { name: '王建', count: 2 })).toBe('Edit 王建 (2)');
        expect(fillTemplate('{missing} stays', {})).toBe('{missing} stays');
    });

    it('reduces a bilingual catalogue to one language', () => {
        const catalogue = { save: { en: 'Save', zh: '保存' }, cancel: { en: 'Cancel', zh: '取消' } };
        expect(inLanguage(catalogue, 'zh')).toEqual({ save: '保存', cancel: '取消' });
        expect(inLanguage(catalogue, 'en')).toEqual({ save: 'Save', cancel: 'Cancel' });
    });

    it('localizes a text', () => {
        expect(localize(ATTITUDE_TO_US.label, 'zh-CN')).toBe('对我方的态度');
        expect(localize(ATTITUDE_TO_US.label, 'en-GB')).toBe('Attitude to us');
    });

    const CJK = /[\u4e00-\u9fff]/;
    const texts = PICKLIST_FIELDS.flatMap((def) => [
        [`${def.field} label`, def.label],
        [`${def.field} help`, def.help],
        [`${def.field} blank`, def.blankMeans],
        ...def.values.flatMap((v) => [
            [`${def.field}.${v.value} label`, v.label],
            [`${def.field}.${v.value} description`, v.description],
            [`${def.field}.${v.value} guidance`, v.guidance]
        ])
    ]) as Array<[string, { en: string; zh: string }]>;

    it.each(texts)('%s exists in English and Chinese', (_name, text) => {
        expect(text.en.trim().length).toBeGreaterThan(1);
        expect(text.en).not.toMatch(CJK);
        expect(text.zh).toMatch(CJK);
    });
});

describe('guidance never suggests improper payments', () => {
    // Commercial payment terms are legitimate; personal payments, gifts and favours are not.
    const IMPROPER =
        /gift|kickback|bribe|payments? to|personal payment|favou?r|entertain|banquet|回扣|礼品|礼物|礼金|送礼|宴请|好处费|钱款|贿/i;
    const REFUSAL = /never|绝不/i;
    const allTexts = PICKLIST_FIELDS.flatMap((def) =>
        def.values.flatMap((v) => [v.guidance.en, v.guidance.zh, v.description.en, v.description.zh])
    );

    it('mentions gifts or payments only to rule them out', () => {
        const sentences = allTexts.flatMap((text) => text.split(/(?<=[.。;；])\s*/));
        const offending = sentences.filter((s) => IMPROPER.test(s) && !REFUSAL.test(s));
        expect(offending).toEqual([]);
    });

    it('points reps with a "personal gain" stakeholder to legitimate value, and to decline any request', () => {
        const physiological = PICKLIST_FIELDS.find((d) => d.field === 'Dominant_Need__c')!.values.find(
            (v) => v.value === 'Physiological'
        )!;
        // No "what your policy allows": that half-permits what the next sentence forbids.
        expect(physiological.guidance.en).toMatch(/legitimate value only/);
        expect(physiological.guidance.en).toMatch(/decline/);
        expect(physiological.guidance.en).not.toMatch(/allow/);
        expect(physiological.guidance.zh).toMatch(/正当价值/);
        expect(physiological.guidance.zh).toMatch(/拒绝/);
        expect(physiological.guidance.zh).not.toMatch(/允许/);
    });
});

describe('the model stays platform-free', () => {
    it('imports nothing but its own modules', () => {
        const dir = path.resolve(__dirname, '..');
        const sources = fs.readdirSync(dir).filter((f) => f.endsWith('.ts'));
        expect(sources.length).toBeGreaterThan(5);
        for (const file of sources) {
            const text = fs.readFileSync(path.join(dir, file), 'utf8');
            const specifiers = [...text.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]);
            expect({ file, foreign: specifiers.filter((s) => !s.startsWith('./')) }).toEqual({
                file,
                foreign: []
            });
            expect(text).not.toMatch(/Date\.now|new Date\(|performance\.now|Math\.random/);
        }
    });
});
