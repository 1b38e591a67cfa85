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
                '006A0000006Vm9r,006A0000006Vm9rIAC',
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
            opportunityIds: ['006A0000006Vm9rIAC'],
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

    // Each refusal names what is wrong, so an admin can fix the command without reading the code.
    it.each([
        [
            ['--apply', '--check'],
            'BAD_FLAGS',
            '--apply and --check exclude each other: --check only audits and never writes.'
        ],
        [['--bulk', '--rest'], 'BAD_FLAGS', '--rest and --bulk exclude each other'],
        [
            ['--max-api-calls', '0'],
            'BAD_FLAGS',
            '--max-api-calls must be a whole number from 1 to 1000000000, not "0".'
        ],
        [
            ['--max-api-calls', '-1'],
            'BAD_FLAGS',
            '--max-api-calls must be a whole number from 1 to 1000000000, not "-1".'
        ],
        [['--max-api-calls', '10; DROP'], 'BAD_FLAGS', 'not "10; DROP"'],
        [['--report', '--json'], 'BAD_FLAGS', '--report needs a value.'],
        [['--api-version', 'latest'], 'BAD_FLAGS', '--api-version must look like 66.0, not "latest".'],
        [['--lang', 'fr'], 'BAD_FLAGS', '--lang must be one of en, zh, not "fr".'],
        [['--unknown-flag'], 'BAD_FLAGS', 'Unknown flag --unknown-flag.'],
        [['--aply'], 'BAD_FLAGS', 'Unknown flag --aply. Did you mean --apply?'],
        [['prod'], 'BAD_FLAGS', 'Unexpected argument "prod"'],
        [['--apply', '--apply'], 'BAD_FLAGS', '--apply was given twice.'],
        [['--apply=yes'], 'BAD_FLAGS', '--apply takes no value.'],
        [['--opportunity', ','], 'BAD_FLAGS', '--opportunity needs at least one value.'],
        [
            ['--since', 'last', '--opportunity', '006A0000006Vm9r'],
            'BAD_FLAGS',
            '--opportunity and --since exclude each other'
        ],
        [
            ['--output-dir', 'out'],
            'BAD_FLAGS',
            '--output-dir is for CSV mode (--input-dir); a run on an org writes to the org itself.'
        ],
        [['--if-no-state', 'full'], 'BAD_FLAGS', '--if-no-state needs --since.'],
        [
            ['--since', '2026-01-01', '--if-no-state', 'full'],
            'BAD_FLAGS',
            '--if-no-state applies to --since last only.'
        ],
        [['--since', '2026-02-30'], 'BAD_DATETIME', '"2026-02-30" is not a real date or time'],
        [['--since', '2026-01-31T24:00:00Z'], 'BAD_DATETIME', 'is not a real date or time'],
        [
            ['--opportunity', 'a01000000000001AAA'],
            'NOT_AN_OPPORTUNITY',
            'Opportunity Ids start with 006 (this one starts with a01)'
        ],
        [['--opportunity', '006A0000006Vm9rAAA'], 'BAD_ID', 'has a wrong checksum'],
        [
            ['--snapshot', '--snapshot-date', '2026-02-30'],
            'BAD_DATETIME',
            '"2026-02-30" is not a real date or time'
        ],
        [
            ['--snapshot', '--snapshot-date', '2026-2-3'],
            'BAD_DATE',
            '"2026-2-3" is not a date like 2024-12-31.'
        ],
        [
            ['--snapshot', '--snapshot-date', '2026-01-31T00:00:00Z'],
            'BAD_DATE',
            'is not a date like 2024-12-31.'
        ],
        [
            ['--snapshot', '--snapshot-date', 'yesterday'],
            'BAD_DATE',
            '"yesterday" is not a date like 2024-12-31.'
        ],
        [['--snapshot-date', '2026-01-31'], 'BAD_FLAGS', '--snapshot-date needs --snapshot.'],
        [
            ['--snapshot', '--check'],
            'BAD_FLAGS',
            '--check only audits; take snapshots with a dry run or --apply.'
        ]
    ])('refuses %j: %s, saying what is wrong', (argv, code, message) => {
        let caught: unknown = null;
        try {
            parse(argv, ENV);
        } catch (error) {
            caught = error;
        }
        expect(caught).toMatchObject({ code, exitCode: 3 });
        expect((caught as { text: { en: string } }).text.en).toContain(message);
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

describe('--snapshot and --snapshot-date', () => {
    const NOW = new Date('2026-11-30T23:59:59Z');
    const at = (argv: string[], env: NodeJS.ProcessEnv = ENV) => parseOptions(argv, env, SAMPLE, NOW);

    it('without --snapshot there is no snapshot date', () => {
        expect(at(['--apply']).snapshotDate).toBeNull();
    });

    it('takes the snapshot of today in UTC, or of the day --snapshot-date names (today included)', () => {
        expect(at(['--snapshot']).snapshotDate).toBe('2026-11-30');
        expect(at(['--snapshot', '--snapshot-date', '2026-11-02']).snapshotDate).toBe('2026-11-02');
        expect(at(['--snapshot', '--snapshot-date', ' 2026-11-30 ']).snapshotDate).toBe('2026-11-30');
    });

    it('refuses a day that has not come yet in UTC', () => {
        expect(() => at(['--snapshot', '--snapshot-date', '2026-12-01'])).toThrow(
            expect.objectContaining({
                code: 'BAD_FLAGS',
                text: expect.objectContaining({
                    en: '--snapshot-date 2026-12-01 is in the future: a snapshot records a day that has come (today in UTC is 2026-11-30).'
                })
            })
        );
    });

    it('refuses the bundled sample data, which already holds snapshots, but not --input-dir', () => {
        expect(() => at(['--snapshot'], {})).toThrow(expect.objectContaining({ code: 'BAD_FLAGS' }));
        expect(at(['--snapshot', '--input-dir', 'in'], {}).snapshotDate).toBe('2026-11-30');
    });
});
