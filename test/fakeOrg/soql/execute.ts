import { sequenceOf } from '../ids';
import { FieldDef } from '../schema';
import { FakeStore, Table } from '../store';
import { SObjectRecord } from '../values';
import { compilePredicate } from './evaluate';
import { OrderItem, SoqlQuery } from './parser';

/**
 * The rows of a query, fixed when it runs (as a Salesforce query cursor is): the sequence numbers of
 * the matching records in result order. Field values are read when a page is served.
 */
export interface ResultSet {
    readonly query: SoqlQuery;
    readonly table: Table;
    readonly sequences: Uint32Array;
}

export function executeQuery(store: FakeStore, query: SoqlQuery): ResultSet {
    const table = store.table(query.object.name);
    const predicate = query.where ? compilePredicate(query.where) : undefined;
    let matches = new Uint32Array(Math.max(16, predicate ? 1024 : table.liveCount()));
    let n = 0;
    for (const seq of table.liveSequences()) {
        if (predicate && !predicate(table.read(seq))) continue;
        if (n === matches.length) {
            const bigger = new Uint32Array(matches.length * 2);
            bigger.set(matches);
            matches = bigger;
        }
        matches[n++] = seq;
    }
    let sequences: Uint32Array = matches.subarray(0, n);
    if (needsSort(query.orderBy)) sequences = sortSequences(table, sequences, query.orderBy);
    const from = Math.min(query.offset ?? 0, sequences.length);
    const to = query.limit === undefined ? sequences.length : Math.min(sequences.length, from + query.limit);
    return { query, table, sequences: sequences.slice(from, to) };
}

/** Sequences are already in Id order; only other orders need a sort. */
function needsSort(orderBy: readonly OrderItem[]): boolean {
    return (
        orderBy.length > 0 &&
        !(orderBy.length === 1 && orderBy[0].field.type === 'id' && !orderBy[0].descending)
    );
}

type SortKey = string | number | boolean | null;

/**
 * Sorts by per-field key arrays rather than whole records, so millions of synthetic rows sort
 * without being held in memory. Id and reference keys become sequence numbers (same order).
 */
function sortSequences(table: Table, sequences: Uint32Array, orderBy: readonly OrderItem[]): Uint32Array {
    const keys = orderBy.map(() => new Array<SortKey>(sequences.length));
    for (let i = 0; i < sequences.length; i++) {
        const record = table.read(sequences[i]);
        orderBy.forEach((item, k) => (keys[k][i] = sortKey(item.field, record)));
    }
    const order = Array.from({ length: sequences.length }, (_, i) => i);
    order.sort((a, b) => {
        for (let k = 0; k < orderBy.length; k++) {
            const c = compareKeys(keys[k][a], keys[k][b], orderBy[k]);
            if (c !== 0) return c;
        }
        return sequences[a] - sequences[b];
    });
    return Uint32Array.from(order, (i) => sequences[i]);
}

function sortKey(field: FieldDef, record: SObjectRecord): SortKey {
    const value = record[field.name];
    if (value === null || value === undefined) return null;
    if (typeof value !== 'string') return value;
    if (field.type === 'id' || field.type === 'reference') {
        const seq = sequenceOf(value, value.slice(0, 3));
        return seq ?? value;
    }
    return value.toLowerCase();
}

function compareKeys(a: SortKey, b: SortKey, item: OrderItem): number {
    if (a === b) return 0;
    if (a === null) return item.nullsLast ? 1 : -1;
    if (b === null) return item.nullsLast ? -1 : 1;
    const c = typeof a === typeof b ? (a < b ? -1 : 1) : typeof a === 'number' ? -1 : 1;
    return item.descending ? -c : c;
}

/** A record with only the selected fields, in SELECT order. */
export function project(record: SObjectRecord, fields: readonly FieldDef[]): SObjectRecord {
    const out: SObjectRecord = {};
    for (const f of fields) out[f.name] = record[f.name] ?? null;
    return out;
}
