/**
 * Names each request jsforce sends by what it does (query page, Bulk poll, …), from its method and
 * URL alone. The transport sees every request, including the ones jsforce builds itself (query,
 * queryMore, sObject Collections), so the URL is the one thing every request carries.
 */
export type RequestKind =
    | 'versions'
    | 'count'
    | 'query'
    | 'queryMore'
    | 'collections'
    | 'collectionsUpsert'
    | 'collectionsDelete'
    | 'bulkQueryCreate'
    | 'bulkQueryPoll'
    | 'bulkQueryResults'
    | 'bulkIngestCreate'
    | 'bulkIngestUpload'
    | 'bulkIngestClose'
    | 'bulkIngestPoll'
    | 'bulkIngestSucceeded'
    | 'bulkIngestFailed'
    | 'bulkIngestUnprocessed'
    | 'other';

/** Requests Salesforce does not count against the daily API allocation. */
export const FREE_KINDS: ReadonlySet<RequestKind> = new Set(['versions']);

export function requestKind(method: string, url: string): RequestKind {
    let path: string;
    let query: URLSearchParams;
    try {
        const parsed = new URL(url, 'http://localhost');
        path = parsed.pathname.replace(/\/+$/, '');
        query = parsed.searchParams;
    } catch {
        return 'other';
    }
    if (path === '/services/data') return 'versions';
    const rest = /^\/services\/data\/v\d+\.\d+(\/.*)?$/.exec(path)?.[1] ?? '';
    const verb = method.toUpperCase();
    if (rest === '/query' || rest === '/queryAll') {
        return /^\s*select\s+count\(\s*\)\s/i.test(query.get('q') ?? '') ? 'count' : 'query';
    }
    if (/^\/query(All)?\/[^/]+$/.test(rest)) return 'queryMore';
    if (rest === '/composite/sobjects' && verb === 'PATCH') return 'collections';
    if (rest === '/composite/sobjects' && verb === 'DELETE') return 'collectionsDelete';
    if (/^\/composite\/sobjects\/[^/]+\/[^/]+$/.test(rest) && verb === 'PATCH') return 'collectionsUpsert';
    if (rest === '/jobs/query' && verb === 'POST') return 'bulkQueryCreate';
    if (/^\/jobs\/query\/[^/]+\/results$/.test(rest)) return 'bulkQueryResults';
    if (/^\/jobs\/query\/[^/]+$/.test(rest) && verb === 'GET') return 'bulkQueryPoll';
    if (rest === '/jobs/ingest' && verb === 'POST') return 'bulkIngestCreate';
    if (/^\/jobs\/ingest\/[^/]+\/batches$/.test(rest)) return 'bulkIngestUpload';
    if (/^\/jobs\/ingest\/[^/]+$/.test(rest)) {
        if (verb === 'PATCH') return 'bulkIngestClose';
        if (verb === 'GET') return 'bulkIngestPoll';
    }
    if (/^\/jobs\/ingest\/[^/]+\/successfulResults$/.test(rest)) return 'bulkIngestSucceeded';
    if (/^\/jobs\/ingest\/[^/]+\/failedResults$/.test(rest)) return 'bulkIngestFailed';
    if (/^\/jobs\/ingest\/[^/]+\/unprocessedrecords$/.test(rest)) return 'bulkIngestUnprocessed';
    return 'other';
}
