import {
    INSIGHTS,
    MODEL_VERSION,
    STAKEHOLDER_DERIVED_FIELDS,
    normalizeStakeholder,
    scoreStakeholder,
    unknownDimensions
} from 'c/dealControlModel';

const AT = '2026-11-26T10:00:00.000Z';

/** A stakeholder with every dimension known and nothing that raises an insight. */
const COMPLETE = {
    Id: 'a01000000000001AAA',
    Name: 'Qiu Ming (仇明)',
    Role__c: 'IT_Head',
    Influence__c: 'Medium',
    Dominant_Need__c: 'Safety',
    Change_Attitude__c: 'Pragmatist',
    Decision_Focus__c: 'Technical;Business',
    Contact_Closeness__c: 'More',
    Attitude_To_Us__c: 'Supporter',
    Top_Decision_Maker__c: false,
    Decision_Body_Member__c: true
};

describe('Support_Index__c', () => {
    it.each([
        ['Mentor', 2],
        ['Supporter', 1],
        ['Neutral', 0],
        ['Non_Supporter', -1],
        ['Opponent', -2],
        [null, null],
        ['', null]
    ])('attitude %p gives %p', (attitude, expected) => {
        expect(
            scoreStakeholder({ Attitude_To_Us__c: attitude }, { scoredAt: AT }).derived.Support_Index__c
        ).toBe(expected);
    });
});

describe('Completeness__c', () => {
    it('is 100 when all five dimensions are known', () => {
        expect(scoreStakeholder(COMPLETE, { scoredAt: AT }).derived.Completeness__c).toBe(100);
    });

    it('is 0 for a blank assessment', () => {
        expect(scoreStakeholder({ Name: 'Nobody' }, { scoredAt: AT }).derived.Completeness__c).toBe(0);
    });

    it.each([
        ['Dominant_Need__c', null],
        ['Change_Attitude__c', null],
        ['Decision_Focus__c', ''],
        ['Contact_Closeness__c', null],
        ['Attitude_To_Us__c', null]
    ])('loses 20 points when %s is unknown', (field, blank) => {
        const score = scoreStakeholder({ ...COMPLETE, [field]: blank }, { scoredAt: AT });
        expect(score.derived.Completeness__c).toBe(80);
        expect(unknownDimensions(score.stakeholder)).toEqual([field]);
    });

    it('does not count role, influence or other needs as dimensions', () => {
        const score = scoreStakeholder(
            { ...COMPLETE, Role__c: null, Influence__c: null, Other_Needs__c: null },
            { scoredAt: AT }
        );
        expect(score.derived.Completeness__c).toBe(100);
    });
});

