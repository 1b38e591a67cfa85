import { t } from 'c/dealControlModel';
import { throwIfAborted } from '../shared/errors';
import { BulkSettings, bulkIngest } from './bulk';
import { IngestFileWriter } from './ingestFile';
import { OrgClient } from './orgClient';
import { RestWriter } from './restWriter';
import { WriteFailure, WriteOutcome, writeCollection } from './rest';
import { RetryPolicy } from './retry';
import {
    SNAPSHOT_COLUMNS,
    SNAPSHOT_KEY,
    SNAPSHOT_OBJECT,
    SNAPSHOT_PARENT,
    SnapshotRow,
    snapshotRecord
} from './snapshotRow';

/** Bulk API 2.0 takes up to 100 MB per upload; a snapshot line is about 150 bytes, so stay well below it. */
const PART_LIMIT_BYTES = 80 * 1024 * 1024;
const SPOOL_ROLE = t('the temporary upload file', '临时上传文件');

export interface SnapshotWriterContext {
    readonly client: OrgClient;
    readonly retry: RetryPolicy;
    readonly bulk: BulkSettings;
    readonly concurrency: number;
    readonly signal: AbortSignal;
    readonly tempFile: (label: string) => string;
    /** rest / bulk when forced; auto: REST up to `threshold` snapshots to write, Bulk above. */
    readonly transport: 'auto' | 'rest' | 'bulk';
    readonly threshold: number;
    readonly onWritten: (created: number, updated: number) => void;
    readonly onFailed: (failure: WriteFailure) => void;
}

/** Upload files of one kind of row: new snapshots carry their Opportunity, existing ones do not. */
class Spool {
    private readonly parts: IngestFileWriter[] = [];

    constructor(
        private readonly ctx: SnapshotWriterContext,
        private readonly label: string,
        private readonly columns: readonly string[]
    ) {}

    async write(row: SnapshotRow, isNew: boolean): Promise<void> {
        let part = this.parts[this.parts.length - 1];
        if (!part || part.bytes > PART_LIMIT_BYTES) {
            await part?.close();
            part = new IngestFileWriter(this.ctx.tempFile(this.label), this.columns, SPOOL_ROLE);
            this.parts.push(part);
        }
        await part.write(snapshotRecord(row, isNew));
    }

    async close(): Promise<IngestFileWriter[]> {
        await this.parts[this.parts.length - 1]?.close();
        return this.parts;
    }

    async discard(): Promise<void> {
        await this.parts[this.parts.length - 1]?.discard();
    }
}

/**
 * Sends the snapshots of a run to the org, upserted on Snapshot_Key__c: with sObject Collections
 * (200 a request, `--concurrency` requests in flight) up to `threshold` snapshots, with Bulk API 2.0
 * upsert jobs above (forced either way by --rest / --bulk). In auto mode the first `threshold` + 1
 * rows wait in memory until the count is known. An existing snapshot is sent without its Opportunity:
 * a master-detail that cannot be reparented is never part of an update. The org's answers (created,
 * updated, refused) go to the callbacks.
 */
export class SnapshotWriter {
    private held: Array<{ row: SnapshotRow; isNew: boolean }> | null = [];
    private rest: RestWriter | null = null;
    private spools: { created: Spool; updated: Spool } | null = null;
    private sent = 0;

    constructor(private readonly ctx: SnapshotWriterContext) {
        if (ctx.transport === 'rest') this.rest = this.restWriter();
        if (ctx.transport !== 'auto') this.held = null;
        if (ctx.transport === 'bulk') this.spools = this.newSpools();
    }

    /** How the rows went (or will go) out: known once more than `threshold` are in, or at the end. */
    get via(): 'rest' | 'bulk' | 'none' {
        if (this.spools) return 'bulk';
        if (this.rest) return 'rest';
        return this.held === null || this.held.length === 0 ? 'none' : 'rest';
    }

    private restWriter(): RestWriter {
        const { client, retry, concurrency, signal } = this.ctx;
        return new RestWriter(
            (batch) => writeCollection(client, SNAPSHOT_OBJECT, { upsertOn: SNAPSHOT_KEY }, batch, retry),
            concurrency,
            (outcome: WriteOutcome) => {
                const created = outcome.created ?? 0;
                this.ctx.onWritten(created, outcome.succeeded.length - created);
                for (const failure of outcome.failed) this.ctx.onFailed(failure);
            },
            signal,
            new Set(),
            SNAPSHOT_KEY
        );
    }

    private newSpools(): { created: Spool; updated: Spool } {
        return {
            created: new Spool(this.ctx, 'snapshots-new', SNAPSHOT_COLUMNS),
            updated: new Spool(
                this.ctx,
                'snapshots-existing',
                SNAPSHOT_COLUMNS.filter((c) => c !== SNAPSHOT_PARENT)
            )
        };
    }

    async add(row: SnapshotRow, isNew: boolean): Promise<void> {
        this.sent += 1;
        if (this.held) {
            this.held.push({ row, isNew });
            if (this.held.length <= this.ctx.threshold) return;
            // More than the threshold: Bulk, starting with the rows held so far.
            const held = this.held;
            this.held = null;
            this.spools = this.newSpools();
            for (const h of held) await this.spool(h.row, h.isNew);
            return;
        }
        if (this.rest) await this.rest.add(snapshotRecord(row, isNew));
        else await this.spool(row, isNew);
    }

    private spool(row: SnapshotRow, isNew: boolean): Promise<void> {
        return (isNew ? this.spools!.created : this.spools!.updated).write(row, isNew);
    }

    /** Sends what is left and waits for every answer. */
    async finish(): Promise<void> {
        if (this.held) {
            const held = this.held;
            this.held = null;
            if (held.length > 0) {
                this.rest = this.restWriter();
                for (const h of held) await this.rest.add(snapshotRecord(h.row, h.isNew));
            }
        }
        await this.rest?.flush();
        if (!this.spools) return;
        const { created, updated } = this.spools;
        for (const part of [...(await created.close()), ...(await updated.close())]) {
            throwIfAborted(this.ctx.signal);
            const outcome = await bulkIngest(
                this.ctx.client,
                {
                    object: SNAPSHOT_OBJECT,
                    operation: 'upsert',
                    externalIdField: SNAPSHOT_KEY,
                    file: part.file,
                    rows: part.rows,
                    columns: part.columns
                },
                this.ctx.bulk,
                this.ctx.tempFile
            );
            this.ctx.onWritten(outcome.created, outcome.succeeded - outcome.created);
            for (const failure of outcome.failed) this.ctx.onFailed(failure);
        }
    }

    /** Ctrl-C or a budget stop: the requests already sent finish, nothing more goes out. */
    async settle(): Promise<void> {
        this.held = null;
        await this.rest?.settle();
        await this.spools?.created.discard();
        await this.spools?.updated.discard();
    }
}
