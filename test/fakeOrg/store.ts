import { FakeClock } from './clock';
import { autoNumberName, snapshotAutoNumberName } from './names';
import { addSyntheticData } from './synthetic';
import { makeId, sequenceOf, to18 } from './ids';
import {
    FieldDef,
    OBJECTS,
    OPPORTUNITY,
    OPPORTUNITY_STAGES,
    ObjectDef,
    SCORECARD,
    SNAPSHOT,
    objectNamed
} from './schema';
import { FieldValue, SObjectRecord, canonicalDateTime, isValidDate } from './values';

/**
 * A block of consecutive record sequence numbers. Synthetic blocks compute each record from its
 * sequence number on demand; inserted blocks read them from the overlay map.
 */
interface Segment {
    readonly start: number;
    end: number;
    readonly generate?: (sequence: number) => SObjectRecord;
}

/** One object's records. Sequence numbers are encoded in the Ids, so Id order is creation order. */
export class Table {
    readonly def: ObjectDef;
    nextSequence = 0;
    readonly segments: Segment[] = [];
    /** Inserted records and every synthetic record changed since it was generated. */
    readonly stored = new Map<number, SObjectRecord>();
    deletedCount = 0;
    /** Value → sequence of the live record holding it, per unique field; built on first use. */
    private readonly uniqueIndexes = new Map<string, Map<string, number>>();

    constructor(def: ObjectDef) {
        this.def = def;
    }

    /**
     * The live record holding a value of a unique field (an upsert's external id), or null. The
     * index is built on the first lookup, so objects nobody looks up by value (a million synthetic
     * scorecards) never pay for it.
     */
    findUnique(field: FieldDef, value: FieldValue): number | null {
        const key = uniqueKeyOf(field, value);
        if (key === null) return null;
        let index = this.uniqueIndexes.get(field.name);
        if (!index) {
            index = new Map();
            for (const seq of this.liveSequences()) {
                const held = uniqueKeyOf(field, this.read(seq)[field.name]);
                if (held !== null && !index.has(held)) index.set(held, seq);
            }
            this.uniqueIndexes.set(field.name, index);
        }
        return index.get(key) ?? null;
    }

    /** Keeps the built unique indexes in step with a record's change (after: undefined when deleted). */
    noteChange(seq: number, before: SObjectRecord | undefined, after: SObjectRecord | undefined): void {
        for (const [name, index] of this.uniqueIndexes) {
            const field = this.def.fields.get(name)!;
            const old = before && uniqueKeyOf(field, before[name]);
            const now = after && uniqueKeyOf(field, after[name]);
            if (old === now) continue;
            if (old !== null && old !== undefined && index.get(old) === seq) index.delete(old);
            if (now !== null && now !== undefined && !index.has(now)) index.set(now, seq);
        }
    }

    idOf(sequence: number): string {
        return makeId(this.def.keyPrefix, sequence);
    }

    /** The sequence number of an Id of this object that exists (deleted or not), or null. */
    sequenceOfId(id: string): number | null {
        const id18 = to18(id);
        if (!id18) return null;
        const seq = sequenceOf(id18, this.def.keyPrefix);
        return seq !== null && seq < this.nextSequence && this.idOf(seq) === id18 ? seq : null;
    }

    private segmentOf(sequence: number): Segment {
        let lo = 0;
        let hi = this.segments.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (this.segments[mid].start <= sequence) lo = mid;
            else hi = mid - 1;
        }
        return this.segments[lo];
    }

    /** The record (deleted ones included) without copying: callers must not modify it. */
    read(sequence: number): SObjectRecord {
        const stored = this.stored.get(sequence);
        if (stored) return stored;
        const segment = this.segmentOf(sequence);
        if (!segment.generate) throw new Error(`No record ${sequence} in ${this.def.name}`);
        return segment.generate(sequence);
    }

    isDeleted(sequence: number): boolean {
        return this.deletedCount > 0 && this.stored.get(sequence)?.IsDeleted === true;
    }

    /** Sequence numbers of the live records, in Id order. */
    *liveSequences(): Generator<number> {
        for (const segment of this.segments) {
            for (let seq = segment.start; seq < segment.end; seq++) {
                if (!this.isDeleted(seq)) yield seq;
            }
        }
    }

    liveCount(): number {
        return this.nextSequence - this.deletedCount;
    }

    allocate(count: number, generate?: (sequence: number) => SObjectRecord): number {
        const start = this.nextSequence;
        this.nextSequence += count;
        const last = this.segments[this.segments.length - 1];
        if (last && !last.generate && !generate && last.end === start) last.end = this.nextSequence;
        else this.segments.push({ start, end: this.nextSequence, generate });
        return start;
    }
}

