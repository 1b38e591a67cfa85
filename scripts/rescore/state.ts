import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';

/**
 * What `--since last` needs: when the previous successful run on an org started, by the org's
 * clock. Kept per org in --state-dir (git-ignored), written only after a run that finished without
 * failures, so an interrupted or failed run is covered again next time.
 */
export interface OrgState {
    readonly instanceUrl: string;
    readonly lastSuccessfulRunStart: string;
    readonly modelVersion: string;
    readonly mode: string;
}

function stateFile(stateDir: string, instanceUrl: string): string {
    const key = instanceUrl.replace(/^https?:\/\//, '').replace(/[^A-Za-z0-9.-]+/g, '_');
    return path.join(stateDir, `${key}.json`);
}

export function readOrgState(stateDir: string, instanceUrl: string): OrgState | null {
    const file = stateFile(stateDir, instanceUrl);
    if (!existsSync(file)) return null;
    try {
        return JSON.parse(readFileSync(file, 'utf8')) as OrgState;
    } catch {
        return null;
    }
}

export function writeOrgState(stateDir: string, state: OrgState): void {
    mkdirSync(stateDir, { recursive: true });
    const file = stateFile(stateDir, state.instanceUrl);
    // Write then rename, so Ctrl-C mid-write never leaves a half file that a later run misreads.
    writeFileSync(`${file}.tmp`, `${JSON.stringify(state, null, 2)}\n`);
    renameSync(`${file}.tmp`, file);
}
