import { createElement } from 'lwc';
import { graphql } from 'lightning/graphql';
import { createRecord, deleteRecord } from 'lightning/uiRecordApi';
import StakeholderGrid from 'c/stakeholderGrid';
import { columnHeading } from '../gridRows';
import dealVitaminErp from '../../dealControlData/__tests__/data/dealVitaminErp.json';
import dealEmpty from '../../dealControlData/__tests__/data/dealEmpty.json';
import graphqlErrors from '../../dealControlData/__tests__/data/graphqlErrors.json';
import networkError from '../../dealControlData/__tests__/data/networkError.json';
import { fixClockAt, flushPromises, q, qa, text } from 'test-utils/domHelpers';

interface TestAdapter {
    emit(value: unknown, filter?: unknown, refresh?: () => Promise<void>): void;
    emitErrors(errors: unknown, filter?: unknown, refresh?: () => Promise<void>): void;
    getLastConfig(): Record<string, unknown>;
}
const graphqlAdapter = graphql as unknown as TestAdapter;
const mockedCreate = createRecord as unknown as jest.Mock;
const mockedDelete = deleteRecord as unknown as jest.Mock;

const OPPORTUNITY_ID = '006000000000001AAA';
const NOW = '2026-03-05T12:00:00.000Z';

type Data = typeof dealVitaminErp;
const clone = (data: Data): Data => JSON.parse(JSON.stringify(data));

function mount(): HTMLElement {
    const element = createElement('c-stakeholder-grid', { is: StakeholderGrid }) as HTMLElement & {
        recordId?: string;
    };
    element.recordId = OPPORTUNITY_ID;
    document.body.appendChild(element);
    return element;
}

const rowNames = (element: Element): string[] =>
    qa(element, 'tr.assessment .name').map((n) => n.textContent ?? '');
const rowOf = (element: Element, name: string): HTMLElement =>
    qa(element, 'tr.assessment').find((tr) => tr.querySelector('.name')!.textContent === name)!;
const cellText = (row: Element, selector: string): string =>
    (row.querySelector(selector)!.textContent ?? '').replace(/\s+/g, ' ').trim();
/** The insight badges shown under a person's row. */
const insightCodesOf = (element: Element, name: string): string[] => {
    const id = rowOf(element, name).dataset.row;
    const badges = element.shadowRoot!.querySelector(`tr[data-insights-for="${id}"] c-insight-badges`);
    return badges ? qa(badges, '[data-code]').map((b) => b.dataset.code ?? '') : [];
};
type Control = HTMLElement & { label: string; disabled: boolean };
const control = (root: Element, selector: string): Control => root.querySelector(selector) as Control;
/** The text of an error panel's part (heading, advice, details). */
const panelText = (element: Element, panel: string, part: string): string =>
    text(q(element, panel), `[data-id="error-${part}"]`);

/** A container as narrow as a phone: what ResizeObserver reports for the grid's own box. */
function containerWidth(width: number): void {
    (globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
        constructor(private readonly callback: (entries: unknown[]) => void) {}
        observe(): void {
            this.callback([{ contentRect: { width } }]);
        }
        disconnect(): void {}
    };
}

beforeEach(() => {
    fixClockAt(NOW);
});

afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
    jest.useRealTimers();
    delete (globalThis as unknown as { ResizeObserver?: unknown }).ResizeObserver;
});

