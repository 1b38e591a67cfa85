import { RawRecord } from 'c/dealControlModel';
import { IngestRow } from './ingestFile';
import { OrgClient } from './orgClient';
import { RetryPolicy, TRANSIENT_RECORD_ERRORS } from './retry';

interface QueryPage {
    readonly totalSize: number;
    readonly done: boolean;
    readonly nextRecordsUrl?: string;
    readonly records: ReadonlyArray<Record<string, unknown>>;
}

function plain(record: Record<string, unknown>): RawRecord {
    const fields = { ...record };
    delete fields.attributes;
    return fields;
}

/**
 * Runs a SOQL query over REST with jsforce, one page per API call: conn.query without autoFetch
 * for the first page, conn.queryMore(nextRecordsUrl) for each next one. Paging stays here (not
 * autoFetch) so every page is retried on its own and the budget is checked page by page.
 */
export async function* restQuery(client: OrgClient, soql: string): AsyncGenerator<RawRecord> {
    const { conn } = client;
    let page = await client.call<QueryPage>(() => conn.query(soql, { autoFetch: false }).then((r) => r));
    for (;;) {
        for (const record of page.records) yield plain(record);
        const next = page.nextRecordsUrl;
        if (page.done || !next) return;
        page = await client.call<QueryPage>(() => conn.queryMore(next).then((r) => r));
    }
}

export async function restCount(client: OrgClient, soql: string): Promise<number> {
    const page = await client.call<QueryPage>(() =>
        client.conn.query(soql, { autoFetch: false }).then((r) => r)
    );
    return page.totalSize;
}

export interface WriteFailure {
    readonly id: string;
    readonly code: string;
    readonly message: string;
}

export interface WriteOutcome {
    /** The records written, by Id (by external key for an upsert). */
    readonly succeeded: readonly string[];
    readonly failed: readonly WriteFailure[];
    /** An upsert's records that were created rather than updated (the org's `created`). */
    readonly created?: number;
}

/** What one sObject Collections request does: update or delete by Id, or upsert on an external id. */
export type CollectionOperation = 'update' | 'delete' | { readonly upsertOn: string };

interface CollectionResult {
    readonly id?: string | null;
    readonly success: boolean;
    readonly created?: boolean;
    readonly errors?: ReadonlyArray<{ statusCode?: string; errorCode?: string; message?: string }>;
}

export const COLLECTION_SIZE = 200;

function send(
    client: OrgClient,
    object: string,
    operation: CollectionOperation,
    batch: readonly IngestRow[]
): Promise<unknown> {
    const { conn } = client;
    if (operation === 'update') {
        return conn.sobject(object).update(
            batch.map((u) => ({ ...u, Id: String(u.Id) })),
            { allOrNone: false }
        );
    }
    if (operation === 'delete') {
        return conn.sobject(object).destroy(
            batch.map((u) => String(u.Id)),
            { allOrNone: false }
        );
    }
    // jsforce sends an array to PATCH /composite/sobjects/{object}/{field} (API 46.0 and later).
    return conn.sobject(object).upsert(
        batch.map((u) => ({ ...u })),
        operation.upsertOn,
        { allOrNone: false }
    );
}

/**
 * Updates, deletes or upserts up to 200 records with one sObject Collections request (allOrNone
 * false, so one bad record does not sink the other 199). Records that fail with a transient code
 * such as UNABLE_TO_LOCK_ROW are sent again, alone, after a backoff; the rest are returned as
 * failures, named by Id (by external key for an upsert).
 */
export async function writeCollection(
    client: OrgClient,
    object: string,
    operation: CollectionOperation,
    rows: readonly IngestRow[],
    retry: RetryPolicy
): Promise<WriteOutcome> {
    const keyField = typeof operation === 'object' ? operation.upsertOn : 'Id';
    const succeeded: string[] = [];
    const failed: WriteFailure[] = [];
    let created = 0;
    let pending = rows;
    for (let attempt = 0; pending.length > 0; attempt += 1) {
        const batch = pending;
        const results = (await client.call(() => send(client, object, operation, batch))) as ReadonlyArray<
            CollectionResult | undefined
        >;
        const again: IngestRow[] = [];
        pending.forEach((row, i) => {
            // Results come in request order; a failed record's id may be null, so index it.
            const result = results[i];
            const id = String(row[keyField]);
            if (result?.success) {
                succeeded.push(id);
                if (result.created) created += 1;
                return;
            }
            const error = result?.errors?.[0];
            const code = error?.statusCode ?? error?.errorCode ?? 'UNKNOWN_ERROR';
            if (TRANSIENT_RECORD_ERRORS.has(code) && attempt < retry.maxRetries) again.push(row);
            else failed.push({ id, code, message: error?.message ?? '' });
        });
        pending = again;
        if (pending.length > 0) await client.backoff(attempt);
    }
    return typeof operation === 'object' ? { succeeded, failed, created } : { succeeded, failed };
}
