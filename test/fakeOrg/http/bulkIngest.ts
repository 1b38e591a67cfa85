import { ActiveFault } from '../faults';
import { csvLine, lineEndingProblem, parseCsv } from '../csv';
import { to18 } from '../ids';
import { FieldDef, ObjectDef, objectNamed } from '../schema';
import { Table } from '../store';
import { FieldValue, SaveError, fromCsvValue, isSaveError } from '../values';
import { shuffledIndexes } from '../random';
import { existingRecord, recordFault, uniqueErrors, validateValues } from './collections';
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
import { drainOrClose } from './bulkQuery';
import { UpsertWrite, externalIdField, planUpsert, repeatedKeys } from './upsert';

/** Outcome of one uploaded row. */
const UNPROCESSED = 0;
const SUCCEEDED = 1;
const FAILED = 2;
/** An upserted row that created its record (sf__Created true). */
const CREATED = 3;

/** Bulk API 2.0 processes ingest data in internal batches of this many records (for limits). */
export const INGEST_BATCH_RECORDS = 10000;

interface IngestJob extends JobBase {
    readonly def: ObjectDef;
    /** The key of an upsert job (externalIdFieldName). */
    readonly externalId?: FieldDef;
    /** The Id each successful row of an upsert wrote or created, by row (its CSV has no Id column). */
    resultIds?: string[];
    /** Raw CSV uploads, parsed again when results are asked for (keeps memory flat between calls). */
    readonly uploads: Buffer[];
    fault?: ActiveFault;
    rowCount: number;
    outcomes?: Uint8Array;
    errors: Map<number, string>;
    /** Result order: Salesforce's parallel batches return rows in no particular order. */
    order?: Uint32Array;
    numberRecordsProcessed: number;
    numberRecordsFailed: number;
}

interface UploadedRow {
    header: string[];
    values: string[];
}

export class BulkIngestJobs {
    private readonly jobs = new Map<string, IngestJob>();
    batchesUsed = 0;

    create(ctx: HandlerContext): void {
        const body = parseJsonBody(ctx) as Record<string, unknown>;
        const def = typeof body.object === 'string' ? objectNamed(body.object) : undefined;
        if (!def)
            throw new HttpError(
                400,
                'INVALIDJOB',
                `InvalidJob : Invalid object type: ${String(body.object)}`
            );
        if (body.operation !== 'update' && body.operation !== 'delete' && body.operation !== 'upsert') {
            throw new HttpError(
                400,
                'INVALIDJOB',
                `InvalidJob : The fake org implements operations 'update', 'upsert' and 'delete' only, not ${String(body.operation)}`
            );
        }
        let externalId: FieldDef | undefined;
        if (body.operation === 'upsert') {
            if (typeof body.externalIdFieldName !== 'string' || body.externalIdFieldName.trim() === '') {
                throw new HttpError(
                    400,
                    'INVALIDJOB',
                    `InvalidJob : External ID was blank for ${def.name}. An External ID must be specified for upsert.`
                );
            }
            externalId = externalIdField(def, body.externalIdFieldName) ?? undefined;
            if (!externalId) {
                throw new HttpError(
                    400,
                    'INVALIDJOB',
                    `InvalidJob : Field name provided, ${body.externalIdFieldName} does not match an External ID, Salesforce Id, or indexed field for ${def.name}`
                );
            }
        }
        const base = newJobBase(ctx, body.operation, def.name, dialectSettings(body), 'Open');
        const job: IngestJob = {
            ...base,
            def,
            ...(externalId ? { externalId } : {}),
            uploads: [],
            rowCount: 0,
            errors: new Map(),
            numberRecordsProcessed: 0,
            numberRecordsFailed: 0
        };
        this.jobs.set(job.id, job);
        sendJson(ctx.res, 200, {
            ...jobInfo(job, upsertInfo(job)),
            contentUrl: `services/data/v${ctx.version}/jobs/ingest/${job.id}/batches`
        });
    }

    upload(ctx: HandlerContext, id: string): void {
        const job = this.job(id);
        if (job.state !== 'Open') {
            throw new HttpError(
                409,
                'INVALIDJOBSTATE',
                `Job ${job.id} is ${job.state}; data can be uploaded only while it is Open`
            );
        }
        if (ctx.body.length === 0)
            throw new HttpError(400, 'INVALIDBATCH', 'InvalidBatch : The upload is empty');
        job.uploads.push(ctx.body);
        ctx.records = countLines(ctx.body) - 1;
        ctx.res.writeHead(201).end();
    }

