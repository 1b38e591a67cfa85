import { parse } from 'csv-parse/sync';
import {
    MODEL_VERSION,
    buildPoliticalMap,
    comparableDerivedFields,
    scoreScorecard,
    scoreStakeholder
} from 'c/dealControlModel';
import { FakeOrg, startFakeOrg } from '../index';
import { FakeStore } from '../store';
import { LEGACY_VALUE, OLD_MODEL_VERSION } from '../synthetic';
import { SObjectRecord } from '../values';
import { V, call, q } from './helpers';

const S = 'Stakeholder_Assessment__c';
const C = 'C139_Scorecard__c';
const L = 'Stakeholder_Link__c';
const SCORED_AT = { scoredAt: 'ignored' };

function differs(stored: SObjectRecord, derived: object, object: string): boolean {
    return comparableDerivedFields(object).some((f) => stored[f] !== (derived as Record<string, unknown>)[f]);
}

describe('synthetic datasets', () => {
    it('builds deals of one Opportunity, one scorecard and K stakeholders that point at each other', () => {
        const store = new FakeStore();
        const summary = store.addSynthetic({ scorecards: 3, stakeholdersPerScorecard: 2, seed: 1 });
        expect(summary).toMatchObject({ scorecards: 3, stakeholders: 6 });
        const opps = store.all('Opportunity');
        const cards = store.all(C);
        const people = store.all(S);
        expect([opps.length, cards.length, people.length]).toEqual([3, 3, 6]);
        expect(cards.map((c) => c.Opportunity__c)).toEqual(opps.map((o) => o.Id));
        expect(cards.map((c) => c.Opportunity_Key__c)).toEqual(opps.map((o) => o.Id));
        expect(people.map((p) => p.Opportunity__c)).toEqual([0, 0, 1, 1, 2, 2].map((i) => opps[i].Id));
        expect(cards.map((c) => c.Name)).toEqual(['C139-000001', 'C139-000002', 'C139-000003']);
        expect(summary.opportunityIds).toEqual({ first: opps[0].Id, last: opps[2].Id });
    });

    it('is deterministic for a seed and differs between seeds', () => {
        const a = new FakeStore();
        const b = new FakeStore();
        const c = new FakeStore();
        a.addSynthetic({ scorecards: 20, seed: 5 });
        b.addSynthetic({ scorecards: 20, seed: 5 });
        c.addSynthetic({ scorecards: 20, seed: 6 });
        const inputs = (store: FakeStore) =>
            store.all(S).map((r) => [r.Role__c, r.Attitude_To_Us__c, r.Decision_Focus__c]);
        expect(inputs(a)).toEqual(inputs(b));
        expect(inputs(a)).not.toEqual(inputs(c));
    });

    it('stores the derived values the model computes when nothing is stale', () => {
        const store = new FakeStore();
        store.addSynthetic({
            scorecards: 200,
            stakeholdersPerScorecard: 5,
            seed: 2,
            staleRate: 0,
            badValueRate: 0
        });
        const people = store.all(S);
        for (const p of people) {
            expect(differs(p, scoreStakeholder(p, SCORED_AT).derived, S)).toBe(false);
            expect(p.Model_Version__c).toBe(MODEL_VERSION);
        }
        store.all(C).forEach((card, deal) => {
            const derived = scoreScorecard(card, people.slice(deal * 5, deal * 5 + 5), SCORED_AT).derived;
            expect(differs(card, derived, C)).toBe(false);
        });
        // Inputs vary, blanks included.
        expect(new Set(people.map((p) => p.Attitude_To_Us__c)).size).toBe(6);
        expect(people.some((p) => p.Decision_Focus__c === null)).toBe(true);
        expect(new Set(store.all(C).map((c) => c.Control_Band__c)).size).toBeGreaterThan(2);
    });

    it('leaves about staleRate of the records stale and plants legacy picklist values', () => {
        const store = new FakeStore();
        store.addSynthetic({
            scorecards: 2000,
            stakeholdersPerScorecard: 1,
            seed: 3,
            staleRate: 0.1,
            badValueRate: 0.02
        });
        const people = store.all(S);
        const stale = people.filter((p) => differs(p, scoreStakeholder(p, SCORED_AT).derived, S));
        expect(stale.length / people.length).toBeGreaterThan(0.07);
        expect(stale.length / people.length).toBeLessThan(0.13);
        expect(stale.some((p) => p.Model_Version__c === OLD_MODEL_VERSION)).toBe(true);
        expect(stale.some((p) => p.Model_Version__c === null)).toBe(true);
        const legacy = people.filter((p) => Object.values(p).includes(LEGACY_VALUE));
        expect(legacy.length).toBeGreaterThan(10);
        expect(legacy.length).toBeLessThan(80);
    });

    it('adds links between the people of each deal, a realistic mix, and stores what the model computes with them', () => {
        const store = new FakeStore();
        const summary = store.addSynthetic({
            scorecards: 400,
            stakeholdersPerScorecard: 5,
            seed: 8,
            staleRate: 0,
            badValueRate: 0,
            linksPerScorecard: 3
        });
        const people = store.all(S);
        const cards = store.all(C);
        const links = store.all(L);
        expect(summary.links).toBe(links.length);
        // 0 to 6 a deal: about 3 on average.
        expect(links.length / 400).toBeGreaterThan(2.6);
        expect(links.length / 400).toBeLessThan(3.4);
        const share = (field: string, value: unknown) =>
            links.filter((l) => l[field] === value).length / links.length;
        expect(share('Link_Type__c', 'Reports_To')).toBeGreaterThan(0.25);
        for (const type of ['Influences', 'Acts_For', 'Allied', 'Rival'])
            expect(share('Link_Type__c', type)).toBeGreaterThan(0.05);
        for (const strength of ['Strong', 'Medium', 'Weak', null])
            expect(share('Strength__c', strength)).toBeGreaterThan(0.08);
        const codes = new Set<string>();
        cards.forEach((card, deal) => {
            const dealPeople = people.slice(deal * 5, deal * 5 + 5);
            const dealLinks = links.filter((l) => l.Opportunity__c === card.Opportunity__c);
            const map = buildPoliticalMap(dealPeople, dealLinks, {
                opportunityId: card.Opportunity__c as string
            });
            // Every link is one the org would accept: on its deal, two different people, no duplicate.
            expect(map.issues).toEqual([]);
            for (const person of dealPeople) {
                const derived = scoreStakeholder(person, SCORED_AT, map).derived;
                expect(differs(person, derived, S)).toBe(false);
                for (const code of derived.Insight_Codes__c?.split(';') ?? []) codes.add(code);
            }
            const derived = scoreScorecard(card, dealPeople, SCORED_AT, map).derived;
            expect(differs(card, derived, C)).toBe(false);
            for (const code of derived.Evidence_Codes__c?.split(';') ?? []) codes.add(code);
        });
        for (const code of ['INFLUENCED_AGAINST', 'WIN_UNDERMINED', 'COACH_NO_ACCESS'])
            expect(codes).toContain(code);
    });

    it('keeps an updated synthetic record and serves it instead of the generated one', () => {
        const store = new FakeStore();
        store.addSynthetic({ scorecards: 5, seed: 4 });
        const id = store.all(S)[7].Id as string;
        store.update(S, id, { Attitude_To_Us__c: 'Mentor' });
        expect(store.get(S, id)!.Attitude_To_Us__c).toBe('Mentor');
        expect(store.all(S)[7].Attitude_To_Us__c).toBe('Mentor');
        store.delete(S, id);
        expect(store.count(S)).toBe(24);
    });
});

