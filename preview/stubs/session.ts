// What the preview page decided from its URL, shared by the stubs: the record store and how the
// deal query answers (data, errors, both, or never).
import { DealData, RecordStore } from './recordStore';

export type QueryAnswer = 'data' | 'errors' | 'dataAndErrors' | 'never';

interface Session {
    store: RecordStore;
    answer: QueryAnswer;
    queryErrors: unknown[];
}

let current: Session | null = null;

export function startSession(deal: DealData, answer: QueryAnswer, queryErrors: unknown[]): RecordStore {
    current = { store: new RecordStore(deal), answer, queryErrors };
    return current.store;
}

export function session(): Session {
    if (!current) throw new Error('Preview: the page must start a session before a component mounts');
    return current;
}
