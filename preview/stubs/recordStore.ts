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
    C139_Scorecard__c: 'a02',
    Stakeholder_Link__c: 'a03',
    Control_Snapshot__c: 'a04'
};

const SYMMETRIC_LINK_TYPES = ['Allied', 'Rival'];

/** The platform's Link_Key__c (unique, set by a flow): the same link between the same two people. */
function linkKey(node: GraphNode): string {
    const value = (field: string) => String((node[field] as FieldHolder | undefined)?.value ?? '');
    const type = value('Link_Type__c');
    const ends = [value('From_Stakeholder__c'), value('To_Stakeholder__c')];
    if (SYMMETRIC_LINK_TYPES.includes(type)) ends.sort();
    return [value('Opportunity__c'), ...ends, type].join(':');
}

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

    /** Refuses a link whose key another link holds, as the unique Link_Key__c does on the platform. */
    private checkLinkKey(connection: Connection, node: GraphNode): void {
        const key = linkKey(node);
        const other = connection.edges.find((e) => e.node.Id !== node.Id && linkKey(e.node) === key);
        if (!other) return;
        throw {
            status: 400,
            body: {
                message: 'An error occurred while trying to update the record. Please try again.',
                enhancedErrorType: 'RecordError',
                output: {
                    errors: [],
                    fieldErrors: {
                        Link_Key__c: [
                            {
                                errorCode: 'DUPLICATE_VALUE',
                                field: 'Link_Key__c',
                                message: `duplicate value found: Link_Key__c duplicates value on record with id: ${other.node.Id}`
                            }
                        ]
                    }
                }
            }
        };
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
            const id = `${PREFIX[apiName] ?? 'a00'}9${String(this.created + 1).padStart(11, '0')}AAA`;
            const node: GraphNode = { Id: id, LastModifiedDate: { value: this.stamp() } };
            for (const [field, value] of Object.entries(input.fields)) node[field] = { value };
            if (apiName === 'Stakeholder_Link__c') this.checkLinkKey(connection, node);
            this.created += 1;
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
            const changed: GraphNode = { ...found.node };
            for (const [field, value] of Object.entries(input.fields)) {
                if (field !== 'Id') changed[field] = { value };
            }
            if (found.objectApiName === 'Stakeholder_Link__c') this.checkLinkKey(found.connection, changed);
            Object.assign(found.node, changed);
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
