// Builds the local preview: the real components, compiled by the open-source LWC stack with the
// open-source base components and SLDS, plus the stubs in preview/stubs that answer from the Jest
// fixtures. One IIFE bundle, an index.html that reads its query parameters, and the assets it needs
// (SLDS CSS, the Noto Sans SC font from npm). Never deployed: preview/ is outside force-app.
import * as fs from 'node:fs';
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { rollup, type Plugin } from 'rollup';
import lwc from '@lwc/rollup-plugin';
import replace from '@rollup/plugin-replace';
import json from '@rollup/plugin-json';
import ts from 'typescript';

const require = createRequire(__filename);
const projectDir = path.resolve(__dirname, '..');
const lwcDir = path.join(projectDir, 'force-app/main/default/lwc');
const stubDir = path.join(__dirname, 'stubs');

type ModuleRecord = { name: string; path: string } | { dir: string };

/** The platform modules the preview answers itself (everything else comes from the base components). */
const STUBS: Readonly<Record<string, string>> = {
    'lightning/graphql': 'graphql.ts',
    'lightning/uiRecordApi': 'uiRecordApi.ts',
    'lightning/platformShowToastEvent': 'platformShowToastEvent.ts',
    '@salesforce/i18n/lang': 'i18nLang.ts',
    '@salesforce/i18n/locale': 'i18nLocale.ts',
    '@salesforce/i18n/timeZone': 'i18nTimeZone.ts',
    // With this gate open, lightning-combobox calls attachInternals, which synthetic shadow refuses.
    '@salesforce/gate/bc.260.enableComboboxElementInternals': 'gateClosed.ts'
};

/** `c/<name>` for every component folder (the SFDX layout has no namespace folder to resolve from). */
function componentModules(): ModuleRecord[] {
    return fs
        .readdirSync(lwcDir, { withFileTypes: true })
        .filter(
            (entry) => entry.isDirectory() && fs.existsSync(path.join(lwcDir, entry.name, `${entry.name}.ts`))
        )
        .map((entry) => ({
            name: `c/${entry.name}`,
            path: path.join(lwcDir, entry.name, `${entry.name}.ts`)
        }));
}

/** The base components' own module list, made absolute (a package entry is looked up per importer). */
function baseComponentModules(): ModuleRecord[] {
    const packageFile = require.resolve('lightning-base-components/package.json');
    const packageDir = path.dirname(packageFile);
    const modules = (JSON.parse(fs.readFileSync(packageFile, 'utf8')) as { lwc: { modules: ModuleRecord[] } })
        .lwc.modules;
    return modules.map((m) =>
        'dir' in m
            ? { dir: path.join(packageDir, m.dir) }
            : { name: m.name, path: path.join(packageDir, m.path) }
    );
}

/** One copy of the engine: the project's own lwc 8.28 (the Jest copy must not be pulled in too). */
function engineModules(): ModuleRecord[] {
    const distOf = (pkg: string) =>
        path.join(path.dirname(require.resolve(`${pkg}/package.json`)), 'dist/index.js');
    return [
        { name: 'lwc', path: distOf('@lwc/engine-dom') },
        { name: '@lwc/synthetic-shadow', path: distOf('@lwc/synthetic-shadow') },
        { name: '@lwc/wire-service', path: distOf('@lwc/wire-service') }
    ];
}

/** TypeScript to JavaScript with the project's compiler settings, before the LWC compiler sees it. */
function typescript(): Plugin {
    return {
        name: 'deal-control-typescript',
        transform(code, id) {
            const file = id.split('?')[0];
            if (!file.endsWith('.ts')) return null;
            const out = ts.transpileModule(code, {
                fileName: file,
                compilerOptions: {
                    target: ts.ScriptTarget.ESNext,
                    module: ts.ModuleKind.ESNext,
                    useDefineForClassFields: true,
                    experimentalDecorators: false,
                    verbatimModuleSyntax: false,
                    isolatedModules: true
                }
            });
            return { code: out.outputText, map: null };
        }
    };
}

/** Extensionless relative imports between preview modules resolve to their .ts file. */
function resolveTs(): Plugin {
    return {
        name: 'deal-control-resolve-ts',
        resolveId(source, importer) {
            if (!importer || !source.startsWith('.')) return null;
            const base = path.resolve(path.dirname(importer.split('?')[0]), source);
            if (path.extname(base) === '' && fs.existsSync(`${base}.ts`)) return `${base}.ts`;
            return null;
        }
    };
}

export interface BuildResult {
    outDir: string;
    bundleBytes: number;
    millis: number;
}

