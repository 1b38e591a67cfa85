import { parseOptions } from '../options';

const SAMPLE = '/repo/data';
const parse = (argv: string[], env: NodeJS.ProcessEnv = {}) => parseOptions(argv, env, SAMPLE);
const ENV = { SF_INSTANCE_URL: 'http://127.0.0.1:1234/', SF_ACCESS_TOKEN: 'token' };

describe('where the records come from', () => {
    it('uses the bundled sample data when there is no org and no input dir, as a dry run', () => {
        const o = parse([]);
        expect(o.source).toEqual({ kind: 'sample', dir: SAMPLE });
        expect(o).toMatchObject({
            apply: false,
            check: false,
            transport: 'auto',
            apiVersion: '66.0',
            bulkThreshold: 2000
        });
        expect(o.apiReservePercent).toBe(10);
    });

    it('uses SF_INSTANCE_URL and SF_ACCESS_TOKEN, without a trailing slash', () => {
        expect(parse([], ENV).source).toEqual({
            kind: 'env',
            instanceUrl: 'http://127.0.0.1:1234',
            accessToken: 'token'
        });
    });

    it('prefers --target-org over the environment', () => {
        expect(parse(['--target-org', 'prod'], ENV).source).toEqual({
            kind: 'target-org',
            aliasOrUsername: 'prod'
        });
    });

    it('refuses half of the environment pair with an auth error', () => {
        expect(() => parse([], { SF_ACCESS_TOKEN: 'x' })).toThrow(
            expect.objectContaining({ code: 'AUTH', exitCode: 3 })
        );
    });
});

describe('flags', () => {
    it('reads every org flag', () => {
        const o = parse(
            [
                '--apply',
                '--rest',
                '--opportunity',
                '001A0000006Vm9r,001A0000006Vm9rIAC',
                '--max-api-calls',
                '500',
                '--api-reserve',
                '20',
                '--concurrency',
                '2',
                '--report',
                'r.csv',
                '--json',
                '--api-version',
                '65.0',
                '--lang',
                'zh'
            ],
            ENV
        );
        expect(o).toMatchObject({
            apply: true,
            transport: 'rest',
            opportunityIds: ['001A0000006Vm9rIAC'],
            maxApiCalls: 500,
            apiReservePercent: 20,
            concurrency: 2,
            reportFile: 'r.csv',
            json: true,
            apiVersion: '65.0',
            lang: 'zh'
        });
    });

    it('keeps --since last as is and validates a date', () => {
        expect(parse(['--since', 'last'], ENV).since).toBe('last');
        expect(parse(['--since', '2026-02-01'], ENV).since).toBe('2026-02-01T00:00:00Z');
    });

    it.each([
        [['--apply', '--check']],
        [['--bulk', '--rest']],
        [['--max-api-calls', '0']],
        [['--max-api-calls', '10; DROP']],
        [['--api-version', 'latest']],
        [['--lang', 'fr']],
        [['--unknown-flag']],
        [['--opportunity', ',']],
        [['--since', 'last', '--opportunity', '001A0000006Vm9r']],
        [['--output-dir', 'out']]
    ])('refuses %j with exit code 3', (argv) => {
        expect(() => parse(argv, ENV)).toThrow(expect.objectContaining({ exitCode: 3 }));
    });

    it('refuses org-only flags in CSV mode', () => {
        expect(() => parse(['--input-dir', 'x', '--bulk'])).toThrow(
            expect.objectContaining({ code: 'BAD_FLAGS' })
        );
        expect(() => parse(['--input-dir', 'x', '--since', '2026-01-01'])).toThrow(
            expect.objectContaining({ code: 'BAD_FLAGS' })
        );
        expect(() => parse(['--input-dir', 'x', '--target-org', 'prod'])).toThrow(
            expect.objectContaining({ code: 'BAD_FLAGS' })
        );
    });

    it('gives both languages in its error text', () => {
        let caught: unknown = null;
        try {
            parse(['--bulk', '--rest'], ENV);
        } catch (error) {
            caught = error;
        }
        const text = (caught as { text: { en: string; zh: string } }).text;
        expect(text.en).toContain('--bulk');
        expect(text.zh).toMatch(/[\u4e00-\u9fff]/);
    });
});
