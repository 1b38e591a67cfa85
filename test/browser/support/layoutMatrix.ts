// The layout matrix of one component: for every language × width, one page, shown in each of the
// seven states in turn (a fresh component on fresh stubs each time, as a new page load would give,
// without loading the 5 MB page again). In each state: no page error, every layout rule kept, and
// no serious or critical axe-core violation.
import {
    LANGS,
    WIDTHS,
    type ComponentName,
    type Lang,
    type OpenedPage,
    type State,
    layoutViolations,
    openPreview,
    resetViewport,
    seriousA11yViolations
} from './previewPage';

export const LAYOUT_GROUPS = LANGS.flatMap((lang) => WIDTHS.map((width) => [lang, width] as [Lang, number]));

export interface MatrixPage {
    open(): Promise<void>;
    close(): Promise<void>;
    check(state: State): Promise<void>;
}

export function matrixPage(component: ComponentName, lang: Lang, width: number): MatrixPage {
    let opened: OpenedPage | null = null;
    return {
        async open() {
            opened = await openPreview({ component, lang, width, state: 'ok' });
        },
        async close() {
            await opened?.close();
        },
        async check(state) {
            const { page, errors } = opened!;
            const before = errors.length;
            await resetViewport(page, width);
            const shownErrors = await page.evaluate(
                (s) =>
                    (
                        window as unknown as { __preview: { show(c: { state: string }): Promise<string[]> } }
                    ).__preview.show({ state: s }),
                state
            );
            expect([...errors.slice(before), ...shownErrors]).toEqual([]);
            expect(
                await page.evaluate(
                    () =>
                        (window as unknown as { __preview: { params: { state: string } } }).__preview.params
                            .state
                )
            ).toBe(state);
            expect(await layoutViolations(page)).toEqual([]);
            expect(await seriousA11yViolations(page)).toEqual([]);
        }
    };
}
