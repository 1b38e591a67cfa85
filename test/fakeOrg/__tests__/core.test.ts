import { FakeOrg, startFakeOrg } from '../index';
import { V, call, connect, q } from './helpers';

let org: FakeOrg;
let oppId: string;

beforeEach(async () => {
    org = await startFakeOrg({ seed: 1 });
    [oppId] = org.store.insert('Opportunity', [
        { Name: 'Acme', StageName: 'Prospecting', Probability: 10, Amount: 1000, CloseDate: '2026-12-31' }
    ]);
});
afterEach(() => org.close());

it('answers a REST query with records, attributes and limit info', async () => {
    const res = await call(org, q('SELECT Id, Name, Amount FROM Opportunity'));
    expect(res.status).toBe(200);
    expect(res.headers.get('sforce-limit-info')).toBe('api-usage=1/100000');
    expect(res.body).toEqual({
        totalSize: 1,
        done: true,
        records: [
            {
                attributes: { type: 'Opportunity', url: `${V}/sobjects/Opportunity/${oppId}` },
                Id: oppId,
                Name: 'Acme',
                Amount: 1000
            }
        ]
    });
});

it('works with jsforce', async () => {
    const conn = connect(org);
    const result = await conn.query<{ Id: string; Name: string }>('SELECT Id, Name FROM Opportunity');
    expect(result.records.map((r) => r.Name)).toEqual(['Acme']);
});
