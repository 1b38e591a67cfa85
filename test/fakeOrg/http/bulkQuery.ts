import { ServerResponse } from 'node:http';
import { ActiveFault } from '../faults';
import { csvLine } from '../csv';
import { SoqlError } from '../soql/lexer';
import { SoqlQuery, parseSoql } from '../soql/parser';
import { ResultSet, executeQuery } from '../soql/execute';
import { toCsvValue } from '../values';
import { HandlerContext, HttpError, parseJsonBody, sendJson } from './context';
import {
    JobBase,
    dialectOf,
    dialectSettings,
    dueToFinish,
    jobInfo,
    jobNotFound,
    newJobBase
} from './bulkCommon';

interface QueryJob extends JobBase {
    readonly query: SoqlQuery;
    readonly fault?: ActiveFault;
    result?: ResultSet;
}

/** Rows written per chunk while streaming a results page, so no page is built as one string. */
const ROWS_PER_CHUNK = 1000;

/** Bulk API 2.0 query jobs: create, poll, results pages with Sforce-Locator, abort, delete. */
export class BulkQueryJobs {
    private readonly jobs = new Map<string, QueryJob>();
    jobsCreated = 0;

    create(ctx: HandlerContext): void {
        const body = parseJsonBody(ctx) as Record<string, unknown>;
        const operation = body.operation ?? 'query';
        if (operation !== 'query' && operation !== 'queryAll') {
            throw new HttpError(400, 'INVALIDJOB', `InvalidJob : Invalid operation: ${String(operation)}`);
        }
        if (typeof body.query !== 'string' || body.query.trim() === '') {
            throw new HttpError(400, 'INVALIDJOB', 'InvalidJob : The query is missing');
        }
        let query: SoqlQuery;
        try {
            query = parseSoql(body.query);
        } catch (e) {
            if (e instanceof SoqlError) throw new HttpError(400, e.errorCode, e.message);
            throw e;
        }
        if (query.isCount) {
            throw new HttpError(
                400,
                'API_ERROR',
                'Aggregate queries are not supported by Bulk API 2.0 query'
            );
        }
        const base = newJobBase(ctx, operation, query.object.name, dialectSettings(body), 'UploadComplete');
        const job: QueryJob = { ...base, query, fault: ctx.fault };
        this.jobs.set(job.id, job);
        this.jobsCreated++;
        sendJson(ctx.res, 200, jobInfo(job));
    }

    poll(ctx: HandlerContext, id: string): void {
        const job = this.job(id);
        if ((job.state === 'UploadComplete' || job.state === 'InProgress') && dueToFinish(ctx, job)) {
            this.finish(ctx, job);
        }
        sendJson(
            ctx.res,
            200,
            jobInfo(job, {
                ...(job.errorMessage ? { errorMessage: job.errorMessage } : {}),
                numberRecordsProcessed: job.result?.sequences.length ?? 0,
                retries: 0,
                totalProcessingTime: Date.now() - job.startedAt,
                jobType: 'V2Query'
            })
        );
    }

    /** The query runs when the job completes: data changed after creation is in the results. */
    private finish(ctx: HandlerContext, job: QueryJob): void {
        job.systemModstamp = ctx.store.clock.peek();
        if (job.fault?.response === 'jobFailed') {
            job.state = 'Failed';
            job.errorMessage = 'InternalServerError : The query job failed to process (injected fault)';
            return;
        }
        job.result = executeQuery(ctx.store, job.query);
        job.state = 'JobComplete';
    }

