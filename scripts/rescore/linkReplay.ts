import { appendFileSync, createReadStream, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { RawRecord } from 'c/dealControlModel';
import { STAKEHOLDER_LINK_OBJECT, readFields } from './derived';
import { Scope } from './orgReads';

const FIELDS = readFields(STAKEHOLDER_LINK_OBJECT);
const FLUSH_CHARS = 64 * 1024;

/**
 * The links the first pass of an --apply run read, kept in a temporary file (one line of JSON
 * each) for the passes that follow. A run never writes a link, so when the org says that no link
 * has been modified since the first pass began, the links it read are still the org's, and the
 * no-lost-update pass can take them from here instead of reading them again: one COUNT() instead
 * of a Bulk query job with its polls and pages. One modified link, and every later pass reads the
 * links from the org again. (A deleted record leaves no modification date: like a deleted
 * assessment, a link deleted while the run is under way counts at the next run.)
 */
export class LinkReplay {
    private state: 'empty' | 'recording' | 'current' | 'stale' = 'empty';
    private parts: string[] = [];
    private chars = 0;

    constructor(private readonly file: string) {}

    /** Whether the links can be taken from here instead of the org. */
    get current(): boolean {
        return this.state === 'current';
    }

    /** Passes the links of a pass through, keeping them when this is the first pass to read them. */
    async *recorded(records: AsyncIterable<RawRecord>): AsyncGenerator<RawRecord> {
        if (this.state !== 'empty') {
            yield* records;
            return;
        }
        this.state = 'recording';
        try {
            for await (const record of records) {
                const line = `${JSON.stringify(FIELDS.map((f) => record[f] ?? null))}\n`;
                this.parts.push(line);
                this.chars += line.length;
                if (this.chars >= FLUSH_CHARS) this.flush();
                yield record;
            }
            this.flush();
            this.state = 'current';
        } finally {
            // A pass that stopped part-way leaves nothing to use.
            if (this.state === 'recording') this.drop();
        }
    }

    private flush(): void {
        appendFileSync(this.file, this.parts.join(''));
        this.parts = [];
        this.chars = 0;
    }

    /** What the org said before the next pass: how many links were modified since the previous pass began. */
    linksModified(count: number): void {
        if (count > 0 && this.state === 'current') this.drop();
    }

    /** The kept links of the Opportunities of a scope, in the order they were read. */
    async *records(scope: Scope): AsyncGenerator<RawRecord> {
        const within = scope.kind === 'opportunities' ? new Set(scope.ids) : null;
        const lines = createInterface({ input: createReadStream(this.file), crlfDelay: Infinity });
        for await (const line of lines) {
            if (line === '') continue;
            const values = JSON.parse(line) as unknown[];
            const record: Record<string, unknown> = {};
            FIELDS.forEach((field, i) => (record[field] = values[i]));
            if (within === null || within.has(String(record.Opportunity__c ?? '').trim())) yield record;
        }
    }

    private drop(): void {
        this.state = 'stale';
        this.parts = [];
        this.chars = 0;
        rmSync(this.file, { force: true });
    }
}