describe('c-stakeholder-grid: loading, empty and error states', () => {
    it('asks for the one deal query with the page Opportunity and shows a spinner until it answers', async () => {
        const element = mount();
        await flushPromises();
        // The trend starts 90 days before the page's clock (2026-03-05).
        expect(graphqlAdapter.getLastConfig().variables).toEqual({
            opportunityId: OPPORTUNITY_ID,
            snapshotsSince: '2025-12-05'
        });
        const spinner = q(element, 'lightning-spinner') as HTMLElement & { alternativeText?: string };
        expect(spinner.alternativeText).toBe('Loading the buying committee…');
        expect(element.shadowRoot!.querySelector('table')).toBeNull();
        // Nothing can be added to a committee nobody has read yet.
        expect(control(element.shadowRoot! as unknown as Element, '[data-id="add"]').disabled).toBe(true);
    });

    it('teaches the method in two lines when nobody is mapped and no contact role exists', async () => {
        const element = mount();
        graphqlAdapter.emit(dealEmpty);
        await flushPromises();
        const lines = qa(element, '.empty p').map((p) => p.textContent);
        expect(lines).toHaveLength(2);
        expect(lines[0]).toContain('the five dimensions');
        expect(lines[1]).toContain('Every blank is a gap to close');
        expect(element.shadowRoot!.querySelector('table')).toBeNull();
        expect(element.shadowRoot!.querySelector('lightning-spinner')).toBeNull();
        const add = q(element, '[data-id="add"]') as Control;
        expect(add.label).toBe('Add stakeholder');
        expect(add.disabled).toBe(false);
    });

    it('says in plain words what failed and what to do, keeps the platform text for the details, and retries', async () => {
        const refresh = jest.fn().mockResolvedValue(undefined);
        const element = mount();
        graphqlAdapter.emitErrors(graphqlErrors, undefined, refresh);
        await flushPromises();
        expect(panelText(element, '.load-errors', 'heading')).toBe(
            'The buying committee could not be loaded.'
        );
        expect(panelText(element, '.load-errors', 'advice')).toBe(
            'Deal Control is not fully set up for you: a field or object is missing or hidden. Ask your Salesforce admin to check the installation and your permission set.'
        );
        expect(panelText(element, '.load-errors', 'details')).toContain(
            "Field 'Stakeholder_Assessment__c' in type 'RecordQuery' is undefined"
        );
        // The raw text goes to the console too, for whoever investigates.
        expect(console.error).toHaveBeenCalledWith(
            'Deal Control: The buying committee could not be loaded.',
            expect.stringContaining('Validation error of type FieldUndefined')
        );
        // A committee that could not be read gets no new member.
        expect((q(element, '[data-id="add"]') as Control).disabled).toBe(true);

        q(element, '.retry').click();
        await flushPromises();
        expect(refresh).toHaveBeenCalledTimes(1);
    });
});

describe('c-stakeholder-grid: a query that answers in part', () => {
    it('shows the committee that arrived and names what did not', async () => {
        // GraphQL can return data and errors together; the test adapter's base emit sends both.
        const emitBoth = Object.getPrototypeOf(graphqlAdapter).emit as (value: unknown) => void;
        const element = mount();
        emitBoth.call(graphqlAdapter, { data: dealVitaminErp, errors: graphqlErrors });
        await flushPromises();
        expect(panelText(element, '.load-errors', 'heading')).toBe(
            'Part of the deal could not be loaded; what is shown may be incomplete.'
        );
        expect((q(element, '.load-errors') as HTMLElement & { variant: string }).variant).toBe('warning');
        expect(cellText(rowOf(element, '王建'), 'td.role')).toBe('VP in charge');
        expect((q(element, '[data-id="add"]') as Control).disabled).toBe(false);
    });
});

