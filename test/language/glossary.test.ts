// One language of the method: docs/glossary.md names one Chinese word per concept and the variants
// that must not appear. This suite reads that table, so adding a row there is all it takes to
// enforce a new term, and other branches' new texts are held to the same words.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BANDS, PICKLIST_FIELDS } from 'c/dealControlModel';
import { defaultDir } from '../metadata/support/repo';
import { childText, childrenNamed, readXml } from '../metadata/support/xml';
import { findForbiddenVariants, formatFinding } from './support/checks';
import {
    GLOSSARY_FILE,
    GlossaryTerm,
    forbiddenVariants,
    parseGlossary,
    readGlossary
} from './support/glossary';
import { holdsDeliberateDefects, listTextFiles, readRepoFile } from './support/textUnits';

const terms = readGlossary();
const variants = forbiddenVariants(terms);

describe('the glossary table', () => {
    it('has a Chinese term, a source and a definition in both languages on every row', () => {
        expect(terms.length).toBeGreaterThan(40);
        const incomplete = terms
            .filter((t) => !t.english || !t.chinese || !t.definition || !t.definitionZh)
            .map((t) => `${GLOSSARY_FILE}:${t.line}`);
        expect(incomplete).toEqual([]);
        expect(terms.filter((t) => !['Method', 'Salesforce', 'Product'].includes(t.from))).toEqual([]);
    });

    it('names each English term once and never forbids a word it prescribes', () => {
        const english = terms.map((t) => t.english);
        expect(english.filter((e, i) => english.indexOf(e) !== i)).toEqual([]);
        const clashes = variants
            .filter((v) => terms.some((t) => t.chinese === v.variant))
            .map((v) => `${v.variant} (${GLOSSARY_FILE}:${v.term.line})`);
        expect(clashes).toEqual([]);
    });

    it('rejects a row that does not fit the header, naming its line', () => {
        const table = [
            '| English | 中文 | From | Definition | 定义 | Not (不用) | Label |',
            '| --- | --- | --- | --- | --- | --- | --- |',
            '| Deal | 业务机会 | Salesforce | The deal. |'
        ].join('\n');
        expect(() => parseGlossary(table)).toThrow(`${GLOSSARY_FILE}:3: 4 cells, expected 7`);
        expect(() => parseGlossary('no table')).toThrow('no table with the columns');
    });
});

describe('forbidden variants', () => {
    const files = listTextFiles().filter((f) => f !== GLOSSARY_FILE && !holdsDeliberateDefects(f));

    it('scans the model, components, metadata, scripts, docs and data', () => {
        for (const expected of [
            'force-app/main/default/lwc/dealControlModel/stakeholderDimensions.ts',
            'force-app/main/default/lwc/stakeholderGrid/labels.ts',
            'force-app/main/default/translations/zh_CN.translation-meta.xml',
            'scripts/rescore/options.ts',
            'docs/managers.md',
            'README.md',
            'data/Stakeholder_Assessment__c.json'
        ])
            expect(files).toContain(expected);
    });

    it('appear nowhere outside the glossary', () => {
        const findings = files.flatMap((file) => findForbiddenVariants(file, readRepoFile(file), variants));
        expect(findings.map(formatFinding)).toEqual([]);
    });

    // Negative cases: every variant the glossary lists is caught, in each kind of file, with a
    // message that names the file, the line and the word to use.
    it.each(variants.filter((v) => !/[A-Za-z]/.test(v.variant)).map((v) => [v.variant, v] as const))(
        'catches %s in a model text, an XML label and a Markdown line',
        (variant, v) => {
            const ts = `export const X = t('Deal', '本次${variant}的情况');\n`;
            const xml = `<a>\n    <label>${variant}</label>\n</a>\n`;
            const md = `# 标题\n\n说明${variant}。\n`;
            expect(findForbiddenVariants('x.ts', ts, variants).map(formatFinding)).toEqual([
                expect.stringContaining(
                    `x.ts:1: "${variant}" is not the glossary's word: write "${v.term.chinese}"`
                )
            ]);
            expect(findForbiddenVariants('x.xml', xml, variants).map(formatFinding)).toEqual([
                expect.stringContaining(`x.xml:2: "${variant}"`)
            ]);
            expect(findForbiddenVariants('x.md', md, variants).map(formatFinding)).toEqual([
                expect.stringContaining(`${GLOSSARY_FILE}:${v.term.line}`)
            ]);
        }
    );

    it('catches "Deal Control" in Chinese text but not in English text or as a literal name', () => {
        const check = (file: string, content: string) =>
            findForbiddenVariants(file, content, variants).map((f) => `${f.file}:${f.line}`);
        expect(check('a.ts', "t('Deal Control app', 'Deal Control 控单');")).toEqual(['a.ts:1']);
        expect(check('a.xml', '<x>\n<label>Deal Control 自动计算</label>\n</x>')).toEqual(['a.xml:2']);
        expect(check('a.md', '报表文件夹"Deal Control"中的报表')).toEqual(['a.md:1']);
        expect(check('a.md', '# Managers: Deal Control reports · 经理篇：Deal Control 报表')).toEqual([
            'a.md:1'
        ]);
        // English prose, English with a Chinese gloss, and code names are not Chinese text.
        expect(check('a.ts', "t('Deal Control scoring model', '控单管理评分模型');")).toEqual([]);
        expect(check('a.md', 'The **Deal Control** app (控单管理) shows the grid.')).toEqual([]);
        expect(check('a.md', '仪表板 `Deal Control` 不能翻译。')).toEqual([]);
        expect(check('a.ts', "const permset = 'Deal_Control_Rep'; // 控单管理")).toEqual([]);
    });

    it('reads comments and strings of code but not regular expressions that reject the variants', () => {
        const variant = variants.find((v) => /\p{Script=Han}/u.test(v.variant))!.variant;
        expect(findForbiddenVariants('x.test.ts', `const banned = /${variant}|其他/;`, variants)).toEqual([]);
        expect(
            findForbiddenVariants('x.ts', `// 说明：${variant}\nconst s = '${variant}';`, variants)
        ).toHaveLength(2);
    });

    it('reports the longest variant once where variants overlap', () => {
        const map = variants.find((v) => v.variant === '干系人地图');
        expect(map).toBeDefined();
        const findings = findForbiddenVariants('x.md', '见干系人地图。', variants);
        expect(findings).toHaveLength(1);
        expect(findings[0].message).toContain('"干系人地图"');
    });
});

