import { FakeOrg, startFakeOrg } from '../index';
import { connect } from './helpers';

let org: FakeOrg;
beforeEach(async () => {
    org = await startFakeOrg({ seed: 2 });
});
afterEach(() => org.close());

it('bulk query and ingest through jsforce', async () => {
    const [opp] = org.store.insert('Opportunity', [{ Name: 'A', StageName: 'Prospecting' }]);
    const ids = org.store.insert(
        'Stakeholder_Assessment__c',
        [1, 2, 3, 4, 5].map((i) => ({ Name: `P${i}`, Opportunity__c: opp }))
    );
    const conn = connect(org);
    conn.bulk2.pollInterval = 5;
    const stream = await conn.bulk2.query(
        'SELECT Id, Name, Top_Decision_Maker__c FROM Stakeholder_Assessment__c'
    );
    const records = await stream.toArray();
    expect(records.map((r) => r.Name)).toEqual(['P1', 'P2', 'P3', 'P4', 'P5']);
    const res = await conn.bulk2.loadAndWaitForResults({
        object: 'Stakeholder_Assessment__c',
        operation: 'update',
        input: ids.map((Id, i) => ({ Id, Support_Index__c: i === 0 ? 500 : 1 })),
        pollInterval: 5
    });
    expect(res.successfulResults).toHaveLength(4);
    expect(res.failedResults).toHaveLength(1);
    expect(res.failedResults[0]).toMatchObject({ Id: ids[0], Support_Index__c: '500' });
    expect(String(res.failedResults[0].sf__Error)).toMatch(/^NUMBER_OUTSIDE_VALID_RANGE:/);
    expect(org.store.get('Stakeholder_Assessment__c', ids[1])!.Support_Index__c).toBe(1);
});
