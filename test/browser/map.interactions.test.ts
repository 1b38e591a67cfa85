// The political map in the browser, as a rep uses it: a link added, changed and removed through the
// form (each save goes to the store, and the map asks the deal query again and draws what is
// stored), and every person and line reached with the keyboard alone.
import type { Page } from 'playwright-core';
import { LANGS, WIDTHS, layoutViolations, openPreview, seriousA11yViolations } from './support/previewPage';
import { toasts } from './support/rep';

const WANG_JIAN = 'a01000000000001AAA';
const ZHANG_TAO = 'a01000000000004AAA';
const REPORTS_TO = 'a03000000000001AAA';

interface StoreLog {
    op: string;
    input: unknown;
    options?: unknown;
}

const storeLog = (page: Page): Promise<StoreLog[]> =>
    page.evaluate(
        () => (window as unknown as { __preview: { store: { log: StoreLog[] } } }).__preview.store.log
    );

/** The sentences of the list view, which says in text what the map draws. */
async function listedLines(page: Page): Promise<string[]> {
    // From the keyboard: the "saved" toast may lie over the buttons, as on a record page.
    await page.locator('[data-id="view-list"]').focus();
    await page.keyboard.press('Enter');
    const sentences = await page.locator('.list-line .sentence').allInnerTexts();
    await page.locator('[data-id="view-map"]').focus();
    await page.keyboard.press('Enter');
    await page.locator('svg.map').waitFor();
    return sentences;
}

