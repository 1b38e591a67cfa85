import { createReadStream, statSync } from 'node:fs';
import { LocalizedText, t } from 'c/dealControlModel';
import { CsvError, Options, parse } from 'csv-parse';
import { CliError, fileError } from './errors';
import { TextParam, fill } from './i18n';
import { RecordIdSet } from './recordIdSet';
import { normalizeRecordId } from './recordId';

/**
 * A CSV export read strictly, as admin scripts must: a file that is not what it claims stops the
 * run (exit 3) with the file and line, instead of being half-read. Checked: the header (columns
 * matched case-insensitively to API names, every column the caller needs present, no column twice),
 * every row (as many cells as the header, quotes closed, UTF-8 text, no value longer than any
 * Salesforce field can hold) and the Id column (a record Id, never twice in one file).
 */
export interface CsvTableSpec {
    readonly file: string;
    /** What the file is, for messages: "the stakeholder assessment export". */
    readonly role: LocalizedText;
    /** API names the caller reads; each must be a column. */
    readonly required: readonly string[];
    /** API names read when present. Other columns are ignored. */
    readonly optional?: readonly string[];
    /** The column holding the record Id (checked and unique); null for none. Default 'Id'. */
    readonly idColumn?: string | null;
    /** How to get a good file, for header problems (the export command). */
    readonly howToExport: LocalizedText;
}

export interface CsvRow {
    /** Values of the known columns, keyed by API name. */
    readonly record: Readonly<Record<string, string>>;
    /** The line the row starts on (1 is the header). */
    readonly line: number;
}

/**
 * The longest value accepted: several times the largest Salesforce text field (131,072
 * characters), so no real export is refused, while a damaged file cannot fill memory.
 */
export const MAX_VALUE_CHARS = 1_000_000;

/** Rows read before the file's size is used to size the duplicate check in one step. */
const ROWS_BEFORE_ESTIMATE = 1000;

function rowError(
    code: string,
    spec: CsvTableSpec,
    line: number,
    text: LocalizedText,
    params: Readonly<Record<string, TextParam>> = {}
): CliError {
    return new CliError(
        code,
        fill(t('{file} line {line}: {problem}', '{file} 第 {line} 行：{problem}'), {
            file: spec.file,
            line,
            problem: fill(text, params)
        }),
        {
            actions: [
                t(
                    'Fix that row (or export the file again) and rerun. Nothing was written.',
                    '请修正该行（或重新导出文件）后重新运行。未写入任何内容。'
                )
            ]
        }
    );
}

function headerError(
    code: string,
    spec: CsvTableSpec,
    text: LocalizedText,
    params: Readonly<Record<string, TextParam>>
): CliError {
    return new CliError(
        code,
        fill(t('{file}: {problem}', '{file}：{problem}'), { file: spec.file, problem: fill(text, params) }),
        {
            actions: [spec.howToExport, t('Nothing was written.', '未写入任何内容。')]
        }
    );
}

function parserError(spec: CsvTableSpec, line: number, error: CsvError): CliError {
    switch (error.code) {
        case 'CSV_QUOTE_NOT_CLOSED':
            return rowError(
                'MALFORMED_CSV',
                spec,
                line,
                t(
                    'a quoted value starts on this row and is never closed (a missing " ), so the rest of the file would be swallowed.',
                    '本行开始的带引号值没有闭合（缺少 "），文件其余部分会被吞掉。'
                )
            );
        case 'INVALID_OPENING_QUOTE':
        case 'CSV_INVALID_CLOSING_QUOTE':
        case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
            return rowError(
                'MALFORMED_CSV',
                spec,
                line,
                t(
                    'a quote in the wrong place (a value with a " must be quoted whole, with the quote doubled: "say ""hi""").',
                    '引号位置错误（含 " 的值必须整体加引号，并把引号写两遍："say ""hi"""）。'
                )
            );
        case 'CSV_MAX_RECORD_SIZE':
            return rowError(
                'MALFORMED_CSV',
                spec,
                line,
                t(
                    'a value longer than {max} characters; no Salesforce field holds more than 131,072, so the file is damaged or is not an export.',
                    '某个值超过 {max} 个字符；Salesforce 字段最多 131,072 个字符，文件已损坏或并非导出文件。'
                ),
                { max: MAX_VALUE_CHARS.toLocaleString('en-US') }
            );
        default:
            return rowError('MALFORMED_CSV', spec, line, t('{reason}', '{reason}'), {
                reason: error.message
            });
    }
}

