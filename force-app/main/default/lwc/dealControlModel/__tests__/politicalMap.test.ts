import {
    LinkIssue,
    NormalizedLink,
    buildPoliticalMap,
    linksOf,
    normalizeLink,
    opposingPullersOf,
    personOf,
    pullOf,
    recordKey
} from 'c/dealControlModel';
import { ELSEWHERE, IDS, OPP, OTHER_OPP, Rec, link as rawLink } from './politicalFixtures';

// Contract v1.1 (MODEL.md Part D): how links are read, which are left out and why, and who pulls.

const [TOP, AGAINST, , COACH] = IDS;

const PEOPLE: Rec[] = [
    { Id: TOP, Name: 'Top', Top_Decision_Maker__c: true, Attitude_To_Us__c: 'Supporter' },
    { Id: AGAINST, Name: 'Against', Attitude_To_Us__c: 'Opponent' },
    { Id: COACH, Name: 'Coach', Attitude_To_Us__c: 'Mentor' }
];

const link = (from: unknown, to: unknown, type: unknown, extra: Rec = {}): Rec =>
    rawLink(from, to, type, { Id: 'a03000000000001AAA', ...extra });

const problem = (code: string, field: string, value: string, ignoresLink = true): LinkIssue => ({
    code: code as LinkIssue['code'],
    linkId: 'a03000000000001AAA',
    field,
    value,
    ignoresLink
});

