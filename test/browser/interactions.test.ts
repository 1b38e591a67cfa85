// What a rep does, done in the browser on the real components: the editor's live reading of the
// map, saving (with the grid re-querying the store), a conflict with a colleague's save, the
// scorecard's veto, and the grid's Edit and sort.
import { openPreview } from './support/previewPage';
import { choiceInput, choose, inViewport, inputOf, pickOption, toasts, typeInto } from './support/rep';

describe('the editor', () => {
    it.concurrent(
        'shows KEY_PERSON_NO_CONTACT as soon as closeness becomes "No contact", where the rep is looking',
        async () => {
            const { page, errors, close } = await openPreview({ component: 'editor', width: 840 });
            try {
                const insight = page.locator('[data-id="live"] li[data-code="KEY_PERSON_NO_CONTACT"]');
                await expect(insight.count()).resolves.toBe(0);
                await choose(page, 'Contact_Closeness__c', 'No contact');
                await insight.waitFor();
                expect(await insight.innerText()).toContain(
                    'A key person (top decision maker or high influence) with no contact with us.'
                );
                // The live reading sits beside the form and stays in view while the rep edits far below.
                expect(await inViewport(page, insight)).toBe(true);
                expect(errors).toEqual([]);
            } finally {
                await close();
            }
        }
    );

    it.concurrent('changes the support shown when the attitude changes', async () => {
        const { page, close } = await openPreview({ component: 'editor', lang: 'zh-CN', width: 390 });
        try {
            const support = page.locator('.support dd');
            await expect(support.innerText()).resolves.toBe('+1 支持者');
            await choose(page, 'Attitude_To_Us__c', '反对者');
            await expect(support.innerText()).resolves.toBe('-2 反对者');
            // On a phone the reading is in the bar at the bottom of the screen.
            expect(await inViewport(page, support)).toBe(true);
        } finally {
            await close();
        }
    });

    it.concurrent('saves and says so in a success toast', async () => {
        const { page, close } = await openPreview({ component: 'editor', width: 840 });
        try {
            await typeInto(page, 'Next_Action__c', '请王建在选型会上发言');
            await page.locator('lightning-button.save button').click();
            const toast = toasts(page).first();
            await toast.waitFor();
            expect(await toast.getAttribute('data-variant')).toBe('success');
            expect(await toast.innerText()).toContain('Assessment saved');
            const saved = await page.evaluate(
                () =>
                    (
                        window as unknown as {
                            __preview: {
                                store: {
                                    log: Array<{
                                        op: string;
                                        input: { fields: Record<string, unknown> };
                                        options: unknown;
                                    }>;
                                };
                            };
                        }
                    ).__preview.store.log
            );
            expect(saved).toHaveLength(1);
            expect(saved[0].input.fields.Next_Action__c).toBe('请王建在选型会上发言');
            expect(saved[0].options).toEqual({ ifUnmodifiedSince: '2026-03-02T01:15:00.000Z' });
        } finally {
            await close();
        }
    });
});

