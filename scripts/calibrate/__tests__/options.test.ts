import path from 'node:path';
import { CliError } from '../../shared/errors';
import { CALIBRATE_HELP, parseOptions } from '../options';

const SAMPLE = '/repo/data';
const parse = (argv: string[], env: NodeJS.ProcessEnv = {}) => parseOptions(argv, env, SAMPLE);

function refusal(argv: string[], env: NodeJS.ProcessEnv = {}): CliError {
    try {
        parse(argv, env);
    } catch (error) {
        return error as CliError;
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
            lang: undefined,
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
        [['--horizon', 'thirty'], '--horizon must be a whole number from 0 to 3650, not "thirty".'],
        [['--horizon', '-5'], '--horizon must be a whole number from 0 to 3650, not "-5".'],
        [['--horizon', '4000'], '--horizon must be a whole number from 0 to 3650, not "4000".'],
        [
            ['--since', '2026-02-30'],
            '--since "2026-02-30" is not a date: write it as YYYY-MM-DD, for example 2026-03-01.'
        ],
        [['--since', '1 March'], '--since "1 March" is not a date'],
        [['--lang', 'fr'], '--lang must be one of en, zh, not "fr".'],
        [
            ['--out', 'chart.csv'],
            '--out "chart.csv" is not an .svg file: name the chart file with .svg, for example --out calibration.svg.'
        ],
        [['--input-dir', 'x', '--bulk-threshold', '10'], '--bulk-threshold needs an org'],
        [['--api-version', '66.0'], '--api-version needs an org'],
        [['-o', 'a', '--input-dir', 'x'], '--target-org and --input-dir exclude each other'],
        [['-o', 'a', '--api-version', '66'], '--api-version must look like 66.0, not "66".'],
        [['--bogus'], 'Unknown flag --bogus.'],
        [['--hrizon', '30'], 'Did you mean --horizon?'],
        [['extra'], 'Unexpected argument "extra"'],
        [['--json', '--json'], '--json was given twice.']
    ])('%j is refused with the cause and what to do', (argv, cause) => {
        const error = refusal(argv);
        expect(error).toBeInstanceOf(CliError);
        expect(error.exitCode).toBe(3);
        expect(error.code).toBe('BAD_FLAGS');
        expect(error.text.en).toContain(cause);
        expect(error.text.zh).toMatch(/[\u4e00-\u9fff]/);
        expect(error.actions[0].en).toBe('Run with --help to see the flags.');
    });

    it('explains that a PNG needs a browser and how to get one from the SVG', () => {
        const error = refusal(['--out', path.join('out', 'chart.png')]);
        expect(error.code).toBe('PNG_NEEDS_BROWSER');
        expect(error.actions[0].en).toContain('--out out/chart.svg');
        expect(error.actions[0].en).toContain('chromium --headless --screenshot=out/chart.png');
        expect(error.actions[0].en).toContain('rsvg-convert -o out/chart.png out/chart.svg');
        expect(error.actions[0].zh).toContain('rsvg-convert');
    });

    it('needs both SF_INSTANCE_URL and SF_ACCESS_TOKEN', () => {
        expect(refusal([], { SF_ACCESS_TOKEN: 't' }).code).toBe('AUTH');
        expect(refusal([], { SF_INSTANCE_URL: 'not a url', SF_ACCESS_TOKEN: 't' }).code).toBe('AUTH');
    });

    it('documents every flag in both languages, from the same table the parser reads', () => {
        const help = CALIBRATE_HELP;
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
            '--verbose',
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
