import { LocalizedText } from 'c/dealControlModel';
import { EXIT, ExitCode } from '../shared/errors';
import { PurgeAction } from './options';

export interface ObjectTally {
    /** Records to delete or anonymize (already anonymized ones not counted). */
    planned: number;
    done: number;
    failed: number;
    notSent: number;
    unknown: number;
    alreadyAnonymized: number;
}

export function emptyTally(): ObjectTally {
    return { planned: 0, done: 0, failed: 0, notSent: 0, unknown: 0, alreadyAnonymized: 0 };
}

/** What --json prints under `result`. */
export interface PurgeSummary {
    readonly mode: 'dry-run' | 'apply' | 'csv';
    readonly source: 'org' | 'csv';
    readonly action: PurgeAction;
    readonly closedBefore: string;
    readonly opportunities: { readonly purged: number; readonly keptOpen: number };
    readonly objects: Record<string, ObjectTally>;
    readonly transport: 'rest' | 'bulk' | 'none';
    readonly receipt: string | null;
    readonly outputDir: string | null;
    readonly apiCalls: number | null;
    readonly apiUsage: { readonly used: number; readonly max: number } | null;
    readonly retries: number;
    readonly elapsedMs: number;
    readonly stopped: { readonly code: string; readonly message: string; readonly resume: string } | null;
}

export interface PurgeOutcome {
    readonly summary: PurgeSummary;
    readonly warnings: readonly LocalizedText[];
}

export function purgeExitCode(summary: PurgeSummary): ExitCode {
    if (summary.stopped) return EXIT.couldNotRun;
    const failed = Object.values(summary.objects).reduce((sum, o) => sum + o.failed, 0);
    return failed > 0 ? EXIT.recordFailures : EXIT.done;
}