describe('c-stakeholder-grid: the case-study committee', () => {
    it('shows one row per stakeholder with role, position badges, influence, the five dimensions and support', async () => {
        const element = mount();
        graphqlAdapter.emit(dealVitaminErp);
        await flushPromises();

        const wang = rowOf(element, '王建');
        expect(cellText(wang, 'th .name')).toBe('王建');
        expect(cellText(wang, 'th .title')).toBe('分管信息化副总');
        expect(cellText(wang, 'td.role')).toBe('VP in charge');
        // The position badges sit under the name, in the person's own cell.
        expect(cellText(wang, 'th.person .badge-top')).toBe('Top decision maker');
        expect(cellText(wang, 'th.person .badge-body')).toBe('Decision body');
        expect(cellText(wang, 'td.influence')).toBe('High');
        expect(cellText(wang, '[data-field="Dominant_Need__c"]')).toBe('Self-actualisation');
        expect(cellText(wang, '[data-field="Change_Attitude__c"]')).toBe('Visionary');
        expect(cellText(wang, '[data-field="Decision_Focus__c"]')).toBe('Business, Relationship');
        expect(cellText(wang, '[data-field="Contact_Closeness__c"]')).toBe('More');
        // The fifth dimension with the support index it gives.
        expect(cellText(wang, '[data-field="Attitude_To_Us__c"]')).toBe('+1 Supporter');
        expect(insightCodesOf(element, '王建')).toEqual([]);
        // Edit is the main action of a row; Delete a quieter icon, named for screen readers.
        expect(control(wang, 'lightning-button.edit').label).toBe('Edit');
        expect(
            (wang.querySelector('lightning-button-icon.delete') as HTMLElement & { alternativeText: string })
                .alternativeText
        ).toBe('Delete 王建');

        const zhang = rowOf(element, '张涛');
        expect(zhang.querySelector('.badge-top')).toBeNull();
        expect(zhang.querySelector('.badge-body')).toBeNull();
        expect(cellText(zhang, '.support')).toBe('-2 Opponent');
    });

    it('marks unknown cells as gaps in words, not colour alone, and shows the model insights as badges', async () => {
        const element = mount();
        graphqlAdapter.emit(dealVitaminErp);
        await flushPromises();
        const wangCheng = rowOf(element, '王乘');
        for (const field of [
            'Dominant_Need__c',
            'Change_Attitude__c',
            'Decision_Focus__c',
            'Attitude_To_Us__c'
        ]) {
            const span = wangCheng.querySelector(`[data-field="${field}"] span`)!;
            expect(span.textContent).toBe('Gap');
            expect(span.classList).toContain('gap');
        }
        expect(cellText(wangCheng, '[data-field="Contact_Closeness__c"]')).toBe('No contact');
        expect(cellText(wangCheng, '.support')).toBe('Gap');
        expect(insightCodesOf(element, '王乘')).toEqual(['KEY_PERSON_INCOMPLETE', 'KEY_PERSON_NO_CONTACT']);
        expect(
            text(
                q(element, '[data-insights-for="a01000000000005AAA"] c-insight-badges'),
                '[data-code="KEY_PERSON_NO_CONTACT"]'
            )
        ).toContain(
            'Key person, no contact: A key person (top decision maker or high influence) with no contact with us.'
        );
        expect(insightCodesOf(element, '李静')).toEqual(['MENTOR_LOW_CONTACT']);
        expect(insightCodesOf(element, '张涛')).toEqual(['OPPONENT_DEEP_CONTACT']);
    });

    it("shows each person's camp under the name, and nothing for a person whose camp is unknown", async () => {
        const element = mount();
        graphqlAdapter.emit(dealVitaminErp);
        await flushPromises();
        expect(cellText(rowOf(element, '王建'), 'th.person .camp')).toBe(
            "Camp: IT VP's side (分管信息化副总一方)"
        );
        expect(cellText(rowOf(element, '王乘'), 'th.person .camp')).toBe(
            "Camp: Executive VP's side (常务副总一方)"
        );
        expect(rowOf(element, '张涛').querySelector('.camp')).toBeNull();
    });

    it('names who pulls a person against us, scored live with the links even where the stored codes predate them', async () => {
        // 李静 turns against us: she strongly influences 王乘 (a sample link), so 王乘 is pulled
        // against us. 王乘's stored Insight_Codes__c was computed without the map and does not say so.
        const data = clone(dealVitaminErp);
        const people = data.uiapi.query.Stakeholder_Assessment__c.edges;
        people[5].node.Attitude_To_Us__c.value = 'Non_Supporter';
        expect(people[4].node.Insight_Codes__c.value).not.toContain('INFLUENCED_AGAINST');
        const element = mount();
        graphqlAdapter.emit(data);
        await flushPromises();
        expect(insightCodesOf(element, '王乘')).toEqual([
            'INFLUENCED_AGAINST',
            'KEY_PERSON_INCOMPLETE',
            'KEY_PERSON_NO_CONTACT'
        ]);
        const badge = q(element, '[data-insights-for="a01000000000005AAA"] c-insight-badges');
        expect(text(badge, '[data-code="INFLUENCED_AGAINST"]')).toMatch(
            /^Pulled against us: 李静: Someone who leans against us/
        );
        // A weak influence never pulls: 张涛 (an opponent) weakly influences 仇明.
        expect(insightCodesOf(element, '仇明')).not.toContain('INFLUENCED_AGAINST');
    });

    it('shows no pull where no link says so: without links nobody is pulled against us', async () => {
        const data = clone(dealVitaminErp);
        data.uiapi.query.Stakeholder_Assessment__c.edges[5].node.Attitude_To_Us__c.value = 'Non_Supporter';
        data.uiapi.query.Stakeholder_Link__c.edges = [];
        const element = mount();
        graphqlAdapter.emit(data);
        await flushPromises();
        expect(insightCodesOf(element, '王乘')).toEqual(['KEY_PERSON_INCOMPLETE', 'KEY_PERSON_NO_CONTACT']);
    });

    it('sums up the committee in the aggregate row', async () => {
        const element = mount();
        graphqlAdapter.emit(dealVitaminErp);
        await flushPromises();
        // Decision body with a known attitude: 王建 High +1, 仇明 High −1, 李静 Medium +2 (王乘 unknown):
        // (3·1 + 3·(−1) + 2·2) / (3 + 3 + 2) = 0.5.
        expect(text(element, '.weighted-support span')).toBe('+0.50');
        expect(text(element, '.weighted-support .body-count')).toBe(
            '2 of 4 decision-body members support us'
        );
        expect(qa(element, '.attitude-mix .mix-item').map((i) => i.textContent)).toEqual([
            'Mentor 2',
            'Supporter 1',
            'Neutral 0',
            'Non-supporter 1',
            'Opponent 1',
            'Unknown 1'
        ]);
        expect(text(element, '.coverage')).toBe('5 of 6 fully assessed (83%)');
        expect(text(element, '.mentor')).toBe('Yes');
        expect(text(element, '.top-dm')).toBe('Supporter');
    });

    it('flags a missing mentor and an unknown top decision maker as gaps', async () => {
        const data = clone(dealVitaminErp);
        const edges = data.uiapi.query.Stakeholder_Assessment__c.edges;
        data.uiapi.query.Stakeholder_Assessment__c.edges = edges.filter(
            (e) => !['王丽', '李静'].includes(e.node.Name.value as string)
        );
        for (const e of data.uiapi.query.Stakeholder_Assessment__c.edges) {
            if (e.node.Name.value === '王建') e.node.Top_Decision_Maker__c = { value: false };
        }
        const element = mount();
        graphqlAdapter.emit(data);
        await flushPromises();
        expect(text(element, '.mentor')).toBe('No — find one');
        expect(q(element, '.mentor span').classList).toContain('gap');
        expect(text(element, '.top-dm')).toBe('No top decision maker identified — a gap.');
    });

    it('sorts by a column with the keyboard-operable header buttons and announces the order', async () => {
        const element = mount();
        graphqlAdapter.emit(dealVitaminErp);
        await flushPromises();
        // Default: influence, high first; ties by name.
        expect(rowNames(element)).toEqual(['仇明', '王乘', '王建', '李静', '王丽', '张涛']);

        const supportButton = q<HTMLButtonElement>(element, 'button.sort[data-key="support"]');
        supportButton.click();
        await flushPromises();
        expect(rowNames(element)).toEqual(['张涛', '仇明', '王建', '李静', '王丽', '王乘']);
        expect(supportButton.closest('th')!.getAttribute('aria-sort')).toBe('ascending');
        expect(q(element, 'button.sort[data-key="influence"]').closest('th')!.getAttribute('aria-sort')).toBe(
            'none'
        );

        supportButton.click();
        await flushPromises();
        // Most supportive first; the unknown attitude stays last either way.
        expect(rowNames(element)).toEqual(['李静', '王丽', '王建', '仇明', '张涛', '王乘']);
        expect(supportButton.closest('th')!.getAttribute('aria-sort')).toBe('descending');

        q<HTMLButtonElement>(element, 'button.sort[data-key="role"]').click();
        await flushPromises();
        // The model's role order: general manager, VP in charge, CFO, head of IT, department head, IT staff.
        expect(rowNames(element)).toEqual(['王乘', '王建', '李静', '仇明', '王丽', '张涛']);
        expect(supportButton.tagName).toBe('BUTTON');
    });
});

