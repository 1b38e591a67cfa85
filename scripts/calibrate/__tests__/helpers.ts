import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../main';
import type { OrgConnector } from '../orgInput';

export interface RunResult {
    readonly code: number;
    readonly stdout: string;
    readonly stderr: string;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read the JSON the command prints
    readonly json: any;
}

/** Runs `npm run calibrate -- argv` in-process. */
export async function calibrate(
    argv: readonly string[],
    options: { env?: NodeJS.ProcessEnv; signal?: AbortSignal; connect?: OrgConnector } = {}
): Promise<RunResult> {
    let stdout = '';
    let stderr = '';
    const code = await main(
        argv,
        options.env ?? {},
        { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), progressStream: null, width: 100 },
        options.signal ?? new AbortController().signal,
        options.connect
    );
    return { code, stdout, stderr, json: argv.includes('--json') ? JSON.parse(stdout) : null };
}

export function tempDir(label: string): string {
    return mkdtempSync(path.join(os.tmpdir(), `calibrate-${label}-`));
}

/** An export folder with the two files, written exactly as given (BOM, CRLF and all). */
export function exportDir(opportunities: string, snapshots: string): string {
    const dir = tempDir('in');
    writeFileSync(path.join(dir, 'Opportunity.csv'), opportunities);
    writeFileSync(path.join(dir, 'Control_Snapshot__c.csv'), snapshots);
    return dir;
}

/** A valid 18-character Opportunity Id for a small number (the suffix is the case-safe checksum). */
export function opportunityId(n: number): string {
    const id15 = `006000000000${String(n).padStart(3, '0')}`;
    // Only digits after the prefix: no upper-case letters, so every suffix character is 'A'.
    return `${id15}AAA`;
}
