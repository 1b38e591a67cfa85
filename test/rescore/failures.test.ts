import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { MODEL_VERSION } from 'c/dealControlModel';
import { FakeOrg } from '../fakeOrg';
import { Connection } from '@jsforce/jsforce-node';
import { OrgClient } from '../../scripts/rescore/orgClient';
import { restCount } from '../../scripts/rescore/rest';
import { SA, SC, addDeal, rescore, tempDir, withOrg } from './harness';

let org: FakeOrg;
let stateDir: string;
afterEach(() => org.close());

async function start(options = {}) {
    org = await withOrg(options);
    stateDir = tempDir('state');
}

function mentorDeals(n: number) {
    return Array.from({ length: n }, () =>
        addDeal(org, [{ Attitude_To_Us__c: 'Mentor' }], { Coach__c: 'Identified' })
    );
}

describe('transient failures are retried with backoff', () => {
    it.each([
        ['HTTP 500 on a query', { kind: 'query', times: 2, response: 'http500' as const }],
        ['HTTP 503 on a write', { kind: 'collectionsUpdate', times: 2, response: 'http503' as const }],
        ['a reset connection', { kind: 'collectionsUpdate', times: 1, response: 'resetConnection' as const }],
        ['the concurrency limit', { kind: 'query', times: 1, response: 'concurrentLimit' as const }],
        [
            'UNABLE_TO_LOCK_ROW on records',
            { kind: 'collectionsUpdate', times: 1, response: 'unableToLockRow' as const }
        ],
        ['a slow response', { kind: 'query', times: 1, response: 'slow' as const, delayMs: 300 }]
    ])('%s', async (_label, fault) => {
        await start();
        const [deal] = mentorDeals(1);
        org.faults.add(fault);
        const r = await rescore(org, ['--rest', '--apply', '--json', '--state-dir', stateDir]);
        expect(r.code).toBe(0);
        expect(org.store.get(SA, deal.stakeholderIds[0])!.Support_Index__c).toBe(2);
        expect(org.store.get(SC, deal.scorecardId)!.Model_Version__c).toBe(MODEL_VERSION);
        // A slow answer is only waited for; every other fault costs at least one retry.
        expect(r.json.result.retries > 0).toBe(fault.response !== 'slow');
    });

    it('gives up after --max-retries and reports the records of a batch that never got through (exit 2)', async () => {
        await start();
        mentorDeals(1);
        org.faults.add({ kind: 'collectionsUpdate', times: 10, response: 'http500' });
        const r = await rescore(org, [
            '--rest',
            '--apply',
            '--max-retries',
            '2',
            '--json',
            '--state-dir',
            stateDir
        ]);
        expect(r.code).toBe(2);
        expect(r.json.result.objects[SA].failed).toBe(1);
        expect(r.json.result.problemsByCode.UNKNOWN_EXCEPTION).toBeGreaterThan(0);
        // Three attempts of the first batch: the first and two retries.
        expect(
            org.log.filter((e) => e.kind === 'collectionsUpdate' && e.status === 500).length
        ).toBeGreaterThanOrEqual(3);
    });
});

describe('auth', () => {
    it('an expired access token cannot be refreshed: exit 3 with what to do', async () => {
        await start();
        mentorDeals(1);
        org.faults.add({ kind: 'query', times: 1, response: 'expiredSession' });
        const r = await rescore(org, ['--rest', '--state-dir', stateDir, '--lang', 'en']);
        expect(r.code).toBe(3);
        expect(r.stderr).toContain('session expired');
        expect(r.stderr).toContain('sf org display');
    });

    it('a wrong token is refused with exit 3 and a JSON error in --json mode', async () => {
        await start();
        const r = await rescore(org, ['--json', '--state-dir', stateDir], {
            env: { SF_ACCESS_TOKEN: 'wrong' }
        });
        expect(r.code).toBe(3);
        expect(r.json).toMatchObject({ status: 3, name: 'AUTH', exitCode: 3 });
    });

    it('an API version the org does not offer stops at once (exit 3)', async () => {
        await start({ apiVersions: ['60.0', '61.0'] });
        const r = await rescore(org, ['--state-dir', stateDir, '--lang', 'en']);
        expect(r.code).toBe(3);
        expect(r.stderr).toContain('--api-version 61.0');
        expect(org.apiUsage().used).toBe(0);
    });

    it('--target-org with an alias the sf CLI does not know: exit 3 with the login command', async () => {
        await start();
        const home = tempDir('home');
        const r = await rescore(
            org,
            ['--target-org', 'no-such-alias', '--state-dir', stateDir, '--lang', 'en'],
            {
                env: { HOME: home, SF_INSTANCE_URL: '', SF_ACCESS_TOKEN: '' }
            }
        );
        expect(r.code).toBe(3);
        expect(r.stderr).toContain('sf org login web --alias no-such-alias');
    });
});

