import { createElement } from 'lwc';
import { graphql } from 'lightning/graphql';
import StakeholderMap from 'c/stakeholderMap';
import dealVitaminErp from '../../dealControlData/__tests__/data/dealVitaminErp.json';
import dealEmpty from '../../dealControlData/__tests__/data/dealEmpty.json';
import graphqlErrors from '../../dealControlData/__tests__/data/graphqlErrors.json';
import { flushPromises, q, qa, text } from 'test-utils/domHelpers';

interface TestAdapter {
    emit(value: unknown, filter?: unknown, refresh?: () => Promise<void>): void;
    emitErrors(errors: unknown, filter?: unknown, refresh?: () => Promise<void>): void;
    getLastConfig(): Record<string, unknown>;
}
const graphqlAdapter = graphql as unknown as TestAdapter;

const OPPORTUNITY_ID = '006000000000001AAA';
const WANG_JIAN = 'a01000000000001AAA';
const QIU_MING = 'a01000000000002AAA';
const WANG_CHENG = 'a01000000000005AAA';
const REPORTS_TO_LINK = 'a03000000000001AAA';

type Data = typeof dealVitaminErp;
const clone = (data: Data): Data => JSON.parse(JSON.stringify(data));

function mount(): HTMLElement {
    const element = createElement('c-stakeholder-map', { is: StakeholderMap }) as HTMLElement & {
        recordId?: string;
    };
    element.recordId = OPPORTUNITY_ID;
    document.body.appendChild(element);
    return element;
}

async function mountWith(data: unknown): Promise<HTMLElement> {
    const element = mount();
    graphqlAdapter.emit(data);
    await flushPromises();
    return element;
}

/** A container as narrow as a phone: what ResizeObserver reports for the map's own box. */
function containerWidth(width: number): void {
    (globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
        constructor(private readonly callback: (entries: unknown[]) => void) {}
        observe(): void {
            this.callback([{ contentRect: { width } }]);
        }
        disconnect(): void {}
    };
}

const person = (element: Element, id: string): SVGGElement =>
    q<SVGGElement>(element, `g.person[data-person="${id}"]`);

afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.clearAllMocks();
    delete (globalThis as unknown as { ResizeObserver?: unknown }).ResizeObserver;
});

describe('c-stakeholder-map: states', () => {
    it('asks the page’s one deal query for the record’s Opportunity and spins until it answers', async () => {
        const element = mount();
        await flushPromises();
        expect((graphqlAdapter.getLastConfig().variables as { opportunityId: string }).opportunityId).toBe(
            OPPORTUNITY_ID
        );
        expect(qa(element, 'lightning-spinner')).toHaveLength(1);
        expect(qa(element, 'svg.map')).toHaveLength(0);
    });

    it('says what to do when nobody is assessed yet, and offers no link to add', async () => {
        const element = await mountWith(dealEmpty);
        expect(text(element, '.empty')).toContain('Nobody is assessed on this deal yet.');
        expect(qa(element, 'svg.map')).toHaveLength(0);
        expect(q<HTMLElement & { disabled: boolean }>(element, '[data-id="add-link"]').disabled).toBe(true);
    });

    it('shows the error panel with a retry when the query fails', async () => {
        const element = mount();
        graphqlAdapter.emitErrors(graphqlErrors);
        await flushPromises();
        expect(q<HTMLElement & { heading: string }>(element, 'c-error-panel.load-errors').heading).toBe(
            'The political map could not be loaded.'
        );
        expect(qa(element, 'lightning-button.retry')).toHaveLength(1);
    });

    it('says there are no lines yet when people are assessed but nobody is linked', async () => {
        const data = clone(dealVitaminErp);
        data.uiapi.query.Stakeholder_Link__c.edges = [];
        const element = await mountWith(data);
        expect(text(element, '.no-lines')).toContain('No lines yet');
        expect(qa(element, 'g.person')).toHaveLength(6);
    });
});

