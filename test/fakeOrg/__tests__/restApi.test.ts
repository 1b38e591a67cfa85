import { FakeOrg, startFakeOrg } from '../index';
import { V, call, connect, q } from './helpers';

let org: FakeOrg;
afterEach(() => org.close());

function seedPeople(n: number): string[] {
    const [opp] = org.store.insert('Opportunity', [{ Name: 'Deal', StageName: 'Prospecting' }]);
    return org.store.insert(
        'Stakeholder_Assessment__c',
        Array.from({ length: n }, (_, i) => ({ Name: `P${String(i).padStart(4, '0')}`, Opportunity__c: opp }))
    );
}

describe('versions, auth and resources', () => {
    beforeEach(async () => {
        org = await startFakeOrg({ seed: 10, apiVersions: ['65.0', '66.0'] });
    });

    it('lists the supported versions without a token and without counting a call', async () => {
        const res = await call(org, '/services/data/', { token: null });
        expect(res.status).toBe(200);
        expect(res.body).toEqual([
            { label: "Winter '26", url: '/services/data/v65.0', version: '65.0' },
            { label: "Spring '26", url: '/services/data/v66.0', version: '66.0' }
        ]);
        expect(org.apiUsage().used).toBe(0);
    });

    it('answers 401 INVALID_SESSION_ID without a valid bearer token, uncounted', async () => {
        for (const token of [null, 'wrong']) {
            const res = await call(org, q('SELECT Id FROM Opportunity'), { token });
            expect(res.status).toBe(401);
            expect(res.body).toEqual([
                { message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }
            ]);
        }
        expect(org.apiUsage().used).toBe(0);
        expect(org.log.map((e) => [e.status, e.counted])).toEqual([
            [401, false],
            [401, false]
        ]);
    });

    it('answers 404 NOT_FOUND for an unsupported API version and for unknown resources', async () => {
        const old = await call(org, '/services/data/v50.0/query?q=SELECT+Id+FROM+Opportunity');
        expect(old.status).toBe(404);
        expect(old.body).toEqual([
            { errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }
        ]);
        const unknown = await call(org, `${V}/sobjects/Opportunity/describe`);
        expect(unknown.status).toBe(404);
        expect(org.log.map((e) => e.kind)).toEqual(['notFound', 'notFound']);
    });

    it('reports the daily API allocation in GET /limits', async () => {
        org = await restart({ dailyApiLimit: 5000, apiUsageStart: 120 });
        const res = await call(org, `${V}/limits`);
        expect(res.body.DailyApiRequests).toEqual({ Max: 5000, Remaining: 4879 });
        expect(res.headers.get('sforce-limit-info')).toBe('api-usage=121/5000');
    });
});

async function restart(options: Parameters<typeof startFakeOrg>[0]): Promise<FakeOrg> {
    await org.close();
    return startFakeOrg({ seed: 11, ...options });
}

