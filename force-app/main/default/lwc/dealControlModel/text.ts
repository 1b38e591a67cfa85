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

/** Fills `{name}` placeholders from params; unknown placeholders stay as written. */
export function fillTemplate(template: string, params: Readonly<Record<string, string | number>>): string {
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
        return name in params ? String(params[name]) : whole;
    });
}

/** A bilingual catalogue reduced to one language, as plain strings for a template. */
export function inLanguage<K extends string>(
    catalogue: Readonly<Record<K, LocalizedText>>,
    lang: Lang
): Record<K, string> {
    return Object.fromEntries(
        Object.entries<LocalizedText>(catalogue).map(([key, text]) => [key, text[lang]])
    ) as Record<K, string>;
}

export function t(en: string, zh: string): LocalizedText {
    return Object.freeze({ en, zh });
}
