// npm run preview                 build (or reuse the cached build), then serve on http://127.0.0.1:<port>/ (PORT, default 4173)
// npm run preview -- --out DIR    build a static copy into DIR (open DIR/index.html?component=…)
// npm run preview -- --cached     build into node_modules/.cache unless the sources are unchanged
//                                 (what npm test does, beside the static checks, for the browser tests)
import * as path from 'node:path';
import { buildPreview, ensurePreviewBuild } from './build';
import { serveDirectory } from './server';

const USAGE = `Usage: npm run preview [-- --out DIR | --cached] [-- --port N]
  Page parameters: ?component=grid|editor|scorecard|quick|map &lang=en-US|zh-CN
    &state=ok|empty|loading|errors|partial|saveConflict|saveFieldErrors &width=<px> &fixture=<case>`;

async function main(argv: string[]): Promise<void> {
    const flag = (name: string): string | undefined => {
        const i = argv.indexOf(`--${name}`);
        if (i === -1) return undefined;
        const value = argv[i + 1];
        if (!value || value.startsWith('--')) throw new Error(`--${name} needs a value\n${USAGE}`);
        return value;
    };
    if (argv.includes('--help')) {
        console.log(USAGE);
        return;
    }
    if (argv.includes('--cached')) {
        const result = await ensurePreviewBuild();
        console.log(
            `preview: ${result.reused ? 'unchanged sources, reused' : 'built'} ${result.outDir} in ${(result.millis / 1000).toFixed(1)} s`
        );
        return;
    }
    const out = flag('out');
    if (out) {
        const result = await buildPreview(path.resolve(out));
        console.log(`preview: built ${result.outDir}/index.html in ${(result.millis / 1000).toFixed(1)} s`);
        return;
    }
    // The same cached build npm test uses: rebuilt only when a source changed.
    const result = await ensurePreviewBuild();
    const dir = result.outDir;
    const port = Number(flag('port') ?? process.env.PORT ?? 4173);
    const server = await serveDirectory(dir, port);
    console.log(
        `preview: ${result.reused ? 'sources unchanged, build reused' : `built in ${(result.millis / 1000).toFixed(1)} s`}; ` +
            `serving ${server.url}index.html?component=grid&lang=en-US`
    );
    console.log('preview: Ctrl-C stops');
}

main(process.argv.slice(2)).catch((error: Error) => {
    console.error(`preview: ${error.message}`);
    process.exitCode = 1;
});
