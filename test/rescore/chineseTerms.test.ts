import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * The admin scripts' Chinese texts use the product's terms (业务机会, 五维评估, 控单得分, 控单区间,
 * 存疑提示, 采购决策者 …), never the variants the glossary rules out, and full-width punctuation.
 */

const ROOT = path.resolve(__dirname, '../..');
const DIRS = ['scripts/rescore', 'scripts/purge', 'scripts/shared'];
const RULED_OUT = [
    '商机',
    '干系人',
    '决策相关人',
    '采购决策成员',
    '采购决策链',
    '决策地图',
    '评分卡',
    '区间等级',
    '将输',
    '警告',
    '洞察代码',
    '证据代码',
    '管道'
];

function sources(): Array<{ file: string; text: string }> {
    return DIRS.flatMap((dir) =>
        readdirSync(path.join(ROOT, dir))
            .filter((name) => name.endsWith('.ts'))
            .map((name) => ({
                file: `${dir}/${name}`,
                text: readFileSync(path.join(ROOT, dir, name), 'utf8')
            }))
    );
}

/** String literals (the t() texts are single-quoted) that hold Chinese. */
function chineseTexts(text: string): string[] {
    return [...text.matchAll(/'((?:[^'\\\n]|\\.)*)'/g)]
        .map((m) => m[1])
        .filter((s) => /[\u4e00-\u9fff]/.test(s));
}

it('finds the scripts and their Chinese texts', () => {
    expect(sources().flatMap((s) => chineseTexts(s.text)).length).toBeGreaterThan(150);
});

it.each(sources().map((s) => [s.file, s.text]))(
    '%s uses the glossary terms and full-width punctuation',
    (_file, text) => {
        for (const zh of chineseTexts(text)) {
            for (const term of RULED_OUT)
                expect({ text: zh, term: zh.includes(term) }).toEqual({ text: zh, term: false });
            expect(zh).not.toMatch(/Deal Control/);
            // A CJK character followed by an ASCII colon, comma, semicolon or parenthesis is a half-width slip.
            expect(zh).not.toMatch(/[\u4e00-\u9fff][:,;()]/);
        }
    }
);
