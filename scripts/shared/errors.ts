import { LocalizedText, t } from 'c/dealControlModel';
import { fill, joinTexts, say } from './i18n';

/**
 * The exit codes every admin script documents. Scripts name them (never a bare number), so a
 * reader of the code and a CI job that branches on them agree on what each one means.
 */
export const EXIT = {
    /** Finished; nothing needs attention. */
    done: 0,
    /** `--check` found stored values that differ from the model (drift or tampering). */
    drift: 1,
    /** Finished, but some records failed; each is in the report with the org's error code. */
    recordFailures: 2,
    /** Could not run or stopped early: flags, input files, auth, API budget, Ctrl-C. */
    couldNotRun: 3
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export interface CliErrorOptions {
    readonly exitCode?: ExitCode;
    /** The error underneath (an fs or HTTP error): shown with --verbose, kept for --json. */
    readonly cause?: unknown;
    /** What the person can do about it, in order of likelihood. */
    readonly actions?: readonly LocalizedText[];
}

/**
 * An error a person can act on: a stable code (for scripts and docs), a bilingual message, what
 * to do, the cause underneath, and the exit code it implies. Modelled on sfdx-core's SfError
 * (name, message, actions, exitCode, cause).
 */
export class CliError extends Error {
    // `declare`: assigned in the constructor after super(), not as class-field initialisers.
    declare readonly code: string;
    declare readonly text: LocalizedText;
    declare readonly exitCode: ExitCode;
    declare readonly actions: readonly LocalizedText[];

    constructor(code: string, text: LocalizedText, options: CliErrorOptions = {}) {
        super(text.en, options.cause === undefined ? undefined : { cause: options.cause });
        this.name = 'CliError';
        this.code = code;
        this.text = text;
        this.exitCode = options.exitCode ?? EXIT.couldNotRun;
        this.actions = options.actions ?? [];
    }

    /** The message and what to do, on one line. */
    oneLine(): string {
        return say(joinTexts([this.text, ...this.actions]));
    }
}

export const INTERRUPTED = 'INTERRUPTED';

/** What Ctrl-C turns into: the run stops at the next safe point with exit 3. */
export function interruptedError(): CliError {
    return new CliError(INTERRUPTED, t('Interrupted with Ctrl-C.', '已通过 Ctrl-C 中断。'), {
        actions: [
            t(
                'Run the same command again to finish: the run is safe to repeat.',
                '再次运行同一命令即可完成：重复运行是安全的。'
            )
        ]
    });
}

/** The error a signal was aborted with, as a CliError (a bare controller.abort() gives a DOMException). */
export function abortReason(signal: AbortSignal): CliError {
    return signal.reason instanceof CliError ? signal.reason : interruptedError();
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
    if (signal?.aborted) throw abortReason(signal);
}

/** Wraps anything thrown that is not a CliError: one line for people, the stack for --verbose. */
export function asCliError(error: unknown): CliError {
    if (error instanceof CliError) return error;
    const message = error instanceof Error ? error.message : String(error);
    return new CliError(
        'UNEXPECTED',
        fill(t('Unexpected error: {message}', '意外错误：{message}'), { message }),
        {
            cause: error,
            actions: [
                t(
                    'Run again with --verbose to see where it happened, and report it with that output.',
                    '请加上 --verbose 重新运行以查看出错位置，并附上输出报告此问题。'
                )
            ]
        }
    );
}

/** What a file operation was doing, for the message: "Cannot write the report …". */
export type FileRole = LocalizedText;

const FS_REASONS: Readonly<Record<string, LocalizedText>> = {
    ENOENT: t('it does not exist', '该路径不存在'),
    EACCES: t('permission denied', '没有权限'),
    EPERM: t('permission denied', '没有权限'),
    EISDIR: t('it is a folder, not a file', '它是文件夹而不是文件'),
    ENOTDIR: t('part of the path is a file, not a folder', '路径中有一部分是文件而不是文件夹'),
    EEXIST: t('a file of that name is in the way', '已有同名文件占用该路径'),
    ENOSPC: t('the disk is full', '磁盘已满'),
    EROFS: t('the file system is read-only', '文件系统为只读'),
    EMFILE: t('too many open files', '打开的文件过多'),
    ENAMETOOLONG: t('the name is too long', '名称过长')
};

/**
 * Turns a Node file-system error into a one-line CliError that names the path, says what went
 * wrong in words, and what to do; the original error stays as the cause.
 */
export function fileError(
    error: unknown,
    doing: 'read' | 'write',
    role: FileRole,
    file: string,
    action?: LocalizedText
): CliError {
    if (error instanceof CliError) return error;
    const code = (error as NodeJS.ErrnoException | null)?.code ?? '';
    const reason = FS_REASONS[code] ?? {
        en: (error as Error | null)?.message ?? String(error),
        zh: (error as Error | null)?.message ?? String(error)
    };
    const text =
        doing === 'read'
            ? t(
                  'Cannot read {role} {file}: {reason} ({code}).',
                  '无法读取{role} {file}：{reason}（{code}）。'
              )
            : t(
                  'Cannot write {role} {file}: {reason} ({code}).',
                  '无法写入{role} {file}：{reason}（{code}）。'
              );
    return new CliError(
        doing === 'read' ? 'CANNOT_READ' : 'CANNOT_WRITE',
        fill(text, { role, file, code: code || 'error', reason }),
        {
            cause: error,
            actions: [
                action ??
                    (doing === 'read'
                        ? t('Check the path and rerun.', '请检查路径后重新运行。')
                        : t(
                              'Choose a folder you can write to (or free disk space) and rerun; your input files are untouched.',
                              '请选择一个可写入的文件夹（或释放磁盘空间）后重新运行；输入文件未被改动。'
                          ))
            ]
        }
    );
}
