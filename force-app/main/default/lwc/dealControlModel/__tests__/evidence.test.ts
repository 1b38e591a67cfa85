import {
    EMPTY_EVIDENCE_FACTS,
    EVIDENCE,
    EvidenceCode,
    addEvidenceFacts,
    evidenceCodesOf,
    normalizeStakeholder,
    scoreScorecard
} from 'c/dealControlModel';

const AT = '2026-11-26T10:00:00.000Z';
type Rec = Record<string, unknown>;

const topDm = (attitude: string | null): Rec => ({
    Top_Decision_Maker__c: true,
    Attitude_To_Us__c: attitude
});
const body = (attitude: string | null, extra: Rec = {}): Rec => ({
    Decision_Body_Member__c: true,
    Attitude_To_Us__c: attitude,
    Influence__c: 'Medium',
    Decision_Focus__c: 'Business',
    ...extra
});

function codes(scorecard: Rec, map: Rec[]): string[] {
    const r = scoreScorecard(scorecard, map, { scoredAt: AT });
    return r.derived.Evidence_Codes__c === null ? [] : r.derived.Evidence_Codes__c.split(';');
}

// Each code: a minimal case that triggers it, and a nearest case that does not.
const cases: Array<[EvidenceCode, Rec, Rec[], boolean]> = [
    ['WIN_WITHOUT_TOP_DM', { Win__c: 'Yes' }, [], true],
    ['WIN_WITHOUT_TOP_DM', { Win__c: 'Leaning' }, [{ Attitude_To_Us__c: 'Mentor' }], true],
    ['WIN_WITHOUT_TOP_DM', { Win__c: 'Yes' }, [topDm('Mentor')], false],
    ['WIN_WITHOUT_TOP_DM', { Win__c: null }, [], false],
    ['WIN_CONTRADICTED', { Win__c: 'Leaning' }, [topDm('Non_Supporter')], true],
    ['WIN_CONTRADICTED', { Win__c: 'Yes' }, [topDm('Supporter'), topDm('Opponent')], true],
    ['WIN_CONTRADICTED', { Win__c: 'Against' }, [topDm('Opponent')], false],
    ['WIN_CONTRADICTED', { Win__c: 'Yes' }, [topDm('Neutral')], false],
    ['WIN_UNSUPPORTED', { Win__c: 'Yes' }, [topDm('Neutral')], true],
    ['WIN_UNSUPPORTED', { Win__c: 'Yes' }, [topDm('Supporter'), topDm(null)], true],
    ['WIN_UNSUPPORTED', { Win__c: 'Leaning' }, [topDm('Neutral')], false],
    ['WIN_UNSUPPORTED', { Win__c: 'Yes' }, [topDm('Neutral'), topDm('Opponent')], false],
    ['WIN_UNSUPPORTED', { Win__c: 'Yes' }, [topDm('Supporter')], false],
    ['MAJORITY_UNSUPPORTED', { First_Majority_Choose__c: 'Yes' }, [], true],
    ['MAJORITY_UNSUPPORTED', { First_Majority_Choose__c: 'Yes' }, [body('Supporter'), body('Neutral')], true],
    [
        'MAJORITY_UNSUPPORTED',
        { First_Majority_Choose__c: 'Yes' },
        [body('Supporter'), body('Mentor'), body(null)],
        false
    ],
    ['MAJORITY_UNSUPPORTED', { First_Majority_Choose__c: 'Partial' }, [], false],
    ['COACH_WITHOUT_MENTOR', { Coach__c: 'Identified' }, [{ Attitude_To_Us__c: 'Supporter' }], true],
    ['COACH_WITHOUT_MENTOR', { Coach__c: 'Confirmed' }, [], true],
    ['COACH_WITHOUT_MENTOR', { Coach__c: 'Confirmed_In_Decision_Body' }, [], true],
    ['COACH_WITHOUT_MENTOR', { Coach__c: 'Confirmed' }, [{ Attitude_To_Us__c: 'Mentor' }], false],
    ['COACH_WITHOUT_MENTOR', { Coach__c: 'No_Coach' }, [], false],
    [
        'COACH_NOT_IN_BODY',
        { Coach__c: 'Confirmed_In_Decision_Body' },
        [{ Attitude_To_Us__c: 'Mentor' }],
        true
    ],
    ['COACH_NOT_IN_BODY', { Coach__c: 'Confirmed_In_Decision_Body' }, [body('Mentor')], false],
    ['COACH_NOT_IN_BODY', { Coach__c: 'Confirmed_In_Decision_Body' }, [], false],
    ['COACH_NOT_IN_BODY', { Coach__c: 'Confirmed' }, [{ Attitude_To_Us__c: 'Mentor' }], false],
    ['DECISION_BODY_UNKNOWN', { Clear_Decision_Body__c: 'Clear' }, [], true],
    ['DECISION_BODY_UNKNOWN', { Clear_Decision_Body__c: 'Clear' }, [body(null)], true],
    [
        'DECISION_BODY_UNKNOWN',
        { Clear_Decision_Body__c: 'Clear' },
        [body('Supporter', { Influence__c: null })],
        true
    ],
    ['DECISION_BODY_UNKNOWN', { Clear_Decision_Body__c: 'Clear' }, [body('Supporter')], false],
    ['DECISION_BODY_UNKNOWN', { Clear_Decision_Body__c: 'Partial' }, [], false],
    ['CRITERIA_UNKNOWN', { Clear_Decision_Criteria__c: 'Clear' }, [], true],
    [
        'CRITERIA_UNKNOWN',
        { Clear_Decision_Criteria__c: 'Clear' },
        [body('Supporter', { Decision_Focus__c: '' })],
        true
    ],
    ['CRITERIA_UNKNOWN', { Clear_Decision_Criteria__c: 'Clear' }, [body('Supporter')], false],
    ['CRITERIA_UNKNOWN', { Clear_Decision_Criteria__c: 'Partial' }, [], false]
];

