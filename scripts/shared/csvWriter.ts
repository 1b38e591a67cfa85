import { createWriteStream, WriteStream } from 'node:fs';
import { LocalizedText } from 'c/dealControlModel';
import { Stringifier, stringify } from 'csv-stringify';
import { AtomicFile } from './atomicFile';
import { fileError } from './errors';

/**
 * Streams CSV rows into a file that appears only when close() commits it (AtomicFile), so a
 * million-row file never sits in memory and a run that stops leaves no half file. A write error
 * (disk full, a folder removed under us) surfaces as a one-line CliError from the next write or
 * from close, never as an unhandled stream error that ends the process.
 */
export class CsvFileWriter {
    rows = 0;
    bytes = 0;
    private readonly atomic: AtomicFile;
    private readonly stringifier: Stringifier;
    private readonly out: WriteStream;
    private failure: unknown = null;
    private readonly ended: Promise<void>;

    constructor(
        readonly file: string,
        readonly columns: readonly string[],
        private readonly role: LocalizedText
    ) {
        this.atomic = new AtomicFile(file, role);
        this.stringifier = stringify({ header: true, columns: [...columns], record_delimiter: 'unix' });
        this.out = createWriteStream(this.atomic.temp);
        this.ended = new Promise((resolve) => {
            this.out.once('close', resolve);
        });
        this.out.on('error', (error) => (this.failure ??= error));
        this.stringifier.on('error', (error) => (this.failure ??= error));
        this.stringifier.on('data', (chunk: Buffer | string) => {
            this.bytes += Buffer.byteLength(chunk);
        });
        this.stringifier.pipe(this.out);
    }

    private check(): void {
        if (this.failure !== null) throw fileError(this.failure, 'write', this.role, this.file);
    }

    async write(cells: readonly string[]): Promise<void> {
        this.check();
        this.rows += 1;
        if (this.stringifier.write(cells)) return;
        await new Promise<void>((resolve) => {
            const done = (): void => {
                this.stringifier.off('drain', done);
                this.out.off('error', done);
                resolve();
            };
            this.stringifier.once('drain', done);
            this.out.once('error', done);
        });
        this.check();
    }

    /** Finishes the file and renames it into place. */
    async close(): Promise<void> {
        this.stringifier.end();
        await this.ended;
        if (this.failure !== null) {
            this.atomic.discard();
            this.check();
        }
        this.atomic.commit();
    }

    /** Drops the file: the target keeps whatever it held before the run (or stays absent). */
    async discard(): Promise<void> {
        this.stringifier.unpipe(this.out);
        this.stringifier.destroy();
        this.out.destroy();
        await this.ended;
        this.atomic.discard();
    }
}