    async results(ctx: HandlerContext, id: string): Promise<void> {
        const job = this.job(id);
        if (job.apiVersion !== ctx.version) {
            throw new HttpError(
                409,
                'API_VERSION_MISMATCH',
                `Get results with the version the job was created in (v${job.apiVersion})`
            );
        }
        if (job.state !== 'JobComplete' || !job.result) {
            throw new HttpError(400, 'INVALIDJOBSTATE', `Job ${job.id} is ${job.state}, not JobComplete`);
        }
        const locatorParam = ctx.url.searchParams.get('locator');
        const offset = locatorParam ? decodeLocator(locatorParam) : 0;
        if (offset === null || offset > job.result.sequences.length) {
            throw new HttpError(400, 'INVALID_LOCATOR', `Invalid locator: ${locatorParam}`);
        }
        const maxParam = ctx.url.searchParams.get('maxRecords');
        const maxRecords = maxParam === null ? ctx.settings.bulkQueryMaxRecords : Number(maxParam);
        if (!Number.isInteger(maxRecords) || maxRecords < 1) {
            throw new HttpError(
                400,
                'INVALIDMAXRECORDS',
                `maxRecords must be a positive integer, not ${maxParam}`
            );
        }
        const end = Math.min(job.result.sequences.length, offset + maxRecords);
        // A truncatedPage fault ends the body cleanly after half the rows (at a row boundary, as a
        // proxy that cuts a download might), while the headers announce the whole page.
        const sent = ctx.fault?.response === 'truncatedPage' ? offset + Math.floor((end - offset) / 2) : end;
        ctx.records = sent - offset;
        ctx.res.writeHead(200, {
            'Content-Type': 'text/csv',
            'Sforce-Locator': end < job.result.sequences.length ? encodeLocator(end) : 'null',
            'Sforce-NumberOfRecords': String(end - offset)
        });
        await streamRows(ctx.res, job, offset, sent);
    }

    abort(ctx: HandlerContext, id: string): void {
        const job = this.job(id);
        const body = parseJsonBody(ctx) as { state?: unknown };
        if (body.state !== 'Aborted') {
            throw new HttpError(
                400,
                'INVALIDJOBSTATE',
                `A query job can only be set to Aborted, not ${String(body.state)}`
            );
        }
        if (job.state === 'JobComplete' || job.state === 'Failed') {
            throw new HttpError(400, 'INVALIDJOBSTATE', `Job ${job.id} is already ${job.state}`);
        }
        job.state = 'Aborted';
        job.systemModstamp = ctx.store.clock.peek();
        sendJson(ctx.res, 200, jobInfo(job));
    }

    delete(ctx: HandlerContext, id: string): void {
        this.job(id);
        this.jobs.delete(id);
        ctx.res.writeHead(204).end();
    }

    private job(id: string): QueryJob {
        const job = this.jobs.get(id);
        if (!job) throw jobNotFound();
        return job;
    }
}

/** Salesforce's locators are opaque; the fake's are base64 offsets (as real ones look). */
function encodeLocator(offset: number): string {
    return Buffer.from(String(offset)).toString('base64').replace(/=+$/, '');
}

function decodeLocator(locator: string): number | null {
    const text = Buffer.from(locator, 'base64').toString('utf8');
    return /^\d+$/.test(text) ? Number(text) : null;
}

async function streamRows(res: ServerResponse, job: QueryJob, from: number, to: number): Promise<void> {
    const dialect = dialectOf(job);
    const { table, sequences, query } = job.result!;
    const names = query.fields.map((f) => f.name);
    let chunk = csvLine(names, dialect);
    for (let i = from; i < to; i++) {
        const record = table.read(sequences[i]);
        chunk += csvLine(
            names.map((n) => toCsvValue(record[n] ?? null)),
            dialect
        );
        if ((i - from + 1) % ROWS_PER_CHUNK === 0) {
            if (!res.write(chunk)) await drainOrClose(res);
            if (res.destroyed) return;
            chunk = '';
        }
    }
    res.end(chunk);
}

/** Waits for the client to take more data; a client that hangs up ends the wait too. */
export function drainOrClose(res: ServerResponse): Promise<void> {
    return new Promise((resolve) => {
        const done = (): void => {
            res.off('drain', done);
            res.off('close', done);
            resolve();
        };
        res.once('drain', done);
        res.once('close', done);
    });
}
