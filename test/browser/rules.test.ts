// Every layout and accessibility rule can fail: each is fed a deliberately broken layout (the kind
// of defect it exists to catch) and must report it, and the same layout fixed must pass.
import type { Page } from 'playwright-core';
import { inspectLayout, type RuleName } from './support/layoutRules';
import { newContext, seriousA11yViolations } from './support/previewPage';

const FONT = "font: 13px/1.5 'Noto Sans SC', sans-serif";

let page: Page;

beforeAll(async () => {
    page = await (await newContext(840)).newPage();
});

afterAll(async () => {
    await page.context().close();
});

/** The rules applied to a page whose #stage holds the given markup. */
async function rulesOn(body: string, lang = 'en'): Promise<Array<{ rule: RuleName; detail: string }>> {
    await page.setContent(
        `<!doctype html><html lang="${lang}"><body style="margin:0;${FONT}">${body}</body></html>`
    );
    return page.evaluate(inspectLayout, { containerSelector: '#stage' });
}

const rulesFound = (violations: Array<{ rule: RuleName }>): RuleName[] => [
    ...new Set(violations.map((v) => v.rule))
];

describe('overflow: nothing reaches beyond the container or scrolls sideways', () => {
    it('catches a table wider than the record page column (the grid at 840 px)', async () => {
        const broken = await rulesOn(
            `<div id="stage" style="width:300px"><table style="width:600px"><tr><td>Name</td><td>Edit</td></tr></table></div>`
        );
        expect(rulesFound(broken)).toContain('overflow');
        const fixed = await rulesOn(
            `<div id="stage" style="width:300px"><table style="width:100%"><tr><td>Name</td><td>Edit</td></tr></table></div>`
        );
        expect(fixed).toEqual([]);
    });

    it('catches a horizontal scroller that hides columns (the Edit and Delete buttons off-screen)', async () => {
        const broken = await rulesOn(
            `<div id="stage" style="width:300px"><div style="overflow-x:auto"><div style="width:700px">Insights and actions</div></div></div>`
        );
        expect(broken.map((v) => v.detail).join()).toContain('scrolls sideways');
    });
});

describe('overlap: badges, buttons, fields and text never sit on each other', () => {
    it('catches badges spilling out of their cell onto the next value (Top decision maker over Influence)', async () => {
        const table = (badgeStyle: string) =>
            `<div id="stage" style="width:400px"><table style="table-layout:fixed;width:120px;border-collapse:collapse">
                <tr><td style="width:60px"><span class="slds-badge" style="${badgeStyle}">Top decision maker</span></td>
                <td style="width:60px">High</td></tr></table></div>`;
        const broken = await rulesOn(table('white-space:nowrap;display:inline-block'));
        expect(rulesFound(broken)).toEqual(['overlap']);
        expect(broken.map((v) => v.detail).join('\n')).toMatch(/overlaps text "High"|spills out of its cell/);
        expect(await rulesOn(table('white-space:normal;display:inline-block'))).toEqual([]);
    });

    it('catches two people of a drawing on top of each other, but not a line running between them', async () => {
        const drawing = (secondX: number) =>
            `<div id="stage" style="width:400px"><svg width="300" height="120" viewBox="0 0 300 120">
                <g role="button" tabindex="0" aria-label="王建" transform="translate(40 40)"><circle r="20"></circle><text y="36">王建</text></g>
                <g role="button" tabindex="0" aria-label="仇明" transform="translate(${secondX} 80)"><circle r="20"></circle><text y="36">仇明</text></g>
                <path role="button" tabindex="0" aria-label="仇明 reports to 王建" d="M 40 40 L 260 80" stroke="black"></path>
            </svg></div>`;
        const broken = await rulesOn(drawing(55));
        expect(rulesFound(broken)).toEqual(['overlap']);
        expect(broken.map((v) => v.detail).join('\n')).toMatch(/王建.{1,2}overlaps/);
        expect(await rulesOn(drawing(260))).toEqual([]);
    });

    it('catches an insight badge covering the Edit button', async () => {
        const broken = await rulesOn(
            `<div id="stage" style="width:400px;position:relative"><span class="slds-badge" style="position:absolute;left:0;top:0">关键人无联系</span>
             <button style="position:absolute;left:10px;top:2px">编辑</button></div>`,
            'zh-CN'
        );
        expect(broken.map((v) => v.detail).join('\n')).toContain('overlaps');
    });
});

