import { RawRecord, t } from 'c/dealControlModel';
import { normalizeRecordId } from '../shared/recordId';
import { ScorecardResult } from './engine';
import { IngestFileWriter } from './ingestFile';
import { daySnapshot, reportSnapshot } from './daySnapshot';
import { scorecardValues } from './orgSnapshots';
import { RunLog } from './outcome';
import { SNAPSHOT_COLUMNS, snapshotRecord } from './snapshotRow';
import { SnapshotCounts, SnapshotSummary } from './snapshotSummary';
import { SnapshotTable } from './snapshotTable';

const FILE_ROLE = t('the snapshot file', '快照文件');

/**
 * --snapshot in CSV mode: every scorecard of the export is scored, so its values as just scored are
 * known (the engine's, whether or not they differ from the stored ones); Opportunity.csv then gives the
 * open deals. The rows go to Control_Snapshot__c.csv for `sf data upsert bulk --external-id
 * Snapshot_Key__c`, each with its Opportunity (the file cannot know which snapshots exist; an
 * update that repeats a snapshot's own parent is allowed). The file appears only when complete.
 */
export class CsvSnapshots {
    private readonly table = new SnapshotTable();
    readonly counts = new SnapshotCounts();

    constructor(
        private readonly date: string,
        private readonly opportunityFilter: ReadonlySet<string> | undefined
    ) {}

    private readonly wanted = (opportunityId: string): boolean =>
        !this.opportunityFilter || this.opportunityFilter.has(opportunityId);

    /** Called for every scorecard the engine scores: keeps its values as just scored. */
    scored(result: ScorecardResult): void {
        const opportunityId = normalizeRecordId(result.opportunityId ?? '');
        if (opportunityId === null || !this.wanted(opportunityId)) return;
        this.table.setScorecard(opportunityId, scorecardValues(result.derived), true);
    }

    /** Reads the Opportunities and writes (to `file`, when given) one row per open deal with a scorecard. */
    async write(
        opportunities: AsyncIterable<RawRecord>,
        file: string | null,
        log: RunLog,
        signal: AbortSignal
    ): Promise<SnapshotSummary> {
        const out = file === null ? null : new IngestFileWriter(file, SNAPSHOT_COLUMNS, FILE_ROLE);
        try {
            for await (const record of opportunities) {
                if (signal.aborted) break;
                const row = daySnapshot(record, this.date, this.table, this.wanted, this.counts, log);
                if (!row) continue;
                this.counts.toWrite(row, '');
                await reportSnapshot(log, row, '');
                await out?.write(snapshotRecord(row, true));
            }
            if (signal.aborted) await out?.discard();
            else await out?.close();
        } catch (error) {
            await out?.discard();
            throw error;
        }
        this.counts.transport = 'csv';
        return this.counts.summary(this.date, false, signal.aborted ? null : file);
    }
}
