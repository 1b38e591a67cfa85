import { MODEL_VERSION } from 'c/dealControlModel';
import { RecordProblem, RescoreEngine, ScorecardResult } from '../engine';

const OPP = '006000000000001AAA';
const OTHER_OPP = '006000000000002AAA';

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

describe('stakeholders', () => {
    it('reports the derived fields that differ and builds a full update', () => {
        const { e } = engine();
        const change = e.stakeholder({ Id: 'a01A', Opportunity__c: OPP, Attitude_To_Us__c: 'Mentor' });
        expect(change).not.toBeNull();
        expect(change!.fields).toEqual(['Support_Index__c', 'Completeness__c', 'Model_Version__c']);
        // Mentor is +2 on the support index; one of five dimensions known is 20 %.
        expect(change!.update).toMatchObject({
            Id: 'a01A',
            Support_Index__c: 2,
            Completeness__c: 20,
            Model_Version__c: MODEL_VERSION
        });
        expect(e.stats.objects.Stakeholder_Assessment__c).toMatchObject({ read: 1, changed: 1 });
    });

    it('leaves an up-to-date record alone even when it was scored at another time', () => {
        const { e } = engine();
        const change = e.stakeholder({
            Id: 'a01A',
            Opportunity__c: OPP,
            Attitude_To_Us__c: 'Mentor',
            Support_Index__c: '2',
            Completeness__c: '20',
            Insight_Codes__c: '',
            Model_Version__c: MODEL_VERSION,
            Scored_At__c: '2019-01-01T00:00:00.000Z'
        });
        expect(change).toBeNull();
        expect(e.stats.objects.Stakeholder_Assessment__c).toMatchObject({ read: 1, changed: 0 });
    });

    it('scores an unknown picklist value as unknown and reports it with the record Id', () => {
        const { e, problems } = engine();
        const change = e.stakeholder({ Id: 'a01B', Opportunity__c: OPP, Attitude_To_Us__c: 'Friendly' });
        expect(change!.update.Support_Index__c).toBeNull();
        expect(problems).toEqual([
            {
                object: 'Stakeholder_Assessment__c',
                id: 'a01B',
                code: 'UNKNOWN_VALUE',
                field: 'Attitude_To_Us__c',
                value: 'Friendly'
            }
        ]);
    });

    it('reports a record without Id and skips it, and scores one without Opportunity', () => {
        const { e, problems } = engine();
        expect(e.stakeholder({ Opportunity__c: OPP })).toBeNull();
        expect(e.stakeholder({ Id: 'a01C', Opportunity__c: '' })).not.toBeNull();
        expect(problems.map((p) => [p.id, p.code])).toEqual([
            [null, 'MISSING_ID'],
            ['a01C', 'NO_OPPORTUNITY']
        ]);
    });
});

describe('scorecards use the stakeholders of their own Opportunity as evidence', () => {
    const claim = { Coach__c: 'Identified' };

    it('flags a claimed coach when the Opportunity has no Mentor', () => {
        const { e } = engine();
        e.stakeholder({ Id: 'a01M', Opportunity__c: OTHER_OPP, Attitude_To_Us__c: 'Mentor' });
        const change = e.scorecard({ Id: 'a02A', Opportunity__c: OPP, ...claim });
        expect(change!.update.Evidence_Codes__c).toBe('COACH_WITHOUT_MENTOR');
        expect(change!.update.Warning_Count__c).toBe(1);
    });

    it('accepts the coach when a Mentor of the same Opportunity was folded in', () => {
        const { e, scorecards } = engine();
        e.stakeholder({ Id: 'a01N', Opportunity__c: OPP, Attitude_To_Us__c: 'Neutral' });
        e.stakeholder({ Id: 'a01M', Opportunity__c: OPP, Attitude_To_Us__c: 'Mentor' });
        const change = e.scorecard({ Id: 'a02A', Opportunity__c: OPP, ...claim });
        expect(change!.update.Evidence_Codes__c).toBeNull();
        expect(scorecards[0]).toMatchObject({ id: 'a02A', opportunityId: OPP, findings: [] });
        expect(e.opportunityCount).toBe(1);
    });

    it('counts scorecards by band', () => {
        const { e } = engine();
        e.scorecard({ Id: 'a02A', Opportunity__c: OPP });
        // Nothing known: 0 points, which is the Losing band.
        expect(e.stats.bands.Losing).toBe(1);
    });
});

describe('scope filter', () => {
    it('skips records of other Opportunities without counting them', () => {
        const { e } = engine(new Set([OPP]));
        expect(e.stakeholder({ Id: 'a01X', Opportunity__c: OTHER_OPP })).toBeNull();
        expect(e.stats.objects.Stakeholder_Assessment__c.read).toBe(0);
    });
});

describe('write results', () => {
    it('counts written and failed records and reports each failure', () => {
        const { e, problems } = engine();
        e.written('C139_Scorecard__c', 3);
        e.failed('C139_Scorecard__c', 'a02F', 'FIELD_CUSTOM_VALIDATION_EXCEPTION', 'blocked by a rule');
        expect(e.stats.objects.C139_Scorecard__c).toMatchObject({ written: 3, failed: 1 });
        expect(problems[0]).toMatchObject({ id: 'a02F', code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION' });
    });
});
