// The layout rules every rendered component must keep, checked inside the page on the real layout
// the browser computed. `inspectLayout` runs in the browser (Playwright serialises it), so it is one
// self-contained function: no imports, no helpers from outside it.
//
//   overflow      nothing reaches beyond the component's container, and nothing scrolls sideways
//   overlap       no two badges, buttons, fields or pieces of text sit on top of each other, and
//                 nothing inside a table cell spills out of it
//   clipped       nothing is cut off: no box hides part of its own content
//   word-split    a short label (header, badge, button, legend, field label) never breaks inside a word
//                 (a Latin word, or a whole run of Chinese characters)
//   separator     a separator (· or a list divider) never starts a line, and always has space around it

export type RuleName = 'overflow' | 'overlap' | 'clipped' | 'word-split' | 'separator';

export interface Violation {
    rule: RuleName;
    detail: string;
}

export interface InspectOptions {
    /** The element whose width the component must respect (the preview's #stage). */
    containerSelector: string;
    /** Tolerance in CSS pixels for sub-pixel rounding. */
    tolerance?: number;
}

export function inspectLayout(options: InspectOptions): Violation[] {
    const tolerance = options.tolerance ?? 1;
    const VERTICAL_CLIP_TOLERANCE = 4;
    const violations: Violation[] = [];
    const container = document.querySelector<HTMLElement>(options.containerSelector);
    if (!container) return [{ rule: 'overflow', detail: `no container ${options.containerSelector}` }];

    // ---- walking the rendered tree, through (synthetic or native) shadow roots --------------------
    const elements: HTMLElement[] = [];
    const textNodes: Text[] = [];
    const walk = (node: Node): void => {
        for (const child of Array.from(node.childNodes)) {
            if (child.nodeType === Node.ELEMENT_NODE) {
                const element = child as HTMLElement;
                if (
                    element.tagName === 'STYLE' ||
                    element.tagName === 'SCRIPT' ||
                    element.tagName === 'TEMPLATE'
                )
                    continue;
                elements.push(element);
                if (element.shadowRoot) walk(element.shadowRoot);
                walk(element);
            } else if (child.nodeType === Node.TEXT_NODE && (child.textContent ?? '').trim() !== '') {
                textNodes.push(child as Text);
            }
        }
    };
    walk(container);

    const describe = (element: Element): string => {
        const host =
            element.getRootNode() instanceof ShadowRoot ? (element.getRootNode() as ShadowRoot).host : null;
        const cls =
            typeof element.className === 'string' && element.className
                ? `.${element.className.trim().split(/\s+/).slice(0, 2).join('.')}`
                : '';
        const data = Array.from(element.attributes)
            .filter((a) => a.name.startsWith('data-'))
            .slice(0, 1)
            .map((a) => `[${a.name}="${a.value}"]`)
            .join('');
        const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
        return `${host ? `${host.tagName.toLowerCase()} ` : ''}${element.tagName.toLowerCase()}${cls}${data}${text ? ` "${text}"` : ''}`;
    };

    const parentOf = (node: Node): Element | null =>
        node.parentElement ?? (node.parentNode as ShadowRoot | null)?.host ?? null;

    /** Rendered and visible to a sighted user (not display:none, not the 1px assistive-text clip). */
    const visibleCache = new Map<Element, boolean>();
    const isVisible = (element: Element): boolean => {
        if (element === container) return true;
        const cached = visibleCache.get(element);
        if (cached !== undefined) return cached;
        const style = getComputedStyle(element);
        let visible =
            style.display !== 'none' &&
            style.visibility !== 'hidden' &&
            style.visibility !== 'collapse' &&
            Number(style.opacity) !== 0;
        if (visible && (style.clip !== 'auto' || style.clipPath !== 'none')) {
            const r = element.getBoundingClientRect();
            if (r.width <= 2 || r.height <= 2) visible = false;
        }
        // The content of a closed <details> is not drawn (Chromium skips it with content-visibility),
        // though its boxes still report positions.
        const parent = parentOf(element);
        if (
            visible &&
            parent instanceof HTMLDetailsElement &&
            !parent.open &&
            element.tagName !== 'SUMMARY'
        ) {
            visible = false;
        }
        if (visible) visible = parent === null || isVisible(parent);
        visibleCache.set(element, visible);
        return visible;
    };

    /** Element.closest, but up through shadow roots to their hosts (a button inside a base component). */
    const closestAcross = (start: Element, selector: string): Element | null => {
        let current: Element | null = start;
        while (current && current !== container) {
            if (current.matches(selector)) return current;
            current = parentOf(current);
        }
        return null;
    };

    const textRects = (text: Text): DOMRect[] => {
        const range = document.createRange();
        range.selectNodeContents(text);
        return Array.from(range.getClientRects()).filter((r) => r.width > 0.5 && r.height > 0.5);
    };

    const visibleElements = elements.filter(isVisible);
    const visibleTexts = textNodes.filter((t) => {
        const parent = parentOf(t);
        return parent !== null && isVisible(parent);
    });

    // ---- overflow -----------------------------------------------------------------------------------
    const box = container.getBoundingClientRect();
    for (const element of visibleElements) {
        const r = element.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        if (r.right > box.right + tolerance || r.left < box.left - tolerance) {
            violations.push({
                rule: 'overflow',
                detail: `${describe(element)} reaches ${Math.round(r.left - box.left)}…${Math.round(r.right - box.left)} px of a ${Math.round(box.width)} px container`
            });
        }
        const style = getComputedStyle(element);
        if (
            (style.overflowX === 'auto' || style.overflowX === 'scroll') &&
            element.scrollWidth > element.clientWidth + tolerance
        ) {
            violations.push({
                rule: 'overflow',
                detail: `${describe(element)} scrolls sideways: ${element.scrollWidth} px of content in ${element.clientWidth} px`
            });
        }
    }
    for (const text of visibleTexts) {
        for (const r of textRects(text)) {
            if (r.right > box.right + tolerance || r.left < box.left - tolerance) {
                violations.push({
                    rule: 'overflow',
                    detail: `text "${(text.textContent ?? '').trim().slice(0, 40)}" reaches beyond the container`
                });
                break;
            }
        }
    }

    // ---- clipped ------------------------------------------------------------------------------------
    for (const element of visibleElements) {
        const style = getComputedStyle(element);
        const hidesX = style.overflowX === 'hidden' || style.overflowX === 'clip';
        const hidesY = style.overflowY === 'hidden' || style.overflowY === 'clip';
        const ellipsis = style.textOverflow === 'ellipsis';
        if (!hidesX && !hidesY && !ellipsis) continue;
        if (element.clientWidth === 0 && element.clientHeight === 0) continue;
        if ((hidesX || ellipsis) && element.scrollWidth > element.clientWidth + tolerance) {
            violations.push({
                rule: 'clipped',
                detail: `${describe(element)} cuts off ${element.scrollWidth - element.clientWidth} px of its content's width`
            });
        } else if (
            hidesY &&
            // A few pixels of a line's glyph box (tall CJK fonts) is not a lost line.
            element.scrollHeight > element.clientHeight + VERTICAL_CLIP_TOLERANCE &&
            (element.textContent ?? '').trim() !== ''
        ) {
            violations.push({
                rule: 'clipped',
                detail: `${describe(element)} cuts off ${element.scrollHeight - element.clientHeight} px of its content's height`
            });
        }
    }

    // ---- overlap ------------------------------------------------------------------------------------
    interface Atom {
        rect: DOMRect;
        owner: Element;
        label: string;
        isText: boolean;
        isIcon: boolean;
        /** Elements this atom lives in: an atom never collides with its own ancestors. */
        chain: Set<Element>;
    }
    const chainOf = (node: Node): Set<Element> => {
        const chain = new Set<Element>();
        let current = parentOf(node);
        while (current && current !== container) {
            chain.add(current);
            current = parentOf(current);
        }
        return chain;
    };
    const ATOM_SELECTOR =
        '.slds-badge, button, [role="button"], a[href], input, textarea, select, .slds-radio_faux, .slds-checkbox_faux, lightning-icon';
    const atoms: Atom[] = [];
    for (const element of visibleElements) {
        if (!element.matches(ATOM_SELECTOR)) continue;
        if (element.matches('input[type="radio"], input[type="checkbox"]')) continue; // drawn by their faux
        // A line drawn in an SVG (a focusable link between two people on the political map): its
        // box spans everything between its ends, not its ink. The people it joins and their names
        // are atoms of their own and still may not overlap.
        if (element instanceof SVGGeometryElement) continue;
        const rect = element.getBoundingClientRect();
        if (rect.width < 2 || rect.height < 2) continue;
        atoms.push({
            rect,
            owner: element,
            label: describe(element),
            isText: false,
            isIcon: element.tagName === 'LIGHTNING-ICON',
            chain: chainOf(element)
        });
    }
    for (const text of visibleTexts) {
        const owner = parentOf(text)!;
        const chain = chainOf(text);
        chain.add(owner);
        for (const rect of textRects(text)) {
            atoms.push({
                rect,
                owner,
                label: `text "${(text.textContent ?? '').trim().slice(0, 30)}"`,
                isText: true,
                isIcon: false,
                chain
            });
        }
    }
    const FIELD = 'input, textarea, select, .slds-input_faux';
    /** b is a field and a sits entirely inside its box. */
    const adorns = (a: Atom, b: Atom): boolean =>
        !a.isText &&
        !b.isText &&
        b.owner.matches(FIELD) &&
        a.rect.left >= b.rect.left - tolerance &&
        a.rect.right <= b.rect.right + tolerance &&
        a.rect.top >= b.rect.top - tolerance &&
        a.rect.bottom <= b.rect.bottom + tolerance;
    atoms.sort((a, b) => a.rect.top - b.rect.top);
    const overlapped = new Set<string>();
    for (let i = 0; i < atoms.length; i++) {
        const a = atoms[i];
        for (let j = i + 1; j < atoms.length; j++) {
            const b = atoms[j];
            if (b.rect.top >= a.rect.bottom - tolerance) break;
            if (a.owner === b.owner && a.label === b.label) continue;
            if (a.chain.has(b.owner) || b.chain.has(a.owner)) continue;
            // An icon drawn inside a field or button (a date picker, a dropdown arrow) only matters
            // when it covers text.
            if ((a.isIcon && !b.isText) || (b.isIcon && !a.isText)) continue;
            // A button drawn inside a field (a date picker's calendar, a clear button) is part of it.
            if (adorns(a, b) || adorns(b, a)) continue;
            const width = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
            const height = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
            // Two lines of text may share a few pixels of their glyph boxes (a line height below
            // the font's ascent + descent); covering text means covering a good part of its height.
            const minHeight =
                a.isText || b.isText ? 0.4 * Math.min(a.rect.height, b.rect.height) : tolerance + 1;
            if (width > tolerance + 1 && height > minHeight) {
                const key = `${a.label} / ${b.label}`;
                if (!overlapped.has(key)) {
                    overlapped.add(key);
                    violations.push({
                        rule: 'overlap',
                        detail: `${a.label} overlaps ${b.label} by ${Math.round(width)}×${Math.round(height)} px`
                    });
                }
            }
        }
    }
    // Inside a table, every atom stays within its own cell.
    for (const atom of atoms) {
        const cell = closestAcross(atom.owner, 'td, th');
        if (!cell) continue;
        const c = cell.getBoundingClientRect();
        const r = atom.rect;
        if (
            r.left < c.left - tolerance ||
            r.right > c.right + tolerance ||
            r.top < c.top - tolerance ||
            r.bottom > c.bottom + tolerance
        ) {
            violations.push({
                rule: 'overlap',
                detail: `${atom.label} spills out of its cell ${describe(cell)}`
            });
        }
    }

    // ---- word-split ---------------------------------------------------------------------------------
    const SHORT_LABELS = 'th, td, .slds-badge, button, legend, label, .slds-form-element__label, dt';
    // A label's words: a Latin word (split at spaces and hyphens, where a break is fine) or a whole run
    // of Chinese characters (a dictionary segmenter splits 影响力 into 影响 + 力, yet a header must not).
    const WORDS = /\p{Script=Han}+|[^\s\p{Script=Han}\-–—（）()：:，,、。.·]+/gu;
    for (const text of visibleTexts) {
        const owner = parentOf(text)!;
        const label = closestAcross(owner, SHORT_LABELS);
        // Running text (a meaning, a help line) may wrap wherever its language allows; a label may not.
        if (!label || (label.textContent ?? '').trim().length > 30) continue;
        const content = text.textContent ?? '';
        for (const word of content.matchAll(WORDS)) {
            const index = word.index ?? 0;
            if (word[0].length < 2) continue;
            const range = document.createRange();
            range.setStart(text, index);
            range.setEnd(text, index + word[0].length);
            const tops = new Set(
                Array.from(range.getClientRects())
                    .filter((r) => r.width > 0.5)
                    .map((r) => Math.round(r.top))
            );
            if (tops.size > 1) {
                violations.push({
                    rule: 'word-split',
                    detail: `"${word[0]}" breaks across lines in ${describe(owner)}`
                });
            }
        }
    }

    // ---- separator ----------------------------------------------------------------------------------
    const SEPARATORS = /[·•]/g;
    for (const text of visibleTexts) {
        const content = text.textContent ?? '';
        for (const match of content.matchAll(SEPARATORS)) {
            const index = match.index ?? 0;
            const before = content[index - 1];
            const after = content[index + 1];
            const owner = parentOf(text)!;
            if ((before !== undefined && !/\s/.test(before)) || (after !== undefined && !/\s/.test(after))) {
                violations.push({
                    rule: 'separator',
                    detail: `"${content.trim().slice(0, 50)}": a separator without space around it in ${describe(owner)}`
                });
                continue;
            }
            const range = document.createRange();
            range.setStart(text, index);
            range.setEnd(text, index + 1);
            const mark = range.getBoundingClientRect();
            if (mark.width === 0) continue;
            // Something else on the same line, to its left, in the same block? Otherwise it starts the line.
            const block = owner.closest('p, li, div, td, dd, section') ?? owner;
            const blockRect = block.getBoundingClientRect();
            if (mark.left - blockRect.left <= tolerance + 1) {
                violations.push({
                    rule: 'separator',
                    detail: `a line starts with "${match[0]}" in ${describe(block)}`
                });
            }
        }
    }
    // List dividers drawn by CSS (::before): a divided item that starts a line shows a stray bullet.
    for (const element of visibleElements) {
        const before = getComputedStyle(element, '::before').content;
        if (!before || before === 'none' || before === 'normal' || !/[·•|]/.test(before)) continue;
        const previous = element.previousElementSibling;
        if (!previous) continue;
        const r = element.getBoundingClientRect();
        const p = previous.getBoundingClientRect();
        if (r.top >= p.bottom - tolerance) {
            violations.push({
                rule: 'separator',
                detail: `${describe(element)} starts a line with a divider ${before}`
            });
        }
    }

    return violations;
}
