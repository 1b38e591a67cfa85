import { MODEL_VERSION, LocalizedText } from 'c/dealControlModel';
import { EXIT, ExitCode } from '../shared/errors';
import { Change, RunStats } from './engine';
import { ReportWriter, ReportedProblem, ReportedSnapshot } from './report';
import { TableRow } from './present';
import type { SnapshotSummary } from './snapshotSummary';

export type RunMode = 'dry-run' | 'apply' | 'check';

export { EXIT };

/** What `--json` prints under `result` and what summary.json holds. */
export interface RunSummary {
    readonly mode: RunMode;
    readonly source: 'org' | 'csv' | 'sample';
    readonly transport: 'rest' | 'bulk' | 'none';
    readonly modelVersion: string;
    readonly scoredAt: string;
    readonly objects: RunStats['objects'];
    readonly bands: RunStats['bands'];
    readonly changesByField: RunStats['changesByField'];
    readonly problemsByCode: RunStats['problemsByCode'];
    readonly linkIssuesByCode: RunStats['linkIssuesByCode'];
    readonly apiCalls: number | null;
    readonly apiCallsByKind: Readonly<Record<string, number>> | null;
    readonly apiUsage: { readonly used: number; readonly max: number } | null;
    readonly retries: number;
    readonly sessionRefreshes: number;
    /** Read-score-write passes: more than one when records changed while the run was writing. */
    readonly passes: number;
    readonly elapsedMs: number;
    readonly recordsPerSecond: number;
    readonly stopped: { readonly code: string; readonly message: string; readonly resume: string } | null;
    /** The first changes (or drifts), for people; --report has them all. */
    readonly sampleChanges: ReadonlyArray<{ object: string; id: string; fields: readonly string[] }>;
    readonly outputDir: string | null;
    /** What --snapshot wrote (or would write); null without --snapshot. */
    readonly snapshot: SnapshotSummary | null;
}

export interface RunOutcome {
    readonly exitCode: ExitCode;
    readonly summary: RunSummary;
    readonly table: readonly TableRow[] | null;
    readonly warnings: readonly LocalizedText[];
}

export const SAMPLE_CHANGES_SHOWN = 20;
export const TABLE_LIMIT = 50;

/**
 * Collects what a run tells people as it goes: the first changes for the screen, every change and
 * problem for the --report file.
 */
export class RunLog {
    readonly sampleChanges: Array<{ object: string; id: string; fields: readonly string[] }> = [];

    constructor(private readonly report: ReportWriter | null) {}

    async change(kind: 'change' | 'drift' | 'written', change: Change): Promise<void> {
        if (this.sampleChanges.length < SAMPLE_CHANGES_SHOWN) {
            this.sampleChanges.push({ object: change.object, id: change.id, fields: change.fields });
        }
        if (this.report) await this.report.change(kind, change);
    }

    async snapshot(snapshot: ReportedSnapshot): Promise<void> {
        if (this.report) await this.report.snapshot(snapshot);
    }

    problem(kind: 'failure' | 'data', problem: ReportedProblem): void {
        // Reports stream; a problem is rare enough that not awaiting its line costs nothing (a
        // write error still surfaces, from the next change or from finish).
        this.report?.problem(kind, problem).catch(() => undefined);
    }

    /** Keeps the report (the run's record of what it did) or drops it (a CSV run that wrote nothing). */
    async finish(keep: boolean): Promise<void> {
        await this.report?.finish(keep);
    }
}

export function exitCodeOf(mode: RunMode, stats: RunStats): ExitCode {
    const failed = stats.objects.Stakeholder_Assessment__c.failed + stats.objects.C139_Scorecard__c.failed;
    if (failed > 0) return EXIT.recordFailures;
    const changed = stats.objects.Stakeholder_Assessment__c.changed + stats.objects.C139_Scorecard__c.changed;
    if (mode === 'check' && changed > 0) return EXIT.drift;
    return EXIT.done;
}

export { MODEL_VERSION };
