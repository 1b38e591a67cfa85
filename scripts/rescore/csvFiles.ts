import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import path from 'node:path';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify';
import { RawRecord, t } from 'c/dealControlModel';
import { RescoreObject, writeFields } from './derived';
import { RescoreError, fill } from './i18n';

/** A row the parser could not read as a record: reported with its line, the run goes on. */
export interface MalformedRow {
    readonly line: number;
    readonly id: string | null;
    readonly reason: string;
}

/**
 * Streams the rows of a CSV export as records keyed by the header's field API names. Rows with too
 * few or too many cells still count (missing cells read as blank, which the model scores as
 * unknown) and are reported; a row the parser cannot read at all (a broken quote) is skipped and
 * reported.
 */
export async function* readCsvRecords(
    file: string,
    onMalformed: (row: MalformedRow) => void
): AsyncGenerator<RawRecord> {
    const parser = createReadStream(file).pipe(
        parse({
            bom: true,
            relax_column_count: true,
            skip_empty_lines: true,
            skip_records_with_error: true,
            info: true
        })
    );
    parser.on('skip', (error: Error & { lines?: number }) => {
        onMalformed({ line: error.lines ?? 0, id: null, reason: error.message });
    });
    let header: string[] | null = null;
    for await (const { record, info } of parser as AsyncIterable<{
        record: string[];
        info: { lines: number };
    }>) {
        if (header === null) {
            header = record.map((h) => h.trim());
            continue;
        }
        const row: Record<string, string> = {};
        header.forEach((field, i) => {
            row[field] = record[i] ?? '';
        });
        if (record.length !== header.length) {
            onMalformed({
                line: info.lines,
                id: row.Id?.trim() || null,
                reason: `${record.length} cells where the header has ${header.length}`
            });
        }
        yield row;
    }
}

export function requireFile(dir: string, name: string): string {
    const file = path.join(dir, name);
    if (!existsSync(file)) {
        throw new RescoreError(
            'MISSING_FILE',
            fill(
                t(
                    '{file} is missing. Export it with: sf data export bulk --query "SELECT … FROM {object}" --output-file {file} --result-format csv',
                    '缺少 {file}。请用以下命令导出：sf data export bulk --query "SELECT … FROM {object}" --output-file {file} --result-format csv'
                ),
                { file, object: name.replace(/\.csv$/, '') }
            )
        );
    }
    return file;
}

/** Bulk API 2.0 (and `sf data update bulk`) read an empty cell as "leave as is"; #N/A clears it. */
export const BULK_NULL = '#N/A';

export function bulkCell(value: string | number | null | undefined): string {
    return value === null || value === undefined ? BULK_NULL : String(value);
}

/**
 * Writes update rows (Id plus every derived field) as CSV, streaming, so an update file for
 * millions of records never sits in memory. Waits for the file to drain when the disk is slower
 * than the scoring.
 */
export class UpdateCsvWriter {
    private readonly stringifier;
    private readonly done: Promise<void>;
    private readonly columns: string[];
    rows = 0;
    bytes = 0;

    constructor(
        readonly file: string,
        object: RescoreObject
    ) {
        this.columns = ['Id', ...writeFields(object)];
        this.stringifier = stringify({ header: true, columns: this.columns, record_delimiter: 'unix' });
        const out = createWriteStream(file);
        this.stringifier.on('data', (chunk: Buffer | string) => {
            this.bytes += Buffer.byteLength(chunk);
        });
        this.stringifier.pipe(out);
        this.done = finished(out);
    }

    async write(update: Readonly<Record<string, string | number | null>>): Promise<void> {
        this.rows += 1;
        const ok = this.stringifier.write(
            this.columns.map((c) => (c === 'Id' ? String(update.Id) : bulkCell(update[c])))
        );
        if (!ok) await once(this.stringifier, 'drain');
    }

    async close(): Promise<void> {
        this.stringifier.end();
        await this.done;
    }
}
