/** Every user-facing text of the model exists in English and Simplified Chinese. */
export type Lang = 'en' | 'zh';

export interface LocalizedText {
    readonly en: string;
    readonly zh: string;
}

/**
 * Maps a locale or language tag as the platform reports it (`zh-CN`, `zh_CN`, `zh-Hans`, `en-US`)
 * to one of the model's languages. Anything that is not Chinese falls back to English.
 */
export function toLang(locale: string | null | undefined): Lang {
    return typeof locale === 'string' && /^zh\b|^zh[-_]/i.test(locale.trim()) ? 'zh' : 'en';
}

export function localize(text: LocalizedText, locale: string | null | undefined): string {
    return text[toLang(locale)];
}

export function t(en: string, zh: string): LocalizedText {
    return Object.freeze({ en, zh });
}
