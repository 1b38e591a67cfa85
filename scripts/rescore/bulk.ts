import { createReadStream, unlinkSync } from 'node:fs';
import { Transform, pipeline } from 'node:stream';
import { parse } from 'csv-parse';
import { HttpApi } from '@jsforce/jsforce-node/lib/http-api';
import type { HttpResponse } from '@jsforce/jsforce-node/lib/types';
import { RawRecord, t } from 'c/dealControlModel';
import { RescoreObject } from './derived';
import { UpdateCsvWriter } from './csvFiles';
import { RescoreError, fill } from './i18n';
import { OrgClient } from './orgClient';
import { WriteFailure } from './rest';
import { RetryPolicy, TRANSIENT_RECORD_ERRORS, backoffDelay, isTransientNetworkError, sleep } from './retry';
import { BodyControl, MeteredRequestOptions, NetworkFailure } from './transport';

export interface BulkSettings {
    readonly retry: RetryPolicy;
    readonly pollIntervalMs: number;
    readonly pageSize: number;
    /** Wakes polling early on Ctrl-C. */
    readonly signal: AbortSignal;
    /** A CSV body that sends nothing for this long is dropped and fetched again. */
    readonly bodyIdleTimeoutMs?: number;
}

interface JobInfo {
    readonly id: string;
    readonly state: 'Open' | 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';
    readonly errorMessage?: string;
    readonly numberRecordsProcessed?: number;
    readonly numberRecordsFailed?: number;
}

/** A Bulk job the org ran and gave up on: worth a retry with a new job. */
export class BulkJobFailed extends Error {
    constructor(
        readonly jobId: string,
        readonly reason: string
    ) {
        super(`Bulk job ${jobId} failed: ${reason}`);
    }
}

/**
 * Polls a job until it ends. The wait grows by half each time (up to ten times the first), so a
 * long job costs a few polls, not hundreds of API calls.
 */
async function waitForJob(client: OrgClient, path: string, settings: BulkSettings): Promise<JobInfo> {
    let wait = settings.pollIntervalMs;
    for (;;) {
        await sleep(wait, settings.signal).catch(() => undefined);
        const job = await client.requestJson<JobInfo>('GET', path);
        if (job.state === 'JobComplete' || job.state === 'Failed' || job.state === 'Aborted') return job;
        wait = Math.min(Math.round(wait * 1.5) || 1, settings.pollIntervalMs * 10 || 1);
    }
}

interface CsvResponse {
    readonly headers: Readonly<Record<string, string>>;
    readonly rows: AsyncIterable<Record<string, string>>;
}

/**
 * GETs a text/csv answer through jsforce's HttpApi and parses it as it arrives: the headers come
 * from HttpApi's 'response' event, the body from its StreamPromise's stream(), so a page of
 * 250,000 rows never sits in memory whole. Retried (by the client) until the headers arrive; a
 * body that stalls for bodyIdleTimeoutMs fails the iteration with a transient TimeoutError.
 */
async function getCsv(client: OrgClient, path: string, settings: BulkSettings): Promise<CsvResponse> {
    return client.call(async () => {
        const opened: { body?: NodeJS.ReadableStream & { destroy(error?: Error): void } } = {};
        const bodyControl: BodyControl = { onBroken: (failure) => opened.body?.destroy(failure) };
        const options: MeteredRequestOptions & { responseType: string } = {
            responseType: 'text/plain',
            streamBody: true,
            bodyControl
        };
        const api = new HttpApi(client.conn, options);
        let headers: Readonly<Record<string, string>> = {};
        api.on('response', (response: HttpResponse) => (headers = response.headers));
        const request = api.request<string>({
            method: 'GET',
            url: client.url(path),
            headers: { Accept: 'text/csv' }
        });
        const body = (opened.body = request.stream());
        await request;
        return {
            headers,
            rows: parseCsvStream(body, settings.bodyIdleTimeoutMs ?? 300_000, () => bodyControl.cancel?.())
        };
    });
}

