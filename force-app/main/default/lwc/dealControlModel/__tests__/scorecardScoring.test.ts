import {
    BANDS,
    CLEAR_ELEMENTS,
    FIRST_ELEMENTS,
    MODEL_VERSION,
    SCORECARD_DERIVED_FIELDS,
    bandOfScore,
    controlScoreOf,
    scoreScorecard
} from 'c/dealControlModel';

const AT = '2026-11-26T10:00:00.000Z';

function allClear(value: string | null): Record<string, string | null> {
    return Object.fromEntries(CLEAR_ELEMENTS.map((e) => [e.field, value]));
}
function allFirst(value: string | null): Record<string, string | null> {
    return Object.fromEntries(FIRST_ELEMENTS.map((e) => [e.field, value]));
}
function score(record: Record<string, unknown>) {
    return scoreScorecard(record, [], { scoredAt: AT });
}

const FULL = { ...allClear('Clear'), ...allFirst('Yes'), Win__c: 'Yes' };

describe('points', () => {
    it('counts Clear items as Partial 0.5 and Clear 1', () => {
        const r = score({
            Clear_Our_Process__c: 'Clear',
            Clear_Procurement_Process__c: 'Clear',
            Clear_Organization__c: 'Clear',
            Clear_Decision_Body__c: 'Partial',
            Clear_Funding__c: 'Partial'
        });
        expect(r.derived.Clear_Points__c).toBe(4);
    });

    it('weights First items 3 each: Yes 1, Partial 0.5, No 0', () => {
        const r = score({
            First_Value_Fit__c: 'Yes',
            First_Key_People_Help__c: 'Partial',
            First_Majority_Choose__c: 'No'
        });
        expect(r.derived.First_Points__c).toBe(4.5);
    });

    it.each([
        ['Yes', 9],
        ['Leaning', 4.5],
        ['Against', 0],
        [null, 0]
    ])('scores Win %p as %p points', (win, points) => {
        expect(score({ Win__c: win }).derived.Win_Points__c).toBe(points);
    });

    it.each([
        [null, 0.5],
        ['No_Coach', 0.5],
        ['Identified', 0.75],
        ['Confirmed', 0.9],
        ['Confirmed_In_Decision_Body', 1]
    ])('gives coach %p the factor %p', (coach, factor) => {
        expect(score({ Coach__c: coach }).derived.Coach_Factor__c).toBe(factor);
    });
});

describe('control score and band: worked examples', () => {
    // Each expectation is worked by hand from MODEL.md: score = round_half_up(100 × points / 27 × factor).
    it.each([
        // 27 points × 1.0 = 100; Win Yes and coach in the body pass the gate.
        [
            'everything known, coach in the body',
            { ...FULL, Coach__c: 'Confirmed_In_Decision_Body' },
            100,
            'Controlled'
        ],
        // 27 points × 0.9 = 90; Confirmed passes the gate.
        ['everything known, coach confirmed', { ...FULL, Coach__c: 'Confirmed' }, 90, 'Controlled'],
        // 27 points × 0.75 = 75: Leading by threshold.
        ['everything known, coach only identified', { ...FULL, Coach__c: 'Identified' }, 75, 'Leading'],
        // 27 points × 0.5 = 50.
        ['everything known, no coach', FULL, 50, 'Contested'],
        // Clear 9 × 0.5 = 4.5, First 3 × 0.5 × 3 = 4.5, Win Leaning 4.5: 13.5 points × 0.75 → 37.5 → 38 (half up).
        [
            'all partial, coach identified (half rounds up)',
            { ...allClear('Partial'), ...allFirst('Partial'), Win__c: 'Leaning', Coach__c: 'Identified' },
            38,
            'Behind'
        ],
        // 4 Clear = 4 points × 0.5 → 7.41 → 7.
        [
            'a little known, no coach',
            {
                ...allClear(null),
                Clear_Our_Process__c: 'Clear',
                Clear_Funding__c: 'Clear',
                Clear_Organization__c: 'Clear',
                Clear_Key_Factors__c: 'Clear'
            },
            7,
            'Losing'
        ],
        ['blank scorecard', {}, 0, 'Losing']
    ])('%s → %p %p', (_name, record, expectedScore, expectedBand) => {
        const r = score(record);
        expect(r.derived.Control_Score__c).toBe(expectedScore);
        expect(r.derived.Control_Band__c).toBe(expectedBand);
        expect(r.derived.Band_Rank__c).toBe(BANDS.find((b) => b.band === expectedBand)!.rank);
    });

    it('holds back a score of 80 or more without Win = Yes (gate)', () => {
        // Win Leaning: 22.5 points × 1.0 = 83.3 → 83, but Controlled needs Win = Yes.
        const r = score({ ...FULL, Win__c: 'Leaning', Coach__c: 'Confirmed_In_Decision_Body' });
        expect(r.derived.Control_Score__c).toBe(83);
        expect(r.derived.Control_Band__c).toBe('Leading');
        expect(r.gateApplied).toBe(true);
    });

    it('does not report the gate when the score is below 80 anyway', () => {
        expect(score({ ...FULL, Coach__c: 'Identified' }).gateApplied).toBe(false);
    });

    it('caps Win = Against at 10 and Losing (veto)', () => {
        // 18 points × 1.0 = 66.7 → 67 before the veto.
        const r = score({
            ...allClear('Clear'),
            ...allFirst('Yes'),
            Win__c: 'Against',
            Coach__c: 'Confirmed_In_Decision_Body'
        });
        expect(r.derived.Control_Score__c).toBe(10);
        expect(r.derived.Control_Band__c).toBe('Losing');
        expect(r.derived.Band_Rank__c).toBe(1);
        expect(r.vetoApplied).toBe(true);
    });

    it('keeps a score under the cap as it is when Win = Against', () => {
        // 2 Clear = 2 points × 0.5 = 3.7 → 4.
        const r = score({ Clear_Our_Process__c: 'Clear', Clear_Funding__c: 'Clear', Win__c: 'Against' });
        expect(r.derived.Control_Score__c).toBe(4);
        expect(r.derived.Control_Band__c).toBe('Losing');
    });
});

