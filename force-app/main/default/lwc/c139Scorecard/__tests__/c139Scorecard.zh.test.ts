// The scorecard for a rep whose Salesforce language and locale are Simplified Chinese.
import { createRecord } from 'lightning/uiRecordApi';
import { MODEL_VERSION } from 'c/dealControlModel';
import {
    $,
    $$,
    PEOPLE,
    choose,
    click,
    deal,
    flush,
    graphqlWire,
    meaningOf,
    mount,
    nextStepOf,
    panelPart,
    radio,
    textOf,
    unmountAll
} from './scorecardHarness';
import duplicateValue from './fixtures/duplicateValue.json';
import networkError from './fixtures/networkError.json';

jest.mock('@salesforce/i18n/lang', () => ({ __esModule: true, default: 'zh-CN' }));
jest.mock('@salesforce/i18n/locale', () => ({ __esModule: true, default: 'zh-CN' }));

const createRecordMock = createRecord as unknown as jest.Mock;

async function loaded(variant: Parameters<typeof deal>[0] = {}): Promise<HTMLElement> {
    const element = mount();
    graphqlWire.emit(deal(variant), undefined, jest.fn().mockResolvedValue(undefined));
    await flush();
    return element;
}

beforeEach(() => createRecordMock.mockReset());
afterEach(unmountAll);

describe('中文界面 (Simplified Chinese)', () => {
    it('shows the score, band, formula and group points in Chinese', async () => {
        const element = await loaded();
        expect(($(element, 'lightning-card') as HTMLElement & { title: string }).title).toBe('C139 控单能力');
        // Same hand-worked score as the English tests: 16 points × 0.90 → 53, Contested (胶着).
        expect(textOf(element, '[data-id="score-value"]')).toBe('53 / 100');
        expect(textOf(element, '[data-id="band"]')).toBe('控单区间：胶着');
        expect(textOf(element, '[data-id="band-meaning"]')).toBe('尚无人掌控业务机会。');
        expect(textOf(element, '[data-id="formula"]')).toBe('16 / 27 分 × 教练系数 0.90 → 53');
        expect($$(element, '[data-id="group-summaries"] li').map((li) => li.textContent)).toEqual([
            'C：教练校准：教练系数 0.90',
            '1 个赢：4.5 / 9 分',
            '3 个第一：6 / 9 分',
            '9 个清楚：5.5 / 9 分'
        ]);
        expect(textOf(element, '[data-id="last-scored"]')).toBe(
            `已保存的得分 53（胶着），评分时间 2026年11月20日 01:30，模型 ${MODEL_VERSION}。`
        );
    });

    it('shows elements, values, meanings, guidance and evidence in Chinese', async () => {
        const element = await loaded();
        expect($$(element, 'details[data-group] h3').map((h) => h.textContent)).toEqual([
            'C：教练校准',
            '1 个赢',
            '3 个第一',
            '9 个清楚'
        ]);
        const win = radio(element, 'Win__c');
        expect(win.label).toBe('最高决策者选定我们');
        expect(win.options).toEqual([
            { label: '尚不清楚', value: '--not-yet-known--' },
            { label: '反对我们', value: 'Against' },
            { label: '倾向我们', value: 'Leaning' },
            { label: '已选定我们', value: 'Yes' }
        ]);
        expect(meaningOf(element, 'Win__c', 'Leaning')).toBe('最高决策者倾向我们，但尚未表态。');
        expect(nextStepOf(element, 'Win__c')).toBe(
            '下一步：了解最高决策者做出决定前还需要看到什么（验证、案例、商务条款），并在客户的流程内以实力回应。'
        );
        const criteria = '[data-element="Clear_Decision_Criteria__c"] [data-code="CRITERIA_UNKNOWN"]';
        expect(textOf(element, `${criteria} [data-id="finding-message"]`)).toBe(
            '决策点评为清楚，但多维汇总中没有决策机构成员，或有成员缺少决策关注点。'
        );
        expect(textOf(element, `${criteria} [data-id="finding-action"]`)).toBe(
            '建议行动：记录每位决策机构成员的决策关注点。'
        );
        const coach = $(element, 'lightning-combobox[data-field="Coach_Stakeholder__c"]') as HTMLElement & {
            label: string;
            options: Array<{ label: string }>;
        };
        expect(coach.label).toBe('教练是谁？');
        expect(coach.options[0].label).toBe('未记录');
    });

    it('explains the veto and the empty state in Chinese', async () => {
        const element = await loaded({ scorecard: null });
        expect(textOf(element, '[data-id="empty"] h3')).toBe('尚无记分卡——先评你已了解的项');
        await choose(element, 'Win__c', 'Against');
        expect(textOf(element, '[data-id="band"]')).toBe('控单区间：基本丢单');
        expect(textOf(element, '[data-id="veto"]')).toBe(
            '最高决策者反对我们：无论其他各项如何，得分封顶 10 分，控单区间为“基本丢单”。'
        );
        expect(textOf(element, '[data-id="unsaved"]')).toBe('你有尚未保存的修改。');
        await expect(element).toBeAccessible();
    });

    it('tells the rep in Chinese that a colleague created the scorecard first', async () => {
        createRecordMock.mockRejectedValueOnce(duplicateValue);
        const element = await loaded({ scorecard: null });
        await choose(element, 'Coach__c', 'Identified');
        await click(element, '[data-id="save"]');
        graphqlWire.emit(deal(), undefined, jest.fn().mockResolvedValue(undefined));
        await flush();
        expect(textOf(element, '[data-id="notice"] p')).toBe(
            '同事刚刚创建了本业务机会的记分卡。现在显示的是其记分卡；你的选择已保留，并在已保存的值旁边标出。请核对后再次保存。'
        );
        expect(textOf(element, '[data-saved-note="Coach__c"]')).toContain('已保存的值：已确认');
        expect(radio(element, 'Coach__c').value).toBe('Identified');
    });

    it('shows a save failure in Chinese and keeps the choice', async () => {
        createRecordMock.mockRejectedValueOnce(networkError);
        const element = await loaded({ scorecard: null });
        await choose(element, 'Coach_Stakeholder__c', PEOPLE.liZong);
        await click(element, '[data-id="save"]');
        expect(panelPart(element, '[data-id="save-errors"]', 'heading')).toBe('记分卡未保存');
        expect(panelPart(element, '[data-id="save-errors"]', 'advice')).toBe(
            '无法连接 Salesforce。请检查网络连接，然后重试。'
        );
        expect(panelPart(element, '[data-id="save-errors"]', 'note')).toBe(
            '你的选择仍保留在屏幕上：请解决问题后再次保存。'
        );
        expect(
            (
                $(element, 'lightning-combobox[data-field="Coach_Stakeholder__c"]') as HTMLElement & {
                    value: string;
                }
            ).value
        ).toBe(PEOPLE.liZong);
        await expect(element).toBeAccessible();
    });
});
