import fc from 'fast-check';
import { areaUnderCurve, brierScore, calibrate, includedDeals, wilsonInterval } from '../calibration';

// Expected values are worked out by hand below (MODEL.md Part E), not read off the code.

const columns = (won: number[], values: number[]) => ({
    won: Uint8Array.from(won),
    values: Float64Array.from(values),
    count: won.length
});

describe('Wilson 95 % interval (z = 1.96, z² = 3.8416)', () => {
    it('8 won of 10: centre (0.8 + 0.19208) / 1.38416 = 0.716738, half (1.96 / 1.38416) · √(0.016 + 0.009604) = 0.226581', () => {
        const interval = wilsonInterval(8, 10)!;
        expect(interval.low).toBeCloseTo(0.4902, 4);
        expect(interval.high).toBeCloseTo(0.9433, 4);
    });

    it('50 of 100: centre 0.5, half (1.96 / 1.038416) · √(0.0025 + 0.00009604) = 0.096170', () => {
        const interval = wilsonInterval(50, 100)!;
        expect(interval.low).toBeCloseTo(0.4038, 4);
        expect(interval.high).toBeCloseTo(0.5962, 4);
    });

    it('3 of 7: centre (0.428571 + 0.2744) / 1.548800 = 0.453881, half 0.295664', () => {
        const interval = wilsonInterval(3, 7)!;
        expect(interval.low).toBeCloseTo(0.1582, 4);
        expect(interval.high).toBeCloseTo(0.7495, 4);
    });

    it('0 of 5: the lower bound is exactly 0 and the upper 0.76832 / 1.76832 = 0.434491', () => {
        const interval = wilsonInterval(0, 5)!;
        expect(interval.low).toBe(0);
        expect(interval.high).toBeCloseTo(0.4345, 4);
    });

    it('1 of 1: the upper bound is exactly 1 and the lower 2.9208 / 4.8416 − 0.396728 = 0.206543', () => {
        const interval = wilsonInterval(1, 1)!;
        expect(interval.high).toBe(1);
        expect(interval.low).toBeCloseTo(0.2065, 4);
    });

    it('is blank without deals', () => {
        expect(wilsonInterval(0, 0)).toBeNull();
    });

    it('contains the win rate and stays within [0, 1] for any count', () => {
        fc.assert(
            fc.property(
                fc
                    .integer({ min: 1, max: 100_000 })
                    .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
                ([won, n]) => {
                    const { low, high } = wilsonInterval(won, n)!;
                    expect(low).toBeGreaterThanOrEqual(0);
                    expect(low).toBeLessThanOrEqual(won / n);
                    expect(high).toBeGreaterThanOrEqual(won / n);
                    expect(high).toBeLessThanOrEqual(1);
                }
            )
        );
    });
});

describe('Brier score', () => {
    it('scores 80, 30, 60, 10 for won, lost, lost, won: (0.04 + 0.09 + 0.36 + 0.81) / 4 = 0.325', () => {
        const { won, values, count } = columns([1, 0, 0, 1], [80, 30, 60, 10]);
        expect(brierScore(values, won, count)).toBeCloseTo(0.325, 6);
    });

    it('stage 75, 75, 50, 10 for the same deals: (0.0625 + 0.5625 + 0.25 + 0.81) / 4 = 0.42125', () => {
        const { won, values, count } = columns([1, 0, 0, 1], [75, 75, 50, 10]);
        expect(brierScore(values, won, count)).toBeCloseTo(0.42125, 6);
    });

    it('is blank without deals', () => {
        expect(brierScore(new Float64Array(0), new Uint8Array(0), 0)).toBeNull();
    });

    it('is 0 for a perfect forecast (100 for every win, 0 for every loss) and at most 1 for any', () => {
        fc.assert(
            fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 200 }), (outcomes) => {
                const won = Uint8Array.from(outcomes.map(Number));
                const perfect = Float64Array.from(outcomes.map((w) => (w ? 100 : 0)));
                const worst = Float64Array.from(outcomes.map((w) => (w ? 0 : 100)));
                expect(brierScore(perfect, won, won.length)).toBe(0);
                expect(brierScore(worst, won, won.length)).toBe(1);
            })
        );
    });
});

/** The definition itself: every (won, lost) pair, one by one. */
function bruteForceAuc(values: number[], won: boolean[]): number | null {
    let pairs = 0;
    let credit = 0;
    values.forEach((w, i) => {
        if (!won[i]) return;
        values.forEach((l, j) => {
            if (won[j]) return;
            pairs += 1;
            credit += w > l ? 1 : w === l ? 0.5 : 0;
        });
    });
    return pairs === 0 ? null : credit / pairs;
}

