import '../../../test/fakeOrg/jestNodeShim';
import { Connection } from '@jsforce/jsforce-node';
import { FakeOrg, startFakeOrg } from '../../../test/fakeOrg';
import { HttpError } from '../../rescore/transport';
import { orgQueryError } from '../orgInput';
import { calibrate, tempDir } from './helpers';

// The four closed deals of csvMode.test.ts, in an org: the same hand-worked figures must come out.
let org: FakeOrg;
let env: NodeJS.ProcessEnv;

function seed(target: FakeOrg): void {
    const [a, b, c, d, e] = target.store.insert('Opportunity', [
        { Name: 'A', StageName: 'Closed Won', CloseDate: '2026-03-31' },
        { Name: 'B', StageName: 'Closed Lost', CloseDate: '2026-03-31' },
        { Name: 'C', StageName: 'Closed Won', CloseDate: '2026-04-30' },
        { Name: 'D', StageName: 'Closed Lost', CloseDate: '2026-04-30' },
        { Name: 'E', StageName: 'Prospecting', CloseDate: '2026-06-30' }
    ]);
    const snap = (opp: string, date: string, score: number, band: string, probability: number) => ({
        Opportunity__c: opp,
        Snapshot_Key__c: `${opp}:${date}`,
        Snapshot_Date__c: date,
        Control_Score__c: score,
        Control_Band__c: band,
        Probability__c: probability,
        Close_Date__c: '2026-03-31'
    });
    target.store.insert('Control_Snapshot__c', [
        snap(a, '2026-02-20', 70, 'Leading', 60),
        snap(a, '2026-03-01', 85, 'Controlled', 75),
        snap(a, '2026-03-10', 95, 'Controlled', 90),
        snap(b, '2026-02-01', 40, 'Contested', 50),
        snap(b, '2026-03-01', 35, 'Behind', 75),
        snap(c, '2026-03-31', 60, 'Leading', 50),
        snap(c, '2026-04-15', 90, 'Controlled', 90),
        snap(d, '2026-03-20', 62, 'Leading', 90),
        snap(d, '2026-03-31', 20, 'Behind', 90),
        snap(e, '2026-05-01', 50, 'Contested', 10)
    ]);
}

/** The SOQL of every REST query the org received, in order. */
const queries = (target: FakeOrg) =>
    target.log
        .filter((entry) => entry.kind === 'query')
        .map((entry) => new URLSearchParams(entry.path.split('?')[1]).get('q'));

beforeEach(async () => {
    org = await startFakeOrg({ seed: 12 });
    env = { SF_INSTANCE_URL: org.url, SF_ACCESS_TOKEN: org.accessToken };
    seed(org);
});
afterEach(() => org.close());

function expectHandWorkedFigures(result: {
    deals: number;
    brier: { control: number; stage: number };
    auc: { control: number; stage: number };
    bands: { n: number; won: number }[];
}): void {
    expect(result.deals).toBe(4);
    expect(result.bands.map((b) => [b.n, b.won])).toEqual([
        [1, 1],
        [1, 1],
        [0, 0],
        [2, 0],
        [0, 0]
    ]);
    expect(result.brier.control).toBeCloseTo(0.08625, 6);
    expect(result.brier.stage).toBeCloseTo(0.42125, 6);
    expect(result.auc.control).toBe(1);
    expect(result.auc.stage).toBeCloseTo(0.125, 6);
}

