import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import {
    DERIVED_FIELDS,
    RawRecord,
    buildPoliticalMap,
    comparableDerivedFields,
    scoreScorecard,
    scoreStakeholder
} from 'c/dealControlModel';
import { readFields } from '../../scripts/rescore/derived';
import { loadSampleData } from '../../scripts/rescore/sampleData';
import { rescoreFiles } from './hostileFiles';

/**
 * Issue 14's "done when": CSV mode with links agrees with contract v1.1 on every record. The
 * bundled sample data (the Vitamin Group case and its political map, loaded the way
 * `npm run rescore` loads it) is exported to CSV files as `sf data export bulk` writes them, every
 * derived field blank, so every record comes back in the update files; each value there must be
 * what the model gives when called directly on the same records, with the map of their
 * Opportunity.
 */

const SA = 'Stakeholder_Assessment__c';
const SC = 'C139_Scorecard__c';
const SL = 'Stakeholder_Link__c';
const DATA = path.join(__dirname, '../../data');
const sample = loadSampleData(DATA);
const recordsOf = (object: string): readonly RawRecord[] => sample.byType.get(object) ?? [];

/** A JSON value as an export writes it: booleans as true/false, blanks as empty cells. */
function exportCell(value: unknown): string {
    return value === null || value === undefined ? '' : String(value);
}

function exportCsv(object: string): string {
    const fields = readFields(object as typeof SA);
    const derived = new Set(DERIVED_FIELDS[object] ?? []);
    const rows = recordsOf(object).map((r) => fields.map((f) => (derived.has(f) ? '' : exportCell(r[f]))));
    return stringify([fields, ...rows]);
}

/** What the model gives, record by record, called directly with each Opportunity's map. */
function modelDerived(): Map<string, object> {
    const byOpportunity = (object: string) => {
        const groups = new Map<string, RawRecord[]>();
        for (const r of recordsOf(object)) {
            const list = groups.get(String(r.Opportunity__c)) ?? [];
            list.push(r);
            groups.set(String(r.Opportunity__c), list);
        }
        return groups;
    };
    const people = byOpportunity(SA);
    const cards = byOpportunity(SC);
    const links = byOpportunity(SL);
    const out = new Map<string, object>();
    for (const opportunityId of new Set([...people.keys(), ...cards.keys()])) {
        const dealPeople = people.get(opportunityId) ?? [];
        const map = buildPoliticalMap(dealPeople, links.get(opportunityId) ?? [], { opportunityId });
        expect(map.issues).toEqual([]);
        for (const person of dealPeople)
            out.set(String(person.Id), scoreStakeholder(person, { scoredAt: 'x' }, map).derived);
        const normalized = dealPeople.map((p) => scoreStakeholder(p, { scoredAt: 'x' }, map).stakeholder);
        for (const card of cards.get(opportunityId) ?? [])
            out.set(String(card.Id), scoreScorecard(card, normalized, { scoredAt: 'x' }, map).derived);
    }
    return out;
}

/** The update files of a CSV run over the sample exports, record by record. */
async function csvRun(withLinks: boolean): Promise<Map<string, Record<string, string>>> {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rescore-agreement-'));
    const out = `${dir}-out`;
    try {
        for (const object of withLinks ? [SA, SC, SL] : [SA, SC])
            writeFileSync(path.join(dir, `${object}.csv`), exportCsv(object));
        const run = await rescoreFiles(['--input-dir', dir, '--output-dir', out]);
        expect(run.code).toBe(0);
        const rows = new Map<string, Record<string, string>>();
        for (const object of [SA, SC]) {
            const updates = parse(readFileSync(path.join(out, `${object}.csv`), 'utf8'), {
                columns: true
            }) as Array<Record<string, string>>;
            for (const row of updates) rows.set(row.Id, { ...row, object });
        }
        const summary = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8'));
        expect(summary.objects[SL].read).toBe(withLinks ? recordsOf(SL).length : 0);
        expect(summary.linkIssuesByCode).toEqual({});
        return rows;
    } finally {
        rmSync(dir, { recursive: true, force: true });
        rmSync(out, { recursive: true, force: true });
    }
}

const codesOf = (rows: Map<string, Record<string, string>>, field: string): Set<string> =>
    new Set([...rows.values()].flatMap((r) => (r[field] && r[field] !== '#N/A' ? r[field].split(';') : [])));

describe('CSV mode with links agrees with the model (contract v1.1) on every sample record', () => {
    it('gives every derived field, insight and evidence code the model computes with the political map', async () => {
        expect(recordsOf(SL).length).toBeGreaterThan(0);
        const rows = await csvRun(true);
        const model = modelDerived();
        expect([...rows.keys()].sort()).toEqual([...model.keys()].sort());
        expect(rows.size).toBe(recordsOf(SA).length + recordsOf(SC).length);
        for (const [id, row] of rows) {
            const expected = model.get(id) as Record<string, unknown>;
            for (const field of comparableDerivedFields(row.object)) {
                const value = expected[field];
                expect({ id, field, value: row[field] }).toEqual({
                    id,
                    field,
                    value: value === null || value === undefined ? '#N/A' : String(value)
                });
            }
        }
        // The sample's map raises every code of v1.1, so the agreement covers them.
        expect(codesOf(rows, 'Insight_Codes__c')).toContain('INFLUENCED_AGAINST');
        for (const code of ['WIN_UNDERMINED', 'COACH_NO_ACCESS'])
            expect(codesOf(rows, 'Evidence_Codes__c')).toContain(code);
    });

    it('without Stakeholder_Link__c.csv none of those codes is raised: the agreement above comes from the links', async () => {
        const rows = await csvRun(false);
        expect(codesOf(rows, 'Insight_Codes__c')).not.toContain('INFLUENCED_AGAINST');
        for (const code of ['WIN_UNDERMINED', 'COACH_NO_ACCESS'])
            expect(codesOf(rows, 'Evidence_Codes__c')).not.toContain(code);
    });
});
