import { Duplex, PassThrough, Readable } from 'node:stream';
import { Transport } from '@jsforce/jsforce-node/lib/transport';
import type { HttpRequest, HttpRequestOptions, HttpResponse } from '@jsforce/jsforce-node/lib/types';
import { StreamPromise } from '@jsforce/jsforce-node/lib/util/promise';
import { RequestKind, requestKind } from './requestKind';
import { isTransientNetworkError } from './retry';

/** Salesforce error bodies: a list of { errorCode, message } (REST, Bulk API 2.0). */
export interface SalesforceError {
    readonly errorCode?: string;
    readonly statusCode?: string;
    readonly message?: string;
}

/** An HTTP error answer, with the status jsforce's own errors leave out (5xx and 4xx retry differently). */
export class HttpError extends Error {
    constructor(
        readonly status: number,
        readonly errors: readonly SalesforceError[],
        readonly kind: string,
        /** Retry-After in milliseconds, when the org sent one. */
        readonly retryAfterMs?: number
    ) {
        super(
            `${kind}: HTTP ${status} ${errors.map((e) => `${e.errorCode ?? e.statusCode}: ${e.message}`).join('; ')}`
        );
        this.name = 'HttpError';
    }

    get errorCode(): string {
        return this.errors[0]?.errorCode ?? this.errors[0]?.statusCode ?? `HTTP_${this.status}`;
    }
}

/** 401: the session is gone. The client decides whether the connection's refresh delegate may renew it. */
export class SessionExpired extends Error {
    constructor(
        readonly kind: string,
        /** When the refused request was sent: a refresh that finished later already covers it. */
        readonly sentAt: number
    ) {
        super(`${kind}: HTTP 401 INVALID_SESSION_ID`);
        this.name = 'SessionExpired';
    }
}

/** The connection broke or timed out before a complete answer arrived. */
export class NetworkFailure extends Error {
    constructor(
        readonly kind: string,
        readonly transient: boolean,
        readonly reason: string,
        readonly original: unknown
    ) {
        super(`${kind}: ${reason}`);
        this.name = 'NetworkFailure';
    }
}

/** What the transport reports to the client that owns the budget. */
export interface TransportMeter {
    /** Called just before a request is sent; throws to stop it (the API budget is spent). */
    beforeSend(kind: RequestKind): void;
    /** Called with every response's headers (lower-case names), error answers included. */
    onHeaders(headers: Readonly<Record<string, string>>): void;
}

export interface MeteredRequestOptions extends HttpRequestOptions {
    /**
     * Resolve as soon as the headers arrive and leave the body to the caller, who reads it from the
     * StreamPromise's stream(). jsforce's own transport reads every body into one string before it
     * resolves, so a 60 MB Bulk CSV page would sit in memory twice; a streamed page holds a few
     * chunks at a time.
     */
    readonly streamBody?: boolean;
    /** streamBody only: lets the caller learn of a body that breaks, and close one it gives up on. */
    readonly bodyControl?: BodyControl;
}

/** Created by the caller of a streamed request; the transport fills in cancel once the body flows. */
export interface BodyControl {
    /** Called when the connection breaks after the headers (jsforce would never end the stream). */
    readonly onBroken: (failure: NetworkFailure) => void;
    /** Stops reading the body and closes its connection. */
    cancel?: () => void;
}

export function parseErrors(text: string): SalesforceError[] {
    try {
        const parsed = JSON.parse(text) as unknown;
        if (Array.isArray(parsed)) return parsed as SalesforceError[];
        if (parsed && typeof parsed === 'object') return [parsed as SalesforceError];
    } catch {
        // Not JSON (a proxy's HTML page): keep the text as the message.
    }
    return [{ message: text.slice(0, 300) }];
}

function errorFor(kind: RequestKind, response: HttpResponse, sentAt: number): Error {
    if (response.statusCode === 401) return new SessionExpired(kind, sentAt);
    const retryAfter = Number(response.headers['retry-after']);
    return new HttpError(
        response.statusCode,
        parseErrors(response.body ?? ''),
        kind,
        Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined
    );
}

