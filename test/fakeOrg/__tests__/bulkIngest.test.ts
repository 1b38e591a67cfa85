import { parse } from 'csv-parse/sync';
import { FakeOrg, startFakeOrg } from '../index';
import { V, call, connect } from './helpers';

let org: FakeOrg;
let ids: string[];
const S = 'Stakeholder_Assessment__c';

async function start(options: Parameters<typeof startFakeOrg>[0] = {}, people = 4): Promise<void> {
    org = await startFakeOrg({ seed: 50, bulkJobPollsUntilComplete: 0, ...options });
    const [opp] = org.store.insert('Opportunity', [{ Name: 'Deal' }]);
    ids = org.store.insert(
        S,
        Array.from({ length: people }, (_, i) => ({
            Name: `P${i}`,
            Opportunity__c: opp,
            Insight_Codes__c: 'OLD'
        }))
    );
}
afterEach(() => org.close());

/** Create, upload, close and poll once: the job is complete when bulkJobPollsUntilComplete is 0. */
async function runJob(
    csv: string,
    jobOptions: Record<string, unknown> = {}
): Promise<{ id: string; info: Record<string, unknown> }> {
    const created = await call(org, `${V}/jobs/ingest`, {
        method: 'POST',
        body: { object: S, operation: 'update', contentType: 'CSV', lineEnding: 'LF', ...jobOptions }
    });
    expect(created.body).toMatchObject({
        state: 'Open',
        object: S,
        operation: jobOptions.operation ?? 'update'
    });
    const id = created.body.id;
    const upload = await call(org, `${V}/jobs/ingest/${id}/batches`, {
        method: 'PUT',
        body: csv,
        headers: { 'Content-Type': 'text/csv' }
    });
    expect(upload.status).toBe(201);
    const closed = await call(org, `${V}/jobs/ingest/${id}`, {
        method: 'PATCH',
        body: { state: 'UploadComplete' }
    });
    expect(closed.body.state).toBe('UploadComplete');
    const info = (await call(org, `${V}/jobs/ingest/${id}`)).body as Record<string, unknown>;
    return { id, info };
}

async function results(id: string, which: string): Promise<Record<string, string>[]> {
    const res = await call(org, `${V}/jobs/ingest/${id}/${which}/`);
    expect(res.headers.get('content-type')).toBe('text/csv');
    return parse(res.text, { columns: true });
}

it('applies an update job and reports successful and failed rows with sf__ columns', async () => {
    await start();
    const csv = [
        'Id,Support_Index__c,Insight_Codes__c',
        `${ids[0]},2,MENTOR_LOW_CONTACT`,
        `${ids[1]},9000,`,
        `${ids[2]},-1,#N/A`,
        `${ids[3].slice(0, 15)},0,"A;B"`
    ].join('\n');
    const { id, info } = await runJob(csv + '\n');
    expect(info).toMatchObject({
        state: 'JobComplete',
        numberRecordsProcessed: 4,
        numberRecordsFailed: 1,
        jobType: 'V2Ingest'
    });
    const ok = await results(id, 'successfulResults');
    expect(ok.map((r) => r.sf__Id).sort()).toEqual([ids[0], ids[2], ids[3]].sort());
    expect(ok.every((r) => r.sf__Created === 'false')).toBe(true);
    const failed = await results(id, 'failedResults');
    expect(failed).toEqual([
        {
            sf__Id: '',
            sf__Error:
                'NUMBER_OUTSIDE_VALID_RANGE:Support Index: value outside of valid range on numeric field: 9000:Support_Index__c --',
            Id: ids[1],
            Support_Index__c: '9000',
            Insight_Codes__c: ''
        }
    ]);
    expect(await results(id, 'unprocessedrecords')).toEqual([]);
    // '#N/A' blanks a field; an empty cell leaves it alone.
    expect(org.store.get(S, ids[0])).toMatchObject({
        Support_Index__c: 2,
        Insight_Codes__c: 'MENTOR_LOW_CONTACT'
    });
    expect(org.store.get(S, ids[2])).toMatchObject({ Support_Index__c: -1, Insight_Codes__c: null });
    expect(org.store.get(S, ids[3])).toMatchObject({ Insight_Codes__c: 'A;B' });
    expect(org.store.get(S, ids[1])).toMatchObject({ Support_Index__c: null, Insight_Codes__c: 'OLD' });
});

it('parses quoted CSV: delimiters, "" escapes and line breaks inside quotes', async () => {
    await start({}, 1);
    const { info } = await runJob(`Id,Insight_Codes__c,Model_Version__c\n${ids[0]},"a,b ""c""\nd",v1\n`);
    expect(info.state).toBe('JobComplete');
    expect(org.store.get(S, ids[0])).toMatchObject({
        Insight_Codes__c: 'a,b "c"\nd',
        Model_Version__c: 'v1'
    });
});