/** Waits until the value read is the one expected (the map redraws after its query answers). */
async function until<T>(read: () => Promise<T>, expected: T, timeoutMs = 5000): Promise<void> {
    const started = Date.now();
    while ((await read()) !== expected) {
        if (Date.now() - started > timeoutMs) {
            expect(await read()).toBe(expected);
            return;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
}

async function saveForm(page: Page): Promise<void> {
    await page.locator('c-stakeholder-link-form lightning-button[data-id="save"] button').click();
    await page.locator('c-stakeholder-link-form').waitFor({ state: 'detached' });
}

describe('the political map: links', () => {
    it.concurrent('adds, changes and removes a link, and draws what the store holds after each', async () => {
        const { page, errors, close } = await openPreview(
            { component: 'map', width: 840 },
            { ownContext: true }
        );
        try {
            const lines = page.locator('svg.map .line-target');
            expect(await lines.count()).toBe(6);

            // Add: 张涛 influences 王建, strongly.
            await page.locator('lightning-button[data-id="add-link"] button').click();
            const form = page.locator('c-stakeholder-link-form');
            await form.waitFor();
            await form.locator('select.from').selectOption(ZHANG_TAO);
            await form.locator('select.type').selectOption('Influences');
            await form.locator('select.to').selectOption(WANG_JIAN);
            await form.locator('select.strength').selectOption('Strong');
            expect(await form.locator('.reads-as').innerText()).toBe('Reads as: 张涛 influences 王建');
            await saveForm(page);
            await expect(toasts(page).first().innerText()).resolves.toContain('Link saved');
            await until(() => lines.count(), 7);
            expect(await listedLines(page)).toContain('张涛 influences 王建 (strength: Strong)');

            // Change, from the keyboard: Enter on the drawn line opens its form.
            await page.locator(`svg.map .line-target[data-line="${REPORTS_TO}"]`).focus();
            await page.keyboard.press('Enter');
            await form.waitFor();
            expect(await form.locator('select.strength').inputValue()).toBe('Strong');
            await form.locator('select.strength').selectOption('Weak');
            await saveForm(page);
            expect(await listedLines(page)).toContain('仇明 reports to 王建 (strength: Weak)');

            // Remove, after confirming.
            await page.locator(`svg.map .line-target[data-line="${REPORTS_TO}"]`).focus();
            await page.keyboard.press('Enter');
            await form.locator('lightning-button[data-id="remove"] button').click();
            await form.locator('c-delete-confirmation lightning-button.confirm-delete button').click();
            await form.waitFor({ state: 'detached' });
            await until(() => lines.count(), 6);
            expect(await page.locator(`svg.map .line-target[data-line="${REPORTS_TO}"]`).count()).toBe(0);
            expect((await listedLines(page)).join('\n')).not.toContain('仇明 reports to 王建');

            const log = await storeLog(page);
            expect(log.map((entry) => entry.op)).toEqual(['create', 'update', 'update', 'delete']);
            // The change and the removal were checked against the version the rep saw.
            expect(log[1].options).toEqual({ ifUnmodifiedSince: '2026-03-02T02:01:00.000Z' });
            expect(errors).toEqual([]);
        } finally {
            await close();
        }
    });

    it.concurrent('refuses a second copy of a stored link before sending it', async () => {
        const { page, close } = await openPreview({ component: 'map', lang: 'zh-CN', width: 390 });
        try {
            await page.locator('lightning-button[data-id="add-link"] button').click();
            const form = page.locator('c-stakeholder-link-form');
            await form.locator('select.from').selectOption('a01000000000002AAA');
            await form.locator('select.type').selectOption('Reports_To');
            await form.locator('select.to').selectOption(WANG_JIAN);
            await form.locator('lightning-button[data-id="save"] button').click();
            expect(
                await form.locator('[data-field="Link_Type__c"] .slds-form-element__help').innerText()
            ).toBe('这两人之间已记录了相同类型的关系。请修改已有的关系，不要重复添加。');
            expect(await storeLog(page)).toEqual([]);
        } finally {
            await close();
        }
    });
});

describe('the political map: the link form', () => {
    it.concurrent.each(LANGS.flatMap((lang) => WIDTHS.map((width) => [lang, width] as const)))(
        'in %s at %i px keeps the layout rules, labels every choice and shows a refusal at its field',
        async (lang, width) => {
            const { page, errors, close } = await openPreview({ component: 'map', lang, width });
            try {
                await page.locator('lightning-button[data-id="add-link"] button').click();
                const form = page.locator('c-stakeholder-link-form');
                await form.waitFor();
                // Saving an empty draft shows an error at each of the three required choices.
                await form.locator('lightning-button[data-id="save"] button').click();
                await form.locator('.slds-has-error').first().waitFor();
                expect(await form.locator('.slds-has-error').count()).toBe(3);
                // Each select is named by its visible label (the ids are the component's own).
                expect(await page.getByLabel(lang === 'zh-CN' ? '前一人' : 'First person').count()).toBe(1);
                expect(await layoutViolations(page)).toEqual([]);
                expect(await seriousA11yViolations(page)).toEqual([]);
                expect(errors).toEqual([]);
            } finally {
                await close();
            }
        }
    );
});

describe('the political map: on a phone', () => {
    it.concurrent(
        'opens as the list; the map fits the screen, and zoomed it pans inside its box, not the page',
        async () => {
            const { page, errors, close } = await openPreview({
                component: 'map',
                lang: 'zh-CN',
                width: 390
            });
            try {
                expect(await page.locator('.list-person').count()).toBe(6);
                await page.locator('[data-id="view-map"]').click();
                const drawing = page.locator('svg.map');
                await drawing.waitFor();
                expect((await drawing.boundingBox())!.width).toBeLessThanOrEqual(390);
                expect(await layoutViolations(page)).toEqual([]);
                expect(await seriousA11yViolations(page)).toEqual([]);

                await page.locator('lightning-button-icon[data-id="zoom"] button').click();
                await until(async () => (await drawing.boundingBox())!.width > 390, true);
                const scroller = page.locator('[data-id="map-scroll"]');
                const scrollable = await scroller.evaluate((el) => el.scrollWidth > el.clientWidth);
                expect(scrollable).toBe(true);
                await scroller.evaluate((el) => el.scrollTo({ left: 200 }));
                expect(await scroller.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
                // The page itself never scrolls sideways.
                expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
                    390
                );
                expect(errors).toEqual([]);
            } finally {
                await close();
            }
        }
    );
});

describe('the political map: keyboard', () => {
    it.concurrent(
        'reaches every person and every line with Tab, and Enter on a person opens the editor',
        async () => {
            const { page, close } = await openPreview({ component: 'map', width: 840 });
            try {
                const focused = () =>
                    page.evaluate(() => {
                        const active = document.querySelector('c-stakeholder-map')!.shadowRoot!.activeElement;
                        return (
                            active?.getAttribute('data-person') ?? active?.getAttribute('data-line') ?? null
                        );
                    });
                await page.locator('svg.map g.person').first().focus();
                const reached: string[] = [];
                for (let i = 0; i < 12; i++) {
                    reached.push((await focused()) ?? '');
                    await page.keyboard.press('Tab');
                }
                const people = await page
                    .locator('svg.map g.person')
                    .evaluateAll((gs) => gs.map((g) => g.getAttribute('data-person')));
                const lines = await page
                    .locator('svg.map .line-target')
                    .evaluateAll((ps) => ps.map((p) => p.getAttribute('data-line')));
                expect(reached).toEqual([...people, ...lines]);

                await page.locator(`svg.map g.person[data-person="${WANG_JIAN}"]`).focus();
                await page.keyboard.press('Enter');
                const editor = page.locator('c-stakeholder-editor');
                await editor.waitFor();
                // The grid's editor, on the person whose circle had focus.
                expect(
                    await page.evaluate(
                        () =>
                            (
                                document
                                    .querySelector('c-stakeholder-map')!
                                    .shadowRoot!.querySelector('c-stakeholder-editor') as unknown as {
                                    record: { Id: string };
                                }
                            ).record.Id
                    )
                ).toBe(WANG_JIAN);
            } finally {
                await close();
            }
        }
    );
});