describe('session refresh', () => {
    it('renews an expired session once when the auth can (sf CLI auth), then carries on', async () => {
        await start();
        mentorDeals(1);
        const conn = new Connection({
            instanceUrl: org.url,
            accessToken: 'expired-token',
            version: '66.0',
            // What @salesforce/core's Connection carries for sf CLI auth: a way to get a new token.
            refreshFn: (_conn, callback) => callback(null, org.accessToken)
        });
        const client = new OrgClient(conn, {
            apiVersion: '66.0',
            retry: { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 1 },
            maxApiCalls: null,
            reservePercent: 10
        });
        expect(await restCount(client, 'SELECT COUNT() FROM C139_Scorecard__c')).toBe(1);
        expect(client.sessionRefreshes).toBe(1);
    });

    it('a connection that keeps breaking ends with exit 3 and the advice to rerun', async () => {
        await start();
        mentorDeals(1);
        org.faults.add({ kind: 'query', times: 10, response: 'resetConnection' });
        const r = await rescore(org, ['--rest', '--max-retries', '2', '--json', '--state-dir', stateDir]);
        expect(r.code).toBe(3);
        expect(r.json).toMatchObject({ name: 'NETWORK', exitCode: 3 });
    });
});

describe('API budget', () => {
    it('--max-api-calls stops cleanly, says how to resume, and a rerun finishes the job', async () => {
        await start({ restQueryBatchSize: 2 });
        const deals = mentorDeals(6);
        const stopped = await rescore(org, [
            '--rest',
            '--apply',
            '--max-api-calls',
            '5',
            '--json',
            '--state-dir',
            stateDir
        ]);
        expect(stopped.code).toBe(3);
        expect(stopped.json.result.stopped.code).toBe('API_BUDGET');
        expect(stopped.json.result.stopped.resume).toContain('Run the same command again');
        expect(stopped.json.result.apiCalls).toBe(5);

        const resumed = await rescore(org, ['--rest', '--apply', '--json', '--state-dir', stateDir]);
        expect(resumed.code).toBe(0);
        for (const d of deals) expect(org.store.get(SA, d.stakeholderIds[0])!.Support_Index__c).toBe(2);
    });

    it('keeps the reserve of the daily allocation (Sforce-Limit-Info)', async () => {
        // 1000 a day, 10 % reserve: stop once 900 are used. 897 used at the start leaves 3 calls.
        await start({ dailyApiLimit: 1000, apiUsageStart: 897 });
        mentorDeals(1);
        const r = await rescore(org, ['--rest', '--apply', '--json', '--state-dir', stateDir]);
        expect(r.code).toBe(3);
        expect(r.json.result.stopped.code).toBe('API_BUDGET');
        expect(org.apiUsage().used).toBeLessThanOrEqual(900);
        expect(r.json.result.apiUsage).toEqual({ used: 900, max: 1000 });
    });

    it('--api-reserve 0 lets it use the whole allocation', async () => {
        // Five calls left; a run over one deal needs about ten.
        await start({ dailyApiLimit: 1000, apiUsageStart: 995 });
        mentorDeals(1);
        const r = await rescore(org, [
            '--rest',
            '--apply',
            '--api-reserve',
            '0',
            '--json',
            '--state-dir',
            stateDir
        ]);
        expect(r.code).toBe(3);
        expect(r.json.result.stopped.code).toBe('API_BUDGET');
        expect(org.apiUsage().used).toBe(1000);
    });

    it('the daily limit already spent (REQUEST_LIMIT_EXCEEDED) stops with exit 3', async () => {
        await start();
        mentorDeals(1);
        org.faults.add({ kind: 'query', times: 1, response: 'requestLimitExceeded' });
        const r = await rescore(org, ['--rest', '--apply', '--json', '--state-dir', stateDir]);
        expect(r.code).toBe(3);
        expect(r.json.result.stopped.code).toBe('API_BUDGET');
    });
});

