// The names behind the political map's two scorecard warnings, read from the same map as the score.
import { buildPoliticalMap } from 'c/dealControlModel';
import { findingDetailOf } from '../findingDetails';
import dealVitaminErp from './fixtures/dealVitaminErp.json';
import { PEOPLE } from './scorecardHarness';

type Node = Record<string, unknown>;
const assessments = dealVitaminErp.uiapi.query.Stakeholder_Assessment__c.edges.map(({ node }) =>
    Object.fromEntries(
        Object.entries(node as Node).map(([field, holder]) => [
            field,
            field === 'Id' ? holder : ((holder as { value: unknown }).value ?? null)
        ])
    )
);

function link(from: string, to: string, type: string, strength: string | null = 'Strong'): Node {
    return {
        Id: `a03${from.slice(-6)}${to.slice(-6)}${type.length}`,
        Opportunity__c: '006000000000001AAA',
        From_Stakeholder__c: from,
        To_Stakeholder__c: to,
        Link_Type__c: type,
        Strength__c: strength
    };
}

const mapWith = (...links: Node[]) =>
    buildPoliticalMap(assessments, links, { opportunityId: '006000000000001AAA' });

describe('findingDetailOf', () => {
    it('names each person against us who pulls on the top decision maker, with their attitude', () => {
        const map = mapWith(
            link(PEOPLE.qiuJingli, PEOPLE.wangZong, 'Influences', 'Medium'),
            // 王建 acts for 张涛: 张涛 stands behind him, so 张涛 pulls too.
            link(PEOPLE.wangZong, PEOPLE.zhangGong, 'Acts_For'),
            // Weak, and from a Mentor: neither counts.
            link(PEOPLE.wangJingli, PEOPLE.wangZong, 'Influences', 'Weak'),
            link(PEOPLE.liZong, PEOPLE.wangZong, 'Influences')
        );
        expect(findingDetailOf('WIN_UNDERMINED', map, null, 'en')).toBe(
            '王建 is pulled by 仇明 (Non-supporter), 张涛 (Opponent).'
        );
        expect(findingDetailOf('WIN_UNDERMINED', map, null, 'zh')).toBe(
            '王建受仇明（非支持者）、张涛（反对者）左右。'
        );
    });

    it('names the coach and the top decision makers a line should join', () => {
        const map = mapWith(link(PEOPLE.wangJingli, PEOPLE.wangCheng, 'Acts_For'));
        expect(findingDetailOf('COACH_NO_ACCESS', map, PEOPLE.wangJingli, 'en')).toBe(
            'Coach: 王丽. Top decision makers: 王建.'
        );
        expect(findingDetailOf('COACH_NO_ACCESS', map, PEOPLE.wangJingli, 'zh')).toBe(
            '教练：王丽；最高决策者：王建。'
        );
    });

    it('adds nothing to the other codes, without a map, or when the map cannot name anyone', () => {
        const map = mapWith(link(PEOPLE.wangJingli, PEOPLE.wangCheng, 'Acts_For'));
        expect(findingDetailOf('CRITERIA_UNKNOWN', map, PEOPLE.wangJingli, 'en')).toBeNull();
        expect(findingDetailOf('WIN_UNDERMINED', undefined, null, 'en')).toBeNull();
        // Nobody pulls on the top decision maker (a stale stored code): no invented names.
        expect(findingDetailOf('WIN_UNDERMINED', map, null, 'en')).toBeNull();
        // The coach's assessment is not on this deal.
        expect(findingDetailOf('COACH_NO_ACCESS', map, 'a01999999999999AAA', 'en')).toBeNull();
    });

    it('falls back to the Id for a person without a name', () => {
        const unnamed = assessments.map((a) => (a.Id === PEOPLE.qiuJingli ? { ...a, Name: null } : a));
        const map = buildPoliticalMap(unnamed, [link(PEOPLE.qiuJingli, PEOPLE.wangZong, 'Influences')]);
        expect(findingDetailOf('WIN_UNDERMINED', map, null, 'en')).toBe(
            `王建 is pulled by ${PEOPLE.qiuJingli} (Non-supporter).`
        );
    });
});