it('returns results in shuffled order (the same set), or in upload order when shuffling is off', async () => {
    const csvOf = () => ['Id,Support_Index__c', ...ids.map((id) => `${id},1`)].join('\n') + '\n';
    await start({ seed: 51 }, 30);
    const shuffled = (await results((await runJob(csvOf())).id, 'successfulResults')).map((r) => r.sf__Id);
    expect(shuffled).not.toEqual(ids);
    expect([...shuffled].sort()).toEqual([...ids].sort());
    await org.close();
    await start({ shuffleResults: false }, 30);
    const ordered = (await results((await runJob(csvOf())).id, 'successfulResults')).map((r) => r.sf__Id);
    expect(ordered).toEqual(ids);
});

it('fails the job for an unknown column or a line ending that does not match the job', async () => {
    await start({}, 1);
    const unknown = await runJob(`Id,Suport_Index__c\n${ids[0]},1\n`);
    expect(unknown.info).toMatchObject({
        state: 'Failed',
        errorMessage: 'InvalidBatch : Field name not found : Suport_Index__c'
    });
    const crlf = await runJob(`Id,Support_Index__c\r\n${ids[0]},1\r\n`);
    expect(crlf.info).toMatchObject({
        state: 'Failed',
        errorMessage:
            'ClientInputError : LineEnding is invalid on user data. Current LineEnding setting is LF'
    });
    const crlfJob = await runJob(`Id,Support_Index__c\r\n${ids[0]},1\r\n`, { lineEnding: 'CRLF' });
    expect(crlfJob.info.state).toBe('JobComplete');
    expect(org.store.get(S, ids[0])!.Support_Index__c).toBe(1);
});

it('reports type errors, unknown Ids, read-only fields and duplicates per row', async () => {
    await start({ shuffleResults: false }, 2);
    const { id } = await runJob(
        [
            'Id,Support_Index__c,Top_Decision_Maker__c,Opportunity__c',
            `${ids[0]},abc,,`,
            `${ids[1]},,maybe,`,
            `${ids[1].slice(0, 14)}Q,1,,`,
            `${ids[0]},,,${ids[1]}`,
            `,1,,`
        ].join('\n') + '\n'
    );
    const errors = (await results(id, 'failedResults')).map((r) => r.sf__Error.split(':')[0]);
    expect(errors).toEqual([
        'INVALID_TYPE_ON_FIELD_IN_RECORD',
        'INVALID_TYPE_ON_FIELD_IN_RECORD',
        'INVALID_CROSS_REFERENCE_KEY',
        'INVALID_FIELD_FOR_INSERT_UPDATE',
        'MISSING_ARGUMENT'
    ]);
});

it('locks the chosen rows with an unableToLockRow fault and applies the rest', async () => {
    await start({}, 3);
    org.faults.add({ kind: 'ingestClose', times: 1, response: 'unableToLockRow', recordIds: [ids[2]] });
    const { id, info } = await runJob(['Id,Support_Index__c', ...ids.map((i) => `${i},1`)].join('\n') + '\n');
    expect(info).toMatchObject({ state: 'JobComplete', numberRecordsFailed: 1 });
    const failed = await results(id, 'failedResults');
    expect(failed[0].sf__Error).toBe(
        `UNABLE_TO_LOCK_ROW:unable to obtain exclusive access to this record or 1 records: ${ids[2]}: --`
    );
    expect(org.store.get(S, ids[2])!.Support_Index__c).toBeNull();
    expect(org.store.get(S, ids[0])!.Support_Index__c).toBe(1);
});

it('fails the whole job with a jobFailed fault and leaves every row unprocessed', async () => {
    await start({}, 2);
    org.faults.add({ kind: 'ingestClose', times: 1, response: 'jobFailed' });
    const { id, info } = await runJob(['Id,Support_Index__c', ...ids.map((i) => `${i},1`)].join('\n') + '\n');
    expect(info.state).toBe('Failed');
    expect(info.errorMessage).toMatch(/injected fault/);
    expect((await results(id, 'unprocessedrecords')).map((r) => r.Id).sort()).toEqual([...ids].sort());
    expect(org.store.get(S, ids[0])!.Support_Index__c).toBeNull();
});

it('calls hooks.beforeWrite before applying rows, so tests can edit records mid-job', async () => {
    await start({}, 2);
    const seen: string[][] = [];
    org.hooks.beforeWrite = (object, written) => {
        seen.push([object, ...written]);
        org.store.update(S, ids[0], { Attitude_To_Us__c: 'Opponent' });
    };
    await runJob(['Id,Support_Index__c', ...ids.map((i) => `${i},1`)].join('\n') + '\n');
    expect(seen).toEqual([[S, ...ids]]);
    expect(org.store.get(S, ids[0])).toMatchObject({ Attitude_To_Us__c: 'Opponent', Support_Index__c: 1 });
});

