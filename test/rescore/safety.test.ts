import { readFileSync, readdirSync } from 'node:fs';
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

const COACH_CLAIM = { Coach__c: 'Identified' };

describe.each([['--rest'], ['--bulk']])('no lost update (%s)', (transport) => {
    it('a record edited between our read and our write ends with values that match its newest inputs', async () => {
        const deal = addDeal(
            org,
            [{ Attitude_To_Us__c: 'Mentor' }, { Attitude_To_Us__c: 'Neutral' }],
            COACH_CLAIM
        );
        let edited = false;
        org.hooks.beforeWrite = (object) => {
            if (edited || object !== SA) return;
            edited = true;
            // A rep turns the only Mentor into an Opponent while the run is writing.
            org.store.update(SA, deal.stakeholderIds[0], { Attitude_To_Us__c: 'Opponent' });
        };
        const r = await rescore(org, [transport, '--apply', '--json', '--state-dir', stateDir]);
        expect(edited).toBe(true);
        expect(r.code).toBe(0);
        const person = org.store.get(SA, deal.stakeholderIds[0])!;
        expect(person.Attitude_To_Us__c).toBe('Opponent');
        expect(person.Support_Index__c).toBe(-2);
        // With no Mentor left, the claimed coach is unsupported.
        expect(org.store.get(SC, deal.scorecardId)!.Evidence_Codes__c).toBe('COACH_WITHOUT_MENTOR');
        expect(r.json.result.passes).toBeGreaterThanOrEqual(2);

        const check = await rescore(org, ['--check', '--json', '--state-dir', stateDir]);
        expect(check.code).toBe(0);
    });
});

describe('--check', () => {
    it('exits 1 and lists the records whose stored values differ from the model (tampering)', async () => {
        const deal = addDeal(org, [{ Attitude_To_Us__c: 'Supporter' }], {});
        await rescore(org, ['--apply', '--state-dir', stateDir]);
        expect((await rescore(org, ['--check', '--state-dir', stateDir])).code).toBe(0);

        org.store.update(SA, deal.stakeholderIds[0], { Support_Index__c: 2 });
        const report = `${tempDir('report')}/drift.csv`;
        const r = await rescore(org, [
            '--check',
            '--report',
            report,
            '--state-dir',
            stateDir,
            '--lang',
            'en'
        ]);
        expect(r.code).toBe(1);
        expect(r.stdout).toContain(`${SA} ${deal.stakeholderIds[0]}: Support_Index__c`);
        expect(readFileSync(report, 'utf8')).toContain(`drift,${SA},${deal.stakeholderIds[0]}`);
        // An audit never writes.
        expect(org.store.get(SA, deal.stakeholderIds[0])!.Support_Index__c).toBe(2);
    });
});