describe('reading one link', () => {
    // [case, link, whether the map uses it, the problems reported]
    const cases: Array<[string, Rec, boolean, LinkIssue[]]> = [
        ['a complete link', link(AGAINST, TOP, 'Influences', { Strength__c: 'Strong' }), true, []],
        [
            'no From',
            link(null, TOP, 'Influences'),
            false,
            [problem('LINK_MISSING_END', 'From_Stakeholder__c', '')]
        ],
        [
            'no To',
            link(TOP, '  ', 'Reports_To'),
            false,
            [problem('LINK_MISSING_END', 'To_Stakeholder__c', '')]
        ],
        [
            'no end at all',
            link(undefined, '', 'Allied'),
            false,
            [
                problem('LINK_MISSING_END', 'From_Stakeholder__c', ''),
                problem('LINK_MISSING_END', 'To_Stakeholder__c', '')
            ]
        ],
        ['a self-link', link(TOP, TOP, 'Allied'), false, [problem('LINK_SELF', 'To_Stakeholder__c', TOP)]],
        [
            'a self-link through the 15-character Id',
            link(TOP, TOP.slice(0, 15), 'Allied'),
            false,
            [problem('LINK_SELF', 'To_Stakeholder__c', TOP.slice(0, 15))]
        ],
        [
            'an end on another Opportunity (or deleted)',
            link(ELSEWHERE, TOP, 'Influences'),
            false,
            [problem('LINK_END_NOT_ON_OPPORTUNITY', 'From_Stakeholder__c', ELSEWHERE)]
        ],
        [
            'both ends elsewhere',
            link(ELSEWHERE, 'a01000000000098AAA', 'Rival'),
            false,
            [
                problem('LINK_END_NOT_ON_OPPORTUNITY', 'From_Stakeholder__c', ELSEWHERE),
                problem('LINK_END_NOT_ON_OPPORTUNITY', 'To_Stakeholder__c', 'a01000000000098AAA')
            ]
        ],
        [
            'a link of another Opportunity',
            link(AGAINST, TOP, 'Influences', { Opportunity__c: OTHER_OPP }),
            false,
            [problem('LINK_OTHER_OPPORTUNITY', 'Opportunity__c', OTHER_OPP)]
        ],
        [
            'a link of this Opportunity by its 15-character Id',
            link(AGAINST, TOP, 'Influences', { Opportunity__c: OPP.slice(0, 15) }),
            true,
            []
        ],
        [
            'a link without Opportunity__c (a hand-made file)',
            link(AGAINST, TOP, 'Influences', { Opportunity__c: '' }),
            true,
            []
        ],
        ['no type', link(AGAINST, TOP, null), false, [problem('LINK_MISSING_TYPE', 'Link_Type__c', '')]],
        [
            'an unknown type',
            link(AGAINST, TOP, 'Boss'),
            false,
            [problem('UNKNOWN_VALUE', 'Link_Type__c', 'Boss')]
        ],
        [
            'a type in the wrong case (data from outside the model)',
            link(AGAINST, TOP, 'influences'),
            false,
            [problem('UNKNOWN_VALUE', 'Link_Type__c', 'influences')]
        ],
        [
            'a type of spaces only: reported once',
            link(AGAINST, TOP, '   '),
            false,
            [problem('UNKNOWN_VALUE', 'Link_Type__c', '   ')]
        ],
        ['a type with surrounding spaces', link(AGAINST, TOP, ' Acts_For '), true, []],
        [
            'an unknown strength: used as Medium',
            link(AGAINST, TOP, 'Influences', { Strength__c: 'Very strong' }),
            true,
            [problem('UNKNOWN_VALUE', 'Strength__c', 'Very strong', false)]
        ],
        [
            'an unknown type and strength: both reported',
            link(AGAINST, TOP, 42, { Strength__c: 7 }),
            false,
            [
                problem('UNKNOWN_VALUE', 'Link_Type__c', '42'),
                problem('UNKNOWN_VALUE', 'Strength__c', '7', false)
            ]
        ],
        [
            'ends given by 15-character Ids',
            link(AGAINST.slice(0, 15), TOP.slice(0, 15), 'Influences'),
            true,
            []
        ]
    ];

    it.each(cases)('%s', (_name, record, used, issues) => {
        const map = buildPoliticalMap(PEOPLE, [record], { opportunityId: OPP });
        expect(map.links).toHaveLength(used ? 1 : 0);
        expect(map.issues).toEqual(issues);
    });

    it('reads blank, missing and unknown strength as Medium', () => {
        for (const strength of [undefined, null, '', 'Huge']) {
            expect(
                normalizeLink(link(AGAINST, TOP, 'Influences', { Strength__c: strength })).link?.strength
            ).toBe('Medium');
        }
        expect(normalizeLink(link(AGAINST, TOP, 'Influences', { Strength__c: 'Weak' })).link?.strength).toBe(
            'Weak'
        );
    });

    it('keeps what the link holds: Id, Opportunity, trimmed ends, type', () => {
        expect(
            normalizeLink(link(` ${AGAINST} `, TOP, 'Reports_To', { Strength__c: 'Strong' })).link
        ).toEqual({
            id: 'a03000000000001AAA',
            opportunityId: OPP,
            from: AGAINST,
            to: TOP,
            type: 'Reports_To',
            strength: 'Strong'
        });
    });

    it('checks the Opportunity only when the caller names it', () => {
        const other = link(AGAINST, TOP, 'Influences', { Opportunity__c: OTHER_OPP });
        expect(buildPoliticalMap(PEOPLE, [other]).links).toHaveLength(1);
        expect(buildPoliticalMap(PEOPLE, [other], { opportunityId: ` ${OPP} ` }).links).toHaveLength(0);
        expect(buildPoliticalMap(PEOPLE, [other], { opportunityId: '  ' }).opportunityId).toBeNull();
    });

    it('never throws on values that are not text', () => {
        const junk: Rec[] = [
            { From_Stakeholder__c: { id: TOP }, To_Stakeholder__c: [AGAINST], Link_Type__c: true },
            { From_Stakeholder__c: 1, To_Stakeholder__c: 2, Link_Type__c: 'Allied', Strength__c: {} },
            {}
        ];
        const map = buildPoliticalMap([...PEOPLE, { Id: 5 }, {}], junk, { opportunityId: OPP });
        expect(map.links).toEqual([]);
        expect(map.issues.every((i) => i.ignoresLink || i.field === 'Strength__c')).toBe(true);
        expect(map.issues.map((i) => i.code)).toContain('LINK_END_NOT_ON_OPPORTUNITY');
    });
});

