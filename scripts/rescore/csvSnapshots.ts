import { RawRecord, t } from 'c/dealControlModel';
import { normalizeRecordId } from '../shared/recordId';
import { ScorecardResult } from './engine';
import { IngestFileWriter } from './ingestFile';
import { opportunityDay } from './opportunityInput';
import { scorecardValues } from './orgSnapshots';
import { RunLog } from './outcome';
import { COPIED_FIELDS, SNAPSHOT_COLUMNS, SnapshotRow, snapshotKey, snapshotRecord } from './snapshotRow';
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

    /** Called for every scorecard the engine scores: keeps its values as just scored. */
    scored(result: ScorecardResult): void {
        const opportunityId = normalizeRecordId(result.opportunityId ?? '');
        if (opportunityId === null || (this.opportunityFilter && !this.opportunityFilter.has(opportunityId)))
            return;
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
                const day = opportunityDay(record);
                if (day.id === null || (this.opportunityFilter && !this.opportunityFilter.has(day.id)))
                    continue;
                const scorecard = this.table.scorecardOf(day.id);
                if (!scorecard) continue;
                if ('problem' in day) {
                    this.counts.problems += 1;
                    log.problem('data', {
                        object: 'Opportunity',
                        id: day.id,
                        code: day.problem,
                        field: day.field,
                        value: day.value
                    });
                    continue;
                }
                if (!day.open) continue;
                const row: SnapshotRow = {
                    key: snapshotKey(day.id, this.date),
                    opportunityId: day.id,
                    date: this.date,
                    values: [...scorecard, ...day.values]
                };
                this.counts.deals += 1;
                this.counts.toWrite(row, '');
                await log.snapshot({
                    key: row.key,
                    opportunityId: row.opportunityId,
                    status: '',
                    values: Object.fromEntries(COPIED_FIELDS.map((f, i) => [f.field, row.values[i]]))
                });
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
