import { makeId } from '../ids';
import { FakeOrg, startFakeOrg } from '../index';
import { V, call, connect } from './helpers';

let org: FakeOrg;
let opp: string;
let people: string[];

beforeEach(async () => {
    org = await startFakeOrg({ seed: 20 });
    [opp] = org.store.insert('Opportunity', [{ Name: 'Deal' }]);
    people = org.store.insert(
        'Stakeholder_Assessment__c',
        ['Ann', 'Bob', 'Cid'].map((Name) => ({ Name, Opportunity__c: opp, Attitude_To_Us__c: 'Neutral' }))
    );
});
afterEach(() => org.close());

const S = 'Stakeholder_Assessment__c';
const patch = (records: unknown[], allOrNone = false) =>
    call(org, `${V}/composite/sobjects`, { method: 'PATCH', body: { allOrNone, records } });
const rec = (id: string, fields: Record<string, unknown>) => ({ attributes: { type: S }, id, ...fields });

it('updates records and answers one SaveResult per record, in request order', async () => {
    const before = org.store.get(S, people[0])!;
    org.store.clock.advance(1000);
    const res = await patch([
        rec(people[0], { Support_Index__c: 0, Completeness__c: 40 }),
        rec(people[2], { Insight_Codes__c: 'A;B' })
    ]);
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
        { id: people[0], success: true, errors: [] },
        { id: people[2], success: true, errors: [] }
    ]);
    const after = org.store.get(S, people[0])!;
    expect(after).toMatchObject({ Support_Index__c: 0, Completeness__c: 40, Attitude_To_Us__c: 'Neutral' });
    expect(after.LastModifiedDate! > before.LastModifiedDate!).toBe(true);
    expect(after.SystemModstamp).toBe(after.LastModifiedDate);
    expect(org.log[0]).toMatchObject({ kind: 'collectionsUpdate', status: 200, records: 2, counted: true });
});

it('reports per-record errors without an id and saves the rest when allOrNone is false', async () => {
    const res = await patch([
        rec(people[0], { Attitude_To_Us__c: 'Friend' }),
        rec(people[1], { Support_Index__c: 1 }),
        rec(people[2], { Insight_Codes__c: 'x'.repeat(256) }),
        rec(people[2].slice(0, 14) + 'Z', { Support_Index__c: 1 })
    ]);
    expect(res.body).toEqual([
        {
            success: false,
            errors: [
                {
                    statusCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
                    message: 'Attitude To Us: bad value for restricted picklist field: Friend',
                    fields: ['Attitude_To_Us__c']
                }
            ]
        },
        { id: people[1], success: true, errors: [] },
        {
            success: false,
            errors: [expect.objectContaining({ statusCode: 'STRING_TOO_LONG', fields: ['Insight_Codes__c'] })]
        },
        { success: false, errors: [expect.objectContaining({ statusCode: 'INVALID_CROSS_REFERENCE_KEY' })] }
    ]);
    expect(org.store.get(S, people[1])!.Support_Index__c).toBe(1);
    expect(org.store.get(S, people[0])!.Attitude_To_Us__c).toBe('Neutral');
});

it('rolls every record back when allOrNone is true and one fails', async () => {
    const res = await patch(
        [rec(people[0], { Support_Index__c: 2 }), rec(people[1], { Support_Index__c: 100 })],
        true
    );
    expect(res.body).toEqual([
        {
            success: false,
            errors: [
                {
                    statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
                    message:
                        'Record rolled back because not all records were valid and the request was using AllOrNone header',
                    fields: []
                }
            ]
        },
        {
            success: false,
            errors: [
                {
                    statusCode: 'NUMBER_OUTSIDE_VALID_RANGE',
                    message: 'Support Index: value outside of valid range on numeric field: 100',
                    fields: ['Support_Index__c']
                }
            ]
        }
    ]);
    expect(org.store.get(S, people[0])!.Support_Index__c).toBeNull();
});