function parseCsvStream(
    body: NodeJS.ReadableStream,
    idleMs: number,
    cancel: () => void
): AsyncIterable<Record<string, string>> {
    let timer: NodeJS.Timeout | undefined;
    const watchdog = new Transform({
        transform(chunk, _encoding, done) {
            arm();
            done(null, chunk);
        },
        flush(done) {
            clearTimeout(timer);
            done();
        }
    });
    function arm(): void {
        clearTimeout(timer);
        timer = setTimeout(() => {
            const stalled = new Error(`no data for ${idleMs} ms`);
            stalled.name = 'TimeoutError';
            watchdog.destroy(stalled);
        }, idleMs);
    }
    arm();
    const parser = parse({ columns: true, bom: true, skip_empty_lines: true, relax_column_count: true });
    pipeline(body, watchdog, parser, (error) => {
        clearTimeout(timer);
        // A page given up on (stalled, broken, or the reader stopped early) must not keep its connection.
        if (error) cancel();
    });
    return parser as AsyncIterable<Record<string, string>>;
}

/** One page of query results, streamed through the CSV parser; yields from `skip` on. */
async function* resultPage(
    client: OrgClient,
    jobId: string,
    locator: string | null,
    settings: BulkSettings,
    skip: number,
    onLocator: (next: string | null) => void
): AsyncGenerator<RawRecord> {
    const query = `maxRecords=${settings.pageSize}${locator ? `&locator=${encodeURIComponent(locator)}` : ''}`;
    const page = await getCsv(client, `/jobs/query/${jobId}/results?${query}`, settings);
    const next = page.headers['sforce-locator'];
    onLocator(next === undefined || next === '' || next === 'null' ? null : next);
    let index = 0;
    for await (const row of page.rows) {
        if (index++ >= skip) yield row;
    }
}

/**
 * Runs a Bulk API 2.0 query and streams its records page by page (each page one API call, pages
 * of --bulk-page-size records, Sforce-Locator paging until the literal "null"). A failed job is
 * run again; a page that breaks mid-stream is fetched again and the rows already read are skipped.
 */
export async function* bulkQuery(
    client: OrgClient,
    soql: string,
    settings: BulkSettings
): AsyncGenerator<RawRecord> {
    let job: JobInfo | null = null;
    for (let attempt = 0; job === null; attempt += 1) {
        const created = await client.requestJson<JobInfo>('POST', '/jobs/query', {
            operation: 'query',
            query: soql,
            contentType: 'CSV',
            columnDelimiter: 'COMMA',
            lineEnding: 'LF'
        });
        const done = await waitForJob(client, `/jobs/query/${created.id}`, settings);
        if (done.state === 'JobComplete') job = done;
        else if (attempt >= settings.retry.maxRetries)
            throw new BulkJobFailed(created.id, done.errorMessage ?? done.state);
        else {
            client.retries += 1;
            await sleep(backoffDelay(settings.retry, attempt));
        }
    }
    let locator: string | null = null;
    let first = true;
    while (first || locator !== null) {
        first = false;
        const pageLocator = locator;
        let read = 0;
        for (let attempt = 0; ; attempt += 1) {
            try {
                for await (const row of resultPage(
                    client,
                    job.id,
                    pageLocator,
                    settings,
                    read,
                    (next) => (locator = next)
                )) {
                    read += 1;
                    yield row;
                }
                break;
            } catch (error) {
                const transient =
                    isTransientNetworkError(error) || (error instanceof NetworkFailure && error.transient);
                if (!transient || attempt >= settings.retry.maxRetries) throw error;
                client.retries += 1;
                await sleep(backoffDelay(settings.retry, attempt));
            }
        }
    }
}

function errorCodeOf(sfError: string): string {
    const code = /^([A-Z_]+)(?::|$)/.exec(sfError.trim());
    return code ? code[1] : 'UNKNOWN_ERROR';
}

async function readCsv(
    client: OrgClient,
    path: string,
    settings: BulkSettings
): Promise<Array<Record<string, string>>> {
    const rows: Array<Record<string, string>> = [];
    for await (const row of (await getCsv(client, path, settings)).rows) rows.push(row);
    return rows;
}

/**
 * PUTs a CSV file as one ingest batch, streamed from disk into HttpApi's request stream (jsforce's
 * own Bulk v1 uploads the same way), so an 80 MB file is never read into memory. A retry opens the
 * file again.
 */
