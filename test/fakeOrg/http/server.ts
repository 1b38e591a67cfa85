import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { FaultInjector, isHandlerFault } from '../faults';
import { FakeStore } from '../store';
import { collectionsUpdate } from './collections';
import { collectionsDelete } from './collectionsDelete';
import { collectionsUpsert } from './collectionsUpsert';
import {
    Handler,
    HandlerContext,
    HttpError,
    OrgHooks,
    OrgSettings,
    RequestKind,
    RequestLogEntry,
    sendError,
    sendJson
} from './context';
import { RestQueries } from './restQuery';

/** Release names of the API versions, for GET /services/data/. */
const RELEASES: Record<string, string> = {
    '58.0': "Summer '23",
    '59.0': "Winter '24",
    '60.0': "Spring '24",
    '61.0': "Summer '24",
    '62.0': "Winter '25",
    '63.0': "Spring '25",
    '64.0': "Summer '25",
    '65.0': "Winter '26",
    '66.0': "Spring '26"
};

/** Uploads above this size are refused, as Bulk API 2.0 refuses them. */
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

interface Route {
    kind: RequestKind;
    handler: Handler;
}

export interface ApiUsage {
    used: number;
    max: number;
}

/** Registers extra endpoint families (Bulk API 2.0) on the server's router. */
export type RouteResolver = (method: string, subPath: string, ctx: { body: Buffer }) => Route | undefined;

export class FakeOrgServer {
    readonly log: RequestLogEntry[] = [];
    readonly faults = new FaultInjector();
    readonly usage: ApiUsage;
    private readonly restQueries = new RestQueries();
    private readonly resolvers: RouteResolver[] = [];
    private readonly server: Server;
    private readonly sockets = new Set<import('node:net').Socket>();

    readonly store: FakeStore;
    readonly settings: OrgSettings;
    readonly hooks: OrgHooks;
    readonly random: () => number;

    constructor(
        store: FakeStore,
        settings: OrgSettings,
        hooks: OrgHooks,
        random: () => number,
        usage: ApiUsage
    ) {
        this.store = store;
        this.settings = settings;
        this.hooks = hooks;
        this.random = random;
        this.usage = usage;
        this.server = createServer((req, res) => {
            this.handle(req, res).catch((e: unknown) => {
                if (!res.headersSent) sendError(res, 500, 'UNKNOWN_EXCEPTION', `Fake org bug: ${String(e)}`);
                else res.destroy();
            });
        });
        this.server.on('connection', (socket) => {
            this.sockets.add(socket);
            socket.on('close', () => this.sockets.delete(socket));
        });
    }

    addRoutes(resolver: RouteResolver): void {
        this.resolvers.push(resolver);
    }

    listen(): Promise<string> {
        return new Promise((resolve, reject) => {
            this.server.once('error', reject);
            this.server.listen(0, '127.0.0.1', () => {
                const { port } = this.server.address() as AddressInfo;
                resolve(`http://127.0.0.1:${port}`);
            });
        });
    }

    close(): Promise<void> {
        for (const socket of this.sockets) socket.destroy();
        return new Promise((resolve, reject) => this.server.close((e) => (e ? reject(e) : resolve())));
    }

    private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
        // Node caches the Date header for a second and refreshes it on a timer, so after a handler
        // that blocked (a 50,000-row job) it could name a second older than the writes just made:
        // an org's Date header is the time of the answer, which clients compare with modification times.
        const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
        res.writeHead = ((...args: unknown[]) => {
            res.setHeader('Date', new Date().toUTCString());
            return writeHead(...args);
        }) as typeof res.writeHead;
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        const method = req.method ?? 'GET';
        const entry: RequestLogEntry = {
            method,
            path: url.pathname + url.search,
            kind: 'notFound',
            status: 0,
            counted: false
        };
        res.on('finish', () => (entry.status = res.statusCode));
        res.on('close', () => {
            if (!entry.status) entry.status = res.writableFinished ? res.statusCode : 0;
        });
        this.log.push(entry);

        if (/^\/services\/data\/?$/.test(url.pathname) && method === 'GET') {
            entry.kind = 'versions';
            sendJson(
                res,
                200,
                this.settings.apiVersions.map((v) => ({
                    label: RELEASES[v] ?? `v${v}`,
                    url: `/services/data/v${v}`,
                    version: v
                }))
            );
            return;
        }
        const m = /^\/services\/data\/v(\d+\.\d)(\/.*)?$/.exec(url.pathname);
        const auth = req.headers.authorization ?? '';
        if (
            !/^(Bearer|OAuth) /.test(auth) ||
            auth.replace(/^(Bearer|OAuth) /, '') !== this.settings.accessToken
        ) {
            await drain(req);
            sendError(res, 401, 'INVALID_SESSION_ID', 'Session expired or invalid');
            return;
        }
        if (!m || !this.settings.apiVersions.includes(m[1])) {
            await drain(req);
            this.count(res, entry);
            sendError(res, 404, 'NOT_FOUND', 'The requested resource does not exist');
            return;
        }
        const version = m[1];
        const subPath = (m[2] ?? '').replace(/\/$/, '');
        let body: Buffer;
        try {
            body = await readBody(req, MAX_UPLOAD_BYTES);
        } catch (e) {
            if (!(e instanceof HttpError)) throw e;
            sendError(res, e.status, e.errorCode, e.message);
            return;
        }
        const route = this.route(method, subPath, body);
        entry.kind = route.kind;

