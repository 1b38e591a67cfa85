import { createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse';
import { t } from 'c/dealControlModel';
import { fill } from './i18n';
import { CalibrateError, interrupted } from './errors';
import { Intake, Place } from './intake';
import { OPPORTUNITY_COLUMNS, SNAPSHOT_COLUMNS } from './rows';

export const OPPORTUNITY_FILE = 'Opportunity.csv';
export const SNAPSHOT_FILE = 'Control_Snapshot__c.csv';

/** How to export each file, shown when it is missing. */
const EXPORT_QUERY: Readonly<Record<string, string>> = {
    [OPPORTUNITY_FILE]: `SELECT ${OPPORTUNITY_COLUMNS.join(', ')} FROM Opportunity WHERE IsClosed = true`,
    [SNAPSHOT_FILE]: `SELECT ${SNAPSHOT_COLUMNS.join(', ')} FROM Control_Snapshot__c`
};

function requireFile(dir: string, name: string): string {
    const file = path.join(dir, name);
    if (existsSync(file) && statSync(file).isFile()) return file;
    throw new CalibrateError(
        'MISSING_FILE',
        fill(t('{file} is missing.', '缺少 {file}。'), { file }),
        fill(
            t(
                'Export it with: sf data export bulk --query "{query}" --output-file {file} --result-format csv --target-org <alias>',
                '请用以下命令导出：sf data export bulk --query "{query}" --output-file {file} --result-format csv --target-org <别名>'
            ),
            { file, query: EXPORT_QUERY[name] }
        )
    );
}

/**
 * Streams a CSV export row by row: checks the header for the columns Part E names (in any case and
 * order; other columns are ignored), then hands each row's cells to `onRow` with its line number.
 * A row the parser cannot read (a broken quote) or with a different number of cells than the header
 * is named as a problem and skipped; the file goes on.
 */
async function streamCsv(
    file: string,
    columns: readonly string[],
    onRow: (cell: (column: string) => string, line: number) => void,
    onProblem: (line: number, reason: ReturnType<typeof t>) => void
): Promise<void> {
    const parser = createReadStream(file).pipe(
        parse({
            bom: true,
            relax_column_count: true,
            skip_empty_lines: true,
            skip_records_with_error: true,
            info: true
        })
    );
    parser.on('skip', (error: Error & { lines?: number }) =>
        onProblem(
            error.lines ?? 0,
            fill(t('the row cannot be read ({reason}).', '无法读取该行（{reason}）。'), {
                reason: error.message
            })
        )
    );
    const name = path.basename(file);
    let index: Map<string, number> | null = null;
    let width = 0;
    let cells: string[] = [];
    const cell = (column: string): string => (cells[index!.get(column)!] ?? '').trim();
    for await (const { record, info } of parser as AsyncIterable<{
        record: string[];
        info: { lines: number };
    }>) {
        if (index === null) {
            index = headerIndex(file, name, record, columns);
            width = record.length;
            continue;
        }
        if (record.length !== width) {
            onProblem(
                info.lines,
                fill(
                    t(
                        '{n} cells where the header has {width}: put a value that contains a comma in double quotes.',
                        '该行有 {n} 个单元格，而表头有 {width} 个：含逗号的值请用双引号括起来。'
                    ),
                    { n: record.length, width }
                )
            );
            continue;
        }
        cells = record;
        onRow(cell, info.lines);
    }
    if (index === null) {
        throw new CalibrateError(
            'EMPTY_FILE',
            fill(t('{file} has no header row.', '{file} 没有表头行。'), { file }),
            t(
                'Export the file again: its first line must name the columns.',
                '请重新导出该文件：第一行必须是列名。'
            )
        );
    }
}

/** Positions of the required columns; names compare case-insensitively, as Salesforce's do. */
function headerIndex(
    file: string,
    name: string,
    header: string[],
    columns: readonly string[]
): Map<string, number> {
    const byName = new Map<string, number[]>();
    header.forEach((h, i) => {
        const key = h.trim().toLowerCase();
        byName.set(key, [...(byName.get(key) ?? []), i]);
    });
    const missing = columns.filter((c) => !byName.has(c.toLowerCase()));
    if (missing.length > 0) {
        throw new CalibrateError(
            'MISSING_COLUMNS',
            fill(t('{file} has no column {missing}.', '{file} 缺少列 {missing}。'), {
                file,
                missing: missing.join(', ')
            }),
            fill(
                t(
                    'Export {name} with the columns {columns} (other columns are ignored). Its header has: {found}.',
                    '导出 {name} 时请包含列 {columns}（其他列会被忽略）。当前表头为：{found}。'
                ),
                { name, columns: columns.join(', '), found: header.map((h) => h.trim()).join(', ') || '—' }
            )
        );
    }
    const twice = columns.filter((c) => byName.get(c.toLowerCase())!.length > 1);
    if (twice.length > 0) {
        throw new CalibrateError(
            'DUPLICATE_COLUMNS',
            fill(
                t(
                    '{file} has the column {columns} more than once.',
                    '{file} 中列 {columns} 出现了不止一次。'
                ),
                {
                    file,
                    columns: twice.join(', ')
                }
            ),
            t('Keep one column of each name and run again.', '每个列名只保留一列，然后重新运行。')
        );
    }
    return new Map(columns.map((c) => [c, byName.get(c.toLowerCase())![0]]));
}

/** Reads Opportunity.csv, then Control_Snapshot__c.csv, from an export folder into the intake. */
export async function readCsvInput(
    dir: string,
    intake: Intake,
    onProgress: (snapshotsRead: number) => void = () => undefined,
    signal: AbortSignal = new AbortController().signal
): Promise<void> {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
        throw new CalibrateError(
            'NO_INPUT_DIR',
            fill(t('{dir} is not a folder.', '{dir} 不是文件夹。'), { dir }),
            fill(
                t(
                    'Pass the folder that holds {a} and {b}: --input-dir <folder>.',
                    '请指定包含 {a} 和 {b} 的文件夹：--input-dir <文件夹>。'
                ),
                { a: OPPORTUNITY_FILE, b: SNAPSHOT_FILE }
            )
        );
    }
    const opportunities = requireFile(dir, OPPORTUNITY_FILE);
    const snapshots = requireFile(dir, SNAPSHOT_FILE);
    const place: Place = { source: OPPORTUNITY_FILE, ordinal: 0 };
    const problemAt = (line: number, reason: ReturnType<typeof t>) =>
        intake.rowProblem({ source: place.source, ordinal: line }, reason);
    await streamCsv(
        opportunities,
        OPPORTUNITY_COLUMNS,
        (cell, line) => {
            if (signal.aborted) throw interrupted();
            place.ordinal = line;
            intake.opportunity(cell, place);
        },
        problemAt
    );
    place.source = SNAPSHOT_FILE;
    let read = 0;
    await streamCsv(
        snapshots,
        SNAPSHOT_COLUMNS,
        (cell, line) => {
            if (signal.aborted) throw interrupted();
            place.ordinal = line;
            intake.snapshot(cell, place);
            read += 1;
            if (read % 100_000 === 0) onProgress(read);
        },
        problemAt
    );
}
