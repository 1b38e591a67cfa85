// How wide a component's own box is, so it can lay itself out for the space it really has: a record
// page's main column on a desktop is about 840 px, its sidebar or a phone about 390 px. The window's
// width says nothing about that, so media queries cannot decide it (service component). Also the
// jump links' helper of the forms that use the width for collapsible sections.

/** Below this the components switch to their phone layout (cards, one column). */
export const NARROW_BELOW = 600;
/** From this up the editor and the scorecard use two columns. */
export const WIDE_FROM = 720;

export type WidthClass = 'narrow' | 'medium' | 'wide';

export function widthClassOf(width: number): WidthClass {
    if (width < NARROW_BELOW) return 'narrow';
    return width >= WIDE_FROM ? 'wide' : 'medium';
}

/**
 * Calls onChange with the element's width class now (when it has been laid out) and whenever it
 * changes. Returns the function that stops watching. Without ResizeObserver (jsdom) or layout
 * (width 0), nothing is reported and the component keeps its default (wide) layout.
 */
export function watchWidth(element: Element, onChange: (widthClass: WidthClass) => void): () => void {
    let last: WidthClass | null = null;
    const report = (width: number): void => {
        if (width <= 0) return;
        const next = widthClassOf(width);
        if (next !== last) {
            last = next;
            onChange(next);
        }
    };
    report(element.getBoundingClientRect().width);
    if (typeof ResizeObserver === 'undefined') return () => undefined;
    const observer = new ResizeObserver((entries) => report(entries[0]?.contentRect.width ?? 0));
    observer.observe(element);
    return () => observer.disconnect();
}

/**
 * For a component's renderedCallback: watches the element marked data-id="root" in its template
 * once it exists. Returns the function that stops watching, or null while nothing is rendered yet.
 */
export function watchRootWidth(
    template: { querySelector(selector: string): Element | null } | null | undefined,
    onChange: (widthClass: WidthClass) => void
): (() => void) | null {
    const root = template?.querySelector('[data-id="root"]');
    return root ? watchWidth(root, onChange) : null;
}

/** A jump link's target: open the collapsible section, bring it into view, focus its summary. */
export function revealSection(section: HTMLDetailsElement | null | undefined): void {
    if (!section) return;
    section.open = true;
    section.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
    section.querySelector<HTMLElement>('summary')?.focus({ preventScroll: true });
}
