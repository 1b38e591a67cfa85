import { createElement } from 'lwc';
import { createRecord, deleteRecord, updateRecord } from 'lightning/uiRecordApi';
import StakeholderEditor from 'c/stakeholderEditor';
import { AssessmentRecord, DealSnapshot, toDealSnapshot } from 'c/dealControlData';
import dealVitaminErp from '../../dealControlData/__tests__/data/dealVitaminErp.json';
import networkError from '../../dealControlData/__tests__/data/networkError.json';
import saveConflict from '../../dealControlData/__tests__/data/saveConflict.json';
import duplicateLink from '../../stakeholderLinkWrites/__tests__/data/duplicateLink.json';
import { fixClockAt, flushPromises, q, qa, text, type } from 'test-utils/domHelpers';

const mockedCreate = createRecord as unknown as jest.Mock;
const mockedUpdate = updateRecord as unknown as jest.Mock;
const mockedDelete = deleteRecord as unknown as jest.Mock;

const OPPORTUNITY_ID = '006000000000001AAA';
const NOW = '2026-03-05T12:00:00.000Z';
const WANG_JIAN = 'a01000000000001AAA';
const QIU_MING = 'a01000000000002AAA';
const WANG_LI = 'a01000000000003AAA';
const ZHANG_TAO = 'a01000000000004AAA';
const WANG_CHENG = 'a01000000000005AAA';

type Editor = HTMLElement & { opportunityId?: string; record?: unknown; deal?: DealSnapshot | null };
type Combo = HTMLElement & {
    value: string;
    options: Array<{ value: string; label: string }>;
    label: string;
    setCustomValidity: (message: string) => void;
    reportValidity: () => boolean;
};

const deal = (): DealSnapshot => toDealSnapshot(dealVitaminErp);
const person = (id: string): AssessmentRecord => deal().assessments.find((a) => a.Id === id)!;

function mount(record: unknown, snapshot: DealSnapshot | null = deal()): Editor {
    const element = createElement('c-stakeholder-editor', { is: StakeholderEditor }) as Editor;
    element.opportunityId = OPPORTUNITY_ID;
    element.deal = snapshot;
    element.record = record;
    document.body.appendChild(element);
    return element;
}

const group = (element: Element, kind: string): HTMLElement => q(element, `fieldset[data-kind="${kind}"]`);
const rowsOf = (element: Element, kind: string): HTMLElement[] =>
    Array.from(group(element, kind).querySelectorAll<HTMLElement>('li.relation-row'));
const personOf = (row: Element): Combo => row.querySelector('.link-person') as Combo;
const strengthOf = (row: Element): Combo => row.querySelector('.link-strength') as Combo;

function choose(combo: Combo, value: string): void {
    combo.value = value;
    combo.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

async function addRow(element: Element, kind: string): Promise<HTMLElement> {
    (group(element, kind).querySelector('lightning-button.add-link') as HTMLElement).click();
    await flushPromises();
    const rows = rowsOf(element, kind);
    return rows[rows.length - 1];
}

/** Records the messages set on a row's person picker (how base inputs show a field error). */
function watch(combo: Combo): jest.Mock {
    const spy = jest.fn();
    combo.setCustomValidity = spy;
    combo.reportValidity = () => true;
    return spy;
}

const lastOf = (spy: jest.Mock): string | undefined => spy.mock.calls.at(-1)?.[0];

async function save(element: Element): Promise<void> {
    q<HTMLElement>(element, 'lightning-button.save').click();
    await flushPromises();
    await flushPromises();
}

const liveCodes = (element: Element): string[] =>
    qa(element, '[data-id="live"] li[data-code]').map((li) => li.dataset.code ?? '');

beforeEach(() => fixClockAt(NOW));

afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
    jest.useRealTimers();
});

