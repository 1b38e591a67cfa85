import { Connection } from '@jsforce/jsforce-node';
import { t } from 'c/dealControlModel';
import { CliError, throwIfAborted } from '../shared/errors';
import { fill } from '../shared/i18n';
import { FREE_KINDS, RequestKind } from './requestKind';
import { RetryPolicy, backoffDelay, sleep } from './retry';
import { HttpError, MeteredTransport, NetworkFailure, SalesforceError, SessionExpired } from './transport';

export { HttpError, NetworkFailure, SessionExpired };
export type { SalesforceError };

export interface ClientOptions {
    readonly apiVersion: string;
    readonly retry: RetryPolicy;
    readonly maxApiCalls: number | null;
    readonly reservePercent: number;
    /** Longest wait for a response's headers (and for a whole JSON body) before it counts as a network failure. */
    readonly requestTimeoutMs?: number;
    /** Ctrl-C: once aborted, no request is sent any more (those in flight finish). */
    readonly signal?: AbortSignal;
}

/** The org's daily allocation as its last response reported it. */
export interface LimitInfo {
    readonly used: number;
    readonly max: number;
}

export const API_BUDGET = 'API_BUDGET';

function budgetExhausted(text: ReturnType<typeof fill>): CliError {
    return new CliError(API_BUDGET, text, {
        actions: [
            t(
                'Run the same command again later: records already up to date are read but not written again.',
                '稍后再次运行同一命令：已是最新的记录只读取、不再写入。'
            )
        ]
    });
}

const LOG_IN_AGAIN = t(
    'Log in again (sf org login web --alias <alias>) and rerun: the run is safe to repeat.',
    '请重新登录（sf org login web --alias <别名>）后重新运行：重复运行是安全的。'
);

function networkError(failure: NetworkFailure, instanceUrl: string, retries: number): CliError {
    return new CliError(
        'NETWORK',
        retries > 0
            ? fill(
                  t(
                      'Lost the connection to the org during {kind} after {n} retries ({reason}).',
                      '{kind} 期间与组织的连接中断，已重试 {n} 次（{reason}）。'
                  ),
                  { kind: failure.kind, n: retries, reason: failure.reason }
              )
            : fill(
                  t(
                      'Cannot reach the org at {url} during {kind} ({reason}).',
                      '{kind} 期间无法连接组织 {url}（{reason}）。'
                  ),
                  {
                      url: instanceUrl,
                      kind: failure.kind,
                      reason: failure.reason
                  }
              ),
        {
            cause: failure.original,
            actions: [
                t(
                    'Check the network and the org address (SF_INSTANCE_URL or the sf CLI alias), then rerun: records already written are skipped.',
                    '请检查网络和组织地址（SF_INSTANCE_URL 或 sf CLI 别名），然后重新运行：已写入的记录会被跳过。'
                )
            ]
        }
    );
}

/**
 * An org answer no retry could fix and no record owns (a refused query, a job endpoint that
 * errs), as a one-line CliError with the org's own code; anything else passes through.
 */
export function orgError(error: unknown): unknown {
    if (!(error instanceof HttpError)) return error;
    return new CliError(
        'ORG_ERROR',
        fill(
            t(
                'The org refused {kind}: HTTP {status} {code} {message}',
                '组织拒绝了 {kind}：HTTP {status} {code} {message}'
            ),
            {
                kind: error.kind,
                status: error.status,
                code: error.errorCode,
                message: error.errors[0]?.message ?? ''
            }
        ),
        {
            cause: error,
            actions: [
                t(
                    'Check that the running user has the Deal_Control_Admin permission set and API access, then rerun.',
                    '请确认运行用户拥有 Deal_Control_Admin 权限集和 API 访问权限，然后重新运行。'
                )
            ]
        }
    );
}

/** REQUEST_LIMIT_EXCEEDED means two different things: the daily allocation (stop) or concurrency (wait). */
function isConcurrencyLimit(errors: readonly SalesforceError[]): boolean {
    return errors.some(
        (e) =>
            (e.errorCode ?? e.statusCode) === 'REQUEST_LIMIT_EXCEEDED' && /concurren/i.test(e.message ?? '')
    );
}

