import {
    CAMP,
    EVIDENCE,
    INSIGHTS,
    LINK_ISSUES,
    LINK_PICKLISTS,
    LINK_SENTENCES,
    LINK_STRENGTH,
    LINK_TYPE,
    LocalizedText,
    POLITICAL_EVIDENCE,
    POLITICAL_INSIGHTS,
    SYMMETRIC_LINK_TYPES,
    fillTemplate,
    joinCodes
} from 'c/dealControlModel';

// The texts of contract v1.1 (the political map): both languages, the team's Chinese terms, and
// guidance that stays legal and fair to the people on the map.

const allTexts: Array<[string, LocalizedText]> = [
    ...LINK_PICKLISTS.flatMap((def): Array<[string, LocalizedText]> => [
        [`${def.field} label`, def.label],
        [`${def.field} help`, def.help],
        [`${def.field} blank`, def.blankMeans],
        ...def.values.flatMap((v): Array<[string, LocalizedText]> => [
            [`${def.field}.${v.value} label`, v.label],
            [`${def.field}.${v.value} meaning`, v.description],
            [`${def.field}.${v.value} guidance`, v.guidance]
        ])
    ]),
    ['Camp label', CAMP.label],
    ['Camp help', CAMP.help],
    ['Camp blank', CAMP.blankMeans],
    ...Object.values(POLITICAL_INSIGHTS).flatMap((d): Array<[string, LocalizedText]> => [
        [`${d.code} message`, d.message],
        [`${d.code} action`, d.action]
    ]),
    ...Object.values(POLITICAL_EVIDENCE).flatMap((d): Array<[string, LocalizedText]> => [
        [`${d.code} message`, d.message],
        [`${d.code} action`, d.action]
    ]),
    ...Object.values(LINK_ISSUES).flatMap((d): Array<[string, LocalizedText]> => [
        [`${d.code} message`, d.message],
        [`${d.code} action`, d.action]
    ]),
    ...Object.entries(LINK_SENTENCES).map(([type, text]): [string, LocalizedText] => [
        `${type} sentence`,
        text
    ])
];

const CJK = /[\u4e00-\u9fff]/;

describe('the political map in English and Chinese', () => {
    it.each(allTexts)(
        '%s exists in both languages, with full-width punctuation in Chinese',
        (_name, text) => {
            expect(text.en.trim().length).toBeGreaterThan(1);
            expect(text.en).not.toMatch(CJK);
            expect(text.zh).toMatch(CJK);
            expect(text.zh).not.toMatch(/[,:;()"]/);
        }
    );

    it("uses the team's Chinese terms for the link values and the camp", () => {
        expect(LINK_TYPE.values.map((v) => [v.value, v.label.zh])).toEqual([
            ['Reports_To', '汇报给'],
            ['Influences', '影响'],
            ['Acts_For', '代言'],
            ['Allied', '同盟'],
            ['Rival', '对立']
        ]);
        expect(LINK_STRENGTH.values.map((v) => v.value)).toEqual(['Strong', 'Medium', 'Weak']);
        expect(CAMP.label.zh).toBe('阵营');
        expect([CAMP.field, CAMP.maxLength]).toEqual(['Camp__c', 40]);
    });

    it('never uses the terms the glossary rules out', () => {
        const banned =
            /干系人|商机|决策相关人|采购决策成员|采购决策链|决策地图|评分卡|区间等级|将输|警告|洞察代码|证据|管道/;
        expect(allTexts.filter(([, text]) => banned.test(text.zh)).map(([name]) => name)).toEqual([]);
    });

    it('reads a link as a sentence in both languages', () => {
        const names = { from: '王丽', to: '夏宏' };
        expect(fillTemplate(LINK_SENTENCES.Acts_For.en, names)).toBe('王丽 acts for 夏宏');
        expect(fillTemplate(LINK_SENTENCES.Acts_For.zh, names)).toBe('王丽为夏宏代言');
        expect(fillTemplate(LINK_SENTENCES.Reports_To.zh, names)).toBe('王丽汇报给夏宏');
        expect(Object.keys(LINK_SENTENCES)).toEqual(LINK_TYPE.values.map((v) => v.value));
        expect(SYMMETRIC_LINK_TYPES).toEqual(['Allied', 'Rival']);
    });

    it('adds the new codes to the catalogues the components and reports read', () => {
        expect(INSIGHTS.INFLUENCED_AGAINST).toBe(POLITICAL_INSIGHTS.INFLUENCED_AGAINST);
        expect(EVIDENCE.WIN_UNDERMINED).toBe(POLITICAL_EVIDENCE.WIN_UNDERMINED);
        expect(EVIDENCE.COACH_NO_ACCESS.claimField).toBe('Coach__c');
        for (const [code, def] of Object.entries(LINK_ISSUES)) expect(def.code).toBe(code);
    });

    it('fits every code at once into the 255-character code fields', () => {
        expect(joinCodes(Object.keys(INSIGHTS))!.length).toBeLessThanOrEqual(255);
        expect(joinCodes(Object.keys(EVIDENCE))!.length).toBeLessThanOrEqual(255);
    });
});

describe('guidance that stays legal and fair', () => {
    const IMPROPER =
        /gift|kickback|bribe|payments? to|favou?r|entertain|banquet|confidential|tender|bid price|回扣|礼|宴请|好处费|钱款|贿|标底|保密|内部报价|招标文件/i;

    it('suggests no gifts, favours or requests for confidential tender information', () => {
        const offending = allTexts.filter(([, text]) => IMPROPER.test(text.en) || IMPROPER.test(text.zh));
        expect(offending.map(([name]) => name)).toEqual([]);
    });

    it('asks for respect for the people who disagree with us', () => {
        const rival = LINK_TYPE.values.find((v) => v.value === 'Rival')!;
        expect(rival.guidance.en).toMatch(/respect both/);
        expect(rival.guidance.zh).toMatch(/尊重双方/);
        expect(INSIGHTS.INFLUENCED_AGAINST.action.en).toMatch(/never against the person/);
        expect(INSIGHTS.INFLUENCED_AGAINST.action.zh).toMatch(/绝不针对个人/);
    });
});
