import '../fakeOrg/jestNodeShim';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FakeOrg, FakeOrgOptions, startFakeOrg } from '../fakeOrg';
import { main } from '../../scripts/rescore/main';
import { Connector } from '../../scripts/rescore/orgRun';

export const SA = 'Stakeholder_Assessment__c';
export const SC = 'C139_Scorecard__c';

/** Flags that keep retries and polling fast against a local server; each test adds its own. */
export const FAST = ['--retry-delay', '1', '--poll-interval', '1'];

export interface Deal {
    readonly opportunityId: string;
    readonly stakeholderIds: string[];
    readonly scorecardId: string;
}

/** An Opportunity with stakeholder assessments and a scorecard, inputs only (nothing scored yet). */
export function addDeal(
    org: FakeOrg,
    stakeholders: ReadonlyArray<Record<string, unknown>>,
    scorecard: Record<string, unknown>,
    name = 'Deal'
): Deal {
    const [opportunityId] = org.store.insert('Opportunity', [{ Name: name, StageName: 'Prospecting' }]);
    const stakeholderIds = org.store.insert(
        SA,
        stakeholders.map((s, i) => ({ Name: `Person ${i + 1}`, Opportunity__c: opportunityId, ...s }))
    );
    const [scorecardId] = org.store.insert(SC, [
        { Opportunity__c: opportunityId, Opportunity_Key__c: opportunityId, ...scorecard }
    ]);
    return { opportunityId, stakeholderIds, scorecardId };
}

export interface RunResult {
    readonly code: number;
    readonly stdout: string;
    readonly stderr: string;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read the JSON the script prints
    readonly json: any;
}

/** Runs the script in-process against the fake, as `SF_INSTANCE_URL=… SF_ACCESS_TOKEN=… npm run rescore -- argv`. */
export async function rescore(
    org: FakeOrg,
    argv: readonly string[],
    options: { signal?: AbortSignal; env?: NodeJS.ProcessEnv; connect?: Connector } = {}
): Promise<RunResult> {
    let stdout = '';
    let stderr = '';
    const code = await main(
        [...FAST, ...argv],
        { SF_INSTANCE_URL: org.url, SF_ACCESS_TOKEN: org.accessToken, ...options.env },
        { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), progressStream: null, width: 120 },
        options.signal ?? new AbortController().signal,
        options.connect
    );
    let json: unknown = null;
    if (argv.includes('--json')) json = JSON.parse(stdout);
    return { code, stdout, stderr, json };
}

export function tempDir(label: string): string {
    return mkdtempSync(path.join(os.tmpdir(), `rescore-${label}-`));
}

export async function withOrg(options: FakeOrgOptions = {}): Promise<FakeOrg> {
    return startFakeOrg({ seed: 7, ...options });
}
