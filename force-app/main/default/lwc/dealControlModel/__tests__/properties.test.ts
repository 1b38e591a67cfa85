import fc from 'fast-check';
import {
    C139_ELEMENTS,
    CLEAR_ELEMENTS,
    COACH,
    FIRST_ELEMENTS,
    WIN,
    scoreScorecard,
    scoreStakeholder
} from 'c/dealControlModel';
import { STAKEHOLDER_INPUT_ARBS, anyValueOf } from './politicalFixtures';

const AT = '2026-11-26T10:00:00.000Z';

/** Improvement ladders, worst first; blank ranks with the lowest value it counts as. */
const LADDERS: Record<string, Array<string | null>> = {
    [COACH.field]: [null, 'Identified', 'Confirmed', 'Confirmed_In_Decision_Body'],
    [WIN.field]: [null, 'Leaning', 'Yes'],
    ...Object.fromEntries(FIRST_ELEMENTS.map((e) => [e.field, [null, 'Partial', 'Yes']])),
    ...Object.fromEntries(CLEAR_ELEMENTS.map((e) => [e.field, [null, 'Partial', 'Clear']]))
};

const scorecardArb = fc.record(
    Object.fromEntries(C139_ELEMENTS.map((e) => [e.field, anyValueOf(e.values.map((v) => v.value))])),
    { requiredKeys: [] }
);

const stakeholderArb = fc.record(STAKEHOLDER_INPUT_ARBS, { requiredKeys: [] });

const mapArb = fc.array(stakeholderArb, { maxLength: 8 });

/** Exact rational reference: 100 × points / 27 × factor, rounded half up, without the integer formula. */
function referenceScore(pointHalves: number, factorPercent: number): number {
    const numerator = pointHalves * factorPercent; // score = numerator / 54
    const quotient = Math.floor(numerator / 54);
    return quotient + (2 * (numerator - 54 * quotient) >= 54 ? 1 : 0);
}

describe('scorecard properties', () => {
    it('always gives an integer score from 0 to 100 and a known band', () => {
        fc.assert(
            fc.property(scorecardArb, mapArb, (sc, map) => {
                const { derived } = scoreScorecard(sc, map, { scoredAt: AT });
                expect(Number.isInteger(derived.Control_Score__c)).toBe(true);
                expect(derived.Control_Score__c).toBeGreaterThanOrEqual(0);
                expect(derived.Control_Score__c).toBeLessThanOrEqual(100);
                expect(['Controlled', 'Leading', 'Contested', 'Behind', 'Losing']).toContain(
                    derived.Control_Band__c
                );
            })
        );
    });

    it('matches the exact rational rounding of points / 27 × factor (capped at 10 by a veto)', () => {
        fc.assert(
            fc.property(scorecardArb, (sc) => {
                const { derived, vetoApplied } = scoreScorecard(sc, [], { scoredAt: AT });
                const halves =
                    2 * (derived.Clear_Points__c + derived.First_Points__c + derived.Win_Points__c);
                const reference = referenceScore(halves, Math.round(derived.Coach_Factor__c * 100));
                expect(derived.Control_Score__c).toBe(vetoApplied ? Math.min(reference, 10) : reference);
            })
        );
    });

    it('never lowers the score when one rating improves (Win → Against excepted)', () => {
        const fields = Object.keys(LADDERS);
        fc.assert(
            fc.property(scorecardArb, fc.constantFrom(...fields), fc.nat(), fc.nat(), (sc, field, a, b) => {
                const ladder = LADDERS[field];
                const [lo, hi] = [a % ladder.length, b % ladder.length].sort((x, y) => x - y);
                // Holds with Win = Against too: both sides are then capped at 10 alike.
                const base = { ...sc };
                const worse = scoreScorecard({ ...base, [field]: ladder[lo] }, [], { scoredAt: AT }).derived;
                const better = scoreScorecard({ ...base, [field]: ladder[hi] }, [], { scoredAt: AT }).derived;
                expect(better.Control_Score__c).toBeGreaterThanOrEqual(worse.Control_Score__c);
                expect(better.Band_Rank__c).toBeGreaterThanOrEqual(worse.Band_Rank__c);
            })
        );
    });

    it('caps Win = Against at 10 and Losing', () => {
        fc.assert(
            fc.property(scorecardArb, mapArb, (sc, map) => {
                const { derived, vetoApplied } = scoreScorecard({ ...sc, [WIN.field]: 'Against' }, map, {
                    scoredAt: AT
                });
                expect(vetoApplied).toBe(true);
                expect(derived.Control_Score__c).toBeLessThanOrEqual(10);
                expect(derived.Control_Band__c).toBe('Losing');
            })
        );
    });

    it('is Controlled only with Win = Yes and a confirmed coach', () => {
        fc.assert(
            fc.property(scorecardArb, (sc) => {
                const r = scoreScorecard(sc, [], { scoredAt: AT });
                const controlled = r.derived.Control_Band__c === 'Controlled';
                const gatePasses =
                    r.scorecard.values[WIN.field] === 'Yes' &&
                    ['Confirmed', 'Confirmed_In_Decision_Body'].includes(
                        r.scorecard.values[COACH.field] ?? ''
                    );
                expect(!controlled || gatePasses).toBe(true);
            })
        );
    });

    it('gives the same output for the same input', () => {
        fc.assert(
            fc.property(scorecardArb, mapArb, (sc, map) => {
                expect(scoreScorecard(sc, map, { scoredAt: AT })).toEqual(
                    scoreScorecard(sc, map, { scoredAt: AT })
                );
            })
        );
    });

    it('reports every value it does not know and never throws', () => {
        fc.assert(
            fc.property(scorecardArb, (sc) => {
                const r = scoreScorecard(sc, [], { scoredAt: AT });
                for (const element of C139_ELEMENTS) {
                    const raw = sc[element.field];
                    const text = raw === null || raw === undefined ? '' : String(raw);
                    const known = element.values.some((v) => v.value === text.trim());
                    const reported = r.issues.some((i) => i.field === element.field);
                    expect(reported).toBe(text !== '' && !known);
                }
            })
        );
    });
});

describe('stakeholder properties', () => {
    it('keeps derived values in range and is deterministic', () => {
        fc.assert(
            fc.property(stakeholderArb, (s) => {
                const first = scoreStakeholder(s, { scoredAt: AT });
                expect(first).toEqual(scoreStakeholder(s, { scoredAt: AT }));
                expect([0, 20, 40, 60, 80, 100]).toContain(first.derived.Completeness__c);
                expect([null, -2, -1, 0, 1, 2]).toContain(first.derived.Support_Index__c);
                const codes = first.derived.Insight_Codes__c?.split(';') ?? [];
                expect(codes).toEqual([...codes].sort());
            })
        );
    });
});
