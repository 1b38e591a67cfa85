import { createRecord, updateRecord, notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import { MODEL_VERSION } from 'c/dealControlModel';
import {
    $,
    $$,
    OPPORTUNITY_ID,
    PEOPLE,
    SAVED_AT,
    SCORECARD_ID,
    choose,
    click,
    deal,
    flush,
    graphqlWire,
    meaningOf,
    mount,
    nextStepOf,
    panelPart,
    radio,
    textOf,
    unmountAll
} from './scorecardHarness';
import duplicateValue from './fixtures/duplicateValue.json';
import preconditionFailed from './fixtures/preconditionFailed.json';
import fieldErrors from './fixtures/fieldErrors.json';
import networkError from './fixtures/networkError.json';
import graphqlErrors from './fixtures/graphqlErrors.json';

const createRecordMock = createRecord as unknown as jest.Mock;
const updateRecordMock = updateRecord as unknown as jest.Mock;
const notifyMock = notifyRecordUpdateAvailable as unknown as jest.Mock;

/** The rep's clock at save time; Scored_At__c must carry exactly this. */
const NOW = '2026-11-26T10:00:00.000Z';

/*
 * The stored scorecard of the fixture (the rep's view of the vitamin maker's ERP selection), scored
 * by hand with MODEL.md's rules:
 *   Coach Confirmed → factor 0.90 (F = 90)
 *   Win Leaning → 4.5 points
 *   First: value fit Partial 0.5, key people help Partial 0.5, majority Yes 1 → 2 × weight 3 = 6
 *   Clear: our process 1, procurement 1, organisation 0.5, decision body 0.5, criteria 1,
 *          funding 0.5, vendor resources 0.5, vendor activities unknown 0, key factors 0.5 = 5.5
 *   points = 4.5 + 6 + 5.5 = 16 → P2 = 32; score = floor((2 × 32 × 90 + 54) / 108) = floor(5814 / 108) = 53
 *   53 ≥ 40 and < 60 → Contested.
 * Evidence against the stakeholder map (王建 top DM Supporter; body 王建 Supporter, 仇明
 * Non_Supporter, 王乘 unknown attitude and focus, 李静 Mentor; Mentors 王丽 and 李静):
 *   majority Yes while supportive body members 2 and 2 × 2 ≤ 4 → MAJORITY_UNSUPPORTED
 *   criteria Clear while 王乘 has no decision focus → CRITERIA_UNKNOWN
 *   Win Leaning with a supportive top DM → no Win finding; coach claimed with Mentors present and
 *   not "in decision body" → no coach finding; decision body only Partial → not checked.
 */
const STORED_INPUTS = {
    Coach__c: 'Confirmed',
    Win__c: 'Leaning',
    First_Value_Fit__c: 'Partial',
    First_Key_People_Help__c: 'Partial',
    First_Majority_Choose__c: 'Yes',
    Clear_Our_Process__c: 'Clear',
    Clear_Procurement_Process__c: 'Clear',
    Clear_Organization__c: 'Partial',
    Clear_Decision_Body__c: 'Partial',
    Clear_Decision_Criteria__c: 'Clear',
    Clear_Funding__c: 'Partial',
    Clear_Vendor_Resources__c: 'Partial',
    Clear_Vendor_Activities__c: null,
    Clear_Key_Factors__c: 'Partial',
    Coach_Stakeholder__c: PEOPLE.wangJingli,
    Notes__c: 'AMT（上海）按选型评分标准组织评审；原系统为用友U8，金蝶和CDC也在竞争。'
};

const CRITERIA_MESSAGE =
    'Decision points are rated Clear, but the map has no body members or some lack a decision focus.';
const CRITERIA_ACTION = 'Suggested action: Record the decision focus of every decision-body member.';
const MAJORITY_MESSAGE =
    'Majority claimed, but no more than half of the decision body supports us on the map.';

let refresh: jest.Mock;

async function loaded(variant: Parameters<typeof deal>[0] = {}, recordId?: string): Promise<HTMLElement> {
    const element = mount(recordId);
    graphqlWire.emit(deal(variant), undefined, refresh);
    await flush();
    return element;
}

beforeEach(() => {
    // Only the clock is faked: the component stamps Scored_At__c from it.
    jest.useFakeTimers({
        now: new Date(NOW),
        doNotFake: [
            'setTimeout',
            'clearTimeout',
            'setInterval',
            'clearInterval',
            'setImmediate',
            'clearImmediate',
            'nextTick',
            'queueMicrotask'
        ]
    });
    refresh = jest.fn().mockResolvedValue(undefined);
    createRecordMock.mockReset();
    updateRecordMock.mockReset();
    notifyMock.mockReset().mockResolvedValue(undefined);
});

afterEach(() => {
    unmountAll();
    jest.useRealTimers();
});

describe('loading and load errors', () => {
    it('shows a spinner until the query answers', async () => {
        const element = mount();
        await flush();
        expect($(element, '[data-id="loading"] lightning-spinner')).not.toBeNull();
        expect($(element, '[data-id="score"]')).toBeNull();
    });

    it('shows query errors in a readable panel and retries through the wire refresh', async () => {
        const element = mount();
        graphqlWire.emitErrors(graphqlErrors, undefined, refresh);
        await flush();
        const panel = $(element, '[data-id="load-errors"]')!;
        expect(panel.shadowRoot!.querySelector('[role="alert"]')).not.toBeNull();
        expect(panelPart(element, '[data-id="load-errors"]', 'heading')).toBe(
            'The scorecard could not be loaded'
        );
        // A plain sentence with what to do; the platform's text only behind "details".
        expect(panelPart(element, '[data-id="load-errors"]', 'advice')).toBe(
            'Deal Control is not fully set up for you: a field or object is missing or hidden. Ask your Salesforce admin to check the installation and your permission set.'
        );
        expect(panelPart(element, '[data-id="load-errors"]', 'details')).toContain(
            "Validation error of type FieldUndefined: Field 'Control_Score__c' in type 'C139_Scorecard__c' is undefined @ 'uiapi/query/C139_Scorecard__c/edges/node/Control_Score__c'"
        );
        expect($(element, '[data-id="loading"]')).toBeNull();

        await click(element, '[data-id="retry"]');
        expect(refresh).toHaveBeenCalledTimes(1);
        graphqlWire.emit(deal(), undefined, refresh);
        await flush();
        expect($(element, '[data-id="load-errors"]')).toBeNull();
        expect(textOf(element, '[data-id="score-value"]')).toBe('53 of 100');
    });

    it('scores what arrived and names what did not when the query answers in part', async () => {
        // GraphQL can return data and errors together; the test adapter's base emit sends both.
        const emitBoth = Object.getPrototypeOf(graphqlWire).emit as (value: unknown) => void;
        const element = mount();
        emitBoth.call(graphqlWire, { data: deal(), errors: graphqlErrors });
        await flush();
        expect(panelPart(element, '[data-id="load-errors"]', 'heading')).toBe(
            'Part of the deal could not be loaded; the score below may miss evidence'
        );
        expect(textOf(element, '[data-id="score-value"]')).toBe('53 of 100');
    });

    it('says so when the Opportunity cannot be read', async () => {
        const element = await loaded({ noOpportunity: true });
        expect(textOf(element, '[data-id="no-opportunity"]')).toBe(
            'This opportunity cannot be read: it may have been deleted, or you may not have access to it.'
        );
        expect($(element, '[data-id="score"]')).toBeNull();
    });
});

describe('rendering the stored scorecard of the case study', () => {
    it('shows the control score, band, formula, points per group and coach factor', async () => {
        const element = await loaded();
        expect(textOf(element, '[data-id="score-value"]')).toBe('53 of 100');
        expect(textOf(element, '[data-id="band"]')).toBe('Band: Contested');
        expect($(element, '[data-id="band"]')!.dataset.band).toBe('Contested');
        expect(textOf(element, '[data-id="band-meaning"]')).toBe('Nobody controls the deal yet.');
        expect(textOf(element, '[data-id="formula"]')).toBe('16 of 27 points × coach factor 0.90 → 53');
        expect($$(element, '[data-id="group-summaries"] li').map((li) => li.textContent)).toEqual([
            'C: coach calibration: Coach factor 0.90',
            '1 Win: 4.5 of 9 points',
            '3 First: 6 of 9 points',
            '9 Clear: 5.5 of 9 points'
        ]);
        expect($(element, '[data-id="gate"]')).toBeNull();
        expect($(element, '[data-id="veto"]')).toBeNull();
        expect($(element, '[data-id="empty"]')).toBeNull();
    });

    it('groups the 14 elements Coach / Win / First / Clear with meaning and next step', async () => {
        const element = await loaded();
        const groups = $$(element, 'details[data-group]');
        expect(groups.map((g) => g.dataset.group)).toEqual(['Coach', 'Win', 'First', 'Clear']);
        const perGroup = groups.map((g) => g.querySelectorAll('c-choice-group').length);
        expect(perGroup).toEqual([1, 1, 3, 9]);
        // Jump links to the four groups, with their points.
        expect($$(element, 'nav button[data-group]').map((b) => (b.textContent ?? '').trim())).toEqual([
            'C: coach calibration: Coach factor 0.90',
            '1 Win: 4.5 of 9 points',
            '3 First: 6 of 9 points',
            '9 Clear: 5.5 of 9 points'
        ]);
        expect(textOf(element, 'details[data-group="First"] .purpose')).toBe(
            'First is the threshold to success: how the decision body rates us.'
        );

        const win = radio(element, 'Win__c');
        expect(win.label).toBe('Top decision maker chooses us');
        expect(win.value).toBe('Leaning');
        expect(win.options).toEqual([
            { label: 'Not yet known', value: '--not-yet-known--' },
            { label: 'Against us', value: 'Against' },
            { label: 'Leaning to us', value: 'Leaning' },
            { label: 'Chose us', value: 'Yes' }
        ]);
        // One line under the choices (the next step); every meaning one tap away.
        expect(meaningOf(element, 'Win__c', 'Leaning')).toBe(
            'The top decision maker leans to us but has not committed.'
        );
        expect(nextStepOf(element, 'Win__c')).toBe(
            "Next step: Ask what the top decision maker still needs to see before deciding (proof, references, terms) and answer it on the merits, within the customer's process."
        );

        expect(radio(element, 'Clear_Funding__c').label).toBe('6. Funding and payment habits');
        // A blank element shows "not yet known", what that means and how to find out.
        expect(radio(element, 'Clear_Vendor_Activities__c').value).toBe('--not-yet-known--');
        expect(meaningOf(element, 'Clear_Vendor_Activities__c', '--not-yet-known--')).toBe(
            'Unknown: scores 0. Find out.'
        );
        expect(nextStepOf(element, 'Clear_Vendor_Activities__c')).toBe(
            "Next step: Build each vendor's SWOT from public information and the customer's open feedback; never ask for other vendors' bids or internal scores."
        );
    });

    it('shows each evidence finding beside the claim it questions, with its suggested action', async () => {
        const element = await loaded();
        expect(textOf(element, '[data-id="findings-summary"]')).toBe(
            'Warnings from the stakeholder map: 2. Each is shown beside the claim it questions.'
        );
        const beside = $$(element, '[data-findings-for]').map((box) => box.dataset.findingsFor);
        expect(beside).toEqual(['First_Majority_Choose__c', 'Clear_Decision_Criteria__c']);

        const criteria = '[data-element="Clear_Decision_Criteria__c"] [data-code="CRITERIA_UNKNOWN"]';
        expect(textOf(element, `${criteria} [data-id="finding-message"]`)).toBe(CRITERIA_MESSAGE);
        expect(textOf(element, `${criteria} [data-id="finding-action"]`)).toBe(CRITERIA_ACTION);
        const majority = '[data-element="First_Majority_Choose__c"] [data-code="MAJORITY_UNSUPPORTED"]';
        expect(textOf(element, `${majority} [data-id="finding-message"]`)).toBe(MAJORITY_MESSAGE);
        // A questioned claim is marked so the claim and the objection can share a row where there is room.
        expect($(element, '[data-element="Clear_Decision_Criteria__c"]')!.classList).toContain(
            'element_questioned'
        );
        expect($(element, '[data-element="Win__c"]')!.classList).not.toContain('element_questioned');
        expect($(element, '[data-element="Win__c"] [data-findings-for]')).toBeNull();
    });

    it('offers only the Mentors on the map as the coach, and shows model version and scoring time', async () => {
        const element = await loaded();
        const coach = $(element, 'lightning-combobox[data-field="Coach_Stakeholder__c"]') as HTMLElement & {
            options: unknown;
            value: string;
            label: string;
        };
        expect(coach.label).toBe('Who is the coach?');
        expect(coach.value).toBe(PEOPLE.wangJingli);
        expect(coach.options).toEqual([
            { label: 'Not recorded', value: '' },
            { label: '王丽 · 综合管理部经理', value: PEOPLE.wangJingli },
            { label: '李静 · 财务部经理', value: PEOPLE.liZong }
        ]);
        // 09:30 UTC on 20 November is 01:30 in Los Angeles (PST, UTC−8), the stub's time zone.
        expect(textOf(element, '[data-id="last-scored"]')).toBe(
            `Saved score 53 (Contested), scored Nov 20, 2026, 1:30 AM with model ${MODEL_VERSION}.`
        );
        expect(textOf(element, '[data-id="live-model"]')).toBe(
            `Live score computed with model ${MODEL_VERSION}.`
        );
        expect($(element, '[data-id="older-model"]')).toBeNull();
        expect($(element, '[data-id="stale"]')).toBeNull();
    });
});

describe('live scoring while the rep edits', () => {
    it('rescores when Win moves to "Chose us", and the supportive top decision maker raises no warning', async () => {
        const element = await loaded();
        await choose(element, 'Win__c', 'Yes');
        // Win 9 + First 6 + Clear 5.5 = 20.5 → P2 = 41; floor((2 × 41 × 90 + 54) / 108) = floor(7434 / 108) = 68.
        expect(textOf(element, '[data-id="score-value"]')).toBe('68 of 100');
        expect(textOf(element, '[data-id="band"]')).toBe('Band: Leading');
        expect(textOf(element, '[data-id="unsaved"]')).toBe('You have unsaved changes.');
        expect($(element, '[data-element="Win__c"] [data-findings-for]')).toBeNull();
        expect(($(element, '[data-id="save"]') as unknown as { disabled: boolean }).disabled).toBe(false);
    });

    it('warns beside Win when the top decision maker is neutral on the map', async () => {
        const element = await loaded({
            assessments: { [PEOPLE.wangZong]: { Attitude_To_Us__c: 'Neutral' } }
        });
        await choose(element, 'Win__c', 'Yes');
        const finding = '[data-element="Win__c"] [data-code="WIN_UNSUPPORTED"]';
        expect(textOf(element, `${finding} [data-id="finding-message"]`)).toBe(
            'Win is Yes, but a top decision maker is neutral or of unknown attitude.'
        );
        expect(textOf(element, `${finding} [data-id="finding-action"]`)).toBe(
            'Suggested action: Get a visible sign of commitment from the top decision maker, or rate Win as Leaning.'
        );
        expect(textOf(element, '[data-id="findings-summary"]')).toContain(
            'Warnings from the stakeholder map: 3.'
        );
    });

    it('explains the veto when the top decision maker is against us', async () => {
        const element = await loaded();
        await choose(element, 'Win__c', 'Against');
        // Win 0 + First 6 + Clear 5.5 = 11.5 → P2 = 23; floor((4140 + 54) / 108) = 38, capped at 10.
        expect(textOf(element, '[data-id="formula"]')).toBe('11.5 of 27 points × coach factor 0.90 → 38');
        expect(textOf(element, '[data-id="score-value"]')).toBe('10 of 100');
        expect(textOf(element, '[data-id="band"]')).toBe('Band: Losing');
        expect(textOf(element, '[data-id="veto"]')).toBe(
            'The top decision maker is against us: the score is capped at 10 and the band is Losing, whatever else is true.'
        );
    });

    it('explains the Controlled gate, and lifts it when Win becomes "Chose us"', async () => {
        const strong = {
            Coach__c: 'Confirmed_In_Decision_Body',
            Win__c: 'Leaning',
            First_Value_Fit__c: 'Yes',
            First_Key_People_Help__c: 'Yes',
            First_Majority_Choose__c: 'Yes',
            Clear_Our_Process__c: 'Clear',
            Clear_Procurement_Process__c: 'Clear',
            Clear_Organization__c: 'Clear',
            Clear_Decision_Body__c: 'Clear',
            Clear_Decision_Criteria__c: 'Clear',
            Clear_Funding__c: 'Clear',
            Clear_Vendor_Resources__c: 'Clear',
            Clear_Vendor_Activities__c: 'Clear',
            Clear_Key_Factors__c: 'Clear'
        };
        const element = await loaded({ scorecard: strong });
        // 9 + 9 + 4.5 = 22.5 → P2 = 45, F = 100: floor((9000 + 54) / 108) = 83 ≥ 80, but Win is not Yes.
        expect(textOf(element, '[data-id="score-value"]')).toBe('83 of 100');
        expect(textOf(element, '[data-id="band"]')).toBe('Band: Leading');
        expect(textOf(element, '[data-id="gate"]')).toBe(
            'Held at Leading: Controlled also needs the top decision maker to have chosen us and a coach who has at least confirmed the items.'
        );
        await choose(element, 'Win__c', 'Yes');
        // 27 points → P2 = 54: floor((10800 + 54) / 108) = 100, gate passed.
        expect(textOf(element, '[data-id="score-value"]')).toBe('100 of 100');
        expect(textOf(element, '[data-id="band"]')).toBe('Band: Controlled');
        expect($(element, '[data-id="gate"]')).toBeNull();
    });

    it('lets the rep reset an element to "not yet known" and discard all changes', async () => {
        const element = await loaded();
        await choose(element, 'Clear_Our_Process__c', '--not-yet-known--');
        // Clear 5.5 − 1 = 4.5 → 15 points, P2 = 30: floor((5400 + 54) / 108) = 50.
        expect(textOf(element, '[data-id="score-value"]')).toBe('50 of 100');
        expect(radio(element, 'Clear_Our_Process__c').value).toBe('--not-yet-known--');
        await click(element, '[data-id="discard"]');
        expect(radio(element, 'Clear_Our_Process__c').value).toBe('Clear');
        expect(textOf(element, '[data-id="score-value"]')).toBe('53 of 100');
        expect($(element, '[data-id="unsaved"]')).toBeNull();
        expect(($(element, '[data-id="save"]') as unknown as { disabled: boolean }).disabled).toBe(true);
    });
});

describe('saving an existing scorecard', () => {
    it('updates with every input and derived field, guarded by the loaded LastModifiedDate', async () => {
        updateRecordMock.mockResolvedValue({
            id: SCORECARD_ID,
            lastModifiedDate: '2026-11-26T10:00:01.000Z',
            fields: {}
        });
        const element = await loaded();
        await choose(element, 'Win__c', 'Yes');
        await choose(element, 'Coach_Stakeholder__c', PEOPLE.liZong);
        await choose(element, 'Notes__c', '王建确认将在董事会上支持我们的方案。');
        const toasts: CustomEvent[] = [];
        element.addEventListener('lightning__showtoast', (e) => toasts.push(e as CustomEvent));
        await click(element, '[data-id="save"]');

        expect(createRecordMock).not.toHaveBeenCalled();
        expect(updateRecordMock).toHaveBeenCalledTimes(1);
        expect(updateRecordMock).toHaveBeenCalledWith(
            {
                fields: {
                    Id: SCORECARD_ID,
                    ...STORED_INPUTS,
                    Win__c: 'Yes',
                    Coach_Stakeholder__c: PEOPLE.liZong,
                    Notes__c: '王建确认将在董事会上支持我们的方案。',
                    // Win 9 + First 6 + Clear 5.5 = 20.5 → 68, Leading (see the header comment).
                    Clear_Points__c: 5.5,
                    First_Points__c: 6,
                    Win_Points__c: 9,
                    Coach_Factor__c: 0.9,
                    Control_Score__c: 68,
                    Control_Band__c: 'Leading',
                    Band_Rank__c: 4,
                    Evidence_Codes__c: 'CRITERIA_UNKNOWN;MAJORITY_UNSUPPORTED',
                    Warning_Count__c: 2,
                    Model_Version__c: MODEL_VERSION,
                    Scored_At__c: NOW
                }
            },
            { ifUnmodifiedSince: SAVED_AT }
        );
        expect(notifyMock).toHaveBeenCalledWith([{ recordId: OPPORTUNITY_ID }]);
        expect(refresh).toHaveBeenCalledTimes(1);
        expect(toasts).toHaveLength(1);
        expect(toasts[0].detail).toEqual({
            title: 'Scorecard saved',
            message: 'Control score 68, band Leading.',
            variant: 'success'
        });
        // The saved values stay on screen before the query catches up, and nothing is left unsaved.
        expect(radio(element, 'Win__c').value).toBe('Yes');
        expect($(element, '[data-id="unsaved"]')).toBeNull();
        expect(textOf(element, '[data-id="last-scored"]')).toBe(
            `Saved score 68 (Leading), scored Nov 26, 2026, 2:00 AM with model ${MODEL_VERSION}.`
        );
    });

    it('guards the next save with the LastModifiedDate the save returned', async () => {
        updateRecordMock.mockResolvedValue({
            id: SCORECARD_ID,
            lastModifiedDate: '2026-11-26T10:00:01.000Z',
            fields: {}
        });
        const element = await loaded();
        await choose(element, 'Win__c', 'Yes');
        await click(element, '[data-id="save"]');
        await choose(element, 'Clear_Funding__c', 'Clear');
        await click(element, '[data-id="save"]');
        expect(updateRecordMock).toHaveBeenCalledTimes(2);
        expect(updateRecordMock.mock.calls[1][1]).toEqual({ ifUnmodifiedSince: '2026-11-26T10:00:01.000Z' });
        expect(updateRecordMock.mock.calls[1][0].fields.Clear_Funding__c).toBe('Clear');
        expect(updateRecordMock.mock.calls[1][0].fields.Win__c).toBe('Yes');
    });

    it("on a conflict shows the newer data, keeps the rep's changes and marks them", async () => {
        updateRecordMock.mockRejectedValueOnce(preconditionFailed);
        const element = await loaded();
        await choose(element, 'Win__c', 'Yes');
        await click(element, '[data-id="save"]');

        expect(refresh).toHaveBeenCalledTimes(1);
        expect(textOf(element, '[data-id="notice"] p')).toBe(
            'Someone changed this scorecard after you opened it. Their newer values are shown; your changes are kept and marked beside the saved values. Review them and save again.'
        );
        expect($(element, '[data-id="save-errors"]')).toBeNull();

        // A colleague had meanwhile rated funding Clear and Win Against; the wire brings that in.
        const newer = '2026-11-26T09:58:00.000Z';
        graphqlWire.emit(
            deal({ scorecard: { LastModifiedDate: newer, Clear_Funding__c: 'Clear', Win__c: 'Against' } }),
            undefined,
            refresh
        );
        await flush();
        expect(radio(element, 'Win__c').value).toBe('Yes');
        expect(textOf(element, '[data-saved-note="Win__c"]')).toContain('Saved value: Against us');
        expect(radio(element, 'Clear_Funding__c').value).toBe('Clear');
        expect($(element, '[data-saved-note="Clear_Funding__c"]')).toBeNull();

        updateRecordMock.mockResolvedValueOnce({
            id: SCORECARD_ID,
            lastModifiedDate: '2026-11-26T10:00:02.000Z'
        });
        await click(element, '[data-id="save"]');
        expect(updateRecordMock).toHaveBeenCalledTimes(2);
        const [second, options] = updateRecordMock.mock.calls[1];
        expect(options).toEqual({ ifUnmodifiedSince: newer });
        // Funding Clear adds 0.5: Clear 6 + First 6 + Win 9 = 21 → P2 = 42: floor((7560 + 54) / 108) = 70.
        expect(second.fields).toMatchObject({
            Win__c: 'Yes',
            Clear_Funding__c: 'Clear',
            Control_Score__c: 70
        });
        expect($(element, '[data-id="notice"]')).toBeNull();
    });

    it('lets the rep take the saved value instead of their own after a conflict', async () => {
        updateRecordMock.mockRejectedValueOnce(preconditionFailed);
        const element = await loaded();
        await choose(element, 'Win__c', 'Yes');
        await click(element, '[data-id="save"]');
        graphqlWire.emit(
            deal({ scorecard: { LastModifiedDate: '2026-11-26T09:58:00.000Z', Win__c: 'Against' } }),
            undefined,
            refresh
        );
        await flush();
        await click(element, '[data-saved-note="Win__c"] [data-id="use-saved"]');
        expect(radio(element, 'Win__c').value).toBe('Against');
        expect($(element, '[data-saved-note="Win__c"]')).toBeNull();
    });

    it('shows field errors at the field, other problems in the panel, and keeps every choice', async () => {
        updateRecordMock.mockRejectedValueOnce(fieldErrors);
        const element = await loaded();
        await choose(element, 'Win__c', 'Yes');
        await click(element, '[data-id="save"]');

        // The platform's restricted-picklist text becomes a plain sentence at the element.
        const winGroup = $(element, 'c-choice-group[data-field="Win__c"]') as HTMLElement & { error: string };
        expect(winGroup.error).toBe('This value is not allowed here. Choose one of the listed values.');
        expect(panelPart(element, '[data-id="save-errors"]', 'heading')).toBe('The scorecard was not saved');
        expect(panelPart(element, '[data-id="save-errors"]', 'advice')).toBe(
            'Salesforce did not accept some values. Correct them and save again.'
        );
        // A rule on a field the rep cannot change is for the admin: in the details.
        expect(panelPart(element, '[data-id="save-errors"]', 'details')).toContain(
            "The key must be the Opportunity's 18-character Id."
        );
        expect(radio(element, 'Win__c').value).toBe('Yes');
        expect(refresh).not.toHaveBeenCalled();

        await choose(element, 'Win__c', 'Leaning');
        expect(winGroup.error).toBe('');
    });

    it("shows a network failure in the panel and keeps the rep's choices for the next try", async () => {
        updateRecordMock.mockRejectedValueOnce(networkError);
        const element = await loaded();
        await choose(element, 'Clear_Funding__c', 'Clear');
        await click(element, '[data-id="save"]');
        expect(panelPart(element, '[data-id="save-errors"]', 'advice')).toBe(
            'Salesforce could not be reached. Check your connection, then try again.'
        );
        expect(panelPart(element, '[data-id="save-errors"]', 'details')).toContain('Failed to fetch');
        expect(panelPart(element, '[data-id="save-errors"]', 'note')).toBe(
            'Your choices are still on screen: fix the problem and save again.'
        );
        expect(radio(element, 'Clear_Funding__c').value).toBe('Clear');
        expect(textOf(element, '[data-id="unsaved"]')).toBe('You have unsaved changes.');
        await expect(element).toBeAccessible();
    });

    it('offers a rescore when the stored score no longer matches the map', async () => {
        // Stored before 王乘 was added to the decision body: one warning then, two now.
        updateRecordMock.mockResolvedValue({
            id: SCORECARD_ID,
            lastModifiedDate: '2026-11-26T10:00:01.000Z'
        });
        const element = await loaded({
            scorecard: {
                Evidence_Codes__c: 'MAJORITY_UNSUPPORTED',
                Warning_Count__c: 1,
                Model_Version__c: 'C139-v0.9.0'
            }
        });
        expect(textOf(element, '[data-id="stale"]')).toBe(
            'The stakeholder map or the model changed since this score was saved: save to store the current score.'
        );
        expect(textOf(element, '[data-id="older-model"]')).toBe(
            `That score comes from an older model; saving rescores it with ${MODEL_VERSION}.`
        );
        await click(element, '[data-id="save"]');
        expect(updateRecordMock.mock.calls[0][0].fields).toMatchObject({
            ...STORED_INPUTS,
            Control_Score__c: 53,
            Evidence_Codes__c: 'CRITERIA_UNKNOWN;MAJORITY_UNSUPPORTED',
            Warning_Count__c: 2,
            Model_Version__c: MODEL_VERSION,
            Scored_At__c: NOW
        });
    });
});

describe('keeping the screen in step with the server', () => {
    it('does not fall back to older cached data after a save, and takes newer data when it comes', async () => {
        updateRecordMock.mockResolvedValue({
            id: SCORECARD_ID,
            lastModifiedDate: '2026-11-26T10:00:01.000Z'
        });
        const element = await loaded();
        await choose(element, 'Win__c', 'Yes');
        await click(element, '[data-id="save"]');

        // The query answers from its cache with the scorecard as it was before the save.
        graphqlWire.emit(deal(), undefined, refresh);
        await flush();
        expect(radio(element, 'Win__c').value).toBe('Yes');

        // Then the saved record arrives, and later a colleague's edit on top of it.
        graphqlWire.emit(
            deal({
                scorecard: {
                    LastModifiedDate: '2026-11-26T10:05:00.000Z',
                    Win__c: 'Yes',
                    Clear_Funding__c: 'Clear'
                }
            }),
            undefined,
            refresh
        );
        await flush();
        expect(radio(element, 'Win__c').value).toBe('Yes');
        expect(radio(element, 'Clear_Funding__c').value).toBe('Clear');
    });

    it('reports a failed refresh in the load panel', async () => {
        updateRecordMock.mockResolvedValue({
            id: SCORECARD_ID,
            lastModifiedDate: '2026-11-26T10:00:01.000Z'
        });
        refresh.mockRejectedValueOnce(networkError);
        const element = await loaded();
        await choose(element, 'Win__c', 'Yes');
        await click(element, '[data-id="save"]');
        expect(panelPart(element, '[data-id="load-errors"]', 'advice')).toBe(
            'Salesforce could not be reached. Check your connection, then try again.'
        );
        // The saved answers stay visible underneath.
        expect(radio(element, 'Win__c').value).toBe('Yes');
    });

    it('lets the rep dismiss the conflict message', async () => {
        updateRecordMock.mockRejectedValueOnce(preconditionFailed);
        const element = await loaded();
        await choose(element, 'Win__c', 'Yes');
        await click(element, '[data-id="save"]');
        await click(element, '[data-id="dismiss-notice"]');
        expect($(element, '[data-id="notice"]')).toBeNull();
        expect(radio(element, 'Win__c').value).toBe('Yes');
    });
});

describe('choosing the coach', () => {
    type Combobox = HTMLElement & { options: Array<{ label: string; value: string }>; value: string };
    const coachBox = (element: HTMLElement) =>
        $(element, 'lightning-combobox[data-field="Coach_Stakeholder__c"]') as Combobox;

    it('keeps a recorded coach who is no longer a Mentor visible, marked as such', async () => {
        const element = await loaded({
            assessments: { [PEOPLE.wangJingli]: { Attitude_To_Us__c: 'Supporter' } }
        });
        expect(coachBox(element).value).toBe(PEOPLE.wangJingli);
        expect(coachBox(element).options).toEqual([
            { label: 'Not recorded', value: '' },
            { label: '李静 · 财务部经理', value: PEOPLE.liZong },
            { label: '王丽 · 综合管理部经理 (no longer a Mentor on the map)', value: PEOPLE.wangJingli }
        ]);
    });

    it('tells the rep to mark a Mentor first when the map has none', async () => {
        const element = await loaded({
            scorecard: { Coach_Stakeholder__c: null },
            assessments: {
                [PEOPLE.wangJingli]: { Attitude_To_Us__c: 'Supporter' },
                [PEOPLE.liZong]: { Attitude_To_Us__c: 'Neutral' }
            }
        });
        expect(coachBox(element).options).toEqual([{ label: 'Not recorded', value: '' }]);
        expect(textOf(element, '[data-id="coach-person-help"]')).toBe(
            'Nobody on the stakeholder map is a Mentor yet: mark the coach as a Mentor there first.'
        );
        // Coach Confirmed with no Mentor on the map is questioned beside the coach element.
        expect($(element, '[data-element="Coach__c"] [data-code="COACH_WITHOUT_MENTOR"]')).not.toBeNull();
    });

    it('clears the coach when the rep chooses "Not recorded"', async () => {
        updateRecordMock.mockResolvedValue({
            id: SCORECARD_ID,
            lastModifiedDate: '2026-11-26T10:00:01.000Z'
        });
        const element = await loaded();
        await choose(element, 'Coach_Stakeholder__c', '');
        await click(element, '[data-id="save"]');
        expect(updateRecordMock.mock.calls[0][0].fields.Coach_Stakeholder__c).toBeNull();
    });
});

describe('the first scorecard of an Opportunity', () => {
    it('shows the empty state with a live score of 0', async () => {
        const element = await loaded({ scorecard: null });
        expect(textOf(element, '[data-id="empty"] h3')).toBe('No scorecard yet — rate what you know');
        // Nothing known: 0 points, no coach (0.5) → 0, Losing.
        expect(textOf(element, '[data-id="score-value"]')).toBe('0 of 100');
        expect(textOf(element, '[data-id="band"]')).toBe('Band: Losing');
        expect($(element, '[data-id="last-scored"]')).toBeNull();
        expect(radio(element, 'Coach__c').value).toBe('--not-yet-known--');
        expect(($(element, '[data-id="save"]') as unknown as { disabled: boolean }).disabled).toBe(true);
    });

    it('creates it with the Opportunity, its 18-character key, every input and every derived field', async () => {
        createRecordMock.mockResolvedValue({
            id: 'a02000000000009AAA',
            lastModifiedDate: '2026-11-26T10:00:01.000Z'
        });
        const element = await loaded({ scorecard: null });
        await choose(element, 'Coach__c', 'Identified');
        await choose(element, 'Win__c', 'Leaning');
        await choose(element, 'Clear_Procurement_Process__c', 'Clear');
        await click(element, '[data-id="save"]');

        expect(updateRecordMock).not.toHaveBeenCalled();
        expect(createRecordMock).toHaveBeenCalledWith({
            apiName: 'C139_Scorecard__c',
            fields: {
                Opportunity__c: OPPORTUNITY_ID,
                Opportunity_Key__c: OPPORTUNITY_ID,
                Coach__c: 'Identified',
                Win__c: 'Leaning',
                First_Value_Fit__c: null,
                First_Key_People_Help__c: null,
                First_Majority_Choose__c: null,
                Clear_Our_Process__c: null,
                Clear_Procurement_Process__c: 'Clear',
                Clear_Organization__c: null,
                Clear_Decision_Body__c: null,
                Clear_Decision_Criteria__c: null,
                Clear_Funding__c: null,
                Clear_Vendor_Resources__c: null,
                Clear_Vendor_Activities__c: null,
                Clear_Key_Factors__c: null,
                Coach_Stakeholder__c: null,
                Notes__c: null,
                // Win 4.5 + Clear 1 = 5.5 → P2 = 11, F = 75: floor((1650 + 54) / 108) = 15 → Losing (< 20).
                // Win Leaning with a supportive top DM and a coach with Mentors on the map: no findings.
                Clear_Points__c: 1,
                First_Points__c: 0,
                Win_Points__c: 4.5,
                Coach_Factor__c: 0.75,
                Control_Score__c: 15,
                Control_Band__c: 'Losing',
                Band_Rank__c: 1,
                Evidence_Codes__c: null,
                Warning_Count__c: 0,
                Model_Version__c: MODEL_VERSION,
                Scored_At__c: NOW
            }
        });
        expect($(element, '[data-id="empty"]')).toBeNull();
        expect(refresh).toHaveBeenCalledTimes(1);

        // The next save updates the record just created, guarded by the time it was created.
        await choose(element, 'Clear_Funding__c', 'Partial');
        updateRecordMock.mockResolvedValue({
            id: 'a02000000000009AAA',
            lastModifiedDate: '2026-11-26T10:00:05.000Z'
        });
        await click(element, '[data-id="save"]');
        expect(createRecordMock).toHaveBeenCalledTimes(1);
        expect(updateRecordMock.mock.calls[0][0].fields.Id).toBe('a02000000000009AAA');
        expect(updateRecordMock.mock.calls[0][1]).toEqual({ ifUnmodifiedSince: '2026-11-26T10:00:01.000Z' });
    });

    it('keys a 15-character record Id by its 18-character form', async () => {
        createRecordMock.mockResolvedValue({
            id: 'a02000000000009AAA',
            lastModifiedDate: '2026-11-26T10:00:01.000Z'
        });
        const element = await loaded({ scorecard: null }, '006Hs00000AbCdE');
        await choose(element, 'Win__c', 'Leaning');
        await click(element, '[data-id="save"]');
        // Checksum by hand: "006Hs" has a capital at position 3 → 8 → I; "00000" → 0 → A;
        // "AbCdE" has capitals at 0, 2, 4 → 1 + 4 + 16 = 21 → V.
        expect(createRecordMock.mock.calls[0][0].fields.Opportunity_Key__c).toBe('006Hs00000AbCdEIAV');
        expect(createRecordMock.mock.calls[0][0].fields.Opportunity__c).toBe('006Hs00000AbCdE');
    });

    it("when a colleague created it first, shows theirs and keeps the rep's choices to save over it", async () => {
        createRecordMock.mockRejectedValueOnce(duplicateValue);
        const element = await loaded({ scorecard: null });
        await choose(element, 'Coach__c', 'Identified');
        await choose(element, 'Win__c', 'Yes');
        await click(element, '[data-id="save"]');

        expect(refresh).toHaveBeenCalledTimes(1);
        expect(textOf(element, '[data-id="notice"] p')).toBe(
            "A colleague created this opportunity's scorecard a moment ago. Their scorecard is shown now; your choices are kept and marked beside their saved values. Review them and save again."
        );
        expect($(element, '[data-id="save-errors"]')).toBeNull();

        // The refresh brings the colleague's scorecard (the fixture's stored one).
        graphqlWire.emit(deal(), undefined, refresh);
        await flush();
        expect($(element, '[data-id="empty"]')).toBeNull();
        expect(radio(element, 'Coach__c').value).toBe('Identified');
        expect(textOf(element, '[data-saved-note="Coach__c"]')).toContain('Saved value: Confirmed');
        expect(radio(element, 'Win__c').value).toBe('Yes');
        expect(textOf(element, '[data-saved-note="Win__c"]')).toContain('Saved value: Leaning to us');
        // Untouched elements show the colleague's values.
        expect(radio(element, 'First_Majority_Choose__c').value).toBe('Yes');
        expect(textOf(element, '[data-id="last-scored"]')).toContain('Saved score 53 (Contested)');
        await expect(element).toBeAccessible();

        updateRecordMock.mockResolvedValue({
            id: SCORECARD_ID,
            lastModifiedDate: '2026-11-26T10:00:03.000Z'
        });
        await click(element, '[data-id="save"]');
        expect(createRecordMock).toHaveBeenCalledTimes(1);
        expect(updateRecordMock).toHaveBeenCalledTimes(1);
        const [input, options] = updateRecordMock.mock.calls[0];
        expect(options).toEqual({ ifUnmodifiedSince: SAVED_AT });
        // Coach Identified (75), Win 9 + First 6 + Clear 5.5 = 20.5 → P2 = 41: floor((6150 + 54) / 108) = 57.
        expect(input.fields).toMatchObject({
            Id: SCORECARD_ID,
            Coach__c: 'Identified',
            Win__c: 'Yes',
            First_Majority_Choose__c: 'Yes',
            Control_Score__c: 57,
            Control_Band__c: 'Contested'
        });
    });
});
