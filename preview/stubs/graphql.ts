// lightning/graphql for the preview: a wire adapter that answers the deal query from the record
// store, with refresh() re-reading it (what the components call after a save).
import { session } from './session';

type Result = { data?: unknown; errors?: unknown[]; refresh: () => Promise<void> };
type DataCallback = (result: Result) => void;

export function gql(strings: TemplateStringsArray, ...values: unknown[]): string {
    return strings.reduce((text, part, i) => text + part + (i < values.length ? String(values[i]) : ''), '');
}

export class graphql {
    private connected = false;
    /** The variables of the current config (JSON), null until the component knows its record. */
    private variables: string | null = null;
    /** The variables last answered: LDS serves a repeated identical config from its cache, no new read. */
    private answered: string | null = null;

    constructor(private readonly callback: DataCallback) {}

    update(config: { variables?: Record<string, unknown> }): void {
        // The components pass no variables until they know their record: the platform waits too.
        this.variables = config?.variables ? JSON.stringify(config.variables) : null;
        this.answerIfNew();
    }

    connect(): void {
        this.connected = true;
        this.answerIfNew();
    }

    disconnect(): void {
        this.connected = false;
    }

    private answerIfNew(): void {
        if (!this.connected || this.variables === null || this.variables === this.answered) return;
        this.answered = this.variables;
        this.emit();
    }

    private emit(): void {
        const { store, answer, queryErrors } = session();
        if (answer === 'never') return;
        const refresh = async (): Promise<void> => {
            await new Promise((resolve) => setTimeout(resolve, 20));
            this.emit();
        };
        const data = answer === 'errors' ? undefined : store.snapshot();
        const errors = answer === 'data' ? undefined : queryErrors;
        this.callback({ data, errors, refresh });
    }
}
