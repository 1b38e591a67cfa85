import { Lang, LocalizedText, fillTemplate } from 'c/dealControlModel';

export { fill, say, setLang } from '../rescore/i18n';

/** Like fill(), but a parameter may itself be bilingual: each language gets its own wording. */
export function fillEach(
    text: LocalizedText,
    params: Readonly<Record<string, string | number | LocalizedText>>
): LocalizedText {
    const pick = (language: Lang) =>
        Object.fromEntries(
            Object.entries(params).map(([key, value]) => [
                key,
                typeof value === 'object' ? value[language] : value
            ])
        );
    return { en: fillTemplate(text.en, pick('en')), zh: fillTemplate(text.zh, pick('zh')) };
}

/** A share as a whole percentage: "67 %" in English, "67%" in Chinese. */
export function percent(share: number): LocalizedText {
    const value = Math.round(share * 100);
    return { en: `${value} %`, zh: `${value}%` };
}
