import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { Change, RecordProblem } from './engine';

export const REPORT_COLUMNS = ['kind', 'object', 'id', 'opportunity_id', 'fields', 'code', 'detail'] as const;

/**
 * The --report file: one CSV line per change (or drift, under --check), per write failure and per
 * data problem, streamed so a million-record run does not hold its report in memory.
 */
export class ReportWriter {
    private readonly stringifier = stringify({
        header: true,
        columns: [...REPORT_COLUMNS],
        record_delimiter: 'unix'
    });
    private readonly done: Promise<void>;

    constructor(file: string) {
        const out = createWriteStream(file);
        this.stringifier.pipe(out);
        this.done = finished(out);
    }

    private async line(cells: string[]): Promise<void> {
        if (!this.stringifier.write(cells)) await once(this.stringifier, 'drain');
    }

    change(kind: 'change' | 'drift' | 'written', change: Change): Promise<void> {
        const detail = change.fields.map((f) => `${f}=${change.update[f] ?? ''}`).join('; ');
        return this.line([
            kind,
            change.object,
            change.id,
            change.opportunityId ?? '',
            change.fields.join(';'),
            '',
            detail
        ]);
    }

    problem(kind: 'failure' | 'data', problem: RecordProblem): Promise<void> {
        const detail =
            problem.message ?? (problem.value !== undefined ? `${problem.field}="${problem.value}"` : '');
        return this.line([
            kind,
            problem.object,
            problem.id ?? '',
            '',
            problem.field ?? '',
            problem.code,
            detail
        ]);
    }

    async close(): Promise<void> {
        this.stringifier.end();
        await this.done;
    }
}
