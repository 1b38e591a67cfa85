import fc from 'fast-check';
import { LinkType, asNormalizedStakeholder, recordKey } from 'c/dealControlModel';
import { DEFAULT_LAYOUT_OPTIONS, LayoutLink, MapLayout, layoutMap } from '../mapLayout';
import { MAX_RADIUS, fitLabel, lineShape, radiusOf } from '../mapGeometry';

// The political map's layout: rows by reporting line, top decision makers on top, bands by camp,
// nobody on top of anybody, the same picture for the same input.

interface P {
    id: string;
    top?: boolean;
    camp?: string;
    influence?: string;
}

const person = ({ id, top = false, camp, influence }: P) =>
    asNormalizedStakeholder({
        Id: id,
        Name: id,
        Top_Decision_Maker__c: top,
        Camp__c: camp,
        Influence__c: influence
    });

const reports = (from: string, to: string): LayoutLink => ({ from, to, type: 'Reports_To' });

function levelOf(layout: MapLayout, id: string): number {
    const placed = layout.people.find((p) => p.key === recordKey(id));
    if (!placed) throw new Error(`${id} not placed`);
    return placed.level;
}

describe('rows by reporting line', () => {
    test.each<[string, P[], LayoutLink[], Record<string, number>]>([
        ['nobody', [], [], {}],
        ['one person, no lines: top row', [{ id: 'a' }], [], { a: 0 }],
        [
            'a chain: each person one row under their superior',
            [{ id: 'c' }, { id: 'b' }, { id: 'a', top: true }],
            [reports('c', 'b'), reports('b', 'a')],
            { a: 0, b: 1, c: 2 }
        ],
        [
            'people with no reporting line sit under the top decision maker',
            [{ id: 'x' }, { id: 'a', top: true }],
            [],
            { a: 0, x: 1 }
        ],
        [
            'without any top decision maker, everyone who reports to nobody is on top',
            [{ id: 'x' }, { id: 'y' }],
            [reports('y', 'x')],
            { x: 0, y: 1 }
        ],
        [
            'two superiors: under the lower one',
            [{ id: 'a', top: true }, { id: 'b' }, { id: 'c' }],
            [reports('b', 'a'), reports('c', 'a'), reports('c', 'b')],
            { a: 0, b: 1, c: 2 }
        ],
        [
            'a top decision maker who reports to someone stays under them',
            [{ id: 'board' }, { id: 'ceo', top: true }],
            [reports('ceo', 'board')],
            { board: 1, ceo: 2 }
        ],
        [
            'a circle: the top decision maker’s line gives way, so they stay on top',
            [{ id: 'a', top: true }, { id: 'b' }],
            [reports('a', 'b'), reports('b', 'a')],
            { a: 0, b: 1 }
        ],
        [
            'lines of other types do not change rows',
            [{ id: 'a', top: true }, { id: 'b' }],
            [
                { from: 'a', to: 'b', type: 'Influences' },
                { from: 'a', to: 'b', type: 'Acts_For' }
            ],
            { a: 0, b: 1 }
        ],
        [
            'a line to someone not on the map is ignored',
            [{ id: 'a', top: true }, { id: 'b' }],
            [reports('a', 'zzz'), reports('zzz', 'b')],
            { a: 0, b: 1 }
        ],
        [
            '15- and 18-character Ids name the same person',
            [{ id: 'a01000000000001AAA', top: true }, { id: 'a01000000000002AAA' }],
            [reports('a01000000000002', 'a01000000000001')],
            { a01000000000001AAA: 0, a01000000000002AAA: 1 }
        ]
    ])('%s', (_name, people, links, expected) => {
        const layout = layoutMap(people.map(person), links);
        const levels = Object.fromEntries(Object.keys(expected).map((id) => [id, levelOf(layout, id)]));
        expect(levels).toEqual(expected);
        expect(layout.people).toHaveLength(people.length);
    });

    test('the line that closes a circle is reported, the others are kept', () => {
        const links = [reports('a', 'b'), reports('b', 'c'), reports('c', 'a')];
        const layout = layoutMap([person({ id: 'a' }), person({ id: 'b' }), person({ id: 'c' })], links);
        expect(layout.circularReports).toEqual([links[2]]);
        expect([levelOf(layout, 'c'), levelOf(layout, 'b'), levelOf(layout, 'a')]).toEqual([0, 1, 2]);
    });

    test('a person listed twice or without an Id is placed at most once', () => {
        const layout = layoutMap(
            [person({ id: 'a' }), person({ id: 'a' }), asNormalizedStakeholder({ Name: 'nobody' })],
            []
        );
        expect(layout.people.map((p) => p.key)).toEqual(['a']);
    });
});