        if (this.usage.used >= this.usage.max) {
            this.limitHeader(res);
            sendError(res, 403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');
            return;
        }
        this.hooks.beforeRequest?.(route.kind, entry.path);
        const { slow, fault } = this.faults.take(route.kind);
        if (slow) await new Promise((r) => setTimeout(r, slow.delayMs));
        if (fault) entry.fault = fault.response;
        if (fault && !isHandlerFault(fault.response)) {
            this.respondWithFault(fault.response, req, res, entry);
            return;
        }
        this.count(res, entry);
        const ctx: HandlerContext = {
            req,
            res,
            version,
            subPath,
            url,
            body,
            store: this.store,
            settings: this.settings,
            hooks: this.hooks,
            random: this.random,
            fault
        };
        try {
            await route.handler(ctx);
        } catch (e) {
            if (!(e instanceof HttpError)) throw e;
            sendError(res, e.status, e.errorCode, e.message);
        } finally {
            entry.records = ctx.records;
        }
    }

    private route(method: string, subPath: string, body: Buffer): Route {
        if (method === 'GET' && subPath === '')
            return { kind: 'resources', handler: (c) => this.resources(c) };
        if (method === 'GET' && subPath === '/limits')
            return { kind: 'limits', handler: (c) => this.limits(c) };
        if (method === 'GET' && subPath === '/query')
            return { kind: 'query', handler: (c) => this.restQueries.query(c) };
        const more = /^\/query\/([^/]+)$/.exec(subPath);
        if (method === 'GET' && more) {
            return { kind: 'queryMore', handler: (c) => this.restQueries.queryMore(c, more[1]) };
        }
        if (method === 'PATCH' && subPath === '/composite/sobjects') {
            return { kind: 'collectionsUpdate', handler: collectionsUpdate };
        }
        if (method === 'DELETE' && subPath === '/composite/sobjects') {
            return { kind: 'collectionsDelete', handler: collectionsDelete };
        }
        const upsert = /^\/composite\/sobjects\/([^/]+)\/([^/]+)$/.exec(subPath);
        if (method === 'PATCH' && upsert) {
            return { kind: 'collectionsUpsert', handler: (c) => collectionsUpsert(c, upsert[1], upsert[2]) };
        }
        for (const resolve of this.resolvers) {
            const route = resolve(method, subPath, { body });
            if (route) return route;
        }
        return {
            kind: 'notFound',
            handler: () => {
                throw new HttpError(404, 'NOT_FOUND', 'The requested resource does not exist');
            }
        };
    }

    private resources(ctx: HandlerContext): void {
        const base = `/services/data/v${ctx.version}`;
        sendJson(ctx.res, 200, {
            limits: `${base}/limits`,
            query: `${base}/query`,
            composite: `${base}/composite`,
            jobs: `${base}/jobs`
        });
    }

    /** Extra limits reported by GET /limits, besides DailyApiRequests (set by the bulk module). */
    extraLimits: () => Record<string, { Max: number; Remaining: number }> = () => ({});

    private limits(ctx: HandlerContext): void {
        sendJson(ctx.res, 200, {
            DailyApiRequests: {
                Max: this.usage.max,
                Remaining: Math.max(0, this.usage.max - this.usage.used)
            },
            ...this.extraLimits()
        });
    }

    private count(res: ServerResponse, entry: RequestLogEntry): void {
        this.usage.used++;
        entry.counted = true;
        this.limitHeader(res);
    }

    private limitHeader(res: ServerResponse): void {
        res.setHeader('Sforce-Limit-Info', `api-usage=${this.usage.used}/${this.usage.max}`);
    }

    private respondWithFault(
        response: string,
        req: IncomingMessage,
        res: ServerResponse,
        entry: RequestLogEntry
    ): void {
        switch (response) {
            case 'expiredSession':
                sendError(res, 401, 'INVALID_SESSION_ID', 'Session expired or invalid');
                return;
            case 'requestLimitExceeded':
                this.limitHeader(res);
                sendError(res, 403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');
                return;
            case 'concurrentLimit':
                this.limitHeader(res);
                sendError(res, 403, 'REQUEST_LIMIT_EXCEEDED', 'ConcurrentPerOrgLongTxn Limit exceeded.');
                return;
            case 'resetConnection':
                // The connection drops before any response: clients see ECONNRESET / "socket hang up".
                req.socket.destroy();
                return;
            case 'http503':
                this.count(res, entry);
                sendError(
                    res,
                    503,
                    'SERVER_UNAVAILABLE',
                    'Server temporarily unavailable. Please try again later.'
                );
                return;
            default:
                this.count(res, entry);
                sendError(
                    res,
                    500,
                    'UNKNOWN_EXCEPTION',
                    'An unexpected error occurred. Please include this ErrorId if you contact support: 1234567890-12345 (-1234567890)'
                );
        }
    }
}

function drain(req: IncomingMessage): Promise<void> {
    return new Promise((resolve) => {
        req.resume();
        req.on('end', resolve);
        req.on('error', () => resolve());
        if (req.readableEnded) resolve();
    });
}

function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
    return new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        let size = 0;
        let tooLarge = false;
        req.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > maxBytes) tooLarge = true;
            else chunks.push(chunk);
        });
        req.on('end', () => {
            if (tooLarge) {
                reject(
                    new HttpError(413, 'INVALIDBATCH', `The request body exceeds the ${maxBytes} byte limit.`)
                );
            } else resolve(Buffer.concat(chunks));
        });
        req.on('error', reject);
    });
}
