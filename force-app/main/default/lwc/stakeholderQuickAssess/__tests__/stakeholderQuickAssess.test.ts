import { createElement } from 'lwc';
import { graphql } from 'lightning/graphql';
import { createRecord } from 'lightning/uiRecordApi';
import StakeholderQuickAssess from 'c/stakeholderQuickAssess';
import dealVitaminErp from '../../dealControlData/__tests__/data/dealVitaminErp.json';
import graphqlErrors from '../../dealControlData/__tests__/data/graphqlErrors.json';
import { flushPromises, q, qa, text } from 'test-utils/domHelpers';

interface TestAdapter {
    emit(value: unknown, filter?: unknown, refresh?: () => Promise<void>): void;
    emitErrors(errors: unknown, filter?: unknown, refresh?: () => Promise<void>): void;
    getLastConfig(): Record<string, unknown>;
}
const graphqlAdapter = graphql as unknown as TestAdapter;
const OPPORTUNITY_ID = '006000000000001AAA';

type Editor = HTMLElement & { record: Record<string, unknown> | null; opportunityId: string };

function mount(): HTMLElement {
    const element = createElement('c-stakeholder-quick-assess', {
        is: StakeholderQuickAssess
    }) as HTMLElement & {
        recordId?: string;
    };
    element.recordId = OPPORTUNITY_ID;
    document.body.appendChild(element);
    return element;
}

function choose(element: Element, value: string): void {
    const select = q<HTMLSelectElement>(element, 'select.who');
    select.value = value;
    select.dispatchEvent(new CustomEvent('change'));
}

afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
});

