import { RawRecord } from 'c/dealControlModel';
import { BulkSettings, bulkQuery } from './bulk';
import { OrgClient } from './orgClient';
import { restCount, restQuery } from './rest';
import { QueryScope, buildCount, buildQuery } from './soql';

export type Via = 'rest' | 'bulk';

/** Which records a pass reads: everything, or the records of some Opportunities. */
export type Scope =
    { readonly kind: 'all' } | { readonly kind: 'opportunities'; readonly ids: readonly string[] };

/** Above this many Opportunities, REST IN lists cost more than reading everything and filtering here. */
const MAX_IN_LIST_OPPORTUNITIES = 20_000;
const REST_IN_LIST_SIZE = 200;
const BULK_IN_LIST_SIZE = 1000;

function chunk<T>(items: readonly T[], size: number): T[][] {
    const out: T[][] = [];
    for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
    return out;
}

/**
 * Reading from the org, by REST for few records and Bulk API 2.0 for many, shared by the passes
 * and by the look for what changed: queries for a scope, counts, and the Opportunities a set of
 * records belongs to.
 */
export class OrgReader {
    constructor(
        private readonly client: OrgClient,
        private readonly bulk: BulkSettings,
        private readonly bulkThreshold: number,
        private readonly forceRest: boolean
    ) {}

    records(soql: string, via: Via): AsyncIterable<RawRecord> {
        return via === 'bulk' ? bulkQuery(this.client, soql, this.bulk) : restQuery(this.client, soql);
    }

    count(object: string, scope: QueryScope = {}): Promise<number> {
        return this.countSoql(buildCount(object, scope));
    }

    /** A SELECT COUNT() built by the caller from validated parts. */
    countSoql(soql: string): Promise<number> {
        return restCount(this.client, soql);
    }

    /**
     * Whether a scope is read whole and filtered here: every Bulk job costs a create, polls and a
     * page, so Bulk reads one job per object rather than one per IN list of 1,000 Ids.
     */
    readsWhole(scope: Scope, via: Via): boolean {
        return (
            scope.kind === 'opportunities' &&
            scope.ids.length > (via === 'bulk' ? BULK_IN_LIST_SIZE : MAX_IN_LIST_OPPORTUNITIES)
        );
    }

    /**
     * The queries that read a scope, in IN lists of Opportunity Ids when it names a few (matched on
     * `filter.opportunityField`, Opportunity__c by default), with `filter.equals` added to each.
     * A scope read whole must be filtered by the caller.
     */
    queriesFor(
        object: string,
        fields: readonly string[],
        scope: Scope,
        via: Via,
        filter: Pick<QueryScope, 'opportunityField' | 'equals'> = {}
    ): string[] {
        if (scope.kind === 'all' || this.readsWhole(scope, via)) return [buildQuery(object, fields, filter)];
        return chunk(scope.ids, via === 'bulk' ? BULK_IN_LIST_SIZE : REST_IN_LIST_SIZE).map((ids) =>
            buildQuery(object, fields, { ...filter, opportunityIds: ids })
        );
    }

    /**
     * Opportunity Ids of the records of these objects matching the scope (REST for few, Bulk for
     * many), of those rows `keep` accepts (it sees Id, Opportunity__c and LastModifiedDate).
     */
    async opportunityIdsOf(
        objects: readonly string[],
        scope: QueryScope,
        keep: (row: RawRecord) => boolean = () => true
    ): Promise<string[]> {
        const ids = new Set<string>();
        for (const object of objects) {
            const count = await this.count(object, scope);
            if (count === 0) continue;
            const via: Via = this.forceRest || count <= this.bulkThreshold ? 'rest' : 'bulk';
            const soql = buildQuery(object, ['Id', 'Opportunity__c', 'LastModifiedDate'], scope);
            for await (const row of this.records(soql, via)) {
                const id = String(row.Opportunity__c ?? '').trim();
                if (id !== '' && keep(row)) ids.add(id);
            }
        }
        return [...ids];
    }

    static readonly MAX_IN_LIST_OPPORTUNITIES = MAX_IN_LIST_OPPORTUNITIES;
}
