import { BANDS, LocalizedText, t } from 'c/dealControlModel';
import { EXIT, ExitCode } from '../shared/errors';
import { fill, say } from '../shared/i18n';
import { COPIED_FIELDS, SnapshotRow } from './snapshotRow';

/** The first snapshots of a run, for people; --report lists every one. */
export const SNAPSHOT_SAMPLE_SIZE = 20;

export interface SnapshotSample {
    readonly key: string;
    readonly status: 'NEW' | 'CHANGED' | '';
    readonly score: string;
    readonly band: string;
    readonly stage: string;
    readonly probability: string;
    readonly closeDate: string;
}

/** What `--json` prints under `result.snapshot`. */
export interface SnapshotSummary {
    /** The day the snapshots describe (YYYY-MM-DD). */
    readonly date: string;
    /** How they were written: REST or Bulk upserts, a CSV file, or nothing to write. */
    readonly transport: 'rest' | 'bulk' | 'csv' | 'none';
    /** Open deals with a scorecard: the snapshots the day holds after the run. */
    readonly deals: number;
    /** Compared with that day's snapshots in the org: none yet, different values, the same (not sent). Null in CSV mode. */
    readonly new: number | null;
    readonly changed: number | null;
    readonly unchanged: number | null;
    /** What the org answered (with --apply): created, updated, refused. */
    readonly created: number;
    readonly updated: number;
    readonly failed: number;
    /** Open deals left out because the Opportunity's values could not be copied (see --report). */
    readonly problems: number;
    /** CSV mode: the file written for `sf data upsert bulk`, or null. */
    readonly file: string | null;
    readonly sample: readonly SnapshotSample[];
}

/** Counts a snapshot step keeps while it runs. */
export class SnapshotCounts {
    transport: SnapshotSummary['transport'] = 'none';
    deals = 0;
    new = 0;
    changed = 0;
    unchanged = 0;
    created = 0;
    updated = 0;
    failed = 0;
    problems = 0;
    readonly sample: SnapshotSample[] = [];

    /** Notes a snapshot to write (`status` against the org's snapshot of that day). */
    toWrite(row: SnapshotRow, status: SnapshotSample['status']): void {
        if (status === 'NEW') this.new += 1;
        if (status === 'CHANGED') this.changed += 1;
        if (this.sample.length >= SNAPSHOT_SAMPLE_SIZE) return;
        const value = (field: string) => row.values[COPIED_FIELDS.findIndex((f) => f.field === field)];
        this.sample.push({
            key: row.key,
            status,
            score: value('Control_Score__c'),
            band: value('Control_Band__c'),
            stage: value('Stage_Name__c'),
            probability: value('Probability__c'),
            closeDate: value('Close_Date__c')
        });
    }

    summary(date: string, compared: boolean, file: string | null = null): SnapshotSummary {
        return {
            date,
            transport: this.transport,
            deals: this.deals,
            new: compared ? this.new : null,
            changed: compared ? this.changed : null,
            unchanged: compared ? this.unchanged : null,
            created: this.created,
            updated: this.updated,
            failed: this.failed,
            problems: this.problems,
            file,
            sample: this.sample
        };
    }
}

/** A run whose snapshots the org refused ends with exit 2, as one whose scores it refused. */
export function withSnapshotExit(code: ExitCode, snapshot: SnapshotSummary | null): ExitCode {
    return snapshot !== null && snapshot.failed > 0 && code === EXIT.done ? EXIT.recordFailures : code;
}

function bandLabel(band: string): string {
    const def = BANDS.find((b) => b.band === band);
    return def ? say(def.label) : band;
}

/** The lines people read about the snapshots of a run. */
export function renderSnapshotSummary(s: SnapshotSummary, mode: 'dry-run' | 'apply'): string {
    const lines: string[] = [];
    const head: LocalizedText =
        s.new === null
            ? t(
                  'Control snapshots of {date}: {deals} open deals with a scorecard.',
                  '{date} 的控单快照：{deals} 个有 C139 记分卡的未关闭业务机会。'
              )
            : t(
                  'Control snapshots of {date}: {deals} open deals with a scorecard; {new} new, {changed} changed, {unchanged} unchanged (not sent).',
                  '{date} 的控单快照：{deals} 个有 C139 记分卡的未关闭业务机会；新增 {new} 条，变化 {changed} 条，无变化 {unchanged} 条（不发送）。'
              );
    lines.push(
        say(
            fill(head, {
                date: s.date,
                deals: s.deals,
                new: s.new ?? 0,
                changed: s.changed ?? 0,
                unchanged: s.unchanged ?? 0
            })
        )
    );
    if (s.file !== null) {
        lines.push(
            say(
                fill(
                    t(
                        'Written to {file}. Load it with: sf data upsert bulk --sobject Control_Snapshot__c --external-id Snapshot_Key__c --file {file} --target-org <alias>',
                        '已写入 {file}。导入命令：sf data upsert bulk --sobject Control_Snapshot__c --external-id Snapshot_Key__c --file {file} --target-org <别名>'
                    ),
                    { file: s.file }
                )
            )
        );
    } else if (mode === 'apply' && s.transport === 'none') {
        lines.push(
            say(
                t(
                    'Nothing to send: every snapshot of the day already holds these values.',
                    '无需发送：当天的每条控单快照都已是这些数值。'
                )
            )
        );
    } else if (mode === 'apply') {
        lines.push(
            say(
                fill(
                    t(
                        'Written ({via}): {created} created, {updated} updated, {failed} failed.',
                        '已写入（{via}）：新建 {created} 条，更新 {updated} 条，失败 {failed} 条。'
                    ),
                    { via: s.transport, created: s.created, updated: s.updated, failed: s.failed }
                )
            )
        );
    }
    if (s.problems > 0) {
        lines.push(
            say(
                fill(
                    t(
                        '{n} open deals have Opportunity values that cannot be copied and got no snapshot (see --report).',
                        '{n} 个未关闭业务机会的字段值无法复制，未生成快照（详见 --report）。'
                    ),
                    { n: s.problems }
                )
            )
        );
    }
    for (const row of s.sample) {
        const status =
            row.status === ''
                ? ''
                : ` ${row.status === 'NEW' ? say(t('new', '新增')) : say(t('changed', '变化'))}`;
        lines.push(
            `  ${row.key}${status}: ${row.score} ${bandLabel(row.band)} · ${row.stage || '—'} ${row.probability === '' ? '—' : `${row.probability} %`} · ${row.closeDate || '—'}`
        );
    }
    return lines.join('\n');
}
