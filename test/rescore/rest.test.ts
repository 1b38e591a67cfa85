import { MODEL_VERSION } from 'c/dealControlModel';
import { FakeOrg } from '../fakeOrg';
import { SA, SC, addDeal, rescore, tempDir, withOrg } from './harness';

let org: FakeOrg;
let stateDir: string;
beforeEach(async () => {
    org = await withOrg();
    stateDir = tempDir('state');
});
afterEach(() => org.close());

const MENTOR_IN_BODY = { Attitude_To_Us__c: 'Mentor', Decision_Body_Member__c: true, Influence__c: 'High' };

describe('REST mode', () => {
    it('a dry run reads and scores but writes nothing', async () => {
        const deal = addDeal(org, [MENTOR_IN_BODY], { Coach__c: 'Identified' });
        const r = await rescore(org, ['--json', '--state-dir', stateDir]);
        expect(r.code).toBe(0);
        expect(r.json.result).toMatchObject({ mode: 'dry-run', transport: 'rest' });
        expect(r.json.result.objects[SA]).toMatchObject({ read: 1, changed: 1, written: 0 });
        expect(org.store.get(SA, deal.stakeholderIds[0])!.Support_Index__c ?? null).toBeNull();
        expect(org.log.filter((e) => e.method === 'PATCH')).toHaveLength(0);
    });

    it('--apply writes the derived values of the model, then a rerun writes nothing', async () => {
        const deal = addDeal(org, [MENTOR_IN_BODY], { Coach__c: 'Identified', Win__c: 'Yes' });
        const first = await rescore(org, ['--apply', '--json', '--state-dir', stateDir]);
        expect(first.code).toBe(0);
        const s = org.store.get(SA, deal.stakeholderIds[0])!;
        expect(s.Support_Index__c).toBe(2);
        expect(s.Model_Version__c).toBe(MODEL_VERSION);
        const card = org.store.get(SC, deal.scorecardId)!;
        // Win claimed with no top decision maker on the map.
        expect(card.Evidence_Codes__c).toBe('WIN_WITHOUT_TOP_DM');
        expect(card.Model_Version__c).toBe(MODEL_VERSION);
        expect(first.json.result.objects[SC]).toMatchObject({ read: 1, changed: 1, written: 1, failed: 0 });

        const second = await rescore(org, ['--apply', '--json', '--state-dir', stateDir]);
        expect(second.json.result.objects[SA]).toMatchObject({ read: 1, changed: 0, written: 0 });
        expect(second.json.result.objects[SC]).toMatchObject({ changed: 0, written: 0 });
    });
});
