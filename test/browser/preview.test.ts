// The preview itself: its static build opens from disk with no server, it offers exactly the
// components these tests cover (a new entry in preview/page/registry.ts must join the layout
// matrix), and it refuses parameters it does not know instead of showing something else.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { COMPONENTS, STATES, newContext, openPreview } from './support/previewPage';

describe('the preview page', () => {
    it('opens from the static build (index.html) with no server and renders a component', async () => {
        const dir = process.env.DEAL_CONTROL_PREVIEW_DIR!;
        const context = await newContext(840);
        try {
            const page = await context.newPage();
            const errors: string[] = [];
            page.on('pageerror', (error) => errors.push(error.message));
            await page.goto(`${pathToFileURL(path.join(dir, 'index.html'))}?component=scorecard&lang=zh-CN`);
            await page.waitForFunction(
                () => (window as unknown as { __preview?: { settled: boolean } }).__preview?.settled
            );
            expect(await page.locator('[data-id="score-value"]').innerText()).toBe('53 / 100');
            expect(errors).toEqual([]);
        } finally {
            await context.close();
        }
    });

    it('offers exactly the components the browser tests cover, and names them when asked for another', async () => {
        const context = await newContext(840);
        try {
            const page = await context.newPage();
            await page.goto(`${process.env.DEAL_CONTROL_PREVIEW_URL}index.html?component=nonsense`);
            await page.waitForFunction(
                () => (window as unknown as { __preview?: { settled: boolean } }).__preview?.settled
            );
            const message = await page.locator('#page-error').innerText();
            expect(message).toBe(
                `Preview error: ?component=nonsense is not one of: ${COMPONENTS.join(', ')}`
            );
        } finally {
            await context.close();
        }
    });

    it.each([
        ['lang=fr-FR', '?lang=fr-FR is not one of: en-US, zh-CN'],
        [
            'state=broken',
            '?state=broken is not one of: ok, empty, loading, errors, partial, saveConflict, saveFieldErrors'
        ],
        ['width=20', '?width=20 must be 280–2000 (px)'],
        ['fixture=nope', '?fixture=nope is not one of: vitaminErp, empty, pulledAgainst']
    ])('refuses %s', async (query, expected) => {
        const context = await newContext(840);
        try {
            const page = await context.newPage();
            await page.goto(`${process.env.DEAL_CONTROL_PREVIEW_URL}index.html?component=grid&${query}`);
            await page.waitForFunction(
                () => (window as unknown as { __preview?: { settled: boolean } }).__preview?.settled
            );
            expect(await page.locator('#page-error').innerText()).toBe(`Preview error: ${expected}`);
        } finally {
            await context.close();
        }
    });

    // The layout matrix shows the states in turn on one page; each also opens from its own URL.
    it.concurrent.each(STATES)('opens ?state=%s from its URL with no page error', async (state) => {
        const opened = await openPreview({ component: 'grid', lang: 'zh-CN', width: 390, state });
        try {
            expect(opened.errors).toEqual([]);
            expect(
                await opened.page.evaluate(
                    () =>
                        (window as unknown as { __preview: { params: { state: string } } }).__preview.params
                            .state
                )
            ).toBe(state);
            expect(await opened.page.locator('c-stakeholder-grid').count()).toBe(1);
        } finally {
            await opened.close();
        }
    });
});