export interface SyntheticOptions {
    scorecards: number;
    stakeholdersPerScorecard?: number;
    seed?: number;
    /** Share of records whose stored derived values are stale or missing (default 0.1). */
    staleRate?: number;
    /** Share of stakeholders and scorecards holding a value no longer in a picklist (default 0.005). */
    badValueRate?: number;
    /** Average links per deal between its stakeholders, 0 to twice as many per deal (default 0). */
    linksPerScorecard?: number;
}

export interface SyntheticSummary {
    opportunityIds: { first: string; last: string };
    scorecards: number;
    stakeholders: number;
    links: number;
}

/**
 * The org's data: what tests seed, what the server reads and writes. Store methods act like a user
 * in the UI (no API limits, no validation beyond field names) so tests can also plant bad data.
 */
export class FakeStore {
    readonly clock = new FakeClock();
    private readonly tables = new Map<string, Table>();

    constructor() {
        for (const def of OBJECTS.values()) this.tables.set(def.name, new Table(def));
    }

    table(object: string): Table {
        const def = objectNamed(object);
        const table = def && this.tables.get(def.name);
        if (!table)
            throw new Error(
                `The fake org has no object ${object}; it knows ${[...OBJECTS.keys()].join(', ')}`
            );
        return table;
    }

    insert(object: string, records: ReadonlyArray<Record<string, unknown>>): string[] {
        const table = this.table(object);
        const start = table.allocate(records.length);
        return records.map((raw, i) => {
            const seq = start + i;
            const now = this.clock.tick();
            const record = this.blankRecord(table, seq, now);
            Object.assign(record, normalizeFields(table.def, raw, ['Id']));
            if (raw.CreatedDate !== undefined)
                record.CreatedDate = normalizeValue(table.def, 'CreatedDate', raw.CreatedDate);
            deriveSystemFields(table.def, record);
            table.stored.set(seq, record);
            table.noteChange(seq, undefined, record);
            return record.Id as string;
        });
    }

    /**
     * Creates a record with values an API handler has already validated (an upsert that matched
     * nothing), stamped with the request's or job's time. Returns its Id.
     */
    create(table: Table, values: SObjectRecord, at: string): string {
        const seq = table.allocate(1);
        const record = { ...this.blankRecord(table, seq, at), ...values };
        deriveSystemFields(table.def, record);
        table.stored.set(seq, record);
        table.noteChange(seq, undefined, record);
        return record.Id as string;
    }

    private blankRecord(table: Table, seq: number, now: string): SObjectRecord {
        const record: SObjectRecord = {};
        for (const f of table.def.fields.values()) record[f.name] = f.type === 'boolean' ? false : null;
        record.Id = table.idOf(seq);
        if (table.def.name === SCORECARD) record.Name = autoNumberName(seq);
        if (table.def.name === SNAPSHOT) record.Name = snapshotAutoNumberName(seq);
        record.CreatedDate = now;
        record.LastModifiedDate = now;
        record.SystemModstamp = now;
        return record;
    }

    /** A copy of a live or deleted record, or undefined when the Id never existed. */
    get(object: string, id: string): SObjectRecord | undefined {
        const table = this.table(object);
        const seq = table.sequenceOfId(id);
        return seq === null ? undefined : { ...table.read(seq) };
    }

    /** Copies of every live record in Id order. Materialises them all: not for synthetic millions. */
    all(object: string): SObjectRecord[] {
        const table = this.table(object);
        return [...table.liveSequences()].map((seq) => ({ ...table.read(seq) }));
    }

    count(object: string): number {
        return this.table(object).liveCount();
    }

    /** Edits a record as a rep would in the UI: bumps LastModifiedDate and SystemModstamp. */
    update(object: string, id: string, fields: Record<string, unknown>): void {
        const table = this.table(object);
        const seq = this.liveSequence(table, id);
        const values = normalizeFields(table.def, fields, [
            'Id',
            'CreatedDate',
            'LastModifiedDate',
            'SystemModstamp'
        ]);
        this.write(table, seq, values);
    }

