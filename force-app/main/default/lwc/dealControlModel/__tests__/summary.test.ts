import { ATTITUDE_BUCKETS, normalizeStakeholder, summarizeStakeholders } from 'c/dealControlModel';

const complete = {
    Dominant_Need__c: 'Safety',
    Change_Attitude__c: 'Pragmatist',
    Decision_Focus__c: 'Business',
    Contact_Closeness__c: 'More'
};

describe('summarizeStakeholders', () => {
    it('summarises an empty map without dividing by zero', () => {
        const s = summarizeStakeholders([]);
        expect(s.stakeholderCount).toBe(0);
        expect(s.coveragePercent).toBeNull();
        expect(s.weightedBodySupport).toBeNull();
        expect(s.hasMentor).toBe(false);
        expect(s.hasTopDecisionMaker).toBe(false);
        expect(s.byAttitude).toEqual({
            Mentor: 0,
            Supporter: 0,
            Neutral: 0,
            Non_Supporter: 0,
            Opponent: 0,
            Unknown: 0
        });
    });

    it('counts attitudes, coverage, mentor and top decision makers', () => {
        const s = summarizeStakeholders([
            { ...complete, Attitude_To_Us__c: 'Mentor' },
            { Attitude_To_Us__c: 'Mentor' },
            { ...complete, Attitude_To_Us__c: 'Opponent', Top_Decision_Maker__c: true },
            { Top_Decision_Maker__c: 'true' }
        ]);
        expect(s.stakeholderCount).toBe(4);
        expect(s.byAttitude).toEqual({
            Mentor: 2,
            Supporter: 0,
            Neutral: 0,
            Non_Supporter: 0,
            Opponent: 1,
            Unknown: 1
        });
        expect(s.completeCount).toBe(2);
        expect(s.coveragePercent).toBe(50);
        expect(s.hasMentor).toBe(true);
        expect(s.hasTopDecisionMaker).toBe(true);
        expect(s.topDecisionMakerAttitudes).toEqual(['Opponent', null]);
    });

    it('weights decision-body support by influence and skips unknown attitudes', () => {
        // (3 × 2 + 1 × -2 + 1 × 1) / (3 + 1 + 1) = 5 / 5 = 1; the unknown attitude does not count.
        const s = summarizeStakeholders([
            { Decision_Body_Member__c: true, Influence__c: 'High', Attitude_To_Us__c: 'Mentor' },
            { Decision_Body_Member__c: true, Influence__c: 'Low', Attitude_To_Us__c: 'Opponent' },
            { Decision_Body_Member__c: true, Attitude_To_Us__c: 'Supporter' },
            { Decision_Body_Member__c: true, Influence__c: 'High' },
            { Influence__c: 'High', Attitude_To_Us__c: 'Opponent' }
        ]);
        expect(s.decisionBodyCount).toBe(4);
        expect(s.supportiveBodyCount).toBe(2);
        expect(s.weightedBodySupport).toBe(1);
    });

    it('rounds weighted support to two decimals', () => {
        // (2 × 1 + 1 × 0) / 3 = 0.666… → 0.67.
        const s = summarizeStakeholders([
            { Decision_Body_Member__c: true, Influence__c: 'Medium', Attitude_To_Us__c: 'Supporter' },
            { Decision_Body_Member__c: true, Influence__c: 'Low', Attitude_To_Us__c: 'Neutral' }
        ]);
        expect(s.weightedBodySupport).toBe(0.67);
    });

    it('accepts already normalized stakeholders', () => {
        const s = summarizeStakeholders([normalizeStakeholder({ Attitude_To_Us__c: 'Supporter' })]);
        expect(s.byAttitude.Supporter).toBe(1);
    });

    it('lists attitude buckets best first with unknown last', () => {
        expect(ATTITUDE_BUCKETS).toEqual([
            'Mentor',
            'Supporter',
            'Neutral',
            'Non_Supporter',
            'Opponent',
            'Unknown'
        ]);
    });
});