async function uploadCsv(client: OrgClient, jobId: string, file: string): Promise<void> {
    await client.call(async () => {
        const api = new HttpApi(client.conn, { responseType: 'text/plain' });
        const request = api.request<string>({
            method: 'PUT',
            url: client.url(`/jobs/ingest/${jobId}/batches`),
            headers: { 'Content-Type': 'text/csv' }
        });
        const source = createReadStream(file);
        const unreadable = new Promise<never>((_, reject) => source.once('error', reject));
        try {
            source.pipe(request.stream());
            await Promise.race([request, unreadable]);
        } finally {
            source.destroy();
        }
    });
}

export interface IngestOutcome {
    succeeded: number;
    readonly failed: WriteFailure[];
    readonly jobIds: string[];
}

/**
 * Updates the records of one CSV file with a Bulk API 2.0 ingest job: create, upload, close,
 * poll, then read failedResults (only when some failed) and unprocessedrecords (only when the
 * job did not process everything). Rows that failed for a transient reason (a locked row, a job
 * the org gave up on) go into a new job after a backoff, a bounded number of times.
 */
export async function bulkUpdate(
    client: OrgClient,
    object: RescoreObject,
    file: string,
    rows: number,
    settings: BulkSettings,
    tempFile: (label: string) => string,
    outcome: IngestOutcome = { succeeded: 0, failed: [], jobIds: [] },
    attempt = 0
): Promise<IngestOutcome> {
    if (rows === 0) return outcome;
    const created = await client.requestJson<JobInfo>('POST', '/jobs/ingest', {
        object,
        operation: 'update',
        contentType: 'CSV',
        columnDelimiter: 'COMMA',
        lineEnding: 'LF'
    });
    outcome.jobIds.push(created.id);
    await uploadCsv(client, created.id, file);
    await client.requestJson('PATCH', `/jobs/ingest/${created.id}`, { state: 'UploadComplete' });
    const job = await waitForJob(client, `/jobs/ingest/${created.id}`, settings);

    const retryRows: Array<Record<string, string>> = [];
    const processedOk =
        (job.numberRecordsProcessed ?? (job.state === 'JobComplete' ? rows : 0)) -
        (job.numberRecordsFailed ?? 0);
    if ((job.numberRecordsFailed ?? 0) > 0) {
        const failed = await readCsv(client, `/jobs/ingest/${created.id}/failedResults/`, settings);
        for (const row of failed) {
            const { sf__Id: sfId, sf__Error: sfError, ...fields } = row;
            const code = errorCodeOf(sfError ?? '');
            if (TRANSIENT_RECORD_ERRORS.has(code) && attempt < settings.retry.maxRetries)
                retryRows.push(fields);
            else outcome.failed.push({ id: sfId || fields.Id || '', code, message: sfError ?? '' });
        }
    }
    if (job.state !== 'JobComplete' || (job.numberRecordsProcessed ?? rows) < rows) {
        const unprocessed = await readCsv(client, `/jobs/ingest/${created.id}/unprocessedrecords/`, settings);
        if (job.state !== 'JobComplete' && unprocessed.length === 0 && processedOk <= 0) {
            // A job that failed before processing anything may list nothing: resend the whole file.
            if (attempt < settings.retry.maxRetries) {
                client.retries += 1;
                await sleep(backoffDelay(settings.retry, attempt));
                return bulkUpdate(client, object, file, rows, settings, tempFile, outcome, attempt + 1);
            }
            throw new RescoreError(
                'BULK_JOB_FAILED',
                fill(t('Bulk job {id} failed: {reason}', 'Bulk 作业 {id} 失败：{reason}'), {
                    id: created.id,
                    reason: job.errorMessage ?? job.state
                })
            );
        }
        for (const row of unprocessed) {
            if (attempt < settings.retry.maxRetries) retryRows.push(row);
            else
                outcome.failed.push({
                    id: row.Id ?? '',
                    code: 'BULK_JOB_FAILED',
                    message: job.errorMessage ?? job.state
                });
        }
    }
    outcome.succeeded += Math.max(0, processedOk);
    if (retryRows.length === 0) return outcome;

    client.retries += 1;
    await sleep(backoffDelay(settings.retry, attempt));
    const retryFile = tempFile(`${object}-retry${attempt + 1}`);
    const writer = new UpdateCsvWriter(retryFile, object);
    for (const row of retryRows) await writer.write(row);
    await writer.close();
    try {
        return await bulkUpdate(
            client,
            object,
            retryFile,
            retryRows.length,
            settings,
            tempFile,
            outcome,
            attempt + 1
        );
    } finally {
        unlinkSync(retryFile);
    }
}
