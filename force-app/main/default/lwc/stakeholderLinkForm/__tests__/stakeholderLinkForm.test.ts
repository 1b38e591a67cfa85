import { createElement } from 'lwc';
import { createRecord, deleteRecord, updateRecord } from 'lightning/uiRecordApi';
import StakeholderLinkForm from 'c/stakeholderLinkForm';
import { toDealSnapshot } from 'c/dealControlData';
import dealVitaminErp from '../../dealControlData/__tests__/data/dealVitaminErp.json';
import saveConflict from '../../dealControlData/__tests__/data/saveConflict.json';
import { flushPromises, q, qa, text } from 'test-utils/domHelpers';

const mockedCreate = createRecord as unknown as jest.Mock;
const mockedUpdate = updateRecord as unknown as jest.Mock;
const mockedDelete = deleteRecord as unknown as jest.Mock;

const OPPORTUNITY_ID = '006000000000001AAA';
const WANG_JIAN = 'a01000000000001AAA';
const QIU_MING = 'a01000000000002AAA';
const WANG_LI = 'a01000000000003AAA';
const snapshot = toDealSnapshot(dealVitaminErp);
const REPORTS_TO = snapshot.links.find((l) => l.Id === 'a03000000000001AAA')!;

type Form = HTMLElement & {
    opportunityId?: string;
    map?: unknown;
    link?: Record<string, unknown> | null;
};

function mount(link: Record<string, unknown> | null = null): Form {
    const element = createElement('c-stakeholder-link-form', { is: StakeholderLinkForm }) as Form;
    element.opportunityId = OPPORTUNITY_ID;
    element.map = snapshot.politicalMap;
    element.link = link;
    document.body.appendChild(element);
    return element;
}

function choose(element: Element, key: string, value: string): void {
    const select = q<HTMLSelectElement>(element, `select[data-key="${key}"]`);
    select.value = value;
    select.dispatchEvent(new CustomEvent('change'));
}

const clickSave = (element: Element) =>
    q(element, 'lightning-button[data-id="save"]').dispatchEvent(new CustomEvent('click'));

afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
});

describe('c-stakeholder-link-form: a new link', () => {
    it('says what is missing at each field and sends nothing', async () => {
        const element = mount();
        await flushPromises();
        clickSave(element);
        await flushPromises();
        await expect(element).toBeAccessible();
        expect(text(element, '[data-field="From_Stakeholder__c"] .slds-form-element__help')).toBe(
            'Choose the person.'
        );
        expect(text(element, '[data-field="Link_Type__c"] .slds-form-element__help')).toBe(
            'Choose the type of link.'
        );
        expect(qa(element, '.slds-has-error')).toHaveLength(3);
        expect(mockedCreate).not.toHaveBeenCalled();
    });

    it('refuses a person linked to themselves', async () => {
        const element = mount();
        choose(element, 'from', WANG_LI);
        choose(element, 'type', 'Influences');
        choose(element, 'to', WANG_LI);
        await flushPromises();
        clickSave(element);
        await flushPromises();
        expect(text(element, '[data-field="To_Stakeholder__c"] .slds-form-element__help')).toBe(
            'A person cannot be linked to themselves. Choose someone else.'
        );
        expect(mockedCreate).not.toHaveBeenCalled();
    });

    it('refuses a second copy of a stored link and says to change the existing one', async () => {
        const element = mount();
        choose(element, 'from', QIU_MING);
        choose(element, 'type', 'Reports_To');
        choose(element, 'to', WANG_JIAN);
        await flushPromises();
        clickSave(element);
        await flushPromises();
        expect(text(element, '[data-field="Link_Type__c"] .slds-form-element__help')).toBe(
            'This link is already recorded between these two people. Change the existing link instead of adding it again.'
        );
        expect(mockedCreate).not.toHaveBeenCalled();
    });

    it('reads the draft back as a sentence, saves it on the Opportunity and says so', async () => {
        mockedCreate.mockResolvedValue({
            id: 'a03000000000050AAA',
            lastModifiedDate: '2026-03-05T12:00:00.000Z'
        });
        const element = mount();
        const saved = jest.fn();
        element.addEventListener('saved', saved);
        choose(element, 'from', WANG_LI);
        choose(element, 'type', 'Influences');
        choose(element, 'to', WANG_JIAN);
        choose(element, 'strength', 'Strong');
        await flushPromises();
        expect(text(element, '.reads-as')).toBe('Reads as: 王丽 influences 王建');
        clickSave(element);
        await flushPromises();
        expect(mockedCreate).toHaveBeenCalledWith({
            apiName: 'Stakeholder_Link__c',
            fields: {
                Opportunity__c: OPPORTUNITY_ID,
                From_Stakeholder__c: WANG_LI,
                To_Stakeholder__c: WANG_JIAN,
                Link_Type__c: 'Influences',
                Strength__c: 'Strong',
                Evidence__c: null
            }
        });
        expect(saved).toHaveBeenCalledTimes(1);
    });
});

