// Once per `jest` run of the browser project: build the preview, serve it on 127.0.0.1, start one
// Chromium that every test file connects to, and hand both addresses to the workers (environment
// variables are inherited by the workers Jest starts after this). One build, one browser, many pages.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { buildPreview } from '../../../preview/build';
import { serveDirectory } from '../../../preview/server';
import { CHROMIUM_ARGS, chromiumExecutable } from '../../../preview/chromium';

export const ENV_URL = 'DEAL_CONTROL_PREVIEW_URL';
export const ENV_WS = 'DEAL_CONTROL_BROWSER_WS';

interface Running {
    close(): Promise<void>;
}

export default async function globalSetup(): Promise<void> {
    const started = Date.now();
    // PREVIEW_DIR reuses a build from `npm run preview -- --out DIR` while iterating on tests.
    const reuse = process.env.PREVIEW_DIR;
    const dir = reuse ?? fs.mkdtempSync(path.join(os.tmpdir(), 'deal-control-browser-tests-'));
    const [built, executable] = await Promise.all([
        reuse ? Promise.resolve(null) : buildPreview(dir),
        chromiumExecutable()
    ]);
    const server = await serveDirectory(dir);
    const browser = await chromium.launchServer({
        executablePath: executable,
        args: [...CHROMIUM_ARGS],
        headless: true
    });
    process.env[ENV_URL] = server.url;
    process.env.DEAL_CONTROL_PREVIEW_DIR = dir;
    process.env[ENV_WS] = browser.wsEndpoint();
    (globalThis as unknown as { __dealControlBrowser: Running[] }).__dealControlBrowser = [
        { close: () => browser.close() },
        { close: () => server.close() },
        { close: async () => (reuse ? undefined : fs.rmSync(dir, { recursive: true, force: true })) }
    ];
    console.log(
        `\nbrowser tests: preview ${built ? `built in ${(built.millis / 1000).toFixed(1)} s` : `reused from ${dir}`}, ` +
            `Chromium ${executable}, ready after ${((Date.now() - started) / 1000).toFixed(1)} s`
    );
}
