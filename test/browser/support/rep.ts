// What a rep does on a preview page, through the real DOM the browser rendered (Playwright's CSS
// selectors go through the components' shadow roots).
import type { Locator, Page } from 'playwright-core';

/** Clicks the choice with this visible label in a choice group (a radio or a checkbox). */
export async function choose(page: Page, field: string, label: string): Promise<void> {
    await page
        .locator(`c-choice-group[data-field="${field}"] .slds-form-element__control`)
        .getByText(label, { exact: true })
        .click();
}

export function choiceInput(page: Page, field: string, value: string): Locator {
    return page.locator(`c-choice-group[data-field="${field}"] input[value="${value}"]`);
}

/** Types into a base input or text area of a form (replacing what was there). */
export async function typeInto(page: Page, field: string, text: string, scope = ''): Promise<void> {
    const input = page
        .locator(
            `${scope} .field[data-field="${field}"] input, ${scope} .field[data-field="${field}"] textarea`
        )
        .first();
    await input.fill(text);
}

export function inputOf(page: Page, field: string, scope = ''): Locator {
    return page
        .locator(
            `${scope} .field[data-field="${field}"] input, ${scope} .field[data-field="${field}"] textarea`
        )
        .first();
}

/** The toasts the page drew for the component. */
export function toasts(page: Page): Locator {
    return page.locator('[data-preview="toast"]');
}

/** Whether a box lies inside the visible window. */
export async function inViewport(page: Page, locator: Locator): Promise<boolean> {
    const box = await locator.boundingBox();
    const viewport = page.viewportSize()!;
    return (
        box !== null &&
        box.y >= 0 &&
        box.y + box.height <= viewport.height &&
        box.x >= 0 &&
        box.x + box.width <= viewport.width
    );
}

/** Visible text of the component's container, as a sighted rep reads it. */
export function visibleText(page: Page): Promise<string> {
    return page.locator('#stage').innerText();
}

/** Picks an option of a lightning-combobox by its visible label, the way a rep does: open it, click. */
export async function pickOption(combobox: Locator, label: string): Promise<void> {
    await combobox.locator('[role="combobox"]').first().click();
    await combobox.getByRole('option', { name: label, exact: true }).click();
}
