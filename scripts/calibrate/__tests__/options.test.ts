import path from 'node:path';
import { CalibrateError } from '../errors';
import { helpText, parseOptions } from '../options';

const SAMPLE = '/repo/data';
const parse = (argv: string[], env: NodeJS.ProcessEnv = {}) => parseOptions(argv, env, SAMPLE);

function refusal(argv: string[], env: NodeJS.ProcessEnv = {}): CalibrateError {
    try {
        parse(argv, env);
    } catch (error) {
        return error as CalibrateError;
    }
    throw new Error(`${argv.join(' ')} was accepted`);
}

describe('calibrate flags', () => {
    it('calibrates the bundled sample at 30 days by default', () => {
        expect(parse([])).toMatchObject({
            source: { kind: 'sample', dir: SAMPLE },
            horizonDays: 30,
            sinceDay: null,
            out: null,
            json: false,
            lang: null,
            apiVersion: '66.0',
            bulkThreshold: 2000
        });
    });

    it('reads every flag', () => {
        const options = parse([
            '-o',
            'prod',
            '--horizon',
            '45',
            '--since',
            '2026-03-01',
            '--json',
            '--lang',
            'zh',
            '--out',
            'chart.SVG',
            '--bulk-threshold',
            '0',
            '--poll-interval',
            '5',
            '--api-version',
            '64.0'
        ]);
        expect(options).toMatchObject({
            source: { kind: 'target-org', aliasOrUsername: 'prod' },
            horizonDays: 45,
            sinceDay: Date.UTC(2026, 2, 1) / 86_400_000,
            json: true,
            lang: 'zh',
            out: 'chart.SVG',
            bulkThreshold: 0,
            pollIntervalMs: 5,
            apiVersion: '64.0'
        });
        expect(parse(['--input-dir', 'exports']).source).toEqual({ kind: 'input-dir', dir: 'exports' });
        expect(
            parse([], { SF_INSTANCE_URL: 'https://x.my.salesforce.com/', SF_ACCESS_TOKEN: 't' }).source
        ).toEqual({
            kind: 'env',
            instanceUrl: 'https://x.my.salesforce.com',
            accessToken: 't'
        });
    });

    it.each([
        [['--horizon', 'thirty'], '--horizon is "thirty".', 'Give a whole number from 0 to 3650.'],
        [['--horizon', '-5'], 'argument is ambiguous', 'Run with --help to see the flags.'],
        [['--horizon', '4000'], '--horizon is "4000".', 'Give a whole number from 0 to 3650.'],
        [
            ['--since', '2026-02-30'],
            '--since is "2026-02-30".',
            'Write the date as YYYY-MM-DD, for example 2026-03-01.'
        ],
        [['--lang', 'fr'], '--lang is "fr".', 'Use --lang en or --lang zh.'],
        [
            ['--out', 'chart.csv'],
            '--out "chart.csv" is not an .svg file.',
            'Name the chart file with .svg, for example --out calibration.svg.'
        ],
        [
            ['--input-dir', 'x', '--bulk-threshold', '10'],
            '--bulk-threshold needs an org.',
            'Drop it, or use --target-org <alias>.'
        ],
        [['--api-version', '66.0'], '--api-version needs an org.', 'Drop it, or use --target-org <alias>.'],
        [
            ['-o', 'a', '--input-dir', 'x'],
            '--target-org and --input-dir exclude each other.',
            'Calibrate an org, or a folder of CSV exports: choose one.'
        ],
        [['-o', 'a', '--api-version', '66'], '--api-version is "66".', 'Write it like 66.0.'],
        [['--bogus'], "Unknown option '--bogus'", 'Run with --help to see the flags.'],
        [['extra'], 'positional', 'Run with --help to see the flags.']
    ])('%j is refused with the cause and what to do', (argv, cause, action) => {
        const error = refusal(argv);
        expect(error).toBeInstanceOf(CalibrateError);
        expect(error.exitCode).toBe(3);
        expect(error.cause.en).toContain(cause);
        expect(error.action.en).toBe(action);
        expect(error.cause.zh).toMatch(/[\u4e00-\u9fff]/);
    });

    it('explains that a PNG needs a browser and how to get one from the SVG', () => {
        const error = refusal(['--out', path.join('out', 'chart.png')]);
        expect(error.code).toBe('PNG_NEEDS_BROWSER');
        expect(error.action.en).toContain('--out out/chart.svg');
        expect(error.action.en).toContain('chromium --headless --screenshot=out/chart.png');
        expect(error.action.en).toContain('rsvg-convert -o out/chart.png out/chart.svg');
        expect(error.action.zh).toContain('rsvg-convert');
    });

    it('needs both SF_INSTANCE_URL and SF_ACCESS_TOKEN', () => {
        expect(refusal([], { SF_ACCESS_TOKEN: 't' }).code).toBe('AUTH');
        expect(refusal([], { SF_INSTANCE_URL: 'not a url', SF_ACCESS_TOKEN: 't' }).code).toBe('AUTH');
    });

    it('documents every flag in both languages, from the same table the parser reads', () => {
        const help = helpText();
        for (const flag of [
            '--target-org, -o',
            '--input-dir',
            '--horizon',
            '--since',
            '--out',
            '--json',
            '--lang',
            '--api-version',
            '--bulk-threshold',
            '--poll-interval',
            '--help, -h'
        ]) {
            expect(help.en).toContain(flag);
            expect(help.zh).toContain(flag);
        }
        expect(help.en).toContain(
            'Exit codes: 0 done, 2 some rows could not be read (the figures leave them out), 3 could not run.'
        );
        expect(help.zh).toContain('退出码：0 完成，2 部分行无法读取（计算时已排除），3 无法运行。');
    });
});