    /** PATCH {state}: UploadComplete queues the job, Aborted stops it. */
    setState(ctx: HandlerContext, id: string, state: unknown): void {
        const job = this.job(id);
        if (state === 'UploadComplete') {
            if (job.state !== 'Open') {
                throw new HttpError(409, 'INVALIDJOBSTATE', `Job ${job.id} is ${job.state}, not Open`);
            }
            job.state = 'UploadComplete';
            job.fault = ctx.fault;
        } else if (state === 'Aborted') {
            if (job.state === 'JobComplete' || job.state === 'Failed') {
                throw new HttpError(409, 'INVALIDJOBSTATE', `Job ${job.id} is already ${job.state}`);
            }
            job.state = 'Aborted';
        } else {
            throw new HttpError(400, 'INVALIDJOBSTATE', `Invalid job state: ${String(state)}`);
        }
        job.systemModstamp = ctx.store.clock.peek();
        sendJson(ctx.res, 200, jobInfo(job));
    }

    poll(ctx: HandlerContext, id: string): void {
        const job = this.job(id);
        if ((job.state === 'UploadComplete' || job.state === 'InProgress') && dueToFinish(ctx, job)) {
            this.process(ctx, job);
        }
        sendJson(
            ctx.res,
            200,
            jobInfo(job, {
                ...upsertInfo(job),
                ...(job.errorMessage ? { errorMessage: job.errorMessage } : {}),
                jobType: 'V2Ingest',
                numberRecordsProcessed: job.numberRecordsProcessed,
                numberRecordsFailed: job.numberRecordsFailed,
                retries: 0,
                totalProcessingTime: Date.now() - job.startedAt,
                apiActiveProcessingTime: 0,
                apexProcessingTime: 0
            })
        );
    }

    private fail(job: IngestJob, message: string): void {
        job.state = 'Failed';
        job.errorMessage = message;
    }

    /** Applies the uploaded rows, as Salesforce does once the job leaves the queue. */
    private process(ctx: HandlerContext, job: IngestJob): void {
        job.systemModstamp = ctx.store.clock.peek();
        if (job.uploads.length === 0)
            return this.fail(job, 'InvalidBatch : No data was uploaded for this job');
        if (job.fault?.response === 'jobFailed') {
            return this.fail(job, 'InternalServerError : The job failed to process (injected fault)');
        }
        let rows: UploadedRow[];
        try {
            rows = this.rows(job);
        } catch (e) {
            return this.fail(job, (e as Error).message);
        }
        job.rowCount = rows.length;
        const table = ctx.store.table(job.def.name);
        const plans = job.externalId
            ? this.planUpserts(ctx, job, table, rows)
            : this.planUpdates(job, table, rows);
        const writes = plans.filter((p): p is RowWrite => !isSaveErrors(p));
        const existing = writes.filter((w) => w.id !== null).map((w) => w.id!);
        if (existing.length > 0) ctx.hooks.beforeWrite?.(job.def.name, existing);
        const outcomes = new Uint8Array(rows.length);
        if (job.externalId) job.resultIds = new Array<string>(rows.length);
        const at = ctx.store.clock.tick();
        plans.forEach((plan, i) => {
            if (isSaveErrors(plan)) {
                outcomes[i] = FAILED;
                job.errors.set(
                    i,
                    plan.map((e) => `${e.statusCode}:${e.message}:${e.fields.join(',')} --`).join(' ')
                );
            } else if (plan.id === null) {
                job.resultIds![i] = ctx.store.create(table, plan.values, at);
                outcomes[i] = CREATED;
            } else {
                if (job.operation === 'delete') ctx.store.delete(job.def.name, plan.id, at);
                else ctx.store.write(table, plan.sequence, plan.values, at);
                if (job.resultIds) job.resultIds[i] = plan.id;
                outcomes[i] = SUCCEEDED;
            }
        });
        job.outcomes = outcomes;
        job.numberRecordsProcessed = rows.length;
        job.numberRecordsFailed = job.errors.size;
        this.batchesUsed += Math.ceil(rows.length / INGEST_BATCH_RECORDS);
        job.order = ctx.settings.shuffleResults ? shuffledIndexes(rows.length, ctx.random) : undefined;
        job.state = 'JobComplete';
    }

