// The defects reps met when the components were first rendered in a browser (issue 9), one test
// each, written so that each would have failed on the old components.
import type { Locator, Page } from 'playwright-core';
import { LANGS, openPreview } from './support/previewPage';
import { choose, inViewport, visibleText } from './support/rep';

async function boxOf(locator: Locator) {
    const box = await locator.boundingBox();
    if (!box) throw new Error('not rendered');
    return box;
}

function intersects(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
    return (
        a.x < b.x + b.width - 1 &&
        b.x < a.x + a.width - 1 &&
        a.y < b.y + b.height - 1 &&
        b.y < a.y + a.height - 1
    );
}

/** Runs a check on a fresh preview page and closes it. */
async function onPage(
    params: Parameters<typeof openPreview>[0],
    check: (page: Page) => Promise<void>
): Promise<void> {
    const opened = await openPreview(params);
    try {
        await check(opened.page);
        expect(opened.errors).toEqual([]);
    } finally {
        await opened.close();
    }
}

describe('1. grid at 840 px: every column, Edit and Delete inside the record page column', () => {
    it.concurrent.each(LANGS)('%s', (lang) =>
        onPage({ component: 'grid', lang, width: 840 }, async (page) => {
            const stage = await boxOf(page.locator('#stage'));
            const table = page.locator('table.grid');
            expect((await boxOf(table)).width).toBeLessThanOrEqual(stage.width);
            for (const selector of ['lightning-button.edit', 'lightning-button-icon.delete', 'td.support']) {
                const items = await page.locator(selector).all();
                expect(items.length).toBeGreaterThanOrEqual(6);
                for (const item of items) {
                    const box = await boxOf(item);
                    expect(box.x + box.width).toBeLessThanOrEqual(stage.x + stage.width);
                }
            }
            // The support value is whole, not "-1 Non-suppo".
            expect(await page.locator('tr[data-row="a01000000000002AAA"] td.support').innerText()).toBe(
                lang === 'en-US' ? '-1 Non-supporter' : '-1 非支持者'
            );
        })
    );
});

describe('2. grid in Chinese: insight badges never cover Edit', () => {
    it.concurrent.each([840, 390])('at %i px', (width) =>
        onPage({ component: 'grid', lang: 'zh-CN', width }, async (page) => {
            const badges = await Promise.all((await page.locator('.insight').all()).map(boxOf));
            const buttons = await Promise.all(
                (await page.locator('lightning-button.edit button').all()).map(boxOf)
            );
            expect(badges.length).toBeGreaterThan(0);
            for (const badge of badges)
                for (const button of buttons) expect(intersects(badge, button)).toBe(false);
        })
    );
});

describe('3. grid: the position badges stay in their cell, clear of the Influence value', () => {
    it.concurrent.each(LANGS)('%s', (lang) =>
        onPage({ component: 'grid', lang, width: 840 }, async (page) => {
            const row = page.locator('tr[data-row="a01000000000001AAA"]');
            const cell = await boxOf(row.locator('th.person'));
            const influence = await boxOf(row.locator('td.influence span'));
            for (const badge of await row.locator('.badge-top, .badge-body').all()) {
                const box = await boxOf(badge);
                expect(box.x + box.width).toBeLessThanOrEqual(cell.x + cell.width);
                expect(intersects(box, influence)).toBe(false);
            }
        })
    );
});

describe('4. grid on a phone: compact cards, the summary and "Work on next" first, the summary named once', () => {
    it.concurrent.each(LANGS)('%s', (lang) =>
        onPage({ component: 'grid', lang, width: 390 }, async (page) => {
            const summary = await boxOf(page.locator('.summary'));
            const workNext = await boxOf(page.locator('.work-next'));
            const firstCard = await boxOf(page.locator('li.person-card').first());
            expect(summary.y).toBeLessThan(workNext.y);
            expect(workNext.y).toBeLessThan(firstCard.y);
            const cards = await page.locator('li.person-card.assessment').all();
            expect(cards).toHaveLength(6);
            // One compact card each (the old stacked table took about 780 px per person); the camp
            // (contract v1.1) adds one short line under the title.
            for (const card of cards) expect((await boxOf(card)).height).toBeLessThan(280);
            expect((await boxOf(page.locator('c-stakeholder-grid'))).height).toBeLessThan(3000);
            const text = await visibleText(page);
            const title = lang === 'en-US' ? 'The committee at a glance' : '全体采购决策者概览';
            expect(text.split(title)).toHaveLength(2);
            // Details on tap.
            const details = page.locator('li.person-card.assessment details').first();
            expect(await details.locator('dd').first().isVisible()).toBe(false);
            await details.locator('summary').click();
            expect(await details.locator('dd').first().isVisible()).toBe(true);
        })
    );
});

