import { flushPromises, q, qa, text } from 'test-utils/domHelpers';
import { linePoints, mountTrend, unmountAll } from './trendHarness';
import rising from './fixtures/trendRising.json';
import one from './fixtures/trendOne.json';
import fallingAcrossNewYear from './fixtures/trendFallingAcrossNewYear.json';
import flat from './fixtures/trendFlat.json';
import untidy from './fixtures/trendUntidy.json';

afterEach(unmountAll);

/** The sparkline's user space is 240 × 64 with 4 units of room at each edge: y = 4 + (100 − score) × 0.56. */
const yOf = (score: number): number => Math.round((4 + (100 - score) * 0.56) * 100) / 100;

describe('c-control-trend (English, en-US locale)', () => {
    it('draws many snapshots as a line with the last score and the change since the first one', async () => {
        const element = await mountTrend(rising);
        expect(q(element, '[data-id="trend"]').dataset.state).toBe('many');
        expect(text(element, '[data-id="trend-heading"]')).toBe('Trend, last 90 days');
        expect(text(element, '[data-id="trend-latest"]')).toBe('Last snapshot, Nov 23: 53 (Contested)');
        expect(text(element, '[data-id="trend-change"]')).toBe('+8 since Sep 3');

        const points = linePoints(element);
        expect(points).toHaveLength(7);
        // Sep 3 on the left edge, Nov 23 (81 days later) on the right; Oct 1 is day 28.
        expect(points[0]).toEqual([4, yOf(45)]);
        expect(points[2]).toEqual([Math.round((4 + (28 / 81) * 232) * 100) / 100, yOf(38)]);
        expect(points[6]).toEqual([236, yOf(53)]);
        const last = q(element, '[data-id="last-point"]');
        expect([last.getAttribute('cx'), last.getAttribute('cy')]).toEqual(['236', '30.32']);
        expect(last.getAttribute('class')).toBe('last last_Contested');
        await expect(element).toBeAccessible();
    });

    it('tells a screen reader the whole trend in one sentence', async () => {
        const element = await mountTrend(rising);
        const svg = q(element, 'svg[data-id="sparkline"]');
        expect(svg.getAttribute('role')).toBe('img');
        expect(svg.getAttribute('aria-label')).toBe(
            'Control score over the last 90 days: 7 snapshots from Sep 3 to Nov 23, from 45 to 53 (+8), lowest 38, highest 53. Band on the last snapshot: Contested.'
        );
        // The drawing itself says nothing more: only the label is read.
        expect(qa(element, 'svg [aria-hidden="true"]')).toHaveLength(3);
    });

    it('shows the band thresholds as faint stripes from Controlled (top) to Losing, covering the height', async () => {
        const element = await mountTrend(rising);
        const stripes = qa(element, 'rect[data-band]').map((r) => ({
            band: r.dataset.band,
            y: Number(r.getAttribute('y')),
            height: Number(r.getAttribute('height'))
        }));
        expect(stripes.map((s) => s.band)).toEqual([
            'Controlled',
            'Leading',
            'Contested',
            'Behind',
            'Losing'
        ]);
        // Thresholds 80, 60, 40, 20 at y = 15.2, 26.4, 37.6, 48.8.
        expect(stripes.map((s) => s.y)).toEqual([0, yOf(80), yOf(60), yOf(40), yOf(20)]);
        for (let i = 1; i < stripes.length; i++) {
            expect(stripes[i].y).toBeCloseTo(stripes[i - 1].y + stripes[i - 1].height, 6);
        }
        expect(stripes[4].y + stripes[4].height).toBe(64);
    });

    it('shows one snapshot as its value and date, without a line', async () => {
        const element = await mountTrend(one);
        expect(q(element, '[data-id="trend"]').dataset.state).toBe('one');
        expect(qa(element, 'svg')).toHaveLength(0);
        expect(text(element, '[data-id="trend-latest"]')).toBe('Last snapshot, Nov 26: 53 (Contested)');
        expect(text(element, '[data-id="trend-change"]')).toBe(
            'First snapshot on Nov 26: the line starts with the second.'
        );
        await expect(element).toBeAccessible();
    });

    it('without snapshots says why and what an admin does about it', async () => {
        const element = await mountTrend([]);
        expect(q(element, '[data-id="trend"]').dataset.state).toBe('none');
        expect(qa(element, 'svg')).toHaveLength(0);
        expect(qa(element, '[data-id="trend-latest"]')).toHaveLength(0);
        expect(text(element, '[data-id="trend-none"]')).toBe(
            'No snapshots yet — the nightly rescore takes one a day.'
        );
        expect(text(element, '[data-id="trend-admin"]')).toBe(
            'For admins: schedule the rescore script nightly with --snapshot --apply (the rescore guide, "Schedule it nightly"); the first point appears the morning after.'
        );
        await expect(element).toBeAccessible();
    });

    it.each([
        ['null', null],
        ['undefined', undefined],
        ['a string', 'not a list'],
        ['a single object', { date: '2026-11-26', score: 53 }]
    ])('treats %s as no snapshots', async (_what, points) => {
        const element = await mountTrend(points);
        expect(q(element, '[data-id="trend"]').dataset.state).toBe('none');
    });

    it('writes a fall with a minus sign and adds the year to a date of another year', async () => {
        const element = await mountTrend(fallingAcrossNewYear);
        expect(text(element, '[data-id="trend-latest"]')).toBe('Last snapshot, Feb 10: 38 (Behind)');
        expect(text(element, '[data-id="trend-change"]')).toBe('\u221224 since Dec 20, 2025');
        expect(q(element, 'svg').getAttribute('aria-label')).toBe(
            'Control score over the last 90 days: 3 snapshots from Dec 20, 2025 to Feb 10, from 62 to 38 (\u221224), lowest 38, highest 62. Band on the last snapshot: Behind.'
        );
        expect(q(element, '[data-id="last-point"]').getAttribute('class')).toBe('last last_Behind');
    });

    it('says "no change" rather than "+0"', async () => {
        const element = await mountTrend(flat);
        expect(text(element, '[data-id="trend-change"]')).toBe('No change since Nov 24');
        expect(q(element, 'svg').getAttribute('aria-label')).toContain('from 53 to 53 (no change)');
        // A flat line is still a line across the whole width.
        expect(linePoints(element)).toEqual([
            [4, yOf(53)],
            [236, yOf(53)]
        ]);
    });

    it('skips undated, impossible and unscored days, keeps the last of a repeated day, and sorts by date', async () => {
        const element = await mountTrend(untidy);
        // Left: Nov 20 (50), Nov 23 (55, unknown band), Nov 25 (61, the second reading of that day).
        expect(linePoints(element).map(([, y]) => y)).toEqual([yOf(50), yOf(55), yOf(61)]);
        expect(text(element, '[data-id="trend-latest"]')).toBe('Last snapshot, Nov 25: 61 (Leading)');
        expect(text(element, '[data-id="trend-change"]')).toBe('+11 since Nov 20');
    });

    it('names the band only when the last snapshot has a known one', async () => {
        const element = await mountTrend([
            { date: '2026-11-24', score: 30, band: 'Behind' },
            { date: '2026-11-25', score: 35, band: null }
        ]);
        expect(text(element, '[data-id="trend-latest"]')).toBe('Last snapshot, Nov 25: 35');
        expect(q(element, 'svg').getAttribute('aria-label')).not.toContain('Band');
        expect(q(element, '[data-id="last-point"]').getAttribute('class')).toBe('last');
    });

    it('names the window it was given and follows new points', async () => {
        const element = await mountTrend(one, 30);
        expect(text(element, '[data-id="trend-heading"]')).toBe('Trend, last 30 days');
        element.points = rising;
        await flushPromises();
        expect(linePoints(element)).toHaveLength(7);
        expect(q(element, 'svg').getAttribute('aria-label')).toMatch(
            /^Control score over the last 30 days: 7 snapshots/
        );
        element.points = [];
        await flushPromises();
        expect(q(element, '[data-id="trend"]').dataset.state).toBe('none');
    });
});
