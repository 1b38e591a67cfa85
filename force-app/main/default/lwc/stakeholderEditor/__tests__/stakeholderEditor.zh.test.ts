import { createElement } from 'lwc';
import { createRecord } from 'lightning/uiRecordApi';
import StakeholderEditor from 'c/stakeholderEditor';
import { toDealSnapshot, AssessmentRecord } from 'c/dealControlData';
import dealVitaminErp from '../../dealControlData/__tests__/data/dealVitaminErp.json';
import { flushPromises, noteOf, pick, q, text } from 'test-utils/domHelpers';

jest.mock('@salesforce/i18n/lang', () => ({ __esModule: true, default: 'zh-CN' }), { virtual: true });

const liZong = toDealSnapshot(dealVitaminErp).assessments.find((a) => a.Name === '李静') as AssessmentRecord;

afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
});

function mount(record: unknown): HTMLElement {
    const element = createElement('c-stakeholder-editor', { is: StakeholderEditor }) as HTMLElement & {
        record?: unknown;
        opportunityId?: string;
    };
    element.opportunityId = '006000000000001AAA';
    element.record = record;
    document.body.appendChild(element);
    return element;
}

describe('c-stakeholder-editor in Simplified Chinese', () => {
    it('shows its own texts and the model values, meanings, guidance and insights in Chinese', async () => {
        const element = mount(liZong);
        await flushPromises();
        expect(text(element, 'h2')).toBe('编辑评估');
        const label = (selector: string) => (q(element, selector) as HTMLElement & { label: string }).label;
        expect(label('lightning-button.save')).toBe('保存');
        expect(label('lightning-button.cancel')).toBe('取消');
        expect(label('.field[data-field="Name"]')).toBe('姓名');
        const attitude = q(element, 'c-choice-group[data-field="Attitude_To_Us__c"]') as HTMLElement & {
            label: string;
        };
        expect(attitude.label).toBe('对我方的态度');
        expect(text(attitude, 'dt.meaning-label:nth-of-type(2)')).toBe('指导者');
        expect(text(attitude, 'dd[data-value="Mentor"]')).toContain('我方的坚定支持者');
        // Chinese punctuation in the guidance line: 建议行动（指导者）：…
        expect(noteOf(element, 'Attitude_To_Us__c')).toMatch(/^建议行动（指导者）：.*与其逐项确认 C139/);
        expect(text(element, '.support dt')).toBe('支持度');
        expect(text(element, '.support dd')).toBe('+2 指导者');
        expect(text(element, '.insights li')).toContain('被标为指导者，但与我们几乎没有信息交流。');
    });

    it('names the saved person in a Chinese toast', async () => {
        (createRecord as unknown as jest.Mock).mockResolvedValue({ id: 'a01000000000011AAA' });
        const element = mount({ Name: '夏宏' });
        const toast = jest.fn();
        element.addEventListener('lightning__showtoast', toast);
        await flushPromises();
        pick(element, 'Influence__c', 'High');
        q<HTMLElement>(element, 'lightning-button.save').click();
        await flushPromises();
        expect(toast.mock.calls[0][0].detail).toMatchObject({
            title: '评估已保存',
            message: '夏宏 已加入多维汇总。'
        });
    });

    it('shows the relationships in Chinese: kinds, the camp, the add buttons and each link as a sentence', async () => {
        const snapshot = toDealSnapshot(dealVitaminErp);
        const qiuMing = snapshot.assessments.find((a) => a.Name === '仇明');
        const element = createElement('c-stakeholder-editor', { is: StakeholderEditor }) as HTMLElement & {
            record?: unknown;
            deal?: unknown;
        };
        element.deal = snapshot;
        element.record = qiuMing;
        document.body.appendChild(element);
        await flushPromises();
        expect(text(element, 'details[data-section="relationships"] summary')).toBe('关系');
        const label = (selector: string) => (q(element, selector) as HTMLElement & { label: string }).label;
        expect(label('.field[data-field="Camp__c"]')).toBe('阵营');
        expect(text(element, 'fieldset[data-kind="reportsTo"] legend')).toBe('汇报给');
        expect(label('fieldset[data-kind="influencedBy"] lightning-button.add-link')).toBe('添加：受谁影响');
        expect(label('fieldset[data-kind="reportsTo"] .link-strength')).toBe('强度：仇明汇报给王建');
        expect(text(element, '.other-links li')).toBe('张涛汇报给仇明');
    });
});