describe('c-stakeholder-quick-assess', () => {
    it('loads the deal with the same query as the page and offers the people on and off the map', async () => {
        const element = mount();
        await flushPromises();
        expect(graphqlAdapter.getLastConfig().variables).toEqual({
            opportunityId: OPPORTUNITY_ID,
            snapshotsSince: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/)
        });
        expect(element.shadowRoot!.querySelector('lightning-spinner')).not.toBeNull();

        graphqlAdapter.emit(dealVitaminErp);
        await flushPromises();
        expect(text(element, 'h2')).toBe('Assess a stakeholder');
        // One heading: the embedded editor does not repeat it.
        expect(qa(element, 'h2')).toHaveLength(1);
        expect(
            (q(element, 'c-stakeholder-editor') as HTMLElement & { hideHeading: boolean }).hideHeading
        ).toBe(true);
        expect(q(element, 'c-stakeholder-editor').shadowRoot!.querySelector('h2')).toBeNull();
        // The editor links people and scores with the political map of the deal the action loaded.
        const handed = (q(element, 'c-stakeholder-editor') as HTMLElement & { deal: { links: unknown[] } })
            .deal;
        expect(handed.links).toHaveLength(6);
        const groups = qa<HTMLOptGroupElement>(element, 'optgroup').map((g) => [
            g.label,
            Array.from(g.querySelectorAll('option')).map((o) => o.textContent!.trim())
        ]);
        expect(groups).toEqual([
            [
                'On the map',
                [
                    '王建 (分管信息化副总)',
                    '仇明 (信息部负责人)',
                    '王丽 (综合管理部经理)',
                    '张涛 (信息部工程师)',
                    '王乘 (常务副总)',
                    '李静 (财务部经理)'
                ]
            ],
            ['Contact roles not yet assessed', ['夏宏 (分管生产副总)', '赵芳 (AMT咨询顾问)']]
        ]);
        expect(q<HTMLSelectElement>(element, 'select.who').value).toBe('new');
        const editor = q(element, 'c-stakeholder-editor') as Editor;
        expect(editor.record).toBeNull();
        expect(editor.opportunityId).toBe(OPPORTUNITY_ID);
    });

    it('opens the editor on the chosen person: an assessment to update or a contact role as a prefill', async () => {
        const element = mount();
        graphqlAdapter.emit(dealVitaminErp);
        await flushPromises();
        choose(element, 'a:a01000000000002AAA');
        await flushPromises();
        const editor = q(element, 'c-stakeholder-editor') as Editor;
        expect(editor.record).toMatchObject({ Id: 'a01000000000002AAA', Name: '仇明' });

        choose(element, 'c:00K000000000007AAA');
        await flushPromises();
        expect(editor.record).toEqual({
            Name: '夏宏',
            Title__c: '分管生产副总',
            Contact__c: '003000000000007AAA'
        });

        choose(element, 'new');
        await flushPromises();
        expect(editor.record).toBeNull();
    });

    // The Aura quick action (aura/stakeholderQuickAssessAction) closes on this "close" event and
    // refreshes the record page when detail.saved is true.
    it('saves through the editor, refreshes the shared query and closes the action', async () => {
        const refresh = jest.fn().mockResolvedValue(undefined);
        (createRecord as unknown as jest.Mock).mockResolvedValue({ id: 'a01000000000013AAA' });
        const element = mount();
        const close = jest.fn();
        element.addEventListener('close', close);
        graphqlAdapter.emit(dealVitaminErp, undefined, refresh);
        await flushPromises();
        choose(element, 'c:00K000000000007AAA');
        await flushPromises();

        const editor = q(element, 'c-stakeholder-editor') as Editor;
        q(editor, 'lightning-button.save').click();
        await flushPromises();

        const fields = (createRecord as unknown as jest.Mock).mock.calls[0][0].fields;
        expect(fields).toMatchObject({
            Opportunity__c: OPPORTUNITY_ID,
            Contact__c: '003000000000007AAA',
            Name: '夏宏',
            Title__c: '分管生产副总'
        });
        expect(refresh).toHaveBeenCalledTimes(1);
        expect(close).toHaveBeenCalledTimes(1);
        expect(close.mock.calls[0][0].detail).toEqual({ saved: true });
    });

    it('closes without saving on cancel', async () => {
        const element = mount();
        const close = jest.fn();
        element.addEventListener('close', close);
        graphqlAdapter.emit(dealVitaminErp);
        await flushPromises();
        q(element, 'c-stakeholder-editor').dispatchEvent(new CustomEvent('cancel'));
        expect(close).toHaveBeenCalledTimes(1);
        expect(close.mock.calls[0][0].detail).toEqual({ saved: false });
        expect(createRecord).not.toHaveBeenCalled();
    });

    it('reloads after a conflict and hands the editor the newer version', async () => {
        const refresh = jest.fn().mockResolvedValue(undefined);
        const element = mount();
        graphqlAdapter.emit(dealVitaminErp, undefined, refresh);
        await flushPromises();
        choose(element, 'a:a01000000000001AAA');
        await flushPromises();
        const editor = q(element, 'c-stakeholder-editor') as Editor;
        editor.dispatchEvent(new CustomEvent('conflict'));
        await flushPromises();
        expect(refresh).toHaveBeenCalledTimes(1);

        const data = JSON.parse(JSON.stringify(dealVitaminErp));
        data.uiapi.query.Stakeholder_Assessment__c.edges[0].node.LastModifiedDate = {
            value: '2026-03-05T11:00:00.000Z'
        };
        graphqlAdapter.emit(data, undefined, refresh);
        await flushPromises();
        expect(editor.record).toMatchObject({
            Id: 'a01000000000001AAA',
            LastModifiedDate: '2026-03-05T11:00:00.000Z'
        });
    });

    it('still lets the rep assess someone new when the committee cannot be loaded', async () => {
        const element = mount();
        graphqlAdapter.emitErrors(graphqlErrors);
        await flushPromises();
        const panel = q(element, '.load-errors');
        expect(text(panel, '[data-id="error-heading"]')).toBe(
            'The buying committee could not be loaded; you can still assess someone new.'
        );
        expect((panel as HTMLElement & { variant: string }).variant).toBe('warning');
        expect(element.shadowRoot!.querySelector('optgroup')).toBeNull();
        expect((q(element, 'c-stakeholder-editor') as Editor).opportunityId).toBe(OPPORTUNITY_ID);
    });
});
