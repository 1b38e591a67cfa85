import { t } from 'c/dealControlModel';
import { RescoreError, fill } from './i18n';
import { RetryPolicy, backoffDelay, isTransientNetworkError, sleep } from './retry';

/** How the script is signed in; refresh exists when the auth can renew an expired session. */
export interface OrgAuth {
    readonly instanceUrl: string;
    accessToken: string;
    readonly refresh?: () => Promise<string>;
}

export interface ClientOptions {
    readonly apiVersion: string;
    readonly retry: RetryPolicy;
    readonly maxApiCalls: number | null;
    readonly reservePercent: number;
    /** Longest a single request may take before it counts as a network failure. */
    readonly requestTimeoutMs?: number;
}

export interface RequestSpec {
    /** A short label for logs and the summary: query, queryMore, collections, bulkQuery, … */
    readonly kind: string;
    readonly method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
    /** Path below /services/data/vXX.X, or a full path starting with /services/. */
    readonly path: string;
    readonly json?: unknown;
    readonly body?: () => BodyInit;
    readonly contentType?: string;
    readonly accept?: string;
}

/** The org's daily allocation as its last response reported it. */
export interface LimitInfo {
    readonly used: number;
    readonly max: number;
}

/** Salesforce error bodies: a list of { errorCode, message } (REST, Bulk API 2.0). */
export interface SalesforceError {
    readonly errorCode?: string;
    readonly statusCode?: string;
    readonly message?: string;
}

export class BudgetExhausted extends RescoreError {
    constructor(text: ReturnType<typeof fill>) {
        super('API_BUDGET', text, 3);
    }
}

