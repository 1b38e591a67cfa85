// Shared test harness: mounts the scorecard, drives the graphql wire and builds case-study variants.
// Not a test file itself (no .test suffix); both test files import it.
import { createElement } from 'lwc';
import C139Scorecard from 'c/c139Scorecard';
import { graphql } from 'lightning/graphql';
import dealVitaminErp from './fixtures/dealVitaminErp.json';

/** The graphql stub's emitters, which the ambient types of the real module do not declare. */
export const graphqlWire = graphql as unknown as {
    emit(data: unknown, filter?: unknown, refresh?: () => Promise<void>): void;
    emitErrors(errors: unknown, filter?: unknown, refresh?: () => Promise<void>): void;
};

export const OPPORTUNITY_ID = '006000000000001AAA';
export const SCORECARD_ID = 'a02000000000001AAA';
export const SAVED_AT = '2026-11-20T09:30:00.000Z';

/** Case-study people by name, as the fixture holds them. */
export const PEOPLE = {
    wangZong: 'a01000000000001AAA', // 王建, VP in charge, top decision maker, Supporter
    qiuJingli: 'a01000000000002AAA', // 仇明, head of IT, Non_Supporter (favours Yonyou)
    wangJingli: 'a01000000000003AAA', // 王丽, general admin manager, Mentor, not in the body
    zhangGong: 'a01000000000004AAA', // 张涛, IT engineer, Opponent (favours Kingdee)
    wangCheng: 'a01000000000005AAA', // 王乘, executive VP, in the body, attitude and focus unknown
    liZong: 'a01000000000006AAA' // 李静, finance manager, Mentor, in the body
} as const;

type Node = Record<string, unknown>;
interface Connection {
    edges: Array<{ node: Node }>;
}
interface DealData {
    uiapi: { query: Record<string, Connection> };
}

function asFieldValues(patch: Record<string, unknown>): Node {
    return Object.fromEntries(
        Object.entries(patch).map(([field, value]) => [field, field === 'Id' ? value : { value }])
    );
}

export interface DealVariant {
    /** Field values to change on the stored scorecard; null removes the scorecard. */
    scorecard?: Record<string, unknown> | null;
    /** Field values to change on assessments, by assessment Id. */
    assessments?: Record<string, Record<string, unknown>>;
    /** No Opportunity row (deleted, or no access). */
    noOpportunity?: boolean;
}

/** The vitamin maker's ERP selection as the page query returns it, with optional changes. */
export function deal(variant: DealVariant = {}): DealData {
    const data = JSON.parse(JSON.stringify(dealVitaminErp)) as DealData;
    const query = data.uiapi.query;
    if (variant.scorecard === null) query.C139_Scorecard__c.edges = [];
    else if (variant.scorecard) {
        const node = query.C139_Scorecard__c.edges[0].node;
        Object.assign(node, asFieldValues(variant.scorecard));
    }
    for (const [id, patch] of Object.entries(variant.assessments ?? {})) {
        const edge = query.Stakeholder_Assessment__c.edges.find((e) => e.node.Id === id)!;
        Object.assign(edge.node, asFieldValues(patch));
    }
    if (variant.noOpportunity) query.Opportunity.edges = [];
    return data;
}

/** Waits until every pending promise (LDS calls, refresh, re-render) has settled. */
export async function flush(): Promise<void> {
    // eslint-disable-next-line @lwc/lwc/no-async-operation -- a macrotask runs after all queued microtasks
    await new Promise((resolve) => setTimeout(resolve, 0));
}

export function mount(recordId: string = OPPORTUNITY_ID): HTMLElement & { recordId?: string } {
    const element = createElement('c-c139-scorecard', { is: C139Scorecard }) as HTMLElement & {
        recordId?: string;
    };
    element.recordId = recordId;
    document.body.appendChild(element);
    return element;
}

export function unmountAll(): void {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
}

export function $(element: HTMLElement, selector: string): HTMLElement | null {
    return element.shadowRoot!.querySelector(selector) as HTMLElement | null;
}

export function $$(element: HTMLElement, selector: string): HTMLElement[] {
    return Array.from(element.shadowRoot!.querySelectorAll(selector)) as HTMLElement[];
}

/** Visible text, whitespace collapsed (Intl uses narrow no-break spaces in times). */
export function textOf(element: HTMLElement, selector: string): string {
    return ($(element, selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The choice group of an element (its label, help, meanings and next step). */
export function choiceGroup(element: HTMLElement, field: string): HTMLElement {
    return $(element, `c-choice-group[data-field="${field}"]`)!;
}

/** The platform radio group inside an element's choice group; "not yet known" is its first option. */
export function radio(
    element: HTMLElement,
    field: string
): HTMLElement & { value: string; options: unknown; label: string } {
    return choiceGroup(element, field).shadowRoot!.querySelector('[data-id="group"]') as HTMLElement & {
        value: string;
        options: unknown;
        label: string;
    };
}

/** The line under an element's choices: the next step for the current choice. */
export function nextStepOf(element: HTMLElement, field: string): string {
    return (choiceGroup(element, field).shadowRoot!.querySelector('[data-id="note"]')?.textContent ?? '')
        .replace(/\s+/g, ' ')
        .trim();
}

/** What a value means, as the element's "what the choices mean" disclosure says. */
export function meaningOf(element: HTMLElement, field: string, value: string): string {
    return (
        choiceGroup(element, field).shadowRoot!.querySelector(`dd[data-value="${value}"]`)?.textContent ?? ''
    )
        .replace(/\s+/g, ' ')
        .trim();
}

/** A part of an error panel: heading, advice, messages, note or details. */
export function panelPart(element: HTMLElement, panel: string, part: string): string {
    const host = $(element, panel);
    return (host?.shadowRoot!.querySelector(`[data-id="error-${part}"]`)?.textContent ?? '')
        .replace(/\s+/g, ' ')
        .trim();
}

export async function choose(element: HTMLElement, field: string, value: string): Promise<void> {
    const target =
        field === 'Coach_Stakeholder__c'
            ? $(element, 'lightning-combobox[data-field="Coach_Stakeholder__c"]')
            : field === 'Notes__c'
              ? $(element, 'lightning-textarea[data-field="Notes__c"]')
              : radio(element, field);
    target!.dispatchEvent(new CustomEvent('change', { detail: { value } }));
    await flush();
}

export async function click(element: HTMLElement, selector: string): Promise<void> {
    ($(element, selector) as HTMLElement).click();
    await flush();
}
