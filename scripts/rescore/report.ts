import { t } from 'c/dealControlModel';
import { CsvFileWriter } from '../shared/csvWriter';
import { Change, RecordProblem } from './engine';

/** A problem of any record a run touches: a scored record's, or a snapshot's (named by its key). */
export type ReportedProblem = Omit<RecordProblem, 'object'> & { readonly object: string };

/** A snapshot the run writes (or, in a dry run, would write), for the report. */
export interface ReportedSnapshot {
    readonly key: string;
    readonly opportunityId: string;
    /** NEW or CHANGED against that day's snapshot in the org; '' where unknown (CSV mode). */
    readonly status: 'NEW' | 'CHANGED' | '';
    readonly values: Readonly<Record<string, string>>;
}

export const REPORT_COLUMNS = ['kind', 'object', 'id', 'opportunity_id', 'fields', 'code', 'detail'] as const;

export const REPORT_ROLE = t('the report', '报告文件');

/** Values quoted in a report line are cut here: a 20 MB cell must not become a 20 MB report line. */
const MAX_DETAIL_CHARS = 200;

function clip(value: string): string {
    return value.length <= MAX_DETAIL_CHARS
        ? value
        : `${value.slice(0, MAX_DETAIL_CHARS)}… (${value.length} chars)`;
}

/**
 * The --report file: one CSV line per change (or drift, under --check), per write failure and per
 * data problem, streamed so a million-record run does not hold its report in memory, and renamed
 * into place when the run ends.
 */
export class ReportWriter {
    private readonly out: CsvFileWriter;

    constructor(file: string) {
        this.out = new CsvFileWriter(file, REPORT_COLUMNS, REPORT_ROLE);
    }

    change(kind: 'change' | 'drift' | 'written', change: Change): Promise<void> {
        const detail = change.fields.map((f) => `${f}=${change.update[f] ?? ''}`).join('; ');
        return this.out.write([
            kind,
            change.object,
            change.id,
            change.opportunityId ?? '',
            change.fields.join(';'),
            '',
            detail
        ]);
    }

    snapshot(snapshot: ReportedSnapshot): Promise<void> {
        const detail = Object.entries(snapshot.values)
            .map(([f, v]) => `${f}=${v}`)
            .join('; ');
        return this.out.write([
            'snapshot',
            'Control_Snapshot__c',
            snapshot.key,
            snapshot.opportunityId,
            '',
            snapshot.status,
            detail
        ]);
    }

    problem(kind: 'failure' | 'data', problem: ReportedProblem): Promise<void> {
        const detail =
            problem.message ?? (problem.value !== undefined ? `${problem.field}="${problem.value}"` : '');
        return this.out.write([
            kind,
            problem.object,
            problem.id ?? '',
            '',
            problem.field ?? '',
            problem.code,
            clip(detail)
        ]);
    }

    /** Puts the report in place (keep) or drops it, leaving any earlier file of that name as it was. */
    finish(keep: boolean): Promise<void> {
        return keep ? this.out.close() : this.out.discard();
    }
}