describe('c-stakeholder-map: the drawing', () => {
    it('draws every person with colour, number and marks, and every usable line', async () => {
        const element = await mountWith(dealVitaminErp);
        expect(qa(element, 'g.person')).toHaveLength(6);
        expect(qa(element, '.strokes g.line')).toHaveLength(6);

        const wangJian = person(element, WANG_JIAN);
        expect(wangJian.getAttribute('class')).toContain('attitude_Supporter');
        expect(wangJian.querySelector('.support')!.textContent).toBe('+1');
        expect(wangJian.querySelectorAll('.star')).toHaveLength(1);
        expect(wangJian.querySelectorAll('.body-ring')).toHaveLength(1);
        // The gaps: 王乘's attitude is not known and nobody of ours talks to him.
        const wangCheng = person(element, WANG_CHENG);
        expect(wangCheng.getAttribute('class')).toContain('attitude_unknown');
        expect(wangCheng.getAttribute('class')).toContain('no-contact');
        expect(wangCheng.querySelector('.support')!.textContent).toBe('?');
        // The coach named on the scorecard (王丽) carries the coach mark, nobody else.
        expect(qa(element, 'g.person .coach')).toHaveLength(1);
        expect(q(element, 'g.person[data-person="a01000000000003AAA"] .coach')).toBeTruthy();
    });

    it('puts the superior above whoever reports to them', async () => {
        const element = await mountWith(dealVitaminErp);
        const yOf = (id: string) =>
            Number(/translate\([\d.]+ ([\d.]+)\)/.exec(person(element, id).getAttribute('transform')!)![1]);
        expect(yOf(WANG_JIAN)).toBeLessThan(yOf(QIU_MING));
    });

    it('names each person and line for screen readers in full sentences', async () => {
        const element = await mountWith(dealVitaminErp);
        expect(person(element, WANG_JIAN).getAttribute('aria-label')).toBe(
            "王建 +1: VP in charge; Top decision maker; Decision body; Attitude to us: Supporter; Influence: High; Contact: More; Camp: IT VP's side (分管信息化副总一方)"
        );
        expect(person(element, WANG_JIAN).getAttribute('tabindex')).toBe('0');
        const line = q(element, `.line-target[data-line="${REPORTS_TO_LINK}"]`);
        expect(line.getAttribute('aria-label')).toBe('Change: 仇明 reports to 王建');
        expect(line.getAttribute('tabindex')).toBe('0');
    });

    it('shows the list view instead of the map on a phone, and the map when asked', async () => {
        containerWidth(390);
        const element = await mountWith(dealVitaminErp);
        await flushPromises();
        expect(qa(element, 'svg.map')).toHaveLength(0);
        expect(qa(element, '.list-person')).toHaveLength(6);
        q(element, '[data-id="view-map"]').click();
        await flushPromises();
        expect(qa(element, 'svg.map')).toHaveLength(1);
        expect(q(element, '[data-id="view-map"]').getAttribute('aria-pressed')).toBe('true');
    });
});

describe('c-stakeholder-map: accessibility', () => {
    it('passes sa11y in the map view and in the list view', async () => {
        const element = await mountWith(dealVitaminErp);
        await expect(element).toBeAccessible();
        q(element, '[data-id="view-list"]').click();
        await flushPromises();
        await expect(element).toBeAccessible();
    });
});

describe('c-stakeholder-map: the list view says the same as the map', () => {
    it('lists people under their camp, and every line as a sentence with its strength', async () => {
        const element = await mountWith(dealVitaminErp);
        q(element, '[data-id="view-list"]').click();
        await flushPromises();
        expect(qa(element, '.camp .camp-title').map((h) => h.textContent)).toEqual([
            "IT VP's side (分管信息化副总一方)",
            "Executive VP's side (常务副总一方)",
            'Camp not yet known'
        ]);
        const wangCheng = qa(element, '.list-person').find((li) =>
            li.querySelector('.person-name')!.textContent!.includes('王乘')
        )!;
        expect(wangCheng.querySelector('.facts')!.textContent).toBe(
            'General manager; Decision body; Attitude not yet known: a gap; Influence: High; No contact: a gap'
        );
        expect(qa(element, '.list-line .sentence').map((s) => s.textContent)).toEqual([
            '仇明 reports to 王建 (strength: Strong)',
            '张涛 reports to 仇明 (strength: Medium)',
            '张涛 influences 仇明 (strength: Weak)',
            '王丽 acts for 王乘 (strength: Strong)',
            '李静 influences 王乘 (strength: Strong)',
            '王建 and 王乘 are rivals (strength: Medium)'
        ]);
    });
});

