import { accessSync, constants, mkdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { LocalizedText, t } from 'c/dealControlModel';
import { CliError, fileError } from './errors';
import { fill } from './i18n';

/**
 * The real path of a file that may not exist yet: the deepest existing folder is resolved through
 * its symbolic links (realpath.native, which also gives the on-disk case on case-insensitive file
 * systems) and the rest of the path appended.
 */
export function realPathOf(file: string): string {
    let existing = path.resolve(file);
    const missing: string[] = [];
    for (;;) {
        try {
            return path.join(realpathSync.native(existing), ...missing);
        } catch {
            const parent = path.dirname(existing);
            if (parent === existing) return path.resolve(file);
            missing.unshift(path.basename(existing));
            existing = parent;
        }
    }
}

function inode(file: string): string | null {
    try {
        const stat = statSync(file);
        return `${stat.dev}:${stat.ino}`;
    } catch {
        return null;
    }
}

/** Whether two paths name the same file: same real path, or the same inode (a hard link). */
export function sameFile(a: string, b: string): boolean {
    if (realPathOf(a) === realPathOf(b)) return true;
    const first = inode(a);
    return first !== null && first === inode(b);
}

/** A file a run reads or writes, with the flag it came from, for messages. */
export interface PlannedFile {
    readonly path: string;
    readonly role: LocalizedText;
    readonly flag: string;
}

/**
 * Refuses a run whose outputs would land on its inputs (or on each other) before anything is
 * opened: `--output-dir` equal to `--input-dir`, `--report` naming an export, a symbolic or hard
 * link to one. Writing would truncate the file the run is reading: data loss.
 */
export function guardOutputs(inputs: readonly PlannedFile[], outputs: readonly PlannedFile[]): void {
    outputs.forEach((output, i) => {
        for (const input of inputs) {
            if (!sameFile(output.path, input.path)) continue;
            throw new CliError(
                'OUTPUT_IS_INPUT',
                fill(
                    t(
                        '{outRole} {out} (from {outFlag}) is {inRole} {in}: writing it would destroy the data the run reads.',
                        '{outRole} {out}（来自 {outFlag}）就是{inRole} {in}：写入会毁掉本次运行读取的数据。'
                    ),
                    {
                        outRole: output.role,
                        out: output.path,
                        outFlag: output.flag,
                        inRole: input.role,
                        in: input.path
                    }
                ),
                {
                    actions: [
                        fill(
                            t(
                                'Choose another path for {flag}. Nothing was read or written.',
                                '请为 {flag} 选择其他路径。未读取或写入任何内容。'
                            ),
                            { flag: output.flag }
                        )
                    ]
                }
            );
        }
        for (const other of outputs.slice(i + 1)) {
            if (!sameFile(output.path, other.path)) continue;
            throw new CliError(
                'OUTPUTS_COLLIDE',
                fill(
                    t(
                        '{flagA} and {flagB} both name {file}: one output would overwrite the other.',
                        '{flagA} 与 {flagB} 指向同一个文件 {file}：一个输出会覆盖另一个。'
                    ),
                    { flagA: output.flag, flagB: other.flag, file: output.path }
                ),
                { actions: [t('Give each output its own path.', '请为每个输出指定不同的路径。')] }
            );
        }
    });
}

function isDirectory(file: string): boolean | null {
    try {
        return statSync(file).isDirectory();
    } catch {
        return null;
    }
}

/** Makes sure an output folder exists (creating it) and can be written, before the run starts. */
export function prepareOutputDir(dir: string, flag: string, role: LocalizedText): void {
    const directory = isDirectory(dir);
    if (directory === false) {
        throw new CliError(
            'NOT_A_FOLDER',
            fill(t('{flag} {dir} is a file, not a folder.', '{flag} {dir} 是文件而不是文件夹。'), {
                flag,
                dir
            }),
            {
                actions: [
                    t('Name a folder (it is created if missing).', '请指定一个文件夹（不存在时会自动创建）。')
                ]
            }
        );
    }
    try {
        if (directory === null) mkdirSync(dir, { recursive: true });
        accessSync(dir, constants.W_OK);
    } catch (error) {
        throw fileError(error, 'write', role, dir);
    }
}

/** Makes sure an output file can be created: not a folder, its folder exists (created) and is writable. */
export function prepareOutputFile(file: string, flag: string, role: LocalizedText): void {
    if (isDirectory(file) === true) {
        throw new CliError(
            'NOT_A_FILE',
            fill(t('{flag} {file} is a folder, not a file.', '{flag} {file} 是文件夹而不是文件。'), {
                flag,
                file
            }),
            { actions: [t('Give a file name, for example report.csv.', '请给出文件名，例如 report.csv。')] }
        );
    }
    prepareOutputDir(path.dirname(path.resolve(file)), `the folder of ${flag}`, role);
}

/** Checks an input folder: it exists and is a folder. */
export function checkInputDir(dir: string, flag: string): void {
    const directory = isDirectory(dir);
    if (directory === true) return;
    throw new CliError(
        directory === false ? 'NOT_A_FOLDER' : 'NO_INPUT_DIR',
        directory === false
            ? fill(t('{flag} {dir} is a file, not a folder.', '{flag} {dir} 是文件而不是文件夹。'), {
                  flag,
                  dir
              })
            : fill(t('{flag} {dir} does not exist.', '{flag} {dir} 不存在。'), { flag, dir }),
        { actions: [t('Name the folder that holds the CSV exports.', '请指定存放 CSV 导出文件的文件夹。')] }
    );
}

/** Checks an input file: a readable file, not a folder. Returns false when it does not exist. */
export function inputFileExists(file: string, role: LocalizedText): boolean {
    const directory = isDirectory(file);
    if (directory === null) return false;
    if (directory) {
        throw new CliError(
            'NOT_A_FILE',
            fill(t('{role} {file} is a folder, not a file.', '{role} {file} 是文件夹而不是文件。'), {
                role,
                file
            }),
            { actions: [t('Put the CSV export there instead.', '请在该位置放置 CSV 导出文件。')] }
        );
    }
    try {
        accessSync(file, constants.R_OK);
    } catch (error) {
        throw fileError(error, 'read', role, file);
    }
    return true;
}
