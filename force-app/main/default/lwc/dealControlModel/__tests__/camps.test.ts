import { campGroupsOf, normalizeStakeholder } from 'c/dealControlModel';

const person = (name: string, camp: unknown) => normalizeStakeholder({ Name: name, Camp__c: camp });

describe('Camp__c', () => {
    it('is read as trimmed free text, null when blank, never reported', () => {
        expect(person('a', '  财务总监一方 ').camp).toBe('财务总监一方');
        expect(person('b', '   ').camp).toBeNull();
        expect(person('c', undefined).camp).toBeNull();
        expect(person('d', 'Any text at all: 42').issues).toEqual([]);
    });
});

describe('campGroupsOf', () => {
    it('groups people by camp in order of first appearance, named as first written, unknown last', () => {
        const groups = campGroupsOf([
            person('王建', 'CFO side'),
            person('夏宏', null),
            person('李静', '生产派'),
            person('王丽', ' cfo   SIDE '),
            person('张涛', '')
        ]);
        expect(groups.map((g) => [g.camp, g.stakeholders.map((s) => s.name)])).toEqual([
            ['CFO side', ['王建', '王丽']],
            ['生产派', ['李静']],
            [null, ['夏宏', '张涛']]
        ]);
    });

    it('has no "unknown" group when everyone has a camp, and no group without people', () => {
        expect(campGroupsOf([person('a', 'X')]).map((g) => g.camp)).toEqual(['X']);
        expect(campGroupsOf([])).toEqual([]);
    });
});
