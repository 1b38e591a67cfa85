import { parse } from 'csv-parse/sync';
import { FakeOrg, startFakeOrg } from '../index';
import { V, call, connect } from './helpers';

let org: FakeOrg;
let ids: string[];
const S = 'Stakeholder_Assessment__c';

async function start(options: Parameters<typeof startFakeOrg>[0] = {}, people = 5): Promise<void> {
    org = await startFakeOrg({ seed: 40, ...options });
    const [opp] = org.store.insert('Opportunity', [{ Name: 'Deal' }]);
    ids = org.store.insert(
        S,
        Array.from({ length: people }, (_, i) => ({ Name: `P${i}`, Opportunity__c: opp }))
    );
}
afterEach(() => org.close());

async function createJob(query: string, extra: Record<string, unknown> = {}): Promise<string> {
    const res = await call(org, `${V}/jobs/query`, {
        method: 'POST',
        body: { operation: 'query', query, ...extra }
    });
    expect(res.status).toBe(200);
    return res.body.id;
}

it('reports the job lifecycle: UploadComplete, InProgress while slow, then JobComplete', async () => {
    await start({ bulkJobPollsUntilComplete: 2 });
    const created = await call(org, `${V}/jobs/query`, {
        method: 'POST',
        body: { operation: 'query', query: 'SELECT Id FROM Stakeholder_Assessment__c' }
    });
    expect(created.body).toMatchObject({
        id: expect.stringMatching(/^750[A-Za-z0-9]{15}$/),
        operation: 'query',
        object: S,
        state: 'UploadComplete',
        concurrencyMode: 'Parallel',
        contentType: 'CSV',
        apiVersion: 66,
        lineEnding: 'LF',
        columnDelimiter: 'COMMA'
    });
    const states = [];
    for (let i = 0; i < 3; i++) states.push((await call(org, `${V}/jobs/query/${created.body.id}`)).body);
    expect(states.map((s) => s.state)).toEqual(['InProgress', 'InProgress', 'JobComplete']);
    expect(states[2]).toMatchObject({ numberRecordsProcessed: 5, jobType: 'V2Query' });
    expect(org.callsByKind()).toEqual({ bulkQueryCreate: 1, bulkQueryPoll: 3 });
});

it('pages results with maxRecords and Sforce-Locator, ending with the literal "null"', async () => {
    await start({ bulkJobPollsUntilComplete: 0 }, 5);
    const id = await createJob('SELECT Id, Name FROM Stakeholder_Assessment__c');
    await call(org, `${V}/jobs/query/${id}`);
    const pages = [];
    let locator: string | null = '';
    while (locator !== 'null') {
        const res = await call(
            org,
            `${V}/jobs/query/${id}/results?maxRecords=2${locator ? `&locator=${locator}` : ''}`
        );
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toBe('text/csv');
        locator = res.headers.get('sforce-locator');
        pages.push({
            count: res.headers.get('sforce-numberofrecords'),
            rows: parse(res.text, { columns: true }) as Array<{ Id: string }>
        });
    }
    expect(pages.map((p) => p.count)).toEqual(['2', '2', '1']);
    expect(pages.flatMap((p) => p.rows.map((r) => r.Id))).toEqual(ids);
});

it('uses bulkQueryMaxRecords as the page size when the client gives none', async () => {
    await start({ bulkJobPollsUntilComplete: 0, bulkQueryMaxRecords: 3 }, 5);
    const id = await createJob('SELECT Id FROM Stakeholder_Assessment__c');
    await call(org, `${V}/jobs/query/${id}`);
    const res = await call(org, `${V}/jobs/query/${id}/results`);
    expect(res.headers.get('sforce-numberofrecords')).toBe('3');
    expect(res.headers.get('sforce-locator')).not.toBe('null');
});

it('writes CSV as Bulk API 2.0 does: quoted values, "" escapes, blanks empty, booleans and date-times', async () => {
    await start({ bulkJobPollsUntilComplete: 0 }, 0);
    const [opp] = org.store.insert('Opportunity', [{ Name: 'Deal' }]);
    org.store.insert(S, [
        {
            Name: 'Say "hi", then\nleave',
            Opportunity__c: opp,
            Top_Decision_Maker__c: true,
            Scored_At__c: '2026-02-03T04:05:06Z',
            Support_Index__c: -1
        }
    ]);
    const id = await createJob(
        'SELECT Name, Top_Decision_Maker__c, Scored_At__c, Support_Index__c, Title__c FROM Stakeholder_Assessment__c'
    );
    await call(org, `${V}/jobs/query/${id}`);
    const res = await call(org, `${V}/jobs/query/${id}/results`);
    expect(res.text).toBe(
        '"Name","Top_Decision_Maker__c","Scored_At__c","Support_Index__c","Title__c"\n' +
            '"Say ""hi"", then\nleave","true","2026-02-03T04:05:06.000Z","-1",""\n'
    );
});

it('honours columnDelimiter and lineEnding of the job', async () => {
    await start({ bulkJobPollsUntilComplete: 0 }, 1);
    const id = await createJob('SELECT Id, Name FROM Stakeholder_Assessment__c', {
        columnDelimiter: 'PIPE',
        lineEnding: 'CRLF'
    });
    await call(org, `${V}/jobs/query/${id}`);
    const res = await call(org, `${V}/jobs/query/${id}/results`);
    expect(res.text).toBe(`"Id"|"Name"\r\n"${ids[0]}"|"P0"\r\n`);
});