describe('bands by camp', () => {
    test('each camp is one band, in order of first mention, people without a camp last', () => {
        const layout = layoutMap(
            [
                person({ id: 'n' }),
                person({ id: 'f1', camp: 'Finance' }),
                person({ id: 'i1', camp: 'IT' }),
                person({ id: 'f2', camp: ' finance ' }),
                person({ id: 't', top: true, camp: 'IT' })
            ],
            []
        );
        expect(layout.bands.map((b) => b.camp)).toEqual(['Finance', 'IT', null]);
        const bandOf = (id: string) => layout.people.find((p) => p.key === id)!.band;
        expect(['f1', 'f2', 'i1', 't', 'n'].map(bandOf)).toEqual([0, 0, 1, 1, 2]);
        // Every person's slot lies inside their band.
        for (const p of layout.people) {
            const band = layout.bands[p.band];
            expect(p.x - DEFAULT_LAYOUT_OPTIONS.slotWidth / 2).toBeGreaterThanOrEqual(band.x);
            expect(p.x + DEFAULT_LAYOUT_OPTIONS.slotWidth / 2).toBeLessThanOrEqual(band.x + band.width);
        }
    });

    test('a band is at least as wide as its camp name, and its people stay centred in it', () => {
        const layout = layoutMap(
            [person({ id: 'a', camp: 'A long camp name' }), person({ id: 'b', camp: 'B' })],
            [],
            {
                ...DEFAULT_LAYOUT_OPTIONS,
                bandTitleWidth: (camp) => (camp === 'B' ? 0 : 300)
            }
        );
        expect(layout.bands.map((b) => [b.x, b.width])).toEqual([
            [0, 300],
            [316, 120]
        ]);
        expect(layout.people.map((p) => p.x)).toEqual([150, 376]);
    });

    test('people sit under their superior where the row allows', () => {
        const layout = layoutMap(
            [
                person({ id: 'top', top: true }),
                person({ id: 'left' }),
                person({ id: 'right' }),
                person({ id: 'underRight' }),
                person({ id: 'underLeft' })
            ],
            [
                reports('left', 'top'),
                reports('right', 'top'),
                reports('underRight', 'right'),
                reports('underLeft', 'left')
            ]
        );
        const x = (id: string) => layout.people.find((p) => p.key === id)!.x;
        expect(x('left')).toBeLessThan(x('right'));
        expect(x('underLeft')).toBeLessThan(x('underRight'));
    });
});

// ---- properties over arbitrary committees and lines -------------------------------------------

const IDS = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'p9', 'p10', 'p11'];
const TYPES: LinkType[] = ['Reports_To', 'Influences', 'Acts_For', 'Allied', 'Rival'];

const committeeArb = fc
    .record({
        count: fc.integer({ min: 0, max: IDS.length }),
        tops: fc.array(fc.boolean(), { minLength: IDS.length, maxLength: IDS.length }),
        camps: fc.array(fc.constantFrom(undefined, 'A', 'B', 'c'), {
            minLength: IDS.length,
            maxLength: IDS.length
        }),
        influences: fc.array(fc.constantFrom(undefined, 'High', 'Medium', 'Low'), {
            minLength: IDS.length,
            maxLength: IDS.length
        }),
        links: fc.array(
            fc.record({
                from: fc.constantFrom(...IDS, 'elsewhere'),
                to: fc.constantFrom(...IDS),
                type: fc.constantFrom(...TYPES, 'Reports_To', 'Reports_To')
            }),
            { maxLength: 30 }
        )
    })
    .map(({ count, tops, camps, influences, links }) => ({
        people: IDS.slice(0, count).map((id, i) =>
            person({ id, top: tops[i], camp: camps[i], influence: influences[i] })
        ),
        links: links as LayoutLink[]
    }));