/** Builds the preview into outDir (created or overwritten) and returns what it wrote. */
export async function buildPreview(outDir: string): Promise<BuildResult> {
    const started = Date.now();
    fs.mkdirSync(outDir, { recursive: true });
    const stubModules = Object.entries(STUBS).map(([name, file]) => ({
        name,
        path: path.join(stubDir, file)
    }));
    const bundle = await rollup({
        input: path.join(__dirname, 'page/main.ts'),
        plugins: [
            resolveTs(),
            typescript(),
            // The base components read import.meta.env.SSR in 167 places; this page only renders in a browser.
            replace({
                preventAssignment: true,
                values: {
                    'import.meta.env.SSR': 'false',
                    'process.env.NODE_ENV': JSON.stringify('development')
                }
            }),
            json(),
            lwc({
                rootDir: lwcDir,
                exclude: ['**/*.json'],
                modules: [...stubModules, ...componentModules(), ...baseComponentModules()],
                defaultModules: engineModules()
            })
        ],
        onwarn(warning, warn) {
            if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') return;
            // The alpha base components carry template warnings of their own (duplicate slots).
            if (warning.id?.includes(`${path.sep}lightning-base-components${path.sep}`)) return;
            warn(warning);
        }
    });
    const { output } = await bundle.write({
        file: path.join(outDir, 'preview.js'),
        format: 'iife',
        inlineDynamicImports: true,
        sourcemap: false
    });
    await bundle.close();
    copyAssets(outDir);
    fs.copyFileSync(path.join(__dirname, 'page/index.html'), path.join(outDir, 'index.html'));
    return {
        outDir,
        bundleBytes: Buffer.byteLength(output[0].type === 'chunk' ? output[0].code : ''),
        millis: Date.now() - started
    };
}

/** SLDS and the font, copied (not linked) so the static build opens anywhere. */
function copyAssets(outDir: string): void {
    const slds = path.dirname(require.resolve('@salesforce-ux/design-system/package.json'));
    const stylesOut = path.join(outDir, 'assets/styles');
    fs.mkdirSync(stylesOut, { recursive: true });
    fs.copyFileSync(
        path.join(slds, 'assets/styles/salesforce-lightning-design-system.min.css'),
        path.join(stylesOut, 'salesforce-lightning-design-system.min.css')
    );
    // Chinese glyphs from an npm package, not the system: a fresh machine renders the same pictures.
    const font = path.dirname(require.resolve('@fontsource/noto-sans-sc/package.json'));
    const fontOut = path.join(outDir, 'fonts');
    fs.mkdirSync(path.join(fontOut, 'files'), { recursive: true });
    for (const weight of ['400', '700']) {
        fs.copyFileSync(path.join(font, `${weight}.css`), path.join(fontOut, `${weight}.css`));
        for (const file of fs.readdirSync(path.join(font, 'files'))) {
            if (file.endsWith(`-${weight}-normal.woff2`)) {
                fs.copyFileSync(path.join(font, 'files', file), path.join(fontOut, 'files', file));
            }
        }
    }
}

/** Where `npm test` keeps the preview it built, for the browser tests of the same run to reuse. */
export const PREVIEW_CACHE_DIR = path.join(projectDir, 'node_modules/.cache/deal-control-preview');
const STAMP_FILE = 'inputs.sha256';

/** Every file a build reads from this project: the components, the preview, the locked dependencies. */
function inputFiles(): string[] {
    const files: string[] = [path.join(projectDir, 'package-lock.json')];
    const walk = (dir: string): void => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) walk(full);
            else if (!entry.name.endsWith('.js') || dir.includes(`${path.sep}preview${path.sep}`))
                files.push(full);
        }
    };
    walk(lwcDir);
    walk(__dirname);
    return files.sort();
}

/** A hash of the build's inputs: the same hash means the same preview. */
export function previewInputsHash(): string {
    const hash = createHash('sha256');
    for (const file of inputFiles()) {
        hash.update(path.relative(projectDir, file));
        hash.update(fs.readFileSync(file));
    }
    return hash.digest('hex');
}

/**
 * The preview built from the current sources in dir: reused when its inputs have not changed
 * since it was built, otherwise built again (into a fresh folder moved into place when complete,
 * so an interrupted build never looks finished).
 */
export async function ensurePreviewBuild(
    dir: string = PREVIEW_CACHE_DIR
): Promise<BuildResult & { reused: boolean }> {
    const started = Date.now();
    const wanted = previewInputsHash();
    const stamp = path.join(dir, STAMP_FILE);
    if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === wanted) {
        return {
            outDir: dir,
            bundleBytes: fs.statSync(path.join(dir, 'preview.js')).size,
            millis: Date.now() - started,
            reused: true
        };
    }
    const fresh = `${dir}.building-${process.pid}`;
    fs.rmSync(fresh, { recursive: true, force: true });
    const result = await buildPreview(fresh);
    fs.writeFileSync(path.join(fresh, STAMP_FILE), wanted);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(fresh, dir);
    return { ...result, outDir: dir, millis: Date.now() - started, reused: false };
}
