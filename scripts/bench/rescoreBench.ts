/**
 * Benchmark of the rescore script (`npm run bench:rescore -- [--sizes 10000,100000] [--modes bulk,rest,offline] [--links 3]`).
 * Not a test: it measures API calls, wall time, records per second and peak memory of the real
 * script (`tsx scripts/rescore/main.ts`, in its own process) against the fake org (in another
 * process) and on generated CSV files, for N scorecards with 5 stakeholders each and links
 * between them (--links per deal on average, 0 for none). Job polling
 * starts at 100 ms: the fake finishes a job after two polls, so a longer wait would measure sleep,
 * not the script. The poll count, and so the API calls, is the same at any interval.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeCsvDataset } from './csvDataset';
import { MeasuredRun, ROOT, runMeasured } from './measuredRun';

const MAIN = path.join(ROOT, 'scripts/rescore/main.ts');
const PER_SCORECARD = 5;
/** REST at a million scorecards means 6 M records through 200-record PATCHes: hours, not a benchmark. */
const REST_MAX_SCORECARDS = 100_000;

interface Measure {
    readonly mode: string;
    readonly scorecards: number;
    readonly links: number;
    readonly records: number;
    readonly apiCalls: number | null;
    readonly callsByKind: Record<string, number> | null;
    readonly written: number;
    readonly wallSeconds: number;
    readonly scriptSeconds: number;
    readonly recordsPerSecond: number;
    readonly peakRssMb: number;
    readonly exitCode: number;
}

function runScript(args: string[], env: NodeJS.ProcessEnv): Promise<MeasuredRun> {
    return runMeasured(MAIN, args, env);
}

async function startOrg(
    scorecards: number,
    links: number
): Promise<{ url: string; accessToken: string; stop: () => void }> {
    const child = spawn(
        process.execPath,
        [
            '--max-old-space-size=8192',
            '--import',
            'tsx',
            path.join(__dirname, 'fakeOrgProcess.ts'),
            String(scorecards),
            String(PER_SCORECARD),
            String(links)
        ],
        {
            cwd: ROOT,
            stdio: ['ignore', 'pipe', 'inherit']
        }
    );
    const line = await new Promise<string>((resolve, reject) => {
        let buffer = '';
        child.stdout.on('data', (d) => {
            buffer += d;
            if (buffer.includes('\n')) resolve(buffer.split('\n')[0]);
        });
        child.on('exit', (code) => reject(new Error(`fake org exited with ${code}`)));
    });
    const { url, accessToken } = JSON.parse(line) as { url: string; accessToken: string };
    return { url, accessToken, stop: () => child.kill('SIGTERM') };
}

function measure(mode: string, scorecards: number, run: MeasuredRun): Measure {
    const links = (result: { objects?: Record<string, { read: number }> }) =>
        result.objects?.Stakeholder_Link__c?.read ?? 0;
    let result: Record<string, never> & {
        apiCalls?: number | null;
        apiCallsByKind?: Record<string, number> | null;
        elapsedMs?: number;
        objects?: Record<string, { read: number; written: number; changed: number }>;
    } = {};
    try {
        const envelope = JSON.parse(run.stdout) as {
            result?: typeof result;
            name?: string;
            message?: string;
        };
        result = envelope.result ?? {};
        // A run that could not finish prints the sf CLI error envelope: keep its reason in the log.
        if (!envelope.result)
            process.stderr.write(`${mode} ${scorecards}: ${envelope.name}: ${envelope.message}\n`);
    } catch {
        process.stderr.write(`${mode} ${scorecards}: no JSON output\n${run.stderr.slice(-2000)}\n`);
    }
    const objects = Object.values(result.objects ?? {});
    const records = objects.reduce((sum, o) => sum + o.read, 0);
    const written = objects.reduce((sum, o) => sum + (mode === 'offline' ? o.changed : o.written), 0);
    const scriptSeconds = (result.elapsedMs ?? 0) / 1000;
    return {
        mode,
        scorecards,
        links: links(result),
        records,
        apiCalls: result.apiCalls ?? null,
        callsByKind: result.apiCallsByKind ?? null,
        written,
        wallSeconds: Math.round(run.wall * 10) / 10,
        scriptSeconds: Math.round(scriptSeconds * 10) / 10,
        recordsPerSecond: scriptSeconds > 0 ? Math.round(records / scriptSeconds) : 0,
        peakRssMb: Math.round(run.rssKb / 1024),
        exitCode: run.code
    };
}

