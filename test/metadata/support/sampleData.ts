import * as fs from 'node:fs';
import * as path from 'node:path';
import { dataDir } from './repo';

export interface TreeRecord {
    readonly attributes: { readonly type: string; readonly referenceId: string };
    readonly [field: string]: unknown;
}

export interface PlanEntry {
    readonly sobject: string;
    readonly files: readonly string[];
}

export const planPath = path.join(dataDir, 'sample-data-plan.json');

export function readPlan(): PlanEntry[] {
    return JSON.parse(fs.readFileSync(planPath, 'utf8')) as PlanEntry[];
}

export function readTreeFile(file: string): TreeRecord[] {
    const parsed = JSON.parse(fs.readFileSync(path.join(dataDir, file), 'utf8')) as { records: TreeRecord[] };
    return parsed.records;
}

/** Records by sObject type, in plan order. */
export function readSampleData(): Map<string, TreeRecord[]> {
    const out = new Map<string, TreeRecord[]>();
    for (const entry of readPlan()) {
        out.set(entry.sobject, [...(out.get(entry.sobject) ?? []), ...entry.files.flatMap(readTreeFile)]);
    }
    return out;
}

/** The fields of a record without its `attributes`. */
export function fieldsOf(record: TreeRecord): Record<string, unknown> {
    const { attributes: _attributes, ...fields } = record;
    void _attributes;
    return fields;
}