describe('c-stakeholder-link-form: a stored link', () => {
    it('shows the stored values and saves a change only if nobody changed the link since', async () => {
        mockedUpdate.mockResolvedValue({ id: REPORTS_TO.Id, lastModifiedDate: '2026-03-05T12:00:00.000Z' });
        const element = mount({ ...REPORTS_TO });
        await flushPromises();
        expect(q<HTMLSelectElement>(element, 'select[data-key="from"]').value).toBe(QIU_MING);
        expect(q<HTMLSelectElement>(element, 'select[data-key="type"]').value).toBe('Reports_To');
        expect(q<HTMLSelectElement>(element, 'select[data-key="strength"]').value).toBe('Strong');
        choose(element, 'strength', 'Weak');
        clickSave(element);
        await flushPromises();
        expect(mockedUpdate).toHaveBeenCalledWith(
            { fields: expect.objectContaining({ Id: REPORTS_TO.Id, Strength__c: 'Weak' }) },
            { ifUnmodifiedSince: REPORTS_TO.LastModifiedDate }
        );
    });

    it('on a conflict keeps the rep’s choice, asks for a reload, and checks the next save against the newer version', async () => {
        mockedUpdate.mockRejectedValueOnce(saveConflict).mockResolvedValueOnce({ id: REPORTS_TO.Id });
        const element = mount({ ...REPORTS_TO });
        const conflict = jest.fn();
        element.addEventListener('conflict', conflict);
        choose(element, 'strength', 'Weak');
        clickSave(element);
        await flushPromises();
        expect(conflict).toHaveBeenCalledTimes(1);
        expect(text(element, '[data-id="message"]')).toBe(
            'Someone changed this link after you opened it. Check the relationships as they are now, then save again.'
        );
        // The container reloads and hands in the newer stored version.
        element.link = { ...REPORTS_TO, Strength__c: 'Medium', LastModifiedDate: '2026-03-05T11:00:00.000Z' };
        await flushPromises();
        expect(q<HTMLSelectElement>(element, 'select[data-key="strength"]').value).toBe('Weak');
        clickSave(element);
        await flushPromises();
        expect(mockedUpdate).toHaveBeenLastCalledWith(
            { fields: expect.objectContaining({ Strength__c: 'Weak' }) },
            { ifUnmodifiedSince: '2026-03-05T11:00:00.000Z' }
        );
    });

    it('removes the link only after the rep confirms', async () => {
        mockedUpdate.mockResolvedValue({ id: REPORTS_TO.Id });
        mockedDelete.mockResolvedValue(undefined);
        const element = mount({ ...REPORTS_TO });
        const deleted = jest.fn();
        element.addEventListener('deleted', deleted);
        await flushPromises();
        q(element, 'lightning-button[data-id="remove"]').dispatchEvent(new CustomEvent('click'));
        await flushPromises();
        const confirmation = q<HTMLElement & { question: string }>(element, 'c-delete-confirmation');
        expect(confirmation.question).toBe('Remove the link "仇明 reports to 王建"?');
        expect(mockedDelete).not.toHaveBeenCalled();
        confirmation.dispatchEvent(new CustomEvent('confirm'));
        await flushPromises();
        expect(mockedDelete).toHaveBeenCalledWith(REPORTS_TO.Id);
        expect(deleted).toHaveBeenCalledTimes(1);
    });

    it('keeps the link when the rep says Keep', async () => {
        const element = mount({ ...REPORTS_TO });
        await flushPromises();
        q(element, 'lightning-button[data-id="remove"]').dispatchEvent(new CustomEvent('click'));
        await flushPromises();
        q(element, 'c-delete-confirmation').dispatchEvent(new CustomEvent('keep'));
        await flushPromises();
        expect(qa(element, 'c-delete-confirmation')).toHaveLength(0);
        expect(mockedDelete).not.toHaveBeenCalled();
    });
});
