import { parse } from 'csv-parse/sync';

/** Bulk API 2.0 column delimiters by their enum names. */
export const COLUMN_DELIMITERS: Readonly<Record<string, string>> = {
    COMMA: ',',
    BACKQUOTE: '`',
    CARET: '^',
    PIPE: '|',
    SEMICOLON: ';',
    TAB: '\t'
};

export const LINE_ENDINGS: Readonly<Record<string, string>> = { LF: '\n', CRLF: '\r\n' };

export interface CsvDialect {
    readonly delimiter: string;
    readonly lineEnding: string;
}

/** One CSV line with every value quoted, as Bulk API 2.0 writes its result files. */
export function csvLine(values: readonly string[], dialect: CsvDialect): string {
    return values.map((v) => `"${v.replace(/"/g, '""')}"`).join(dialect.delimiter) + dialect.lineEnding;
}

/**
 * The job's failure message when a file's first line does not end with the job's line ending,
 * in Salesforce's wording; undefined when it matches.
 */
export function lineEndingProblem(data: Buffer, lineEnding: string): string | undefined {
    const lf = data.indexOf(0x0a);
    if (lf < 0) return undefined;
    const crlf = lf > 0 && data[lf - 1] === 0x0d;
    if (crlf === (lineEnding === '\r\n')) return undefined;
    return `ClientInputError : LineEnding is invalid on user data. Current LineEnding setting is ${crlf ? 'LF' : 'CRLF'}`;
}

/** Rows of an uploaded CSV file (quotes, "" escapes and line breaks inside quotes). Throws on bad CSV. */
export function parseCsv(data: Buffer, dialect: CsvDialect): string[][] {
    return parse(data, {
        delimiter: dialect.delimiter,
        record_delimiter: dialect.lineEnding,
        relax_column_count: true,
        bom: true,
        skip_empty_lines: true
    }) as string[][];
}
