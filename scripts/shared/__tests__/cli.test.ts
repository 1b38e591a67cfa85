import { t } from 'c/dealControlModel';
import { COMMON_FLAGS, FlagTable, parseFlags, refuseOutside, renderHelp } from '../flags';
import { normalizeRecordId } from '../recordId';
import { RecordIdSet } from '../recordIdSet';
import { CliProgram, CommonOptions, runCli } from '../cliProgram';
import { EXIT } from '../errors';

/** The shared CLI module as the admin scripts (and a new one) use it. */

/** A script's table, as another admin script (calibrate, say) would declare one. */
const TABLE = {
    'target-org': {
        type: 'string',
        short: 'o',
        group: 'source',
        valueName: '<alias>',
        help: t('the org', '组织'),
        only: 'org'
    },
    since: {
        type: 'string',
        group: 'scope',
        required: true,
        parse: (raw: string) => raw.toUpperCase(),
        help: t('start', '开始')
    },
    sample: {
        type: 'integer',
        group: 'scope',
        default: 50,
        min: 1,
        max: 500,
        help: t('deals to sample', '抽样的业务机会数'),
        excludes: { all: t('sample some or take all.', '要么抽样，要么全部。') }
    },
    all: { type: 'boolean', group: 'scope', help: t('every deal', '全部业务机会') },
    format: {
        type: 'enum',
        group: 'output',
        choices: ['csv', 'md'],
        default: 'md',
        help: t('report format', '报告格式')
    },
    band: {
        type: 'list',
        group: 'scope',
        parse: (raw: string) => raw.toLowerCase(),
        requires: ['all'],
        help: t('bands', '控单区间')
    },
    ...COMMON_FLAGS
} as const satisfies FlagTable;

function refusal(argv: string[]): string {
    try {
        parseFlags(TABLE, argv);
    } catch (error) {
        return (
            (error as { code: string; text: { en: string } }).code +
            ': ' +
            (error as { text: { en: string } }).text.en
        );
    }
    return 'accepted';
}

describe('parseFlags', () => {
    it('returns typed values with defaults, parsed strings, lists split on commas and repeated', () => {
        const { values, given } = parseFlags(TABLE, [
            '--since',
            'q1',
            '--all',
            '--band',
            'Leading,Losing',
            '--band',
            'Behind',
            '-o',
            'prod'
        ]);
        const since: string = values.since;
        const sample: number = values.sample;
        const format: 'csv' | 'md' = values.format;
        expect({
            since,
            sample,
            format,
            band: values.band,
            org: values['target-org'],
            json: values.json
        }).toEqual({
            since: 'Q1',
            sample: 50,
            format: 'md',
            band: ['leading', 'losing', 'behind'],
            org: 'prod',
            json: false
        });
        expect([...given].sort()).toEqual(['all', 'band', 'since', 'target-org']);
    });

    it.each([
        [[], 'BAD_FLAGS: --since is required: start.'],
        [
            ['--since', 'x', '--sample', '0'],
            'BAD_FLAGS: --sample must be a whole number from 1 to 500, not "0".'
        ],
        [
            ['--since', 'x', '--sample', '-5'],
            'BAD_FLAGS: --sample must be a whole number from 1 to 500, not "-5".'
        ],
        [
            ['--since', 'x', '--sample', '10', '--all'],
            'BAD_FLAGS: --sample and --all exclude each other: sample some or take all.'
        ],
        [['--since', 'x', '--band', 'leading'], 'BAD_FLAGS: --band needs --all.'],
        [['--since', 'x', '--format', 'pdf'], 'BAD_FLAGS: --format must be one of csv, md, not "pdf".'],
        [['--since'], 'BAD_FLAGS: --since needs a value.'],
        [['--since', 'x', '--since', 'y'], 'BAD_FLAGS: --since was given twice.'],
        [['--since', 'x', '--samples', '3'], 'BAD_FLAGS: Unknown flag --samples. Did you mean --sample?'],
        [['--since', 'x', '-z'], 'BAD_FLAGS: Unknown flag -z.'],
        [['--since', '  '], 'BAD_FLAGS: --since needs a value.']
    ])('refuses %j: %s', (argv, expected) => {
        expect(refusal(argv)).toBe(expected);
    });

    it('--help skips the checks of required flags so help can always be shown', () => {
        expect(parseFlags(TABLE, ['--help']).values.help).toBe(true);
    });

    it('refuses flags outside their context, with the reason the script gives', () => {
        const { given } = parseFlags(TABLE, ['--since', 'x', '--target-org', 'prod']);
        expect(() => refuseOutside(TABLE, given, 'files', { org: t('needs an org.', '需要组织。') })).toThrow(
            '--target-org needs an org.'
        );
        expect(() => refuseOutside(TABLE, given, 'org', {})).not.toThrow();
    });
});

