import {
    EVIDENCE,
    INSIGHTS,
    buildPoliticalMap,
    politicalEvidenceCodesOf,
    scoreScorecard,
    scoreStakeholder
} from 'c/dealControlModel';
import { AT, ELSEWHERE, IDS, OPP, OTHER_OPP, Rec, link as rawLink, person } from './politicalFixtures';

// Contract v1.1 (MODEL.md Part D): each new code raised by a minimal case, and not raised by the
// nearest case that must not raise it.

const [X, A, TOP, COACH, OTHER] = IDS;

const link = (from: string, to: string, type: string, strength?: string): Rec =>
    rawLink(from, to, type, { Strength__c: strength });

describe('INFLUENCED_AGAINST', () => {
    const influencedAgainst = (people: Rec[], links: Rec[], target = X): boolean => {
        const map = buildPoliticalMap(people, links, { opportunityId: OPP });
        const record = people.find((p) => p.Id === target)!;
        return scoreStakeholder(record, { scoredAt: AT }, map).insights.some(
            (i) => i.code === 'INFLUENCED_AGAINST'
        );
    };
    const x = person(X, 'Supporter');

    // [case, the person A (who may pull on X), links, raised]
    const cases: Array<[string, Rec, Rec[], boolean]> = [
        ['an Opponent influences X', person(A, 'Opponent'), [link(A, X, 'Influences')], true],
        [
            'a Non_Supporter influences X strongly',
            person(A, 'Non_Supporter'),
            [link(A, X, 'Influences', 'Strong')],
            true
        ],
        [
            'an Opponent influences X (Medium)',
            person(A, 'Opponent'),
            [link(A, X, 'Influences', 'Medium')],
            true
        ],
        [
            'X acts for an Opponent (the Opponent stands behind X)',
            person(A, 'Opponent'),
            [link(X, A, 'Acts_For')],
            true
        ],
        ['an Opponent influences X weakly', person(A, 'Opponent'), [link(A, X, 'Influences', 'Weak')], false],
        ['X acts weakly for an Opponent', person(A, 'Opponent'), [link(X, A, 'Acts_For', 'Weak')], false],
        ['a Neutral influences X', person(A, 'Neutral'), [link(A, X, 'Influences', 'Strong')], false],
        ['a Supporter influences X', person(A, 'Supporter'), [link(A, X, 'Influences', 'Strong')], false],
        [
            'someone of unknown attitude influences X',
            person(A, null),
            [link(A, X, 'Influences', 'Strong')],
            false
        ],
        [
            'X influences an Opponent (wrong direction)',
            person(A, 'Opponent'),
            [link(X, A, 'Influences', 'Strong')],
            false
        ],
        [
            'an Opponent acts for X (X stands behind them)',
            person(A, 'Opponent'),
            [link(A, X, 'Acts_For', 'Strong')],
            false
        ],
        ['X reports to an Opponent', person(A, 'Opponent'), [link(X, A, 'Reports_To', 'Strong')], false],
        ['an Opponent reports to X', person(A, 'Opponent'), [link(A, X, 'Reports_To', 'Strong')], false],
        ['X is allied with an Opponent', person(A, 'Opponent'), [link(A, X, 'Allied', 'Strong')], false],
        ['X is a rival of an Opponent', person(A, 'Opponent'), [link(X, A, 'Rival', 'Strong')], false],
        ['no links', person(A, 'Opponent'), [], false]
    ];

    it.each(cases)('%s → %p', (_name, a, links, expected) => {
        expect(influencedAgainst([x, a], links)).toBe(expected);
    });

    it('is raised for an opponent pulled on by another opponent too', () => {
        const people = [person(X, 'Opponent'), person(A, 'Non_Supporter')];
        expect(influencedAgainst(people, [link(A, X, 'Influences')])).toBe(true);
    });

    it('ignores a link whose puller is assessed on another Opportunity', () => {
        expect(
            influencedAgainst([x, person(A, 'Opponent')], [link(ELSEWHERE, X, 'Influences', 'Strong')])
        ).toBe(false);
    });

    it('is never raised without the map (v1 call sites) or for a person without an Id', () => {
        expect(scoreStakeholder(x, { scoredAt: AT }).derived.Insight_Codes__c).toBeNull();
        const map = buildPoliticalMap([x, person(A, 'Opponent')], [link(A, X, 'Influences')]);
        const unsaved = { Attitude_To_Us__c: 'Supporter' };
        expect(scoreStakeholder(unsaved, { scoredAt: AT }, map).derived.Insight_Codes__c).toBeNull();
    });

    it('says who pulls (people against us, in map order), and stores the code sorted with the others', () => {
        const people = [
            person(X, 'Mentor', { Contact_Closeness__c: 'Little' }),
            person(A, 'Opponent', { Name: '王乘' }),
            person(OTHER, 'Non_Supporter', { Name: '夏宏' }),
            person(TOP, 'Supporter', { Name: 'Friend' })
        ];
        const map = buildPoliticalMap(people, [
            link(OTHER, X, 'Influences'),
            link(X, A, 'Acts_For', 'Strong'),
            link(TOP, X, 'Influences', 'Strong'),
            link(A, X, 'Influences', 'Strong')
        ]);
        const score = scoreStakeholder(people[0], { scoredAt: AT }, map);
        expect(score.opposingPullers.map((p) => p.name)).toEqual(['王乘', '夏宏']);
        expect(score.derived.Insight_Codes__c).toBe('INFLUENCED_AGAINST;MENTOR_LOW_CONTACT');
        expect(score.insights).toEqual([INSIGHTS.INFLUENCED_AGAINST, INSIGHTS.MENTOR_LOW_CONTACT]);
        expect(scoreStakeholder(people[3], { scoredAt: AT }, map).opposingPullers).toEqual([]);
    });
});