describe('c-stakeholder-grid: who to work on next', () => {
    // Worked by hand from the fixture on 5 March 2026 (weight × summed severity):
    // 王乘 High + body = 4 × (attitude unknown 3 + no contact 2 + gaps 1) = 24;
    // 仇明 High + body = 4 × (non-supporter 3 + little contact 2) = 20;
    // 李静 Medium + body = 3 × (little contact 2) = 6; 张涛 Low = 1 × (opponent 3) = 3 (fourth, not shown);
    // 王建, 王丽: nothing to fix (王建's next action is due on 20 March).
    it('names the three most urgent people with their reasons and the first action', async () => {
        const element = mount();
        graphqlAdapter.emit(dealVitaminErp);
        await flushPromises();
        expect(text(element, '.work-next h3')).toBe('Work on next');
        const items = qa(element, '.work-next-item').map((li) => [
            cellText(li, '.work-next-who'),
            cellText(li, '.work-next-action')
        ]);
        expect(items).toEqual([
            [
                '王乘 — Attitude unknown · Too little contact · Dimensions unknown.',
                'Find out where this person stands: ask your coach.'
            ],
            [
                '仇明 — Against us · Too little contact.',
                "Learn why, stay courteous and factual, share nothing confidential, and earn others' support on the merits."
            ],
            ['李静 — Too little contact.', 'Plan a meeting, introduced by someone they trust.']
        ]);
        // A separator never starts a wrapped line: it is tied to the reason before it.
        expect(text(element, '.work-next-item:first-child .work-next-reasons')).toBe(
            '— Attitude unknown · Too little contact · Dimensions unknown.'
        );
        expect(q(element, '.work-next-item:first-child .work-next-reasons').textContent).toContain(
            '\u00a0· '
        );
    });

    it('adds an overdue next action to the reasons once its date has passed', async () => {
        jest.setSystemTime(new Date('2026-03-21T12:00:00.000Z'));
        const element = mount();
        graphqlAdapter.emit(dealVitaminErp);
        await flushPromises();
        // 王建 High + top DM + body = 7 × (overdue 2) = 14: third, ahead of 李静.
        const names = qa(element, '.work-next-open').map((b) => (b.textContent ?? '').trim());
        expect(names).toEqual(['王乘', '仇明', '王建']);
        expect(text(element, '.work-next-item:nth-child(3) .work-next-reasons')).toBe(
            '— Next action overdue.'
        );
    });

    it('opens the editor on the person when the name is activated', async () => {
        const element = mount();
        graphqlAdapter.emit(dealVitaminErp);
        await flushPromises();
        const open = qa<HTMLButtonElement>(element, '.work-next-open')[0];
        expect(open.getAttribute('aria-label')).toBe('Edit 王乘');
        open.click();
        await flushPromises();
        const editor = q(element, 'c-stakeholder-editor') as HTMLElement & {
            record: Record<string, unknown>;
        };
        expect(editor.record).toMatchObject({ Name: '王乘' });
    });

    it('shows no list when nobody has anything to fix', async () => {
        const element = mount();
        graphqlAdapter.emit(dealEmpty);
        await flushPromises();
        expect(element.shadowRoot!.querySelector('.work-next')).toBeNull();
    });
});