it.each([
    [{ Opportunity__c: 'x' }, 'INVALID_FIELD_FOR_INSERT_UPDATE', ['Opportunity__c']],
    [{ LastModifiedDate: '2026-01-01T00:00:00Z' }, 'INVALID_FIELD_FOR_INSERT_UPDATE', ['LastModifiedDate']],
    [
        { Decision_Focus__c: 'Business;Gifts' },
        'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
        ['Decision_Focus__c']
    ],
    [{ Contact__c: '006Fk0000000000AAA' }, 'FIELD_INTEGRITY_EXCEPTION', ['Contact__c']]
])('refuses %j with %s', async (fields, statusCode, errorFields) => {
    const res = await patch([rec(people[0], fields)]);
    expect(res.body[0].success).toBe(false);
    expect(res.body[0].errors[0]).toMatchObject({ statusCode, fields: errorFields });
});

it('rounds numbers to the field scale, as Salesforce stores them', async () => {
    const [sc] = org.store.insert('C139_Scorecard__c', [{ Opportunity__c: opp }]);
    await patch([
        { attributes: { type: 'C139_Scorecard__c' }, Id: sc, Coach_Factor__c: 0.755, Clear_Points__c: 4.25 }
    ]);
    expect(org.store.get('C139_Scorecard__c', sc)).toMatchObject({
        Coach_Factor__c: 0.76,
        Clear_Points__c: 4.3
    });
});

it('answers ENTITY_IS_DELETED, MALFORMED_ID and MISSING_ARGUMENT for bad targets', async () => {
    org.store.delete(S, people[2]);
    const res = await patch([
        rec(people[2], { Support_Index__c: 1 }),
        rec(opp, { Support_Index__c: 1 }),
        { attributes: { type: S }, Support_Index__c: 1 }
    ]);
    expect(res.body.map((r: { errors: Array<{ statusCode: string }> }) => r.errors[0].statusCode)).toEqual([
        'ENTITY_IS_DELETED',
        'MALFORMED_ID',
        'MISSING_ARGUMENT'
    ]);
});

it('fails the whole request (400) for what does not deserialize: unknown fields and wrong JSON types', async () => {
    const unknown = await patch([
        rec(people[0], { Support_Index__c: 1 }),
        rec(people[1], { Supprt_Index__c: 1 })
    ]);
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual([
        {
            message: "No such column 'Supprt_Index__c' on sobject of type Stakeholder_Assessment__c",
            errorCode: 'INVALID_FIELD'
        }
    ]);
    const wrongType = await patch([rec(people[0], { Support_Index__c: 'high' })]);
    expect(wrongType.status).toBe(400);
    expect(wrongType.body[0].errorCode).toBe('JSON_PARSER_ERROR');
    const badDate = await patch([rec(people[0], { Assessed_On__c: '2026-02-30' })]);
    expect(badDate.body[0].errorCode).toBe('JSON_PARSER_ERROR');
    const badBoolean = await patch([rec(people[0], { Top_Decision_Maker__c: 'yes' })]);
    expect(badBoolean.body[0].errorCode).toBe('JSON_PARSER_ERROR');
    expect(org.store.get(S, people[0])!.Support_Index__c).toBeNull();
});

it('accepts JSON that Salesforce coerces: numeric strings, "true", ISO date-times with offsets', async () => {
    const res = await patch([
        rec(people[0], {
            Support_Index__c: '-1',
            Top_Decision_Maker__c: 'true',
            Scored_At__c: '2026-02-01T12:00:00+02:00'
        })
    ]);
    expect(res.body[0].success).toBe(true);
    expect(org.store.get(S, people[0])).toMatchObject({
        Support_Index__c: -1,
        Top_Decision_Maker__c: true,
        Scored_At__c: '2026-02-01T10:00:00.000Z'
    });
});

it('refuses more than 200 records with EXCEEDED_ID_LIMIT', async () => {
    const res = await patch(Array.from({ length: 201 }, () => rec(people[0], { Support_Index__c: 1 })));
    expect(res.status).toBe(400);
    expect(res.body).toEqual([
        {
            message: 'record limit reached. cannot submit more than 200 records into this call',
            errorCode: 'EXCEEDED_ID_LIMIT'
        }
    ]);
});

