import { LocalizedText, t } from 'c/dealControlModel';

/** Exit codes as the README defines them for the rescore script (1, drift, has no meaning here). */
export const EXIT = { done: 0, rowProblems: 2, couldNotRun: 3 } as const;

/**
 * Why calibration could not run, in both languages: a code for scripts, the cause, and the action
 * that fixes it. Always exit code 3 (could not run): rows that cannot be read are not errors but
 * row problems, reported beside the figures with exit code 2.
 */
export class CalibrateError extends Error {
    declare readonly code: string;
    declare readonly cause: LocalizedText;
    declare readonly action: LocalizedText;
    declare readonly exitCode: number;

    constructor(code: string, cause: LocalizedText, action: LocalizedText) {
        super(`${cause.en} ${action.en}`);
        this.name = 'CalibrateError';
        this.code = code;
        this.cause = cause;
        this.action = action;
        this.exitCode = EXIT.couldNotRun;
    }
}

/** Ctrl-C: calibration only reads, so stopping loses nothing. */
export const interrupted = (): CalibrateError =>
    new CalibrateError(
        'INTERRUPTED',
        t('Interrupted with Ctrl-C.', '已通过 Ctrl-C 中断。'),
        t('Nothing was written. Run the same command again.', '未写入任何内容。请重新运行同一命令。')
    );
