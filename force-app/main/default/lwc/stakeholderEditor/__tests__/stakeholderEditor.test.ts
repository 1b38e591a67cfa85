import { createElement } from 'lwc';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import StakeholderEditor from 'c/stakeholderEditor';
import { toDealSnapshot, AssessmentRecord } from 'c/dealControlData';
import dealVitaminErp from '../../dealControlData/__tests__/data/dealVitaminErp.json';
import saveConflict from '../../dealControlData/__tests__/data/saveConflict.json';
import saveFieldErrors from '../../dealControlData/__tests__/data/saveFieldErrors.json';
import networkError from '../../dealControlData/__tests__/data/networkError.json';
import {
    chosen,
    fixClockAt,
    flushPromises,
    lastMessage,
    noteOf,
    pick,
    q,
    qa,
    text,
    tick,
    type,
    watchFieldMessages
} from 'test-utils/domHelpers';

const mockedCreate = createRecord as unknown as jest.Mock;
const mockedUpdate = updateRecord as unknown as jest.Mock;

const OPPORTUNITY_ID = '006000000000001AAA';
const NOW = '2026-03-05T12:00:00.000Z';
const snapshot = toDealSnapshot(dealVitaminErp);
const wangZong = snapshot.assessments.find((a) => a.Name === '王建') as AssessmentRecord;
const liZong = snapshot.assessments.find((a) => a.Name === '李静') as AssessmentRecord;

type Editor = HTMLElement & {
    opportunityId?: string;
    record?: unknown;
    save(): Promise<void>;
    focusHeading(): void;
};
type Field = HTMLElement & { value: unknown; checked?: boolean };
const field = (element: Element, name: string): Field => q<Field>(element, `.field[data-field="${name}"]`);

function mount(record: unknown = null): Editor {
    const element = createElement('c-stakeholder-editor', { is: StakeholderEditor }) as Editor;
    element.opportunityId = OPPORTUNITY_ID;
    element.record = record;
    document.body.appendChild(element);
    return element;
}

function clickSave(element: Element): void {
    q<HTMLElement>(element, 'lightning-button.save').click();
}

beforeEach(() => {
    fixClockAt(NOW);
});

afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
    jest.useRealTimers();
});

