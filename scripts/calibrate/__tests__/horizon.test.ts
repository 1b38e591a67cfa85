import fc from 'fast-check';
import { parseIsoDay } from '../dates';
import { HorizonSelector } from '../horizon';
import { SnapshotKeySet } from '../snapshotKeys';

const day = (iso: string) => parseIsoDay(iso)!;

describe('horizon snapshot: the latest with CloseDate − Snapshot_Date ≥ H', () => {
    it('closing 31 March with H = 30 takes the 1 March snapshot (30 days), not 2 March (29) nor 20 February', () => {
        const selector = new HorizonSelector(30);
        const deal = selector.addDeal(day('2026-03-31'), true);
        expect(selector.offer(deal, day('2026-02-20'), 40, 2, 50)).toBe(true);
        expect(selector.offer(deal, day('2026-03-02'), 90, 0, 90)).toBe(false);
        expect(selector.offer(deal, day('2026-03-01'), 55, 2, 60)).toBe(true);
        // An earlier snapshot offered later does not replace a later one.
        expect(selector.offer(deal, day('2026-02-27'), 10, 4, 10)).toBe(false);
        const { deals, firstCloseDay, lastCloseDay } = selector.included();
        expect([deals.count, deals.score[0], deals.band[0], deals.probability[0], deals.won[0]]).toEqual([
            1, 55, 2, 60, 1
        ]);
        expect([firstCloseDay, lastCloseDay]).toEqual([day('2026-03-31'), day('2026-03-31')]);
    });

    it('leaves out a deal with no snapshot that early, and H = 0 accepts the close date itself', () => {
        const selector = new HorizonSelector(0);
        const late = selector.addDeal(day('2026-05-10'), false);
        const onTime = selector.addDeal(day('2026-05-12'), true);
        selector.offer(late, day('2026-05-11'), 30, 3, 20);
        selector.offer(onTime, day('2026-05-12'), 70, 1, 90);
        const { deals } = selector.included();
        expect([deals.count, deals.score[0]]).toEqual([1, 70]);
    });

    it('picks what the definition picks, whatever order the snapshots come in, past its first capacity', () => {
        const snapshotsOf = fc.array(
            fc.record({ deal: fc.nat(40), offset: fc.integer({ min: -10, max: 80 }), score: fc.nat(100) }),
            { maxLength: 300, size: 'medium' }
        );
        fc.assert(
            fc.property(snapshotsOf, fc.integer({ min: 0, max: 60 }), (snapshots, horizon) => {
                const close = (d: number) => 20_000 + d * 3;
                // Brute force: per deal, among snapshots far enough before close, the latest; the
                // first offered wins a tie on the same day.
                const expected = new Map<number, number>();
                const bestDay = new Map<number, number>();
                for (const s of snapshots) {
                    const snapDay = close(s.deal) - s.offset;
                    if (close(s.deal) - snapDay < horizon) continue;
                    if (!bestDay.has(s.deal) || snapDay > bestDay.get(s.deal)!) {
                        bestDay.set(s.deal, snapDay);
                        expected.set(s.deal, s.score);
                    }
                }
                const selector = new HorizonSelector(horizon, 16);
                for (let d = 0; d <= 40; d += 1) selector.addDeal(close(d), d % 2 === 0);
                for (const s of snapshots) selector.offer(s.deal, close(s.deal) - s.offset, s.score, 0, 0);
                const { deals } = selector.included();
                const chosen = [...expected.keys()].sort((a, b) => a - b).map((d) => expected.get(d));
                expect([...deals.score]).toEqual(chosen);
            })
        );
    });
});

describe('snapshot keys (one snapshot per deal per day)', () => {
    it('names the first line of a repeated (deal, day), for any day a date field can hold', () => {
        const keys = new SnapshotKeySet(16);
        expect(keys.add(3, day('2026-03-01'), 10)).toBeNull();
        expect(keys.add(3, day('2026-03-02'), 11)).toBeNull();
        expect(keys.add(4, day('2026-03-01'), 12)).toBeNull();
        expect(keys.add(3, day('2026-03-01'), 99)).toBe(10);
        expect(keys.add(0, day('0001-01-01'), 1)).toBeNull();
        expect(keys.add(0, day('9999-12-31'), 2)).toBeNull();
        expect(keys.add(0, day('0001-01-01'), 3)).toBe(1);
    });

    it('keeps every pair and its first line through many doublings of its table', () => {
        const keys = new SnapshotKeySet(16);
        const pairs = 50_000;
        const repeats: number[] = [];
        for (let i = 0; i < pairs; i += 1) {
            const first = keys.add(i % 2500, 20_000 + Math.floor(i / 2500), i);
            if (first !== null) repeats.push(i);
        }
        expect(repeats).toEqual([]);
        expect(keys.size).toBe(pairs);
        // Every pair again, in another order: each one answers with the line it was first seen on.
        const again: number[] = [];
        for (let i = pairs - 1; i >= 0; i -= 7)
            again.push(keys.add(i % 2500, 20_000 + Math.floor(i / 2500), -1)!);
        expect(again).toEqual(Array.from({ length: again.length }, (_, k) => pairs - 1 - 7 * k));
        expect(keys.size).toBe(pairs);
    });

    it('agrees with a Set of strings as it grows', () => {
        fc.assert(
            fc.property(
                fc.array(fc.tuple(fc.nat(200), fc.integer({ min: -30, max: 30 })), {
                    maxLength: 3000,
                    size: 'large'
                }),
                (pairs) => {
                    const keys = new SnapshotKeySet(16);
                    const seen = new Map<string, number>();
                    pairs.forEach(([deal, d], line) => {
                        const key = `${deal}:${d}`;
                        expect(keys.add(deal, d, line)).toBe(seen.get(key) ?? null);
                        if (!seen.has(key)) seen.set(key, line);
                    });
                    expect(keys.size).toBe(seen.size);
                }
            ),
            { numRuns: 50 }
        );
    });
});
