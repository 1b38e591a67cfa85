// Panels docked to the bottom of the screen while the form scrolls under them: the editor's live
// reading on a phone ("What the map says so far") and the scorecard's save bar. Base components
// lift their input icons (SLDS gives .slds-input__icon a z-index of 2), so a docked panel below that
// level lets combobox arrows and date-picker icons paint over its text and buttons, as the editor's
// Relationships screenshot once showed.
import { openPreview, type ComponentName, type Lang, type OpenedPage } from './support/previewPage';

interface PaintedOver {
    icon: string;
    hit: string;
}

/**
 * The form's icons whose centre lies inside the docked panel (under), and those of them that paint
 * above it (over).
 */
function iconsPaintedOverPanel(): { under: number; over: PaintedOver[] } {
    const all: Element[] = [];
    const walk = (root: Document | ShadowRoot) => {
        for (const element of Array.from(root.querySelectorAll('*'))) {
            all.push(element);
            if (element.shadowRoot) walk(element.shadowRoot);
        }
    };
    walk(document);
    const panel = all.find((e) => {
        const style = getComputedStyle(e);
        return style.position === 'sticky' && style.bottom !== 'auto';
    });
    if (!panel) return { under: 0, over: [{ icon: 'no docked panel', hit: '' }] };
    const within = (node: Node | null): boolean => {
        for (let n: Node | null = node; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null) {
            if (n === panel) return true;
        }
        return false;
    };
    const deepHit = (x: number, y: number): Element | null => {
        let hit = document.elementFromPoint(x, y);
        while (hit?.shadowRoot) {
            const inner = hit.shadowRoot.elementFromPoint(x, y);
            if (!inner || inner === hit) break;
            hit = inner;
        }
        return hit;
    };
    const box = panel.getBoundingClientRect();
    const under = all.filter((e) => {
        if (e.tagName.toLowerCase() !== 'svg' || within(e)) return false;
        const r = e.getBoundingClientRect();
        const x = r.left + r.width / 2;
        const y = r.top + r.height / 2;
        return r.width > 0 && x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;
    });
    const over = under.flatMap((icon) => {
        // SLDS makes input icons transparent to the pointer; hit-testing must see them to tell
        // which layer is on top.
        (icon as SVGElement).style.pointerEvents = 'auto';
        const r = icon.getBoundingClientRect();
        const hit = deepHit(r.left + r.width / 2, r.top + r.height / 2);
        return within(hit)
            ? []
            : [{ icon: icon.outerHTML.slice(0, 80), hit: hit?.outerHTML.slice(0, 80) ?? '' }];
    });
    return { under: under.length, over };
}

const DOCKED: [ComponentName, Lang, number][] = [
    ['editor', 'zh-CN', 390],
    ['scorecard', 'en-US', 390],
    ['scorecard', 'zh-CN', 840]
];

describe.each(DOCKED)('the %s in %s at %i px, scrolled under its docked panel', (component, lang, width) => {
    let opened: OpenedPage;
    beforeAll(async () => {
        opened = await openPreview({ component, lang, width }, { ownContext: true });
    });
    afterAll(() => opened.close());

    test('no input icon of the form paints over the panel, wherever the form is scrolled', async () => {
        const { page } = opened;
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        let iconsUnderPanel = 0;
        for (let top = 0; top < height; top += 120) {
            await page.evaluate((y) => window.scrollTo(0, y), top);
            const { under, over } = await page.evaluate(iconsPaintedOverPanel);
            expect(over).toEqual([]);
            iconsUnderPanel += under;
        }
        // The walk really passed icons under the panel; otherwise it would prove nothing.
        expect(iconsUnderPanel).toBeGreaterThan(0);
    });
});