describe('5. errors: a plain sentence with what to do, one style everywhere, the raw text only behind "details"', () => {
    const RAW =
        /Validation error of type|FieldUndefined|bad value for restricted picklist|NETWORK_ERROR|PRECONDITION_FAILED/;
    // Component, state, and a piece of the platform's text that must wait behind "details".
    const cases = [
        ['grid', 'errors', 'FieldUndefined'],
        ['grid', 'partial', 'FieldUndefined'],
        ['scorecard', 'errors', 'FieldUndefined'],
        ['scorecard', 'saveFieldErrors', 'bad value for restricted picklist'],
        ['editor', 'errors', 'Failed to fetch'],
        ['editor', 'saveFieldErrors', 'bad value for restricted picklist'],
        ['quick', 'errors', 'FieldUndefined']
    ] as const;
    it.concurrent.each(cases)('%s, state %s', (component, state, raw) =>
        onPage({ component, state, width: 390 }, async (page) => {
            const panels = page.locator('c-error-panel [data-id="error-panel"]');
            expect(await panels.count()).toBeGreaterThanOrEqual(1);
            expect(await visibleText(page)).not.toMatch(RAW);
            expect(await visibleText(page)).not.toContain(raw);
            expect(await page.locator('[data-id="error-advice"]').first().innerText()).toMatch(
                /Check your connection|Ask your Salesforce admin|Correct them and save again/
            );
            // The platform text is there for whoever investigates, one tap away.
            const details = page.locator('[data-id="error-details"]').first();
            await details.locator('summary').click();
            expect(await details.innerText()).toContain(raw);
            // One style: the same panel component and border everywhere.
            const border = await panels.first().evaluate((e) => getComputedStyle(e).borderLeftWidth);
            expect(border).toBe('4px');
        })
    );
});

describe('6. the editor: its live reading stays where the rep looks; Edit from the grid does not push the row away', () => {
    it.concurrent.each([840, 390])(
        'the live reading stays in view while the rep edits the last section, at %i px',
        (width) =>
            onPage({ component: 'editor', width }, async (page) => {
                const live = page.locator('[data-id="live"]');
                const notes = page.locator('.field[data-field="Notes__c"]');
                await notes.scrollIntoViewIfNeeded();
                expect(await inViewport(page, notes)).toBe(true);
                expect(await inViewport(page, live)).toBe(true);
                expect(await inViewport(page, page.locator('lightning-button.save button'))).toBe(true);
            })
    );
});

describe('7. scorecard and editor use the width on a desktop; meanings one tap away everywhere', () => {
    it.concurrent('scorecard at 840 px: the score beside the questions, jump links, collapsible groups', () =>
        onPage({ component: 'scorecard', width: 840 }, async (page) => {
            const score = await boxOf(page.locator('[data-id="score"]'));
            const questions = await boxOf(page.locator('.questions'));
            expect(score.x).toBeGreaterThanOrEqual(questions.x + questions.width);
            await page.locator('nav button[data-group="Clear"]').click();
            await page.waitForTimeout(600);
            expect(await inViewport(page, page.locator('details[data-group="Clear"] > summary'))).toBe(true);
            await page.locator('details[data-group="First"] > summary').click();
            expect(await page.locator('details[data-group="First"] c-choice-group').first().isVisible()).toBe(
                false
            );
        })
    );

    it.concurrent('editor at 840 px: two columns and jump links', () =>
        onPage({ component: 'editor', width: 840 }, async (page) => {
            const form = await boxOf(page.locator('form.form'));
            const side = await boxOf(page.locator('aside.side'));
            expect(side.x).toBeGreaterThanOrEqual(form.x + form.width);
            // One per section: the person, the five dimensions, the relationships, the action.
            expect(await page.locator('nav.jump-links button').allInnerTexts()).toEqual([
                'Person',
                'Five dimensions',
                'Relationships',
                'Next action and evidence'
            ]);
        })
    );

    it.concurrent.each([
        ['scorecard', 390],
        ['editor', 390],
        ['scorecard', 840]
    ] as const)('%s at %i px: the meanings are closed until tapped', (component, width) =>
        onPage({ component, width }, async (page) => {
            const meanings = page.locator('c-choice-group details[data-id="meanings"]');
            expect(await meanings.count()).toBeGreaterThan(5);
            for (const details of await meanings.all()) expect(await details.getAttribute('open')).toBeNull();
            const first = meanings.first();
            await first.locator('summary').click();
            expect(await first.locator('dd').first().isVisible()).toBe(true);
        })
    );
});