/** Line breaks in a raw record (CRLF counts once), to know on which line the next row starts. */
function lineBreaks(raw: string): number {
    let count = 0;
    for (let i = raw.indexOf('\n'); i >= 0; i = raw.indexOf('\n', i + 1)) count += 1;
    // A lone CR (old Mac line ends) is a line break too; CRLF was counted at its LF.
    for (let i = raw.indexOf('\r'); i >= 0; i = raw.indexOf('\r', i + 1))
        if (raw.charCodeAt(i + 1) !== 10) count += 1;
    return count;
}

/** A row as the parser hands it over: its cells, the line it starts on, and whether it may hold non-text. */
interface ParsedRow {
    readonly cells: string[];
    readonly start: number;
    readonly suspect: boolean;
}

function notText(value: string): boolean {
    // U+FFFD: bytes that were not UTF-8 (a GBK or UTF-16 file from Excel); NUL: a binary file.
    return value.includes('\uFFFD') || value.includes('\u0000');
}

/** Where an Id first appeared (read again only once a duplicate has stopped the run). */
async function firstLineOf(spec: CsvTableSpec, idIndex: number, id18: string): Promise<number | null> {
    let line = 1;
    const parser = createReadStream(spec.file).pipe(
        parse({ bom: true, raw: true, relax_column_count: true })
    );
    for await (const { record, raw } of parser as AsyncIterable<{ record: string[]; raw: string }>) {
        if (line > 1 && normalizeRecordId(record[idIndex] ?? '') === id18) {
            parser.destroy();
            return line;
        }
        line += lineBreaks(raw);
    }
    return null;
}

