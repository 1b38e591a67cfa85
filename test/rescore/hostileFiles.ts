import { createHash } from 'node:crypto';
import { lstatSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readFields } from '../../scripts/rescore/derived';
import { main } from '../../scripts/rescore/main';

/** Helpers of the hostile-input suites: CSV exports as an admin would have them, and proof that none changed. */

export const SA = 'Stakeholder_Assessment__c';
export const SC = 'C139_Scorecard__c';
export const SA_FIELDS = readFields(SA);
export const SC_FIELDS = readFields(SC);
export const OPP = '006000000000001AAA';

function cell(value: string): string {
    return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A CSV line with a value for each field (blank where none is given). */
export function line(fields: readonly string[], values: Readonly<Record<string, string>>): string {
    return fields.map((f) => cell(values[f] ?? '')).join(',');
}

/** Three stakeholders and a scorecard of one deal, none scored yet: every record changes. */
export const STAKEHOLDERS: ReadonlyArray<Readonly<Record<string, string>>> = [
    {
        Id: 'a01000000000001AAA',
        Name: 'Li Wei',
        Opportunity__c: OPP,
        Attitude_To_Us__c: 'Mentor',
        Influence__c: 'High'
    },
    {
        Id: 'a01000000000002AAA',
        Name: 'Wang Fang',
        Opportunity__c: OPP,
        Attitude_To_Us__c: 'Opponent',
        Top_Decision_Maker__c: 'true'
    },
    { Id: 'a01000000000003AAA', Name: 'Zhang Min', Opportunity__c: OPP, Attitude_To_Us__c: 'Neutral' }
];
export const SCORECARD = {
    Id: 'a02000000000001AAA',
    Opportunity__c: OPP,
    Coach__c: 'Identified',
    Win__c: 'Yes'
};

export function stakeholderCsv(
    rows: ReadonlyArray<Readonly<Record<string, string>>> = STAKEHOLDERS,
    eol = '\n'
): string {
    return [SA_FIELDS.join(','), ...rows.map((r) => line(SA_FIELDS, r))].join(eol) + eol;
}

export function scorecardCsv(rows: ReadonlyArray<Readonly<Record<string, string>>> = [SCORECARD]): string {
    return [SC_FIELDS.join(','), ...rows.map((r) => line(SC_FIELDS, r))].join('\n') + '\n';
}

/** A folder of CSV exports; each file's content can be replaced (a Buffer for raw bytes). */
export function exportDir(files: Partial<Record<string, string | Buffer>> = {}): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rescore-hostile-'));
    const all: Record<string, string | Buffer | undefined> = {
        [`${SA}.csv`]: stakeholderCsv(),
        [`${SC}.csv`]: scorecardCsv(),
        'Opportunity.csv': `Id,Name\n${OPP},Acme ERP\n`,
        ...files
    };
    for (const [name, content] of Object.entries(all))
        if (content !== undefined) writeFileSync(path.join(dir, name), content);
    return dir;
}

/** Every file under a folder (recursively) with a SHA-256 of its bytes, links with their targets. */
export function fingerprint(dir: string): Record<string, string> {
    const out: Record<string, string> = {};
    const walk = (current: string): void => {
        for (const name of readdirSync(current).sort()) {
            const file = path.join(current, name);
            const stat = lstatSync(file);
            const key = path.relative(dir, file);
            if (stat.isSymbolicLink()) out[key] = `link:${readlinkSync(file)}`;
            else if (stat.isDirectory()) {
                out[`${key}/`] = 'dir';
                walk(file);
            } else out[key] = createHash('sha256').update(readFileSync(file)).digest('hex');
        }
    };
    walk(dir);
    return out;
}

export interface Run {
    readonly code: number;
    readonly stdout: string;
    readonly stderr: string;
}

/** Runs `npm run rescore -- argv` in-process (English), with an optional abort signal. */
export async function rescoreFiles(
    argv: readonly string[],
    signal = new AbortController().signal
): Promise<Run> {
    let stdout = '';
    let stderr = '';
    const code = await main(
        argv.includes('--lang') ? argv : ['--lang', 'en', ...argv],
        {},
        { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), progressStream: null, width: 120 },
        signal
    );
    return { code, stdout, stderr };
}
