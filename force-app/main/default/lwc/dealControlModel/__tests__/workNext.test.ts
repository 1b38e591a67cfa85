import { WORK_NEXT_REASONS, decisionWeightOf, normalizeStakeholder, rankWorkNext } from 'c/dealControlModel';

const TODAY = '2026-11-26';

/** Every dimension known, a supporter we talk to: nothing to fix. */
const SETTLED = {
    Dominant_Need__c: 'Safety',
    Change_Attitude__c: 'Pragmatist',
    Decision_Focus__c: 'Technical',
    Contact_Closeness__c: 'More',
    Attitude_To_Us__c: 'Supporter'
};

function reasonsOf(record: Record<string, unknown>): string[] {
    const [item] = rankWorkNext([{ Name: 'X', ...record }], { today: TODAY });
    return item ? item.reasons.map((r) => r.reason) : [];
}

describe('work on next: reasons', () => {
    it.each([
        ['nothing to fix', SETTLED, []],
        ['an opponent', { ...SETTLED, Attitude_To_Us__c: 'Opponent' }, ['AGAINST_US']],
        ['a non-supporter', { ...SETTLED, Attitude_To_Us__c: 'Non_Supporter' }, ['AGAINST_US']],
        [
            'an unknown attitude (also a gap)',
            { ...SETTLED, Attitude_To_Us__c: null },
            ['ATTITUDE_UNKNOWN', 'DIMENSION_GAPS']
        ],
        ['a neutral', { ...SETTLED, Attitude_To_Us__c: 'Neutral' }, ['NEUTRAL']],
        ['no contact', { ...SETTLED, Contact_Closeness__c: 'No_Contact' }, ['LOW_CONTACT']],
        ['little contact', { ...SETTLED, Contact_Closeness__c: 'Little' }, ['LOW_CONTACT']],
        ['a gap in the dimensions', { ...SETTLED, Dominant_Need__c: null }, ['DIMENSION_GAPS']],
        [
            'an overdue next action',
            { ...SETTLED, Next_Action__c: 'Demo for finance', Next_Action_Due__c: '2026-11-25' },
            ['ACTION_OVERDUE']
        ],
        [
            'a next action due today',
            { ...SETTLED, Next_Action__c: 'Demo for finance', Next_Action_Due__c: TODAY },
            []
        ],
        ['a due date without an action', { ...SETTLED, Next_Action_Due__c: '2026-01-01' }, []],
        ['a malformed due date', { ...SETTLED, Next_Action__c: 'Call', Next_Action_Due__c: 'soon' }, []]
    ])('%s', (_name, record, expected) => {
        expect(reasonsOf(record)).toEqual(expected);
    });

    it('has a label and an action in both languages for every reason', () => {
        for (const def of WORK_NEXT_REASONS) {
            expect(def.label.en.length).toBeGreaterThan(3);
            expect(def.action.en.length).toBeGreaterThan(10);
            expect(def.label.zh).toMatch(/[\u4e00-\u9fff]/);
            expect(def.action.zh).toMatch(/[\u4e00-\u9fff]/);
        }
    });
});

describe('work on next: priority', () => {
    it.each([
        [{}, 1],
        [{ Influence__c: 'Low' }, 1],
        [{ Influence__c: 'Medium' }, 2],
        [{ Influence__c: 'High' }, 3],
        [{ Influence__c: 'High', Top_Decision_Maker__c: true }, 6],
        [{ Influence__c: 'Medium', Decision_Body_Member__c: true }, 3],
        [{ Top_Decision_Maker__c: true, Decision_Body_Member__c: true }, 5]
    ])('weighs %j as %p', (record, weight) => {
        expect(decisionWeightOf(normalizeStakeholder(record))).toBe(weight);
    });

    it('ranks by weight × summed severity, then by name, and leaves out people with nothing to fix', () => {
        const ranked = rankWorkNext(
            [
                // weight 3 (High) × (Neutral 2) = 6
                { Name: 'Xia Hong', ...SETTLED, Influence__c: 'High', Attitude_To_Us__c: 'Neutral' },
                // weight 6 (High + top DM) × (unknown attitude 3 + gaps 1) = 24
                {
                    Name: 'Wang Cheng',
                    ...SETTLED,
                    Influence__c: 'High',
                    Top_Decision_Maker__c: true,
                    Attitude_To_Us__c: null
                },
                // weight 3 (Medium + body) × (against 3 + low contact 2) = 15
                {
                    Name: 'Zhang Tao',
                    ...SETTLED,
                    Influence__c: 'Medium',
                    Decision_Body_Member__c: true,
                    Attitude_To_Us__c: 'Opponent',
                    Contact_Closeness__c: 'Little'
                },
                // weight 2 × gaps 1 = 2; ties with Li Jing, ordered by name
                { Name: 'Wang Li', ...SETTLED, Influence__c: 'Medium', Change_Attitude__c: null },
                { Name: 'Li Jing', ...SETTLED, Influence__c: 'Medium', Decision_Focus__c: null },
                { Name: 'Qiu Ming', ...SETTLED, Influence__c: 'High', Attitude_To_Us__c: 'Mentor' }
            ],
            { today: TODAY }
        );
        expect(ranked.map((i) => [i.stakeholder.name, i.priority])).toEqual([
            ['Wang Cheng', 24],
            ['Zhang Tao', 15],
            ['Xia Hong', 6],
            ['Li Jing', 2],
            ['Wang Li', 2]
        ]);
        expect(ranked[1].reasons.map((r) => r.reason)).toEqual(['AGAINST_US', 'LOW_CONTACT']);
    });

    it('keeps input order for equal priority and equal names, and honours the limit', () => {
        const ranked = rankWorkNext(
            [
                { Id: 'first', Name: 'Same', Attitude_To_Us__c: 'Neutral' },
                { Id: 'second', Name: 'Same', Attitude_To_Us__c: 'Neutral' },
                { Id: 'third', Attitude_To_Us__c: 'Neutral' }
            ],
            { today: TODAY, limit: 2 }
        );
        expect(ranked.map((i) => i.stakeholder.id)).toEqual(['third', 'first']);
        expect(rankWorkNext([{ Name: 'A' }], { today: TODAY, limit: 0 })).toEqual([]);
        expect(rankWorkNext([], { today: TODAY })).toEqual([]);
    });
});
