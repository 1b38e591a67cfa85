import { createElement } from 'lwc';
import ChoiceGroup from 'c/choiceGroup';
import { flushPromises, q, qa, text } from 'test-utils/domHelpers';

type Group = HTMLElement & Record<string, unknown>;
const CHOICES = [
    { value: 'Against', label: 'Against us', meaning: 'The top decision maker prefers a competitor.' },
    { value: 'Yes', label: 'Chose us', meaning: 'The top decision maker has chosen us.' }
];

function mount(props: Record<string, unknown>): Group {
    const element = createElement('c-choice-group', { is: ChoiceGroup }) as unknown as Group;
    Object.assign(element, {
        name: 'Win__c',
        label: 'Top decision maker chooses us',
        help: 'Where the top decision maker stands.',
        choices: CHOICES,
        unknownLabel: 'Not yet known',
        unknownMeaning: 'Unknown: scores 0.',
        ...props
    });
    document.body.appendChild(element);
    return element;
}

afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
});

describe('c-choice-group', () => {
    it('offers "not yet known" first, shows one line about the choice, and keeps every meaning one tap away', async () => {
        const element = mount({ value: 'Yes', note: 'Next step: Keep them committed.' });
        await flushPromises();
        const group = q(element, 'lightning-radio-group') as Group;
        expect(group.options).toEqual([
            { label: 'Not yet known', value: '--not-yet-known--' },
            { label: 'Against us', value: 'Against' },
            { label: 'Chose us', value: 'Yes' }
        ]);
        expect(group.value).toBe('Yes');
        expect(text(element, '[data-id="note"]')).toBe('Next step: Keep them committed.');
        const meanings = q<HTMLDetailsElement>(element, 'details[data-id="meanings"]');
        expect(meanings.open).toBe(false);
        expect(text(element, '[data-id="help"]')).toBe('Where the top decision maker stands.');
        expect(qa(element, 'dd').map((d) => d.textContent)).toEqual([
            'Unknown: scores 0.',
            'The top decision maker prefers a competitor.',
            'The top decision maker has chosen us.'
        ]);
        await expect(element).toBeAccessible();
    });

    it('sends the field and the value, with null for "not yet known"', async () => {
        const element = mount({ value: null });
        const change = jest.fn();
        element.addEventListener('change', change);
        await flushPromises();
        const group = q(element, 'lightning-radio-group');
        group.dispatchEvent(new CustomEvent('change', { detail: { value: 'Against' } }));
        group.dispatchEvent(new CustomEvent('change', { detail: { value: '--not-yet-known--' } }));
        expect(change.mock.calls.map((c) => c[0].detail)).toEqual([
            { field: 'Win__c', value: 'Against' },
            { field: 'Win__c', value: null }
        ]);
    });

    it('holds several values as a checkbox group, without a "not yet known" choice', async () => {
        const element = mount({ multiple: true, value: ['Yes'] });
        const change = jest.fn();
        element.addEventListener('change', change);
        await flushPromises();
        const group = q(element, 'lightning-checkbox-group') as Group;
        expect(group.options).toEqual([
            { label: 'Against us', value: 'Against' },
            { label: 'Chose us', value: 'Yes' }
        ]);
        group.dispatchEvent(new CustomEvent('change', { detail: { value: ['Yes', 'Against'] } }));
        expect(change.mock.calls[0][0].detail).toEqual({ field: 'Win__c', value: ['Yes', 'Against'] });
    });

    it("shows the server's message through the base group, and clears it when the rep changes the value", async () => {
        const element = mount({ value: 'Yes' });
        await flushPromises();
        const group = q(element, 'lightning-radio-group') as Group & {
            setCustomValidity: jest.Mock;
            reportValidity: jest.Mock;
        };
        group.setCustomValidity = jest.fn();
        group.reportValidity = jest.fn();
        element.error = 'This value is not allowed here.';
        await flushPromises();
        expect(group.setCustomValidity).toHaveBeenLastCalledWith('This value is not allowed here.');
        expect(group.reportValidity).toHaveBeenCalled();
        group.dispatchEvent(new CustomEvent('change', { detail: { value: 'Against' } }));
        await flushPromises();
        expect(group.setCustomValidity).toHaveBeenLastCalledWith('');
        expect(element.error).toBe('');
    });
});