describe('c-stakeholder-grid: contact roles not yet assessed', () => {
    it('lists contact roles without an assessment as "not yet assessed"', async () => {
        const element = mount();
        graphqlAdapter.emit(dealVitaminErp);
        await flushPromises();
        const placeholders = qa(element, 'tr.placeholder');
        expect(placeholders.map((tr) => tr.querySelector('.name')!.textContent)).toEqual(['夏宏', '赵芳']);
        expect(cellText(placeholders[0], '.not-assessed')).toBe('Not yet assessed');
        expect(cellText(placeholders[0], '.contact-role')).toBe('Contact role: Influencer');
        expect(cellText(placeholders[1], '.contact-role')).toBe('');
        expect(
            (placeholders[0].querySelector('lightning-button.assess') as HTMLElement & { ariaLabel: string })
                .ariaLabel
        ).toBe('Assess 夏宏');
    });

    it('turns a placeholder into an assessment in one action and opens it in the editor', async () => {
        const refresh = jest.fn().mockResolvedValue(undefined);
        mockedCreate.mockResolvedValue({ id: 'a01000000000007AAA' });
        const element = mount();
        graphqlAdapter.emit(dealVitaminErp, undefined, refresh);
        await flushPromises();
        q(element, 'tr.placeholder lightning-button.assess').click();
        await flushPromises();

        expect(mockedCreate).toHaveBeenCalledTimes(1);
        expect(mockedCreate.mock.calls[0][0]).toEqual({
            apiName: 'Stakeholder_Assessment__c',
            fields: {
                Opportunity__c: OPPORTUNITY_ID,
                Contact__c: '003000000000007AAA',
                Name: '夏宏',
                Title__c: '分管生产副总',
                Support_Index__c: null,
                Completeness__c: 0,
                Insight_Codes__c: null,
                Model_Version__c: 'C139-v1.1.0',
                Scored_At__c: NOW
            }
        });
        expect(refresh).toHaveBeenCalledTimes(1);

        const data = clone(dealVitaminErp);
        const edges = data.uiapi.query.Stakeholder_Assessment__c.edges as Array<{
            node: Record<string, unknown>;
        }>;
        edges.push({
            node: {
                ...data.uiapi.query.Stakeholder_Assessment__c.edges[4].node,
                Id: 'a01000000000007AAA',
                Name: { value: '夏宏' },
                Contact__c: { value: '003000000000007AAA' },
                Title__c: { value: '分管生产副总' },
                LastModifiedDate: { value: NOW }
            }
        });
        graphqlAdapter.emit(data, undefined, refresh);
        await flushPromises();
        const editor = q(element, 'c-stakeholder-editor') as HTMLElement & {
            record: Record<string, unknown>;
        };
        expect(editor.record.Id).toBe('a01000000000007AAA');
        expect(qa(element, 'tr.placeholder').map((tr) => tr.querySelector('.name')!.textContent)).toEqual([
            '赵芳'
        ]);
    });

    it('keeps the placeholder and explains when creating the assessment fails', async () => {
        mockedCreate.mockRejectedValue(networkError);
        const element = mount();
        graphqlAdapter.emit(dealVitaminErp);
        await flushPromises();
        q(element, 'tr.placeholder lightning-button.assess').click();
        await flushPromises();
        expect(panelText(element, '.action-errors', 'heading')).toBe('The assessment could not be started.');
        expect(panelText(element, '.action-errors', 'advice')).toBe(
            'Salesforce could not be reached. Check your connection, then try again.'
        );
        expect(panelText(element, '.action-errors', 'details')).toContain('Failed to fetch');
        expect(qa(element, 'tr.placeholder')).toHaveLength(2);
        await expect(element).toBeAccessible();
    });
});