describe('Ctrl-C', () => {
    it('stops at a safe point after the writes in flight, and a rerun finishes the job', async () => {
        await start();
        const deals = mentorDeals(450);
        const controller = new AbortController();
        org.hooks.beforeWrite = () => controller.abort();
        const r = await rescore(
            org,
            ['--rest', '--apply', '--concurrency', '1', '--json', '--state-dir', stateDir],
            {
                signal: controller.signal
            }
        );
        expect(r.code).toBe(3);
        expect(r.json.result.stopped.code).toBe('INTERRUPTED');
        // The batch already sent completes: 200 stakeholders, no more.
        expect(r.json.result.objects[SA].written).toBe(200);
        const written = deals.filter(
            (d) => org.store.get(SA, d.stakeholderIds[0])!.Support_Index__c === 2
        ).length;
        expect(written).toBe(200);

        org.hooks.beforeWrite = undefined;
        const rerun = await rescore(org, ['--rest', '--apply', '--json', '--state-dir', stateDir]);
        expect(rerun.code).toBe(0);
        expect(rerun.json.result.objects[SA]).toMatchObject({ changed: 250, written: 250 });
    });
});

/** Org runs that cannot start or cannot go on: each ends with exit 3, one line, and what to do. */
describe('runs that cannot start or go on', () => {
    beforeEach(async () => {
        await start();
        mentorDeals(1);
    });

    function stateFile(): string {
        return path.join(
            stateDir,
            `${org.url.replace(/^https?:\/\//, '').replace(/[^A-Za-z0-9.-]+/g, '_')}.json`
        );
    }

    it('an org nobody answers at: UNREACHABLE with the address', async () => {
        const closed = createServer();
        await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
        const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
        await new Promise((resolve) => closed.close(resolve));
        const r = await rescore(org, ['--state-dir', stateDir, '--lang', 'en'], {
            env: { SF_INSTANCE_URL: url }
        });
        expect(r.code).toBe(3);
        expect(r.stderr).toMatch(
            new RegExp(`^Error \\(UNREACHABLE\\): Cannot reach ${url}: ECONNREFUSED\\. Check the network`)
        );
    });

    it('an answer no retry fixes and no record owns: ORG_ERROR with the org code, not an unexpected error', async () => {
        org.faults.add({ kind: 'query', times: 10, response: 'http500' });
        const r = await rescore(org, ['--max-retries', '0', '--state-dir', stateDir, '--lang', 'en']);
        expect(r.code).toBe(3);
        expect(r.stderr).toMatch(
            /^Error \(ORG_ERROR\): The org refused count: HTTP 500 UNKNOWN_EXCEPTION An unexpected error occurred\./
        );
        expect(r.stderr.split('\n')).toHaveLength(2);
    });

    it('a damaged state file stops --since last instead of guessing a start', async () => {
        mkdirSync(stateDir, { recursive: true });
        writeFileSync(stateFile(), '{ "lastSuccessfulRunStart": ');
        const r = await rescore(org, ['--since', 'last', '--json', '--state-dir', stateDir]);
        expect(r.code).toBe(3);
        expect(r.json).toMatchObject({ name: 'BAD_STATE' });
        expect(r.json.actions[0]).toContain('Delete it and run once without --since');
    });

    it('a state file without its start time is damaged too', async () => {
        mkdirSync(stateDir, { recursive: true });
        writeFileSync(stateFile(), '{}');
        const r = await rescore(org, ['--since', 'last', '--json', '--state-dir', stateDir]);
        expect(r.json).toMatchObject({
            name: 'BAD_STATE',
            message: expect.stringContaining('no lastSuccessfulRunStart')
        });
    });

    it('--state-dir naming a file is refused before any API call when the run would record state', async () => {
        const file = path.join(tempDir('file'), 'state');
        writeFileSync(file, 'x');
        const r = await rescore(org, ['--apply', '--json', '--state-dir', file]);
        expect(r.code).toBe(3);
        expect(r.json).toMatchObject({ name: 'NOT_A_FOLDER' });
        expect(org.log).toEqual([]);
    });
});