describe('c-stakeholder-map: opening people and lines', () => {
    it('opens the same editor as the grid on Enter on a drawn person', async () => {
        const element = await mountWith(dealVitaminErp);
        person(element, WANG_JIAN).dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
        await flushPromises();
        const editor = q<
            HTMLElement & {
                record: Record<string, unknown>;
                opportunityId: string;
                deal: { links: unknown[]; assessments: unknown[] };
            }
        >(element, 'c-stakeholder-editor');
        expect(editor.record.Id).toBe(WANG_JIAN);
        expect(editor.opportunityId).toBe(OPPORTUNITY_ID);
        // The deal the map loaded: the editor's relationship rows and live reading use its links.
        expect(editor.deal.links).toHaveLength(6);
        expect(editor.deal.assessments).toHaveLength(6);
    });

    it('ignores other keys on a person', async () => {
        const element = await mountWith(dealVitaminErp);
        person(element, WANG_JIAN).dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
        await flushPromises();
        expect(qa(element, 'c-stakeholder-editor')).toHaveLength(0);
    });

    it('reloads the deal after the editor saved, and closes it', async () => {
        const element = mount();
        const refresh = jest.fn().mockResolvedValue(undefined);
        graphqlAdapter.emit(dealVitaminErp, undefined, refresh);
        await flushPromises();
        person(element, WANG_JIAN).dispatchEvent(new MouseEvent('click'));
        await flushPromises();
        q(element, 'c-stakeholder-editor').dispatchEvent(new CustomEvent('saved'));
        await flushPromises();
        expect(refresh).toHaveBeenCalledTimes(1);
        expect(qa(element, 'c-stakeholder-editor')).toHaveLength(0);
    });

    it('opens the link form on the stored link with Enter on a line, and empty for Add link', async () => {
        const element = await mountWith(dealVitaminErp);
        q(element, `.line-target[data-line="${REPORTS_TO_LINK}"]`).dispatchEvent(
            new KeyboardEvent('keydown', { key: 'Enter' })
        );
        await flushPromises();
        const form = q<HTMLElement & { link: Record<string, unknown>; map: unknown }>(
            element,
            'c-stakeholder-link-form'
        );
        expect(form.link.Id).toBe(REPORTS_TO_LINK);
        expect(form.link.LastModifiedDate).toBe('2026-03-02T02:01:00.000Z');
        expect(form.map).toBeTruthy();

        form.dispatchEvent(new CustomEvent('cancel'));
        await flushPromises();
        q(element, '[data-id="add-link"]').click();
        await flushPromises();
        expect(q<HTMLElement & { link: unknown }>(element, 'c-stakeholder-link-form').link).toBeNull();
    });

    it('reloads after a link was saved or removed, and after a conflict keeps the form open', async () => {
        const element = mount();
        const refresh = jest.fn().mockResolvedValue(undefined);
        graphqlAdapter.emit(dealVitaminErp, undefined, refresh);
        await flushPromises();
        q(element, '[data-id="add-link"]').click();
        await flushPromises();
        q(element, 'c-stakeholder-link-form').dispatchEvent(new CustomEvent('conflict'));
        await flushPromises();
        expect(refresh).toHaveBeenCalledTimes(1);
        expect(qa(element, 'c-stakeholder-link-form')).toHaveLength(1);
        q(element, 'c-stakeholder-link-form').dispatchEvent(new CustomEvent('saved'));
        await flushPromises();
        expect(refresh).toHaveBeenCalledTimes(2);
        expect(qa(element, 'c-stakeholder-link-form')).toHaveLength(0);
    });
});

describe('c-stakeholder-map: who pulls against us', () => {
    it('marks a person an opponent pulls on, and says who in the name and the list', async () => {
        const data = clone(dealVitaminErp);
        // 张涛 (Opponent) now influences 仇明 strongly: a pull (a weak link never is).
        const link = data.uiapi.query.Stakeholder_Link__c.edges.find(
            (e) => e.node.Id === 'a03000000000003AAA'
        )!;
        link.node.Strength__c.value = 'Strong';
        const element = await mountWith(data);
        expect(qa(element, 'g.person .pulled-mark')).toHaveLength(1);
        expect(person(element, QIU_MING).querySelectorAll('.pulled-mark')).toHaveLength(1);
        expect(person(element, QIU_MING).getAttribute('aria-label')).toMatch(/; Pulled against us by 张涛$/);
        q(element, '[data-id="view-list"]').click();
        await flushPromises();
        expect(qa(element, '.list-person .pulled').map((p) => p.textContent)).toEqual([
            'Pulled against us by 张涛'
        ]);
    });
});

describe('c-stakeholder-map: what cannot be drawn is said', () => {
    it('names a reporting circle and a link the model left out, each with what to do', async () => {
        const data = clone(dealVitaminErp);
        const edges = data.uiapi.query.Stakeholder_Link__c.edges;
        const circle = clone(dealVitaminErp).uiapi.query.Stakeholder_Link__c.edges[0];
        circle.node.Id = 'a03000000000099AAA';
        circle.node.From_Stakeholder__c.value = WANG_JIAN;
        circle.node.To_Stakeholder__c.value = QIU_MING;
        const self = clone(dealVitaminErp).uiapi.query.Stakeholder_Link__c.edges[0];
        self.node.Id = 'a03000000000098AAA';
        self.node.To_Stakeholder__c.value = self.node.From_Stakeholder__c.value;
        edges.push(circle, self);
        const element = await mountWith(data);
        const notes = qa(element, '.notes li').map((li) => li.textContent);
        expect(notes).toEqual([
            'These reporting lines go round in a circle, so one is drawn but not used to place people: 王建 reports to 仇明. Check who reports to whom.',
            'The link joins a person to themselves, so it is ignored. Choose two different people.'
        ]);
    });
});
