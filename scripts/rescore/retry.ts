import { abortReason } from '../shared/errors';

/** How often and how patiently the script retries a transient failure. */
export interface RetryPolicy {
    readonly maxRetries: number;
    readonly baseDelayMs: number;
    /** Longest single wait, so a long outage does not turn into hour-long sleeps. */
    readonly maxDelayMs: number;
    /** Injected for tests: a number in [0, 1). */
    readonly random?: () => number;
}

/**
 * Exponential backoff with "equal jitter": half the step is fixed, half random. Many scripts
 * hitting the same org after an outage then spread out instead of retrying in lockstep, and each
 * still waits at least half the step. A Retry-After from the server wins when it asks for longer.
 */
export function backoffDelay(policy: RetryPolicy, attempt: number, retryAfterMs?: number): number {
    const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
    const random = policy.random ?? Math.random;
    const delay = Math.round(step / 2 + (step / 2) * random());
    return retryAfterMs !== undefined && retryAfterMs > delay
        ? Math.min(retryAfterMs, policy.maxDelayMs)
        : delay;
}

/** Error codes Salesforce returns for conditions that pass by themselves. */
export const TRANSIENT_RECORD_ERRORS: ReadonlySet<string> = new Set([
    'UNABLE_TO_LOCK_ROW',
    'SERVER_UNAVAILABLE',
    'REQUEST_RUNNING_TOO_LONG'
]);

/** Network errors worth another try: the connection broke, not the request. */
export function isTransientNetworkError(error: unknown): boolean {
    // Duck-typed: fetch's TypeError may come from another realm (Jest's vm), where instanceof fails.
    if (typeof error !== 'object' || error === null || typeof (error as Error).message !== 'string')
        return false;
    if ((error as Error).name === 'TimeoutError') return true;
    const cause = (error as { cause?: { code?: string } }).cause;
    const code = cause?.code ?? (error as { code?: string }).code ?? '';
    return (
        (error as Error).message === 'fetch failed' ||
        /^(ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|UND_ERR_SOCKET|UND_ERR_CLOSED|UND_ERR_CONNECT_TIMEOUT|UND_ERR_HEADERS_TIMEOUT|UND_ERR_BODY_TIMEOUT)$/.test(
            code
        )
    );
}

/** Waits, waking early and throwing INTERRUPTED when the signal aborts (Ctrl-C). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
        if (signal?.aborted) {
            reject(abortReason(signal));
            return;
        }
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        const onAbort = (): void => {
            clearTimeout(timer);
            reject(abortReason(signal!));
        };
        signal?.addEventListener('abort', onAbort, { once: true });
    });
}
