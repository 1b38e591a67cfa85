// What the trend shows, computed once when the points arrive: the state (no snapshot, one, many),
// its texts in the user's language and locale, and the sparkline's geometry in SVG user units.
import { BANDS, ControlBand, Lang, fillTemplate, inLanguage } from 'c/dealControlModel';
import type { TrendPoint } from 'c/dealControlData';
import { LABELS } from './labels';

/** One day of the trend as the page query reads it (Snapshot_Date__c, Control_Score__c, Control_Band__c). */
export type TrendPointInput = Readonly<TrendPoint>;

export type TrendState = 'none' | 'one' | 'many';

export interface BandStripe {
    readonly band: ControlBand;
    readonly y: number;
    readonly height: number;
    readonly className: string;
}

export interface TrendView {
    readonly state: TrendState;
    readonly heading: string;
    /** "Last snapshot, Nov 26: 53 (Contested)"; empty without snapshots. */
    readonly latestText: string;
    /** "+8 since Nov 23" (many), "First snapshot on …" (one), empty otherwise. */
    readonly changeText: string;
    /** What a screen reader hears for the sparkline. */
    readonly summary: string;
    readonly noneText: string;
    readonly noneAdminText: string;
    /** The polyline's points attribute ("x,y x,y …"). */
    readonly line: string;
    readonly stripes: readonly BandStripe[];
    readonly lastX: number;
    readonly lastY: number;
    readonly lastClass: string;
}

/** The SVG's user space: the component scales it to its width, keeping the proportions. */
export const VIEW_WIDTH = 240;
export const VIEW_HEIGHT = 64;
/** Room for the line's stroke and the last point's dot at the edges. */
const PAD = 4;

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Midnight UTC of a YYYY-MM-DD day, or NaN: snapshot dates are calendar days, not instants. */
function dayOf(date: string): number {
    const match = ISO_DAY.exec(date);
    if (!match) return Number.NaN;
    const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
    // Date.UTC rolls 2026-02-31 over into March: such a date is not a day.
    return new Date(time).toISOString().slice(0, 10) === date ? time : Number.NaN;
}

interface Point {
    readonly date: string;
    readonly time: number;
    readonly score: number;
    readonly band: ControlBand | null;
}

/** Dated, scored points, oldest first; one per day (the last one read wins, as an upsert would). */
export function usablePoints(points: readonly TrendPointInput[] | null | undefined): Point[] {
    const byDay = new Map<number, Point>();
    for (const p of points ?? []) {
        const time = dayOf(typeof p?.date === 'string' ? p.date : '');
        const score = p?.score;
        if (Number.isNaN(time) || typeof score !== 'number' || !Number.isFinite(score)) continue;
        const band = BANDS.find((b) => b.band === p.band)?.band ?? null;
        byDay.set(time, { date: p.date, time, score: Math.min(100, Math.max(0, score)), band });
    }
    return [...byDay.values()].sort((a, b) => a.time - b.time);
}

/** "Nov 23" / "11月23日" in the user's locale; the year too when it is not the latest point's. */
export function formatDay(time: number, locale: string, withYear: boolean): string {
    return new Intl.DateTimeFormat(locale.replace('_', '-'), {
        month: 'short',
        day: 'numeric',
        ...(withYear ? { year: 'numeric' } : {}),
        timeZone: 'UTC'
    }).format(new Date(time));
}

/** "+8", "−3" (a true minus sign, which screen readers read as "minus"). */
export function signed(delta: number): string {
    return delta > 0 ? `+${delta}` : delta < 0 ? `\u2212${-delta}` : '0';
}

function bandText(band: ControlBand | null, lang: Lang): string | null {
    return band ? (BANDS.find((b) => b.band === band)?.label[lang] ?? null) : null;
}

function yOf(score: number): number {
    return PAD + ((100 - score) / 100) * (VIEW_HEIGHT - 2 * PAD);
}

const round = (n: number): number => Math.round(n * 100) / 100;

/** Faint stripes behind the line, one per band, between its threshold and the next one up. */
function stripes(): BandStripe[] {
    return BANDS.map((b, index) => {
        const top = index === 0 ? 100 : BANDS[index - 1].minScore;
        const y = index === 0 ? 0 : yOf(top);
        const bottom = index === BANDS.length - 1 ? VIEW_HEIGHT : yOf(b.minScore);
        return { band: b.band, y: round(y), height: round(bottom - y), className: `stripe stripe_${b.band}` };
    });
}

export function trendView(
    input: readonly TrendPointInput[] | null | undefined,
    lang: Lang,
    locale: string,
    days: number
): TrendView {
    const L = inLanguage(LABELS, lang);
    const points = usablePoints(input);
    const heading = fillTemplate(L.heading, { days });
    const empty = {
        heading,
        latestText: '',
        changeText: '',
        summary: '',
        noneText: '',
        noneAdminText: '',
        line: '',
        stripes: [] as BandStripe[],
        lastX: 0,
        lastY: 0,
        lastClass: ''
    };
    if (points.length === 0) {
        return {
            ...empty,
            state: 'none',
            noneText: L.noSnapshots,
            noneAdminText: L.noSnapshotsAdmin
        };
    }

    const first = points[0];
    const last = points[points.length - 1];
    const lastYear = new Date(last.time).getUTCFullYear();
    const day = (p: Point): string =>
        formatDay(p.time, locale, new Date(p.time).getUTCFullYear() !== lastYear);
    const band = bandText(last.band, lang);
    const latestText = band
        ? fillTemplate(L.latestWithBand, { date: day(last), score: last.score, band })
        : fillTemplate(L.latest, { date: day(last), score: last.score });

    if (points.length === 1) {
        return {
            ...empty,
            state: 'one',
            latestText,
            changeText: fillTemplate(L.firstSnapshot, { date: day(first) })
        };
    }

    const delta = last.score - first.score;
    const changeText =
        delta === 0
            ? fillTemplate(L.noChangeSince, { date: day(first) })
            : fillTemplate(L.deltaSince, { delta: signed(delta), date: day(first) });
    const scores = points.map((p) => p.score);
    const summary = [
        fillTemplate(L.summary, {
            days,
            count: points.length,
            first: day(first),
            last: day(last),
            from: first.score,
            to: last.score,
            delta: delta === 0 ? L.noChange : signed(delta),
            min: Math.min(...scores),
            max: Math.max(...scores)
        }),
        ...(band ? [fillTemplate(L.summaryBand, { band })] : [])
        // Chinese sentences follow each other without a space.
    ].join(lang === 'zh' ? '' : ' ');

    // Time runs left to right by calendar day, so a missed night shows as a longer segment.
    const span = Math.max(last.time - first.time, DAY_MS);
    const xOf = (p: Point): number => PAD + ((p.time - first.time) / span) * (VIEW_WIDTH - 2 * PAD);
    return {
        ...empty,
        state: 'many',
        latestText,
        changeText,
        summary,
        line: points.map((p) => `${round(xOf(p))},${round(yOf(p.score))}`).join(' '),
        stripes: stripes(),
        lastX: round(xOf(last)),
        lastY: round(yOf(last.score)),
        lastClass: last.band ? `last last_${last.band}` : 'last'
    };
}
