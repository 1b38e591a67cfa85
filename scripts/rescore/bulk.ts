import { createReadStream, unlinkSync } from 'node:fs';
import { Transform, pipeline } from 'node:stream';
import { parse } from 'csv-parse';
import { HttpApi } from '@jsforce/jsforce-node/lib/http-api';
import type { HttpResponse } from '@jsforce/jsforce-node/lib/types';
import { RawRecord, t } from 'c/dealControlModel';
import { CliError, INTERRUPTED } from '../shared/errors';
import { fill } from '../shared/i18n';
import { IngestFileWriter } from './ingestFile';
import { OrgClient } from './orgClient';
import { WriteFailure } from './rest';
import { RetryPolicy, TRANSIENT_RECORD_ERRORS, isTransientNetworkError, sleep } from './retry';
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

/**
 * Polls a job until it ends. The wait grows by half each time (up to ten times the first), so a
 * long job costs a few polls, not hundreds of API calls. Ctrl-C ends the wait at once and no
 * further status call is sent; the job itself runs on in the org, which the message says.
 */
async function waitForJob(
    client: OrgClient,
    path: string,
    settings: BulkSettings,
    jobId: string
): Promise<JobInfo> {
    let wait = settings.pollIntervalMs;
    try {
        for (;;) {
            await sleep(wait, settings.signal);
            const job = await client.requestJson<JobInfo>('GET', path);
            if (job.state === 'JobComplete' || job.state === 'Failed' || job.state === 'Aborted') return job;
            wait = Math.min(Math.round(wait * 1.5) || 1, settings.pollIntervalMs * 10 || 1);
        }
    } catch (error) {
        if (!(error instanceof CliError) || error.code !== INTERRUPTED) throw error;
        throw new CliError(
            INTERRUPTED,
            fill(
                t(
                    'Interrupted with Ctrl-C while Bulk job {id} was running in the org; the org finishes that job on its own (Setup → Bulk Data Load Jobs shows it).',
                    '按下 Ctrl-C 时 Bulk 作业 {id} 仍在组织中运行；组织会自行完成该作业（可在“设置 → 批量数据加载作业”中查看）。'
                ),
                { id: jobId }
            ),
            { actions: error.actions }
        );
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

/**
 * A results page whose rows do not match its Sforce-NumberOfRecords header: a body cut cleanly at
 * a row boundary (a proxy, a dropped connection the client saw as a normal end) parses without
 * error, so only the count shows the loss. Fetched again like a page that broke mid-stream.
 */
export class PageIncomplete extends Error {
    constructor(
        readonly received: number,
        readonly declared: number
    ) {
        super(`a Bulk results page held ${received} rows where Sforce-NumberOfRecords said ${declared}`);
        this.name = 'PageIncomplete';
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
    const page = await getCsv(client, `/jobs/query/${jobId}/results?${query}`, settings);
    const next = page.headers['sforce-locator'];
    onLocator(next === undefined || next === '' || next === 'null' ? null : next);
    const header = page.headers['sforce-numberofrecords'];
    const declared = header === undefined || !/^\d+$/.test(header.trim()) ? null : Number(header);
    let index = 0;
    for await (const row of page.rows) {
        // More rows than declared: refuse before handing out a row that should not exist.
        if (declared !== null && index >= declared) throw new PageIncomplete(index + 1, declared);
        if (index++ >= skip) yield row;
    }
    if (declared !== null && index !== declared) throw new PageIncomplete(index, declared);
}

function jobFailed(kind: 'query' | 'ingest', jobId: string, reason: string, attempts: number): CliError {
    return new CliError(
        'BULK_JOB_FAILED',
        fill(
            t(
                'The org failed Bulk {kind} job {id} ({reason}), {n} time(s) in a row.',
                '组织处理 Bulk {kind} 作业 {id} 失败（{reason}），已连续 {n} 次。'
            ),
            { kind, id: jobId, reason, n: attempts }
        ),
        {
            actions: [
                t(
                    'See the job in Setup → Bulk Data Load Jobs, then rerun later: the run is safe to repeat.',
                    '请在“设置 → 批量数据加载作业”中查看该作业，稍后重新运行：重复运行是安全的。'
                )
            ]
        }
    );
}

/**
 * Runs a Bulk API 2.0 query and streams its records page by page (each page one API call, pages
 * of --bulk-page-size records, Sforce-Locator paging until the literal "null"). A failed job is
 * run again; a page that breaks mid-stream, or holds fewer or more rows than its
 * Sforce-NumberOfRecords header says, is fetched again and the rows already read are skipped. At
 * the end the rows read must add up to the job's numberRecordsProcessed.
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
        const done = await waitForJob(client, `/jobs/query/${created.id}`, settings, created.id);
        if (done.state === 'JobComplete') job = done;
        else if (attempt >= settings.retry.maxRetries)
            throw jobFailed('query', created.id, done.errorMessage ?? done.state, attempt + 1);
        else await client.backoff(attempt);
    }
    let locator: string | null = null;
    let first = true;
    let total = 0;
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
                    error instanceof PageIncomplete ||
                    isTransientNetworkError(error) ||
                    (error instanceof NetworkFailure && error.transient);
                if (!transient || attempt >= settings.retry.maxRetries) throw pageError(error, job.id);
                await client.backoff(attempt);
            }
        }
        total += read;
    }
    if (job.numberRecordsProcessed !== undefined && total !== job.numberRecordsProcessed) {
        throw pageError(new PageIncomplete(total, job.numberRecordsProcessed), job.id);
    }
}

function pageError(error: unknown, jobId: string): unknown {
    if (!(error instanceof PageIncomplete)) return error;
    return new CliError(
        'BULK_RESULTS_INCOMPLETE',
        fill(
            t(
                'The results of Bulk query job {id} kept arriving incomplete: {received} rows where the org announced {declared}.',
                'Bulk 查询作业 {id} 的结果一直不完整：组织声明 {declared} 行，实际收到 {received} 行。'
            ),
            { id: jobId, received: error.received, declared: error.declared }
        ),
        {
            cause: error,
            actions: [
                t(
                    'Nothing was written from those results. Check the network (a proxy may cut long downloads) and rerun.',
                    '未根据这些结果写入任何内容。请检查网络（代理可能截断较长的下载）后重新运行。'
                )
            ]
        }
    );
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

/** The keys (Ids, or an upsert's external ids) of an ingest file we wrote, for rows a job failed as a whole. */
async function keysOf(file: string, keyColumn: string): Promise<string[]> {
    const keys: string[] = [];
    for await (const row of createReadStream(file).pipe(parse({ columns: true })))
        keys.push(String((row as Record<string, string>)[keyColumn]));
    return keys;
}

export interface IngestOutcome {
    succeeded: number;
    /** Of the succeeded rows of an upsert, those that created their record (sf__Created). */
    created: number;
    readonly failed: WriteFailure[];
    readonly jobIds: string[];
}

/**
 * One ingest file: what to do to which object (update or delete by Id, first column; or upsert on
 * `externalIdField`, one of its columns), and its columns.
 */
export interface IngestFile {
    readonly object: string;
    readonly operation: 'update' | 'delete' | 'upsert';
    readonly externalIdField?: string;
    readonly file: string;
    readonly rows: number;
    readonly columns: readonly string[];
}

/** The rows of an upsert job that created their record: sf__Created of its successfulResults. */
async function createdRows(client: OrgClient, jobId: string, settings: BulkSettings): Promise<number> {
    let created = 0;
    for await (const row of (await getCsv(client, `/jobs/ingest/${jobId}/successfulResults/`, settings))
        .rows) {
        if (String(row.sf__Created).toLowerCase() === 'true') created += 1;
    }
    return created;
}

const SPOOL_ROLE = t('the temporary upload file', '临时上传文件');

/**
 * Updates, deletes or upserts the records of one CSV file with a Bulk API 2.0 ingest job: create,
 * upload, close, poll, then read failedResults (only when some failed), unprocessedrecords (only
 * when the job did not process everything) and, for an upsert, successfulResults (to count the
 * records it created). Rows that failed for a transient reason (a locked row, a
 * job the org gave up on) go into a new job after a backoff, a bounded number of times; a job that
 * keeps failing as a whole reports each of its rows as failed (BULK_JOB_FAILED, with the org's
 * message), so nothing is hidden and the run ends with exit 2.
 */
export async function bulkIngest(
    client: OrgClient,
    input: IngestFile,
    settings: BulkSettings,
    tempFile: (label: string) => string,
    outcome: IngestOutcome = { succeeded: 0, created: 0, failed: [], jobIds: [] },
    attempt = 0
): Promise<IngestOutcome> {
    if (input.rows === 0) return outcome;
    const keyColumn = input.externalIdField ?? 'Id';
    const created = await client.requestJson<JobInfo>('POST', '/jobs/ingest', {
        object: input.object,
        operation: input.operation,
        ...(input.externalIdField ? { externalIdFieldName: input.externalIdField } : {}),
        contentType: 'CSV',
        columnDelimiter: 'COMMA',
        lineEnding: 'LF'
    });
    outcome.jobIds.push(created.id);
    await uploadCsv(client, created.id, input.file);
    await client.requestJson('PATCH', `/jobs/ingest/${created.id}`, { state: 'UploadComplete' });
    const job = await waitForJob(client, `/jobs/ingest/${created.id}`, settings, created.id);

    const retryRows: Array<Record<string, string>> = [];
    const canRetry = attempt < settings.retry.maxRetries;
    const processedOk =
        (job.numberRecordsProcessed ?? (job.state === 'JobComplete' ? input.rows : 0)) -
        (job.numberRecordsFailed ?? 0);
    if ((job.numberRecordsFailed ?? 0) > 0) {
        const failed = await readCsv(client, `/jobs/ingest/${created.id}/failedResults/`, settings);
        for (const row of failed) {
            const { sf__Id: sfId, sf__Error: sfError, ...fields } = row;
            const code = errorCodeOf(sfError ?? '');
            if (TRANSIENT_RECORD_ERRORS.has(code) && canRetry) retryRows.push(fields);
            else outcome.failed.push({ id: sfId || fields[keyColumn] || '', code, message: sfError ?? '' });
        }
    }
    if (job.state !== 'JobComplete' || (job.numberRecordsProcessed ?? input.rows) < input.rows) {
        const unprocessed = await readCsv(client, `/jobs/ingest/${created.id}/unprocessedrecords/`, settings);
        const reason = job.errorMessage ?? job.state;
        if (job.state !== 'JobComplete' && unprocessed.length === 0 && processedOk <= 0) {
            // A job that failed before processing anything may list nothing: resend the whole file.
            if (canRetry) {
                await client.backoff(attempt);
                return bulkIngest(client, input, settings, tempFile, outcome, attempt + 1);
            }
            for (const id of await keysOf(input.file, keyColumn))
                outcome.failed.push({ id, code: 'BULK_JOB_FAILED', message: reason });
            return outcome;
        }
        for (const row of unprocessed) {
            if (canRetry) retryRows.push(row);
            else outcome.failed.push({ id: row[keyColumn] ?? '', code: 'BULK_JOB_FAILED', message: reason });
        }
    }
    outcome.succeeded += Math.max(0, processedOk);
    if (input.operation === 'upsert' && processedOk > 0)
        outcome.created += await createdRows(client, created.id, settings);
    if (retryRows.length === 0) return outcome;

    await client.backoff(attempt);
    const retryFile = tempFile(`${input.object}-retry${attempt + 1}`);
    const writer = new IngestFileWriter(retryFile, input.columns, SPOOL_ROLE);
    for (const row of retryRows) await writer.write(row);
    await writer.close();
    try {
        return await bulkIngest(
            client,
            { ...input, file: retryFile, rows: retryRows.length },
            settings,
            tempFile,
            outcome,
            attempt + 1
        );
    } finally {
        unlinkSync(retryFile);
    }
}
