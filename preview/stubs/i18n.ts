// The user's language, locale and time zone come from the page URL (?lang=en-US|zh-CN). The
// components read them once when their module loads, so a language change is a new page load.
export const PREVIEW_LANGS = ['en-US', 'zh-CN'] as const;
export type PreviewLang = (typeof PREVIEW_LANGS)[number];

export function previewLang(): PreviewLang {
    const asked = new URLSearchParams(globalThis.location?.search ?? '').get('lang');
    return (PREVIEW_LANGS as readonly string[]).includes(asked ?? '') ? (asked as PreviewLang) : 'en-US';
}

/** A rep in Shanghai for Chinese, the Jest tests' Los Angeles for English. */
export function previewTimeZone(): string {
    return previewLang() === 'zh-CN' ? 'Asia/Shanghai' : 'America/Los_Angeles';
}
