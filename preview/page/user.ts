// What a rep does, done by the page itself to reach a state (?state=saveConflict shows the conflict,
// not a form waiting for a click). Finds elements through the components' shadow roots.

/** The first element matching the selector, searched through every shadow root below root. */
export function find(root: Element | ShadowRoot | Document, selector: string): HTMLElement | null {
    const own = (root as HTMLElement).shadowRoot;
    if (own) {
        const inside = find(own, selector);
        if (inside) return inside;
    }
    const direct = root.querySelector<HTMLElement>(selector);
    if (direct) return direct;
    for (const element of Array.from(root.querySelectorAll('*'))) {
        const shadow = (element as HTMLElement).shadowRoot;
        if (shadow) {
            const found = find(shadow, selector);
            if (found) return found;
        }
    }
    return null;
}

/** Follows a path of selectors, each searched inside what the previous one found. */
export function within(root: Element, ...selectors: string[]): HTMLElement | null {
    let current: Element | null = root;
    for (const selector of selectors) {
        current = current ? find(current, selector) : null;
    }
    return current as HTMLElement | null;
}

export async function settle(ms = 60): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, ms));
}

export async function click(root: Element, selector: string): Promise<void> {
    const target = find(root, selector);
    if (!target) throw new Error(`Preview arrange step: nothing matches ${selector}`);
    target.click();
    await settle();
}

/** Waits until the selector matches (the component renders after its data arrives). */
export async function waitFor(root: Element, selector: string, timeoutMs = 5000): Promise<HTMLElement> {
    const started = Date.now();
    for (;;) {
        const found = find(root, selector);
        if (found) return found;
        if (Date.now() - started > timeoutMs)
            throw new Error(`Preview arrange step: ${selector} never appeared`);
        await settle(25);
    }
}

/** Clicks the element at the end of a selector path. */
export async function clickPath(root: Element, ...selectors: string[]): Promise<void> {
    const target = within(root, ...selectors);
    if (!target) throw new Error(`Preview arrange step: nothing matches ${selectors.join(' → ')}`);
    target.click();
    await settle();
}

/** Picks an option of a native select, as a rep would. */
export async function selectOption(root: Element, selector: string, value: string): Promise<void> {
    const select = find(root, selector) as HTMLSelectElement | null;
    if (!select) throw new Error(`Preview arrange step: nothing matches ${selector}`);
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
}