export class HttpError extends Error {
    constructor(
        readonly status: number,
        readonly errors: readonly SalesforceError[],
        readonly kind: string
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

function parseErrors(text: string): SalesforceError[] {
    try {
        const parsed = JSON.parse(text) as unknown;
        if (Array.isArray(parsed)) return parsed as SalesforceError[];
        if (parsed && typeof parsed === 'object') return [parsed as SalesforceError];
    } catch {
        // Not JSON (a proxy's HTML page): keep the text as the message.
    }
    return [{ message: text.slice(0, 300) }];
}

/** REQUEST_LIMIT_EXCEEDED means two different things: the daily allocation (stop) or concurrency (wait). */
function isConcurrencyLimit(errors: readonly SalesforceError[]): boolean {
    return errors.some(
        (e) =>
            (e.errorCode ?? e.statusCode) === 'REQUEST_LIMIT_EXCEEDED' && /concurren/i.test(e.message ?? '')
    );
}

/**
 * Every request the script makes goes through here: it signs requests, counts API calls, reads
 * Sforce-Limit-Info, stops before the budget is spent, refreshes an expired session when the auth
 * allows, and retries what is transient with backoff and jitter. jsforce's own helpers never
 * retry PATCH or POST and give no hook for the limit header, hence this layer.
 */
export class OrgClient {
    apiCalls = 0;
    limitInfo: LimitInfo | null = null;
    readonly callsByKind: Record<string, number> = {};
    retries = 0;
    sessionRefreshes = 0;
    /** The Date header of the latest response: the org's clock, for "modified since" checks. */
    lastServerDate: number | null = null;

    constructor(
        private readonly auth: OrgAuth,
        private readonly options: ClientOptions
    ) {}

    get apiVersion(): string {
        return this.options.apiVersion;
    }

    url(path: string): string {
        const full = path.startsWith('/services/')
            ? path
            : `/services/data/v${this.options.apiVersion}${path}`;
        return this.auth.instanceUrl + full;
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

    private checkBudget(kind: string): void {
        if (this.options.maxApiCalls !== null && this.apiCalls >= this.options.maxApiCalls) {
            throw new BudgetExhausted(
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
                throw new BudgetExhausted(
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

    private readLimitInfo(response: Response): void {
        const header = response.headers.get('sforce-limit-info');
        const match = header ? /api-usage=(\d+)\/(\d+)/.exec(header) : null;
        if (match) this.limitInfo = { used: Number(match[1]), max: Number(match[2]) };
        const date = Date.parse(response.headers.get('date') ?? '');
        if (!Number.isNaN(date)) this.lastServerDate = date;
    }

    private async refreshSession(kind: string): Promise<void> {
        if (!this.auth.refresh) {
            throw new RescoreError(
                'AUTH',
                fill(
                    t(
                        'The session expired during {kind} and an access token cannot be renewed. Get a new one (sf org display --target-org <alias>) or use --target-org, then rerun: the run is idempotent.',
                        '{kind} 期间会话已过期，访问令牌无法续期。请获取新令牌（sf org display --target-org <别名>）或改用 --target-org，然后重新运行：重复运行是安全的。'
                    ),
                    { kind }
                )
            );
        }
        this.auth.accessToken = await this.auth.refresh();
        this.sessionRefreshes += 1;
    }

    /**
     * Sends one request, retrying transient failures. Returns the successful response with its body
     * unread; throws HttpError for a final failure, BudgetExhausted before a call the budget forbids.
     */
    async send(spec: RequestSpec): Promise<Response> {
        let attempt = 0;
        let refreshed = false;
        for (;;) {
            this.checkBudget(spec.kind);
            this.apiCalls += 1;
            this.callsByKind[spec.kind] = (this.callsByKind[spec.kind] ?? 0) + 1;
            let response: Response;
            try {
                const headers: Record<string, string> = {
                    Authorization: `Bearer ${this.auth.accessToken}`,
                    Accept: spec.accept ?? 'application/json'
                };
                let body: BodyInit | undefined;
                if (spec.json !== undefined) {
                    headers['Content-Type'] = 'application/json';
                    body = JSON.stringify(spec.json);
                } else if (spec.body) {
                    headers['Content-Type'] = spec.contentType ?? 'text/csv';
                    body = spec.body();
                }
                response = await fetch(this.url(spec.path), {
                    method: spec.method,
                    headers,
                    body,
                    signal: AbortSignal.timeout(this.options.requestTimeoutMs ?? 300_000),
                    // A streamed upload body needs half-duplex in Node's fetch.
                    ...(body instanceof ReadableStream ? { duplex: 'half' } : {})
                } as RequestInit);
            } catch (error) {
                if (!isTransientNetworkError(error)) throw error;
                if (attempt < this.options.retry.maxRetries) {
                    await this.pause(attempt++);
                    continue;
                }
                throw new RescoreError(
                    'NETWORK',
                    fill(
                        t(
                            'Lost the connection to the org during {kind} after {n} retries ({reason}). Rerun when the network is back: records already written are skipped.',
                            '{kind} 期间与组织的连接中断，已重试 {n} 次（{reason}）。网络恢复后重新运行即可：已写入的记录会被跳过。'
                        ),
                        {
                            kind: spec.kind,
                            n: this.options.retry.maxRetries,
                            reason: String(
                                (error as { cause?: { code?: string } }).cause?.code ??
                                    (error as Error).message
                            )
                        }
                    )
                );
            }
            this.readLimitInfo(response);
            if (response.ok) return response;

            const errors = parseErrors(await response.text());
            const failure = new HttpError(response.status, errors, spec.kind);
            if (response.status === 401 && !refreshed) {
                await this.refreshSession(spec.kind);
                refreshed = true;
                continue;
            }
            if (response.status === 401) {
                throw new RescoreError(
                    'AUTH',
                    t(
                        'The org refused the session even after a refresh. Log in again: sf org login web --alias <alias>.',
                        '刷新后组织仍拒绝该会话。请重新登录：sf org login web --alias <别名>。'
                    )
                );
            }
            if (failure.errorCode === 'REQUEST_LIMIT_EXCEEDED' && !isConcurrencyLimit(errors)) {
                throw new BudgetExhausted(
                    t(
                        "The org's daily API allocation is spent (REQUEST_LIMIT_EXCEEDED). Rerun after the 24-hour window frees calls.",
                        '组织的每日 API 配额已用尽（REQUEST_LIMIT_EXCEEDED）。请在 24 小时窗口释放配额后重新运行。'
                    )
                );
            }
            const transient =
                response.status >= 500 ||
                response.status === 429 ||
                isConcurrencyLimit(errors) ||
                failure.errorCode === 'UNABLE_TO_LOCK_ROW';
            if (transient && attempt < this.options.retry.maxRetries) {
                const retryAfter = Number(response.headers.get('retry-after'));
                await this.pause(
                    attempt++,
                    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined
                );
                continue;
            }
            throw failure;
        }
    }

    private async pause(attempt: number, retryAfterMs?: number): Promise<void> {
        this.retries += 1;
        await sleep(backoffDelay(this.options.retry, attempt, retryAfterMs));
    }

    async json<T>(spec: RequestSpec): Promise<T> {
        const response = await this.send(spec);
        const text = await response.text();
        return (text === '' ? undefined : JSON.parse(text)) as T;
    }
}
