import type { Locator, Page } from 'playwright-core';
import { STATES, type OpenedPage, openPreview, seriousA11yViolations } from './support/previewPage';
import { LAYOUT_GROUPS, matrixPage } from './support/layoutMatrix';

describe.each(LAYOUT_GROUPS)('scorecard in %s at %i px', (lang, width) => {
    const page = matrixPage('scorecard', lang, width);
    beforeAll(() => page.open());
    afterAll(() => page.close());
    test.each(STATES)('state %s', (state) => page.check(state));
});

async function boxOf(locator: Locator) {
    const box = await locator.boundingBox();
    if (!box) throw new Error('not rendered');
    return box;
}

/** Whether inner lies inside outer (half a pixel of rounding allowed). */
function inside(inner: Awaited<ReturnType<typeof boxOf>>, outer: typeof inner): boolean {
    return (
        inner.x >= outer.x - 0.5 &&
        inner.y >= outer.y - 0.5 &&
        inner.x + inner.width <= outer.x + outer.width + 0.5 &&
        inner.y + inner.height <= outer.y + outer.height + 0.5
    );
}

// The Vitamin Group fixture: 13 weekly snapshots from Aug 31 (38, Behind) to Nov 23 (53, Contested);
// the head of IT (a non-supporter) influences the VP in charge (the top decision maker) while Win is
// Leaning, and the coach's only line does not reach the VP (see the scorecard's Jest header comment).
const TREND_TEXT = {
    'en-US': {
        latest: 'Last snapshot, Nov 23: 53 (Contested)',
        change: '+15 since Aug 31',
        none: 'No snapshots yet'
    },
    'zh-CN': {
        latest: '最近控单快照（11月23日）：53（胶着）',
        change: '自 8月31日 以来 +15',
        none: '尚无控单快照'
    }
} as const;

describe.each(LAYOUT_GROUPS)('scorecard trend and political-map warnings in %s at %i px', (lang, width) => {
    let opened: OpenedPage;
    let page: Page;
    beforeAll(async () => {
        opened = await openPreview({ component: 'scorecard', lang, width });
        page = opened.page;
    });
    afterAll(() => opened.close());

    it('draws the trend inside the score panel, with the last score and the change in words', async () => {
        const panel = await boxOf(page.locator('[data-id="score"]'));
        const sparkline = page.locator('c-control-trend svg[role="img"]');
        expect(await sparkline.isVisible()).toBe(true);
        const drawn = await boxOf(sparkline);
        expect(drawn.height).toBeGreaterThan(40);
        expect(inside(drawn, panel)).toBe(true);
        expect(inside(panel, await boxOf(page.locator('#stage')))).toBe(true);
        expect(await page.locator('c-control-trend polyline').getAttribute('points')).toMatch(
            /^(\S+ ){12}\S+$/
        );
        expect(await sparkline.getAttribute('aria-label')).toContain(
            lang === 'en-US' ? '13 snapshots' : '13 个控单快照'
        );
        expect((await page.locator('[data-id="trend-latest"]').innerText()).trim()).toBe(
            TREND_TEXT[lang].latest
        );
        expect((await page.locator('[data-id="trend-change"]').innerText()).trim()).toBe(
            TREND_TEXT[lang].change
        );
        for (const text of ['[data-id="trend-latest"]', '[data-id="trend-change"]']) {
            expect(inside(await boxOf(page.locator(text)), panel)).toBe(true);
        }
        expect(opened.errors).toEqual([]);
    });

    it('shows WIN_UNDERMINED beside Win and COACH_NO_ACCESS beside the coach, each with its action', async () => {
        for (const [field, code] of [
            ['Win__c', 'WIN_UNDERMINED'],
            ['Coach__c', 'COACH_NO_ACCESS']
        ]) {
            const element = page.locator(`[data-element="${field}"]`);
            const finding = element.locator(`[data-code="${code}"]`);
            expect(await finding.isVisible()).toBe(true);
            expect(await finding.locator('[data-id="finding-detail"]').isVisible()).toBe(true);
            expect(await finding.locator('[data-id="finding-action"]').innerText()).toMatch(
                lang === 'en-US' ? /^Suggested action: / : /^建议行动：/
            );
            const claim = await boxOf(element.locator('.claim'));
            const box = await boxOf(element.locator('.findings'));
            // Side by side on a record page, under the claim on a phone; never over it.
            const besideClaim = box.x >= claim.x + claim.width;
            const underClaim = box.y >= claim.y + claim.height;
            expect({ besideClaim, underClaim }).toEqual({
                besideClaim: width === 840,
                underClaim: width !== 840
            });
        }
        expect(await seriousA11yViolations(page)).toEqual([]);
    });

    it('says there is no snapshot yet on a deal without a scorecard', async () => {
        const shownErrors = await page.evaluate(() =>
            (
                window as unknown as { __preview: { show(c: { state: string }): Promise<string[]> } }
            ).__preview.show({ state: 'empty' })
        );
        expect(shownErrors).toEqual([]);
        expect(await page.locator('c-control-trend svg').count()).toBe(0);
        expect(await page.locator('[data-id="trend-none"]').innerText()).toContain(TREND_TEXT[lang].none);
        expect(await page.locator('[data-id="trend-admin"]').isVisible()).toBe(true);
    });
});