describe('WIN_UNDERMINED', () => {
    const top = (attitude = 'Supporter') => person(TOP, attitude, { Top_Decision_Maker__c: true });
    const codes = (scorecard: Rec, people: Rec[], links: Rec[]): string[] => {
        const map = buildPoliticalMap(people, links, { opportunityId: OPP });
        return scoreScorecard(scorecard, people, { scoredAt: AT }, map).findings.map((f) => f.code);
    };
    const pulled = [top(), person(A, 'Opponent')];
    const pull = [link(A, TOP, 'Influences')];

    const cases: Array<[string, Rec, Rec[], Rec[], boolean]> = [
        ['Win Yes, an Opponent influences the top DM', { Win__c: 'Yes' }, pulled, pull, true],
        [
            'Win Leaning, the top DM acts for an Opponent',
            { Win__c: 'Leaning' },
            pulled,
            [link(TOP, A, 'Acts_For')],
            true
        ],
        ['Win unknown', { Win__c: null }, pulled, pull, false],
        ['Win Against', { Win__c: 'Against' }, pulled, pull, false],
        ['Win Yes, the pull is Weak', { Win__c: 'Yes' }, pulled, [link(A, TOP, 'Influences', 'Weak')], false],
        [
            'Win Yes, the one pulled is not a top DM',
            { Win__c: 'Yes' },
            [top(), person(A, 'Opponent'), person(X, 'Supporter')],
            [link(A, X, 'Influences', 'Strong')],
            false
        ],
        [
            'Win Yes, a Supporter influences the top DM',
            { Win__c: 'Yes' },
            [top(), person(A, 'Supporter')],
            pull,
            false
        ]
    ];

    it.each(cases)('%s → %p', (_name, scorecard, people, links, expected) => {
        expect(codes(scorecard, people, links).includes('WIN_UNDERMINED')).toBe(expected);
    });

    it('is never raised without the map', () => {
        expect(
            scoreScorecard({ Win__c: 'Yes' }, pulled, { scoredAt: AT }).derived.Evidence_Codes__c
        ).toBeNull();
    });

    it('questions the Win claim beside WIN_CONTRADICTED when the top DM is against us too', () => {
        const people = [top('Opponent'), person(A, 'Opponent')];
        expect(codes({ Win__c: 'Yes' }, people, pull)).toEqual(['WIN_CONTRADICTED', 'WIN_UNDERMINED']);
        expect(EVIDENCE.WIN_UNDERMINED.claimField).toBe('Win__c');
    });
});

