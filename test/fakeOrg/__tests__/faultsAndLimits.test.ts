import { FakeOrg, startFakeOrg } from '../index';
import { V, call, connect, q } from './helpers';

let org: FakeOrg;
let people: string[];
const S = 'Stakeholder_Assessment__c';
const COUNT = q('SELECT COUNT() FROM Stakeholder_Assessment__c');

async function start(options: Parameters<typeof startFakeOrg>[0] = {}): Promise<void> {
    org = await startFakeOrg({ seed: 30, ...options });
    const [opp] = org.store.insert('Opportunity', [{ Name: 'Deal' }]);
    people = org.store.insert(S, [{ Opportunity__c: opp }, { Opportunity__c: opp }, { Opportunity__c: opp }]);
}
afterEach(() => org.close());

const patch = (ids: string[]) =>
    call(org, `${V}/composite/sobjects`, {
        method: 'PATCH',
        body: {
            allOrNone: false,
            records: ids.map((id) => ({ attributes: { type: S }, id, Support_Index__c: 1 }))
        }
    });

describe('daily API allocation', () => {
    it('counts every API request and reports api-usage on each response', async () => {
        await start({ dailyApiLimit: 1000, apiUsageStart: 10 });
        const first = await call(org, COUNT);
        const second = await call(org, `${V}/limits`);
        expect(first.headers.get('sforce-limit-info')).toBe('api-usage=11/1000');
        expect(second.headers.get('sforce-limit-info')).toBe('api-usage=12/1000');
        expect(org.apiUsage()).toEqual({ used: 12, max: 1000 });
    });

    it('answers 403 REQUEST_LIMIT_EXCEEDED once the allocation is used up, without counting', async () => {
        await start({ dailyApiLimit: 3, apiUsageStart: 2 });
        expect((await call(org, COUNT)).status).toBe(200);
        const refused = await call(org, COUNT);
        expect(refused.status).toBe(403);
        expect(refused.body).toEqual([
            { message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }
        ]);
        expect(refused.headers.get('sforce-limit-info')).toBe('api-usage=3/3');
        expect(org.apiUsage().used).toBe(3);
        expect(org.log.map((e) => e.counted)).toEqual([true, false]);
    });
});

describe('fault injection', () => {
    beforeEach(() => start());

    it.each([
        ['http500', 500, 'UNKNOWN_EXCEPTION', true],
        ['http503', 503, 'SERVER_UNAVAILABLE', true],
        ['expiredSession', 401, 'INVALID_SESSION_ID', false],
        ['requestLimitExceeded', 403, 'REQUEST_LIMIT_EXCEEDED', false]
    ] as const)(
        '%s answers %i %s and then the request works again',
        async (response, status, errorCode, counted) => {
            org.faults.add({ kind: 'query', times: 1, response });
            const failed = await call(org, COUNT);
            expect(failed.status).toBe(status);
            expect(failed.body[0].errorCode).toBe(errorCode);
            expect((await call(org, COUNT)).status).toBe(200);
            expect(org.log[0]).toMatchObject({ kind: 'query', status, fault: response, counted });
            expect(org.log[1].fault).toBeUndefined();
        }
    );

    it("concurrentLimit answers Salesforce's concurrent-request message", async () => {
        org.faults.add({ times: 1, response: 'concurrentLimit' });
        const res = await call(org, COUNT);
        expect(res.status).toBe(403);
        expect(res.body).toEqual([
            { message: 'ConcurrentPerOrgLongTxn Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }
        ]);
    });

    it('resetConnection drops the socket without a response', async () => {
        org.faults.add({ kind: /^query/, times: 2, response: 'resetConnection' });
        await expect(call(org, COUNT)).rejects.toThrow();
        await expect(call(org, COUNT)).rejects.toThrow();
        expect((await call(org, COUNT)).status).toBe(200);
        expect(org.log.map((e) => e.fault ?? 'none')).toEqual(['resetConnection', 'resetConnection', 'none']);
    });

    it('slow delays the response by delayMs and still answers', async () => {
        org.faults.add({ kind: 'query', times: 1, response: 'slow', delayMs: 150 });
        const started = Date.now();
        expect((await call(org, COUNT)).status).toBe(200);
        expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    });

    it('consumes faults in the order they were added, only for matching kinds', async () => {
        org.faults.add({ kind: 'collectionsUpdate', times: 1, response: 'http500' });
        org.faults.add({ kind: 'query', times: 1, response: 'http503' });
        org.faults.add({ kind: 'query', times: 1, response: 'http500' });
        expect((await call(org, COUNT)).status).toBe(503);
        expect((await call(org, COUNT)).status).toBe(500);
        expect((await call(org, COUNT)).status).toBe(200);
        expect(org.faults.pending()).toEqual([
            expect.objectContaining({ kind: 'collectionsUpdate', remaining: 1 })
        ]);
    });

    it('unableToLockRow fails the chosen records of a collections update with UNABLE_TO_LOCK_ROW', async () => {
        org.faults.add({
            kind: 'collectionsUpdate',
            times: 1,
            response: 'unableToLockRow',
            recordIds: [people[1]]
        });
        const res = await patch(people);
        expect(res.status).toBe(200);
        expect(res.body.map((r: { success: boolean }) => r.success)).toEqual([true, false, true]);
        expect(res.body[1].errors).toEqual([
            {
                statusCode: 'UNABLE_TO_LOCK_ROW',
                message: `unable to obtain exclusive access to this record or 1 records: ${people[1]}`,
                fields: []
            }
        ]);
        const retry = await patch([people[1]]);
        expect(retry.body[0].success).toBe(true);
    });

    it('refuses a handler fault for a request kind it cannot apply to', () => {
        expect(() => org.faults.add({ kind: 'query', times: 1, response: 'unableToLockRow' })).toThrow(
            /applies to collectionsUpdate or collectionsUpsert or collectionsDelete or ingestClose/
        );
    });

    it('surfaces faults to jsforce as the errors Salesforce would produce', async () => {
        const conn = connect(org);
        org.faults.add({ kind: 'query', times: 1, response: 'expiredSession' });
        await expect(conn.query('SELECT Id FROM Opportunity')).rejects.toMatchObject({
            errorCode: 'INVALID_SESSION_ID'
        });
        org.faults.add({ kind: 'collectionsUpdate', times: 1, response: 'requestLimitExceeded' });
        await expect(conn.sobject(S).update([{ Id: people[0], Support_Index__c: 1 }])).rejects.toMatchObject({
            errorCode: 'REQUEST_LIMIT_EXCEEDED'
        });
    });
});
