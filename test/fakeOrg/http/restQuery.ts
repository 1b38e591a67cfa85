import { makeId } from '../ids';
import { SoqlError } from '../soql/lexer';
import { parseSoql } from '../soql/parser';
import { ResultSet, executeQuery } from '../soql/execute';
import { toRestValue } from '../values';
import { HandlerContext, HttpError, recordUrl, sendJson } from './context';

/** Salesforce keeps a handful of open query cursors per user and drops the oldest. */
const MAX_OPEN_CURSORS = 10;
const MAX_BATCH = 2000;
const MIN_HINT = 200;

interface Cursor {
    readonly locator: string;
    readonly version: string;
    readonly result: ResultSet;
    /** Pages served so far (the argument of a restQueryBatchSize function). */
    pages: number;
}

export class RestQueries {
    private readonly cursors = new Map<string, Cursor>();
    private cursorCount = 0;

    query(ctx: HandlerContext): void {
        const soql = ctx.url.searchParams.get('q');
        if (soql === null || soql.trim() === '') {
            throw new HttpError(400, 'MALFORMED_QUERY', 'A query string has to be specified');
        }
        let result: ResultSet;
        try {
            result = executeQuery(ctx.store, parseSoql(soql));
        } catch (e) {
            if (e instanceof SoqlError) throw new HttpError(400, e.errorCode, e.message);
            throw e;
        }
        if (result.query.isCount) {
            ctx.records = 0;
            sendJson(ctx.res, 200, { totalSize: result.sequences.length, done: true, records: [] });
            return;
        }
        const cursor: Cursor = {
            locator: makeId('01g', this.cursorCount++),
            version: ctx.version,
            result,
            pages: 0
        };
        this.sendPage(ctx, cursor, 0);
    }

    queryMore(ctx: HandlerContext, locatorAndOffset: string): void {
        const m = /^(.+)-(\d+)$/.exec(locatorAndOffset);
        const cursor = m ? this.cursors.get(m[1]) : undefined;
        if (!m || !cursor) throw new HttpError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
        const offset = Number(m[2]);
        if (offset > cursor.result.sequences.length) {
            throw new HttpError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
        }
        this.sendPage(ctx, cursor, offset);
    }

    private sendPage(ctx: HandlerContext, cursor: Cursor, offset: number): void {
        const { sequences, table, query } = cursor.result;
        const size = this.batchSize(ctx, cursor.pages++);
        const end = Math.min(sequences.length, offset + size);
        const records = [];
        for (let i = offset; i < end; i++) {
            const stored = table.read(sequences[i]);
            const record: Record<string, unknown> = {
                attributes: {
                    type: table.def.name,
                    url: recordUrl(ctx.version, table.def.name, stored.Id as string)
                }
            };
            for (const f of query.fields) record[f.name] = toRestValue(f, stored[f.name] ?? null);
            records.push(record);
        }
        const done = end >= sequences.length;
        const body: Record<string, unknown> = { totalSize: sequences.length, done };
        if (done) this.cursors.delete(cursor.locator);
        else {
            this.remember(cursor);
            body.nextRecordsUrl = `/services/data/v${ctx.version}/query/${cursor.locator}-${end}`;
        }
        body.records = records;
        ctx.records = records.length;
        sendJson(ctx.res, 200, body);
    }

    private remember(cursor: Cursor): void {
        this.cursors.delete(cursor.locator);
        this.cursors.set(cursor.locator, cursor);
        while (this.cursors.size > MAX_OPEN_CURSORS) this.cursors.delete(this.cursors.keys().next().value!);
    }

    /**
     * The page size: what the org decides (restQueryBatchSize), lowered by the client's
     * Sforce-Query-Options batchSize hint (200..2000), as Salesforce treats it as a maximum.
     */
    private batchSize(ctx: HandlerContext, page: number): number {
        const setting = ctx.settings.restQueryBatchSize;
        let size = typeof setting === 'function' ? setting(page) : setting;
        const hint = /batchSize=(\d+)/i.exec(String(ctx.req.headers['sforce-query-options'] ?? ''));
        if (hint) size = Math.min(size, Math.max(MIN_HINT, Math.min(MAX_BATCH, Number(hint[1]))));
        return Math.max(1, Math.floor(size));
    }
}
