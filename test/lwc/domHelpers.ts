// DOM helpers shared by the component tests: they act the way a rep does (type, pick, tick).
// Lets pending promise callbacks and the re-render they cause run before the next assertion.
export const flushPromises = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export function q<T extends Element = HTMLElement>(root: Element, selector: string): T {
    const found = root.shadowRoot!.querySelector<T>(selector);
    if (!found) throw new Error(`Nothing matches ${selector}`);
    return found;
}

export function qa<T extends Element = HTMLElement>(root: Element, selector: string): T[] {
    return Array.from(root.shadowRoot!.querySelectorAll<T>(selector));
}

export function type(root: Element, field: string, value: string): void {
    const input = q<HTMLInputElement>(root, `[data-field="${field}"]`);
    input.value = value;
    input.dispatchEvent(new CustomEvent('input'));
}

export function tick(root: Element, field: string, checked: boolean): void {
    const input = q<HTMLInputElement>(root, `input[type="checkbox"][data-field="${field}"]`);
    input.checked = checked;
    input.dispatchEvent(new CustomEvent('change'));
}

/** Picks a radio value, a multi-select checkbox value, or a select option. */
export function pick(root: Element, field: string, value: string, checked = true): void {
    const select = root.shadowRoot!.querySelector<HTMLSelectElement>(`select[data-field="${field}"]`);
    if (select) {
        select.value = value;
        select.dispatchEvent(new CustomEvent('change'));
        return;
    }
    const input = q<HTMLInputElement>(root, `input[data-field="${field}"][value="${value}"]`);
    input.checked = checked;
    input.dispatchEvent(new CustomEvent('change'));
}

export function text(root: Element, selector: string): string {
    return (q(root, selector).textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Fixes the clock at `iso` for components that read today's date, while promises and the
 * setTimeout that flushPromises uses keep running for real. Undo with jest.useRealTimers().
 */
export function fixClockAt(iso: string): void {
    jest.useFakeTimers({
        now: new Date(iso),
        doNotFake: ['setTimeout', 'clearTimeout', 'nextTick', 'queueMicrotask']
    });
}