describe('properties', () => {
    test('no two people overlap: circles and name labels keep apart', () => {
        fc.assert(
            fc.property(committeeArb, ({ people, links }) => {
                const layout = layoutMap(people, links);
                const { slotWidth, rowHeight } = DEFAULT_LAYOUT_OPTIONS;
                for (const a of layout.people) {
                    for (const b of layout.people) {
                        if (a === b) continue;
                        const apart =
                            Math.abs(a.x - b.x) >= slotWidth - 1e-9 ||
                            Math.abs(a.y - b.y) >= rowHeight - 1e-9;
                        expect(apart).toBe(true);
                    }
                }
                // A slot holds its largest circle with room around it.
                expect(2 * MAX_RADIUS).toBeLessThan(slotWidth / 2);
            })
        );
    });

    test('every kept Reports_To superior is above the person who reports to them', () => {
        fc.assert(
            fc.property(committeeArb, ({ people, links }) => {
                const layout = layoutMap(people, links);
                const levels = new Map(layout.people.map((p) => [p.key, p.level]));
                for (const link of links) {
                    if (link.type !== 'Reports_To' || layout.circularReports.includes(link)) continue;
                    const child = levels.get(recordKey(link.from));
                    const parent = levels.get(recordKey(link.to));
                    if (child === undefined || parent === undefined) continue;
                    expect(parent).toBeLessThan(child);
                }
            })
        );
    });

    test('a line is set aside only when it really closes a circle, so rows always exist', () => {
        fc.assert(
            fc.property(committeeArb, ({ people, links }) => {
                const layout = layoutMap(people, links);
                for (const link of layout.circularReports) {
                    // Going up from the superior through the lines kept reaches the person again.
                    const up = (key: string, seen: Set<string>): boolean => {
                        if (key === recordKey(link.from)) return true;
                        if (seen.has(key)) return false;
                        seen.add(key);
                        return links
                            .filter(
                                (l) =>
                                    l.type === 'Reports_To' &&
                                    !layout.circularReports.includes(l) &&
                                    recordKey(l.from) === key
                            )
                            .some((l) => up(recordKey(l.to), seen));
                    };
                    expect(up(recordKey(link.to), new Set())).toBe(true);
                }
                expect(layout.people.every((p) => p.level >= 0 && p.level < layout.levels)).toBe(true);
            })
        );
    });

    test('top decision makers who report to nobody are in the top row', () => {
        fc.assert(
            fc.property(committeeArb, ({ people, links }) => {
                const layout = layoutMap(people, links);
                const misplaced = layout.people.filter(
                    (p) =>
                        p.person.topDecisionMaker &&
                        p.level !== 0 &&
                        !links.some(
                            (l) =>
                                l.type === 'Reports_To' &&
                                !layout.circularReports.includes(l) &&
                                recordKey(l.from) === p.key &&
                                layout.people.some((q) => q.key === recordKey(l.to))
                        )
                );
                expect(misplaced).toEqual([]);
            })
        );
    });

    test('deterministic, and everyone fits inside the drawing', () => {
        fc.assert(
            fc.property(committeeArb, ({ people, links }) => {
                const first = layoutMap(people, links);
                expect(layoutMap(people, links)).toEqual(first);
                const { slotWidth, rowHeight } = DEFAULT_LAYOUT_OPTIONS;
                for (const p of first.people) {
                    expect(p.x - slotWidth / 2).toBeGreaterThanOrEqual(-1e-9);
                    expect(p.x + slotWidth / 2).toBeLessThanOrEqual(first.width + 1e-9);
                    expect(p.y + rowHeight / 2).toBeLessThanOrEqual(first.height + 1e-9);
                }
            })
        );
    });
});

describe('geometry', () => {
    test.each([
        ['High', 26],
        ['Medium', 20],
        ['Low', 15],
        [null, 15],
        ['Bogus', 15]
    ])('influence %s draws a radius of %i', (influence, radius) => {
        expect(radiusOf(influence)).toBe(radius);
    });

    test('lines that point one way get an arrowhead, allied and rival do not', () => {
        const a = { x: 0, y: 0 };
        const b = { x: 0, y: 100 };
        expect(lineShape(a, b, 20, 20, 'Influences').arrow).toMatch(/^M 0 78 L/);
        expect(lineShape(a, b, 20, 20, 'Allied').arrow).toBe('');
        expect(lineShape(a, b, 20, 20, 'Rival').arrow).toBe('');
    });

    test('two lines between the same pair do not lie on top of each other', () => {
        const a = { x: 0, y: 0 };
        const b = { x: 200, y: 118 };
        const one = lineShape(a, b, 20, 20, 'Reports_To', 0, 2);
        const two = lineShape(b, a, 20, 20, 'Influences', 1, 2);
        expect(Math.hypot(one.middle.x - two.middle.x, one.middle.y - two.middle.y)).toBeGreaterThan(15);
    });

    test('a line bends round a person it would otherwise cross', () => {
        const from = { x: 0, y: 0 };
        const to = { x: 200, y: 0 };
        const inTheWay = { x: 100, y: 30, r: 20 };
        const straight = lineShape(from, { x: 200, y: 60 }, 20, 20, 'Influences');
        const bent = lineShape(from, { x: 200, y: 60 }, 20, 20, 'Influences', 0, 1, [inTheWay]);
        expect(Math.hypot(straight.middle.x - inTheWay.x, straight.middle.y - inTheWay.y)).toBeLessThan(20);
        expect(Math.hypot(bent.middle.x - inTheWay.x, bent.middle.y - inTheWay.y)).toBeGreaterThan(26);
        // Nobody in the way: the planned curve.
        expect(lineShape(from, to, 20, 20, 'Rival', 0, 1, [{ x: 100, y: 200, r: 20 }]).d).toBe(
            lineShape(from, to, 20, 20, 'Rival').d
        );
    });

    test('a line within one row arches above the people between its ends', () => {
        const shape = lineShape({ x: 0, y: 100 }, { x: 360, y: 100 }, 20, 20, 'Rival');
        expect(shape.middle.y).toBeLessThan(100 - 20);
    });

    test.each([
        ['王建', 8, '王建'],
        ['欧阳明月与长孙无忌先生', 8, '欧阳明月与长孙…'],
        ['Alexandra Konstantinopoulos', 8, 'Alexandra Ko…'],
        ['Li Jing', 8, 'Li Jing']
    ])('the label of %s within %i ems is %s', (text, ems, label) => {
        expect(fitLabel(text, ems)).toBe(label);
    });
});
