// The Chromium the browser tests and screenshots drive. CHROME_PATH wins when set; otherwise the
// Chromium that ships inside the @sparticuz/chromium npm package, unpacked once per version into
// node_modules/.cache (so `npm ci` alone brings a browser, and a fresh install unpacks it again).
// No silent fallback: without a browser the tests fail and say how to get one.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';

const requireHere = createRequire(__filename);
const projectDir = path.resolve(__dirname, '..');

export const HOW_TO_GET_A_BROWSER = [
    'The browser tests need Chromium. Either:',
    '  - run `npm ci` (it installs @sparticuz/chromium, a Chromium inside an npm package; x86-64 Linux), or',
    '  - set CHROME_PATH to a Chromium or Chrome binary (Debian: `apt-get install chromium`, then CHROME_PATH=/usr/bin/chromium).'
].join('\n');

/**
 * Flags for a headless run on a CI machine: as root a sandbox cannot start (--no-sandbox), there is
 * no GPU, /dev/shm is small in containers, and nothing may phone home.
 */
export const CHROMIUM_ARGS: readonly string[] = [
    '--no-sandbox',
    '--disable-setuid-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-default-apps',
    '--disable-extensions',
    '--disable-sync',
    '--metrics-recording-only',
    '--no-first-run',
    '--no-zygote',
    '--font-render-hinting=none'
];

export class BrowserMissingError extends Error {
    constructor(cause: string) {
        super(`${cause}\n${HOW_TO_GET_A_BROWSER}`);
        this.name = 'BrowserMissingError';
    }
}

/** Path of the Chromium binary to launch; unpacks the npm one on first use. */
export async function chromiumExecutable(): Promise<string> {
    const fromEnv = process.env.CHROME_PATH;
    if (fromEnv) {
        if (!fs.existsSync(fromEnv)) throw new BrowserMissingError(`CHROME_PATH=${fromEnv} does not exist.`);
        return fromEnv;
    }
    let packageFile: string;
    try {
        // The package exports only its entry point: find package.json from there.
        packageFile = path.resolve(
            path.dirname(requireHere.resolve('@sparticuz/chromium')),
            '..',
            'package.json'
        );
    } catch {
        throw new BrowserMissingError('@sparticuz/chromium is not installed.');
    }
    if (process.platform !== 'linux' || process.arch !== 'x64') {
        throw new BrowserMissingError(
            `@sparticuz/chromium runs on x86-64 Linux only, not ${process.platform}/${process.arch}.`
        );
    }
    const packageDir = path.dirname(packageFile);
    const { version } = JSON.parse(fs.readFileSync(packageFile, 'utf8')) as { version: string };
    const target = path.join(projectDir, 'node_modules/.cache/deal-control-chromium', version);
    const executable = path.join(target, 'chromium');
    if (fs.existsSync(path.join(target, '.complete'))) return executable;
    return unpack(packageDir, target);
}

/**
 * Unpacks into a private folder and renames it into place only when complete, so a run that is
 * stopped halfway, or two runs at once, never leave a broken binary behind.
 */
async function unpack(packageDir: string, target: string): Promise<string> {
    const partial = `${target}.partial-${process.pid}`;
    fs.rmSync(partial, { recursive: true, force: true });
    fs.mkdirSync(partial, { recursive: true });
    // The package unpacks into os.tmpdir(), which follows TMPDIR at call time.
    const previous = process.env.TMPDIR;
    process.env.TMPDIR = partial;
    try {
        const { inflate } = (await import('@sparticuz/chromium')) as unknown as {
            inflate(file: string): Promise<string>;
        };
        await inflate(path.join(packageDir, 'bin', 'chromium.br'));
    } finally {
        if (previous === undefined) delete process.env.TMPDIR;
        else process.env.TMPDIR = previous;
    }
    fs.writeFileSync(path.join(partial, '.complete'), new Date().toISOString());
    try {
        fs.renameSync(partial, target);
    } catch {
        // Another run finished first: use its copy.
        fs.rmSync(partial, { recursive: true, force: true });
    }
    return path.join(target, 'chromium');
}