describe('c-stakeholder-grid: add, edit and delete', () => {
    it('opens a blank editor for the Opportunity and refreshes after the save', async () => {
        const refresh = jest.fn().mockResolvedValue(undefined);
        const element = mount();
        graphqlAdapter.emit(dealVitaminErp, undefined, refresh);
        await flushPromises();
        q(element, '[data-id="add"]').click();
        await flushPromises();
        const editor = q(element, 'c-stakeholder-editor') as HTMLElement & {
            record: unknown;
            opportunityId: string;
        };
        expect(editor.record).toBeNull();
        expect(editor.opportunityId).toBe(OPPORTUNITY_ID);

        editor.dispatchEvent(new CustomEvent('saved', { detail: { recordId: 'a01000000000012AAA' } }));
        await flushPromises();
        expect(refresh).toHaveBeenCalledTimes(1);
        expect(element.shadowRoot!.querySelector('c-stakeholder-editor')).toBeNull();
    });

    it('edits a row, hands the editor the newer version after a conflict, and closes on cancel', async () => {
        const refresh = jest.fn().mockResolvedValue(undefined);
        const element = mount();
        graphqlAdapter.emit(dealVitaminErp, undefined, refresh);
        await flushPromises();
        const editButton = rowOf(element, '王建').querySelector('lightning-button.edit') as HTMLElement & {
            ariaLabel: string;
        };
        expect(editButton.ariaLabel).toBe('Edit 王建');
        editButton.click();
        await flushPromises();
        const editor = q(element, 'c-stakeholder-editor') as HTMLElement & {
            record: Record<string, unknown>;
        };
        expect(editor.record).toMatchObject({
            Id: 'a01000000000001AAA',
            LastModifiedDate: '2026-03-02T01:15:00.000Z'
        });

        editor.dispatchEvent(new CustomEvent('conflict', { detail: { recordId: 'a01000000000001AAA' } }));
        await flushPromises();
        expect(refresh).toHaveBeenCalledTimes(1);
        const data = clone(dealVitaminErp);
        const node = data.uiapi.query.Stakeholder_Assessment__c.edges[0].node;
        node.Attitude_To_Us__c = { value: 'Neutral' };
        node.LastModifiedDate = { value: '2026-03-05T11:00:00.000Z' };
        graphqlAdapter.emit(data, undefined, refresh);
        await flushPromises();
        expect(editor.record).toMatchObject({
            Id: 'a01000000000001AAA',
            Attitude_To_Us__c: 'Neutral',
            LastModifiedDate: '2026-03-05T11:00:00.000Z'
        });

        editor.dispatchEvent(new CustomEvent('cancel'));
        await flushPromises();
        expect(element.shadowRoot!.querySelector('c-stakeholder-editor')).toBeNull();
    });

    it('deletes only after an explicit confirmation, then refreshes', async () => {
        const refresh = jest.fn().mockResolvedValue(undefined);
        mockedDelete.mockResolvedValue(undefined);
        const element = mount();
        const toast = jest.fn();
        element.addEventListener('lightning__showtoast', toast);
        graphqlAdapter.emit(dealVitaminErp, undefined, refresh);
        await flushPromises();

        rowOf(element, '张涛').querySelector<HTMLElement>('lightning-button-icon.delete')!.click();
        await flushPromises();
        expect(mockedDelete).not.toHaveBeenCalled();
        // The question sits in its own row right under the person.
        const confirmRow = rowOf(element, '张涛').nextElementSibling!.nextElementSibling!;
        expect(confirmRow.classList).toContain('confirm-row');
        const confirmation = confirmRow.querySelector('c-delete-confirmation')!;
        expect(text(confirmation, '.confirm-text')).toBe('Delete the assessment of 张涛?');
        await expect(element).toBeAccessible();

        q(q(element, 'tr.confirm-row c-delete-confirmation'), 'lightning-button.keep').click();
        await flushPromises();
        expect(element.shadowRoot!.querySelector('c-delete-confirmation')).toBeNull();

        rowOf(element, '张涛').querySelector<HTMLElement>('lightning-button-icon.delete')!.click();
        await flushPromises();
        q(q(element, 'tr.confirm-row c-delete-confirmation'), 'lightning-button.confirm-delete').click();
        await flushPromises();
        expect(mockedDelete).toHaveBeenCalledWith('a01000000000004AAA');
        expect(toast.mock.calls[0][0].detail).toMatchObject({
            title: 'Assessment deleted',
            variant: 'success'
        });
        expect(refresh).toHaveBeenCalledTimes(1);
    });

    it('explains a failed delete and keeps the row', async () => {
        mockedDelete.mockRejectedValue({
            status: 403,
            body: [
                {
                    errorCode: 'INSUFFICIENT_ACCESS_OR_READONLY',
                    message: 'insufficient access rights on object id'
                }
            ]
        });
        const element = mount();
        graphqlAdapter.emit(dealVitaminErp);
        await flushPromises();
        rowOf(element, '张涛').querySelector<HTMLElement>('lightning-button-icon.delete')!.click();
        await flushPromises();
        q(q(element, 'tr.confirm-row c-delete-confirmation'), 'lightning-button.confirm-delete').click();
        await flushPromises();
        expect(panelText(element, '.action-errors', 'heading')).toBe('The assessment was not deleted.');
        expect(panelText(element, '.action-errors', 'advice')).toBe(
            'You do not have access to this. Ask your Salesforce admin to give you the Deal Control permission set.'
        );
        expect(panelText(element, '.action-errors', 'details')).toContain(
            'insufficient access rights on object id'
        );
        expect(rowNames(element)).toContain('张涛');
    });
});