describe('insight codes', () => {
    type Case = [string, Record<string, unknown>, string | null];
    const cases: Case[] = [
        [
            'MENTOR_LOW_CONTACT with No_Contact',
            { Attitude_To_Us__c: 'Mentor', Contact_Closeness__c: 'No_Contact' },
            'MENTOR_LOW_CONTACT'
        ],
        [
            'MENTOR_LOW_CONTACT with Little',
            { Attitude_To_Us__c: 'Mentor', Contact_Closeness__c: 'Little' },
            'MENTOR_LOW_CONTACT'
        ],
        [
            'no MENTOR_LOW_CONTACT with More',
            { Attitude_To_Us__c: 'Mentor', Contact_Closeness__c: 'More' },
            null
        ],
        [
            'no MENTOR_LOW_CONTACT for a Supporter',
            { Attitude_To_Us__c: 'Supporter', Contact_Closeness__c: 'Little' },
            null
        ],
        [
            'KEY_PERSON_NO_CONTACT for a top DM',
            { Top_Decision_Maker__c: true, Contact_Closeness__c: 'No_Contact', ...fullDims() },
            'KEY_PERSON_NO_CONTACT'
        ],
        [
            'KEY_PERSON_NO_CONTACT for High influence',
            { Influence__c: 'High', Contact_Closeness__c: 'No_Contact' },
            'KEY_PERSON_NO_CONTACT'
        ],
        [
            'no KEY_PERSON_NO_CONTACT for Medium influence',
            { Influence__c: 'Medium', Contact_Closeness__c: 'No_Contact' },
            null
        ],
        [
            'no KEY_PERSON_NO_CONTACT with Little contact',
            { Influence__c: 'High', Contact_Closeness__c: 'Little' },
            null
        ],
        [
            'OPPONENT_DEEP_CONTACT for an Opponent',
            { Attitude_To_Us__c: 'Opponent', Contact_Closeness__c: 'Deep' },
            'OPPONENT_DEEP_CONTACT'
        ],
        [
            'OPPONENT_DEEP_CONTACT for a Non_Supporter',
            { Attitude_To_Us__c: 'Non_Supporter', Contact_Closeness__c: 'Deep' },
            'OPPONENT_DEEP_CONTACT'
        ],
        [
            'no OPPONENT_DEEP_CONTACT for a Neutral',
            { Attitude_To_Us__c: 'Neutral', Contact_Closeness__c: 'Deep' },
            null
        ],
        [
            'no OPPONENT_DEEP_CONTACT with More contact',
            { Attitude_To_Us__c: 'Opponent', Contact_Closeness__c: 'More' },
            null
        ],
        ['KEY_PERSON_INCOMPLETE for a top DM', { Top_Decision_Maker__c: true }, 'KEY_PERSON_INCOMPLETE'],
        [
            'KEY_PERSON_INCOMPLETE for a body member',
            { Decision_Body_Member__c: true },
            'KEY_PERSON_INCOMPLETE'
        ],
        [
            'no KEY_PERSON_INCOMPLETE when complete',
            { Decision_Body_Member__c: true, Contact_Closeness__c: 'More', ...fullDims() },
            null
        ],
        ['no KEY_PERSON_INCOMPLETE outside the body', { Influence__c: 'High' }, null]
    ];

    function fullDims(): Record<string, unknown> {
        return {
            Dominant_Need__c: 'Esteem',
            Change_Attitude__c: 'Visionary',
            Decision_Focus__c: 'Business',
            Attitude_To_Us__c: 'Neutral'
        };
    }

    it.each(cases)('%s', (_name, record, expected) => {
        const score = scoreStakeholder(record, { scoredAt: AT });
        expect(score.derived.Insight_Codes__c).toBe(expected);
        expect(score.insights.map((i) => i.code)).toEqual(expected === null ? [] : [expected]);
    });

    it('sorts and joins several codes with ";"', () => {
        // Top DM + Mentor + No_Contact + incomplete: three rules apply at once.
        const score = scoreStakeholder(
            { Top_Decision_Maker__c: true, Attitude_To_Us__c: 'Mentor', Contact_Closeness__c: 'No_Contact' },
            { scoredAt: AT }
        );
        expect(score.derived.Insight_Codes__c).toBe(
            'KEY_PERSON_INCOMPLETE;KEY_PERSON_NO_CONTACT;MENTOR_LOW_CONTACT'
        );
        expect(score.insights.map((i) => i.message.en)).toEqual([
            INSIGHTS.KEY_PERSON_INCOMPLETE.message.en,
            INSIGHTS.KEY_PERSON_NO_CONTACT.message.en,
            INSIGHTS.MENTOR_LOW_CONTACT.message.en
        ]);
    });
});

describe('stamping', () => {
    it('stamps the model version and the caller-supplied time on every result', () => {
        const { derived } = scoreStakeholder(COMPLETE, { scoredAt: AT });
        expect(derived.Model_Version__c).toBe(MODEL_VERSION);
        expect(derived.Scored_At__c).toBe(AT);
        expect(Object.keys(derived).sort()).toEqual([...STAKEHOLDER_DERIVED_FIELDS].sort());
    });
});