describe('calibrate against an org (the local fake org)', () => {
    it('reads closed deals and the snapshots that can count over REST, in four API calls', async () => {
        const r = await calibrate(['--json'], { env });
        expect(r.code).toBe(0);
        expectHandWorkedFigures(r.json.result);
        expect(org.callsByKind()).toEqual({ query: 4 });
        // The latest close is 30 April: no snapshot after 31 March can be 30 days before any close.
        expect(queries(org)).toEqual([
            'SELECT COUNT() FROM Opportunity WHERE IsClosed = true',
            'SELECT Id, IsClosed, IsWon, CloseDate FROM Opportunity WHERE IsClosed = true',
            'SELECT COUNT() FROM Control_Snapshot__c WHERE Snapshot_Date__c <= 2026-03-31',
            'SELECT Id, Opportunity__c, Snapshot_Date__c, Control_Score__c, Control_Band__c, Probability__c FROM Control_Snapshot__c WHERE Snapshot_Date__c <= 2026-03-31'
        ]);
    });

    it('pages through REST results with queryMore', async () => {
        await org.close();
        org = await startFakeOrg({ seed: 12, restQueryBatchSize: 2 });
        env = { SF_INSTANCE_URL: org.url, SF_ACCESS_TOKEN: org.accessToken };
        seed(org);
        const r = await calibrate(['--json'], { env });
        expect(r.code).toBe(0);
        expectHandWorkedFigures(r.json.result);
        expect(org.callsByKind().queryMore).toBeGreaterThan(2);
    });

    it('reads with Bulk API 2.0 above --bulk-threshold, with the same figures', async () => {
        const r = await calibrate(['--json', '--bulk-threshold', '3', '--poll-interval', '1'], { env });
        expect(r.code).toBe(0);
        expectHandWorkedFigures(r.json.result);
        const calls = org.callsByKind();
        expect(calls.bulkQueryCreate).toBe(2);
        expect(calls.bulkQueryResults).toBe(2);
    });

    it('asks the org only for deals closed since --since', async () => {
        const r = await calibrate(['--json', '--since', '2026-04-01'], { env });
        expect(r.json.result.deals).toBe(2);
        expect(queries(org)[1]).toBe(
            'SELECT Id, IsClosed, IsWon, CloseDate FROM Opportunity WHERE IsClosed = true AND CloseDate >= 2026-04-01'
        );
    });

    it('takes the connection it is given for --target-org (as @salesforce/core would build it)', async () => {
        const connect = async () =>
            new Connection({ instanceUrl: org.url, accessToken: org.accessToken, version: '66.0' });
        const r = await calibrate(['--target-org', 'prod', '--json'], { connect });
        expect(r.code).toBe(0);
        expectHandWorkedFigures(r.json.result);
    });

    it('reads no snapshot when nothing has closed', async () => {
        await org.close();
        org = await startFakeOrg({ seed: 12 });
        env = { SF_INSTANCE_URL: org.url, SF_ACCESS_TOKEN: org.accessToken };
        org.store.insert('Opportunity', [
            { Name: 'Open', StageName: 'Prospecting', CloseDate: '2026-06-30' }
        ]);
        const r = await calibrate(['--json', '--lang', 'en'], { env });
        expect([r.code, r.json.result.deals]).toEqual([0, 0]);
        expect(org.callsByKind()).toEqual({ query: 2 });
        expect(r.json.warnings[0]).toMatch(/^Too few closed deals to conclude anything: 0 closed deals/);
    });

    it('stops with the cause and the fix when the session has expired and cannot be renewed', async () => {
        org.faults.add({ kind: 'query', times: 1, response: 'expiredSession' });
        const r = await calibrate(['--json'], { env });
        expect(r.code).toBe(3);
        expect(r.json.name).toBe('AUTH');
        // The shared org code gives the cause as the message and the fix as an action.
        expect(r.json.message).toMatch(/session expired/);
        expect(r.json.actions[0]).toContain('sf org display --target-org <alias>');
    });

    it('names an unusable record by its Id and leaves it out (exit 2)', async () => {
        const [late] = org.store.insert('Opportunity', [
            { Name: 'F', StageName: 'Closed Won', CloseDate: '2026-04-30' }
        ]);
        const [bad] = org.store.insert('Control_Snapshot__c', [
            {
                Opportunity__c: late,
                Snapshot_Date__c: '2026-03-01',
                Control_Score__c: 70,
                Control_Band__c: 'Great',
                Probability__c: 50
            }
        ]);
        const r = await calibrate(['--json'], { env });
        expect(r.code).toBe(2);
        expect(r.json.result.deals).toBe(4);
        expect(r.json.warnings).toContain(
            `Control_Snapshot__c ${bad}: Control_Band__c is "Great"; it must be one of Controlled, Leading, Contested, Behind, Losing (exact API names).`
        );
    });

    it('passes --target-org to the sf CLI auth of the rescore script: an unknown alias says how to log in', async () => {
        const r = await calibrate(['--target-org', 'no-such-alias-i12', '--lang', 'en'], {
            env: { HOME: tempDir('home') }
        });
        expect(r.code).toBe(3);
        expect(r.stderr).toContain('sf org login web --alias no-such-alias-i12');
    });
});

describe('what a refused query means', () => {
    it('a missing object or field means Deal Control is not deployed there; anything else is worth a retry', () => {
        const missing = orgQueryError(
            new HttpError(
                400,
                [
                    {
                        errorCode: 'INVALID_TYPE',
                        message: "sObject type 'Control_Snapshot__c' is not supported."
                    }
                ],
                'query'
            ),
            'Control_Snapshot__c'
        );
        expect(missing.code).toBe('ORG_SCHEMA');
        expect(missing.text.en).toContain(
            "The org refused the query on Control_Snapshot__c: query: HTTP 400 INVALID_TYPE: sObject type 'Control_Snapshot__c' is not supported."
        );
        expect(missing.actions[0].en).toContain('npm run deploy -- --target-org <alias>');
        const other = orgQueryError(
            new HttpError(500, [{ errorCode: 'UNKNOWN_EXCEPTION', message: 'boom' }], 'query'),
            'Opportunity'
        );
        expect([other.code, other.exitCode]).toEqual(['ORG_QUERY', 3]);
        expect(other.actions[0].zh).toContain('请稍后重试');
    });
});
