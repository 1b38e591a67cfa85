import { createElement } from 'lwc';
import ErrorPanel from 'c/errorPanel';
import networkError from '../../dealControlData/__tests__/data/networkError.json';
import saveFieldErrors from '../../dealControlData/__tests__/data/saveFieldErrors.json';
import { flushPromises, q, qa, text } from 'test-utils/domHelpers';

type Panel = HTMLElement & {
    heading: string;
    errors: unknown;
    note: string;
    variant: string;
    items: string[];
};

function mount(props: Partial<Panel>): Panel {
    const element = createElement('c-error-panel', { is: ErrorPanel }) as Panel;
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}

afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
});

describe('c-error-panel', () => {
    it('says what failed and what to do first; the platform text waits behind a closed "details"', async () => {
        const element = mount({
            heading: 'The assessment was not saved.',
            errors: networkError,
            note: 'Everything you typed is still here.'
        });
        await flushPromises();
        expect(text(element, '[data-id="error-heading"]')).toBe('The assessment was not saved.');
        expect(text(element, '[data-id="error-advice"]')).toBe(
            'Salesforce could not be reached. Check your connection, then try again.'
        );
        expect(text(element, '[data-id="error-note"]')).toBe('Everything you typed is still here.');
        const details = q<HTMLDetailsElement>(element, 'details[data-id="error-details"]');
        expect(details.open).toBe(false);
        expect(text(element, 'details summary')).toBe('Details for your admin');
        expect(qa(element, 'details li').map((li) => li.textContent)).toEqual(['Failed to fetch']);
        expect(q(element, '[role="alert"]')).not.toBeNull();
        await expect(element).toBeAccessible();
    });

    it('logs the platform text to the console for whoever investigates', async () => {
        mount({ heading: 'The scorecard was not saved', errors: networkError });
        await flushPromises();
        expect(console.error).toHaveBeenCalledWith(
            'Deal Control: The scorecard was not saved',
            'Failed to fetch'
        );
    });

    it("lists validation-rule messages and the parent's items as plain messages", async () => {
        const element = mount({
            heading: 'The assessment was not saved.',
            errors: saveFieldErrors,
            items: ['Due: The due date cannot be in the past.']
        });
        await flushPromises();
        expect(qa(element, '[data-id="error-messages"] li').map((li) => li.textContent)).toEqual([
            'A mentor must have a next action with a due date.',
            'Due: The due date cannot be in the past.'
        ]);
    });

    it('marks a partial failure as a warning', async () => {
        const element = mount({
            heading: 'Part of the deal could not be loaded.',
            errors: [{ message: 'x' }],
            variant: 'warning'
        });
        await flushPromises();
        expect(q(element, '[data-id="error-panel"]').classList).toContain('panel_warning');
        expect((q(element, 'lightning-icon') as HTMLElement & { iconName: string }).iconName).toBe(
            'utility:warning'
        );
    });
});
