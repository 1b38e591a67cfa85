import { LocalizedText, t } from 'c/dealControlModel';
import { CliError } from '../shared/errors';

/**
 * Why calibration could not run: a CliError (the one error type of the admin scripts) built from a
 * code, the cause and the one action that fixes it. Always exit 3 (could not run): rows that cannot
 * be read are not errors but row problems, reported beside the figures with exit 2.
 */
export class CalibrateError extends CliError {
    constructor(code: string, cause: LocalizedText, action: LocalizedText) {
        super(code, cause, { actions: [action] });
        this.name = 'CalibrateError';
    }
}

/** Ctrl-C: calibration only reads, so stopping loses nothing. */
export const interrupted = (): CalibrateError =>
    new CalibrateError(
        'INTERRUPTED',
        t('Interrupted with Ctrl-C.', '已通过 Ctrl-C 中断。'),
        t('Nothing was written. Run the same command again.', '未写入任何内容。请重新运行同一命令。')
    );