describe('renderHelp', () => {
    it('derives every flag line, default, limit, exclusion and requirement from the table, in both languages', () => {
        const help = renderHelp(TABLE, {
            summary: t('Calibrates.', '校准。'),
            usage: 'npm run calibrate -- [flags]',
            groups: [
                { key: 'source', title: t('Source', '来源') },
                { key: 'scope', title: t('Scope', '范围') },
                { key: 'output', title: t('Output', '输出') }
            ],
            contexts: { org: t('org only', '仅限组织') }
        });
        expect(help.en).toContain('  --target-org, -o <alias>    the org (org only)');
        expect(help.en).toContain('  --since VALUE               start (required)');
        expect(help.en).toContain(
            '  --sample N                  deals to sample (default 50; 1–500; not with --all)'
        );
        expect(help.en).toContain('  --band VALUE                bands (needs --all)');
        expect(help.en).toContain('  --format csv|md             report format (default md)');
        expect(help.zh).toContain(
            '  --sample N                  抽样的业务机会数（默认 50；1–500；不能与 --all 同用）'
        );
        expect(help.zh).toContain('范围：');
        for (const name of Object.keys(TABLE)) expect(help.en).toContain(`--${name}`);
    });
});

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function id(prefix: string, n: number): string {
    let body = '';
    for (let i = 0; i < 12; i += 1) {
        body = BASE62[n % 62] + body;
        n = Math.floor(n / 62);
    }
    return normalizeRecordId(prefix + body)!;
}

describe('RecordIdSet', () => {
    it('finds every repeat among 50,000 Ids exactly, across growth, and never a false one', () => {
        const set = new RecordIdSet();
        for (let n = 0; n < 50_000; n += 1) expect(set.add(id('a01', n * 7919))).toBe(true);
        for (let n = 0; n < 50_000; n += 1000) expect(set.add(id('a01', n * 7919))).toBe(false);
        expect(set.add(id('a01', 1))).toBe(true);
    });

    it('keeps Ids of other heads (another instance) apart, and sizes itself once from an estimate', () => {
        const set = new RecordIdSet();
        set.reserve(10_000);
        expect(set.add(id('a01', 5))).toBe(true);
        expect(set.add(id('a02', 5))).toBe(true);
        expect(set.add(id('a02', 5))).toBe(false);
        // Ids that differ only in case are different records.
        expect(set.add(id('a01', 36))).toBe(true);
        expect(set.add(id('a01', 10))).toBe(true);
    });

    it('treats the 15- and 18-character forms as one record (the caller passes either)', () => {
        const set = new RecordIdSet();
        const long = id('a01', 42);
        expect(set.add(long)).toBe(true);
        expect(set.add(long.slice(0, 15))).toBe(false);
    });
});

/** A program whose run fails the way a bug does: not with a CliError. */
const buggy: CliProgram<CommonOptions> = {
    help: t('Help.', '帮助。'),
    parse: (argv) => ({
        json: argv.includes('--json'),
        verbose: argv.includes('--verbose'),
        lang: 'en',
        help: argv.includes('--help')
    }),
    run: async () => {
        throw new TypeError("Cannot read properties of undefined (reading 'Id')");
    }
};

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const code = await runCli(
        buggy,
        argv,
        {},
        { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), progressStream: null, width: 80 },
        new AbortController().signal
    );
    return { code, stdout, stderr };
}

describe('an unexpected error', () => {
    it('is one line with what to do and exit 3 (never Node exit 1, which means drift), no stack trace', async () => {
        const r = await run([]);
        expect(r.code).toBe(EXIT.couldNotRun);
        expect(r.stderr).toBe(
            "Error (UNEXPECTED): Unexpected error: Cannot read properties of undefined (reading 'Id') Run again with --verbose to see where it happened, and report it with that output.\n"
        );
    });

    it('shows its stack and cause with --verbose, and in --json', async () => {
        expect((await run(['--verbose'])).stderr).toMatch(/\n\s+at /);
        const json = JSON.parse((await run(['--json', '--verbose'])).stdout);
        expect(json).toMatchObject({
            status: 3,
            name: 'UNEXPECTED',
            exitCode: 3,
            cause: "Cannot read properties of undefined (reading 'Id')"
        });
        expect(json.stack).toContain('CliError');
    });

    it('--help prints the help and runs nothing', async () => {
        const r = await run(['--help']);
        expect(r).toEqual({ code: 0, stdout: 'Help.\n', stderr: '' });
    });
});