describe('a million scorecards with five million stakeholders', () => {
    let org: FakeOrg;
    beforeAll(async () => {
        org = await startFakeOrg({ seed: 60, bulkJobPollsUntilComplete: 0 });
    });
    afterAll(() => org.close());

    it('answers COUNT() and a first Bulk page with bounded memory', async () => {
        global.gc?.();
        const before = process.memoryUsage();
        org.store.addSynthetic({ scorecards: 1000000, stakeholdersPerScorecard: 5, seed: 9 });
        const cards = await call(org, q('SELECT COUNT() FROM C139_Scorecard__c'));
        const people = await call(org, q('SELECT COUNT() FROM Stakeholder_Assessment__c'));
        expect(cards.body.totalSize).toBe(1000000);
        expect(people.body.totalSize).toBe(5000000);

        const job = await call(org, `${V}/jobs/query`, {
            method: 'POST',
            body: {
                operation: 'query',
                query: 'SELECT Id, Coach__c, Control_Score__c, Model_Version__c FROM C139_Scorecard__c'
            }
        });
        const info = await call(org, `${V}/jobs/query/${job.body.id}`);
        expect(info.body).toMatchObject({ state: 'JobComplete', numberRecordsProcessed: 1000000 });
        const page = await call(org, `${V}/jobs/query/${job.body.id}/results?maxRecords=5000`);
        expect(page.headers.get('sforce-numberofrecords')).toBe('5000');
        expect(page.headers.get('sforce-locator')).not.toBe('null');
        const rows = parse(page.text, { columns: true }) as Array<Record<string, string>>;
        expect(rows).toHaveLength(5000);
        expect(rows[0].Id.slice(0, 3)).toBe('a02');

        const after = process.memoryUsage();
        const grown = after.heapUsed + after.arrayBuffers - (before.heapUsed + before.arrayBuffers);
        // Materialised, the scorecards alone would take well over a gigabyte.
        expect(grown).toBeLessThan(150 * 1024 * 1024);
    });
});
