import fc from 'fast-check';
import {
    C139_ELEMENTS,
    LINK_ISSUES,
    LINK_TYPE,
    PoliticalMap,
    buildPoliticalMap,
    personOf,
    scoreScorecard,
    scoreStakeholder
} from 'c/dealControlModel';
import {
    AT,
    ELSEWHERE,
    IDS,
    OPP,
    OTHER_OPP,
    Rec,
    STAKEHOLDER_INPUT_ARBS,
    anyValueOf
} from './politicalFixtures';

// Contract v1.1 changes no score: properties over arbitrary maps and links.

const LINK_TYPES = LINK_TYPE.values.map((v) => v.value);
const NEW_CODES = new Set(['INFLUENCED_AGAINST', 'WIN_UNDERMINED', 'COACH_NO_ACCESS']);

/** People of one Opportunity: Ids from a small pool (so links find them, and some repeat). */
const personArb = fc.record(
    {
        ...STAKEHOLDER_INPUT_ARBS,
        Id: fc.oneof(fc.constantFrom(...IDS), fc.constantFrom(undefined, '')),
        Camp__c: fc.constantFrom(undefined, 'A', 'b ')
    },
    { requiredKeys: ['Id'] }
);
const peopleArb = fc.array(personArb, { maxLength: 7 });

/** Any end a link may hold: people of the map (18 or 15 characters), people elsewhere, junk. */
const endArb = fc.oneof(
    fc.constantFrom(...IDS),
    fc.constantFrom(...IDS).map((id) => id.slice(0, 15)),
    fc.constantFrom(null, undefined, '', '  ', ELSEWHERE),
    fc.string({ maxLength: 18 }),
    fc.integer()
);

const anyLinkArb = fc.record(
    {
        Id: fc.constantFrom(undefined, 'a03000000000001AAA', 'a03000000000002AAA'),
        Opportunity__c: fc.constantFrom(OPP, OPP.slice(0, 15), OTHER_OPP, null, ''),
        From_Stakeholder__c: endArb,
        To_Stakeholder__c: endArb,
        Link_Type__c: anyValueOf(LINK_TYPES),
        Strength__c: anyValueOf(['Strong', 'Medium', 'Weak'])
    },
    { requiredKeys: [] }
);

/** A link the map uses (unless it repeats another or joins a person to themselves). */
function linkArb(types: readonly string[], strengths: ReadonlyArray<string | null>) {
    return fc.record({
        Opportunity__c: fc.constant(OPP),
        From_Stakeholder__c: fc.constantFrom(...IDS),
        To_Stakeholder__c: fc.constantFrom(...IDS),
        Link_Type__c: fc.constantFrom(...types),
        Strength__c: fc.constantFrom(...strengths)
    });
}
const usedLinkArb = linkArb(LINK_TYPES, ['Strong', 'Medium', 'Weak', null]);
const linksArb = fc.array(fc.oneof(usedLinkArb, anyLinkArb), { maxLength: 10 });

const scorecardArb = fc.record(
    {
        ...Object.fromEntries(C139_ELEMENTS.map((e) => [e.field, anyValueOf(e.values.map((v) => v.value))])),
        Coach_Stakeholder__c: fc.oneof(fc.constantFrom(...IDS), fc.constantFrom(null, '', ELSEWHERE))
    },
    { requiredKeys: [] }
);

/** Everything the model derives for an Opportunity, with or without its political map. */
function scoreAll(people: Rec[], scorecard: Rec, map?: PoliticalMap) {
    return {
        people: people.map((p) => {
            const s = scoreStakeholder(p, { scoredAt: AT }, map);
            return { derived: s.derived, pullers: s.opposingPullers.map((x) => x.id) };
        }),
        scorecard: scoreScorecard(scorecard, people, { scoredAt: AT }, map).derived
    };
}

const codesOf = (joined: string | null) => (joined === null ? [] : joined.split(';'));
const withoutCodes = (joined: string | null, drop: ReadonlySet<string>) =>
    codesOf(joined).filter((c) => !drop.has(c));

