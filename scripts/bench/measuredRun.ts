import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');

export interface MeasuredRun {
    readonly code: number;
    readonly stdout: string;
    readonly stderr: string;
    /** Wall time in seconds, process start included. */
    readonly wall: number;
    /** Peak resident set size of the script's process, in kilobytes (0 when it crashed). */
    readonly rssKb: number;
}

/**
 * Runs a TypeScript script (through tsx) in its own Node process, the way `npm run` does, and
 * records its wall time and peak RSS. The peak comes from rssHook.cjs, loaded into the process,
 * which writes process.resourceUsage().maxRSS at exit: no polling can miss it.
 */
export function runMeasured(
    script: string,
    args: readonly string[],
    env: NodeJS.ProcessEnv = {}
): Promise<MeasuredRun> {
    const rssFile = path.join(os.tmpdir(), `bench-rss-${process.pid}-${Date.now()}`);
    const started = process.hrtime.bigint();
    const child = spawn(
        process.execPath,
        ['--require', path.join(__dirname, 'rssHook.cjs'), '--import', 'tsx', script, ...args],
        {
            cwd: ROOT,
            env: { ...process.env, ...env, RESCORE_BENCH_RSS_FILE: rssFile },
            stdio: ['ignore', 'pipe', 'pipe']
        }
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    return new Promise((resolve) => {
        child.on('exit', (code) => {
            const wall = Number(process.hrtime.bigint() - started) / 1e9;
            let rssKb = 0;
            try {
                rssKb = Number(readFileSync(rssFile, 'utf8'));
                rmSync(rssFile);
            } catch {
                // The hook did not run (crash): leave 0 so the table shows it.
            }
            resolve({ code: code ?? -1, stdout, stderr, wall, rssKb });
        });
    });
}
