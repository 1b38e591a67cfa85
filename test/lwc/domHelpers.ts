// DOM helpers shared by the component tests: they act the way a rep does (type, pick, tick) on the
// base components the forms use (lightning-input, lightning-textarea, lightning-combobox) and on
// the choice groups (c-choice-group around lightning-radio-group / lightning-checkbox-group).
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

type ValueElement = HTMLElement & { value?: unknown; checked?: boolean };

/** Types into a lightning-input or lightning-textarea (they report every keystroke as `change`). */
export function type(root: Element, field: string, value: string): void {
    const input = q<ValueElement>(
        root,
        `lightning-input[data-field="${field}"], lightning-textarea[data-field="${field}"]`
    );
    input.value = value;
    input.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

/** Ticks or clears a lightning-input of type checkbox. */
export function tick(root: Element, field: string, checked: boolean): void {
    const input = q<ValueElement>(root, `lightning-input[data-field="${field}"]`);
    input.checked = checked;
    input.dispatchEvent(new CustomEvent('change', { detail: { checked } }));
}

/** The base group inside a choice group (radio for one value, checkbox for several). */
export function choiceGroupOf(
    root: Element,
    field: string
): ValueElement & { options: unknown; label: string } {
    const group = q(root, `c-choice-group[data-field="${field}"]`);
    return q(group, '[data-id="group"]') as ValueElement & { options: unknown; label: string };
}

/**
 * Picks a value the way the rep does: a combobox option, one radio of a choice group, or one box
 * of a checkbox group (`checked` false clears it). `null` picks "not yet known" in a radio group.
 */
export function pick(root: Element, field: string, value: string | null, checked = true): void {
    const combobox = root.shadowRoot!.querySelector<ValueElement>(
        `lightning-combobox[data-field="${field}"]`
    );
    if (combobox) {
        combobox.value = value ?? '';
        combobox.dispatchEvent(new CustomEvent('change', { detail: { value: value ?? '' } }));
        return;
    }
    const group = choiceGroupOf(root, field);
    if (group.tagName.toLowerCase() === 'lightning-checkbox-group') {
        // The choice group knows its values at once (the base group's stub only after a render).
        const host = q(root, `c-choice-group[data-field="${field}"]`) as HTMLElement & { value: unknown };
        const current = Array.isArray(host.value) ? (host.value as string[]) : [];
        const next = checked
            ? [...current.filter((v) => v !== value), value!]
            : current.filter((v) => v !== value);
        group.dispatchEvent(new CustomEvent('change', { detail: { value: next } }));
        return;
    }
    const option = (group.options as Array<{ value: string }>).find((o, i) =>
        value === null ? i === 0 : o.value === value
    );
    if (!option) throw new Error(`${field} offers no ${value}`);
    group.dispatchEvent(new CustomEvent('change', { detail: { value: option.value } }));
}

/** The value a choice group shows: the chosen value, the list of values, or null (not yet known). */
export function chosen(root: Element, field: string): string | string[] | null {
    const host = q(root, `c-choice-group[data-field="${field}"]`) as HTMLElement & {
        value: string | string[] | null;
    };
    return host.value;
}

/** The text a choice group shows under its choices (what to do about the current choice). */
export function noteOf(root: Element, field: string): string {
    const host = q(root, `c-choice-group[data-field="${field}"]`);
    return (host.shadowRoot!.querySelector('[data-id="note"]')?.textContent ?? '')
        .replace(/\s+/g, ' ')
        .trim();
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

/**
 * Records the messages a form sets on a base input (setCustomValidity), which is how the platform's
 * inputs show an error at the field; the stubs of sfdx-lwc-jest draw nothing themselves.
 */
export function watchFieldMessages(root: Element, field: string): jest.Mock {
    const input = q(root, `.field[data-field="${field}"]`) as HTMLElement & {
        setCustomValidity: (m: string) => void;
    };
    const spy = jest.fn();
    input.setCustomValidity = spy;
    return spy;
}

/** The last message set on a watched field ('' when the error was cleared). */
export function lastMessage(spy: jest.Mock): string | undefined {
    return spy.mock.calls.length > 0 ? spy.mock.calls[spy.mock.calls.length - 1][0] : undefined;
}
