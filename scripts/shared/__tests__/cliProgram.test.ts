import { t } from 'c/dealControlModel';
import { CliProgram, CommonOptions, runCli } from '../cliProgram';
import { EXIT } from '../errors';

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
