import { BANDS, ControlBand } from 'c/dealControlModel';

/**
 * The calibration figures (docs/method.md, section 5), as pure functions over the deals a run included: per
 * band n, won, win rate and Wilson 95 % interval; Brier score and AUC of the control score and of
 * the stage probability. No rounding here: callers round for people, --json prints these numbers.
 */

/** z of a two-sided 95 % interval. */
export const WILSON_Z = 1.96;

/** Bands in the order Part E lists them (best first), which is the model's order. */
export const BAND_ORDER: readonly ControlBand[] = BANDS.map((b) => b.band);

/** The included deals as columns: deal i won (1) or lost (0), with its horizon snapshot's values. */
export interface IncludedDeals {
    readonly count: number;
    readonly won: Uint8Array;
    /** Control score 0..100. */
    readonly score: Float64Array;
    /** Index into BAND_ORDER. */
    readonly band: Uint8Array;
    /** Stage probability in percent points 0..100. */
    readonly probability: Float64Array;
}

export interface BandFigures {
    readonly band: ControlBand;
    readonly n: number;
    readonly won: number;
    readonly winRate: number | null;
    readonly wilsonLow: number | null;
    readonly wilsonHigh: number | null;
}

/** Exactly the keys of `--json`'s result (Part E). */
export interface CalibrationFigures {
    readonly horizonDays: number;
    readonly deals: number;
    readonly bands: readonly BandFigures[];
    readonly brier: { readonly control: number | null; readonly stage: number | null };
    readonly auc: { readonly control: number | null; readonly stage: number | null };
}

export interface Interval {
    readonly low: number;
    readonly high: number;
}

/**
 * Wilson score interval of a binomial proportion: (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n).
 * Null without observations. At 0 or n successes the bound the formula puts exactly at 0 or 1 is
 * set there, so rounding in the last bit cannot put the interval beside the rate it describes.
 */
export function wilsonInterval(successes: number, n: number, z: number = WILSON_Z): Interval | null {
    if (n === 0) return null;
    const p = successes / n;
    const z2 = z * z;
    const denominator = 1 + z2 / n;
    const centre = (p + z2 / (2 * n)) / denominator;
    const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
    return {
        low: successes === 0 ? 0 : Math.max(0, centre - half),
        high: successes === n ? 1 : Math.min(1, centre + half)
    };
}

/** Mean squared difference between a forecast in percent points and the outcome (0 or 1); null when empty. */
export function brierScore(percent: Float64Array, won: Uint8Array, count: number): number | null {
    if (count === 0) return null;
    let sum = 0;
    for (let i = 0; i < count; i += 1) {
        const diff = percent[i] / 100 - won[i];
        sum += diff * diff;
    }
    return sum / count;
}

/**
 * The share of (won, lost) pairs in which the won deal has the higher value, ties counting one half
 * (the Mann–Whitney U over the pairs, divided by their number). Null when no deal won or none was
 * lost. Sorting once and walking groups of equal values counts all pairs in O(n log n).
 */
export function areaUnderCurve(values: Float64Array, won: Uint8Array, count: number): number | null {
    let wins = 0;
    for (let i = 0; i < count; i += 1) wins += won[i];
    const losses = count - wins;
    if (wins === 0 || losses === 0) return null;
    const order = new Uint32Array(count);
    for (let i = 0; i < count; i += 1) order[i] = i;
    order.sort((a, b) => values[a] - values[b]);
    let pairsWon = 0;
    let lostBelow = 0;
    for (let start = 0; start < count;) {
        const value = values[order[start]];
        let groupWins = 0;
        let groupLosses = 0;
        let end = start;
        while (end < count && values[order[end]] === value) {
            if (won[order[end]] === 1) groupWins += 1;
            else groupLosses += 1;
            end += 1;
        }
        pairsWon += groupWins * lostBelow + 0.5 * groupWins * groupLosses;
        lostBelow += groupLosses;
        start = end;
    }
    return pairsWon / (wins * losses);
}

/** Every figure of Part E for the deals included at horizon H. */
export function calibrate(deals: IncludedDeals, horizonDays: number): CalibrationFigures {
    const n = new Array<number>(BAND_ORDER.length).fill(0);
    const wonIn = new Array<number>(BAND_ORDER.length).fill(0);
    for (let i = 0; i < deals.count; i += 1) {
        n[deals.band[i]] += 1;
        wonIn[deals.band[i]] += deals.won[i];
    }
    return {
        horizonDays,
        deals: deals.count,
        bands: BAND_ORDER.map((band, b) => {
            const interval = wilsonInterval(wonIn[b], n[b]);
            return {
                band,
                n: n[b],
                won: wonIn[b],
                winRate: n[b] === 0 ? null : wonIn[b] / n[b],
                wilsonLow: interval?.low ?? null,
                wilsonHigh: interval?.high ?? null
            };
        }),
        brier: {
            control: brierScore(deals.score, deals.won, deals.count),
            stage: brierScore(deals.probability, deals.won, deals.count)
        },
        auc: {
            control: areaUnderCurve(deals.score, deals.won, deals.count),
            stage: areaUnderCurve(deals.probability, deals.won, deals.count)
        }
    };
}

/** Columns for `count` deals, zero-filled. */
export function dealColumns(count: number): IncludedDeals {
    return {
        count,
        won: new Uint8Array(count),
        score: new Float64Array(count),
        band: new Uint8Array(count),
        probability: new Float64Array(count)
    };
}

/** Builds the columns from plain objects: for tests and small inputs. */
export function includedDeals(
    rows: ReadonlyArray<{ won: boolean; score: number; band: ControlBand; probability: number }>
): IncludedDeals {
    const deals = dealColumns(rows.length);
    rows.forEach((row, i) => {
        deals.won[i] = row.won ? 1 : 0;
        deals.score[i] = row.score;
        deals.band[i] = BAND_ORDER.indexOf(row.band);
        deals.probability[i] = row.probability;
    });
    return deals;
}
