// npm run screenshots: the pictures in the reps' guides, taken from the current components so they
// never go stale. Builds the preview, opens each view in Chromium (English and Chinese, a record
// page's 840 px column and a 390 px phone) and writes cropped PNGs into docs/images/.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ensurePreviewBuild } from './build';
import { serveDirectory } from './server';
import { CHROMIUM_ARGS, chromiumExecutable } from './chromium';

const OUT_DIR = path.resolve(__dirname, '..', 'docs', 'images');

type Variant = readonly [lang: 'en' | 'zh', width: 840 | 390];
const ALL: readonly Variant[] = [
    ['en', 840],
    ['zh', 840],
    ['en', 390],
    ['zh', 390]
];

interface Shot {
    /** docs/images/<name>-<en|zh>-<width>.png */
    name: string;
    component: string;
    state?: string;
    /** The languages and widths the guides show (every picture here is embedded in a guide). */
    variants: readonly Variant[];
    /** The tallest picture, in CSS pixels: one screen of a long form is what a rep sees first. */
    maxHeight: Readonly<Record<number, number>>;
    /** What a rep does first (open a person in the editor). */
    prepare?(page: Page): Promise<void>;
}

const SHOTS: readonly Shot[] = [
    { name: 'grid', component: 'grid', variants: ALL, maxHeight: { 840: 1600, 390: 1400 } },
    {
        name: 'grid-edit',
        component: 'grid',
        variants: [
            ['zh', 840],
            ['en', 390]
        ],
        maxHeight: { 840: 1100, 390: 1300 },
        prepare: async (page) => {
            await page
                .locator('[data-row="a01000000000005AAA"] lightning-button.edit button')
                .first()
                .click();
            await page.locator('c-stakeholder-editor').waitFor();
            await page.locator('c-stakeholder-editor').scrollIntoViewIfNeeded();
        }
    },
    {
        name: 'editor',
        component: 'editor',
        variants: [
            ['en', 840],
            ['zh', 390]
        ],
        maxHeight: { 840: 1000, 390: 844 }
    },
    {
        // The Relationships section after the rep added "influenced by 张涛" (an opponent): the live
        // reading beside it already warns that 王建 is pulled against us.
        name: 'editor-relationships',
        component: 'editor',
        variants: [
            ['en', 840],
            ['zh', 390]
        ],
        maxHeight: { 840: 800, 390: 844 },
        prepare: async (page) => {
            const section = page.locator('details[data-section="relationships"]');
            await section
                .locator('fieldset[data-kind="influencedBy"] lightning-button.add-link button')
                .click();
            const person = section.locator('fieldset[data-kind="influencedBy"] .link-person').last();
            await person.locator('[role="combobox"]').first().click();
            await person.getByRole('option', { name: '张涛', exact: true }).click();
            await page.locator('[data-id="live"] li[data-code="INFLUENCED_AGAINST"]').waitFor();
            await section.evaluate((element) => element.scrollIntoView({ block: 'start' }));
        }
    },
    {
        name: 'editor-conflict',
        component: 'editor',
        state: 'saveConflict',
        variants: [
            ['en', 840],
            ['zh', 390]
        ],
        maxHeight: { 840: 700, 390: 844 }
    },
    { name: 'scorecard', component: 'scorecard', variants: ALL, maxHeight: { 840: 1000, 390: 844 } },
    {
        name: 'quick',
        component: 'quick',
        variants: [
            ['en', 840],
            ['zh', 390]
        ],
        maxHeight: { 840: 800, 390: 844 }
    },
    {
        // On a phone the map opens as its list (the same facts as text), as a rep first sees it.
        name: 'map',
        component: 'map',
        variants: [
            ['en', 840],
            ['zh', 390]
        ],
        maxHeight: { 840: 1000, 390: 1300 }
    }
];
const LANG_TAGS = { en: 'en-US', zh: 'zh-CN' } as const;
const WIDTHS = [840, 390] as const;

/** `npm run screenshots -- grid editor` retakes only those pictures. */
async function main(only: string[]): Promise<void> {
    const started = Date.now();
    const shots = SHOTS.filter((shot) => only.length === 0 || only.includes(shot.name));
    if (shots.length === 0)
        throw new Error(
            `no picture is named ${only.join(', ')}; known: ${SHOTS.map((s) => s.name).join(', ')}`
        );
    const { outDir } = await ensurePreviewBuild();
    const server = await serveDirectory(outDir);
    const browser = await chromium.launch({
        executablePath: await chromiumExecutable(),
        args: [...CHROMIUM_ARGS]
    });
    try {
        await takeAll(shots, browser, server.url, started);
    } finally {
        await browser.close();
        await server.close();
    }
}

