import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { RawRecord, t } from 'c/dealControlModel';
import { CliError, fileError } from '../shared/errors';
import { fill } from '../shared/i18n';
import { idSuffix } from '../shared/recordId';

/** Key prefixes of the objects in the sample plan, so synthesized Ids look like the real thing. */
const KEY_PREFIX: Readonly<Record<string, string>> = {
    Account: '001',
    Contact: '003',
    Opportunity: '006',
    OpportunityContactRole: '00K',
    Stakeholder_Assessment__c: 'a01',
    C139_Scorecard__c: 'a02'
};
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * A stable 18-character Id for a sample record: the same referenceId always gets the same Id, so
 * the table, the report and reruns agree without an org handing out Ids.
 */
export function syntheticId(type: string, referenceId: string): string {
    const digest = createHash('sha256').update(`${type}/${referenceId}`).digest();
    let body = '';
    for (let i = 0; i < 12; i += 1) body += BASE62.charAt(digest[i] % 62);
    const id15 = (KEY_PREFIX[type] ?? 'a0Z') + body;
    return id15 + idSuffix(id15);
}

export interface SampleRecords {
    readonly byType: ReadonlyMap<string, readonly RawRecord[]>;
}

interface TreeRecord {
    readonly attributes?: { readonly type?: string; readonly referenceId?: string };
    readonly [field: string]: unknown;
}

function sampleError(en: string, zh: string, params: Record<string, string>): CliError {
    return new CliError('BAD_SAMPLE_DATA', fill(t(en, zh), params));
}

const SAMPLE_ROLE = t('the sample data file', '示例数据文件');

function readJson<T>(file: string): T {
    let text: string;
    try {
        text = readFileSync(file, 'utf8');
    } catch (error) {
        throw fileError(error, 'read', SAMPLE_ROLE, file);
    }
    try {
        return JSON.parse(text) as T;
    } catch (error) {
        throw sampleError('{file} is not valid JSON ({reason}).', '{file} 不是有效的 JSON（{reason}）。', {
            file,
            reason: (error as Error).message
        });
    }
}

/**
 * Reads the bundled sample data (`sf data import tree` plan format) into plain records with Ids:
 * each referenceId becomes a stable Id and every "@Ref" value becomes the Id it refers to.
 */
export function loadSampleData(dir: string): SampleRecords {
    const planFile = path.join(dir, 'sample-data-plan.json');
    if (!existsSync(planFile)) {
        throw sampleError(
            'No sample data at {file}. Pass --input-dir DIR with CSV exports, or connect an org with --target-org.',
            '{file} 处没有示例数据。请用 --input-dir DIR 指定 CSV 导出，或用 --target-org 连接组织。',
            { file: planFile }
        );
    }
    const plan = readJson<Array<{ sobject?: string; files?: string[] }>>(planFile);
    const raw: Array<{ type: string; record: TreeRecord }> = [];
    const idByRef = new Map<string, string>();
    for (const step of plan) {
        for (const file of step.files ?? []) {
            const content = readJson<{ records?: TreeRecord[] }>(path.join(dir, file));
            for (const record of content.records ?? []) {
                const type = record.attributes?.type ?? step.sobject ?? '';
                const ref = record.attributes?.referenceId;
                if (!ref) {
                    throw sampleError(
                        'A record in {file} has no attributes.referenceId.',
                        '{file} 中有记录缺少 attributes.referenceId。',
                        {
                            file
                        }
                    );
                }
                idByRef.set(ref, syntheticId(type, ref));
                raw.push({ type, record });
            }
        }
    }
    const byType = new Map<string, RawRecord[]>();
    for (const { type, record } of raw) {
        const out: Record<string, unknown> = { Id: idByRef.get(record.attributes!.referenceId!) };
        for (const [field, value] of Object.entries(record)) {
            if (field === 'attributes') continue;
            if (typeof value === 'string' && value.startsWith('@')) {
                const id = idByRef.get(value.slice(1));
                if (id === undefined) {
                    throw sampleError(
                        '{field} refers to unknown record {ref}.',
                        '{field} 引用了不存在的记录 {ref}。',
                        {
                            field: `${type}.${field}`,
                            ref: value
                        }
                    );
                }
                out[field] = id;
            } else {
                out[field] = value;
            }
        }
        const list = byType.get(type) ?? [];
        list.push(out);
        byType.set(type, list);
    }
    return { byType };
}