it('keeps a job open for uploads only, aborts it and deletes it', async () => {
    await start({}, 1);
    const created = await call(org, `${V}/jobs/ingest`, {
        method: 'POST',
        body: { object: S, operation: 'update' }
    });
    const id = created.body.id;
    expect((await call(org, `${V}/jobs/ingest/${id}`, { method: 'DELETE' })).status).toBe(400);
    await call(org, `${V}/jobs/ingest/${id}/batches`, {
        method: 'PUT',
        body: `Id,Support_Index__c\n${ids[0]},1\n`,
        headers: { 'Content-Type': 'text/csv' }
    });
    const aborted = await call(org, `${V}/jobs/ingest/${id}`, {
        method: 'PATCH',
        body: { state: 'Aborted' }
    });
    expect(aborted.body.state).toBe('Aborted');
    expect((await results(id, 'unprocessedrecords')).map((r) => r.Id)).toEqual([ids[0]]);
    const late = await call(org, `${V}/jobs/ingest/${id}/batches`, {
        method: 'PUT',
        body: 'Id\n',
        headers: { 'Content-Type': 'text/csv' }
    });
    expect(late.status).toBe(409);
    expect((await call(org, `${V}/jobs/ingest/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect(org.store.get(S, ids[0])!.Support_Index__c).toBeNull();
    expect(org.callsByKind()).toEqual({
        ingestCreate: 1,
        ingestUpload: 2,
        ingestAbort: 1,
        ingestResults: 1,
        ingestDelete: 2
    });
});

it('refuses jobs the fake does not implement, in the error shape of Salesforce', async () => {
    await start({}, 0);
    const insert = await call(org, `${V}/jobs/ingest`, {
        method: 'POST',
        body: { object: S, operation: 'insert' }
    });
    expect(insert.status).toBe(400);
    expect(insert.body[0]).toMatchObject({ errorCode: 'INVALIDJOB' });
    const object = await call(org, `${V}/jobs/ingest`, {
        method: 'POST',
        body: { object: 'Account', operation: 'update' }
    });
    expect(object.body[0].message).toBe('InvalidJob : Invalid object type: Account');
});

it('serves jsforce bulk2.loadAndWaitForResults, slow jobs included', async () => {
    await start({ bulkJobPollsUntilComplete: 3 }, 3);
    const conn = connect(org);
    const res = await conn.bulk2.loadAndWaitForResults({
        object: S,
        operation: 'update',
        input: ids.map((Id, i) => ({
            Id,
            Support_Index__c: i === 1 ? 'x' : String(i),
            Top_Decision_Maker__c: true
        })),
        pollInterval: 5,
        pollTimeout: 5000
    });
    expect(res.successfulResults.map((r) => r.sf__Id).sort()).toEqual([ids[0], ids[2]].sort());
    expect(res.failedResults).toHaveLength(1);
    expect(res.unprocessedRecords).toEqual([]);
    expect(org.store.get(S, ids[2])).toMatchObject({ Support_Index__c: 2, Top_Decision_Maker__c: true });
    expect(org.callsByKind()).toMatchObject({
        ingestCreate: 1,
        ingestUpload: 1,
        ingestClose: 1,
        ingestPoll: 4,
        ingestResults: 3
    });
});

it('runs a delete job: listed records go to the recycle bin, unknown and deleted Ids fail per row', async () => {
    await start();
    org.store.delete(S, ids[2]);
    const csv = `Id\n${ids[0]}\n${ids[1]}\n${ids[2]}\n${ids[3].slice(0, 14)}Z\n`;
    const { id, info } = await runJob(csv, { operation: 'delete' });
    expect(info).toMatchObject({
        state: 'JobComplete',
        operation: 'delete',
        numberRecordsProcessed: 4,
        numberRecordsFailed: 2
    });
    expect(org.store.get(S, ids[0])!.IsDeleted).toBe(true);
    expect(org.store.get(S, ids[1])!.IsDeleted).toBe(true);
    expect(org.store.get(S, ids[3])!.IsDeleted).toBe(false);
    expect((await results(id, 'successfulResults')).map((r) => r.sf__Id).sort()).toEqual(
        [ids[0], ids[1]].sort()
    );
    const codes = (await results(id, 'failedResults')).map((r) => r.sf__Error.split(':')[0]).sort();
    expect(codes).toEqual(['ENTITY_IS_DELETED', 'INVALID_CROSS_REFERENCE_KEY']);
});
