import { EVIDENCE, MODEL_VERSION, PICKLIST_FIELDS } from 'c/dealControlModel';
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
