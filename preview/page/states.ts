// The page states of ?state=…, and what each one asks of the stubs. The same seven states apply to
// every component; a component that has no query (the editor) reaches the save states through its
// registry entry's `arrange` step.
import type { FixtureSet } from './fixtures';
import type { DealData, SaveOutcome } from '../stubs/recordStore';
import type { QueryAnswer } from '../stubs/session';

export const STATES = [
    'ok',
    'empty',
    'loading',
    'errors',
    'partial',
    'saveConflict',
    'saveFieldErrors'
] as const;
export type PreviewState = (typeof STATES)[number];

export interface StatePlan {
    deal: DealData;
    answer: QueryAnswer;
    outcome: SaveOutcome;
    /** Play the colleague's save before the first save (the page keeps showing the older version). */
    theirEdit: boolean;
}

export function planState(state: PreviewState, set: FixtureSet, deal: DealData): StatePlan {
    const plan: StatePlan = { deal, answer: 'data', outcome: {}, theirEdit: false };
    switch (state) {
        case 'ok':
            return plan;
        case 'empty':
            return { ...plan, deal: set.empty(deal) };
        case 'loading':
            // Nothing the server is asked ever answers: the query spins, a save stays "Saving…".
            return { ...plan, answer: 'never', outcome: { hang: true } };
        case 'errors':
            // The query fails, and so would any save (the network is gone).
            return { ...plan, answer: 'errors', outcome: { failWith: set.networkError } };
        case 'partial':
            return { ...plan, answer: 'dataAndErrors' };
        case 'saveConflict':
            return { ...plan, outcome: { conflictWith: set.conflictError }, theirEdit: true };
        case 'saveFieldErrors':
            return { ...plan, outcome: { failWith: set.fieldErrors } };
    }
}