describe('the grid and the editor together', () => {
    it.concurrent(
        'on a conflict shows both versions and loses nothing typed; the second save goes through and the grid shows it',
        async () => {
            // A colleague changed 王建 (attitude Neutral) after this page loaded.
            const { page, errors, close } = await openPreview({
                component: 'grid',
                state: 'saveConflict',
                width: 840
            });
            try {
                const row = page.locator('tr.assessment[data-row="a01000000000001AAA"]');
                await row.locator('lightning-button.edit button').click();
                const editor = page.locator('tr.editor-row c-stakeholder-editor');
                await editor.waitFor();
                await typeInto(page, 'Next_Action__c', '王建确认其为我方指导者', 'tr.editor-row');
                await choose(page, 'Attitude_To_Us__c', 'Mentor');
                await editor.locator('lightning-button.save button').click();

                const conflict = editor.locator('.conflict');
                await conflict.locator('.conflict-table').waitFor();
                expect(await conflict.locator('tr[data-field="Attitude_To_Us__c"] .theirs').innerText()).toBe(
                    'Neutral'
                );
                expect(await conflict.locator('tr[data-field="Attitude_To_Us__c"] .yours').innerText()).toBe(
                    'Mentor'
                );
                // Nothing typed is lost.
                expect(await inputOf(page, 'Next_Action__c', 'tr.editor-row').inputValue()).toBe(
                    '王建确认其为我方指导者'
                );
                expect(await choiceInput(page, 'Attitude_To_Us__c', 'Mentor').isChecked()).toBe(true);

                await editor.locator('lightning-button.save button').click();
                await toasts(page).first().waitFor();
                // The grid asked the store again: the row shows what was saved.
                await page.locator('tr.editor-row').waitFor({ state: 'detached' });
                expect(await row.locator('td.support').innerText()).toBe('+2 Mentor');
                expect(errors).toEqual([]);
            } finally {
                await close();
            }
        }
    );

    it.concurrent(
        'opens Edit under the clicked row and keeps that row where it was on the screen',
        async () => {
            for (const width of [840, 390]) {
                const { page, close } = await openPreview({ component: 'grid', width });
                try {
                    const row = page.locator('[data-row="a01000000000004AAA"]').first();
                    await row.scrollIntoViewIfNeeded();
                    await page.mouse.wheel(0, 0);
                    const before = (await row.boundingBox())!;
                    const scrollBefore = await page.evaluate(() => window.scrollY);
                    await row.locator('lightning-button.edit button').first().click();
                    await page.locator('c-stakeholder-editor').waitFor();
                    await page.waitForTimeout(200);
                    const after = (await row.boundingBox())!;
                    expect(Math.abs(after.y - before.y)).toBeLessThanOrEqual(2);
                    expect(await page.evaluate(() => window.scrollY)).toBe(scrollBefore);
                    expect(after.y).toBeGreaterThanOrEqual(0);
                    // The editor starts right under the row (the table row or the card).
                    const editorTop = (await page.locator('c-stakeholder-editor').boundingBox())!.y;
                    expect(editorTop).toBeGreaterThanOrEqual(before.y);
                    expect(editorTop - before.y).toBeLessThan(width > 480 ? 200 : 420);
                } finally {
                    await close();
                }
            }
        }
    );

    it.concurrent('sorts by a column with the keyboard and announces the order', async () => {
        const { page, close } = await openPreview({ component: 'grid', width: 840 });
        try {
            const names = () => page.locator('tr.assessment .name').allInnerTexts();
            expect(await names()).toEqual(['仇明', '王乘', '王建', '李静', '王丽', '张涛']);
            const support = page.locator('button.sort[data-key="support"]');
            await support.focus();
            await page.keyboard.press('Enter');
            expect(await names()).toEqual(['张涛', '仇明', '王建', '李静', '王丽', '王乘']);
            expect(
                await page.locator('th:has(button.sort[data-key="support"])').getAttribute('aria-sort')
            ).toBe('ascending');
            await page.keyboard.press('Space');
            expect(await names()).toEqual(['李静', '王丽', '王建', '仇明', '张涛', '王乘']);
            expect(
                await page.locator('th:has(button.sort[data-key="support"])').getAttribute('aria-sort')
            ).toBe('descending');
        } finally {
            await close();
        }
    });
});