/**
 * The script's one door to the org: a jsforce Connection whose transport counts every request,
 * reads Sforce-Limit-Info and stops before the budget is spent (MeteredTransport), plus the retry
 * rules jsforce does not have: backoff with jitter for 5xx, 429, the concurrency limit,
 * UNABLE_TO_LOCK_ROW and broken connections, for every method (jsforce never retries PATCH or
 * POST), and a single session renewal through the connection's refresh delegate.
 */
export class OrgClient {
    apiCalls = 0;
    /** Every request sent, free ones (the API version list) included. */
    requests = 0;
    limitInfo: LimitInfo | null = null;
    readonly callsByKind: Record<string, number> = {};
    retries = 0;
    sessionRefreshes = 0;
    /** The Date header of the latest response: the org's clock, for "modified since" checks. */
    lastServerDate: number | null = null;
    /** When (local clock) that Date header arrived. */
    lastServerDateAt = 0;

    constructor(
        readonly conn: Connection,
        private readonly options: ClientOptions
    ) {
        conn._transport = new MeteredTransport(
            {
                beforeSend: (kind) => this.beforeSend(kind),
                onHeaders: (headers) => this.readHeaders(headers)
            },
            options.requestTimeoutMs ?? 300_000
        );
        conn.on('refresh', () => (this.sessionRefreshes += 1));
    }

    get apiVersion(): string {
        return this.options.apiVersion;
    }

    /** An absolute URL for a path below /services/data/vXX.X, or for a path starting with /services/. */
    url(path: string): string {
        const full = path.startsWith('/services/')
            ? path
            : `/services/data/v${this.options.apiVersion}${path}`;
        return this.conn.instanceUrl.replace(/\/+$/, '') + full;
    }

    /** The calls left before the run must stop, or null when nothing limits it yet. */
    remainingBudget(): number | null {
        const byFlag =
            this.options.maxApiCalls === null ? Infinity : this.options.maxApiCalls - this.apiCalls;
        let byOrg = Infinity;
        if (this.limitInfo) {
            const reserve = Math.ceil((this.limitInfo.max * this.options.reservePercent) / 100);
            byOrg = this.limitInfo.max - reserve - this.limitInfo.used;
        }
        const left = Math.min(byFlag, byOrg);
        return left === Infinity ? null : left;
    }

    private beforeSend(kind: RequestKind): void {
        // Ctrl-C starts nothing new: no next page, poll, retry or job after it.
        throwIfAborted(this.options.signal);
        this.requests += 1;
        if (FREE_KINDS.has(kind)) return;
        this.checkBudget(kind);
        this.apiCalls += 1;
        this.callsByKind[kind] = (this.callsByKind[kind] ?? 0) + 1;
    }

    private checkBudget(kind: string): void {
        if (this.options.maxApiCalls !== null && this.apiCalls >= this.options.maxApiCalls) {
            throw budgetExhausted(
                fill(
                    t(
                        'Stopped before {kind}: --max-api-calls {max} reached.',
                        '在 {kind} 之前停止：已达到 --max-api-calls {max}。'
                    ),
                    { kind, max: this.options.maxApiCalls }
                )
            );
        }
        if (this.limitInfo) {
            const reserve = Math.ceil((this.limitInfo.max * this.options.reservePercent) / 100);
            if (this.limitInfo.max - this.limitInfo.used <= reserve) {
                throw budgetExhausted(
                    fill(
                        t(
                            'Stopped before {kind}: the org has used {used} of {max} daily API calls and {reserve} are kept in reserve (--api-reserve {percent}).',
                            '在 {kind} 之前停止：组织已使用每日 {max} 次 API 调用中的 {used} 次，需保留 {reserve} 次（--api-reserve {percent}）。'
                        ),
                        {
                            kind,
                            used: this.limitInfo.used,
                            max: this.limitInfo.max,
                            reserve,
                            percent: this.options.reservePercent
                        }
                    )
                );
            }
        }
    }

    private readHeaders(headers: Readonly<Record<string, string>>): void {
        const header = headers['sforce-limit-info'];
        const match = header ? /api-usage=(\d+)\/(\d+)/.exec(header) : null;
        if (match) this.limitInfo = { used: Number(match[1]), max: Number(match[2]) };
        const date = Date.parse(headers.date ?? '');
        if (!Number.isNaN(date)) {
            this.lastServerDate = date;
            this.lastServerDateAt = Date.now();
        }
    }