export async function* readCsvTable(spec: CsvTableSpec): AsyncGenerator<CsvRow> {
    let size = 0;
    try {
        size = statSync(spec.file).size;
    } catch (error) {
        throw fileError(error, 'read', spec.role, spec.file);
    }
    const source = createReadStream(spec.file);
    // The parser reports an error as soon as it meets it, before the rows already parsed have been
    // read from it; so the line where the next row starts is counted as each row is parsed. The
    // raw text is looked at once per row: line breaks, non-text characters, bytes read so far.
    let parsedLines = 1;
    let parsedChars = 0;
    // With raw on, csv-parse hands on_record the { record, raw } pair and passes on what it returns.
    const toRow = ({ record: cells, raw }: { record: string[]; raw: string }): ParsedRow => {
        const start = parsedLines;
        parsedLines += lineBreaks(raw);
        parsedChars += raw.length;
        return { cells, start, suspect: raw.includes('\uFFFD') || raw.includes('\u0000') };
    };
    const parser = source.pipe(
        parse({
            bom: true,
            raw: true,
            relax_column_count: true,
            max_record_size: MAX_VALUE_CHARS,
            on_record: toRow as unknown as Options['on_record']
        })
    );
    let readFailure: unknown = null;
    source.on('error', (error) => {
        readFailure = error;
        parser.destroy(error);
    });

    const idColumn = spec.idColumn === undefined ? 'Id' : spec.idColumn;
    const wanted = new Map(
        [...spec.required, ...(spec.optional ?? [])].map((name) => [name.toLowerCase(), name])
    );
    let columns: Array<string | null> | null = null;
    let width = 0;
    let idIndex = -1;
    const ids = new RecordIdSet();
    let rows = 0;
    try {
        for await (const parsed of parser as AsyncIterable<ParsedRow>) {
            const { cells: record, start } = parsed;
            if (record.length === 1 && record[0].trim() === '') continue;
            if (columns === null) {
                if (record.some(notText)) {
                    throw headerError(
                        'NOT_UTF8',
                        spec,
                        t('the header is not UTF-8 text.', '表头不是 UTF-8 文本。'),
                        {}
                    );
                }
                const seen = new Set<string>();
                columns = record.map((cell) => {
                    const name = wanted.get(cell.trim().toLowerCase()) ?? null;
                    if (name !== null && seen.has(name)) {
                        throw headerError(
                            'DUPLICATE_COLUMN',
                            spec,
                            t(
                                'the column {column} appears twice in the header.',
                                '表头中 {column} 列出现了两次。'
                            ),
                            { column: name }
                        );
                    }
                    if (name !== null) seen.add(name);
                    return name;
                });
                const missing = spec.required.filter((name) => !seen.has(name));
                if (missing.length > 0) {
                    throw headerError(
                        'MISSING_COLUMNS',
                        spec,
                        t(
                            'the header lacks {n} column(s) the run needs: {columns}.',
                            '表头缺少本次运行需要的 {n} 列：{columns}。'
                        ),
                        { n: missing.length, columns: missing.join(', ') }
                    );
                }
                width = record.length;
                idIndex = idColumn === null ? -1 : columns.indexOf(idColumn);
                continue;
            }
            if (record.length !== width) {
                throw rowError(
                    'MALFORMED_CSV',
                    spec,
                    start,
                    t(
                        '{cells} values where the header has {width} columns (a missing or extra comma, or an unquoted line break).',
                        '有 {cells} 个值，而表头有 {width} 列（缺少或多出逗号，或有未加引号的换行）。'
                    ),
                    { cells: record.length, width }
                );
            }
            const row: Record<string, string> = {};
            for (let i = 0; i < width; i += 1) {
                const name = columns[i];
                if (name === null) continue;
                if (parsed.suspect && notText(record[i])) {
                    throw rowError(
                        'NOT_UTF8',
                        spec,
                        start,
                        t(
                            'the {column} value is not UTF-8 text. Save the file as "CSV UTF-8" (Excel) or export it again.',
                            '{column} 列的值不是 UTF-8 文本。请另存为“CSV UTF-8”（Excel）或重新导出。'
                        ),
                        { column: name }
                    );
                }
                row[name] = record[i];
            }
            if (idIndex >= 0) {
                const id18 = normalizeRecordId(record[idIndex]);
                if (id18 === null) {
                    throw rowError(
                        'MALFORMED_CSV',
                        spec,
                        start,
                        t(
                            '"{value}" in the {column} column is not a Salesforce record Id.',
                            '{column} 列中的 "{value}" 不是 Salesforce 记录 Id。'
                        ),
                        { value: record[idIndex].slice(0, 40), column: idColumn! }
                    );
                }
                rows += 1;
                if (rows === ROWS_BEFORE_ESTIMATE && parsedChars > 0) {
                    ids.reserve(Math.ceil((size / parsedChars) * rows * 1.05));
                }
                if (!ids.add(id18)) {
                    const first = await firstLineOf(spec, idIndex, id18);
                    throw rowError(
                        'DUPLICATE_ID',
                        spec,
                        start,
                        t(
                            'the Id {id} appears a second time (first on line {first}); a record listed twice would be counted twice.',
                            'Id {id} 第二次出现（首次在第 {first} 行）；重复的记录会被计算两次。'
                        ),
                        { id: record[idIndex].trim(), first: first ?? '?' }
                    );
                }
            }
            yield { record: row, line: start };
        }
    } catch (error) {
        if (error instanceof CliError) throw error;
        if (readFailure !== null) throw fileError(readFailure, 'read', spec.role, spec.file);
        if (error instanceof CsvError) throw parserError(spec, parsedLines, error);
        throw error;
    } finally {
        parser.destroy();
        source.destroy();
    }
    if (columns === null) {
        throw headerError(
            'EMPTY_FILE',
            spec,
            t('the file is empty: it has not even a header line.', '文件是空的：连表头行都没有。'),
            {}
        );
    }
}