describe('repeated links', () => {
    const used = (links: Rec[]) => buildPoliticalMap(PEOPLE, links, { opportunityId: OPP });

    it('leaves out the same link recorded twice and reports the copy', () => {
        const map = used([
            link(AGAINST, TOP, 'Influences'),
            link(AGAINST, TOP, 'Influences', { Id: 'a03000000000002AAA' })
        ]);
        expect(map.links).toHaveLength(1);
        expect(map.issues).toEqual([
            {
                code: 'LINK_DUPLICATE',
                linkId: 'a03000000000002AAA',
                field: 'Link_Type__c',
                value: 'Influences',
                ignoresLink: true
            }
        ]);
    });

    it('treats Allied and Rival as the same link in either order', () => {
        expect(used([link(AGAINST, TOP, 'Allied'), link(TOP, AGAINST, 'Allied')]).links).toHaveLength(1);
        expect(used([link(AGAINST, TOP, 'Rival'), link(TOP, AGAINST, 'Rival')]).links).toHaveLength(1);
    });

    it('keeps directed links in both directions, and links of different types', () => {
        expect(used([link(AGAINST, TOP, 'Influences'), link(TOP, AGAINST, 'Influences')]).links).toHaveLength(
            2
        );
        expect(used([link(AGAINST, TOP, 'Allied'), link(AGAINST, TOP, 'Rival')]).links).toHaveLength(2);
    });

    it('does not count a link that was left out as the first of a pair', () => {
        const map = used([
            link(AGAINST, TOP, 'Influences', { Opportunity__c: OTHER_OPP }),
            link(AGAINST, TOP, 'Influences')
        ]);
        expect(map.links).toHaveLength(1);
        expect(map.issues.map((i) => i.code)).toEqual(['LINK_OTHER_OPPORTUNITY']);
    });
});

describe('who pulls on whom ("A pulls on X")', () => {
    const normalized = (type: string, strength?: string): NormalizedLink =>
        normalizeLink(link('A', 'X', type, { Strength__c: strength })).link!;

    it.each([
        ['Influences', 'Strong', { puller: 'A', pulled: 'X' }],
        ['Influences', 'Medium', { puller: 'A', pulled: 'X' }],
        ['Influences', undefined, { puller: 'A', pulled: 'X' }],
        ['Influences', 'Weak', null],
        // From acts for To: To stands behind From, so To pulls on From.
        ['Acts_For', 'Strong', { puller: 'X', pulled: 'A' }],
        ['Acts_For', undefined, { puller: 'X', pulled: 'A' }],
        ['Acts_For', 'Weak', null],
        ['Reports_To', 'Strong', null],
        ['Allied', 'Strong', null],
        ['Rival', 'Strong', null]
    ])('%s (%s) from A to X → %p', (type, strength, expected) => {
        expect(pullOf(normalized(type, strength))).toEqual(expected);
    });
});

describe('looking people and links up', () => {
    const map = buildPoliticalMap(
        [...PEOPLE, { Id: TOP, Name: 'A second record with the same Id' }, { Name: 'No Id yet' }],
        [link(AGAINST, TOP, 'Influences'), link(COACH, TOP, 'Reports_To'), link(AGAINST, COACH, 'Rival')],
        { opportunityId: OPP }
    );

    it('finds a person by the 15- or 18-character Id; the first record of an Id wins', () => {
        expect(personOf(map, TOP)?.name).toBe('Top');
        expect(personOf(map, ` ${TOP.slice(0, 15)} `)?.name).toBe('Top');
        expect(personOf(map, ELSEWHERE)).toBeUndefined();
        expect(personOf(map, null)).toBeUndefined();
        expect(personOf(map, '')).toBeUndefined();
        expect(map.stakeholders).toHaveLength(5);
    });

    it("lists a person's links at either end, in input order", () => {
        expect(linksOf(map, TOP).map((l) => l.type)).toEqual(['Influences', 'Reports_To']);
        expect(linksOf(map, COACH.slice(0, 15)).map((l) => l.type)).toEqual(['Reports_To', 'Rival']);
        expect(linksOf(map, undefined)).toEqual([]);
    });

    it('names the people against us who pull on someone, and nobody for others', () => {
        expect(opposingPullersOf(map, TOP).map((s) => s.name)).toEqual(['Against']);
        expect(opposingPullersOf(map, COACH)).toEqual([]);
        expect(opposingPullersOf(map, null)).toEqual([]);
    });
});

describe('recordKey', () => {
    it.each([
        ['a01000000000001AAA', 'a01000000000001'],
        ['a01000000000001', 'a01000000000001'],
        ['p-1', 'p-1'],
        ['a01000000000001AA!', 'a01000000000001AA!']
    ])('%s → %s', (id, key) => {
        expect(recordKey(id)).toBe(key);
    });
});
