// The components the preview can show (?component=…), one entry each. To add one (for example the
// political map, `map`), import it and add an entry: its tag, its class, the Jest fixture set its
// tests use, and the public properties a record page would set. `arrange` is only for what a rep
// must do to reach a state (the editor has no query, so its error states come from a save).
import type { LightningElement } from 'lwc';
import StakeholderGrid from 'c/stakeholderGrid';
import StakeholderEditor from 'c/stakeholderEditor';
import C139Scorecard from 'c/c139Scorecard';
import StakeholderQuickAssess from 'c/stakeholderQuickAssess';
import StakeholderMap from 'c/stakeholderMap';
import type { FixtureSetName } from './fixtures';
import type { PreviewState } from './states';
import type { DealData, RecordStore } from '../stubs/recordStore';
import { clickPath, selectOption, waitFor } from './user';
import { toDealSnapshot } from 'c/dealControlData';
import { noteClose } from './toast';

export const OPPORTUNITY_ID = '006000000000001AAA';

export interface MountContext {
    state: PreviewState;
    deal: DealData;
    store: RecordStore;
}

export interface PreviewComponent {
    tag: string;
    ctor: typeof LightningElement;
    fixtures: FixtureSetName;
    /** Public properties, as the record page (or the grid, for the editor) would set them. */
    props(context: MountContext): Record<string, unknown>;
    /** What the container does on the component's events (the editor's host reloads after a conflict). */
    events?: Record<
        string,
        (element: HTMLElement & Record<string, unknown>, context: MountContext, event: Event) => void
    >;
    /** Steps a rep takes to bring the component into a state. */
    arrange?: Partial<Record<PreviewState, (element: HTMLElement) => Promise<void>>>;
}

/** The assessment of 王建 (top decision maker), in the shape the grid hands to the editor. */
function assessmentOf(deal: DealData, id: string): Record<string, unknown> | null {
    const edge = deal.uiapi.query.Stakeholder_Assessment__c?.edges.find((e) => e.node.Id === id);
    if (!edge) return null;
    const flat: Record<string, unknown> = { Id: edge.node.Id };
    for (const [field, holder] of Object.entries(edge.node)) {
        if (field !== 'Id') flat[field] = (holder as { value: unknown } | null)?.value ?? null;
    }
    return flat;
}
const WANG_JIAN = 'a01000000000001AAA';

async function saveEditor(element: HTMLElement): Promise<void> {
    await waitFor(element, 'lightning-button.save');
    await clickPath(element, 'lightning-button.save', 'button');
}

/** The rep says the top decision maker chose us, then saves. */
async function rateWinAndSave(element: HTMLElement): Promise<void> {
    await waitFor(element, 'c-choice-group[data-field="Win__c"]');
    await clickPath(element, 'c-choice-group[data-field="Win__c"]', 'input[value="Yes"]');
    await clickPath(element, 'lightning-button[data-id="save"]', 'button');
}

/** The rep opens 王建 on the political map and saves the assessment unchanged. */
async function openWangJianOnMapAndSave(element: HTMLElement): Promise<void> {
    // A drawn person is an SVG element, which has no click(): send the click a pointer would.
    const person = await waitFor(element, `[data-person="${WANG_JIAN}"]`);
    person.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await saveEditor(element);
}

/** The rep picks 王建 (already on the map) and saves the assessment unchanged. */
async function assessWangJianAndSave(element: HTMLElement): Promise<void> {
    await waitFor(element, 'select.who option[value="a:a01000000000001AAA"]');
    await selectOption(element, 'select.who', 'a:a01000000000001AAA');
    await saveEditor(element);
}

export const COMPONENTS: Readonly<Record<string, PreviewComponent>> = {
    grid: {
        tag: 'c-stakeholder-grid',
        ctor: StakeholderGrid,
        fixtures: 'deal',
        props: () => ({ recordId: OPPORTUNITY_ID })
    },
    editor: {
        tag: 'c-stakeholder-editor',
        ctor: StakeholderEditor,
        fixtures: 'deal',
        // The grid hands the editor the deal its query loaded: the other people and their links.
        props: ({ state, deal }) => ({
            opportunityId: OPPORTUNITY_ID,
            record: state === 'empty' ? null : assessmentOf(deal, WANG_JIAN),
            deal: toDealSnapshot(deal)
        }),
        events: {
            conflict: (element, { store }) => {
                element.record = assessmentOf(store.snapshot(), WANG_JIAN);
                element.deal = toDealSnapshot(store.snapshot());
            }
        },
        arrange: {
            loading: saveEditor,
            errors: saveEditor,
            saveConflict: saveEditor,
            saveFieldErrors: saveEditor
        }
    },
    scorecard: {
        tag: 'c-c139-scorecard',
        ctor: C139Scorecard,
        fixtures: 'scorecard',
        props: () => ({ recordId: OPPORTUNITY_ID }),
        arrange: { saveConflict: rateWinAndSave, saveFieldErrors: rateWinAndSave }
    },
    quick: {
        tag: 'c-stakeholder-quick-assess',
        ctor: StakeholderQuickAssess,
        fixtures: 'deal',
        props: () => ({ recordId: OPPORTUNITY_ID }),
        events: {
            // The Aura action that hosts it closes on this event; the preview notes it.
            close: (_element, _context, event) =>
                noteClose(
                    document.getElementById('toasts')!,
                    (event as CustomEvent<{ saved?: boolean }>).detail?.saved === true
                )
        },
        arrange: { saveConflict: assessWangJianAndSave, saveFieldErrors: assessWangJianAndSave }
    },
    map: {
        tag: 'c-stakeholder-map',
        ctor: StakeholderMap,
        fixtures: 'deal',
        props: () => ({ recordId: OPPORTUNITY_ID }),
        arrange: { saveConflict: openWangJianOnMapAndSave, saveFieldErrors: openWangJianOnMapAndSave }
    }
};