describe('c-stakeholder-editor: a new assessment', () => {
    it('starts blank, dated today, with every dimension marked "not yet known" and the method in view', async () => {
        const element = mount();
        await flushPromises();

        expect(text(element, 'h2')).toBe('Assess a stakeholder');
        expect(field(element, 'Name').value).toBe('');
        expect(field(element, 'Assessed_On__c').value).toBe('2026-03-05');
        for (const name of [
            'Influence__c',
            'Dominant_Need__c',
            'Change_Attitude__c',
            'Contact_Closeness__c',
            'Attitude_To_Us__c'
        ]) {
            expect(chosen(element, name)).toBeNull();
        }
        // Every value's meaning is one tap away (model texts), and a blank says it is a gap.
        const attitude = q(element, 'c-choice-group[data-field="Attitude_To_Us__c"]');
        expect(text(attitude, 'dd[data-value="Mentor"]')).toContain(
            "Our strongest backer: gives feedback and guidance and helps us read the customer's internal politics"
        );
        expect(noteOf(element, 'Attitude_To_Us__c')).toBe('Not yet known: a gap to close, not a default.');
        expect(text(element, '.support dd')).toBe('Unknown');
        expect(text(element, '.known dd')).toBe('0 / 5');
        expect(text(element, '.no-insights')).toBe('No contradictions found between the dimensions.');
    });

    it('leaves focus where it was when it opens (no keyboard popping up on a phone), and moves it to its heading on request', async () => {
        const element = mount();
        await flushPromises();
        expect(element.shadowRoot!.activeElement).toBeNull();
        element.focusHeading();
        expect(element.shadowRoot!.activeElement).toBe(q(element, 'h2'));
    });

    it('shows the guidance of each chosen value and updates the insight codes live', async () => {
        const element = mount();
        await flushPromises();
        type(element, 'Name', '李静');
        pick(element, 'Attitude_To_Us__c', 'Mentor');
        pick(element, 'Contact_Closeness__c', 'Little');
        await flushPromises();

        const insightCodes = qa(element, '.insights li').map((li) => li.dataset.code);
        expect(insightCodes).toEqual(['MENTOR_LOW_CONTACT']);
        expect(text(element, '.insights li')).toContain(
            'Marked as Mentor, but shares little or nothing with us. A real mentor shares information.'
        );
        expect(text(element, '.insights li')).toContain(
            'ask for their advice on the next step and their feedback on our proposal'
        );
        expect(text(element, '.support dd')).toBe('+2 Mentor');
        expect(text(element, '.known dd')).toBe('2 / 5');
        expect(noteOf(element, 'Attitude_To_Us__c')).toMatch(/^What to do \(Mentor\):/);

        pick(element, 'Contact_Closeness__c', 'Deep');
        await flushPromises();
        expect(element.shadowRoot!.querySelector('.insights')).toBeNull();
    });

    it('creates the record with every field, the Contact of the prefill and the derived fields stamped', async () => {
        mockedCreate.mockResolvedValue({ id: 'a01000000000009AAA' });
        const element = mount({ Name: '夏宏', Title__c: '分管生产副总', Contact__c: '003000000000007AAA' });
        const saved = jest.fn();
        const toast = jest.fn();
        element.addEventListener('saved', saved);
        element.addEventListener('lightning__showtoast', toast);
        await flushPromises();

        pick(element, 'Role__c', 'Department_Head');
        tick(element, 'Decision_Body_Member__c', true);
        pick(element, 'Influence__c', 'High');
        pick(element, 'Dominant_Need__c', 'Safety');
        pick(element, 'Other_Needs__c', 'Esteem');
        pick(element, 'Other_Needs__c', 'Belonging');
        pick(element, 'Change_Attitude__c', 'Conservative');
        pick(element, 'Decision_Focus__c', 'Financial');
        pick(element, 'Decision_Focus__c', 'Business');
        pick(element, 'Contact_Closeness__c', 'No_Contact');
        type(element, 'Favored_Vendor__c', 'CDC');
        type(element, 'Next_Action__c', '请王建引荐，拜访夏宏');
        type(element, 'Next_Action_Due__c', '2026-03-12');
        type(element, 'Verification__c', '夏宏同意参加生产模块演示');
        type(element, 'Evidence__c', '王丽：夏宏关心停产风险');
        await flushPromises();
        clickSave(element);
        await flushPromises();

        expect(mockedCreate).toHaveBeenCalledTimes(1);
        expect(mockedCreate.mock.calls[0]).toEqual([
            {
                apiName: 'Stakeholder_Assessment__c',
                fields: {
                    Opportunity__c: OPPORTUNITY_ID,
                    Contact__c: '003000000000007AAA',
                    Name: '夏宏',
                    Title__c: '分管生产副总',
                    Favored_Vendor__c: 'CDC',
                    Next_Action__c: '请王建引荐，拜访夏宏',
                    Verification__c: '夏宏同意参加生产模块演示',
                    Evidence__c: '王丽：夏宏关心停产风险',
                    Notes__c: null,
                    // The camp (contract v1.1) is sent too: blank until the rep knows it.
                    Camp__c: null,
                    Assessed_On__c: '2026-03-05',
                    Next_Action_Due__c: '2026-03-12',
                    Top_Decision_Maker__c: false,
                    Decision_Body_Member__c: true,
                    Role__c: 'Department_Head',
                    Influence__c: 'High',
                    Dominant_Need__c: 'Safety',
                    // Multi-selects in the model's order, whatever the order of the clicks.
                    Other_Needs__c: 'Belonging;Esteem',
                    Change_Attitude__c: 'Conservative',
                    Decision_Focus__c: 'Business;Financial',
                    Contact_Closeness__c: 'No_Contact',
                    Attitude_To_Us__c: null,
                    // Attitude unknown → no support index; 4 of 5 dimensions known → 80;
                    // high influence without contact, and a decision-body member with a gap.
                    Support_Index__c: null,
                    Completeness__c: 80,
                    Insight_Codes__c: 'KEY_PERSON_INCOMPLETE;KEY_PERSON_NO_CONTACT',
                    Model_Version__c: 'C139-v1.1.0',
                    Scored_At__c: NOW
                }
            }
        ]);
        expect(mockedUpdate).not.toHaveBeenCalled();
        expect(saved).toHaveBeenCalledTimes(1);
        expect(saved.mock.calls[0][0].detail).toEqual({
            recordId: 'a01000000000009AAA',
            name: '夏宏',
            kind: 'create'
        });
        expect(toast.mock.calls[0][0].detail).toMatchObject({
            title: 'Assessment saved',
            message: '夏宏 is on the map.',
            variant: 'success'
        });
        // Ready for the next person.
        expect(field(element, 'Name').value).toBe('');
    });

    it('refuses to save without a name and says so at the field', async () => {
        const element = mount();
        await flushPromises();
        const nameMessages = watchFieldMessages(element, 'Name');
        pick(element, 'Attitude_To_Us__c', 'Supporter');
        clickSave(element);
        await flushPromises();

        expect(mockedCreate).not.toHaveBeenCalled();
        expect(lastMessage(nameMessages)).toBe("Enter the person's name.");
        expect(chosen(element, 'Attitude_To_Us__c')).toBe('Supporter');
        await expect(element).toBeAccessible();

        type(element, 'Name', '张涛');
        await flushPromises();
        expect(lastMessage(nameMessages)).toBe('');
    });

    it('saves with Ctrl+Enter and cancels with Escape', async () => {
        mockedCreate.mockResolvedValue({ id: 'a01000000000010AAA' });
        const element = mount();
        const cancel = jest.fn();
        element.addEventListener('cancel', cancel);
        await flushPromises();
        type(element, 'Name', '张涛');
        const section = q(element, 'section[data-id="root"]');
        section.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
        await flushPromises();
        expect(mockedCreate).toHaveBeenCalledTimes(1);
        expect(mockedCreate.mock.calls[0][0].fields.Name).toBe('张涛');

        section.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
        expect(cancel).toHaveBeenCalledTimes(1);
    });

    it('does not save on a plain Enter in a text field', async () => {
        const element = mount();
        await flushPromises();
        type(element, 'Name', '张涛');
        const submit = new CustomEvent('submit', { cancelable: true });
        q(element, 'form').dispatchEvent(submit);
        await flushPromises();
        expect(submit.defaultPrevented).toBe(true);
        expect(mockedCreate).not.toHaveBeenCalled();
    });
});