describe('AUC', () => {
    it('won 80 and 10 against lost 30 and 60: 80 beats both, 10 neither, so 2 / 4 = 0.5', () => {
        const { won, values, count } = columns([1, 0, 0, 1], [80, 30, 60, 10]);
        expect(areaUnderCurve(values, won, count)).toBeCloseTo(0.5, 6);
    });

    it('won 70, 50, 50 against lost 50, 20: 1 + 1 + 0.5 + 1 + 0.5 + 1 = 5 of 6 pairs = 0.833333', () => {
        const { won, values, count } = columns([1, 1, 1, 0, 0], [70, 50, 50, 50, 20]);
        expect(areaUnderCurve(values, won, count)).toBeCloseTo(0.833333, 6);
    });

    it('won 90 against lost 95, 40, 40: 0 + 1 + 1 = 2 of 3 pairs = 0.666667', () => {
        const { won, values, count } = columns([0, 1, 0, 0], [95, 90, 40, 40]);
        expect(areaUnderCurve(values, won, count)).toBeCloseTo(0.666667, 6);
    });

    it('is blank when no deal was won or none was lost', () => {
        expect(areaUnderCurve(Float64Array.of(10, 20), Uint8Array.of(1, 1), 2)).toBeNull();
        expect(areaUnderCurve(Float64Array.of(10, 20), Uint8Array.of(0, 0), 2)).toBeNull();
    });

    const deals = fc
        .array(fc.record({ value: fc.integer({ min: 0, max: 12 }), won: fc.boolean() }), {
            minLength: 2,
            maxLength: 120,
            size: 'medium'
        })
        .filter((ds) => ds.some((d) => d.won) && ds.some((d) => !d.won));

    it('counting pairs by sorting equals the brute-force definition on random data with many ties', () => {
        fc.assert(
            fc.property(deals, (ds) => {
                const { won, values, count } = columns(
                    ds.map((d) => Number(d.won)),
                    ds.map((d) => d.value)
                );
                const fast = areaUnderCurve(values, won, count)!;
                const slow = bruteForceAuc(
                    ds.map((d) => d.value),
                    ds.map((d) => d.won)
                )!;
                expect(fast).toBeCloseTo(slow, 12);
            })
        );
    });

    it('lies in [0, 1], is 0.5 for a constant predictor, and turns into 1 − AUC when the order is reversed', () => {
        fc.assert(
            fc.property(deals, fc.integer({ min: 0, max: 100 }), (ds, constant) => {
                const { won, values, count } = columns(
                    ds.map((d) => Number(d.won)),
                    ds.map((d) => d.value)
                );
                const auc = areaUnderCurve(values, won, count)!;
                const flat = areaUnderCurve(new Float64Array(count).fill(constant), won, count);
                const reversed = areaUnderCurve(
                    values.map((v) => -v),
                    won,
                    count
                )!;
                expect(auc).toBeGreaterThanOrEqual(0);
                expect(auc).toBeLessThanOrEqual(1);
                expect(flat).toBe(0.5);
                expect(auc + reversed).toBeCloseTo(1, 12);
            })
        );
    });
});

describe('calibrate: the figures of Part E together', () => {
    // Controlled: won 95, won 85, lost 82 → n 3, won 2. Contested: lost 45. Losing: won 12, lost 5.
    const figures = calibrate(
        includedDeals([
            { won: true, score: 95, band: 'Controlled', probability: 90 },
            { won: true, score: 85, band: 'Controlled', probability: 60 },
            { won: false, score: 82, band: 'Controlled', probability: 90 },
            { won: false, score: 45, band: 'Contested', probability: 50 },
            { won: true, score: 12, band: 'Losing', probability: 10 },
            { won: false, score: 5, band: 'Losing', probability: 10 }
        ]),
        30
    );

    it('counts deals and wins per band in the order Controlled, Leading, Contested, Behind, Losing', () => {
        expect(figures.horizonDays).toBe(30);
        expect(figures.deals).toBe(6);
        expect(figures.bands.map((b) => [b.band, b.n, b.won])).toEqual([
            ['Controlled', 3, 2],
            ['Leading', 0, 0],
            ['Contested', 1, 0],
            ['Behind', 0, 0],
            ['Losing', 2, 1]
        ]);
    });

    it('gives the win rate and its interval, blank for a band without deals', () => {
        const [controlled, leading, contested] = figures.bands;
        expect(controlled.winRate).toBeCloseTo(2 / 3, 12);
        // 2 of 3: centre (0.666667 + 0.640267) / 2.280533 = 0.573082, half 0.365427.
        expect(controlled.wilsonLow).toBeCloseTo(0.2077, 4);
        expect(controlled.wilsonHigh).toBeCloseTo(0.9385, 4);
        expect([leading.winRate, leading.wilsonLow, leading.wilsonHigh]).toEqual([null, null, null]);
        expect([contested.winRate, contested.wilsonLow]).toEqual([0, 0]);
    });

    it('scores the control score and the stage probability of the same snapshots', () => {
        // Control: 0.0025 + 0.0225 + 0.6724 + 0.2025 + 0.7744 + 0.0025 = 1.6768 / 6.
        expect(figures.brier.control).toBeCloseTo(0.279467, 6);
        // Stage: 0.01 + 0.16 + 0.81 + 0.25 + 0.81 + 0.01 = 2.05 / 6.
        expect(figures.brier.stage).toBeCloseTo(0.341667, 6);
        // Control: 95 and 85 beat all three losses, 12 beats only 5: (3 + 3 + 1) / 9.
        expect(figures.auc.control).toBeCloseTo(0.777778, 6);
        // Stage: 90 beats 50, 10, ties 90 (2.5); 60 beats 50, 10 (2); 10 ties 10 (0.5): 5 / 9.
        expect(figures.auc.stage).toBeCloseTo(0.555556, 6);
    });

    it('leaves every figure blank without deals, and never rounds', () => {
        const empty = calibrate(includedDeals([]), 45);
        expect(empty).toEqual({
            horizonDays: 45,
            deals: 0,
            bands: ['Controlled', 'Leading', 'Contested', 'Behind', 'Losing'].map((band) => ({
                band,
                n: 0,
                won: 0,
                winRate: null,
                wilsonLow: null,
                wilsonHigh: null
            })),
            brier: { control: null, stage: null },
            auc: { control: null, stage: null }
        });
        expect(figures.bands[0].winRate).toBe(2 / 3);
    });
});
