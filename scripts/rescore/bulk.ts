import { createReadStream, unlinkSync } from 'node:fs';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { RawRecord, t } from 'c/dealControlModel';
import { RescoreObject } from './derived';
import { UpdateCsvWriter } from './csvFiles';
import { RescoreError, fill } from './i18n';
import { OrgClient } from './orgClient';
import { WriteFailure } from './rest';
import { RetryPolicy, TRANSIENT_RECORD_ERRORS, backoffDelay, isTransientNetworkError, sleep } from './retry';

export interface BulkSettings {
    readonly retry: RetryPolicy;
    readonly pollIntervalMs: number;
    readonly pageSize: number;
    /** Wakes polling early on Ctrl-C. */
    readonly signal: AbortSignal;
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
async function waitForJob(
    client: OrgClient,
    path: string,
    kind: string,
    settings: BulkSettings
): Promise<JobInfo> {
    let wait = settings.pollIntervalMs;
    for (;;) {
        await sleep(wait, settings.signal).catch(() => undefined);
        const job = await client.json<JobInfo>({ kind, method: 'GET', path });
        if (job.state === 'JobComplete' || job.state === 'Failed' || job.state === 'Aborted') return job;
        wait = Math.min(Math.round(wait * 1.5) || 1, settings.pollIntervalMs * 10 || 1);
    }
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
    const response = await client.send({
        kind: 'bulkQueryResults',
        method: 'GET',
        path: `/jobs/query/${jobId}/results?${query}`,
        accept: 'text/csv'
    });
    const next = response.headers.get('sforce-locator');
    onLocator(next === null || next === '' || next === 'null' ? null : next);
    if (!response.body) return;
    const parser = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream).pipe(
        parse({ columns: true, bom: true, skip_empty_lines: true, relax_column_count: true })
    );
    let index = 0;
    for await (const row of parser as AsyncIterable<Record<string, string>>) {
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
        const created = await client.json<JobInfo>({
            kind: 'bulkQueryCreate',
            method: 'POST',
            path: '/jobs/query',
            json: {
                operation: 'query',
                query: soql,
                contentType: 'CSV',
                columnDelimiter: 'COMMA',
                lineEnding: 'LF'
            }
        });
        const done = await waitForJob(client, `/jobs/query/${created.id}`, 'bulkQueryPoll', settings);
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
                if (!isTransientNetworkError(error) || attempt >= settings.retry.maxRetries) throw error;
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

async function readCsvBody(response: Response): Promise<Array<Record<string, string>>> {
    const rows: Array<Record<string, string>> = [];
    if (!response.body) return rows;
    const parser = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream).pipe(
        parse({ columns: true, bom: true, skip_empty_lines: true, relax_column_count: true })
    );
    for await (const row of parser as AsyncIterable<Record<string, string>>) rows.push(row);
    return rows;
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
    const created = await client.json<JobInfo>({
        kind: 'bulkIngestCreate',
        method: 'POST',
        path: '/jobs/ingest',
        json: { object, operation: 'update', contentType: 'CSV', columnDelimiter: 'COMMA', lineEnding: 'LF' }
    });
    outcome.jobIds.push(created.id);
    await client.send({
        kind: 'bulkIngestUpload',
        method: 'PUT',
        path: `/jobs/ingest/${created.id}/batches`,
        contentType: 'text/csv',
        body: () => Readable.toWeb(createReadStream(file)) as unknown as BodyInit
    });
    await client.json({
        kind: 'bulkIngestClose',
        method: 'PATCH',
        path: `/jobs/ingest/${created.id}`,
        json: { state: 'UploadComplete' }
    });
    const job = await waitForJob(client, `/jobs/ingest/${created.id}`, 'bulkIngestPoll', settings);

    const retryRows: Array<Record<string, string>> = [];
    const processedOk =
        (job.numberRecordsProcessed ?? (job.state === 'JobComplete' ? rows : 0)) -
        (job.numberRecordsFailed ?? 0);
    if ((job.numberRecordsFailed ?? 0) > 0) {
        const failed = await readCsvBody(
            await client.send({
                kind: 'bulkIngestFailed',
                method: 'GET',
                path: `/jobs/ingest/${created.id}/failedResults/`,
                accept: 'text/csv'
            })
        );
        for (const row of failed) {
            const { sf__Id: sfId, sf__Error: sfError, ...fields } = row;
            const code = errorCodeOf(sfError ?? '');
            if (TRANSIENT_RECORD_ERRORS.has(code) && attempt < settings.retry.maxRetries)
                retryRows.push(fields);
            else outcome.failed.push({ id: sfId || fields.Id || '', code, message: sfError ?? '' });
        }
    }
    if (job.state !== 'JobComplete' || (job.numberRecordsProcessed ?? rows) < rows) {
        const unprocessed = await readCsvBody(
            await client.send({
                kind: 'bulkIngestUnprocessed',
                method: 'GET',
                path: `/jobs/ingest/${created.id}/unprocessedrecords/`,
                accept: 'text/csv'
            })
        );
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