it('lets tests edit a record between read and write through hooks.beforeWrite', async () => {
    const calls: Array<[string, string[]]> = [];
    org.hooks.beforeWrite = (object, ids) => {
        calls.push([object, ids]);
        org.store.update(S, people[0], { Attitude_To_Us__c: 'Mentor' });
    };
    await patch([rec(people[0], { Support_Index__c: 0 }), rec(people[1], { Support_Index__c: 0 })]);
    expect(calls).toEqual([[S, [people[0], people[1]]]]);
    // The rep's edit survives: the update only writes the fields it carries.
    expect(org.store.get(S, people[0])).toMatchObject({ Attitude_To_Us__c: 'Mentor', Support_Index__c: 0 });
});

it('serves jsforce sobject().update() with arrays, including per-record errors', async () => {
    const conn = connect(org);
    const results = await conn.sobject(S).update([
        { Id: people[0], Support_Index__c: 2 },
        { Id: people[1], Role__c: 'Janitor' }
    ]);
    expect(results[0]).toEqual({ id: people[0], success: true, errors: [] });
    expect(results[1].success).toBe(false);
    expect(results[1].errors[0]).toMatchObject({ statusCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST' });
    expect(org.callsByKind()).toEqual({ collectionsUpdate: 1 });
});

describe('DELETE /composite/sobjects', () => {
    const del = (ids: string[], allOrNone?: boolean) =>
        call(
            org,
            `${V}/composite/sobjects?ids=${ids.join(',')}${allOrNone === undefined ? '' : `&allOrNone=${allOrNone}`}`,
            {
                method: 'DELETE'
            }
        );

    it('deletes records (recycle bin) and answers one SaveResult per Id, failed ones without an id', async () => {
        org.store.delete(S, people[2]);
        const res = await del([people[0], people[2], `${people[1].slice(0, 14)}Z`]);
        expect(res.status).toBe(200);
        expect(res.body).toEqual([
            { id: people[0], success: true, errors: [] },
            {
                success: false,
                errors: [{ statusCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [] }]
            },
            {
                success: false,
                errors: [
                    {
                        statusCode: 'INVALID_CROSS_REFERENCE_KEY',
                        message: 'invalid cross reference id',
                        fields: []
                    }
                ]
            }
        ]);
        expect(org.store.get(S, people[0])!.IsDeleted).toBe(true);
        expect(org.store.count(S)).toBe(1);
        expect(org.log[0]).toMatchObject({
            kind: 'collectionsDelete',
            status: 200,
            records: 3,
            counted: true
        });
    });

    it('rolls back every delete when allOrNone is true and one fails', async () => {
        const res = await del([people[0], 'a01bad'], true);
        expect(res.body[0].errors[0].statusCode).toBe('ALL_OR_NONE_OPERATION_ROLLED_BACK');
        expect(res.body[1].errors[0].statusCode).toBe('MALFORMED_ID');
        expect(org.store.get(S, people[0])!.IsDeleted).toBe(false);
    });

    it('refuses more than 200 Ids and a request without ids', async () => {
        const many = await del(Array.from({ length: 201 }, () => people[0]));
        expect(many.status).toBe(400);
        expect(many.body[0].errorCode).toBe('EXCEEDED_ID_LIMIT');
        const none = await call(org, `${V}/composite/sobjects`, { method: 'DELETE' });
        expect(none.body[0].errorCode).toBe('MISSING_ARGUMENT');
    });

    it('is what jsforce sends for sobject().destroy([...]), and locks rows with an unableToLockRow fault', async () => {
        org.faults.add({
            kind: 'collectionsDelete',
            times: 1,
            response: 'unableToLockRow',
            recordIds: [people[1]]
        });
        const results = await connect(org).sobject(S).destroy([people[0], people[1]], { allOrNone: false });
        expect(results.map((r) => r.success)).toEqual([true, false]);
        expect(org.store.get(S, people[1])!.IsDeleted).toBe(false);
    });
});

describe('PATCH /composite/sobjects/{type}/{externalIdField} (upsert)', () => {
    const CS = 'Control_Snapshot__c';
    const KEY = 'Snapshot_Key__c';
    const upsert = (records: unknown[], allOrNone = false, path = `${CS}/${KEY}`) =>
        call(org, `${V}/composite/sobjects/${path}`, { method: 'PATCH', body: { allOrNone, records } });
    const snap = (date: string, fields: Record<string, unknown> = {}) => ({
        attributes: { type: CS },
        [KEY]: `${opp}:${date}`,
        Opportunity__c: opp,
        Snapshot_Date__c: date,
        Control_Score__c: 40,
        Control_Band__c: 'Contested',
        ...fields
    });

    it('creates what matches no key and updates what does, answering created per record in request order', async () => {
        const [existing] = org.store.insert(CS, [
            {
                ...snap('2026-03-01'),
                attributes: undefined,
                Control_Score__c: 10,
                Close_Date__c: '2026-04-01'
            }
        ]);
        const before = org.store.get(CS, existing)!;
        org.store.clock.advance(1000);
        const res = await upsert([snap('2026-03-02'), snap('2026-03-01', { Control_Score__c: 55 })]);
        expect(res.status).toBe(200);
        const created = org.store.all(CS).find((s) => s.Snapshot_Date__c === '2026-03-02')!;
        expect(res.body).toEqual([
            { id: created.Id, success: true, errors: [], created: true },
            { id: existing, success: true, errors: [], created: false }
        ]);
        expect(created).toMatchObject({ Name: 'SNAP-0000000002', Opportunity__c: opp, Control_Score__c: 40 });
        const updated = org.store.get(CS, existing)!;
        // An update keeps what it does not carry (the close date) and the platform's formula follows it.
        expect(updated).toMatchObject({
            Control_Score__c: 55,
            Close_Date__c: '2026-04-01',
            Days_To_Close__c: 31
        });
        expect(updated.CreatedDate).toBe(before.CreatedDate);
        expect(updated.LastModifiedDate! > before.LastModifiedDate!).toBe(true);
        expect(created.CreatedDate).toBe(updated.LastModifiedDate);
        expect(org.log[0]).toMatchObject({
            kind: 'collectionsUpsert',
            status: 200,
            records: 2,
            counted: true
        });
    });

    it('matches keys exactly (the key is case-sensitive) and only live records', async () => {
        const [deleted] = org.store.insert(CS, [{ ...snap('2026-03-01'), attributes: undefined }]);
        org.store.delete(CS, deleted);
        const res = await upsert([
            snap('2026-03-01'),
            { ...snap('2026-03-02'), [KEY]: `${opp.toLowerCase()}:2026-03-02` }
        ]);
        expect(res.body.map((r: { created: boolean }) => r.created)).toEqual([true, true]);
        expect(org.store.count(CS)).toBe(2);
    });

    it('refuses per record: a key given twice (every record with it), a blank key, a new record without its parent, a formula field', async () => {
        const res = await upsert([
            snap('2026-03-01'),
            snap('2026-03-01', { Control_Score__c: 1 }),
            { ...snap('2026-03-02'), [KEY]: null },
            { ...snap('2026-03-03'), Opportunity__c: null },
            snap('2026-03-04', { Days_To_Close__c: 3 }),
            { ...snap('2026-03-05'), Opportunity__c: makeId('006', 999) },
            snap('2026-03-06')
        ]);
        const codes = res.body.map((r: { success: boolean; errors: Array<{ statusCode: string }> }) =>
            r.success ? 'ok' : r.errors.map((e) => e.statusCode).join('+')
        );
        expect(codes).toEqual([
            'DUPLICATE_EXTERNAL_ID',
            'DUPLICATE_EXTERNAL_ID',
            'MISSING_ARGUMENT',
            'REQUIRED_FIELD_MISSING',
            'INVALID_FIELD_FOR_INSERT_UPDATE',
            'INVALID_CROSS_REFERENCE_KEY',
            'ok'
        ]);
        expect(res.body[0].errors[0]).toEqual({
            statusCode: 'DUPLICATE_EXTERNAL_ID',
            message: `Duplicate external id specified: ${opp}:2026-03-01`,
            fields: [KEY]
        });
        expect(res.body[0]).not.toHaveProperty('id');
        expect(org.store.count(CS)).toBe(1);
    });

    it('lets an update repeat the parent it has, and refuses moving a snapshot to another deal', async () => {
        const [other] = org.store.insert('Opportunity', [{ Name: 'Other' }]);
        org.store.insert(CS, [{ ...snap('2026-03-01'), attributes: undefined }]);
        const same = await upsert([snap('2026-03-01', { Control_Score__c: 70 })]);
        expect(same.body[0]).toMatchObject({ success: true, created: false });
        const moved = await upsert([snap('2026-03-01', { Opportunity__c: other })]);
        expect(moved.body[0].errors[0]).toMatchObject({
            statusCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
            fields: ['Opportunity__c']
        });
        expect(org.store.all(CS)[0]).toMatchObject({ Opportunity__c: opp, Control_Score__c: 70 });
    });

    it('keeps the external id unique: a plain update to another record’s key fails with DUPLICATE_VALUE', async () => {
        const [a, b] = org.store.insert(CS, [
            { ...snap('2026-03-01'), attributes: undefined },
            { ...snap('2026-03-02'), attributes: undefined }
        ]);
        const res = await patch([{ attributes: { type: CS }, Id: b, [KEY]: `${opp}:2026-03-01` }]);
        expect(res.body[0].errors[0]).toEqual({
            statusCode: 'DUPLICATE_VALUE',
            message: `duplicate value found: ${KEY} duplicates value on record with id: ${a}`,
            fields: [KEY]
        });
        expect(org.store.get(CS, b)![KEY]).toBe(`${opp}:2026-03-02`);
    });

    it('rolls creates back too when allOrNone is true', async () => {
        const res = await upsert(
            [snap('2026-03-01'), snap('2026-03-02', { Control_Band__c: 'x'.repeat(21) })],
            true
        );
        expect(res.body[0]).toMatchObject({
            success: false,
            created: false,
            errors: [expect.objectContaining({ statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK' })]
        });
        expect(res.body[1].errors[0].statusCode).toBe('STRING_TOO_LONG');
        expect(org.store.count(CS)).toBe(0);
    });

    it('answers 404 for a field that is no external id and 400 for a record of another type or with an Id', async () => {
        const notKey = await upsert([snap('2026-03-01')], false, `${CS}/Control_Band__c`);
        expect(notKey.status).toBe(404);
        expect(notKey.body[0]).toEqual({
            errorCode: 'NOT_FOUND',
            message: 'Provided external ID field does not exist or is not accessible: Control_Band__c'
        });
        const otherType = await upsert([{ ...snap('2026-03-01'), attributes: { type: S } }]);
        expect(otherType.status).toBe(400);
        const withId = await upsert([{ ...snap('2026-03-01'), Id: people[0] }]);
        expect(withId.status).toBe(400);
        expect(org.store.count(CS)).toBe(0);
    });

    it('fails the records an unableToLockRow or validationRule fault names by key', async () => {
        org.faults.add({
            kind: 'collectionsUpsert',
            times: 1,
            response: 'validationRule',
            recordIds: [`${opp}:2026-03-02`]
        });
        const res = await upsert([snap('2026-03-01'), snap('2026-03-02')]);
        expect(res.body[0]).toMatchObject({ success: true, created: true });
        expect(res.body[1].errors[0].statusCode).toBe('FIELD_CUSTOM_VALIDATION_EXCEPTION');
        org.faults.add({ kind: 'collectionsUpsert', times: 1, response: 'unableToLockRow' });
        const locked = await upsert([snap('2026-03-01', { Control_Score__c: 9 })]);
        expect(locked.body[0].errors[0].statusCode).toBe('UNABLE_TO_LOCK_ROW');
        expect(org.store.count(CS)).toBe(1);
    });

    it('serves jsforce sobject().upsert() with arrays (the sObject Collections endpoint)', async () => {
        const conn = connect(org);
        type Results = Array<{ success: boolean; created: boolean }>;
        const first = (await conn.sobject(CS).upsert([snap('2026-03-01'), snap('2026-03-02')], KEY, {
            allOrNone: false
        })) as unknown as Results;
        expect(first.map((r) => [r.success, r.created])).toEqual([
            [true, true],
            [true, true]
        ]);
        const second = (await conn.sobject(CS).upsert([snap('2026-03-01', { Control_Score__c: 41 })], KEY, {
            allOrNone: false
        })) as unknown as Results;
        expect(second[0]).toMatchObject({ success: true, created: false });
        expect(org.callsByKind()).toEqual({ collectionsUpsert: 2 });
    });
});