describe('clipped: nothing is cut off', () => {
    it('catches a truncated value ("-1 Non-suppo")', async () => {
        const cell = (style: string) =>
            `<div id="stage" style="width:400px"><div style="width:60px;${style}">-1 Non-supporter</div></div>`;
        const broken = await rulesOn(cell('white-space:nowrap;overflow:hidden;text-overflow:ellipsis'));
        expect(rulesFound(broken)).toEqual(['clipped']);
        expect(await rulesOn(cell('white-space:normal'))).toEqual([]);
    });

    it('catches a box that hides whole lines of its text', async () => {
        const broken = await rulesOn(
            `<div id="stage" style="width:400px"><p style="width:80px;height:20px;overflow:hidden">Learn why, share nothing sensitive, and build support.</p></div>`
        );
        expect(rulesFound(broken)).toEqual(['clipped']);
    });
});

describe('word-split: a short label never breaks inside a word', () => {
    it('catches 影响力 wrapping in a narrow header', async () => {
        const header = (style: string) =>
            `<div id="stage" style="width:400px"><table><tr><th style="width:20px;${style}">影响力</th><td>高</td></tr></table></div>`;
        const broken = await rulesOn(header(''), 'zh-CN');
        expect(rulesFound(broken)).toEqual(['word-split']);
        expect(broken[0].detail).toContain('影响');
        expect(await rulesOn(header('word-break:keep-all'), 'zh-CN')).toEqual([]);
    });
});

describe('separator: a separator has space around it and never starts a line', () => {
    it('catches "Supporter ·Dimensions known"', async () => {
        const broken = await rulesOn(
            `<div id="stage" style="width:400px"><p>Supporter ·Dimensions known 5 / 5</p></div>`
        );
        expect(rulesFound(broken)).toEqual(['separator']);
        expect(
            await rulesOn(
                `<div id="stage" style="width:400px"><p>Supporter · Dimensions known 5 / 5</p></div>`
            )
        ).toEqual([]);
    });

    it('catches a wrapped breakdown line that starts with "·"', async () => {
        const broken = await rulesOn(
            `<div id="stage" style="width:400px"><p>1 Win: 4.5 of 9 points<br>· 3 First: 6 of 9 points</p></div>`
        );
        expect(broken.map((v) => v.detail).join()).toContain('a line starts with "·"');
        const fixed = await rulesOn(
            `<div id="stage" style="width:400px"><p>1 Win: 4.5 of 9 points ·<br>3 First: 6 of 9 points</p></div>`
        );
        expect(fixed).toEqual([]);
    });

    it('catches a CSS list divider that starts a wrapped line', async () => {
        const list = (width: number) =>
            `<div id="stage" style="width:400px"><style>li+li::before{content:'•';margin:0 4px}</style>
             <ul style="display:flex;flex-wrap:wrap;width:${width}px;list-style:none;padding:0"><li>Coach factor 0.90</li><li>1 Win: 4.5 of 9 points</li></ul></div>`;
        expect(rulesFound(await rulesOn(list(150)))).toEqual(['separator']);
        expect(await rulesOn(list(390))).toEqual([]);
    });
});

describe('axe-core: no serious or critical violation', () => {
    it('catches a button without a name and text without enough contrast', async () => {
        await page.setContent(
            `<!doctype html><html lang="en"><body><main id="stage"><button><svg width="10" height="10"></svg></button>
             <p style="color:#bbb;background:#fff">Gap</p></main></body></html>`
        );
        const ids = (await seriousA11yViolations(page)).map((v) => v.id).sort();
        expect(ids).toEqual(['button-name', 'color-contrast']);
        await page.setContent(
            `<!doctype html><html lang="en"><body><main id="stage"><button aria-label="Delete 王建"><svg width="10" height="10"></svg></button>
             <p style="color:#ba0517;background:#fff">Gap</p></main></body></html>`
        );
        expect(await seriousA11yViolations(page)).toEqual([]);
    });
});
