// Chinese text uses full-width punctuation (：，；（）？！“”). The check reads only text a person
// reads (string literals, XML and template text nodes, JSON values, Markdown prose), and only text
// that is Chinese, so code (`a: b`, `f(x)`) and English sentences that mention a Chinese name pass.
import { findAsciiPunctuation, formatFinding } from './support/checks';
import {
    holdsDeliberateDefects,
    isChinese,
    listTextFiles,
    readRepoFile,
    testsEnglishInterface
} from './support/textUnits';

describe('Chinese punctuation', () => {
    it('is full-width in every Chinese text of the repository', () => {
        const findings = listTextFiles()
            .filter((file) => !holdsDeliberateDefects(file) && !testsEnglishInterface(file))
            .flatMap((file) => findAsciiPunctuation(file, readRepoFile(file)));
        expect(findings.map(formatFinding)).toEqual([]);
    });

    // Negative cases: the defects the glossary issue quotes, and one of each mark, in each kind of file.
    it.each([
        ['grid.ts', "const s = t('Support: {v}', '支持度: {v}');", 1, ':'],
        ['grid.ts', "t('Contact role: {role}', '联系人角色：影响者,决策者')", 1, ','],
        ['labels.ts', "t('Dominant need (Maslow)', '主导需求(马斯洛需求层次)')", 2, '('],
        ['labels.ts', 'const help = `第一行\n请先保存;然后关闭`;', 1, ';'],
        ['x.ts', "t('Who is the coach?', '教练是谁?')", 1, '?'],
        ['x.xml', '<a>\n    <help>由"对我方的态度"计算</help>\n</a>', 2, '"'],
        ['x.json', '{\n  "Notes__c": "王建确认:支持我们的方案"\n}', 1, ':'],
        ['x.md', '## 标题\n\n控单得分(0–100)依据 C139 计算。', 2, '(']
    ])('catches ASCII punctuation in %s: %s', (file, content, count, mark) => {
        const findings = findAsciiPunctuation(file, content);
        expect(findings).toHaveLength(count);
        expect(formatFinding(findings[0])).toMatch(
            new RegExp(`^${file}:\\d+: ASCII "\\${mark}" in Chinese text: write "`)
        );
    });

    it('names the line of the offending text in a multi-line string and in Markdown', () => {
        expect(findAsciiPunctuation('a.ts', 'const h = `第一行\n第二行:坏`;').map((f) => f.line)).toEqual([
            2
        ]);
        expect(findAsciiPunctuation('a.md', '一\n\n二\n\n三,四').map((f) => f.line)).toEqual([5]);
    });

    it('leaves code, English prose with Chinese names, literal names and code blocks alone', () => {
        const clean: Array<[string, string]> = [
            ['a.ts', 'const x: Record<string, number> = f(a, b); // 说明: 注释不是界面文字'],
            ['a.ts', "expect(text).toBe('Delete the assessment of 张涛?');"],
            ['a.ts', "t('{name} ({title})', '{name}（{title}）')"],
            ['a.ts', "t('Edit {name} ({count})', '编辑 {name}（{count}）')"],
            ['a.ts', "'--since 需要连接组织：CSV 文件没有可靠的修改时间。'"],
            ['a.xml', '<a>\n<formula>IF(ISBLANK(Win__c), 0, 1)</formula>\n<label>最高决策者</label>\n</a>'],
            ['a.json', '{ "Name": "Wang Jian (王建)", "Title__c": "VP in charge of IT" }'],
            ['a.md', 'Behind (落后) ≥ 20 · Losing (基本丢单) below 20.'],
            ['a.md', '报表中以英文 API 名称（`C139 control band`）显示。'],
            ['a.md', '术语见[术语表](glossary.md)，方法见[控单方法](method.zh-CN.md#一五维模型)。'],
            ['a.md', '```\nnpm run rescore -- --lang zh  # 中文:示例\n```']
        ];
        for (const [file, content] of clean) expect(findAsciiPunctuation(file, content)).toEqual([]);
    });

    it('reads the Chinese interface tests and skips the English ones', () => {
        expect(
            testsEnglishInterface(
                'force-app/main/default/lwc/stakeholderGrid/__tests__/stakeholderGrid.test.ts'
            )
        ).toBe(true);
        expect(
            testsEnglishInterface(
                'force-app/main/default/lwc/stakeholderGrid/__tests__/stakeholderGrid.zh.test.ts'
            )
        ).toBe(false);
        expect(testsEnglishInterface('force-app/main/default/lwc/stakeholderGrid/labels.ts')).toBe(false);
        expect(
            testsEnglishInterface(
                'force-app/main/default/lwc/dealControlData/__tests__/data/dealVitaminErp.json'
            )
        ).toBe(false);
    });

    it('tells Chinese text from English text that mentions Chinese', () => {
        expect(isChinese('编辑 {name}')).toBe(true);
        expect(isChinese('Ctrl+Enter 保存，Esc 取消。')).toBe(true);
        expect(isChinese('Delete the assessment of 张涛?')).toBe(false);
        expect(isChinese('Behind (落后) ≥ 20')).toBe(false);
        expect(isChinese('Wang Jian (王建)')).toBe(false);
        expect(isChinese('王建 (分管信息化副总)')).toBe(true);
        expect(isChinese('Settings')).toBe(false);
    });
});