    /** All uploaded rows with their header; throws with Salesforce's job error for bad files. */
    private rows(job: IngestJob): UploadedRow[] {
        const dialect = dialectOf(job);
        const rows: UploadedRow[] = [];
        for (const upload of job.uploads) {
            const problem = lineEndingProblem(upload, dialect.lineEnding);
            if (problem) throw new Error(problem);
            let parsed: string[][];
            try {
                parsed = parseCsv(upload, dialect);
            } catch (e) {
                throw new Error(`ClientInputError : Failed to parse the CSV data: ${(e as Error).message}`);
            }
            const [header, ...data] = parsed;
            if (!header) continue;
            for (const name of header) {
                if (!job.def.fieldsByLowerName.has(name.toLowerCase())) {
                    throw new Error(`InvalidBatch : Field name not found : ${name}`);
                }
            }
            for (const values of data) rows.push({ header, values });
        }
        return rows;
    }

    /** Update and delete rows: each names its record by Id; an Id twice in a job fails the later rows. */
    private planUpdates(
        job: IngestJob,
        table: Table,
        rows: readonly UploadedRow[]
    ): Array<RowWrite | SaveError[]> {
        const seen = new Set<string>();
        const claimed = new Map<string, string>();
        return rows.map((row): RowWrite | SaveError[] => {
            const plan = this.plan(job, table, row, claimed);
            if (isSaveErrors(plan)) return plan;
            if (seen.has(plan.id!)) {
                return [
                    { statusCode: 'DUPLICATE_VALUE', message: `Duplicate id in list: ${plan.id}`, fields: [] }
                ];
            }
            seen.add(plan.id!);
            return plan;
        });
    }

    /** Upsert rows: each names its record by the job's external id; a key twice in a job fails every row with it. */
    private planUpserts(
        ctx: HandlerContext,
        job: IngestJob,
        table: Table,
        rows: readonly UploadedRow[]
    ): Array<RowWrite | SaveError[]> {
        const field = job.externalId!;
        const cells = rows.map((row) => this.cells(job, row));
        const repeated = repeatedKeys(
            field,
            cells.map((c) => (isSaveErrors(c) ? undefined : c.values[field.name]))
        );
        const claimed = new Map<string, string>();
        return cells.map((c): RowWrite | SaveError[] => {
            if (isSaveErrors(c)) return c;
            if (c.typeErrors.length > 0) return c.typeErrors;
            const plan = planUpsert(ctx.store, table, field, c.values, repeated, claimed, job.fault);
            return isSaveErrors(plan) ? plan : toRowWrite(plan);
        });
    }

    /** A row's values by field (an empty cell leaves a field as it is; '#N/A' blanks it) and its Id cell. */
    private cells(
        job: IngestJob,
        row: UploadedRow
    ): { id?: string; values: Record<string, FieldValue>; typeErrors: SaveError[] } | SaveError[] {
        if (row.values.length !== row.header.length) {
            return [
                {
                    statusCode: 'INVALID_FIELD',
                    message: `Row has ${row.values.length} values but the header has ${row.header.length} columns`,
                    fields: []
                }
            ];
        }
        let id: string | undefined;
        const values: Record<string, FieldValue> = {};
        const typeErrors: SaveError[] = [];
        row.header.forEach((name, i) => {
            const cell = row.values[i];
            const def: FieldDef = job.def.fieldsByLowerName.get(name.toLowerCase())!;
            if (def.name === 'Id') {
                id = cell === '' ? undefined : cell;
                return;
            }
            // A delete job reads the Id column only.
            if (job.operation === 'delete') return;
            if (cell === '') return;
            const value = fromCsvValue(def, cell);
            if (isSaveError(value)) typeErrors.push(value);
            else values[def.name] = value;
        });
        return { id, values, typeErrors };
    }