describe('8. small slips', () => {
    it.concurrent('影响力 and every other header stays on one line per word', () =>
        onPage({ component: 'grid', lang: 'zh-CN', width: 840 }, async (page) => {
            const influence = page.locator('button.sort[data-key="influence"]');
            const lines = await influence.evaluate((button) => {
                // The line tops of the header's text (its own words and the sort arrow).
                const walker = document.createTreeWalker(button, NodeFilter.SHOW_TEXT);
                const tops: number[] = [];
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    const range = document.createRange();
                    range.selectNodeContents(node);
                    for (const rect of Array.from(range.getClientRects())) tops.push(rect.top);
                }
                return tops.filter((top, i) => tops.findIndex((t) => Math.abs(t - top) < 4) === i).length;
            });
            expect(lines).toBe(1);
        })
    );

    it.concurrent('"Supporter · Dimensions known": the live reading is a list with proper spacing', () =>
        onPage({ component: 'editor', width: 840 }, async (page) => {
            const text = await page.locator('[data-id="live"]').innerText();
            expect(text).not.toMatch(/\S·|·\S/);
            expect(await page.locator('[data-id="live"] .support dd').innerText()).toBe('+1 Supporter');
            expect(await page.locator('[data-id="live"] .known dd').innerText()).toBe('5 / 5');
        })
    );

    it.concurrent('the score breakdown: one group per line, no line starting with "·"', () =>
        onPage({ component: 'scorecard', width: 390 }, async (page) => {
            const items = await page.locator('[data-id="group-summaries"] li').all();
            expect(items).toHaveLength(4);
            const lefts = await Promise.all(items.map(async (item) => (await boxOf(item)).x));
            expect(new Set(lefts).size).toBe(1);
            for (const item of items) {
                expect((await item.innerText()).startsWith('·')).toBe(false);
                expect(await item.evaluate((e) => getComputedStyle(e, '::before').content)).toMatch(
                    /^(none|normal)$/
                );
            }
        })
    );

    it.concurrent('"Work on next": the same spacing between every person, the action under the name', () =>
        onPage({ component: 'grid', width: 840 }, async (page) => {
            const items = await Promise.all((await page.locator('.work-next-item').all()).map(boxOf));
            expect(items).toHaveLength(3);
            const gaps = [
                items[1].y - (items[0].y + items[0].height),
                items[2].y - (items[1].y + items[1].height)
            ];
            expect(Math.abs(gaps[0] - gaps[1])).toBeLessThanOrEqual(1);
            const who = await boxOf(page.locator('.work-next-who').first());
            const action = await boxOf(page.locator('.work-next-action').first());
            expect(action.y).toBeGreaterThanOrEqual(who.y + who.height - 1);
            expect(Math.abs(action.x - who.x)).toBeLessThanOrEqual(1);
        })
    );

    it.concurrent.each(['loading', 'errors'] as const)('Add stakeholder is disabled while %s', (state) =>
        onPage({ component: 'grid', state, width: 840 }, async (page) => {
            expect(await page.locator('[data-id="add"] button').isDisabled()).toBe(true);
        })
    );

    it.concurrent('Edit is the bordered main action, Delete a quiet icon after it', () =>
        onPage({ component: 'grid', width: 840 }, async (page) => {
            const row = page.locator('tr[data-row="a01000000000004AAA"]');
            const edit = row.locator('lightning-button.edit button');
            const remove = row.locator('lightning-button-icon.delete button');
            expect(await edit.evaluate((e) => getComputedStyle(e).borderTopWidth)).toBe('1px');
            expect(await edit.evaluate((e) => getComputedStyle(e).borderTopStyle)).toBe('solid');
            expect(
                await remove.evaluate(
                    (e) =>
                        parseFloat(getComputedStyle(e).borderTopWidth) === 0 ||
                        getComputedStyle(e).borderTopColor === 'rgba(0, 0, 0, 0)'
                )
            ).toBe(true);
            expect((await boxOf(remove)).x).toBeGreaterThan((await boxOf(edit)).x);
        })
    );

    it.concurrent('the quick action shows its heading once', () =>
        onPage({ component: 'quick', width: 390 }, async (page) => {
            expect((await visibleText(page)).split('Assess a stakeholder')).toHaveLength(2);
        })
    );

    it.concurrent('the Ctrl+Enter hint shows on a desktop and not on a phone', async () => {
        await onPage({ component: 'editor', width: 840 }, async (page) => {
            expect(await visibleText(page)).toContain('Ctrl+Enter saves, Esc cancels.');
        });
        await onPage({ component: 'editor', width: 390 }, async (page) => {
            expect(await visibleText(page)).not.toContain('Ctrl+Enter');
        });
    });

    it.concurrent('opening a record does not put focus in Name (no keyboard popping up on a phone)', () =>
        onPage({ component: 'editor', width: 390 }, async (page) => {
            const focused = await page.evaluate(() => {
                let active: Element | null = document.activeElement;
                while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
                return active?.tagName ?? null;
            });
            expect(['BODY', null]).toContain(focused);
        })
    );

    it.concurrent('"Leading" gets a positive (green) colour, not a neutral grey', () =>
        onPage({ component: 'scorecard', width: 840 }, async (page) => {
            await choose(page, 'Win__c', 'Chose us');
            const band = page.locator('[data-id="band"]');
            await expect(band.getAttribute('data-band')).resolves.toBe('Leading');
            const [r, g, b] = (await band.evaluate((e) => getComputedStyle(e).backgroundColor))
                .match(/\d+/g)!
                .map(Number);
            const max = Math.max(r, g, b);
            const min = Math.min(r, g, b);
            expect(g).toBe(max);
            expect((max - min) / max).toBeGreaterThan(0.15);
        })
    );
});
