import { BulkIngestJobs } from './bulkIngest';
import { BulkQueryJobs } from './bulkQuery';
import { RouteResolver } from './server';

/** Daily allocations Salesforce reports in GET /limits for Bulk API 2.0 (Enterprise defaults). */
const DAILY_BULK_BATCHES = 15000;
const DAILY_QUERY_JOBS = 10000;

export interface BulkApi {
    readonly routes: RouteResolver;
    limits(): Record<string, { Max: number; Remaining: number }>;
}

export function bulkApi(): BulkApi {
    const queries = new BulkQueryJobs();
    const ingest = new BulkIngestJobs();
    const routes: RouteResolver = (method, subPath, { body }) => {
        if (subPath === '/jobs/query' && method === 'POST')
            return { kind: 'bulkQueryCreate', handler: (c) => queries.create(c) };
        let m = /^\/jobs\/query\/([^/]+)$/.exec(subPath);
        if (m) {
            const id = m[1];
            if (method === 'GET') return { kind: 'bulkQueryPoll', handler: (c) => queries.poll(c, id) };
            if (method === 'PATCH') return { kind: 'bulkQueryAbort', handler: (c) => queries.abort(c, id) };
            if (method === 'DELETE')
                return { kind: 'bulkQueryDelete', handler: (c) => queries.delete(c, id) };
        }
        m = /^\/jobs\/query\/([^/]+)\/results$/.exec(subPath);
        if (m && method === 'GET') {
            const id = m[1];
            return { kind: 'bulkQueryResults', handler: (c) => queries.results(c, id) };
        }
        if (subPath === '/jobs/ingest' && method === 'POST')
            return { kind: 'ingestCreate', handler: (c) => ingest.create(c) };
        m = /^\/jobs\/ingest\/([^/]+)\/batches$/.exec(subPath);
        if (m && method === 'PUT') {
            const id = m[1];
            return { kind: 'ingestUpload', handler: (c) => ingest.upload(c, id) };
        }
        m = /^\/jobs\/ingest\/([^/]+)$/.exec(subPath);
        if (m) {
            const id = m[1];
            if (method === 'GET') return { kind: 'ingestPoll', handler: (c) => ingest.poll(c, id) };
            if (method === 'DELETE') return { kind: 'ingestDelete', handler: (c) => ingest.delete(c, id) };
            if (method === 'PATCH') {
                const state = requestedState(body);
                return {
                    kind: state === 'Aborted' ? 'ingestAbort' : 'ingestClose',
                    handler: (c) => ingest.setState(c, id, state)
                };
            }
        }
        m = /^\/jobs\/ingest\/([^/]+)\/(successfulResults|failedResults|unprocessedrecords)$/.exec(subPath);
        if (m && method === 'GET') {
            const [, id, which] = m;
            return { kind: 'ingestResults', handler: (c) => ingest.results(c, id, which) };
        }
        return undefined;
    };
    return {
        routes,
        limits: () => ({
            DailyBulkApiBatches: {
                Max: DAILY_BULK_BATCHES,
                Remaining: Math.max(0, DAILY_BULK_BATCHES - ingest.batchesUsed)
            },
            DailyBulkV2QueryJobs: {
                Max: DAILY_QUERY_JOBS,
                Remaining: Math.max(0, DAILY_QUERY_JOBS - queries.jobsCreated)
            }
        })
    };
}

function requestedState(body: Buffer): unknown {
    try {
        return (JSON.parse(body.toString('utf8')) as { state?: unknown }).state;
    } catch {
        return undefined;
    }
}
