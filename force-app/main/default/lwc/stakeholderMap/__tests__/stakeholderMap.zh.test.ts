import { createElement } from 'lwc';
import { graphql } from 'lightning/graphql';
import StakeholderMap from 'c/stakeholderMap';
import dealVitaminErp from '../../dealControlData/__tests__/data/dealVitaminErp.json';
import { flushPromises, q, qa, text } from 'test-utils/domHelpers';

jest.mock('@salesforce/i18n/lang', () => ({ __esModule: true, default: 'zh-CN' }), { virtual: true });

const graphqlAdapter = graphql as unknown as { emit(value: unknown): void };

afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
});

async function mount(): Promise<HTMLElement> {
    const element = createElement('c-stakeholder-map', { is: StakeholderMap }) as HTMLElement & {
        recordId?: string;
    };
    element.recordId = '006000000000001AAA';
    document.body.appendChild(element);
    graphqlAdapter.emit(dealVitaminErp);
    await flushPromises();
    return element;
}

describe('c-stakeholder-map in Simplified Chinese', () => {
    it('uses the glossary’s terms, full-width punctuation and the model’s link sentences', async () => {
        const element = await mount();
        expect(text(element, 'h2')).toBe('政治派系图');
        // The camp is the rep's own free text (here from the sample data), shown as written.
        const camp = dealVitaminErp.uiapi.query.Stakeholder_Assessment__c.edges[0].node.Camp__c.value;
        expect(q(element, 'g.person[data-person="a01000000000001AAA"]').getAttribute('aria-label')).toBe(
            `王建 +1：分管副总；最高决策者；决策机构；对我方的态度：支持者；影响力：高；联系紧密度：联系较多；阵营：${camp}`
        );
        q(element, '[data-id="view-list"]').click();
        await flushPromises();
        expect(qa(element, '.list-line .sentence').map((s) => s.textContent)).toContain(
            '王丽为王乘代言（强度：强）'
        );
        expect(qa(element, '.camp .camp-title').map((h) => h.textContent)).toContain('阵营尚不清楚');
    });
});