describe('REST query paging', () => {
    it('pages with nextRecordsUrl in the batch sizes the org decides, page after page', async () => {
        const sizes = [3, 5, 2];
        org = await startFakeOrg({ seed: 12, restQueryBatchSize: (page) => sizes[page] ?? 4 });
        const ids = seedPeople(12);
        const first = await call(org, q('SELECT Id, Name FROM Stakeholder_Assessment__c'));
        expect(first.body.totalSize).toBe(12);
        expect(first.body.done).toBe(false);
        expect(first.body.records.map((r: { Id: string }) => r.Id)).toEqual(ids.slice(0, 3));
        expect(first.body.nextRecordsUrl).toMatch(/^\/services\/data\/v66\.0\/query\/01g[A-Za-z0-9]{15}-3$/);
        const seen = [...first.body.records];
        let next: string | undefined = first.body.nextRecordsUrl;
        const pageSizes = [first.body.records.length];
        while (next) {
            const page = await call(org, next);
            expect(page.status).toBe(200);
            expect(page.body.totalSize).toBe(12);
            pageSizes.push(page.body.records.length);
            seen.push(...page.body.records);
            next = page.body.nextRecordsUrl;
            expect(page.body.done).toBe(next === undefined);
        }
        expect(pageSizes).toEqual([3, 5, 2, 2]);
        expect(seen.map((r) => r.Id)).toEqual(ids);
        expect(org.callsByKind()).toEqual({ query: 1, queryMore: 3 });
        expect(org.log.map((e) => e.records)).toEqual([3, 5, 2, 2]);
    });

    it('serves jsforce query, queryMore and autoFetch', async () => {
        org = await startFakeOrg({ seed: 13, restQueryBatchSize: 4 });
        const ids = seedPeople(10);
        const conn = connect(org);
        const first = await conn.query<{ Id: string }>('SELECT Id FROM Stakeholder_Assessment__c');
        expect(first.records.map((r) => r.Id)).toEqual(ids.slice(0, 4));
        expect(first.done).toBe(false);
        const second = await conn.queryMore<{ Id: string }>(first.nextRecordsUrl!);
        expect(second.records.map((r) => r.Id)).toEqual(ids.slice(4, 8));
        const all = await conn.query<{ Id: string }>('SELECT Id FROM Stakeholder_Assessment__c', {
            autoFetch: true,
            maxFetch: 100
        });
        expect(all.records.map((r) => r.Id)).toEqual(ids);
        expect(org.callsByKind()).toEqual({ query: 2, queryMore: 3 });
        expect(conn.limitInfo.apiUsage).toEqual({ used: 5, limit: 100000 });
    });

    it('honours a smaller Sforce-Query-Options batchSize (never below 200)', async () => {
        org = await startFakeOrg({ seed: 14 });
        seedPeople(450);
        const hinted = await call(org, q('SELECT Id FROM Stakeholder_Assessment__c'), {
            headers: { 'Sforce-Query-Options': 'batchSize=300' }
        });
        expect(hinted.body.records).toHaveLength(300);
        const tiny = await call(org, q('SELECT Id FROM Stakeholder_Assessment__c'), {
            headers: { 'Sforce-Query-Options': 'batchSize=10' }
        });
        expect(tiny.body.records).toHaveLength(200);
    });

    it('answers COUNT() with totalSize and no records', async () => {
        org = await startFakeOrg({ seed: 15 });
        seedPeople(7);
        const res = await call(org, q('SELECT COUNT() FROM Stakeholder_Assessment__c'));
        expect(res.body).toEqual({ totalSize: 7, done: true, records: [] });
        const conn = connect(org);
        expect(
            await conn.query('SELECT COUNT() FROM Stakeholder_Assessment__c').then((r) => r.totalSize)
        ).toBe(7);
    });

    it('writes REST wire formats: date-times with +0000, dates, booleans, numbers and nulls', async () => {
        org = await startFakeOrg({ seed: 16 });
        const [opp] = org.store.insert('Opportunity', [{ Name: 'A', CloseDate: '2026-05-01' }]);
        org.store.insert('Stakeholder_Assessment__c', [
            {
                Opportunity__c: opp,
                Scored_At__c: '2026-02-03T04:05:06Z',
                Completeness__c: 80,
                Decision_Focus__c: 'Business;Technical'
            }
        ]);
        const res = await call(
            org,
            q(
                'SELECT Scored_At__c, Completeness__c, Top_Decision_Maker__c, Decision_Focus__c, Insight_Codes__c FROM Stakeholder_Assessment__c'
            )
        );
        expect(res.body.records[0]).toMatchObject({
            Scored_At__c: '2026-02-03T04:05:06.000+0000',
            Completeness__c: 80,
            Top_Decision_Maker__c: false,
            Decision_Focus__c: 'Business;Technical',
            Insight_Codes__c: null
        });
    });

    it('refuses an unknown or expired query locator with INVALID_QUERY_LOCATOR', async () => {
        org = await startFakeOrg({ seed: 17, restQueryBatchSize: 1 });
        seedPeople(3);
        const res = await call(org, `${V}/query/01gFk0000000zzzAAA-1`);
        expect(res.status).toBe(400);
        expect(res.body).toEqual([{ message: 'invalid query locator', errorCode: 'INVALID_QUERY_LOCATOR' }]);
        // Salesforce keeps about ten open cursors per user: the oldest is dropped.
        const firsts = [];
        for (let i = 0; i < 11; i++)
            firsts.push(await call(org, q('SELECT Id FROM Stakeholder_Assessment__c')));
        expect((await call(org, firsts[0].body.nextRecordsUrl)).status).toBe(400);
        expect((await call(org, firsts[10].body.nextRecordsUrl)).status).toBe(200);
    });
});
