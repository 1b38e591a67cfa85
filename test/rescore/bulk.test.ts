import { MODEL_VERSION } from 'c/dealControlModel';
import { FakeOrg } from '../fakeOrg';
import { SA, SC, addDeal, rescore, tempDir, withOrg } from './harness';

let org: FakeOrg;
let stateDir: string;
beforeEach(async () => {
    org = await withOrg({ shuffleResults: true, bulkJobPollsUntilComplete: 2 });
    stateDir = tempDir('state');
});
afterEach(() => org.close());

function deals(n: number) {
    return Array.from({ length: n }, (_, i) =>
        addDeal(
            org,
            [
                { Attitude_To_Us__c: 'Mentor', Decision_Body_Member__c: true },
                { Attitude_To_Us__c: i % 2 === 0 ? 'Opponent' : 'Supporter', Top_Decision_Maker__c: true }
            ],
            { Coach__c: 'Confirmed', Win__c: 'Yes', First_Majority_Choose__c: 'Yes' },
            `Deal ${i}`
        )
    );
}

describe('Bulk API 2.0 mode', () => {
    it('--bulk writes every changed record through query and ingest jobs and nothing else', async () => {
        const all = deals(5);
        const r = await rescore(org, ['--bulk', '--apply', '--json', '--state-dir', stateDir]);
        expect(r.code).toBe(0);
        expect(r.json.result.transport).toBe('bulk');
        expect(r.json.result.objects[SA]).toMatchObject({ read: 10, changed: 10, written: 10, failed: 0 });
        expect(r.json.result.objects[SC]).toMatchObject({ read: 5, changed: 5, written: 5 });
        for (const [i, deal] of all.entries()) {
            const card = org.store.get(SC, deal.scorecardId)!;
            // Win = Yes: contradicted by an opposing top decision maker, otherwise supported.
            expect(card.Evidence_Codes__c ?? null).toBe(i % 2 === 0 ? 'WIN_CONTRADICTED' : null);
            expect(card.Model_Version__c).toBe(MODEL_VERSION);
        }
        const kinds = org.callsByKind();
        expect(kinds.collectionsUpdate ?? 0).toBe(0);
        // One job per object; the second pass (the lost-update check) finds nothing left to write.
        expect(r.json.result.passes).toBe(2);
        expect(kinds.ingestCreate).toBe(2);
        // No failures: failedResults and unprocessedrecords are never fetched.
        expect(kinds.ingestResults ?? 0).toBe(0);
    });

    it('switches to Bulk on its own above --bulk-threshold and stays on REST below it', async () => {
        deals(2);
        const bulk = await rescore(org, ['--bulk-threshold', '3', '--json', '--state-dir', stateDir]);
        expect(bulk.json.result.transport).toBe('bulk');
        const rest = await rescore(org, ['--bulk-threshold', '100', '--json', '--state-dir', stateDir]);
        expect(rest.json.result.transport).toBe('rest');
    });

    it('pages query results with Sforce-Locator until "null"', async () => {
        deals(5);
        const r = await rescore(org, ['--bulk', '--bulk-page-size', '3', '--json', '--state-dir', stateDir]);
        expect(r.json.result.objects[SA].read).toBe(10);
        // 10 stakeholders in pages of 3, 5 scorecards in pages of 3 and no link: 4 + 2 + 1 pages.
        expect(org.callsByKind().bulkQueryResults).toBe(7);
        expect(
            org.log.filter((e) => e.kind === 'bulkQueryResults').every((e) => e.path.includes('maxRecords=3'))
        ).toBe(true);
    });

    it('retries a failed ingest job with a new job', async () => {
        const [deal] = deals(1);
        org.faults.add({ kind: 'ingestClose', times: 1, response: 'jobFailed' });
        const r = await rescore(org, ['--bulk', '--apply', '--json', '--state-dir', stateDir]);
        expect(r.code).toBe(0);
        expect(org.store.get(SC, deal.scorecardId)!.Model_Version__c).toBe(MODEL_VERSION);
        expect(org.store.get(SA, deal.stakeholderIds[0])!.Model_Version__c).toBe(MODEL_VERSION);
        expect(r.json.result.retries).toBeGreaterThan(0);
    });

    it('retries a failed query job', async () => {
        deals(1);
        org.faults.add({ kind: 'bulkQueryCreate', times: 1, response: 'jobFailed' });
        const r = await rescore(org, ['--bulk', '--json', '--state-dir', stateDir]);
        expect(r.code).toBe(0);
        expect(r.json.result.objects[SA].read).toBe(2);
    });

    it('resends rows that hit UNABLE_TO_LOCK_ROW in a new job, and reports rows that never get through (exit 2)', async () => {
        const [a, b] = deals(2);
        org.faults.add({
            kind: 'ingestClose',
            times: 1,
            response: 'unableToLockRow',
            recordIds: [a.scorecardId]
        });
        const ok = await rescore(org, ['--bulk', '--apply', '--json', '--state-dir', stateDir]);
        expect(ok.code).toBe(0);
        expect(org.store.get(SC, a.scorecardId)!.Model_Version__c).toBe(MODEL_VERSION);

        org.store.update(SC, b.scorecardId, { Win__c: 'Against' });
        org.faults.add({
            kind: 'ingestClose',
            times: 5,
            response: 'unableToLockRow',
            recordIds: [b.scorecardId]
        });
        const report = `${tempDir('report')}/report.csv`;
        const failed = await rescore(org, [
            '--bulk',
            '--apply',
            '--max-retries',
            '1',
            '--json',
            '--report',
            report,
            '--state-dir',
            stateDir
        ]);
        expect(failed.code).toBe(2);
        expect(failed.json.result.objects[SC].failed).toBe(1);
        expect(failed.json.result.problemsByCode.UNABLE_TO_LOCK_ROW).toBe(1);
        const { readFileSync } = await import('node:fs');
        expect(readFileSync(report, 'utf8')).toContain(`failure,${SC},${b.scorecardId}`);
    });
});