describe('c-stakeholder-editor: relationships', () => {
    it("shows the person's stored links by kind, the camp, the other lines as sentences, and is accessible", async () => {
        const element = mount(person(QIU_MING));
        await flushPromises();

        expect(text(element, 'details[data-section="relationships"] summary')).toBe('Relationships');
        const camp = q<HTMLElement & { value: string; maxLength: number }>(
            element,
            '.field[data-field="Camp__c"]'
        );
        expect(camp.value).toBe("IT VP's side (分管信息化副总一方)");
        expect(camp.maxLength).toBe(40);

        const [reportsTo] = rowsOf(element, 'reportsTo');
        expect(personOf(reportsTo).value).toBe(WANG_JIAN);
        expect(strengthOf(reportsTo).value).toBe('Strong');
        // The picker offers the deal's other people, never the person being edited.
        const offered = personOf(reportsTo).options.map((o) => o.value);
        expect(offered).toContain(WANG_CHENG);
        expect(offered).not.toContain(QIU_MING);
        expect(personOf(reportsTo).label).toBe('Reports to: Person');
        expect(strengthOf(reportsTo).label).toBe('Strength: 仇明 reports to 王建');

        // 张涛 influences 仇明, weakly; a blank strength shows as "not set".
        const [influencedBy] = rowsOf(element, 'influencedBy');
        expect(personOf(influencedBy).value).toBe(ZHANG_TAO);
        expect(strengthOf(influencedBy).value).toBe('Weak');
        expect(rowsOf(element, 'actsFor')).toHaveLength(0);
        // 张涛 reports to 仇明: a line of someone else's, listed but edited in 张涛's assessment.
        expect(qa(element, '.other-links li').map((li) => li.textContent)).toEqual(['张涛 reports to 仇明']);

        await expect(element).toBeAccessible();
    });

    it('shows INFLUENCED_AGAINST live as soon as an opponent is added, and saves the link before the assessment', async () => {
        const element = mount(person(WANG_JIAN));
        await flushPromises();
        expect(liveCodes(element)).not.toContain('INFLUENCED_AGAINST');

        const row = await addRow(element, 'influencedBy');
        choose(personOf(row), ZHANG_TAO);
        await flushPromises();
        expect(liveCodes(element)).toContain('INFLUENCED_AGAINST');

        mockedCreate.mockResolvedValue({ id: 'a03000000000009AAA', lastModifiedDate: NOW });
        mockedUpdate.mockResolvedValue({ id: WANG_JIAN });
        const saved = jest.fn();
        element.addEventListener('saved', saved);
        await save(element);

        expect(mockedCreate).toHaveBeenCalledWith({
            apiName: 'Stakeholder_Link__c',
            fields: {
                Opportunity__c: OPPORTUNITY_ID,
                From_Stakeholder__c: ZHANG_TAO,
                To_Stakeholder__c: WANG_JIAN,
                Link_Type__c: 'Influences',
                Strength__c: null,
                Evidence__c: null
            }
        });
        const [assessment, options] = mockedUpdate.mock.calls[0];
        expect(assessment.fields.Id).toBe(WANG_JIAN);
        // The stored codes are computed with the new line.
        expect(assessment.fields.Insight_Codes__c).toBe('INFLUENCED_AGAINST');
        expect(options).toEqual({ ifUnmodifiedSince: person(WANG_JIAN).LastModifiedDate });
        expect(mockedCreate.mock.invocationCallOrder[0]).toBeLessThan(
            mockedUpdate.mock.invocationCallOrder[0]
        );
        expect(saved).toHaveBeenCalledTimes(1);
    });

    it('changes a link with the version the rep saw, then the assessment', async () => {
        const element = mount(person(QIU_MING));
        await flushPromises();
        const [reportsTo] = rowsOf(element, 'reportsTo');
        choose(personOf(reportsTo), WANG_CHENG);
        choose(strengthOf(reportsTo), 'Medium');
        mockedUpdate.mockResolvedValue({ id: 'x', lastModifiedDate: NOW });
        await save(element);

        expect(mockedUpdate).toHaveBeenCalledTimes(2);
        expect(mockedUpdate.mock.calls[0]).toEqual([
            {
                fields: {
                    Id: 'a03000000000001AAA',
                    From_Stakeholder__c: QIU_MING,
                    To_Stakeholder__c: WANG_CHENG,
                    Link_Type__c: 'Reports_To',
                    Strength__c: 'Medium',
                    // The section does not edit the evidence: it is sent back as stored, never wiped.
                    Evidence__c: expect.stringContaining('reports to the VP')
                }
            },
            { ifUnmodifiedSince: '2026-03-02T02:01:00.000Z' }
        ]);
        expect(mockedUpdate.mock.calls[1][0].fields.Id).toBe(QIU_MING);
        expect(mockedCreate).not.toHaveBeenCalled();
    });

    it('marks a stored link for removal with Undo, and removes it on save after the conflict check', async () => {
        const element = mount(person(WANG_LI));
        await flushPromises();
        const [actsFor] = rowsOf(element, 'actsFor');
        expect(personOf(actsFor).value).toBe(WANG_CHENG);

        const focus = jest.spyOn(HTMLElement.prototype, 'focus');
        (actsFor.querySelector('lightning-button-icon.remove-link') as HTMLElement).click();
        await flushPromises();
        expect(rowsOf(element, 'actsFor')[0].querySelector('.removed-note')!.textContent).toBe(
            'Removed when you save: 王丽 acts for 王乘'
        );
        // Focus stays with the row: on Undo.
        expect(focus.mock.contexts.at(-1)).toBe(
            rowsOf(element, 'actsFor')[0].querySelector('lightning-button.undo-remove')
        );
        focus.mockRestore();
        (rowsOf(element, 'actsFor')[0].querySelector('lightning-button.undo-remove') as HTMLElement).click();
        await flushPromises();
        expect(personOf(rowsOf(element, 'actsFor')[0]).value).toBe(WANG_CHENG);

        (
            rowsOf(element, 'actsFor')[0].querySelector('lightning-button-icon.remove-link') as HTMLElement
        ).click();
        await flushPromises();
        mockedUpdate.mockResolvedValue({ id: 'x' });
        mockedDelete.mockResolvedValue(undefined);
        await save(element);
        expect(mockedUpdate.mock.calls[0]).toEqual([
            { fields: { Id: 'a03000000000004AAA' } },
            { ifUnmodifiedSince: '2026-03-02T02:04:00.000Z' }
        ]);
        expect(mockedDelete).toHaveBeenCalledWith('a03000000000004AAA');
        expect(mockedUpdate.mock.calls[1][0].fields.Id).toBe(WANG_LI);
    });

    it('a row added and removed before saving sends nothing', async () => {
        const element = mount(person(WANG_LI));
        await flushPromises();
        const row = await addRow(element, 'reportsTo');
        (row.querySelector('lightning-button-icon.remove-link') as HTMLElement).click();
        await flushPromises();
        expect(rowsOf(element, 'reportsTo')).toHaveLength(0);
        mockedUpdate.mockResolvedValue({ id: WANG_LI });
        await save(element);
        expect(mockedCreate).not.toHaveBeenCalled();
        expect(mockedDelete).not.toHaveBeenCalled();
        expect(mockedUpdate).toHaveBeenCalledTimes(1);
    });

    it('refuses a link twice or without a person at the row, before anything is sent', async () => {
        const element = mount(person(QIU_MING));
        await flushPromises();
        const twice = await addRow(element, 'reportsTo');
        choose(personOf(twice), WANG_JIAN);
        const empty = await addRow(element, 'actsFor');
        const twiceMessages = watch(personOf(rowsOf(element, 'reportsTo')[1]));
        const emptyMessages = watch(personOf(empty));
        await save(element);

        expect(lastOf(twiceMessages)).toBe(
            'This link is already recorded between these two people. Change the existing link instead of adding it again.'
        );
        expect(lastOf(emptyMessages)).toBe('Choose the person.');
        expect(mockedCreate).not.toHaveBeenCalled();
        expect(mockedUpdate).not.toHaveBeenCalled();

        // Choosing another person clears the message at once.
        choose(personOf(empty), WANG_CHENG);
        await flushPromises();
        expect(lastOf(emptyMessages)).toBe('');
    });

    it('says a duplicate the platform refused at the row, and leaves the assessment unsaved', async () => {
        const element = mount(person(WANG_JIAN));
        await flushPromises();
        const row = await addRow(element, 'influencedBy');
        choose(personOf(row), ZHANG_TAO);
        const messages = watch(personOf(rowsOf(element, 'influencedBy')[0]));
        mockedCreate.mockRejectedValue(duplicateLink);
        await save(element);
        expect(lastOf(messages)).toBe(
            'This link is already recorded between these two people. Change the existing link instead of adding it again.'
        );
        expect(mockedUpdate).not.toHaveBeenCalled();
        expect(element.shadowRoot!.querySelector('c-error-panel')).toBeNull();
    });

    it('shows a network failure of a link in the error panel, named as a relationship failure', async () => {
        const element = mount(person(WANG_JIAN));
        await flushPromises();
        const row = await addRow(element, 'reportsTo');
        choose(personOf(row), WANG_CHENG);
        mockedCreate.mockRejectedValue(networkError);
        await save(element);
        const panel = q(element, 'c-error-panel') as HTMLElement & { heading: string };
        expect(panel.heading).toBe('Some relationships were not saved.');
        expect(mockedUpdate).not.toHaveBeenCalled();
        // The row is kept: saving again retries it.
        expect(personOf(rowsOf(element, 'reportsTo')[0]).value).toBe(WANG_CHENG);
    });

    it('on a link conflict asks the container for the newer links and keeps the edit against them', async () => {
        const element = mount(person(QIU_MING));
        await flushPromises();
        const conflict = jest.fn();
        element.addEventListener('conflict', conflict);
        choose(strengthOf(rowsOf(element, 'reportsTo')[0]), 'Weak');
        mockedUpdate.mockRejectedValueOnce(saveConflict);
        await save(element);
        expect(conflict).toHaveBeenCalledTimes(1);
        expect(conflict.mock.calls[0][0].detail).toMatchObject({ linkId: 'a03000000000001AAA' });

        // The container reloads: a colleague had changed the link meanwhile.
        const newer = deal();
        newer.links[0] = {
            ...newer.links[0],
            LastModifiedDate: '2026-03-05T11:00:00.000Z',
            Strength__c: 'Medium'
        };
        element.deal = newer;
        await flushPromises();
        expect(strengthOf(rowsOf(element, 'reportsTo')[0]).value).toBe('Weak');
        mockedUpdate.mockResolvedValue({ id: 'x' });
        await save(element);
        expect(mockedUpdate.mock.calls.at(-2)).toEqual([
            expect.objectContaining({ fields: expect.objectContaining({ Strength__c: 'Weak' }) }),
            { ifUnmodifiedSince: '2026-03-05T11:00:00.000Z' }
        ]);
    });

    it('creates a new person first, then its links with the new Id; a retry never creates the person twice', async () => {
        const element = mount(null);
        await flushPromises();
        type(element, 'Name', '夏宏');
        const row = await addRow(element, 'reportsTo');
        choose(personOf(row), WANG_JIAN);
        mockedCreate
            .mockResolvedValueOnce({ id: 'a01000000000009AAA', lastModifiedDate: NOW })
            .mockRejectedValueOnce(networkError)
            .mockResolvedValueOnce({ id: 'a03000000000009AAA', lastModifiedDate: NOW });
        await save(element);
        expect(mockedCreate.mock.calls[0][0].apiName).toBe('Stakeholder_Assessment__c');
        expect(mockedCreate.mock.calls[1][0].fields).toMatchObject({
            From_Stakeholder__c: 'a01000000000009AAA',
            To_Stakeholder__c: WANG_JIAN,
            Link_Type__c: 'Reports_To'
        });

        mockedUpdate.mockResolvedValue({ id: 'a01000000000009AAA' });
        await save(element);
        // The retry sends the link again and updates the created person, with its version.
        expect(mockedCreate).toHaveBeenCalledTimes(3);
        expect(mockedCreate.mock.calls[2][0].apiName).toBe('Stakeholder_Link__c');
        expect(mockedUpdate).toHaveBeenCalledWith(
            expect.objectContaining({ fields: expect.objectContaining({ Id: 'a01000000000009AAA' }) }),
            { ifUnmodifiedSince: NOW }
        );
    });

    it('asks to assess the others first when nobody else is on the map', async () => {
        const element = mount(null, toDealSnapshot({ uiapi: { query: {} } }));
        await flushPromises();
        expect(text(element, '.no-other-people')).toBe(
            'Assess the other people of this deal first: a relationship joins two people on the map.'
        );
        expect(element.shadowRoot!.querySelector('fieldset.relation-group')).toBeNull();
    });
});
