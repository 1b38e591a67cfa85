import { createElement } from 'lwc';
import { graphql } from 'lightning/graphql';
import StakeholderQuickAssess from 'c/stakeholderQuickAssess';
import dealVitaminErp from '../../dealControlData/__tests__/data/dealVitaminErp.json';
import { flushPromises, q, qa, text } from 'test-utils/domHelpers';

jest.mock('@salesforce/i18n/lang', () => ({ __esModule: true, default: 'zh-CN' }), { virtual: true });

afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
});

describe('c-stakeholder-quick-assess in Simplified Chinese', () => {
    it('asks who the rep met in Chinese, and the embedded editor speaks Chinese too', async () => {
        const element = createElement('c-stakeholder-quick-assess', {
            is: StakeholderQuickAssess
        }) as HTMLElement & {
            recordId?: string;
        };
        element.recordId = '006000000000001AAA';
        document.body.appendChild(element);
        (graphql as unknown as { emit(value: unknown): void }).emit(dealVitaminErp);
        await flushPromises();
        expect(text(element, 'h2')).toBe('评估一位采购决策者');
        expect(text(element, 'label[for^="who"]')).toBe('你见了谁？');
        expect(qa<HTMLOptGroupElement>(element, 'optgroup').map((g) => g.label)).toEqual([
            '已在多维汇总中',
            '尚未评估的联系人角色'
        ]);
        // A person's title in Chinese brackets, not "王建 (分管信息化副总)".
        expect(
            qa<HTMLOptGroupElement>(element, 'optgroup')[0].querySelector('option')!.textContent!.trim()
        ).toBe('王建（分管信息化副总）');
        expect(q(element, 'option[value="new"]').textContent!.trim()).toBe('新的人员');
        const editor = q(element, 'c-stakeholder-editor');
        expect((q(editor, 'lightning-button.save') as HTMLElement & { label: string }).label).toBe('保存');
    });
});