async function takeAll(
    shots: readonly Shot[],
    browser: Browser,
    baseUrl: string,
    started: number
): Promise<void> {
    fs.mkdirSync(OUT_DIR, { recursive: true });
    let written = 0;
    let taken = 0;
    for (const width of WIDTHS) {
        const phone = width <= 480;
        const context = await browser.newContext({
            viewport: { width: phone ? width : 1280, height: phone ? 844 : 900 },
            deviceScaleFactor: 1,
            isMobile: phone,
            hasTouch: phone,
            timezoneId: 'Asia/Shanghai',
            reducedMotion: 'reduce'
        });
        for (const shot of shots) {
            for (const [short] of shot.variants.filter(([, w]) => w === width)) {
                const lang = LANG_TAGS[short];
                const page = await context.newPage();
                const query = new URLSearchParams({
                    component: shot.component,
                    lang,
                    width: String(width),
                    state: shot.state ?? 'ok'
                });
                await page.goto(`${baseUrl}index.html?${query}`);
                await page.waitForFunction(
                    () => (window as unknown as { __preview?: { settled: boolean } }).__preview?.settled
                );
                const errors = await page.evaluate(
                    () => (window as unknown as { __preview: { errors: string[] } }).__preview.errors
                );
                if (errors.length > 0) throw new Error(`${shot.name} ${lang} ${width}: ${errors.join('\n')}`);
                await shot.prepare?.(page);
                await page.evaluate(() => document.fonts.ready);
                const file = path.join(OUT_DIR, `${shot.name}-${short}-${width}.png`);
                if (await screenshotOfComponent(page, file, shot.maxHeight[width])) written += 1;
                taken += 1;
                await page.close();
            }
        }
        await context.close();
    }
    console.log(
        `screenshots: ${taken} pictures, ${written} changed, in ${path.relative(process.cwd(), OUT_DIR)} (${((Date.now() - started) / 1000).toFixed(1)} s)`
    );
}

/**
 * The component's own box, from where the window shows it, at most maxHeight tall. The window is
 * made as tall as the picture so a sticky bar sits where it would on the rep's screen.
 */
async function screenshotOfComponent(page: Page, file: string, maxHeight: number): Promise<boolean> {
    const viewport = page.viewportSize()!;
    const top = await page.evaluate(() => Math.max(0, window.scrollY));
    const box = (await page.locator('#stage').boundingBox())!;
    const height = Math.min(maxHeight, Math.ceil(box.height - Math.max(0, -box.y)));
    await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, height) });
    await page.evaluate((y) => window.scrollTo(0, y), top);
    const stage = (await page.locator('#stage').boundingBox())!;
    const y = Math.max(0, stage.y);
    const png = await page.screenshot({
        clip: { x: stage.x, y, width: stage.width, height: Math.min(height, stage.y + stage.height - y) },
        animations: 'disabled'
    });
    if (
        fs.existsSync(file) &&
        (await differingPixels(page, fs.readFileSync(file), png)) <= UNCHANGED_PIXELS
    ) {
        return false;
    }
    fs.writeFileSync(file, png);
    return true;
}

/**
 * Antialiasing can differ in a handful of pixels between two runs of the same page: a picture that
 * differs by no more than this keeps the committed file, so retaking them causes no churn in git.
 */
const UNCHANGED_PIXELS = 64;

/** How many pixels differ between two PNGs (a different size counts as every pixel). */
async function differingPixels(page: Page, before: Buffer, after: Buffer): Promise<number> {
    return page.evaluate(
        async ([a, b]) => {
            // No named functions in here: tsx would wrap them in a helper the page does not have.
            const [first, second] = await Promise.all(
                [a, b].map(
                    (base64) =>
                        new Promise<HTMLImageElement>((resolve, reject) => {
                            const image = new Image();
                            image.onload = () => resolve(image);
                            image.onerror = reject;
                            image.src = `data:image/png;base64,${base64}`;
                        })
                )
            );
            if (first.width !== second.width || first.height !== second.height)
                return Number.MAX_SAFE_INTEGER;
            const canvas = document.createElement('canvas');
            canvas.width = first.width;
            canvas.height = first.height;
            const context = canvas.getContext('2d')!;
            context.drawImage(first, 0, 0);
            const one = context.getImageData(0, 0, canvas.width, canvas.height).data;
            context.clearRect(0, 0, canvas.width, canvas.height);
            context.drawImage(second, 0, 0);
            const two = context.getImageData(0, 0, canvas.width, canvas.height).data;
            let differing = 0;
            for (let i = 0; i < one.length; i += 4) {
                if (one[i] !== two[i] || one[i + 1] !== two[i + 1] || one[i + 2] !== two[i + 2])
                    differing += 1;
            }
            return differing;
        },
        [before.toString('base64'), after.toString('base64')] as const
    );
}

main(process.argv.slice(2)).catch((error: Error) => {
    console.error(`screenshots: ${error.message}`);
    process.exitCode = 1;
});
