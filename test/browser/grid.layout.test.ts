import { STATES, layoutViolations, openPreview, seriousA11yViolations } from './support/previewPage';
import { LAYOUT_GROUPS, matrixPage } from './support/layoutMatrix';

describe.each(LAYOUT_GROUPS)('grid in %s at %i px', (lang, width) => {
    const page = matrixPage('grid', lang, width);
    beforeAll(() => page.open());
    afterAll(() => page.close());
    test.each(STATES)('state %s', (state) => page.check(state));
});

// The political map in the grid: each person's camp under the name, and who pulls a person against
// us named in the INFLUENCED_AGAINST badge (the pulledAgainst case: 李静, against us, strongly
// influences 王乘). Long, mixed-language camp names must wrap inside the person's cell or card.
const CAMP_LABEL = { 'en-US': 'Camp: ', 'zh-CN': '阵营：' } as const;
const PULLED_BADGE = { 'en-US': 'Pulled against us: 李静', 'zh-CN': '受反对方左右：李静' } as const;

describe.each(LAYOUT_GROUPS)('grid camps and pullers in %s at %i px', (lang, width) => {
    it('shows the camp and the puller name, visibly, within the layout rules', async () => {
        const { page, errors, close } = await openPreview({
            component: 'grid',
            lang,
            width,
            fixture: 'pulledAgainst'
        });
        try {
            const wangCheng = page.locator('[data-row="a01000000000005AAA"]').first();
            const camp = wangCheng.locator('.camp');
            await camp.waitFor();
            expect(await camp.innerText()).toBe(`${CAMP_LABEL[lang]}Executive VP's side (常务副总一方)`);
            expect(await camp.isVisible()).toBe(true);
            // The table puts the badges in the row group under the person's row; a card holds them.
            const badges =
                width > 480
                    ? page.locator('[data-insights-for="a01000000000005AAA"]')
                    : page.locator('li[data-row="a01000000000005AAA"]');
            const pulled = badges.locator('[data-code="INFLUENCED_AGAINST"]');
            expect(await pulled.isVisible()).toBe(true);
            expect(await pulled.innerText()).toContain(PULLED_BADGE[lang]);
            // 张涛's camp is not known: no empty line for it.
            await expect(page.locator('[data-row="a01000000000004AAA"] .camp').count()).resolves.toBe(0);
            expect(await layoutViolations(page)).toEqual([]);
            expect(await seriousA11yViolations(page)).toEqual([]);
            expect(errors).toEqual([]);
        } finally {
            await close();
        }
    });
});
