import {
    appendFileSync,
    createReadStream,
    mkdtempSync,
    readFileSync,
    rmSync,
    statSync,
    unlinkSync
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { RawRecord, recordKey } from 'c/dealControlModel';
import { OBJECTS, RescoreObject, SCORECARD_OBJECT, STAKEHOLDER_LINK_OBJECT, scoringFields } from './derived';

/**
 * Sizes of the grouping. Small runs stay in memory; past `memoryBytes` the records go to
 * `buckets` files by a hash of their Opportunity, and a file larger than `bucketBytes` (a huge org)
 * is split again before it is read. Tests lower them to take the file paths with a few records.
 */
export const GROUPING = {
    memoryBytes: 4 * 1024 * 1024,
    buckets: 256,
    bucketBytes: 24 * 1024 * 1024,
    /** Text kept per bucket before it is appended to its file. */
    flushBytes: 32 * 1024
};

/** A bucket split this many times holds one Opportunity's records, however many: no further split helps. */
const MAX_SPLITS = 3;

/** All records of one Opportunity, each object's in the order they were read. */
export interface OpportunityGroup {
    /** The Opportunity as its first record names it; null for a record without one (scored alone). */
    readonly opportunityId: string | null;
    readonly stakeholders: RawRecord[];
    readonly scorecards: RawRecord[];
    readonly links: RawRecord[];
}

const FIELDS: ReadonlyArray<readonly string[]> = OBJECTS.map(scoringFields);
const NO_OPPORTUNITY = 'null';

/**
 * FNV-1a over the key's characters from a different start for each split level, then mixed
 * (MurmurHash3's finalizer) so that the low bits, which pick the bucket, depend on every character.
 */
function hashOf(key: string, level: number): number {
    let h = 0x811c9dc5 ^ Math.imul(level, 0x9e3779b1);
    for (let i = 0; i < key.length; i += 1) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return h >>> 0;
}

function keyOf(line: string): string {
    return line.slice(0, line.indexOf('\t'));
}

function recordOf(line: string): { object: RescoreObject; record: RawRecord } {
    const values = JSON.parse(line.slice(line.indexOf('\t') + 1)) as unknown[];
    const object = OBJECTS[values[0] as number];
    const fields = FIELDS[values[0] as number];
    const record: Record<string, unknown> = {};
    for (let i = 0; i < fields.length; i += 1) record[fields[i]] = values[i + 1];
    return { object, record };
}

function groupOf(lines: readonly string[]): OpportunityGroup {
    const group: OpportunityGroup = { opportunityId: null, stakeholders: [], scorecards: [], links: [] };
    let opportunityId: string | null = null;
    for (const line of lines) {
        const { object, record } = recordOf(line);
        opportunityId ??= typeof record.Opportunity__c === 'string' ? record.Opportunity__c.trim() : null;
        const list =
            object === SCORECARD_OBJECT
                ? group.scorecards
                : object === STAKEHOLDER_LINK_OBJECT
                  ? group.links
                  : group.stakeholders;
        list.push(record);
    }
    return { ...group, opportunityId: opportunityId || null };
}

/** Groups lines by Opportunity, first seen first; a record without an Opportunity is a group of its own. */
function* groupLines(lines: Iterable<string>): Generator<OpportunityGroup> {
    const byKey = new Map<string, string[]>();
    let alone = 0;
    for (const line of lines) {
        if (line === '') continue;
        const key = keyOf(line);
        const id = key === NO_OPPORTUNITY ? `${NO_OPPORTUNITY}${(alone += 1)}` : key;
        const list = byKey.get(id);
        if (list) list.push(line);
        else byKey.set(id, [line]);
    }
    for (const lines of byKey.values()) yield groupOf(lines);
}

/**
 * The records of a run, gathered by Opportunity so that each Opportunity is scored with all its
 * assessments, links and scorecards at hand (contract v1.1: one person's insight codes depend on
 * the others' attitudes and on the lines between them). Records are kept as one line of JSON text
 * each (the fields scoring needs, nothing else); a large run moves them to temporary files, one
 * per hash bucket of the Opportunity, so memory stays flat whatever the org's size, and reads one
 * bucket at a time.
 */
export class OpportunityGroups {
    private memory: string[] = [];
    private memoryBytes = 0;
    private dir: string | null = null;
    private buffers: Array<{ parts: string[]; bytes: number }> = [];

    /** Keeps one record (the fields scoring needs) under its Opportunity. */
    add(object: RescoreObject, opportunityId: string | null, record: RawRecord): void {
        const index = OBJECTS.indexOf(object);
        const values: unknown[] = [index];
        for (const field of FIELDS[index]) values.push(record[field] ?? null);
        const key = JSON.stringify(opportunityId === null ? null : recordKey(opportunityId));
        const line = `${key}\t${JSON.stringify(values)}\n`;
        if (this.dir === null) {
            this.memory.push(line);
            this.memoryBytes += line.length;
            if (this.memoryBytes > GROUPING.memoryBytes) this.spill();
            return;
        }
        this.toBucket(line, key);
    }

    /** Whether the records went to files (a large run). */
    get onDisk(): boolean {
        return this.dir !== null;
    }

    private spill(): void {
        this.dir = mkdtempSync(path.join(os.tmpdir(), 'deal-control-groups-'));
        this.buffers = Array.from({ length: GROUPING.buckets }, () => ({ parts: [], bytes: 0 }));
        for (const line of this.memory) this.toBucket(line, keyOf(line));
        this.memory = [];
        this.memoryBytes = 0;
    }

    private bucketFile(index: number): string {
        return path.join(this.dir!, `${index}.jsonl`);
    }

    private toBucket(line: string, key: string): void {
        const index = hashOf(key, 0) % GROUPING.buckets;
        const buffer = this.buffers[index];
        buffer.parts.push(line);
        buffer.bytes += line.length;
        if (buffer.bytes >= GROUPING.flushBytes) this.flush(index);
    }

    private flush(index: number): void {
        const buffer = this.buffers[index];
        if (buffer.parts.length === 0) return;
        appendFileSync(this.bucketFile(index), buffer.parts.join(''));
        buffer.parts = [];
        buffer.bytes = 0;
    }

    /**
     * Every Opportunity's records, one group at a time; then the store is empty. Stops between
     * groups once `signal` is aborted.
     */
    async *groups(signal?: AbortSignal): AsyncGenerator<OpportunityGroup> {
        if (this.dir === null) {
            const lines = this.memory;
            this.memory = [];
            this.memoryBytes = 0;
            for (const group of groupLines(lines)) {
                if (signal?.aborted) return;
                yield group;
            }
            return;
        }
        for (let index = 0; index < this.buffers.length; index += 1) this.flush(index);
        for (let index = 0; index < this.buffers.length; index += 1) {
            for await (const group of this.bucketGroups(this.bucketFile(index), 1)) {
                if (signal?.aborted) return;
                yield group;
            }
        }
    }

    private async *bucketGroups(file: string, level: number): AsyncGenerator<OpportunityGroup> {
        let size: number;
        try {
            size = statSync(file).size;
        } catch {
            return; // No record fell in this bucket.
        }
        if (size > GROUPING.bucketBytes && level <= MAX_SPLITS) {
            const parts = await this.split(file, level);
            for (const part of parts) yield* this.bucketGroups(part, level + 1);
            return;
        }
        const lines = readFileSync(file, 'utf8').split('\n');
        unlinkSync(file);
        yield* groupLines(lines);
    }

    /** Spreads a bucket over new ones by another hash of the same keys. */
    private async split(file: string, level: number): Promise<string[]> {
        const parts = Array.from({ length: GROUPING.buckets }, (_, i) => `${file}.${i}`);
        const buffers = parts.map(() => ({ parts: [] as string[], bytes: 0 }));
        const flush = (i: number): void => {
            if (buffers[i].parts.length === 0) return;
            appendFileSync(parts[i], buffers[i].parts.join(''));
            buffers[i] = { parts: [], bytes: 0 };
        };
        const reader = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
        for await (const line of reader) {
            if (line === '') continue;
            const i = hashOf(keyOf(line), level) % parts.length;
            buffers[i].parts.push(`${line}\n`);
            buffers[i].bytes += line.length + 1;
            if (buffers[i].bytes >= GROUPING.flushBytes) flush(i);
        }
        buffers.forEach((_, i) => flush(i));
        unlinkSync(file);
        return parts;
    }

    /** Removes the temporary files, if any; safe to call more than once. */
    dispose(): void {
        this.memory = [];
        this.memoryBytes = 0;
        if (this.dir !== null) rmSync(this.dir, { recursive: true, force: true });
        this.dir = null;
        this.buffers = [];
    }
}
