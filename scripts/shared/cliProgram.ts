import { LocalizedText, t } from 'c/dealControlModel';
import { CliError, EXIT, ExitCode, asCliError } from './errors';
import { fill, say, setLang } from './i18n';

/** Where a script prints: injected so tests run scripts in-process and read what they said. */
export interface CliIo {
    readonly stdout: (text: string) => void;
    readonly stderr: (text: string) => void;
    /** Whether stderr is a terminal: only then is there a progress bar. */
    readonly progressStream: NodeJS.WriteStream | null;
    readonly width: number;
}

/** What a finished run hands back: its exit code, its JSON result and how to print it for people. */
export interface CliResult {
    readonly exitCode: ExitCode;
    /** Goes under `result` in the --json envelope. */
    readonly result: unknown;
    readonly warnings: readonly LocalizedText[];
    readonly print: (io: CliIo) => void;
}

/** The flags every script shares, as each script's parser returns them. */
export interface CommonOptions {
    readonly json: boolean;
    readonly verbose: boolean;
    readonly lang: 'en' | 'zh' | undefined;
    readonly help: boolean;
}

export interface CliProgram<O extends CommonOptions> {
    readonly help: LocalizedText;
    /** Parses argv and the environment; throws CliError for anything wrong. */
    parse(argv: readonly string[], env: NodeJS.ProcessEnv): O;
    run(options: O, io: CliIo, signal: AbortSignal): Promise<CliResult>;
}

/**
 * Before the flags are parsed, the few that shape how an error is shown (--json, --verbose,
 * --lang): a flag error must already come out in the right form and language.
 */
function earlyCommon(argv: readonly string[]): CommonOptions {
    const langIndex = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
    const langValue =
        langIndex < 0
            ? undefined
            : argv[langIndex].includes('=')
              ? argv[langIndex].split('=')[1]
              : argv[langIndex + 1];
    return {
        json: argv.includes('--json'),
        verbose: argv.includes('--verbose'),
        lang: langValue === 'en' || langValue === 'zh' ? langValue : undefined,
        help: false
    };
}

function causeChain(error: unknown): string[] {
    const lines: string[] = [];
    let cause = (error as { cause?: unknown } | null)?.cause;
    for (let depth = 0; cause !== undefined && cause !== null && depth < 5; depth += 1) {
        lines.push(`Caused by: ${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}`);
        cause = (cause as { cause?: unknown }).cause;
    }
    return lines;
}

/**
 * One line for people: "Error (CODE): what happened. What to do." With --verbose, the stack and
 * every cause follow; without, never a stack trace.
 */
export function formatError(error: CliError, verbose: boolean): string {
    const head = say(
        fill(t('Error ({code}): {message}', '错误（{code}）：{message}'), {
            code: error.code,
            message: error.oneLine()
        })
    );
    if (!verbose) return `${head}\n`;
    return `${[head, error.stack ?? '', ...causeChain(error)].join('\n')}\n`;
}

/** The --json form of an error, as the sf CLI prints one. */
export function errorJson(error: CliError, verbose: boolean): Record<string, unknown> {
    const cause = (error as { cause?: unknown }).cause;
    return {
        status: error.exitCode,
        name: error.code,
        code: error.code,
        message: say(error.text),
        actions: error.actions.map(say),
        exitCode: error.exitCode,
        warnings: [],
        ...(verbose
            ? {
                  stack: error.stack,
                  cause:
                      cause instanceof Error ? cause.message : cause === undefined ? undefined : String(cause)
              }
            : {})
    };
}

/**
 * Runs a script: flags, --help, the run itself, and the way its outcome or error is shown (one
 * JSON document with --json; a one-line error with what to do otherwise). Returns the exit code.
 */
export async function runCli<O extends CommonOptions>(
    program: CliProgram<O>,
    argv: readonly string[],
    env: NodeJS.ProcessEnv,
    io: CliIo,
    signal: AbortSignal
): Promise<number> {
    let common = earlyCommon(argv);
    if (common.lang) setLang(common.lang);
    try {
        const options = program.parse(argv, env);
        common = options;
        if (options.lang) setLang(options.lang);
        if (options.help) {
            io.stdout(`${say(program.help)}\n`);
            return EXIT.done;
        }
        const outcome = await program.run(options, io, signal);
        if (options.json) {
            io.stdout(
                `${JSON.stringify({ status: outcome.exitCode, result: outcome.result, warnings: outcome.warnings.map(say) }, null, 2)}\n`
            );
        } else {
            outcome.print(io);
        }
        return outcome.exitCode;
    } catch (thrown) {
        const error = asCliError(thrown);
        if (common.json) io.stdout(`${JSON.stringify(errorJson(error, common.verbose), null, 2)}\n`);
        else io.stderr(formatError(error, common.verbose));
        return error.exitCode;
    }
}
