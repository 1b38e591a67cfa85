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

describe('upsert jobs (operation upsert, externalIdFieldName)', () => {
    const CS = 'Control_Snapshot__c';
    let opp: string;
    const key = (date: string) => `${opp}:${date}`;

    async function upsertJob(csv: string): Promise<{ id: string; info: Record<string, unknown> }> {
        const created = await call(org, `${V}/jobs/ingest`, {
            method: 'POST',
            body: {
                object: CS,
                operation: 'upsert',
                externalIdFieldName: 'Snapshot_Key__c',
                lineEnding: 'LF'
            }
        });
        expect(created.body).toMatchObject({
            state: 'Open',
            operation: 'upsert',
            externalIdFieldName: 'Snapshot_Key__c'
        });
        const id = created.body.id;
        await call(org, `${V}/jobs/ingest/${id}/batches`, {
            method: 'PUT',
            body: csv,
            headers: { 'Content-Type': 'text/csv' }
        });
        await call(org, `${V}/jobs/ingest/${id}`, { method: 'PATCH', body: { state: 'UploadComplete' } });
        return { id, info: (await call(org, `${V}/jobs/ingest/${id}`)).body as Record<string, unknown> };
    }

    beforeEach(async () => {
        await start({}, 0);
        [opp] = org.store.insert('Opportunity', [{ Name: 'Snapshotted' }]);
    });

    it('creates rows whose key matches nothing, updates the others, and says which in sf__Created', async () => {
        const [existing] = org.store.insert(CS, [
            {
                Snapshot_Key__c: key('2026-03-01'),
                Opportunity__c: opp,
                Snapshot_Date__c: '2026-03-01',
                Control_Score__c: 10
            }
        ]);
        const header = 'Snapshot_Key__c,Opportunity__c,Snapshot_Date__c,Control_Score__c,Control_Band__c';
        const { id, info } = await upsertJob(
            `${header}\n${key('2026-03-01')},${opp},2026-03-01,55,Leading\n${key('2026-03-02')},${opp},2026-03-02,60,#N/A\n`
        );
        expect(info).toMatchObject({
            state: 'JobComplete',
            numberRecordsProcessed: 2,
            numberRecordsFailed: 0,
            externalIdFieldName: 'Snapshot_Key__c'
        });
        const created = org.store.all(CS).find((s) => s.Snapshot_Date__c === '2026-03-02')!;
        const rows = await results(id, 'successfulResults');
        expect(rows.map((r) => [r.sf__Id, r.sf__Created, r.Snapshot_Key__c]).sort()).toEqual(
            [
                [existing, 'false', key('2026-03-01')],
                [created.Id, 'true', key('2026-03-02')]
            ].sort()
        );
        expect(org.store.get(CS, existing)).toMatchObject({
            Control_Score__c: 55,
            Control_Band__c: 'Leading'
        });
        expect(created).toMatchObject({ Opportunity__c: opp, Control_Score__c: 60, Control_Band__c: null });
    });

    it('fails per row: a key twice in the job, a new row without its parent, a moved parent, a locked or invalid row', async () => {
        const [other] = org.store.insert('Opportunity', [{ Name: 'Other' }]);
        org.store.insert(CS, [
            { Snapshot_Key__c: key('2026-03-01'), Opportunity__c: opp, Snapshot_Date__c: '2026-03-01' }
        ]);
        org.faults.add({
            kind: 'ingestClose',
            times: 1,
            response: 'validationRule',
            recordIds: [key('2026-03-05')]
        });
        const csv = [
            'Snapshot_Key__c,Opportunity__c,Control_Score__c',
            `${key('2026-03-02')},${opp},1`,
            `${key('2026-03-02')},${opp},2`,
            `${key('2026-03-03')},,3`,
            `${key('2026-03-01')},${other},4`,
            `,${opp},5`,
            `${key('2026-03-05')},${opp},6`,
            `${key('2026-03-06')},${opp},7`
        ].join('\n');
        const { id, info } = await upsertJob(`${csv}\n`);
        expect(info).toMatchObject({ numberRecordsProcessed: 7, numberRecordsFailed: 6 });
        const failed = await results(id, 'failedResults');
        expect(failed.map((r) => r.sf__Error.split(':')[0]).sort()).toEqual(
            [
                'DUPLICATE_EXTERNAL_ID',
                'DUPLICATE_EXTERNAL_ID',
                'REQUIRED_FIELD_MISSING',
                'INVALID_FIELD_FOR_INSERT_UPDATE',
                'MISSING_ARGUMENT',
                'FIELD_CUSTOM_VALIDATION_EXCEPTION'
            ].sort()
        );
        expect(failed.every((r) => r.sf__Id === '')).toBe(true);
        expect(
            (await results(id, 'successfulResults')).map((r) => [r.Snapshot_Key__c, r.sf__Created])
        ).toEqual([[key('2026-03-06'), 'true']]);
        expect(org.store.count(CS)).toBe(2);
    });

    it('refuses an upsert job without an external id field, or with a field that is none', async () => {
        const blank = await call(org, `${V}/jobs/ingest`, {
            method: 'POST',
            body: { object: CS, operation: 'upsert' }
        });
        expect(blank.status).toBe(400);
        expect(blank.body[0]).toEqual({
            errorCode: 'INVALIDJOB',
            message: `InvalidJob : External ID was blank for ${CS}. An External ID must be specified for upsert.`
        });
        const notKey = await call(org, `${V}/jobs/ingest`, {
            method: 'POST',
            body: { object: CS, operation: 'upsert', externalIdFieldName: 'Control_Band__c' }
        });
        expect(notKey.body[0].message).toBe(
            `InvalidJob : Field name provided, Control_Band__c does not match an External ID, Salesforce Id, or indexed field for ${CS}`
        );
    });

    it('serves jsforce bulk2.loadAndWaitForResults with operation upsert', async () => {
        const conn = connect(org);
        const input = ['2026-03-01', '2026-03-02'].map((d) => ({
            Snapshot_Key__c: key(d),
            Opportunity__c: opp,
            Snapshot_Date__c: d,
            Control_Score__c: 50
        }));
        const first = await conn.bulk2.loadAndWaitForResults({
            object: CS,
            operation: 'upsert',
            externalIdFieldName: 'Snapshot_Key__c',
            input,
            pollInterval: 5,
            pollTimeout: 5000
        });
        expect(first.successfulResults.map((r) => r.sf__Created)).toEqual(['true', 'true']);
        const second = await conn.bulk2.loadAndWaitForResults({
            object: CS,
            operation: 'upsert',
            externalIdFieldName: 'Snapshot_Key__c',
            input,
            pollInterval: 5,
            pollTimeout: 5000
        });
        expect(second.successfulResults.map((r) => r.sf__Created)).toEqual(['false', 'false']);
        expect(org.store.count(CS)).toBe(2);
    });
});