    /**
     * Applies validated values and stamps the modification time (used by the API handlers too).
     * The handlers pass one time for all records of a request or job: Salesforce stamps the records
     * saved in one transaction alike, and a job of 60,000 rows must not push the clock a minute
     * into the future one millisecond per row.
     */
    write(table: Table, seq: number, values: SObjectRecord, at: string = this.clock.tick()): void {
        const now = at;
        const before = table.read(seq);
        const record = { ...before, ...values, LastModifiedDate: now, SystemModstamp: now };
        deriveSystemFields(table.def, record);
        table.stored.set(seq, record);
        table.noteChange(seq, before, record);
    }

    /** Moves a record to the recycle bin (IsDeleted = true); the API then answers ENTITY_IS_DELETED. */
    delete(object: string, id: string, at: string = this.clock.tick()): void {
        const table = this.table(object);
        const seq = this.liveSequence(table, id);
        const now = at;
        const before = table.read(seq);
        table.stored.set(seq, { ...before, IsDeleted: true, SystemModstamp: now });
        table.deletedCount++;
        table.noteChange(seq, before, undefined);
    }

    private liveSequence(table: Table, id: string): number {
        const seq = table.sequenceOfId(id);
        if (seq === null || table.isDeleted(seq)) throw new Error(`No live ${table.def.name} with Id ${id}`);
        return seq;
    }

    /** Adds N Opportunities, each with a scorecard and K stakeholders, computed on demand. */
    addSynthetic(options: SyntheticOptions): SyntheticSummary {
        return addSyntheticData(this, options);
    }
}

/** How a unique field compares a value (null for blank: blanks never collide). */
export function uniqueKeyOf(field: FieldDef, value: FieldValue | undefined): string | null {
    if (value === null || value === undefined || value === '') return null;
    return field.caseSensitive ? String(value) : String(value).toLowerCase();
}

/** Fields the platform computes on every save. */
export function deriveSystemFields(def: ObjectDef, record: SObjectRecord): void {
    if (def.name === OPPORTUNITY) {
        const stage = OPPORTUNITY_STAGES.find((s) => s.stage === record.StageName);
        record.IsClosed = stage?.closed ?? false;
        record.IsWon = stage?.won ?? false;
        // The platform sets the stage's forecast category unless someone chose one.
        if (record.ForecastCategoryName === null || record.ForecastCategoryName === undefined)
            record.ForecastCategoryName = stage?.forecastCategory ?? null;
    }
    if (def.name === SNAPSHOT)
        record.Days_To_Close__c = daysBetween(record.Snapshot_Date__c, record.Close_Date__c);
}

/** Close_Date__c − Snapshot_Date__c in days, blank when either is blank (the formula's BlankAsBlank). */
function daysBetween(from: FieldValue | undefined, to: FieldValue | undefined): number | null {
    if (typeof from !== 'string' || typeof to !== 'string' || !isValidDate(from) || !isValidDate(to))
        return null;
    return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function normalizeFields(def: ObjectDef, raw: Record<string, unknown>, ignored: string[]): SObjectRecord {
    const out: SObjectRecord = {};
    for (const [key, value] of Object.entries(raw)) {
        if (key === 'attributes' || ignored.includes(key)) continue;
        const f = def.fieldsByLowerName.get(key.toLowerCase());
        if (!f) throw new Error(`${def.name} has no field ${key}`);
        out[f.name] = normalizeValue(def, f.name, value);
    }
    return out;
}

/** Lenient conversion of test-provided values (arrays, Dates, strings) to the stored form. */
function normalizeValue(def: ObjectDef, name: string, value: unknown): FieldValue {
    const f = def.fields.get(name)!;
    if (value === null || value === undefined || value === '') return f.type === 'boolean' ? false : null;
    if (Array.isArray(value)) return value.length === 0 ? null : value.join(';');
    if (value instanceof Date)
        return f.type === 'date' ? value.toISOString().slice(0, 10) : value.toISOString();
    if (f.type === 'boolean') return value === true || value === 'true';
    if (f.type === 'double' || f.type === 'percent' || f.type === 'currency') {
        const n = Number(value);
        return Number.isFinite(n) ? n : (String(value) as FieldValue);
    }
    if (f.type === 'datetime' && typeof value === 'string') return canonicalDateTime(value) ?? value;
    if (f.type === 'date' && typeof value === 'string' && !isValidDate(value)) return value.slice(0, 10);
    if ((f.type === 'reference' || f.type === 'id') && typeof value === 'string') return to18(value) ?? value;
    return value as FieldValue;
}