function row(m: Measure): string {
    const calls = m.apiCalls === null ? '—' : String(m.apiCalls);
    return `| ${m.mode} | ${m.scorecards.toLocaleString('en')} | ${m.links.toLocaleString('en')} | ${m.records.toLocaleString('en')} | ${m.written.toLocaleString('en')} | ${calls} | ${m.wallSeconds} | ${m.scriptSeconds} | ${m.recordsPerSecond.toLocaleString('en')} | ${m.peakRssMb} | ${m.exitCode} |`;
}

async function main(): Promise<void> {
    const { values } = parseArgs({
        options: { sizes: { type: 'string' }, modes: { type: 'string' }, links: { type: 'string' } },
        allowPositionals: false
    });
    const sizes = (values.sizes ?? '10000,100000,1000000').split(',').map((s) => Number(s.trim()));
    if (sizes.some((n) => !Number.isInteger(n) || n < 1))
        throw new Error('--sizes takes whole numbers, e.g. 10000,100000');
    const modes = (values.modes ?? 'bulk,rest,offline').split(',').map((s) => s.trim());
    const links = Number(values.links ?? 3);
    if (!(links >= 0)) throw new Error('--links takes the average number of links per deal, e.g. 3 or 0');
    const measures: Measure[] = [];
    const state = mkdtempSync(path.join(os.tmpdir(), 'rescore-bench-state-'));
    process.stdout.write(
        '| mode | scorecards | links | records read | records written | API calls | wall s | script s | records/s | peak RSS MB | exit |\n|---|---|---|---|---|---|---|---|---|---|---|\n'
    );

    for (const n of sizes) {
        for (const mode of modes) {
            if (mode === 'rest' && n > REST_MAX_SCORECARDS) {
                process.stdout.write(
                    `| rest | ${n.toLocaleString('en')} | skipped: ${6 * n} records in 200-record requests take hours; Bulk is the path above 2,000 ||||||||||\n`
                );
                continue;
            }
            let m: Measure;
            if (mode === 'offline') {
                const dir = mkdtempSync(path.join(os.tmpdir(), 'rescore-bench-csv-'));
                await writeCsvDataset(dir, n, PER_SCORECARD, links);
                const out = path.join(dir, 'out');
                mkdirSync(out);
                m = measure(
                    mode,
                    n,
                    await runScript(['--input-dir', dir, '--output-dir', out, '--json'], {
                        SF_INSTANCE_URL: '',
                        SF_ACCESS_TOKEN: ''
                    })
                );
                rmSync(dir, { recursive: true, force: true });
            } else {
                const org = await startOrg(n, links);
                try {
                    m = measure(
                        mode,
                        n,
                        await runScript(
                            [
                                `--${mode}`,
                                '--apply',
                                '--json',
                                '--poll-interval',
                                '100',
                                '--state-dir',
                                state
                            ],
                            {
                                SF_INSTANCE_URL: org.url,
                                SF_ACCESS_TOKEN: org.accessToken
                            }
                        )
                    );
                } finally {
                    org.stop();
                }
            }
            measures.push(m);
            process.stdout.write(`${row(m)}\n`);
        }
    }
    const outDir = path.join(ROOT, 'rescore-out');
    mkdirSync(outDir, { recursive: true });
    const file = path.join(outDir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(
        file,
        `${JSON.stringify({ machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memGb: Math.round(os.totalmem() / 2 ** 30), node: process.version }, measures }, null, 2)}\n`
    );
    process.stdout.write(`\nDetails (calls by kind): ${path.relative(ROOT, file)}\n`);
    rmSync(state, { recursive: true, force: true });
}

void main().catch((error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
});
