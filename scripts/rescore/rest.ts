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
    readonly succeeded: readonly string[];
    readonly failed: readonly WriteFailure[];
}

interface CollectionResult {
    readonly id?: string | null;
    readonly success: boolean;
    readonly errors?: ReadonlyArray<{ statusCode?: string; errorCode?: string; message?: string }>;
}

export const COLLECTION_SIZE = 200;

/**
 * Updates or deletes up to 200 records with one sObject Collections request (PATCH or DELETE
 * /composite/sobjects, allOrNone false, so one bad record does not sink the other 199). Records
 * that fail with a transient code such as UNABLE_TO_LOCK_ROW are sent again, alone, after a
 * backoff; the rest are returned as failures.
 */
export async function writeCollection(
    client: OrgClient,
    object: string,
    operation: 'update' | 'delete',
    rows: readonly IngestRow[],
    retry: RetryPolicy
): Promise<WriteOutcome> {
    const succeeded: string[] = [];
    const failed: WriteFailure[] = [];
    let pending = rows;
    for (let attempt = 0; pending.length > 0; attempt += 1) {
        const batch = pending;
        const results = (await client.call(() =>
            operation === 'update'
                ? client.conn.sobject(object).update(
                      batch.map((u) => ({ ...u, Id: String(u.Id) })),
                      { allOrNone: false }
                  )
                : client.conn.sobject(object).destroy(
                      batch.map((u) => String(u.Id)),
                      { allOrNone: false }
                  )
        )) as unknown as ReadonlyArray<CollectionResult | undefined>;
        const again: IngestRow[] = [];
        pending.forEach((row, i) => {
            // Results come in request order; a failed record's id may be null, so index it.
            const result = results[i];
            const id = String(row.Id);
            if (result?.success) {
                succeeded.push(id);
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
    return { succeeded, failed };
}
