import { makeId } from '../ids';
import { COLUMN_DELIMITERS, CsvDialect, LINE_ENDINGS } from '../csv';
import { HandlerContext, HttpError } from './context';

/** The (fake) integration user that owns every job. */
export const INTEGRATION_USER_ID = makeId('005', 1);

export type JobState = 'Open' | 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';

/** Fields common to query and ingest job info, in Salesforce's names. */
export interface JobBase {
    readonly id: string;
    readonly operation: string;
    readonly object: string;
    readonly createdDate: string;
    systemModstamp: string;
    state: JobState;
    readonly apiVersion: string;
    readonly lineEnding: string;
    readonly columnDelimiter: string;
    /** GETs of the job so far, to report it in progress for a while ("slow jobs"). */
    polls: number;
    errorMessage?: string;
    readonly startedAt: number;
}

export function dialectOf(job: JobBase): CsvDialect {
    return { delimiter: COLUMN_DELIMITERS[job.columnDelimiter], lineEnding: LINE_ENDINGS[job.lineEnding] };
}

export function jobInfo(job: JobBase, extra: Record<string, unknown> = {}): Record<string, unknown> {
    return {
        id: job.id,
        operation: job.operation,
        object: job.object,
        createdById: INTEGRATION_USER_ID,
        createdDate: restTime(job.createdDate),
        systemModstamp: restTime(job.systemModstamp),
        state: job.state,
        concurrencyMode: 'Parallel',
        contentType: 'CSV',
        apiVersion: Number(job.apiVersion),
        lineEnding: job.lineEnding,
        columnDelimiter: job.columnDelimiter,
        ...extra
    };
}

function restTime(iso: string): string {
    return iso.replace(/Z$/, '+0000');
}

/** Validates lineEnding and columnDelimiter of a job request; returns them with defaults. */
export function dialectSettings(body: Record<string, unknown>): {
    lineEnding: string;
    columnDelimiter: string;
} {
    const lineEnding = (body.lineEnding as string | undefined) ?? 'LF';
    const columnDelimiter = (body.columnDelimiter as string | undefined) ?? 'COMMA';
    if (!(lineEnding in LINE_ENDINGS)) {
        throw new HttpError(400, 'INVALIDJOB', `InvalidJob : Invalid line ending: ${lineEnding}`);
    }
    if (!(columnDelimiter in COLUMN_DELIMITERS)) {
        throw new HttpError(400, 'INVALIDJOB', `InvalidJob : Invalid column delimiter: ${columnDelimiter}`);
    }
    if (body.contentType !== undefined && body.contentType !== 'CSV') {
        throw new HttpError(
            400,
            'INVALIDJOB',
            `InvalidJob : Invalid content type: ${String(body.contentType)}`
        );
    }
    return { lineEnding, columnDelimiter };
}

let jobCounter = 0;

export function newJobBase(
    ctx: HandlerContext,
    operation: string,
    object: string,
    dialect: { lineEnding: string; columnDelimiter: string },
    state: JobState
): JobBase {
    const now = ctx.store.clock.peek();
    return {
        id: makeId('750', ++jobCounter),
        operation,
        object,
        createdDate: now,
        systemModstamp: now,
        state,
        apiVersion: ctx.version,
        ...dialect,
        polls: 0,
        startedAt: Date.now()
    };
}

export function jobNotFound(): HttpError {
    return new HttpError(404, 'NOT_FOUND', 'The requested resource does not exist');
}

/** A job reports InProgress for the configured number of GETs, then finishes. */
export function dueToFinish(ctx: HandlerContext, job: JobBase): boolean {
    job.polls++;
    if (job.polls <= ctx.settings.bulkJobPollsUntilComplete) {
        job.state = 'InProgress';
        job.systemModstamp = ctx.store.clock.peek();
        return false;
    }
    return true;
}
