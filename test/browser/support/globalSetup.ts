// Once per `jest` run of the browser project: build the preview (or reuse the build of the same
// sources), serve it on 127.0.0.1, start one Chromium that every test file connects to, and hand
// both addresses to the workers (environment variables are inherited by the workers Jest starts
// after this). One build, one browser, many pages.
import { chromium } from 'playwright-core';
import { ensurePreviewBuild } from '../../../preview/build';
import { serveDirectory } from '../../../preview/server';
import { CHROMIUM_ARGS, chromiumExecutable } from '../../../preview/chromium';

export const ENV_URL = 'DEAL_CONTROL_PREVIEW_URL';
export const ENV_WS = 'DEAL_CONTROL_BROWSER_WS';

interface Running {
    close(): Promise<void>;
}

export default async function globalSetup(): Promise<void> {
    const started = Date.now();
    // npm test builds the preview beside the static checks (npm run preview -- --cached); this
    // reuses that build when the sources are unchanged and builds it otherwise.
    const [built, executable] = await Promise.all([ensurePreviewBuild(), chromiumExecutable()]);
    const server = await serveDirectory(built.outDir);
    const browser = await chromium.launchServer({
        executablePath: executable,
        args: [...CHROMIUM_ARGS],
        headless: true
    });
    process.env[ENV_URL] = server.url;
    process.env[ENV_WS] = browser.wsEndpoint();
    process.env.DEAL_CONTROL_PREVIEW_DIR = built.outDir;
    (globalThis as unknown as { __dealControlBrowser: Running[] }).__dealControlBrowser = [
        { close: () => browser.close() },
        { close: () => server.close() }
    ];
    console.log(
        `\nbrowser tests: preview ${built.reused ? 'reused (sources unchanged)' : `built in ${(built.millis / 1000).toFixed(1)} s`}, ` +
            `Chromium ${executable}, ready after ${((Date.now() - started) / 1000).toFixed(1)} s`
    );
}
