import { EVIDENCE, INSIGHTS, LINK_ISSUES, MODEL_VERSION, PICKLIST_FIELDS } from 'c/dealControlModel';
import { describeModel, parseLang } from '../describeModel';

describe('describeModel', () => {
    it('lists every picklist value and every code with the model version (English)', () => {
        const text = describeModel('en');
        expect(text.startsWith(`# Deal Control scoring model ${MODEL_VERSION}\n`)).toBe(true);
        for (const def of PICKLIST_FIELDS) {
            expect(text).toContain(`(\`${def.field}\`)`);
            for (const v of def.values) expect(text).toContain(`| \`${v.value}\` |`);
        }
        for (const code of Object.keys(EVIDENCE)) expect(text).toContain(`| \`${code}\` |`);
        expect(text).toContain('| 5 | Controlled (`Controlled`) | 80 |');
    });

    it('describes the political map of contract v1.1: link values, the camp, the new codes, link problems', () => {
        const en = describeModel('en');
        expect(en).toContain(`# Deal Control scoring model C139-v1.1.0\n`);
        expect(en).toContain('## Political map: links between stakeholders');
        expect(en).toContain('| Acts for | `Acts_For` | The first person acts or speaks for the second');
        expect(en).toContain('| Blank | | Counts as Medium. | |');
        expect(en).toContain('### Camp (`Camp__c`)');
        for (const code of [...Object.keys(INSIGHTS), ...Object.keys(LINK_ISSUES)])
            expect(en).toContain(`| \`${code}\` |`);
        expect(en).toContain(`| \`COACH_NO_ACCESS\` | ${EVIDENCE.COACH_NO_ACCESS.message.en} |`);

        const zh = describeModel('zh');
        expect(zh).toContain('## 政治派系图：采购决策者之间的关系');
        for (const label of ['| 汇报给 | `Reports_To` |', '| 影响 | `Influences` |', '| 代言 | `Acts_For` |'])
            expect(zh).toContain(label);
        expect(zh).toContain('| 同盟 | `Allied` |');
        expect(zh).toContain('| 对立 | `Rival` |');
        expect(zh).toContain('| 强 | `Strong` |');
        expect(zh).toContain('### 阵营 (`Camp__c`)');
        expect(zh).toContain('空白：阵营尚不清楚。');
        expect(zh).toContain(`| \`WIN_UNDERMINED\` | ${EVIDENCE.WIN_UNDERMINED.message.zh} |`);
        expect(zh).toContain(`| \`LINK_SELF\` | ${LINK_ISSUES.LINK_SELF.message.zh} |`);
    });

    it('writes the Chinese texts with --lang zh', () => {
        const text = describeModel('zh');
        expect(text).toContain('| 指导者 | `Mentor` |');
        expect(text).toContain('## C139 记分卡');
        // Chinese brackets around the API names in Chinese text.
        expect(text).toContain('### 主导需求（马斯洛需求层次）（`Dominant_Need__c`）');
        expect(text).toContain('| 1 | 基本丢单（`Losing`） | 0 |');
        expect(text).not.toContain('| Mentor | `Mentor` |');
    });

    it('accepts only en and zh', () => {
        expect(parseLang([])).toBe('en');
        expect(parseLang(['--lang', 'zh'])).toBe('zh');
        expect(() => parseLang(['--lang', 'fr'])).toThrow('--lang must be "en" or "zh", not "fr"');
    });
});