describe('c-stakeholder-editor: an existing assessment', () => {
    it('shows the stored values, their guidance and the live reading of the map', async () => {
        const element = mount(wangZong);
        await flushPromises();
        expect(text(element, 'h2')).toBe('Edit assessment');
        expect(field(element, 'Name').value).toBe('王建');
        expect(field(element, 'Role__c').value).toBe('VP_In_Charge');
        expect(field(element, 'Top_Decision_Maker__c').checked).toBe(true);
        expect(chosen(element, 'Attitude_To_Us__c')).toBe('Supporter');
        expect(chosen(element, 'Decision_Focus__c')).toEqual(['Business', 'Relationship']);
        expect(field(element, 'Evidence__c').value).toBe('2月28日会谈：王建希望ERP支撑出口欧美的质量追溯。');
        expect(text(element, '[data-id="role-meaning"]')).toBe('The executive who owns this purchase.');
        expect(text(element, '[data-id="role-guidance"]')).toBe(
            'What to do: Help the VP in charge build a case the top decision maker will trust; learn their decision points.'
        );
        expect(text(element, '.support dd')).toBe('+1 Supporter');
        expect(text(element, '.known dd')).toBe('5 / 5');
    });

    it('updates with ifUnmodifiedSince = the loaded LastModifiedDate and re-derived fields', async () => {
        mockedUpdate.mockResolvedValue({ id: liZong.Id });
        const element = mount(liZong);
        await flushPromises();
        pick(element, 'Contact_Closeness__c', 'More');
        type(element, 'Next_Action__c', '请李静提供预算审批流程');
        clickSave(element);
        await flushPromises();

        expect(mockedUpdate).toHaveBeenCalledTimes(1);
        const [recordInput, clientOptions] = mockedUpdate.mock.calls[0];
        expect(clientOptions).toEqual({ ifUnmodifiedSince: liZong.LastModifiedDate });
        expect(recordInput).toEqual({
            fields: {
                Id: liZong.Id,
                Name: '李静',
                Title__c: '财务部经理',
                Favored_Vendor__c: null,
                Next_Action__c: '请李静提供预算审批流程',
                Verification__c: null,
                Evidence__c: null,
                Notes__c: null,
                Camp__c: liZong.Camp__c,
                Assessed_On__c: '2026-03-01',
                Next_Action_Due__c: null,
                Top_Decision_Maker__c: false,
                Decision_Body_Member__c: true,
                Role__c: 'CFO',
                Influence__c: 'Medium',
                Dominant_Need__c: 'Safety',
                Other_Needs__c: null,
                Change_Attitude__c: 'Conservative',
                Decision_Focus__c: 'Financial',
                Contact_Closeness__c: 'More',
                Attitude_To_Us__c: 'Mentor',
                // A mentor who now shares more: the MENTOR_LOW_CONTACT contradiction is gone.
                Support_Index__c: 2,
                Completeness__c: 100,
                Insight_Codes__c: null,
                Model_Version__c: 'C139-v1.1.0',
                Scored_At__c: NOW
            }
        });
        expect(mockedCreate).not.toHaveBeenCalled();
    });

    it('shows restricted-picklist and validation errors at their fields in plain words, the rest in a panel, and keeps the typing', async () => {
        mockedUpdate.mockRejectedValue(saveFieldErrors);
        const element = mount(wangZong);
        await flushPromises();
        const dueMessages = watchFieldMessages(element, 'Next_Action_Due__c');
        type(element, 'Next_Action_Due__c', '2020-01-01');
        type(element, 'Evidence__c', '新的依据');
        clickSave(element);
        await flushPromises();

        // The platform's restricted-picklist text becomes a plain sentence; a validation rule keeps its own.
        expect(
            (q(element, 'c-choice-group[data-field="Attitude_To_Us__c"]') as HTMLElement & { error: string })
                .error
        ).toBe('This value is not allowed here. Choose one of the listed values.');
        expect(lastMessage(dueMessages)).toBe('The due date cannot be in the past.');
        const panel = q(element, '.save-errors');
        expect(text(panel, '[data-id="error-heading"]')).toBe('The assessment was not saved.');
        expect(text(panel, '[data-id="error-advice"]')).toBe(
            'Salesforce did not accept some values. Correct them and save again.'
        );
        expect(qa(panel, '[data-id="error-messages"] li').map((li) => li.textContent)).toEqual([
            'A mentor must have a next action with a due date.',
            'Attitude to us: This value is not allowed here. Choose one of the listed values.',
            'Due: The due date cannot be in the past.'
        ]);
        expect(text(panel, '[data-id="error-note"]')).toBe('Everything you typed is still here.');
        // The platform's own wording only behind "details".
        expect(text(panel, '[data-id="error-details"]')).toContain(
            'bad value for restricted picklist field: Champion'
        );
        expect(field(element, 'Next_Action_Due__c').value).toBe('2020-01-01');
        expect(field(element, 'Evidence__c').value).toBe('新的依据');

        // Fixing the field clears its message.
        type(element, 'Next_Action_Due__c', '2026-04-01');
        await flushPromises();
        expect(lastMessage(dueMessages)).toBe('');
    });

    it('tells the rep in plain words that Salesforce could not be reached, and keeps everything typed', async () => {
        mockedUpdate.mockRejectedValue(networkError);
        const element = mount(wangZong);
        await flushPromises();
        type(element, 'Notes__c', '会后补记');
        clickSave(element);
        await flushPromises();
        const panel = q(element, '.save-errors');
        expect(text(panel, '[data-id="error-advice"]')).toBe(
            'Salesforce could not be reached. Check your connection, then try again.'
        );
        expect(text(panel, '[data-id="error-details"]')).toContain('Failed to fetch');
        expect(field(element, 'Notes__c').value).toBe('会后补记');
        expect((q(element, 'lightning-button.save') as HTMLElement & { disabled: boolean }).disabled).toBe(
            false
        );
    });

    it('on a conflict explains it, asks for the newer data, shows it beside the typed values and saves against it', async () => {
        mockedUpdate.mockRejectedValueOnce(saveConflict);
        const element = mount(wangZong);
        const conflict = jest.fn();
        element.addEventListener('conflict', conflict);
        await flushPromises();
        pick(element, 'Attitude_To_Us__c', 'Mentor');
        type(element, 'Next_Action__c', '王建确认其为我方指导者');
        clickSave(element);
        await flushPromises();

        expect(conflict).toHaveBeenCalledTimes(1);
        expect(conflict.mock.calls[0][0].detail).toEqual({ recordId: wangZong.Id });
        expect(text(element, '.conflict')).toContain('Someone else changed this assessment');
        expect(text(element, '.conflict')).toContain('Loading the newer version');
        await expect(element).toBeAccessible();

        // The container reloads: someone else had lowered the attitude to Neutral.
        const newer = {
            ...wangZong,
            Attitude_To_Us__c: 'Neutral',
            LastModifiedDate: '2026-03-05T11:00:00.000Z'
        };
        element.record = newer;
        await flushPromises();

        const rows = qa(element, '.conflict-table tbody tr').map((tr) => [
            tr.dataset.field,
            tr.querySelector('.theirs')!.textContent,
            tr.querySelector('.yours')!.textContent
        ]);
        expect(rows).toEqual([
            ['Next_Action__c', '请王建参观维生素同行的成功案例', '王建确认其为我方指导者'],
            ['Attitude_To_Us__c', 'Neutral', 'Mentor']
        ]);
        expect(chosen(element, 'Attitude_To_Us__c')).toBe('Mentor');
        expect(field(element, 'Next_Action__c').value).toBe('王建确认其为我方指导者');

        mockedUpdate.mockResolvedValueOnce({ id: wangZong.Id });
        clickSave(element);
        await flushPromises();
        expect(mockedUpdate).toHaveBeenCalledTimes(2);
        expect(mockedUpdate.mock.calls[1][1]).toEqual({ ifUnmodifiedSince: '2026-03-05T11:00:00.000Z' });
        expect(mockedUpdate.mock.calls[1][0].fields).toMatchObject({
            Attitude_To_Us__c: 'Mentor',
            Next_Action__c: '王建确认其为我方指导者',
            Support_Index__c: 2
        });
        expect(element.shadowRoot!.querySelector('.conflict')).toBeNull();
    });

    it('keeps typing when the container refreshes for another reason', async () => {
        const element = mount(wangZong);
        await flushPromises();
        type(element, 'Notes__c', '草稿');
        element.record = { ...wangZong, LastModifiedDate: '2026-03-05T11:30:00.000Z' };
        await flushPromises();
        expect(field(element, 'Notes__c').value).toBe('草稿');
        mockedUpdate.mockResolvedValue({ id: wangZong.Id });
        clickSave(element);
        await flushPromises();
        // Still checked against the version the rep opened: the server decides whether it changed.
        expect(mockedUpdate.mock.calls[0][1]).toEqual({ ifUnmodifiedSince: wangZong.LastModifiedDate });
    });

    it('shows a stored value the model no longer knows as unknown and never re-sends it', async () => {
        mockedUpdate.mockResolvedValue({ id: wangZong.Id });
        const element = mount({ ...wangZong, Attitude_To_Us__c: 'Champion' });
        await flushPromises();
        expect(text(element, '.stored-issues')).toContain('Attitude to us: Champion');
        expect(chosen(element, 'Attitude_To_Us__c')).toBeNull();
        clickSave(element);
        await flushPromises();
        expect(mockedUpdate.mock.calls[0][0].fields.Attitude_To_Us__c).toBeNull();
        expect(mockedUpdate.mock.calls[0][0].fields.Support_Index__c).toBeNull();
    });
});
