// Opening the preview in the shared browser, as a rep would see it: a desktop window with the
// component in the record page's main column (840 px), or a phone whose screen is the container.
import * as fs from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { HOW_TO_GET_A_BROWSER } from '../../../preview/chromium';
import { inspectLayout, type Violation } from './layoutRules';
import { STATES, type PreviewState } from '../../../preview/page/states';

export { STATES };

export const COMPONENTS = ['grid', 'editor', 'scorecard', 'quick', 'map'] as const;
export const LANGS = ['en-US', 'zh-CN'] as const;
export const WIDTHS = [840, 390] as const;
export type ComponentName = (typeof COMPONENTS)[number];
export type Lang = (typeof LANGS)[number];
export type State = PreviewState;

export interface PreviewParams {
    component: ComponentName;
    lang?: Lang;
    state?: State;
    width?: number;
    fixture?: string;
}

/** A phone is narrow enough that the container is the whole screen. */
export const PHONE_MAX = 480;
const DESKTOP_WINDOW = 1280;

let browser: Promise<Browser> | null = null;

/** The browser globalSetup started (one per run, shared by every test file). */
export function sharedBrowser(): Promise<Browser> {
    const ws = process.env.DEAL_CONTROL_BROWSER_WS;
    if (!ws) {
        throw new Error(
            `The browser project's globalSetup did not run (no DEAL_CONTROL_BROWSER_WS).\n${HOW_TO_GET_A_BROWSER}`
        );
    }
    browser ??= chromium.connect(ws);
    return browser;
}

/** Closes this test file's pages and its connection to the shared browser (the browser keeps running). */
export async function releaseBrowser(): Promise<void> {
    for (const context of sharedContexts.values()) await (await context).close();
    sharedContexts.clear();
    if (browser) await (await browser).close();
    browser = null;
}

export function previewUrl(params: PreviewParams): string {
    const base = process.env.DEAL_CONTROL_PREVIEW_URL;
    if (!base) throw new Error('The browser project globalSetup did not run (no DEAL_CONTROL_PREVIEW_URL).');
    const query = new URLSearchParams({
        component: params.component,
        lang: params.lang ?? 'en-US',
        state: params.state ?? 'ok',
        width: String(params.width ?? 840),
        ...(params.fixture ? { fixture: params.fixture } : {})
    });
    return `${base}index.html?${query}`;
}

export interface OpenedPage {
    page: Page;
    context: BrowserContext;
    /** Uncaught errors and console errors of the page. */
    errors: string[];
    close(): Promise<void>;
}

const sharedContexts = new Map<boolean, Promise<BrowserContext>>();

/**
 * One desktop and one phone context per test file, shared by its pages: the 4 MB preview bundle is
 * then read from the HTTP cache (and its compiled code reused) instead of once per page.
 */
function sharedContext(width: number): Promise<BrowserContext> {
    const phone = width <= PHONE_MAX;
    let context = sharedContexts.get(phone);
    if (!context) {
        context = newContext(width);
        sharedContexts.set(phone, context);
    }
    return context;
}

/** A desktop window with the record page column, or a phone whose screen is the container. */
function viewportFor(width: number): { width: number; height: number } {
    const phone = width <= PHONE_MAX;
    return { width: phone ? width : DESKTOP_WINDOW, height: phone ? 844 : 900 };
}

/** Back to the window size of a fresh page (layoutViolations makes it as tall as the page). */
export async function resetViewport(page: Page, width: number): Promise<void> {
    await page.setViewportSize(viewportFor(width));
}

export async function newContext(width: number): Promise<BrowserContext> {
    const phone = width <= PHONE_MAX;
    return (await sharedBrowser()).newContext({
        viewport: viewportFor(width),
        deviceScaleFactor: 1,
        isMobile: phone,
        hasTouch: phone,
        timezoneId: 'Asia/Shanghai',
        reducedMotion: 'reduce'
    });
}

/** Opens the preview with these parameters and waits until the page says it has settled. */
export async function openPreview(
    params: PreviewParams,
    options: { ownContext?: boolean } = {}
): Promise<OpenedPage> {
    const width = params.width ?? 840;
    const context = options.ownContext ? await newContext(width) : await sharedContext(width);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
    page.on('console', (message) => {
        // The error panel logs the platform's raw text on purpose ("Deal Control: …", see errorPanel).
        if (message.type() === 'error' && !message.text().startsWith('Deal Control: ')) {
            errors.push(`console error: ${message.text()}`);
        }
    });
    await page.goto(previewUrl(params));
    await page.waitForFunction(
        () => (window as unknown as { __preview?: { settled: boolean } }).__preview?.settled,
        null,
        {
            timeout: 20000
        }
    );
    errors.push(
        ...(await page.evaluate(
            () => (window as unknown as { __preview: { errors: string[] } }).__preview.errors
        ))
    );
    return { page, context, errors, close: () => (options.ownContext ? context.close() : page.close()) };
}

/**
 * Makes the window as tall as the page, so nothing sticky or scrolled hides anything, then applies
 * the layout rules to the component's container.
 */
export async function layoutViolations(page: Page): Promise<Violation[]> {
    const height = await page.evaluate(() => Math.ceil(document.documentElement.scrollHeight));
    const viewport = page.viewportSize()!;
    await page.setViewportSize({ width: viewport.width, height: Math.min(Math.max(height, 200), 16000) });
    return page.evaluate(inspectLayout, { containerSelector: '#stage' });
}

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
    id: string;
    impact: string;
    help: string;
    targets: string[];
}

/** axe-core on the component's container; only what axe rates serious or critical. */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
    const loaded = await page.evaluate(() => 'axe' in window);
    if (!loaded) await page.addScriptTag({ content: AXE_SOURCE });
    const violations = await page.evaluate(async () => {
        const axe = (
            window as unknown as {
                axe: {
                    run(
                        context: unknown,
                        options: unknown
                    ): Promise<{
                        violations: Array<{
                            id: string;
                            impact: string;
                            help: string;
                            nodes: Array<{ target: unknown[] }>;
                        }>;
                    }>;
                };
            }
        ).axe;
        const result = await axe.run({ include: ['#stage'] }, { resultTypes: ['violations'] });
        return result.violations.map((v) => ({
            id: v.id,
            impact: v.impact,
            help: v.help,
            targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target))
        }));
    });
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