describe('evidence codes', () => {
    it.each(cases)('%s on %j with %j → %p', (code, scorecard, map, expected) => {
        expect(codes(scorecard, map).includes(code)).toBe(expected);
    });

    it('counts, sorts and joins the codes, and returns their findings', () => {
        const r = scoreScorecard(
            { Win__c: 'Yes', Coach__c: 'Confirmed', First_Majority_Choose__c: 'Yes' },
            [{ Attitude_To_Us__c: 'Supporter' }],
            { scoredAt: AT }
        );
        expect(r.derived.Evidence_Codes__c).toBe(
            'COACH_WITHOUT_MENTOR;MAJORITY_UNSUPPORTED;WIN_WITHOUT_TOP_DM'
        );
        expect(r.derived.Warning_Count__c).toBe(3);
        expect(r.findings.map((f) => f.claimField)).toEqual([
            'Coach__c',
            'First_Majority_Choose__c',
            'Win__c'
        ]);
    });

    it('gives the same codes from folded facts as from the whole map', () => {
        const map = [
            topDm('Neutral'),
            body('Mentor'),
            body(null, { Influence__c: null, Decision_Focus__c: null })
        ].map(normalizeStakeholder);
        const facts = map.reduce(addEvidenceFacts, EMPTY_EVIDENCE_FACTS);
        const claims = {
            win: 'Yes',
            coach: 'Confirmed_In_Decision_Body',
            firstMajorityChoose: 'Yes',
            clearDecisionBody: 'Clear',
            clearDecisionCriteria: 'Clear'
        };
        expect(evidenceCodesOf(claims, facts)).toEqual(evidenceCodesOf(claims, map));
        expect(evidenceCodesOf(claims, map)).toEqual([
            'CRITERIA_UNKNOWN',
            'DECISION_BODY_UNKNOWN',
            'MAJORITY_UNSUPPORTED',
            'WIN_UNSUPPORTED'
        ]);
    });

    it('has a message and a suggested action in both languages for every code', () => {
        for (const def of Object.values(EVIDENCE)) {
            expect(def.message.en.length).toBeGreaterThan(10);
            expect(def.action.en.length).toBeGreaterThan(10);
            expect(def.message.zh).toMatch(/[\u4e00-\u9fff]/);
            expect(def.action.zh).toMatch(/[\u4e00-\u9fff]/);
        }
        expect(Object.keys(EVIDENCE).sort()).toEqual(
            [
                'COACH_NOT_IN_BODY',
                'COACH_WITHOUT_MENTOR',
                'CRITERIA_UNKNOWN',
                'DECISION_BODY_UNKNOWN',
                'MAJORITY_UNSUPPORTED',
                'WIN_CONTRADICTED',
                'WIN_UNSUPPORTED',
                'WIN_WITHOUT_TOP_DM',
                'WIN_UNDERMINED',
                'COACH_NO_ACCESS'
            ].sort()
        );
    });
});
