import { createElement } from 'lwc';
import { graphql } from 'lightning/graphql';
import StakeholderGrid from 'c/stakeholderGrid';
import dealVitaminErp from '../../dealControlData/__tests__/data/dealVitaminErp.json';
import dealEmpty from '../../dealControlData/__tests__/data/dealEmpty.json';
import { fixClockAt, flushPromises, q, qa, text } from 'test-utils/domHelpers';

jest.mock('@salesforce/i18n/lang', () => ({ __esModule: true, default: 'zh-CN' }), { virtual: true });

const graphqlAdapter = graphql as unknown as { emit(value: unknown): void };

afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
});

function mount(): HTMLElement {
    const element = createElement('c-stakeholder-grid', { is: StakeholderGrid }) as HTMLElement & {
        recordId?: string;
    };
    element.recordId = '006000000000001AAA';
    document.body.appendChild(element);
    return element;
}

describe('c-stakeholder-grid in Simplified Chinese', () => {
    it('names who to work on next in Chinese', async () => {
        fixClockAt('2026-03-05T12:00:00.000Z');
        const element = mount();
        graphqlAdapter.emit(dealVitaminErp);
        await flushPromises();
        expect(text(element, '.work-next h3')).toBe('下一步重点');
        expect(text(element, '.work-next-item:first-child .work-next-who')).toBe(
            '王乘 — 态度不明 · 联系太少 · 维度未知。'
        );
        expect(text(element, '.work-next-item:first-child .work-next-action')).toBe(
            '弄清此人的立场：向教练了解。'
        );
        jest.useRealTimers();
    });

    it('shows headers, values, gaps, badges and the committee summary in Chinese', async () => {
        const element = mount();
        graphqlAdapter.emit(dealVitaminErp);
        await flushPromises();
        expect(text(element, 'h2')).toBe('全体采购决策者');
        expect((q(element, '[data-id="add"]') as HTMLElement & { label: string }).label).toBe(
            '添加采购决策者'
        );
        const headers = qa(element, 'thead th').map((th) =>
            (th.textContent ?? '').replace(/[▲▼\u2060\s]/g, '')
        );
        expect(headers).toEqual([
            '姓名',
            '角色',
            '影响力',
            '主导需求',
            '对待变革的态度',
            '决策关注点',
            '联系紧密度',
            '对我方的态度',
            '操作'
        ]);
        // A header drops the model label's explanation; its tooltip keeps the whole label.
        expect(qa(element, 'thead th')[3].getAttribute('title')).toBe('主导需求（马斯洛需求层次）');
        const wangCheng = qa(element, 'tr.assessment').find(
            (tr) => tr.querySelector('.name')!.textContent === '王乘'
        )!;
        expect(wangCheng.querySelector('[data-field="Dominant_Need__c"] span')!.textContent).toBe('缺口');
        expect(wangCheng.querySelector('[data-field="Contact_Closeness__c"] span')!.textContent).toBe(
            '没有联系'
        );
        const insightRow = wangCheng.nextElementSibling!;
        expect(
            q(insightRow.querySelector('c-insight-badges')!, '[data-code="KEY_PERSON_NO_CONTACT"]')
                .textContent
        ).toContain('关键人无联系');
        const wang = qa(element, 'tr.assessment').find(
            (tr) => tr.querySelector('.name')!.textContent === '王建'
        )!;
        expect(wang.querySelector('.badge-top')!.textContent).toBe('最高决策者');
        // Several values of a multi-select are listed with the Chinese enumeration comma.
        expect(wang.querySelector('[data-field="Decision_Focus__c"] span')!.textContent).toBe('业务、关系');
        expect(qa(element, '.stats dt').map((dt) => (dt.textContent ?? '').trim())[0]).toBe(
            '决策机构支持度（按影响力加权，−2 至 +2）'
        );
        expect(wang.querySelector('.support')!.textContent!.trim()).toBe('+1 支持者');
        expect(text(element, '.weighted-support span')).toBe('+0.50');
        expect(text(element, '.weighted-support .body-count')).toBe('决策机构 4 人中有 2 人支持我们');
        expect(qa(element, '.attitude-mix .mix-item').map((i) => i.textContent)).toEqual([
            '指导者 2',
            '支持者 1',
            '中立者 0',
            '非支持者 1',
            '反对者 1',
            '未知 1'
        ]);
        expect(text(element, '.coverage')).toBe('6 人中 5 人五维齐全（83%）');
        expect(text(element, '.top-dm')).toBe('支持者');
        expect(text(element, 'tr.placeholder .not-assessed')).toBe('尚未评估');
    });

    it('shows the camp and who pulls against us in Chinese', async () => {
        const data = JSON.parse(JSON.stringify(dealVitaminErp));
        data.uiapi.query.Stakeholder_Assessment__c.edges[5].node.Attitude_To_Us__c.value = 'Non_Supporter';
        const element = mount();
        graphqlAdapter.emit(data);
        await flushPromises();
        const wangCheng = qa(element, 'tr.assessment').find((tr) => tr.dataset.id === 'a01000000000005AAA')!;
        // The camp is the rep's own words, shown as written.
        const camp = data.uiapi.query.Stakeholder_Assessment__c.edges[4].node.Camp__c.value;
        expect(wangCheng.querySelector('.camp')!.textContent).toBe(`阵营：${camp}`);
        const badges = q(element, '[data-insights-for="a01000000000005AAA"] c-insight-badges');
        const badge = q(badges, '[data-code="INFLUENCED_AGAINST"]');
        expect(badge.textContent).toMatch(/^受反对方左右：李静[:：]/);
    });

    it('teaches the method in Chinese when the map is empty', async () => {
        const element = mount();
        graphqlAdapter.emit(dealEmpty);
        await flushPromises();
        expect(q(element, '.empty p').textContent).toContain('五个维度');
    });
});
