import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { exportDir, fingerprint } from '../rescore/hostileFiles';
import { CLOSED_BEFORE, SA, purge, readReceipt } from './harness';

/** CSV mode of the purge: exports in, files for `sf data delete|update bulk` and a receipt out, exports untouched. */

const WON = '006000000000001AAA';
const OPEN = '006000000000002AAA';
const RECENT = '006000000000003AAA';

const OPPORTUNITIES = [
    'Id,IsClosed,CloseDate,StageName',
    `${WON},true,2023-05-01,Closed Won`,
    `${OPEN},false,2023-03-01,Negotiation/Review`,
    `${RECENT},TRUE,2024-03-01,Closed Lost`
].join('\n');

const ASSESSMENTS = [
    'Id,Name,Opportunity__c,Contact__c,Title__c,Evidence__c,Notes__c,Next_Action__c,Verification__c,Favored_Vendor__c,Support_Index__c',
    `a01000000000002AAA,张伟,${WON},003000000000001AAA,CFO,"said so, twice",,,,,2`,
    `a01000000000001AAA,李娜,${WON.slice(0, 15)},,CTO,,,,,,-1`,
    `a01000000000003AAA,王芳,${OPEN},,CEO,,,,,,0`,
    `a01000000000004AAA,刘洋,${RECENT},,CIO,,,,,,1`
].join('\n');

let dir: string;
let before: Record<string, string>;
beforeEach(() => {
    dir = exportDir({
        'Opportunity.csv': `${OPPORTUNITIES}\n`,
        [`${SA}.csv`]: `${ASSESSMENTS}\n`,
        'C139_Scorecard__c.csv': undefined
    });
    before = fingerprint(dir);
});
afterEach(() => {
    const now = JSON.stringify(fingerprint(dir));
    if (now !== JSON.stringify(before)) throw new Error(`input files changed: ${now}`);
});

const out = (): string => `${dir}-out`;
const rows = (file: string): Array<Record<string, string>> =>
    parse(readFileSync(file, 'utf8'), { columns: true });

it('writes the Ids to delete for sf data delete bulk, and a receipt, for deals closed before the date only', async () => {
    const r = await purge(null, [
        '--input-dir',
        dir,
        '--output-dir',
        out(),
        '--closed-before',
        CLOSED_BEFORE,
        '--lang',
        'en'
    ]);
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(out(), `${SA}.csv`), 'utf8')).toBe(
        'Id\na01000000000001AAA\na01000000000002AAA\n'
    );
    expect(readReceipt(path.join(out(), 'receipt.csv'))).toEqual(
        ['a01000000000001AAA', 'a01000000000002AAA'].map((id) => ({
            object: SA,
            id,
            opportunity_id: WON,
            action: 'delete',
            result: 'planned',
            code: ''
        }))
    );
    expect(r.stdout).toContain(`sf data delete bulk --sobject <object> --file ${out()}/<object>.csv`);
    expect(r.stderr).toContain('1 open Opportunities have a close date before 2024-01-01');
});

it('--anonymize writes the neutral name and #N/A for every personal field, numbered per deal in Id order', async () => {
    const r = await purge(null, [
        '--input-dir',
        dir,
        '--output-dir',
        out(),
        '--closed-before',
        CLOSED_BEFORE,
        '--anonymize'
    ]);
    expect(r.code).toBe(0);
    const written = rows(path.join(out(), `${SA}.csv`));
    expect(Object.keys(written[0])).toEqual([
        'Id',
        'Name',
        'Contact__c',
        'Title__c',
        'Evidence__c',
        'Notes__c',
        'Next_Action__c',
        'Verification__c',
        'Favored_Vendor__c'
    ]);
    expect(written.map((w) => [w.Id, w.Name, w.Title__c, w.Evidence__c])).toEqual([
        ['a01000000000001AAA', 'Stakeholder 1', '#N/A', '#N/A'],
        ['a01000000000002AAA', 'Stakeholder 2', '#N/A', '#N/A']
    ]);
    // Nothing personal in the files the run leaves behind.
    expect(
        readFileSync(path.join(out(), `${SA}.csv`), 'utf8') +
            readFileSync(path.join(out(), 'receipt.csv'), 'utf8')
    ).not.toMatch(/张|李|CFO|twice/);
});

it('without --output-dir: counts only, writes nothing', async () => {
    const r = await purge(null, ['--input-dir', dir, '--closed-before', CLOSED_BEFORE, '--json']);
    expect(r.code).toBe(0);
    expect(r.json.result).toMatchObject({
        mode: 'csv',
        opportunities: { purged: 1, keptOpen: 1 },
        objects: { [SA]: { planned: 2 } }
    });
    expect(existsSync(out())).toBe(false);
});

it.each([
    ['an open Opportunity named with --opportunity', () => ['--opportunity', OPEN], 'OPEN_OPPORTUNITY'],
    ['--output-dir equal to --input-dir', () => ['--output-dir', dir], 'OUTPUT_IS_INPUT'],
    ['--receipt naming an export', () => ['--receipt', path.join(dir, 'Opportunity.csv')], 'OUTPUT_IS_INPUT']
])('refuses %s (exit 3) and writes nothing', async (_label, extra, code) => {
    const r = await purge(null, ['--input-dir', dir, '--closed-before', CLOSED_BEFORE, '--json', ...extra()]);
    expect(r.code).toBe(3);
    expect(r.json.name).toBe(code);
    expect(existsSync(out())).toBe(false);
});

it('a malformed IsClosed value stops the run with the file and line', async () => {
    writeFileSync(
        path.join(dir, 'Opportunity.csv'),
        `${OPPORTUNITIES}\n006000000000004AAA,yes,2020-01-01,Closed Won\n`
    );
    before = fingerprint(dir);
    const r = await purge(null, [
        '--input-dir',
        dir,
        '--output-dir',
        out(),
        '--closed-before',
        CLOSED_BEFORE,
        '--lang',
        'en'
    ]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(
        `Error (MALFORMED_CSV): ${path.join(dir, 'Opportunity.csv')} line 5: "yes" in the IsClosed column is not true or false.`
    );
    expect(existsSync(path.join(out(), `${SA}.csv`))).toBe(false);
});

it('an empty Opportunity export names the export command', async () => {
    writeFileSync(path.join(dir, 'Opportunity.csv'), '');
    before = fingerprint(dir);
    const r = await purge(null, ['--input-dir', dir, '--closed-before', CLOSED_BEFORE, '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('Error (EMPTY_FILE)');
    expect(r.stderr).toContain('SELECT Id, IsClosed, CloseDate, StageName FROM Opportunity');
});
