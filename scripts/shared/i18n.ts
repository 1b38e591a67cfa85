import { Lang, LocalizedText, fillTemplate, toLang } from 'c/dealControlModel';

/**
 * Every text an admin script shows a person exists in English and Simplified Chinese. The language
 * comes from --lang, else from the usual locale variables, so an admin in Shanghai gets Chinese
 * without a flag.
 */
let current: Lang = toLang(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG);

export function setLang(lang: Lang): void {
    current = lang;
}

export function lang(): Lang {
    return current;
}

export function say(text: LocalizedText): string {
    return text[current];
}

/** A placeholder value: the same in both languages, or itself bilingual (an object's label). */
export type TextParam = string | number | LocalizedText;

function inLang(params: Readonly<Record<string, TextParam>>, lang: Lang): Record<string, string | number> {
    const out: Record<string, string | number> = {};
    for (const [key, value] of Object.entries(params))
        out[key] = typeof value === 'object' ? value[lang] : value;
    return out;
}

/** A bilingual text with `{name}` placeholders filled from params. */
export function fill(text: LocalizedText, params: Readonly<Record<string, TextParam>>): LocalizedText {
    return {
        en: fillTemplate(text.en, inLang(params, 'en')),
        zh: fillTemplate(text.zh, inLang(params, 'zh'))
    };
}

/** Bilingual texts joined by a space (English) or nothing (Chinese, whose sentences end in 。). */
export function joinTexts(texts: readonly LocalizedText[]): LocalizedText {
    return { en: texts.map((x) => x.en).join(' '), zh: texts.map((x) => x.zh).join('') };
}