describe('scope', () => {
    it('--opportunity reads and writes only those Opportunities', async () => {
        const a = addDeal(org, [{ Attitude_To_Us__c: 'Mentor' }], {});
        const b = addDeal(org, [{ Attitude_To_Us__c: 'Mentor' }], {});
        const r = await rescore(org, [
            '--opportunity',
            a.opportunityId,
            '--apply',
            '--json',
            '--state-dir',
            stateDir
        ]);
        expect(r.code).toBe(0);
        expect(org.store.get(SA, a.stakeholderIds[0])!.Support_Index__c).toBe(2);
        expect(org.store.get(SA, b.stakeholderIds[0])!.Support_Index__c ?? null).toBeNull();
        expect(
            org.log.some((e) =>
                decodeURIComponent(e.path).includes(`Opportunity__c IN ('${a.opportunityId}')`)
            )
        ).toBe(true);
    });

    it('--since last needs a previous run, then picks up only Opportunities edited after it', async () => {
        const a = addDeal(org, [{ Attitude_To_Us__c: 'Mentor' }], {});
        const b = addDeal(org, [{ Attitude_To_Us__c: 'Mentor' }], {});
        const none = await rescore(org, [
            '--since',
            'last',
            '--apply',
            '--state-dir',
            stateDir,
            '--lang',
            'en'
        ]);
        expect(none.code).toBe(3);
        expect(none.stderr).toContain('Run once without --since');

        expect((await rescore(org, ['--apply', '--state-dir', stateDir])).code).toBe(0);
        // The Date header has one-second resolution: let the clock move past the run's writes.
        await new Promise((resolve) => setTimeout(resolve, 1100));
        const quiet = await rescore(org, ['--since', 'last', '--apply', '--json', '--state-dir', stateDir]);
        expect(quiet.json.result.objects[SA].changed).toBe(0);
        await new Promise((resolve) => setTimeout(resolve, 1100));

        org.store.update(SA, b.stakeholderIds[0], { Attitude_To_Us__c: 'Opponent' });
        const r = await rescore(org, ['--since', 'last', '--apply', '--json', '--state-dir', stateDir]);
        expect(r.code).toBe(0);
        expect(r.json.result.objects[SA]).toMatchObject({ read: 1, changed: 1, written: 1 });
        expect(org.store.get(SA, b.stakeholderIds[0])!.Support_Index__c).toBe(-2);
        expect(org.store.get(SA, a.stakeholderIds[0])!.Support_Index__c).toBe(2);
    });

    it('--opportunity runs do not move --since last forward', async () => {
        const a = addDeal(org, [{ Attitude_To_Us__c: 'Mentor' }], {});
        const scoped = await rescore(org, [
            '--opportunity',
            a.opportunityId,
            '--apply',
            '--json',
            '--state-dir',
            stateDir
        ]);
        expect(scoped.code).toBe(0);
        expect(scoped.json.result.objects[SA].written).toBe(1);
        // The scoped run wrote, yet recorded no starting point for --since last.
        const r = await rescore(org, ['--since', 'last', '--json', '--state-dir', stateDir]);
        expect(r.code).toBe(3);
        expect(r.json).toMatchObject({ name: 'NO_STATE', exitCode: 3 });
        expect(readdirSync(stateDir)).toEqual([]);
    });

    it('--since <date> takes an ISO date-time and nothing before it', async () => {
        addDeal(org, [{ Attitude_To_Us__c: 'Mentor' }], {});
        const r = await rescore(org, ['--since', '2999-01-01T00:00:00Z', '--json', '--state-dir', stateDir]);
        expect(r.code).toBe(0);
        expect(r.json.result.transport).toBe('none');
        expect(r.json.result.objects[SA].read).toBe(0);
    });
});

describe('bad data in the org', () => {
    it('scores unknown picklist values as unknown, reports them with the record Id, and goes on', async () => {
        const deal = addDeal(org, [{ Attitude_To_Us__c: 'Mentor' }], {});
        // An old import left a value the picklist no longer has.
        org.store.update(SA, deal.stakeholderIds[0], { Influence__c: 'Legendary' });
        const r = await rescore(org, ['--apply', '--json', '--state-dir', stateDir]);
        expect(r.code).toBe(0);
        expect(org.store.get(SA, deal.stakeholderIds[0])!.Support_Index__c).toBe(2);
        expect(r.json.result.problemsByCode).toEqual({ UNKNOWN_VALUE: 1 });
    });

    it('scores a stakeholder of an Opportunity without a scorecard, and a scorecard with an empty map', async () => {
        const [opp] = org.store.insert('Opportunity', [{ Name: 'Lonely', StageName: 'Prospecting' }]);
        const [card] = org.store.insert(SC, [
            { Opportunity__c: opp, Opportunity_Key__c: opp, Coach__c: 'Confirmed' }
        ]);
        const r = await rescore(org, ['--apply', '--json', '--state-dir', stateDir]);
        expect(r.code).toBe(0);
        expect(org.store.get(SC, card)!.Evidence_Codes__c).toBe('COACH_WITHOUT_MENTOR');
    });
});

describe.each([['--rest'], ['--bulk']])('writes only derived fields (%s)', (transport) => {
    it("never sends a rep's input: inputs edited during the run keep the rep's values", async () => {
        const deal = addDeal(org, [{ Attitude_To_Us__c: 'Mentor', Title__c: 'CFO' }], COACH_CLAIM);
        org.hooks.beforeWrite = () => {
            org.store.update(SA, deal.stakeholderIds[0], { Title__c: 'CEO', Notes__c: 'promoted' });
            org.store.update(SC, deal.scorecardId, { Coach__c: 'Confirmed' });
            org.hooks.beforeWrite = undefined;
        };
        const r = await rescore(org, [transport, '--apply', '--json', '--state-dir', stateDir]);
        expect(r.code).toBe(0);
        const person = org.store.get(SA, deal.stakeholderIds[0])!;
        expect(person).toMatchObject({
            Title__c: 'CEO',
            Notes__c: 'promoted',
            Support_Index__c: 2,
            Model_Version__c: MODEL_VERSION
        });
        const card = org.store.get(SC, deal.scorecardId)!;
        expect(card.Coach__c).toBe('Confirmed');
        // Confirmed coach: factor 0.9, written by the second pass from the newest input.
        expect(card.Coach_Factor__c).toBe(0.9);
    });
});