it('runs the query when the job completes, so later edits are in the results', async () => {
    await start({ bulkJobPollsUntilComplete: 1 }, 2);
    const id = await createJob("SELECT Name FROM Stakeholder_Assessment__c WHERE Name = 'Renamed'");
    org.store.update(S, ids[1], { Name: 'Renamed' });
    await call(org, `${V}/jobs/query/${id}`);
    await call(org, `${V}/jobs/query/${id}`);
    const res = await call(org, `${V}/jobs/query/${id}/results`);
    expect(parse(res.text, { columns: true })).toEqual([{ Name: 'Renamed' }]);
});

it('refuses bad queries at creation and results before completion or from another API version', async () => {
    await start({ bulkJobPollsUntilComplete: 5 }, 1);
    const bad = await call(org, `${V}/jobs/query`, {
        method: 'POST',
        body: { operation: 'query', query: 'SELECT Nope FROM Opportunity' }
    });
    expect(bad.status).toBe(400);
    expect(bad.body[0].errorCode).toBe('INVALID_FIELD');
    const id = await createJob('SELECT Id FROM Stakeholder_Assessment__c');
    expect((await call(org, `${V}/jobs/query/${id}/results`)).status).toBe(400);
    expect((await call(org, `/services/data/v65.0/jobs/query/${id}/results`)).status).toBe(409);
    expect((await call(org, `${V}/jobs/query/750Fk0000000999AAA`)).status).toBe(404);
});

it('fails the job when a jobFailed fault is queued for its creation', async () => {
    await start({ bulkJobPollsUntilComplete: 0 }, 1);
    org.faults.add({ kind: 'bulkQueryCreate', times: 1, response: 'jobFailed' });
    const id = await createJob('SELECT Id FROM Stakeholder_Assessment__c');
    const polled = await call(org, `${V}/jobs/query/${id}`);
    expect(polled.body.state).toBe('Failed');
    expect(polled.body.errorMessage).toMatch(/injected fault/);
    const retry = await createJob('SELECT Id FROM Stakeholder_Assessment__c');
    expect((await call(org, `${V}/jobs/query/${retry}`)).body.state).toBe('JobComplete');
});

it('aborts and deletes jobs', async () => {
    await start({ bulkJobPollsUntilComplete: 5 }, 1);
    const id = await createJob('SELECT Id FROM Stakeholder_Assessment__c');
    const aborted = await call(org, `${V}/jobs/query/${id}`, { method: 'PATCH', body: { state: 'Aborted' } });
    expect(aborted.body.state).toBe('Aborted');
    expect((await call(org, `${V}/jobs/query/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await call(org, `${V}/jobs/query/${id}`)).status).toBe(404);
    expect(org.callsByKind()).toEqual({
        bulkQueryCreate: 1,
        bulkQueryAbort: 1,
        bulkQueryDelete: 1,
        bulkQueryPoll: 1
    });
});

it('serves jsforce bulk2.query when the results fit in one page', async () => {
    await start({ bulkJobPollsUntilComplete: 1 }, 4);
    const conn = connect(org);
    conn.bulk2.pollInterval = 5;
    const stream = await conn.bulk2.query(
        'SELECT Id, Name, Top_Decision_Maker__c FROM Stakeholder_Assessment__c'
    );
    const records = await stream.toArray();
    expect(records.map((r) => r.Id)).toEqual(ids);
    expect(records[0]).toEqual({ Id: ids[0], Name: 'P0', Top_Decision_Maker__c: 'false' });
    expect(org.callsByKind()).toEqual({ bulkQueryCreate: 1, bulkQueryPoll: 2, bulkQueryResults: 1 });
});

it('a truncatedPage fault ends a results page cleanly after half its rows while the headers announce them all', async () => {
    await start({ bulkJobPollsUntilComplete: 0 }, 5);
    const id = await createJob('SELECT Id FROM Stakeholder_Assessment__c');
    await call(org, `${V}/jobs/query/${id}`);
    org.faults.add({ kind: 'bulkQueryResults', times: 1, response: 'truncatedPage' });
    const cut = await call(org, `${V}/jobs/query/${id}/results?maxRecords=4`);
    expect(cut.status).toBe(200);
    expect(cut.headers.get('sforce-numberofrecords')).toBe('4');
    expect((parse(cut.text, { columns: true }) as unknown[]).length).toBe(2);
    const whole = await call(org, `${V}/jobs/query/${id}/results?maxRecords=4`);
    expect((parse(whole.text, { columns: true }) as Array<{ Id: string }>).map((r) => r.Id)).toEqual(
        ids.slice(0, 4)
    );
    expect(org.log.filter((e) => e.kind === 'bulkQueryResults').map((e) => e.records)).toEqual([2, 4]);
});

it('calls hooks.beforeRequest with the kind and path of each request as it arrives', async () => {
    await start({ bulkJobPollsUntilComplete: 0 }, 1);
    const kinds: string[] = [];
    org.hooks.beforeRequest = (kind, path) => kinds.push(`${kind} ${path.replace(/\/[^/]+$/, '')}`);
    const id = await createJob('SELECT Id FROM Stakeholder_Assessment__c');
    await call(org, `${V}/jobs/query/${id}`);
    expect(kinds).toEqual([`bulkQueryCreate ${V}/jobs`, `bulkQueryPoll ${V}/jobs/query`]);
});
