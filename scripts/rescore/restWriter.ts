import { throwIfAborted } from '../shared/errors';
import { IngestRow } from './ingestFile';
import { HttpError } from './orgClient';
import { COLLECTION_SIZE, WriteOutcome } from './rest';

/** Sends one batch of up to 200 rows (an sObject Collections update, delete or upsert). */
export type BatchSender = (batch: readonly IngestRow[]) => Promise<WriteOutcome>;

/**
 * Sends rows to the org with sObject Collections: 200 a request, a bounded number of requests in
 * flight. A batch that fails as a whole after its retries marks its records as failed and the run
 * goes on; budget, auth and Ctrl-C stop the run, after the requests already sent have finished.
 */
export class RestWriter {
    private buffer: IngestRow[] = [];
    private fatal: unknown = null;

    constructor(
        private readonly send: BatchSender,
        private readonly concurrency: number,
        private readonly onResult: (outcome: WriteOutcome) => void,
        private readonly signal: AbortSignal,
        /** The requests in flight; writers of several objects share one set to share the bound. */
        private readonly inFlight = new Set<Promise<void>>(),
        /** The field that names a row in failures: the Id, or an upsert's external id. */
        private readonly keyField = 'Id'
    ) {}

    async add(row: IngestRow): Promise<void> {
        this.throwIfFatal();
        this.buffer.push(row);
        if (this.buffer.length >= COLLECTION_SIZE) await this.dispatch();
    }

    private throwIfFatal(): void {
        if (this.fatal) throw this.fatal;
    }

    private async dispatch(): Promise<void> {
        const batch = this.buffer.splice(0, COLLECTION_SIZE);
        if (batch.length === 0) return;
        while (this.inFlight.size >= this.concurrency) await Promise.race(this.inFlight);
        this.throwIfFatal();
        // Ctrl-C while waiting for a free slot: this batch is not sent; a rerun will send it.
        throwIfAborted(this.signal);
        const sent: Promise<void> = this.send(batch)
            .then(this.onResult, (error: unknown) => {
                if (error instanceof HttpError) {
                    this.onResult({
                        succeeded: [],
                        failed: batch.map((row) => ({
                            id: String(row[this.keyField]),
                            code: error.errorCode,
                            message: error.message
                        }))
                    });
                } else if (!this.fatal) this.fatal = error;
            })
            .finally(() => this.inFlight.delete(sent));
        this.inFlight.add(sent);
    }

    /** Sends what is buffered and waits for every request. */
    async flush(): Promise<void> {
        while (this.buffer.length > 0) await this.dispatch();
        await Promise.all(this.inFlight);
        this.throwIfFatal();
    }

    /** Ctrl-C or a budget stop: let the requests already sent finish, send nothing more. */
    async settle(): Promise<void> {
        this.buffer = [];
        await Promise.allSettled(this.inFlight);
    }
}
