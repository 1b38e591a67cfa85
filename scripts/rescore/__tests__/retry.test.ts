import { t } from 'c/dealControlModel';
import { CliError } from '../../shared/errors';
import { backoffDelay, isTransientNetworkError, sleep } from '../retry';

const policy = { maxRetries: 5, baseDelayMs: 100, maxDelayMs: 1000 };

describe('backoff with jitter', () => {
    it('waits between half and all of an exponential step', () => {
        expect(backoffDelay({ ...policy, random: () => 0 }, 0)).toBe(50);
        expect(backoffDelay({ ...policy, random: () => 0.999999 }, 0)).toBe(100);
        expect(backoffDelay({ ...policy, random: () => 0 }, 2)).toBe(200);
    });

    it('never waits longer than the cap', () => {
        expect(backoffDelay({ ...policy, random: () => 0.999999 }, 10)).toBe(1000);
    });

    it('honours a longer Retry-After, up to the cap', () => {
        expect(backoffDelay({ ...policy, random: () => 0 }, 0, 700)).toBe(700);
        expect(backoffDelay({ ...policy, random: () => 0 }, 0, 60_000)).toBe(1000);
    });

    it('spreads retries: two clients rarely pick the same delay', () => {
        const delays = new Set(
            Array.from({ length: 50 }, () => backoffDelay({ ...policy, maxDelayMs: 100_000 }, 6))
        );
        expect(delays.size).toBeGreaterThan(40);
    });
});

describe('transient network errors', () => {
    it('retries a reset connection and a timeout, not a programming error', () => {
        expect(
            isTransientNetworkError(
                Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } })
            )
        ).toBe(true);
        expect(isTransientNetworkError(Object.assign(new Error('x'), { name: 'TimeoutError' }))).toBe(true);
        expect(isTransientNetworkError(new TypeError('undefined is not a function'))).toBe(false);
        expect(isTransientNetworkError('ECONNRESET')).toBe(false);
    });
});

describe('sleep', () => {
    it('wakes early on Ctrl-C with the reason the script aborted with', async () => {
        const controller = new AbortController();
        const slept = sleep(60_000, controller.signal);
        const started = Date.now();
        controller.abort(new CliError('API_BUDGET', t('spent', '用尽')));
        await expect(slept).rejects.toMatchObject({ code: 'API_BUDGET' });
        expect(Date.now() - started).toBeLessThan(1000);
    });

    it('turns a bare abort (a test, a library) into INTERRUPTED with exit 3', async () => {
        const controller = new AbortController();
        controller.abort();
        await expect(sleep(60_000, controller.signal)).rejects.toMatchObject({
            code: 'INTERRUPTED',
            exitCode: 3
        });
    });
});