describe('political map properties', () => {
    it('never throws on arbitrary links, and uses only links between two different people of the map', () => {
        fc.assert(
            fc.property(peopleArb, linksArb, scorecardArb, (people, links, sc) => {
                const map = buildPoliticalMap(people, links, { opportunityId: OPP });
                expect(() => scoreAll(people, sc, map)).not.toThrow();
                for (const link of map.links) {
                    expect(personOf(map, link.from)).toBeDefined();
                    expect(personOf(map, link.to)).toBeDefined();
                    expect(personOf(map, link.from)).not.toBe(personOf(map, link.to));
                }
                for (const issue of map.issues) expect(Object.keys(LINK_ISSUES)).toContain(issue.code);
            })
        );
    });

    it('either uses a link or reports why it left it out: never silently dropped, never both', () => {
        fc.assert(
            fc.property(peopleArb, anyLinkArb, (people, link) => {
                const map = buildPoliticalMap(people, [link], { opportunityId: OPP });
                const leftOut = map.issues.some((i) => i.ignoresLink);
                expect(map.links.length + (leftOut ? 1 : 0)).toBe(1);
            })
        );
    });

    it('gives the same output for the same input', () => {
        fc.assert(
            fc.property(peopleArb, linksArb, scorecardArb, (people, links, sc) => {
                const first = buildPoliticalMap(people, links, { opportunityId: OPP });
                const second = buildPoliticalMap(people, links, { opportunityId: OPP });
                expect(first).toEqual(second);
                expect(scoreAll(people, sc, first)).toEqual(scoreAll(people, sc, second));
            })
        );
    });

    it('scores exactly as v1 without links (or when every link is left out)', () => {
        const leftOutArb = fc.array(
            fc.record({
                From_Stakeholder__c: fc.constantFrom(...IDS),
                To_Stakeholder__c: fc.constant(ELSEWHERE),
                Link_Type__c: fc.constantFrom(...LINK_TYPES)
            }),
            { maxLength: 4 }
        );
        fc.assert(
            fc.property(peopleArb, scorecardArb, leftOutArb, (people, sc, leftOut) => {
                const v1 = scoreAll(people, sc);
                expect(scoreAll(people, sc, buildPoliticalMap(people, []))).toEqual(v1);
                expect(scoreAll(people, sc, buildPoliticalMap(people, leftOut))).toEqual(v1);
            })
        );
    });

    it('never changes a score, band, point or factor, and only adds the new codes', () => {
        fc.assert(
            fc.property(peopleArb, linksArb, scorecardArb, (people, links, sc) => {
                const v1 = scoreAll(people, sc);
                const v11 = scoreAll(people, sc, buildPoliticalMap(people, links, { opportunityId: OPP }));
                const { Evidence_Codes__c: codes11, Warning_Count__c: count11, ...rest11 } = v11.scorecard;
                const { Evidence_Codes__c: codes1, Warning_Count__c: count1, ...rest1 } = v1.scorecard;
                expect(rest11).toEqual(rest1);
                expect(withoutCodes(codes11, NEW_CODES)).toEqual(codesOf(codes1));
                expect(count11 - count1).toBe(codesOf(codes11).filter((c) => NEW_CODES.has(c)).length);
                v11.people.forEach((p, i) => {
                    const { Insight_Codes__c: insights11, ...same11 } = p.derived;
                    const { Insight_Codes__c: insights1, ...same1 } = v1.people[i].derived;
                    expect(same11).toEqual(same1);
                    expect(withoutCodes(insights11, NEW_CODES)).toEqual(codesOf(insights1));
                });
            })
        );
    });

    it('changes nothing when a Weak link is added (an access line aside: COACH_NO_ACCESS counts any strength)', () => {
        fc.assert(
            fc.property(
                peopleArb,
                linksArb,
                linkArb(LINK_TYPES, ['Weak']),
                scorecardArb,
                (people, links, weak, sc) => {
                    const before = scoreAll(people, sc, buildPoliticalMap(people, links));
                    const after = scoreAll(people, sc, buildPoliticalMap(people, [...links, weak]));
                    expect(after.people).toEqual(before.people);
                    const ignore = new Set(['COACH_NO_ACCESS']);
                    expect(withoutCodes(after.scorecard.Evidence_Codes__c, ignore)).toEqual(
                        withoutCodes(before.scorecard.Evidence_Codes__c, ignore)
                    );
                    expect(after.scorecard.Control_Score__c).toBe(before.scorecard.Control_Score__c);
                }
            )
        );
    });

    it('never lets Reports_To, Allied or Rival pull on anyone, whatever their strength', () => {
        fc.assert(
            fc.property(
                peopleArb,
                linksArb,
                linkArb(['Reports_To', 'Allied', 'Rival'], ['Strong', 'Medium', null]),
                scorecardArb,
                (people, links, extra, sc) => {
                    const before = scoreAll(people, sc, buildPoliticalMap(people, links));
                    const after = scoreAll(people, sc, buildPoliticalMap(people, [...links, extra]));
                    expect(after.people).toEqual(before.people);
                    const undermined = (r: typeof before) =>
                        codesOf(r.scorecard.Evidence_Codes__c).includes('WIN_UNDERMINED');
                    expect(undermined(after)).toBe(undermined(before));
                }
            )
        );
    });

    it('reads Allied and Rival the same both ways', () => {
        fc.assert(
            fc.property(
                peopleArb,
                fc.array(linkArb(['Allied', 'Rival'], ['Strong', 'Weak', null]), { maxLength: 5 }),
                linksArb,
                scorecardArb,
                (people, symmetric, links, sc) => {
                    const swapped = symmetric.map((l) => ({
                        ...l,
                        From_Stakeholder__c: l.To_Stakeholder__c,
                        To_Stakeholder__c: l.From_Stakeholder__c
                    }));
                    expect(scoreAll(people, sc, buildPoliticalMap(people, [...swapped, ...links]))).toEqual(
                        scoreAll(people, sc, buildPoliticalMap(people, [...symmetric, ...links]))
                    );
                }
            )
        );
    });
});