describe('thresholds', () => {
    it.each([
        [100, 'Controlled'],
        [80, 'Controlled'],
        [79, 'Leading'],
        [60, 'Leading'],
        [59, 'Contested'],
        [40, 'Contested'],
        [39, 'Behind'],
        [20, 'Behind'],
        [19, 'Losing'],
        [0, 'Losing']
    ])('score %p is %p by threshold', (s, band) => {
        expect(bandOfScore(s)).toBe(band);
    });

    it.each([
        // P2 × F / 54 rounded half up.
        [1, 50, 1], // 0.93
        [27, 75, 38], // 37.5
        [9, 90, 15], // exactly 15
        [53, 100, 98], // 98.1
        [54, 100, 100],
        [0, 100, 0]
    ])('controlScoreOf(%p, %p) = %p', (p2, f, expected) => {
        expect(controlScoreOf(p2, f)).toBe(expected);
    });

    it('ranks bands Losing 1 to Controlled 5', () => {
        expect(BANDS.map((b) => [b.band, b.rank])).toEqual([
            ['Controlled', 5],
            ['Leading', 4],
            ['Contested', 3],
            ['Behind', 2],
            ['Losing', 1]
        ]);
    });
});

describe('stamping and input handling', () => {
    it('returns every derived field with the model version and the given time', () => {
        const r = score(FULL);
        expect(Object.keys(r.derived).sort()).toEqual([...SCORECARD_DERIVED_FIELDS].sort());
        expect(r.derived.Model_Version__c).toBe(MODEL_VERSION);
        expect(r.derived.Scored_At__c).toBe(AT);
    });

    it('stores no evidence codes when no claim can be questioned', () => {
        const r = score({ ...allClear('Partial'), Coach__c: 'No_Coach' });
        expect(r.derived.Evidence_Codes__c).toBeNull();
        expect(r.derived.Warning_Count__c).toBe(0);
    });

    it('scores unknown values as unknown and reports them', () => {
        const r = score({
            Win__c: 'Certain',
            Coach__c: 'Best friend',
            Clear_Funding__c: 'clear',
            Clear_Our_Process__c: 'Clear'
        });
        expect(r.derived.Win_Points__c).toBe(0);
        expect(r.derived.Coach_Factor__c).toBe(0.5);
        expect(r.derived.Clear_Points__c).toBe(1);
        expect(r.issues).toEqual([
            { code: 'UNKNOWN_VALUE', field: 'Coach__c', value: 'Best friend' },
            { code: 'UNKNOWN_VALUE', field: 'Win__c', value: 'Certain' },
            { code: 'UNKNOWN_VALUE', field: 'Clear_Funding__c', value: 'clear' }
        ]);
    });

    it('treats a First value of No like a blank one', () => {
        expect(score(allFirst('No')).derived).toEqual(score({}).derived);
    });

    it('reads the record and Opportunity Ids', () => {
        const r = score({ Id: ' a02000000000001AAA ', Opportunity__c: '006000000000001AAA' });
        expect(r.scorecard.id).toBe('a02000000000001AAA');
        expect(r.scorecard.opportunityId).toBe('006000000000001AAA');
    });
});
