import { IncomingMessage, ServerResponse } from 'node:http';
import { ActiveFault } from '../faults';
import { FakeStore } from '../store';
import { SObjectRecord } from '../values';

/** Stable names of the endpoints, for the request log and fault matching. */
export type RequestKind =
    | 'versions'
    | 'resources'
    | 'limits'
    | 'query'
    | 'queryMore'
    | 'collectionsUpdate'
    | 'collectionsUpsert'
    | 'collectionsDelete'
    | 'bulkQueryCreate'
    | 'bulkQueryPoll'
    | 'bulkQueryResults'
    | 'bulkQueryAbort'
    | 'bulkQueryDelete'
    | 'ingestCreate'
    | 'ingestUpload'
    | 'ingestClose'
    | 'ingestAbort'
    | 'ingestPoll'
    | 'ingestResults'
    | 'ingestDelete'
    | 'notFound';

export interface RequestLogEntry {
    method: string;
    /** Path and query string as requested. */
    path: string;
    kind: RequestKind;
    status: number;
    /** Records in the response (query pages) or in the request (updates, uploads). */
    records?: number;
    /** Whether the request counted against the daily API allocation. */
    counted: boolean;
    /** The injected fault that shaped the response, if any. */
    fault?: string;
}

export interface OrgSettings {
    readonly apiVersions: readonly string[];
    readonly accessToken: string;
    readonly restQueryBatchSize: number | ((call: number) => number);
    readonly bulkQueryMaxRecords: number;
    readonly bulkJobPollsUntilComplete: number;
    readonly shuffleResults: boolean;
}

export interface OrgHooks {
    /** Called just before a collections request or an ingest job writes or deletes: tests edit records "mid-run". */
    beforeWrite?: (object: string, ids: string[]) => void;
    /** Called as each authenticated request arrives, before it is answered: tests act at a given moment of a run. */
    beforeRequest?: (kind: RequestKind, path: string) => void;
}

/** What a handler gets: the request, its parsed pieces and the org. */
export interface HandlerContext {
    readonly req: IncomingMessage;
    readonly res: ServerResponse;
    readonly version: string;
    /** Path after /services/data/vXX.X, e.g. '/jobs/query/750…'. */
    readonly subPath: string;
    readonly url: URL;
    readonly body: Buffer;
    readonly store: FakeStore;
    readonly settings: OrgSettings;
    readonly hooks: OrgHooks;
    readonly random: () => number;
    /** A handler fault (unableToLockRow, jobFailed) the handler must apply. */
    readonly fault?: ActiveFault;
    /** Set by handlers for the request log. */
    records?: number;
}

export type Handler = (ctx: HandlerContext) => void | Promise<void>;

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'Content-Type': 'application/json;charset=UTF-8' });
    res.end(text);
}

/** Salesforce's error body: an array of {message, errorCode}. */
export function sendError(res: ServerResponse, status: number, errorCode: string, message: string): void {
    sendJson(res, status, [{ message, errorCode }]);
}

export function parseJsonBody(ctx: HandlerContext): unknown {
    try {
        return JSON.parse(ctx.body.toString('utf8'));
    } catch (e) {
        throw new HttpError(
            400,
            'JSON_PARSER_ERROR',
            `Unexpected character in request body: ${(e as Error).message}`
        );
    }
}

/** Thrown by handlers; the server turns it into Salesforce's error response. */
export class HttpError extends Error {
    // `declare`: a subclass with emitted fields makes the LWC Jest transform import 'lwc' (see README).
    declare readonly status: number;
    declare readonly errorCode: string;
    constructor(status: number, errorCode: string, message: string) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }
}

export function recordUrl(version: string, object: string, id: string): string {
    return `/services/data/v${version}/sobjects/${object}/${id}`;
}

export type { SObjectRecord };
