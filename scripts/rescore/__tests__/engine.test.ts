import { existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import { MODEL_VERSION, RawRecord } from 'c/dealControlModel';
import { Change, RecordProblem, RescoreEngine, ScorecardResult } from '../engine';
import { GROUPING } from '../opportunityGroups';

const OPP = '006000000000001AAA';
const OTHER_OPP = '006000000000002AAA';
const SA = 'Stakeholder_Assessment__c';
const SC = 'C139_Scorecard__c';
const SL = 'Stakeholder_Link__c';

function engine(filter?: Set<string>) {
    const problems: RecordProblem[] = [];
    const scorecards: ScorecardResult[] = [];
    const e = new RescoreEngine({
        scoredAt: '2026-03-01T00:00:00.000Z',
        onProblem: (p) => problems.push(p),
        onScorecard: (s) => scorecards.push(s),
        opportunityFilter: filter
    });
    return { e, problems, scorecards };
}

async function changesOf(e: RescoreEngine, signal?: AbortSignal): Promise<Change[]> {
    const out: Change[] = [];
    for await (const change of e.changes(signal)) out.push(change);
    return out;
}

function byId(changes: readonly Change[]): Map<string, Change> {
    return new Map(changes.map((c) => [c.id, c]));
}

describe('stakeholders', () => {
    it('reports the derived fields that differ and builds a full update', async () => {
        const { e } = engine();
        expect(e.stakeholder({ Id: 'a01A', Opportunity__c: OPP, Attitude_To_Us__c: 'Mentor' })).toBeNull();
        const [change] = await changesOf(e);
        expect(change.fields).toEqual(['Support_Index__c', 'Completeness__c', 'Model_Version__c']);
        // Mentor is +2 on the support index; one of five dimensions known is 20 %.
        expect(change.update).toMatchObject({
            Id: 'a01A',
            Support_Index__c: 2,
            Completeness__c: 20,
            Model_Version__c: MODEL_VERSION
        });
        expect(e.stats.objects[SA]).toMatchObject({ read: 1, changed: 1 });
    });

    it('leaves an up-to-date record alone even when it was scored at another time', async () => {
        const { e } = engine();
        e.stakeholder({
            Id: 'a01A',
            Opportunity__c: OPP,
            Attitude_To_Us__c: 'Mentor',
            Support_Index__c: '2',
            Completeness__c: '20',
            Insight_Codes__c: '',
            Model_Version__c: MODEL_VERSION,
            Scored_At__c: '2019-01-01T00:00:00.000Z'
        });
        expect(await changesOf(e)).toEqual([]);
        expect(e.stats.objects[SA]).toMatchObject({ read: 1, changed: 0 });
    });

    it('scores an unknown picklist value as unknown and reports it with the record Id', async () => {
        const { e, problems } = engine();
        e.stakeholder({ Id: 'a01B', Opportunity__c: OPP, Attitude_To_Us__c: 'Friendly' });
        const [change] = await changesOf(e);
        expect(change.update.Support_Index__c).toBeNull();
        expect(problems).toEqual([
            {
                object: SA,
                id: 'a01B',
                code: 'UNKNOWN_VALUE',
                field: 'Attitude_To_Us__c',
                value: 'Friendly'
            }
        ]);
    });

    it('reports a record without Id and skips it, and scores one without Opportunity on its own', async () => {
        const { e, problems } = engine();
        e.stakeholder({ Opportunity__c: OPP });
        e.stakeholder({ Id: 'a01C', Opportunity__c: '' });
        e.stakeholder({ Id: 'a01D', Attitude_To_Us__c: 'Mentor' });
        e.scorecard({ Id: 'a02C', Coach__c: 'Identified' });
        const changes = byId(await changesOf(e));
        expect([...changes.keys()]).toEqual(['a01C', 'a01D', 'a02C']);
        // Two records without an Opportunity are not one deal: the Mentor does not back that coach.
        expect(changes.get('a02C')!.update.Evidence_Codes__c).toBe('COACH_WITHOUT_MENTOR');
        expect(problems.map((p) => [p.id, p.code])).toEqual([
            [null, 'MISSING_ID'],
            ['a01C', 'NO_OPPORTUNITY'],
            ['a01D', 'NO_OPPORTUNITY'],
            ['a02C', 'NO_OPPORTUNITY']
        ]);
    });
});

describe('scorecards use the stakeholders of their own Opportunity as evidence', () => {
    const claim = { Coach__c: 'Identified' };

    it('flags a claimed coach when the Opportunity has no Mentor', async () => {
        const { e } = engine();
        e.stakeholder({ Id: 'a01M', Opportunity__c: OTHER_OPP, Attitude_To_Us__c: 'Mentor' });
        e.scorecard({ Id: 'a02A', Opportunity__c: OPP, ...claim });
        const change = byId(await changesOf(e)).get('a02A')!;
        expect(change.update.Evidence_Codes__c).toBe('COACH_WITHOUT_MENTOR');
        expect(change.update.Warning_Count__c).toBe(1);
    });

    it('accepts the coach when a Mentor of the same Opportunity is read, before or after the scorecard', async () => {
        const { e, scorecards } = engine();
        e.scorecard({ Id: 'a02A', Opportunity__c: OPP, ...claim });
        e.stakeholder({ Id: 'a01N', Opportunity__c: OPP, Attitude_To_Us__c: 'Neutral' });
        // The same Opportunity in its 15-character form, as a report export may give it.
        e.stakeholder({ Id: 'a01M', Opportunity__c: OPP.slice(0, 15), Attitude_To_Us__c: 'Mentor' });
        const change = byId(await changesOf(e)).get('a02A')!;
        expect(change.update.Evidence_Codes__c).toBeNull();
        expect(scorecards[0]).toMatchObject({ id: 'a02A', opportunityId: OPP, findings: [] });
    });

    it('counts scorecards by band', async () => {
        const { e } = engine();
        e.scorecard({ Id: 'a02A', Opportunity__c: OPP });
        await changesOf(e);
        // Nothing known: 0 points, which is the Losing band.
        expect(e.stats.bands.Losing).toBe(1);
    });
});

describe('links (contract v1.1): each Opportunity is scored with its links at hand', () => {
    const people = [
        { Id: 'a01000000000001AAA', Attitude_To_Us__c: 'Opponent' },
        { Id: 'a01000000000002AAA', Top_Decision_Maker__c: true, Attitude_To_Us__c: 'Supporter' },
        { Id: 'a01000000000003AAA', Attitude_To_Us__c: 'Mentor' }
    ].map((p) => ({ ...p, Opportunity__c: OPP }));
    const [opponent, topDm, mentor] = people.map((p) => p.Id);
    const link = (id: string, from: string, to: string, type: string, extra: RawRecord = {}): RawRecord => ({
        Id: id,
        Opportunity__c: OPP,
        From_Stakeholder__c: from,
        To_Stakeholder__c: to,
        Link_Type__c: type,
        ...extra
    });
    const card = {
        Id: 'a02000000000001AAA',
        Opportunity__c: OPP,
        Win__c: 'Yes',
        Coach__c: 'Confirmed',
        Coach_Stakeholder__c: mentor
    };

    it('raises INFLUENCED_AGAINST, WIN_UNDERMINED and COACH_NO_ACCESS, whatever the order of the records', async () => {
        const { e, problems } = engine();
        // The link arrives first, the person who pulls last: nothing is scored before all are read.
        e.link(link('a03000000000001AAA', opponent, topDm, 'Influences', { Strength__c: 'Strong' }));
        e.scorecard(card);
        e.stakeholder(people[2]);
        e.stakeholder(people[1]);
        e.stakeholder(people[0]);
        const changes = byId(await changesOf(e));
        expect(changes.get(topDm)!.update.Insight_Codes__c).toBe('INFLUENCED_AGAINST;KEY_PERSON_INCOMPLETE');
        expect(changes.get(opponent)!.update.Insight_Codes__c).toBeNull();
        expect(changes.get(card.Id)!.update.Evidence_Codes__c).toBe('COACH_NO_ACCESS;WIN_UNDERMINED');
        expect(changes.get(card.Id)!.update.Warning_Count__c).toBe(2);
        expect(problems).toEqual([]);
        expect(e.stats.objects[SL].read).toBe(1);
    });

    it('raises none of them when the puller is weak, and gives the coach access through a line to the top decision maker', async () => {
        const { e } = engine();
        for (const p of people) e.stakeholder(p);
        e.link(link('a03000000000001AAA', opponent, topDm, 'Influences', { Strength__c: 'Weak' }));
        e.link(link('a03000000000002AAA', mentor, topDm, 'Allied'));
        e.scorecard(card);
        const changes = byId(await changesOf(e));
        expect(changes.get(topDm)!.update.Insight_Codes__c).toBe('KEY_PERSON_INCOMPLETE');
        expect(changes.get(card.Id)!.update.Evidence_Codes__c).toBeNull();
    });

    it('reports each link the model leaves out as a warning with its Id, and scores as if it were not there', async () => {
        const { e, problems } = engine();
        for (const p of people) e.stakeholder(p);
        e.stakeholder({ Id: 'a01000000000009AAA', Opportunity__c: OTHER_OPP, Attitude_To_Us__c: 'Opponent' });
        e.link(link('a03000000000001AAA', opponent, opponent, 'Influences'));
        e.link(link('a03000000000002AAA', 'a01000000000009AAA', topDm, 'Influences'));
        e.link(link('a03000000000003AAA', opponent, topDm, 'Friends'));
        e.link(link('a03000000000004AAA', mentor, topDm, 'Allied', { Strength__c: 'Huge' }));
        e.link(link('a03000000000005AAA', topDm, mentor, 'Allied'));
        e.link({ ...link('a03000000000006AAA', opponent, topDm, 'Influences'), Opportunity__c: '' });
        e.scorecard(card);
        const changes = byId(await changesOf(e));
        expect(changes.get(topDm)!.update.Insight_Codes__c).toBe('KEY_PERSON_INCOMPLETE');
        // The allied line counts (an unknown strength reads as Medium): the coach reaches the top DM.
        expect(changes.get(card.Id)!.update.Evidence_Codes__c).toBeNull();
        expect(problems.filter((p) => p.object === SL).map((p) => [p.id, p.code, p.field, p.value])).toEqual([
            ['a03000000000006AAA', 'NO_OPPORTUNITY', 'Opportunity__c', undefined],
            ['a03000000000001AAA', 'LINK_SELF', 'To_Stakeholder__c', opponent],
            // In the order of the links, as the model finds them.
            [
                'a03000000000002AAA',
                'LINK_END_NOT_ON_OPPORTUNITY',
                'From_Stakeholder__c',
                'a01000000000009AAA'
            ],
            ['a03000000000003AAA', 'UNKNOWN_VALUE', 'Link_Type__c', 'Friends'],
            ['a03000000000004AAA', 'UNKNOWN_VALUE', 'Strength__c', 'Huge'],
            ['a03000000000005AAA', 'LINK_DUPLICATE', 'Link_Type__c', 'Allied']
        ]);
        // Warnings about links are counted apart from the records' data problems.
        expect(e.stats.linkIssuesByCode).toEqual({
            NO_OPPORTUNITY: 1,
            LINK_SELF: 1,
            UNKNOWN_VALUE: 2,
            LINK_END_NOT_ON_OPPORTUNITY: 1,
            LINK_DUPLICATE: 1
        });
        expect(e.stats.problemsByCode).toEqual({});
        expect(e.stats.objects[SL]).toMatchObject({ read: 6, problems: 6, changed: 0 });
    });
});

describe('grouping on disk (large runs)', () => {
    const saved = { ...GROUPING };
    afterEach(() => Object.assign(GROUPING, saved));

    /** Forty deals, records interleaved across deals, one opponent pulling on each top decision maker. */
    function feed(e: RescoreEngine): void {
        const opp = (i: number) => `006${String(i).padStart(12, '0')}AAA`;
        const person = (i: number, p: number) => `a01${String(i * 10 + p).padStart(12, '0')}AAA`;
        for (let p = 0; p < 3; p += 1) {
            for (let i = 0; i < 40; i += 1) {
                e.stakeholder({
                    Id: person(i, p),
                    Opportunity__c: opp(i),
                    Top_Decision_Maker__c: p === 0,
                    Attitude_To_Us__c: ['Supporter', 'Opponent', 'Mentor'][p],
                    Camp__c: i % 2 === 0 ? '财务部' : null
                });
            }
        }
        for (let i = 0; i < 40; i += 1) {
            e.link({
                Id: `a03${String(i).padStart(12, '0')}AAA`,
                Opportunity__c: opp(i),
                From_Stakeholder__c: person(i, 1),
                To_Stakeholder__c: person(i, 0),
                Link_Type__c: i % 3 === 0 ? 'Acts_For' : 'Influences'
            });
            e.scorecard({
                Id: `a02${String(i).padStart(12, '0')}AAA`,
                Opportunity__c: opp(i),
                Win__c: 'Leaning'
            });
        }
    }

    async function run(): Promise<{ changes: Change[]; onDisk: boolean }> {
        const { e } = engine();
        const before = readdirSync(os.tmpdir()).filter((f) => f.startsWith('deal-control-groups-'));
        feed(e);
        const after = readdirSync(os.tmpdir()).filter((f) => f.startsWith('deal-control-groups-'));
        const created = after.filter((f) => !before.includes(f));
        const changes = await changesOf(e);
        // Whatever went to disk is gone once the changes are out.
        for (const dir of created) expect(existsSync(`${os.tmpdir()}/${dir}`)).toBe(false);
        return { changes, onDisk: created.length > 0 };
    }

    const sorted = (changes: Change[]) => [...changes].sort((a, b) => a.id.localeCompare(b.id));

    it('gives the same changes as in memory, through bucket files and through buckets split again', async () => {
        const inMemory = await run();
        expect(inMemory.onDisk).toBe(false);
        expect(inMemory.changes.filter((c) => c.object === SC)).toHaveLength(40);
        // Acts_For points the other way: the opponent acts for the top DM and does not pull on them.
        const undermined = inMemory.changes.filter((c) => c.update.Evidence_Codes__c === 'WIN_UNDERMINED');
        expect(undermined).toHaveLength(26);

        Object.assign(GROUPING, { memoryBytes: 2000, buckets: 4, flushBytes: 300 });
        const buckets = await run();
        expect(buckets.onDisk).toBe(true);
        expect(sorted(buckets.changes)).toEqual(sorted(inMemory.changes));

        Object.assign(GROUPING, { bucketBytes: 1000 });
        const split = await run();
        expect(sorted(split.changes)).toEqual(sorted(inMemory.changes));
    });

    it('stops between Opportunities on Ctrl-C, and dispose() removes the files of a run that stopped', async () => {
        Object.assign(GROUPING, { memoryBytes: 2000, buckets: 4, flushBytes: 300 });
        const { e } = engine();
        feed(e);
        const controller = new AbortController();
        const seen: Change[] = [];
        for await (const change of e.changes(controller.signal)) {
            seen.push(change);
            controller.abort();
        }
        // The Opportunity being scored is finished (its records are one update), then nothing more.
        expect(new Set(seen.map((c) => c.opportunityId)).size).toBe(1);
        expect(seen).toHaveLength(4);
        const { e: stopped } = engine();
        feed(stopped);
        stopped.dispose();
        expect(await changesOf(stopped)).toEqual([]);
    });
});

describe('scope filter', () => {
    it('skips records of other Opportunities without counting them', async () => {
        const { e } = engine(new Set([OPP]));
        e.stakeholder({ Id: 'a01X', Opportunity__c: OTHER_OPP });
        e.link({
            Id: 'a03X',
            Opportunity__c: OTHER_OPP,
            From_Stakeholder__c: 'a01X',
            To_Stakeholder__c: 'a01Y'
        });
        expect(await changesOf(e)).toEqual([]);
        expect(e.stats.objects[SA].read).toBe(0);
        expect(e.stats.objects[SL].read).toBe(0);
    });
});

describe('write results', () => {
    it('counts written and failed records and reports each failure', () => {
        const { e, problems } = engine();
        e.written(SC, 3);
        e.failed(SC, 'a02F', 'FIELD_CUSTOM_VALIDATION_EXCEPTION', 'blocked by a rule');
        expect(e.stats.objects[SC]).toMatchObject({ written: 3, failed: 1 });
        expect(problems[0]).toMatchObject({ id: 'a02F', code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION' });
    });
});
