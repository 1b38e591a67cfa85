// The preview's server side: one deal held in the GraphQL shape of the Jest fixtures
// (uiapi.query.<Object>.edges[].node.<Field>.value), changed by the uiRecordApi stub and read back by
// the graphql stub, so the grid re-queries after an edit exactly as it does against the platform.
// Failures are scripted per preview state (a conflict, field errors, a network failure).

type FieldHolder = { value: unknown };
type GraphNode = Record<string, unknown> & { Id: string };
interface Connection {
    edges: Array<{ node: GraphNode }>;
}
export interface DealData {
    uiapi: { query: Record<string, Connection> };
}

/** A change someone else saved after the page loaded: the next save of that record conflicts. */
export interface TheirEdit {
    id: string;
    fields: Record<string, unknown>;
    lastModifiedDate: string;
}

export interface SaveOutcome {
    /** Rejects every save with this error body (a network failure, field errors). */
    failWith?: unknown;
    /** Rejects a save whose ifUnmodifiedSince is older than the stored record with this body. */
    conflictWith?: unknown;
    /** Never answers: the save stays in flight (to show "Saving…"). */
    hang?: boolean;
}

const PREFIX: Readonly<Record<string, string>> = {
    Stakeholder_Assessment__c: 'a01',
    C139_Scorecard__c: 'a02'
};

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export class RecordStore {
    private data: DealData;
    private outcome: SaveOutcome = {};
    private created = 0;
    private readonly listeners = new Set<() => void>();
    /** Every create, update and delete the components sent, for the browser tests to read. */
    readonly log: Array<{ op: string; input: unknown; options?: unknown }> = [];

    constructor(data: DealData) {
        this.data = clone(data);
    }

    snapshot(): DealData {
        return clone(this.data);
    }

    setOutcome(outcome: SaveOutcome): void {
        this.outcome = outcome;
    }

    /** Applies a colleague's save behind the page's back (the page still shows the older version). */
    applyTheirEdit(edit: TheirEdit): void {
        const found = this.find(edit.id);
        if (!found) throw new Error(`Preview fixture: no record ${edit.id} for the conflict`);
        for (const [field, value] of Object.entries(edit.fields)) found.node[field] = { value };
        found.node.LastModifiedDate = { value: edit.lastModifiedDate };
    }

    onChange(listener: () => void): () => void {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }

    private find(id: string): { objectApiName: string; node: GraphNode; connection: Connection } | null {
        for (const [objectApiName, connection] of Object.entries(this.data.uiapi.query)) {
            const edge = connection.edges.find((e) => e.node.Id === id);
            if (edge) return { objectApiName, node: edge.node, connection };
        }
        return null;
    }

    private async settle<T>(op: () => T): Promise<T> {
        if (this.outcome.hang) return new Promise<T>(() => undefined);
        // Answer asynchronously, as the platform does.
        await new Promise((resolve) => setTimeout(resolve, 30));
        if (this.outcome.failWith) throw clone(this.outcome.failWith);
        return op();
    }

    private stamp(): string {
        return new Date().toISOString();
    }

    private representation(objectApiName: string, node: GraphNode) {
        const fields: Record<string, { value: unknown }> = {};
        for (const [field, holder] of Object.entries(node)) {
            if (field !== 'Id') fields[field] = { value: (holder as FieldHolder | null)?.value ?? null };
        }
        const lastModifiedDate = String((node.LastModifiedDate as FieldHolder).value);
        return {
            id: node.Id,
            apiName: objectApiName,
            fields,
            lastModifiedDate,
            systemModstamp: lastModifiedDate
        };
    }

    async create(input: { apiName?: string; fields: Record<string, unknown> }) {
        this.log.push({ op: 'create', input: clone(input) });
        return this.settle(() => {
            const apiName = input.apiName ?? '';
            const connection = this.data.uiapi.query[apiName];
            if (!connection)
                throw { status: 400, body: [{ errorCode: 'INVALID_TYPE', message: `No ${apiName}` }] };
            this.created += 1;
            const id = `${PREFIX[apiName] ?? 'a00'}9${String(this.created).padStart(11, '0')}AAA`;
            const node: GraphNode = { Id: id, LastModifiedDate: { value: this.stamp() } };
            for (const [field, value] of Object.entries(input.fields)) node[field] = { value };
            connection.edges.push({ node });
            this.changed();
            return this.representation(apiName, node);
        });
    }

    async update(input: { fields: Record<string, unknown> }, options?: { ifUnmodifiedSince?: string }) {
        this.log.push({ op: 'update', input: clone(input), options: clone(options) });
        return this.settle(() => {
            const id = String(input.fields.Id);
            const found = this.find(id);
            if (!found)
                throw {
                    status: 404,
                    body: [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]
                };
            const stored = String((found.node.LastModifiedDate as FieldHolder).value);
            if (options?.ifUnmodifiedSince && Date.parse(stored) > Date.parse(options.ifUnmodifiedSince)) {
                throw clone(
                    this.outcome.conflictWith ?? { status: 412, body: [{ errorCode: 'PRECONDITION_FAILED' }] }
                );
            }
            for (const [field, value] of Object.entries(input.fields)) {
                if (field !== 'Id') found.node[field] = { value };
            }
            found.node.LastModifiedDate = { value: this.stamp() };
            this.changed();
            return this.representation(found.objectApiName, found.node);
        });
    }

    async remove(id: string): Promise<void> {
        this.log.push({ op: 'delete', input: id });
        return this.settle(() => {
            const found = this.find(id);
            if (!found) return;
            found.connection.edges = found.connection.edges.filter((e) => e.node.Id !== id);
            this.changed();
        });
    }

    private changed(): void {
        for (const listener of this.listeners) listener();
    }
}
