// The layout matrix of one component: every language × width × state renders with no page error,
// keeps every layout rule and has no serious or critical axe-core violation. Each *.layout.test.ts
// runs one page per case, concurrently, against the shared browser.
import {
    LANGS,
    STATES,
    WIDTHS,
    type ComponentName,
    type Lang,
    type State,
    layoutViolations,
    openPreview,
    seriousA11yViolations
} from './previewPage';

export const LAYOUT_CASES = LANGS.flatMap((lang) =>
    WIDTHS.flatMap((width) => STATES.map((state) => [lang, width, state] as [Lang, number, State]))
);

export async function checkLayout(
    component: ComponentName,
    lang: Lang,
    width: number,
    state: State
): Promise<void> {
    const opened = await openPreview({ component, lang, width, state });
    try {
        expect(opened.errors).toEqual([]);
        expect(await layoutViolations(opened.page)).toEqual([]);
        expect(await seriousA11yViolations(opened.page)).toEqual([]);
    } finally {
        await opened.close();
    }
}