describe('COACH_NO_ACCESS', () => {
    const top = person(TOP, 'Supporter', { Top_Decision_Maker__c: true });
    const coach = person(COACH, 'Mentor');
    const other = person(OTHER, 'Neutral');
    const people = [top, coach, other];
    /** A link that has nothing to do with the coach: the Opportunity has a map of links. */
    const unrelated = link(OTHER, TOP, 'Reports_To');
    const confirmed = { Coach__c: 'Confirmed', Coach_Stakeholder__c: COACH };
    const raised = (scorecard: Rec, links: Rec[], map = people): boolean => {
        const political = buildPoliticalMap(map, links, { opportunityId: OPP });
        return scoreScorecard(scorecard, map, { scoredAt: AT }, political).findings.some(
            (f) => f.code === 'COACH_NO_ACCESS'
        );
    };

    const cases: Array<[string, Rec, Rec[], boolean]> = [
        ['Confirmed, no line from the coach to a top DM', confirmed, [unrelated], true],
        [
            'Confirmed_In_Decision_Body, no line',
            { ...confirmed, Coach__c: 'Confirmed_In_Decision_Body' },
            [unrelated],
            true
        ],
        ['the coach only rivals the top DM', confirmed, [link(COACH, TOP, 'Rival', 'Strong')], true],
        ['the coach only reaches someone else', confirmed, [link(COACH, OTHER, 'Allied', 'Strong')], true],
        [
            'the coach named by the 15-character Id',
            { ...confirmed, Coach_Stakeholder__c: COACH.slice(0, 15) },
            [unrelated],
            true
        ],
        ['Identified', { ...confirmed, Coach__c: 'Identified' }, [unrelated], false],
        ['No_Coach', { ...confirmed, Coach__c: 'No_Coach' }, [unrelated], false],
        ['coach rating blank', { ...confirmed, Coach__c: null }, [unrelated], false],
        ['no coach assessment named', { Coach__c: 'Confirmed' }, [unrelated], false],
        [
            'the coach named is not on this Opportunity',
            { ...confirmed, Coach_Stakeholder__c: ELSEWHERE },
            [unrelated],
            false
        ],
        ['the Opportunity has no links', confirmed, [], false],
        [
            'the only link is left out (another Opportunity)',
            confirmed,
            [{ ...unrelated, Opportunity__c: OTHER_OPP }],
            false
        ],
        ['the coach reports to the top DM', confirmed, [link(COACH, TOP, 'Reports_To')], false],
        ['the top DM reports to the coach', confirmed, [link(TOP, COACH, 'Reports_To')], false],
        ['the coach influences the top DM', confirmed, [link(COACH, TOP, 'Influences')], false],
        ['the top DM influences the coach', confirmed, [link(TOP, COACH, 'Influences')], false],
        ['the coach acts for the top DM', confirmed, [link(COACH, TOP, 'Acts_For')], false],
        ['the top DM and the coach are allied', confirmed, [link(TOP, COACH, 'Allied')], false],
        [
            'a weak alliance is still a line to the top DM',
            confirmed,
            [link(TOP, COACH, 'Allied', 'Weak')],
            false
        ]
    ];

    it.each(cases)('%s → %p', (_name, scorecard, links, expected) => {
        expect(raised(scorecard, links)).toBe(expected);
    });

    it('is not raised when the coach is a top DM', () => {
        const topCoach = [person(COACH, 'Mentor', { Top_Decision_Maker__c: true }), other];
        expect(raised(confirmed, [unrelated], topCoach)).toBe(false);
    });

    it('is raised when no top DM is on the map at all: the coach reaches nobody who decides', () => {
        expect(raised(confirmed, [link(COACH, OTHER, 'Allied')], [coach, other])).toBe(true);
    });

    it('is never raised without the map', () => {
        expect(
            politicalEvidenceCodesOf({ win: 'Yes', coach: 'Confirmed', coachStakeholderId: COACH }, undefined)
        ).toEqual([]);
        expect(scoreScorecard(confirmed, people, { scoredAt: AT }).findings).toEqual([]);
    });

    it('sorts, joins and counts the new codes with the others', () => {
        const map = buildPoliticalMap([top, coach, person(A, 'Opponent')], [link(A, TOP, 'Influences')]);
        const r = scoreScorecard({ ...confirmed, Win__c: 'Yes' }, [top, coach], { scoredAt: AT }, map);
        expect(r.derived.Evidence_Codes__c).toBe('COACH_NO_ACCESS;WIN_UNDERMINED');
        expect(r.derived.Warning_Count__c).toBe(2);
        expect(r.findings).toEqual([EVIDENCE.COACH_NO_ACCESS, EVIDENCE.WIN_UNDERMINED]);
        expect(r.scorecard.coachStakeholderId).toBe(COACH);
    });
});
