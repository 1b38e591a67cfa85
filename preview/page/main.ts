// The preview page: reads ?component, lang, state, width, fixture; plays the state on the stubs;
// mounts the component in a container of the given width; tells the browser tests when it is done
// (window.__preview.settled) and what went wrong (window.__preview.errors).
// Lightning Experience renders components in synthetic shadow (global SLDS styles reach inside them);
// it must load before the engine.
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import { COMPONENTS, MountContext } from './registry';
import { DEFAULT_CASE, FIXTURE_SETS, FixtureSet } from './fixtures';
import { PreviewState, STATES, planState } from './states';
import { startClockAt } from './clock';
import { listenForToasts } from './toast';
import { startSession } from '../stubs/session';
import { PREVIEW_LANGS, previewLang } from '../stubs/i18n';
import { settle } from './user';

interface Shown {
    component: string;
    state: PreviewState;
    width: number;
    fixture: string;
}

interface PreviewWindow {
    __preview: {
        settled: boolean;
        errors: string[];
        store?: unknown;
        params?: Record<string, string>;
        /**
         * Shows the same component in another state (or fixture) without loading the page again:
         * a fresh component on fresh stubs, as a new page load would give. The language stays, as
         * the components read it once. Resolves with the errors of this showing.
         */
        show?(change: Partial<Pick<Shown, 'state' | 'fixture'>>): Promise<string[]>;
    };
}
const preview: PreviewWindow['__preview'] = { settled: false, errors: [] };
(window as unknown as PreviewWindow).__preview = preview;
window.addEventListener('error', (event) => preview.errors.push(String(event.error?.stack ?? event.message)));
window.addEventListener('unhandledrejection', (event) =>
    preview.errors.push(String(event.reason?.stack ?? event.reason))
);

/** A query parameter that must be one of the allowed values; anything else is an error the page shows. */
function param(params: URLSearchParams, name: string, allowed: readonly string[], fallback: string): string {
    const value = params.get(name) ?? fallback;
    if (!allowed.includes(value)) throw new Error(`?${name}=${value} is not one of: ${allowed.join(', ')}`);
    return value;
}

function readUrl(): Shown {
    const params = new URLSearchParams(location.search);
    const component = param(params, 'component', Object.keys(COMPONENTS), 'grid');
    param(params, 'lang', PREVIEW_LANGS, 'en-US');
    const state = param(params, 'state', STATES, 'ok') as PreviewState;
    const width = Number(params.get('width') ?? '840');
    if (!Number.isInteger(width) || width < 280 || width > 2000)
        throw new Error(`?width=${params.get('width')} must be 280–2000 (px)`);
    const set: FixtureSet = FIXTURE_SETS[COMPONENTS[component].fixtures];
    const fixture = param(params, 'fixture', Object.keys(set.cases), DEFAULT_CASE);
    return { component, state, width, fixture };
}

/** Plays the state on fresh stubs and mounts a fresh component in the container. */
async function mount(shown: Shown): Promise<void> {
    const entry = COMPONENTS[shown.component];
    const set: FixtureSet = FIXTURE_SETS[entry.fixtures];
    if (!(shown.fixture in set.cases)) {
        throw new Error(`fixture ${shown.fixture} is not one of: ${Object.keys(set.cases).join(', ')}`);
    }
    preview.params = {
        component: shown.component,
        lang: previewLang(),
        state: shown.state,
        width: String(shown.width),
        fixture: shown.fixture
    };
    startClockAt(set.now);
    const plan = planState(shown.state, set, set.cases[shown.fixture]);
    const store = startSession(plan.deal, plan.answer, set.queryErrors);
    store.setOutcome(plan.outcome);
    preview.store = store;

    const stage = document.getElementById('stage')!;
    stage.replaceChildren();
    document.getElementById('toasts')!.replaceChildren();
    stage.style.width = `${shown.width}px`;

    const context: MountContext = { state: shown.state, deal: plan.deal, store };
    const element = createElement(entry.tag, { is: entry.ctor }) as HTMLElement & Record<string, unknown>;
    Object.assign(element, entry.props(context));
    for (const [name, handler] of Object.entries(entry.events ?? {})) {
        element.addEventListener(name, (event) => handler(element, context, event));
    }
    stage.append(element);
    // The colleague saves after the page has read the deal (the wire answers after the first render).
    await settle(20);
    if (plan.theirEdit) store.applyTheirEdit(set.theirEdit);
    await entry.arrange?.[shown.state]?.(element);
    await settle(20);
    await document.fonts.ready;
}

function showError(error: Error): void {
    preview.errors.push(String(error.stack ?? error));
    const banner = document.getElementById('page-error')!;
    banner.hidden = false;
    banner.textContent = `Preview error: ${error.message}`;
}

async function start(): Promise<void> {
    document.documentElement.lang = previewLang();
    listenForToasts(document.getElementById('toasts')!);
    let shown = readUrl();
    await mount(shown);
    preview.show = async (change) => {
        preview.settled = false;
        const before = preview.errors.length;
        shown = { ...shown, ...change };
        await mount(shown).catch(showError);
        preview.settled = true;
        return preview.errors.slice(before);
    };
}

start()
    .catch(showError)
    .finally(() => {
        preview.settled = true;
    });