describe('bad and unexpected input', () => {
    it('treats an unknown picklist value as unknown and reports it', () => {
        const score = scoreStakeholder({ ...COMPLETE, Attitude_To_Us__c: 'Champion' }, { scoredAt: AT });
        expect(score.derived.Support_Index__c).toBeNull();
        expect(score.derived.Completeness__c).toBe(80);
        expect(score.issues).toEqual([
            { code: 'UNKNOWN_VALUE', field: 'Attitude_To_Us__c', value: 'Champion' }
        ]);
    });

    it('accepts surrounding spaces around an exact value', () => {
        const s = normalizeStakeholder({
            Attitude_To_Us__c: ' Mentor ',
            Contact_Closeness__c: 'No_Contact\t'
        });
        expect(s.attitudeToUs).toBe('Mentor');
        expect(s.contactCloseness).toBe('No_Contact');
        expect(s.issues).toEqual([]);
    });

    it('treats a value in the wrong case as unknown and reports it', () => {
        const s = normalizeStakeholder({ Attitude_To_Us__c: 'mentor', Contact_Closeness__c: 'NO_CONTACT' });
        expect(s.attitudeToUs).toBeNull();
        expect(s.contactCloseness).toBeNull();
        expect(s.issues).toEqual([
            { code: 'UNKNOWN_VALUE', field: 'Contact_Closeness__c', value: 'NO_CONTACT' },
            { code: 'UNKNOWN_VALUE', field: 'Attitude_To_Us__c', value: 'mentor' }
        ]);
    });

    it('treats empty and missing values as unknown without an issue', () => {
        const s = normalizeStakeholder({
            Dominant_Need__c: '',
            Decision_Focus__c: null,
            Top_Decision_Maker__c: ''
        });
        expect(s.dominantNeed).toBeNull();
        expect(s.decisionFocus).toEqual([]);
        expect(s.issues).toEqual([]);
    });

    it('treats text of spaces only as unknown and reports it', () => {
        const s = normalizeStakeholder({
            Dominant_Need__c: '   ',
            Decision_Focus__c: ' ',
            Decision_Body_Member__c: '  '
        });
        expect(s.dominantNeed).toBeNull();
        expect(s.decisionFocus).toEqual([]);
        expect(s.decisionBodyMember).toBe(false);
        expect(s.issues).toEqual([
            { code: 'NOT_A_BOOLEAN', field: 'Decision_Body_Member__c', value: '  ' },
            { code: 'UNKNOWN_VALUE', field: 'Dominant_Need__c', value: '   ' },
            { code: 'UNKNOWN_VALUE', field: 'Decision_Focus__c', value: ' ' }
        ]);
    });

    it('ignores empty parts of a multi-select value', () => {
        expect(normalizeStakeholder({ Decision_Focus__c: 'Business;;Technical;' }).decisionFocus).toEqual([
            'Business',
            'Technical'
        ]);
    });

    it('reads multi-select values from a string or an array, in model order, without duplicates', () => {
        expect(
            normalizeStakeholder({ Decision_Focus__c: 'Relationship;business;Business' }).decisionFocus
        ).toEqual(['Business', 'Relationship']);
        expect(normalizeStakeholder({ Other_Needs__c: ['Esteem', 'Safety'] }).otherNeeds).toEqual([
            'Safety',
            'Esteem'
        ]);
    });

    it('keeps the known parts of a multi-select and reports the unknown ones', () => {
        const s = normalizeStakeholder({ Decision_Focus__c: 'Technical;Political' });
        expect(s.decisionFocus).toEqual(['Technical']);
        expect(s.issues).toEqual([{ code: 'UNKNOWN_VALUE', field: 'Decision_Focus__c', value: 'Political' }]);
    });

    it.each([
        [true, true],
        ['true', true],
        ['TRUE', true],
        ['1', true],
        [false, false],
        ['false', false],
        ['', false],
        [null, false],
        [undefined, false]
    ])('reads checkbox %p as %p', (raw, expected) => {
        const s = normalizeStakeholder({ Top_Decision_Maker__c: raw });
        expect(s.topDecisionMaker).toBe(expected);
        expect(s.issues).toEqual([]);
    });

    it('reports a checkbox value that is not a boolean and treats it as false', () => {
        const s = normalizeStakeholder({ Decision_Body_Member__c: 'maybe' });
        expect(s.decisionBodyMember).toBe(false);
        expect(s.issues).toEqual([
            { code: 'NOT_A_BOOLEAN', field: 'Decision_Body_Member__c', value: 'maybe' }
        ]);
    });

    it('does not throw on non-string values', () => {
        expect(() =>
            scoreStakeholder(
                { Attitude_To_Us__c: 42, Decision_Focus__c: { x: 1 }, Name: 7 },
                { scoredAt: AT }
            )
        ).not.toThrow();
        const s = normalizeStakeholder({ Attitude_To_Us__c: 42 });
        expect(s.issues).toEqual([{ code: 'UNKNOWN_VALUE', field: 'Attitude_To_Us__c', value: '42' }]);
    });
});
