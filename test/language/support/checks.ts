import { ForbiddenVariant, GLOSSARY_FILE } from './glossary';
import { TextUnit, hasHan, isChinese, textUnitsOf, withoutRegexLiterals } from './textUnits';

/** One problem, worded so the person who meets it in CI can fix it without reading the test. */
export interface Finding {
    readonly file: string;
    readonly line: number;
    readonly message: string;
}

export function formatFinding(f: Finding): string {
    return `${f.file}:${f.line}: ${f.message}`;
}

function excerpt(text: string, index: number, length: number): string {
    const start = Math.max(0, index - 12);
    const end = Math.min(text.length, index + length + 12);
    return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
}

interface Match {
    readonly index: number;
    readonly length: number;
    readonly variant: ForbiddenVariant;
}

function matchesIn(text: string, variants: readonly ForbiddenVariant[]): Match[] {
    const all: Match[] = [];
    for (const variant of variants) {
        let from = 0;
        for (;;) {
            const index = text.indexOf(variant.variant, from);
            if (index < 0) break;
            all.push({ index, length: variant.variant.length, variant });
            from = index + 1;
        }
    }
    // One report per spot: the longest variant found there, not also the shorter ones inside it.
    all.sort((a, b) => b.length - a.length || a.index - b.index);
    const kept: Match[] = [];
    for (const m of all) {
        if (!kept.some((k) => m.index < k.index + k.length && k.index < m.index + m.length)) kept.push(m);
    }
    return kept.sort((a, b) => a.index - b.index);
}

function variantMessage(m: Match, text: string): string {
    const { variant, term } = m.variant;
    return (
        `"${variant}" is not the glossary's word: write "${term.chinese}" (${term.english}, ` +
        `${GLOSSARY_FILE}:${term.line}) in "${excerpt(text, m.index, m.length)}"`
    );
}

const NEXT_TO_CHINESE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’]/u;

/** Whether a Latin variant sits right against Chinese text ("报表文件夹"Deal Control""). */
function touchesChinese(text: string, index: number, length: number): boolean {
    const before = text.slice(0, index).replace(/[\s*_"'`]+$/u, '');
    const after = text.slice(index + length).replace(/^[\s*_"'`]+/u, '');
    return NEXT_TO_CHINESE.test(before.slice(-1)) || NEXT_TO_CHINESE.test(after.slice(0, 1));
}

/**
 * Forbidden glossary variants in one file. A Chinese variant is wrong anywhere (code comments,
 * test expectations and docs included); a Latin one ("Deal Control") only in Chinese text.
 */
export function findForbiddenVariants(
    file: string,
    content: string,
    variants: readonly ForbiddenVariant[]
): Finding[] {
    const chineseVariants = variants.filter((v) => hasHan(v.variant));
    const latinVariants = variants.filter((v) => !hasHan(v.variant));
    const findings: Finding[] = [];
    withoutRegexLiterals(file, content)
        .split('\n')
        .forEach((lineText, i) => {
            if (!hasHan(lineText)) return;
            for (const m of matchesIn(lineText, chineseVariants)) {
                findings.push({ file, line: i + 1, message: variantMessage(m, lineText) });
            }
        });
    if (latinVariants.length > 0) {
        for (const unit of textUnitsOf(file, content)) {
            if (!hasHan(unit.prose)) continue;
            const chinese = isChinese(unit.prose);
            for (const m of matchesIn(unit.prose, latinVariants)) {
                if (chinese || touchesChinese(unit.prose, m.index, m.length)) {
                    findings.push({ file, line: unit.line, message: variantMessage(m, unit.prose) });
                }
            }
        }
    }
    return findings.sort((a, b) => a.line - b.line);
}

const FULL_WIDTH: Readonly<Record<string, string>> = {
    ',': '，',
    ':': '：',
    ';': '；',
    '(': '（',
    ')': '）',
    '?': '？',
    '!': '！',
    '"': '“ ”'
};
const HAN = /\p{Script=Han}/u;

/** ASCII punctuation written right against a Chinese character, in Chinese text only. */
export function findAsciiPunctuationInUnit(unit: TextUnit): Finding[] {
    const text = unit.prose;
    if (!isChinese(text)) return [];
    const findings: Finding[] = [];
    for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        const replacement = FULL_WIDTH[ch];
        if (replacement === undefined) continue;
        if (HAN.test(text[i - 1] ?? '') || HAN.test(text[i + 1] ?? '')) {
            findings.push({
                file: unit.file,
                line: unit.line,
                message: `ASCII "${ch}" in Chinese text: write "${replacement}" in "${excerpt(text, i, 1)}"`
            });
        }
    }
    return findings;
}

export function findAsciiPunctuation(file: string, content: string): Finding[] {
    return textUnitsOf(file, content).flatMap(findAsciiPunctuationInUnit);
}
