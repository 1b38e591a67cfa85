import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { t } from 'c/dealControlModel';
import { writeFileAtomic } from '../shared/atomicFile';
import { CliError, fileError } from '../shared/errors';
import { fill } from '../shared/i18n';
import { prepareOutputDir } from '../shared/paths';

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

const STATE_ROLE = t('the saved run state', '已保存的运行状态');

export function stateFileOf(stateDir: string, instanceUrl: string): string {
    const key = instanceUrl.replace(/^https?:\/\//, '').replace(/[^A-Za-z0-9.-]+/g, '_');
    return path.join(stateDir, `${key}.json`);
}

function badState(file: string, reason: string): CliError {
    return new CliError(
        'BAD_STATE',
        fill(t('{file} is not a saved run state ({reason}).', '{file} 不是已保存的运行状态（{reason}）。'), {
            file,
            reason
        }),
        {
            actions: [
                t(
                    'Delete it and run once without --since (or with --since <date>).',
                    '请删除该文件，然后不带 --since（或用 --since <日期>）运行一次。'
                )
            ]
        }
    );
}

/** The state of an org, or null when none is recorded. A damaged state file stops the run rather than guessing. */
export function readOrgState(stateDir: string, instanceUrl: string): OrgState | null {
    const file = stateFileOf(stateDir, instanceUrl);
    let text: string;
    try {
        if (!statSync(file).isFile()) throw badState(file, 'not a file');
        text = readFileSync(file, 'utf8');
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw fileError(error, 'read', STATE_ROLE, file);
    }
    let state: Partial<OrgState>;
    try {
        state = JSON.parse(text) as Partial<OrgState>;
    } catch (error) {
        throw badState(file, (error as Error).message);
    }
    if (
        typeof state.lastSuccessfulRunStart !== 'string' ||
        Number.isNaN(Date.parse(state.lastSuccessfulRunStart))
    ) {
        throw badState(file, 'no lastSuccessfulRunStart');
    }
    return state as OrgState;
}

/** Written under a temporary name and renamed, so Ctrl-C mid-write never leaves a half file. */
export function writeOrgState(stateDir: string, state: OrgState): void {
    prepareOutputDir(stateDir, '--state-dir', STATE_ROLE);
    writeFileAtomic(
        stateFileOf(stateDir, state.instanceUrl),
        `${JSON.stringify(state, null, 2)}\n`,
        STATE_ROLE
    );
}