    private plan(
        job: IngestJob,
        table: Table,
        row: UploadedRow,
        claimed: Map<string, string>
    ): RowWrite | SaveError[] {
        const cells = this.cells(job, row);
        if (isSaveErrors(cells)) return cells;
        const { id, values, typeErrors } = cells;
        if (!id)
            return [
                { statusCode: 'MISSING_ARGUMENT', message: 'Id not specified in an update call', fields: [] }
            ];
        const id18 = to18(id);
        if (!id18 || !id18.startsWith(job.def.keyPrefix)) {
            return [
                {
                    statusCode: 'MALFORMED_ID',
                    message: `${job.def.label} ID: id value of incorrect type: ${id}`,
                    fields: ['Id']
                }
            ];
        }
        // Duplicates within a job are found across its rows by planUpdates(), not here.
        const sequence = existingRecord(table, id18, new Set());
        if (Array.isArray(sequence)) return sequence;
        const errors = [
            ...typeErrors,
            ...validateValues(job.def, values),
            ...(job.operation === 'delete' ? [] : uniqueErrors(table, sequence, values, claimed)),
            ...recordFault(job.fault, id18)
        ];
        return errors.length > 0 ? errors : { id: id18, sequence, values };
    }

    /** successfulResults, failedResults and unprocessedrecords as CSV, in the job's result order. */
    async results(ctx: HandlerContext, id: string, which: string): Promise<void> {
        const job = this.job(id);
        const dialect = dialectOf(job);
        let rows: UploadedRow[] = [];
        try {
            rows = this.rows(job);
        } catch {
            rows = [];
        }
        const header = job.uploads.length > 0 ? (rows[0]?.header ?? []) : [];
        const want =
            which === 'successfulResults' ? SUCCEEDED : which === 'failedResults' ? FAILED : UNPROCESSED;
        const prefix =
            want === SUCCEEDED ? ['sf__Id', 'sf__Created'] : want === FAILED ? ['sf__Id', 'sf__Error'] : [];
        ctx.res.writeHead(200, { 'Content-Type': 'text/csv' });
        let chunk = csvLine([...prefix, ...header], dialect);
        let count = 0;
        const total = job.outcomes
            ? rows.length
            : job.state === 'Failed' || job.state === 'Aborted'
              ? rows.length
              : 0;
        for (let k = 0; k < total; k++) {
            const i = job.order ? job.order[k] : k;
            const stored = job.outcomes ? job.outcomes[i] : UNPROCESSED;
            const outcome = stored === CREATED ? SUCCEEDED : stored;
            if (outcome !== want) continue;
            const row = rows[i];
            const idIndex = row.header.findIndex((h) => h.toLowerCase() === 'id');
            const lead =
                want === SUCCEEDED
                    ? [
                          job.resultIds?.[i] ?? to18(row.values[idIndex]) ?? row.values[idIndex],
                          String(stored === CREATED)
                      ]
                    : want === FAILED
                      ? ['', job.errors.get(i) ?? '']
                      : [];
            chunk += csvLine([...lead, ...row.values], dialect);
            if (++count % 1000 === 0) {
                if (!ctx.res.write(chunk)) await drainOrClose(ctx.res);
                if (ctx.res.destroyed) return;
                chunk = '';
            }
        }
        ctx.records = count;
        ctx.res.end(chunk);
    }

    delete(ctx: HandlerContext, id: string): void {
        const job = this.job(id);
        // Salesforce deletes jobs that are UploadComplete, JobComplete, Aborted or Failed.
        if (job.state === 'Open' || job.state === 'InProgress') {
            throw new HttpError(
                400,
                'INVALIDJOBSTATE',
                `Job ${job.id} is ${job.state}; abort it before deleting it`
            );
        }
        this.jobs.delete(id);
        ctx.res.writeHead(204).end();
    }

    private job(id: string): IngestJob {
        const job = this.jobs.get(id);
        if (!job) throw jobNotFound();
        return job;
    }
}

/** A row to apply: to the record `id` (at `sequence`), or to a new record when id is null (an upsert creating it). */
interface RowWrite {
    id: string | null;
    sequence: number;
    values: Record<string, FieldValue>;
}

function toRowWrite(plan: UpsertWrite): RowWrite {
    return plan.kind === 'update'
        ? { id: plan.id, sequence: plan.sequence, values: plan.values }
        : { id: null, sequence: -1, values: plan.values };
}

/** What job info adds for an upsert job: its key. */
function upsertInfo(job: IngestJob): Record<string, string> {
    return job.externalId ? { externalIdFieldName: job.externalId.name } : {};
}

function isSaveErrors<T extends object>(p: T | SaveError[]): p is SaveError[] {
    return Array.isArray(p);
}

function countLines(data: Buffer): number {
    let n = 0;
    for (let i = data.indexOf(0x0a); i >= 0; i = data.indexOf(0x0a, i + 1)) n++;
    return data.length > 0 && data[data.length - 1] !== 0x0a ? n + 1 : n;
}
