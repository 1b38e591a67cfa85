import { LocalizedText } from 'c/dealControlModel';
import { CsvFileWriter } from '../shared/csvWriter';

/** Bulk API 2.0 (and `sf data update bulk`) read an empty cell as "leave as is"; #N/A clears it. */
export const BULK_NULL = '#N/A';

export function bulkCell(value: string | number | null | undefined): string {
    return value === null || value === undefined ? BULK_NULL : String(value);
}

export type IngestRow = Readonly<Record<string, string | number | null | undefined>>;

/**
 * A CSV file of rows for a Bulk API 2.0 ingest job or `sf data update|delete bulk`: the Id and the
 * columns to set, blanks as #N/A so they clear the field. Streamed to disk (an update file for
 * millions of records never sits in memory) and renamed into place only when complete.
 */
export class IngestFileWriter {
    private readonly out: CsvFileWriter;

    constructor(
        file: string,
        readonly columns: readonly string[],
        role: LocalizedText
    ) {
        this.out = new CsvFileWriter(file, columns, role);
    }

    get file(): string {
        return this.out.file;
    }

    get rows(): number {
        return this.out.rows;
    }

    get bytes(): number {
        return this.out.bytes;
    }

    write(row: IngestRow): Promise<void> {
        return this.out.write(this.columns.map((c) => (c === 'Id' ? String(row.Id) : bulkCell(row[c]))));
    }

    close(): Promise<void> {
        return this.out.close();
    }

    discard(): Promise<void> {
        return this.out.discard();
    }
}
