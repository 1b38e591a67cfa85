import { Lang, LocalizedText, fillTemplate, toLang } from 'c/dealControlModel';

/**
 * Every text the script shows a person exists in English and Simplified Chinese. The language
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

/** A bilingual text with `{name}` placeholders filled from params. */
export function fill(text: LocalizedText, params: Readonly<Record<string, string | number>>): LocalizedText {
    return { en: fillTemplate(text.en, params), zh: fillTemplate(text.zh, params) };
}

/** An error whose message a person can act on, in both languages, with the exit code it implies. */
export class RescoreError extends Error {
    // `declare`: assigned in the constructor after super(), not as class-field initialisers.
    declare readonly text: LocalizedText;
    declare readonly exitCode: number;
    declare readonly code: string;

    constructor(code: string, text: LocalizedText, exitCode = 3) {
        super(text.en);
        this.name = 'RescoreError';
        this.code = code;
        this.text = text;
        this.exitCode = exitCode;
    }
}
