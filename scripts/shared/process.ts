import { t } from 'c/dealControlModel';
import { CliIo, formatError } from './cliProgram';
import { asCliError, interruptedError } from './errors';
import { say } from './i18n';

export type ScriptMain = (
    argv: readonly string[],
    env: NodeJS.ProcessEnv,
    io: CliIo,
    signal: AbortSignal
) => Promise<number>;

/** Exit code of a second Ctrl-C, the shell's convention for a process ended by SIGINT. */
const QUIT_AT_ONCE = 130;

/**
 * Runs a script as the process: the real stdout and stderr, Ctrl-C as an abort signal (the first
 * stops at the next safe point, a second quits at once), and a last guard that turns anything
 * thrown outside the run into a one-line error with exit 3 instead of Node's crash (exit 1, which
 * the scripts define as "drift found").
 */
export function runAsScript(main: ScriptMain): void {
    const argv = process.argv.slice(2);
    const verbose = argv.includes('--verbose');
    const controller = new AbortController();
    let interrupts = 0;
    process.on('SIGINT', () => {
        interrupts += 1;
        if (interrupts > 1) process.exit(QUIT_AT_ONCE);
        process.stderr.write(
            `\n${say(t('Stopping at the next safe point… (Ctrl-C again to quit at once)', '将在下一个安全点停止……（再按 Ctrl-C 立即退出）'))}\n`
        );
        controller.abort(interruptedError());
    });
    const crash = (error: unknown): void => {
        const known = asCliError(error);
        process.stderr.write(formatError(known, verbose));
        process.exit(known.exitCode);
    };
    process.on('uncaughtException', crash);
    process.on('unhandledRejection', crash);
    main(
        argv,
        process.env,
        {
            stdout: (s) => process.stdout.write(s),
            stderr: (s) => process.stderr.write(s),
            progressStream: process.stderr.isTTY ? process.stderr : null,
            width: process.stdout.columns || 110
        },
        controller.signal
    ).then((code) => {
        process.exitCode = code;
    }, crash);
}