function networkFailure(kind: RequestKind, error: unknown): NetworkFailure {
    const timedOut =
        (error as Error | null)?.name === 'AbortError' || (error as Error | null)?.name === 'TimeoutError';
    const cause = (error as { cause?: { code?: string; cause?: { code?: string } } } | null)?.cause;
    const reason = timedOut
        ? 'timeout'
        : String(cause?.code ?? cause?.cause?.code ?? (error as Error | null)?.message ?? error);
    return new NetworkFailure(kind, timedOut || isTransientNetworkError(error), reason, error);
}

function readText(stream: Duplex): Promise<string> {
    return new Promise((resolve) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer | string) => chunks.push(Buffer.from(chunk)));
        stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        stream.on('error', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
}

/**
 * The HTTP layer of every jsforce Connection the script uses (installed as `conn._transport`, so
 * `conn.query`, `conn.queryMore`, `conn.sobject().update`, `conn.request` and HttpApi all pass
 * here). It still sends through jsforce's own request function (undici, proxy settings); on top it:
 *
 * - counts each request before it goes out and lets the client stop it when the budget is spent;
 * - reads Sforce-Limit-Info and Date from every response;
 * - switches off jsforce's in-transport retry. That retry re-sends GET/PUT/DELETE on 5xx and
 *   network errors up to five times with no jitter, outside --max-retries, invisible to the API
 *   call count, and cannot re-send a streamed upload. The client retries instead, counting each try;
 * - turns error answers into errors that keep the HTTP status (HttpError), a 401 into
 *   SessionExpired (the client renews through the connection's refresh delegate and resends, which
 *   also works for streamed bodies, unlike jsforce's in-place resend), broken connections into
 *   NetworkFailure;
 * - optionally leaves a large body unread for the caller to stream (streamBody).
 */
export class MeteredTransport extends Transport {
    constructor(
        private readonly meter: TransportMeter,
        /** Longest wait for the headers, and then for a whole non-streamed body. */
        private readonly timeoutMs: number
    ) {
        super();
    }

    override httpRequest(
        request: HttpRequest,
        options: MeteredRequestOptions = {}
    ): StreamPromise<HttpResponse> {
        const kind = requestKind(request.method, request.url);
        return StreamPromise.create(() => {
            try {
                this.meter.beforeSend(kind);
            } catch (error) {
                return { stream: new PassThrough(), promise: Promise.reject(error as Error) };
            }
            const sentAt = Date.now();
            const { streamBody, bodyControl, ...jsforceOptions } = options;
            const stream = this.getRequestStreamCreator()(request, {
                ...jsforceOptions,
                timeout: this.timeoutMs,
                retry: { ...jsforceOptions.retry, methods: [] }
            });
            const promise = new Promise<HttpResponse>((resolve, reject) => {
                let bodyTimer: NodeJS.Timeout | undefined;
                // jsforce pipes the fetch body into this stream with no 'error' listener on the
                // body: a connection that breaks after the headers would raise an unhandled
                // 'error' and end the process. Listen on the body as jsforce pipes it in.
                const output = (stream as unknown as { _readable?: NodeJS.EventEmitter })._readable;
                output?.once('pipe', (source: Readable) => {
                    if (bodyControl) bodyControl.cancel = () => source.destroy();
                    source.on('error', (error: unknown) => {
                        clearTimeout(bodyTimer);
                        const failure = networkFailure(kind, error);
                        reject(failure);
                        bodyControl?.onBroken(failure);
                    });
                });
                stream.on('error', (error: unknown) => {
                    clearTimeout(bodyTimer);
                    reject(networkFailure(kind, error));
                });
                stream.on('response', (response: HttpResponse) => {
                    this.meter.onHeaders(response.headers);
                    if (!streamBody) {
                        // jsforce has no timeout for a body that stops arriving: give up after timeoutMs.
                        bodyTimer = setTimeout(() => {
                            const timeout = new Error('body timeout');
                            timeout.name = 'TimeoutError';
                            reject(networkFailure(kind, timeout));
                            stream.destroy();
                        }, this.timeoutMs);
                        return;
                    }
                    if (response.statusCode < 400) {
                        resolve({ ...response, body: '' });
                        return;
                    }
                    void readText(stream).then((body) =>
                        reject(errorFor(kind, { ...response, body }, sentAt))
                    );
                });
                if (!streamBody) {
                    stream.on('complete', (response: HttpResponse) => {
                        clearTimeout(bodyTimer);
                        if (response.statusCode < 400) resolve(response);
                        else reject(errorFor(kind, response, sentAt));
                    });
                }
            });
            return { stream, promise };
        });
    }
}