describe('relationships in the editor, seen in the grid', () => {
    it.concurrent(
        'adds, changes and removes a link; the grid re-queries and names who pulls against us',
        async () => {
            const { page, errors, close } = await openPreview({ component: 'grid', width: 840 });
            const WANG_JIAN = 'a01000000000001AAA';
            const row = page.locator(`tr.assessment[data-row="${WANG_JIAN}"]`);
            const pulled = page.locator(
                `[data-insights-for="${WANG_JIAN}"] [data-code="INFLUENCED_AGAINST"]`
            );
            const editor = page.locator('tr.editor-row c-stakeholder-editor');
            const influencedBy = editor.locator('fieldset[data-kind="influencedBy"]');
            const openEditor = async () => {
                await row.locator('lightning-button.edit button').click();
                await editor.waitFor();
            };
            const saveAndWait = async () => {
                const shown = await toasts(page).count();
                await editor.locator('lightning-button.save button').click();
                await toasts(page).nth(shown).waitFor();
                await page.locator('tr.editor-row').waitFor({ state: 'detached' });
            };
            const storeLog = () =>
                page.evaluate(() =>
                    (
                        window as unknown as {
                            __preview: { store: { log: Array<{ op: string; input: unknown }> } };
                        }
                    ).__preview.store.log.map((entry) => ({
                        op: entry.op,
                        apiName: (entry.input as { apiName?: string }).apiName ?? null,
                        fields: (entry.input as { fields?: Record<string, unknown> }).fields ?? null
                    }))
                );
            try {
                expect(await pulled.count()).toBe(0);

                // Add: 张涛 (an opponent) strongly influences 王建.
                await openEditor();
                await influencedBy.locator('lightning-button.add-link button').click();
                const newRow = influencedBy.locator('li.relation-row').last();
                await pickOption(newRow.locator('.link-person'), '张涛');
                await pickOption(newRow.locator('.link-strength'), 'Strong');
                // The live reading knows at once.
                await editor.locator('[data-id="live"] li[data-code="INFLUENCED_AGAINST"]').waitFor();
                await saveAndWait();
                await pulled.waitFor();
                expect(await pulled.innerText()).toContain('Pulled against us: 张涛');
                const created = (await storeLog()).find((e) => e.apiName === 'Stakeholder_Link__c');
                expect(created?.fields).toMatchObject({
                    From_Stakeholder__c: 'a01000000000004AAA',
                    To_Stakeholder__c: WANG_JIAN,
                    Link_Type__c: 'Influences',
                    Strength__c: 'Strong'
                });

                // Change: a weak influence never pulls, so the warning goes.
                await openEditor();
                await pickOption(
                    influencedBy.locator('li.relation-row').first().locator('.link-strength'),
                    'Weak'
                );
                await saveAndWait();
                await pulled.waitFor({ state: 'detached' });

                // Remove: the store loses the link.
                await openEditor();
                await influencedBy
                    .locator('li.relation-row lightning-button-icon.remove-link button')
                    .click();
                expect(await influencedBy.locator('.removed-note').innerText()).toBe(
                    'Removed when you save: 张涛 influences 王建'
                );
                await saveAndWait();
                const log = await storeLog();
                expect(log.filter((e) => e.op === 'delete')).toHaveLength(1);
                await openEditor();
                expect(await influencedBy.locator('li.relation-row').count()).toBe(0);
                expect(errors).toEqual([]);
            } finally {
                await close();
            }
        }
    );

    it.concurrent('says at the row, in Chinese, that a link is already recorded', async () => {
        const { page, close } = await openPreview({ component: 'editor', lang: 'zh-CN', width: 390 });
        try {
            // "王建 reports to 王乘" is a new link, but added twice it is one link: the second row says so.
            const reportsTo = page.locator('fieldset[data-kind="reportsTo"]');
            for (let i = 0; i < 2; i++) {
                await reportsTo.locator('lightning-button.add-link button').click();
                await pickOption(reportsTo.locator('li.relation-row').nth(i).locator('.link-person'), '王乘');
            }
            await page.locator('lightning-button.save button').click();
            const message = reportsTo
                .locator('li.relation-row')
                .nth(1)
                .locator('.link-person .slds-form-element__help');
            await message.waitFor();
            // The base combobox names its (hidden) label before the message, for screen readers.
            expect(await message.innerText()).toContain(
                '这两人之间已记录了相同类型的关系。请修改已有的关系，不要重复添加。'
            );
            // Nothing was sent.
            const log = await page.evaluate(
                () => (window as unknown as { __preview: { store: { log: unknown[] } } }).__preview.store.log
            );
            expect(log).toEqual([]);
        } finally {
            await close();
        }
    });
});

describe('the scorecard', () => {
    it.concurrent(
        'caps the score at 10, drops the band to Losing and explains the veto when Win = Against',
        async () => {
            const { page, errors, close } = await openPreview({ component: 'scorecard', width: 840 });
            try {
                expect(await page.locator('[data-id="score-value"]').innerText()).toBe('53 of 100');
                await choose(page, 'Win__c', 'Against us');
                await expect(page.locator('[data-id="score-value"]').innerText()).resolves.toBe('10 of 100');
                expect(await page.locator('[data-id="band"]').getAttribute('data-band')).toBe('Losing');
                expect(await page.locator('[data-id="band"]').innerText()).toBe('Band: Losing');
                expect(await page.locator('[data-id="veto"]').innerText()).toBe(
                    'The top decision maker is against us: the score is capped at 10 and the band is Losing, whatever else is true.'
                );
                // The score panel stays beside the questions, in view, while the rep rates Win.
                expect(await inViewport(page, page.locator('[data-id="score-value"]'))).toBe(true);
                expect(errors).toEqual([]);
            } finally {
                await close();
            }
        }
    );
});