    /**
     * Renews the session through the connection's refresh delegate (sf CLI auth: web login, JWT,
     * refresh token). The delegate runs one refresh for all requests refused at the same time and
     * skips it when a refresh finished after the refused request was sent.
     */
    private async renewSession(expired: SessionExpired): Promise<void> {
        const delegate = this.conn._refreshDelegate;
        if (!delegate) {
            throw new CliError(
                'AUTH',
                fill(
                    t(
                        'The session expired during {kind}, and an access token cannot be renewed.',
                        '{kind} 期间会话已过期，访问令牌无法续期。'
                    ),
                    { kind: expired.kind }
                ),
                {
                    actions: [
                        t(
                            'Get a new token (sf org display --target-org <alias>) or use --target-org, then rerun: the run is safe to repeat.',
                            '请获取新令牌（sf org display --target-org <别名>）或改用 --target-org，然后重新运行：重复运行是安全的。'
                        )
                    ]
                }
            );
        }
        try {
            await delegate.refresh(expired.sentAt);
        } catch (error) {
            throw new CliError(
                'AUTH',
                fill(
                    t(
                        'The session expired and could not be renewed ({reason}).',
                        '会话已过期且无法续期（{reason}）。'
                    ),
                    {
                        reason: (error as Error).message
                    }
                ),
                { cause: error, actions: [LOG_IN_AGAIN] }
            );
        }
    }

    /**
     * Runs one jsforce operation that sends one request, retrying transient failures by running it
     * again (so a streamed upload is re-read from its file). Throws HttpError for a final failure
     * the caller may handle per record, and CliError for the ends of a run: the API budget, auth,
     * the network, Ctrl-C.
     */
    async call<T>(operation: () => Promise<T>): Promise<T> {
        let attempt = 0;
        let renewed = false;
        for (;;) {
            try {
                return await operation();
            } catch (error) {
                if (error instanceof SessionExpired) {
                    if (renewed) {
                        throw new CliError(
                            'AUTH',
                            t(
                                'The org refused the session even after a refresh.',
                                '刷新后组织仍拒绝该会话。'
                            ),
                            { actions: [LOG_IN_AGAIN] }
                        );
                    }
                    await this.renewSession(error);
                    renewed = true;
                    continue;
                }
                if (error instanceof NetworkFailure) {
                    if (error.transient && attempt < this.options.retry.maxRetries) {
                        await this.pause(attempt++);
                        continue;
                    }
                    throw networkError(
                        error,
                        this.conn.instanceUrl,
                        error.transient ? this.options.retry.maxRetries : 0
                    );
                }
                if (!(error instanceof HttpError)) throw error;
                if (error.errorCode === 'REQUEST_LIMIT_EXCEEDED' && !isConcurrencyLimit(error.errors)) {
                    throw budgetExhausted(
                        t(
                            "The org's daily API allocation is spent (REQUEST_LIMIT_EXCEEDED).",
                            '组织的每日 API 配额已用尽（REQUEST_LIMIT_EXCEEDED）。'
                        )
                    );
                }
                const transient =
                    error.status >= 500 ||
                    error.status === 429 ||
                    isConcurrencyLimit(error.errors) ||
                    error.errorCode === 'UNABLE_TO_LOCK_ROW';
                if (transient && attempt < this.options.retry.maxRetries) {
                    await this.pause(attempt++, error.retryAfterMs);
                    continue;
                }
                throw error;
            }
        }
    }

    private async pause(attempt: number, retryAfterMs?: number): Promise<void> {
        this.retries += 1;
        await sleep(backoffDelay(this.options.retry, attempt, retryAfterMs), this.options.signal);
    }

    /** A backoff wait outside call() (a Bulk job to run again), counted as a retry and cut short by Ctrl-C. */
    async backoff(attempt: number): Promise<void> {
        await this.pause(attempt);
    }

    get signal(): AbortSignal | undefined {
        return this.options.signal;
    }

    /** A JSON request through conn.request (path relative to /services/data/vXX.X), retried as above. */
    requestJson<T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T> {
        return this.call(
            () =>
                this.conn.request<T>({
                    method,
                    url: this.url(path),
                    ...(body === undefined
                        ? {}
                        : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } })
                }) as Promise<T>
        );
    }
}