function modelValueLabel(object: string, field: string, value: string): string | undefined {
    const def = PICKLIST_FIELDS.find((d) => d.object === object && d.field === field);
    return def?.values.find((v) => v.value === value)?.label.zh;
}

function translationFile(object: string, field?: string): string {
    const dir = path.join(defaultDir, 'objectTranslations', `${object}-zh_CN`);
    return field
        ? path.join(dir, `${field}.fieldTranslation-meta.xml`)
        : path.join(dir, `${object}-zh_CN.objectTranslation-meta.xml`);
}

/** Every Chinese text a label reference resolves to (model and translation), or a problem. */
function resolveLabel(ref: string): { texts: string[]; problem?: string } {
    const band = /^band=(\w+)$/.exec(ref);
    if (band) {
        const def = BANDS.find((b) => b.band === band[1]);
        return def ? { texts: [def.label.zh] } : { texts: [], problem: 'no such band in the model' };
    }
    const m = /^(\w+)(?:\.(\w+__c))?(?:=(\w+))?$/.exec(ref);
    if (!m) return { texts: [], problem: 'not Object, Object.Field__c, Object.Field__c=Value or band=Value' };
    const [, object, field, value] = m;
    const file = translationFile(object, field);
    if (!fs.existsSync(file))
        return { texts: [], problem: `no translation file ${path.relative(defaultDir, file)}` };
    const xml = readXml(file);
    if (!field) return { texts: childrenNamed(xml, 'caseValues').map((c) => childText(c, 'value') ?? '') };
    if (!value) {
        const def = PICKLIST_FIELDS.find((d) => d.object === object && d.field === field);
        return { texts: [childText(xml, 'label') ?? '', ...(def ? [def.label.zh] : [])] };
    }
    const translated = childrenNamed(xml, 'picklistValues').find(
        (p) => childText(p, 'masterLabel') === value
    );
    const model = modelValueLabel(object, field, value);
    if (!translated || model === undefined) return { texts: [], problem: `no picklist value ${value}` };
    return { texts: [childText(translated, 'translation') ?? '', model] };
}

/** Why a label does not use its glossary term (empty when it does). */
function labelFindings(term: Pick<GlossaryTerm, 'chinese' | 'line'>, ref: string): string[] {
    const { texts, problem } = resolveLabel(ref);
    if (problem) return [`${ref}: ${problem} (${GLOSSARY_FILE}:${term.line})`];
    return texts
        .filter((text) => !text.includes(term.chinese))
        .map(
            (text) =>
                `${ref} reads "${text}"; the glossary says "${term.chinese}" (${GLOSSARY_FILE}:${term.line})`
        );
}

describe('labels use the glossary term', () => {
    const bound = terms.flatMap((t) => t.labels.map((ref) => [`${t.chinese} ← ${ref}`, t, ref] as const));

    it('binds the terms that have a label to it', () => {
        expect(bound.length).toBeGreaterThan(30);
    });

    it.each(bound)('%s', (_name, term: GlossaryTerm, ref: string) => {
        expect(labelFindings(term, ref)).toEqual([]);
    });

    it('fails when a label does not use the term, or the reference points nowhere (negative cases)', () => {
        const line = 1;
        expect(
            labelFindings({ chinese: '采购', line }, 'Stakeholder_Assessment__c.Role__c=Procurement')
        ).toEqual([]);
        expect(
            labelFindings({ chinese: '销售机会', line }, 'Stakeholder_Assessment__c.Opportunity__c')
        ).toEqual([
            expect.stringContaining(
                'Stakeholder_Assessment__c.Opportunity__c reads "业务机会"; the glossary says "销售机会"'
            )
        ]);
        expect(labelFindings({ chinese: '输', line }, 'band=Losing')).toEqual([
            expect.stringContaining('band=Losing reads "基本丢单"')
        ]);
        expect(labelFindings({ chinese: '评估', line }, 'band=Nowhere')).toEqual([
            expect.stringContaining('no such band in the model')
        ]);
        expect(labelFindings({ chinese: '评估', line }, 'Stakeholder_Assessment__c.Role__c=Nobody')).toEqual([
            expect.stringContaining('no picklist value Nobody')
        ]);
    });
});