describe('c-stakeholder-grid: the editor opens right under the person', () => {
    it('puts the editor panel in the row after the clicked person, and gives focus back to Edit on cancel', async () => {
        const element = mount();
        graphqlAdapter.emit(dealVitaminErp);
        await flushPromises();
        const row = rowOf(element, '王丽');
        const before = rowNames(element);
        (row.querySelector('lightning-button.edit') as HTMLElement).click();
        await flushPromises();
        // The clicked row keeps its place: the panel is the very next row, nothing moved above it.
        expect(row.nextElementSibling!.classList).toContain('editor-row');
        expect(rowNames(element)).toEqual(before);
        const editor = q(element, 'tr.editor-row c-stakeholder-editor') as HTMLElement & {
            record: Record<string, unknown>;
        };
        expect(editor.record).toMatchObject({ Name: '王丽' });

        const edit = row.querySelector('lightning-button.edit') as HTMLElement & { focus: () => void };
        const focus = jest.fn();
        edit.focus = focus;
        editor.dispatchEvent(new CustomEvent('cancel'));
        await flushPromises();
        expect(element.shadowRoot!.querySelector('tr.editor-row')).toBeNull();
        expect(focus).toHaveBeenCalled();
    });
});

describe('c-stakeholder-grid on a phone (a narrow container)', () => {
    it('shows the summary and "Work on next" first, then one compact card per person with details on tap', async () => {
        containerWidth(390);
        const element = mount();
        graphqlAdapter.emit(dealVitaminErp);
        await flushPromises();

        expect(element.shadowRoot!.querySelector('table')).toBeNull();
        const order = qa(element, '.summary, .work-next, .cards').map((e) => e.className.split(' ')[0]);
        expect(order).toEqual(['summary', 'work-next', 'cards']);
        // The summary's heading once, and not the card's title again.
        expect(qa(element, 'h3').filter((h) => h.textContent === 'The committee at a glance')).toHaveLength(
            1
        );

        const cards = qa(element, 'li.person-card.assessment');
        expect(cards.map((c) => cellText(c, '.name'))).toEqual([
            '仇明',
            '王乘',
            '王建',
            '李静',
            '王丽',
            '张涛'
        ]);
        const wangCheng = cards[1];
        expect(cellText(wangCheng, '.card-line')).toBe('General manager · Influence: High');
        expect(cellText(wangCheng, '.card-support')).toBe('Gap');
        expect(cellText(wangCheng, '.card-gaps')).toBe(
            'Gaps: Dominant need, Attitude to change, Decision focus, Attitude to us'
        );
        expect(
            qa(wangCheng.querySelector('c-insight-badges')!, '[data-code]').map((b) => b.dataset.code)
        ).toEqual(['KEY_PERSON_INCOMPLETE', 'KEY_PERSON_NO_CONTACT']);
        expect(cellText(cards[2], '.card-gaps')).toBe('All five dimensions known');
        expect(cellText(wangCheng, '.card-who .camp')).toBe("Camp: Executive VP's side (常务副总一方)");
        // The five dimensions and Delete wait behind "Details".
        const details = wangCheng.querySelector('details.card-details') as HTMLDetailsElement;
        expect(details.open).toBe(false);
        expect(cellText(details, '[data-field="Contact_Closeness__c"] dd')).toBe('No contact');
        expect(details.querySelector('lightning-button.delete')).not.toBeNull();
    });

    it('opens the editor inside the card that was tapped', async () => {
        containerWidth(390);
        const element = mount();
        graphqlAdapter.emit(dealVitaminErp);
        await flushPromises();
        const card = qa(element, 'li.person-card.assessment')[3];
        (card.querySelector('lightning-button.edit') as HTMLElement).click();
        await flushPromises();
        expect(
            (card.querySelector('c-stakeholder-editor') as HTMLElement & { record: { Name: string } }).record
                .Name
        ).toBe('李静');
        // The grid hands the editor the deal it loaded: the people to link to and their links.
        const handed = (
            card.querySelector('c-stakeholder-editor') as HTMLElement & {
                deal: { assessments: unknown[]; politicalMap: { links: unknown[] } };
            }
        ).deal;
        expect(handed.assessments).toHaveLength(6);
        expect(handed.politicalMap.links).toHaveLength(6);
    });
});

describe('columnHeading', () => {
    it("drops a model label's closing explanation in parentheses, and keeps any other label whole", () => {
        expect(columnHeading('主导需求（马斯洛需求层次）')).toBe('主导需求');
        expect(columnHeading('Dominant need (Maslow)')).toBe('Dominant need');
        expect(columnHeading('对我方的态度（支持度）')).toBe('对我方的态度');
        expect(columnHeading('Decision focus')).toBe('Decision focus');
        expect(columnHeading('（说明）')).toBe('（说明）');
    });
});
