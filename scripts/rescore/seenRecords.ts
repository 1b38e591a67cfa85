import { RawRecord } from 'c/dealControlModel';

/** The modification-time field every pass reads next to the model's fields. */
export const MODIFIED_FIELD = 'LastModifiedDate';

/**
 * The records a pass read that had been modified at or after the pass began, with the
 * modification time it saw. After a pass that wrote nothing, a record modified since the pass
 * began was either read in its current state (same time: the pass scored what is there now) or
 * edited after the pass read it (a newer time: it must be read again). Without this, the
 * second-resolution clock of "modified since" would also count the previous pass's own writes
 * from the same second, and a run would loop until its last pass.
 */
export class SeenRecords {
    private readonly times = new Map<string, number>();

    constructor(private readonly fromMs: number) {}

    note(record: RawRecord): void {
        const modified = Date.parse(String(record[MODIFIED_FIELD] ?? ''));
        if (modified >= this.fromMs) this.times.set(String(record.Id), modified);
    }

    /** Whether the record is as the pass read it: not modified since. */
    unchangedSinceRead(id: string, modified: unknown): boolean {
        const seen = this.times.get(id);
        return seen !== undefined && seen === Date.parse(String(modified ?? ''));
    }
}
