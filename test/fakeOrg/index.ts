import { randomBytes } from 'node:crypto';
import { FaultInjector } from './faults';
import { OrgHooks, RequestLogEntry } from './http/context';
import { bulkApi } from './http/bulkRoutes';
import { FakeOrgServer } from './http/server';
import { seededRandom } from './random';
import { FakeStore } from './store';

/**
 * A local, protocol-faithful fake Salesforce org for tests and benchmarks: REST query, sObject
 * Collections update, Bulk API 2.0 query and ingest, API limits, fault injection, a request log.
 * See README.md for what it implements and where it knowingly differs from Salesforce.
 */
export interface FakeOrgOptions {
    /** Supported versions (default 58.0 … 66.0); others answer 404 NOT_FOUND. */
    apiVersions?: string[];
    /** Default: random. Requests without `Authorization: Bearer <token>` get 401 INVALID_SESSION_ID. */
    accessToken?: string;
    /** Daily API allocation (default 100000). */
    dailyApiLimit?: number;
    /** Requests already used today when the org starts. */
    apiUsageStart?: number;
    /** Records per REST query page, or a function of the page number within a query (0 = first). */
    restQueryBatchSize?: number | ((call: number) => number);
    /** Page size of Bulk query results when the client gives no maxRecords (default 50000). */
    bulkQueryMaxRecords?: number;
    /** GETs of a Bulk job that report it in progress before it completes (default 1). */
    bulkJobPollsUntilComplete?: number;
    /** Return ingest results in shuffled order, as Salesforce may (default true). */
    shuffleResults?: boolean;
    /** Seed of every random choice (token, shuffles). */
    seed?: number;
}

export interface FakeOrg {
    url: string;
    accessToken: string;
    store: FakeStore;
    log: RequestLogEntry[];
    faults: FaultInjector;
    hooks: OrgHooks;
    apiUsage(): { used: number; max: number };
    callsByKind(): Record<string, number>;
    close(): Promise<void>;
}

export const DEFAULT_API_VERSIONS = ['58.0', '59.0', '60.0', '61.0', '62.0', '63.0', '64.0', '65.0', '66.0'];

export async function startFakeOrg(options: FakeOrgOptions = {}): Promise<FakeOrg> {
    const random = seededRandom(options.seed ?? Math.floor(Math.random() * 2 ** 32));
    const accessToken =
        options.accessToken ??
        (options.seed === undefined
            ? `00DFk0000000000!${randomBytes(24).toString('base64url')}`
            : `00DFk0000000000!seed${options.seed}`);
    const store = new FakeStore();
    const hooks: OrgHooks = {};
    const usage = { used: options.apiUsageStart ?? 0, max: options.dailyApiLimit ?? 100000 };
    const server = new FakeOrgServer(
        store,
        {
            apiVersions: options.apiVersions ?? DEFAULT_API_VERSIONS,
            accessToken,
            restQueryBatchSize: options.restQueryBatchSize ?? 2000,
            bulkQueryMaxRecords: options.bulkQueryMaxRecords ?? 50000,
            bulkJobPollsUntilComplete: options.bulkJobPollsUntilComplete ?? 1,
            shuffleResults: options.shuffleResults ?? true
        },
        hooks,
        random,
        usage
    );
    const bulk = bulkApi();
    server.addRoutes(bulk.routes);
    server.extraLimits = bulk.limits;
    const url = await server.listen();
    return {
        url,
        accessToken,
        store,
        log: server.log,
        faults: server.faults,
        hooks,
        apiUsage: () => ({ ...usage }),
        callsByKind: () => {
            const counts: Record<string, number> = {};
            for (const e of server.log) counts[e.kind] = (counts[e.kind] ?? 0) + 1;
            return counts;
        },
        close: () => server.close()
    };
}

export type { RequestLogEntry, OrgHooks } from './http/context';
export type { FaultSpec, FaultResponse } from './faults';
export { FakeStore } from './store';
export type { SyntheticOptions, SyntheticSummary } from './store';
export type { SObjectRecord, FieldValue } from './values';
