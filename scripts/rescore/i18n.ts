import { Lang, LocalizedText, toLang } from 'c/dealControlModel';

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
    const apply = (s: string): string =>
        s.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
    return { en: apply(text.en), zh: apply(text.zh) };
}

/** An error whose message a person can act on, in both languages, with the exit code it implies. */
export class RescoreError extends Error {
    // `declare` keeps these out of the emitted class fields: the LWC Jest transformer would otherwise
    // treat a subclass with fields as a component and pull in the `lwc` engine.
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
