import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import path from 'node:path';
import { EVIDENCE, MODEL_VERSION } from 'c/dealControlModel';
import { readFields } from '../derived';
import { main } from '../main';
import { ReportWriter } from '../report';
import { syntheticId } from '../sampleData';

async function run(argv: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await main(
        argv,
        {},
        { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), progressStream: null, width: 120 },
        new AbortController().signal
    );
    return { code, stdout, stderr };
}

const OPP = '006000000000001AAA';
const OTHER_OPP = '006000000000002AAA';
const SA_HEADER =
    'Id,Name,Opportunity__c,Role__c,Top_Decision_Maker__c,Decision_Body_Member__c,Influence__c,Dominant_Need__c,Other_Needs__c,Change_Attitude__c,Decision_Focus__c,Contact_Closeness__c,Attitude_To_Us__c,Support_Index__c,Completeness__c,Insight_Codes__c,Model_Version__c,Scored_At__c,Camp__c';
/** A scorecard export with every column the script reads (the export command in the admin guide). */
const SC_FIELDS = readFields('C139_Scorecard__c');
function scorecardRow(values: Record<string, string>): string {
    return SC_FIELDS.map((f) => values[f] ?? '').join(',');
}

function inputDir(): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rescore-in-'));
    writeFileSync(
        path.join(dir, 'Stakeholder_Assessment__c.csv'),
        [
            SA_HEADER,
            // Up to date: Mentor (+2), all five dimensions known (100 %), no insight.
            `a01000000000001AAA,Li,${OPP},,false,false,Medium,Esteem,,Pragmatist,Business;Technical,Deep,Mentor,2,100,,${MODEL_VERSION},2026-01-01T00:00:00.000Z,`,
            // Stale: stored as Supporter (+1), inputs now say Opponent.
            `a01000000000002AAA,Wu,${OPP},,false,false,,,,,,,Opponent,1,20,,${MODEL_VERSION},2026-01-01T00:00:00.000Z,`,
            // An old import's value the model does not know.
            `a01000000000003AAA,Zhao,${OPP},,maybe,false,,,,,,,Friendly,,,,,,`,
            // Another deal's stakeholder.
            `a01000000000004AAA,Qian,${OTHER_OPP},,false,false,,,,,,,Supporter,,,,,,`
        ].join('\n') + '\n'
    );
    writeFileSync(
        path.join(dir, 'C139_Scorecard__c.csv'),
        [
            SC_FIELDS.join(','),
            scorecardRow({ Id: 'a02000000000001AAA', Opportunity__c: OPP, Coach__c: 'Identified' }),
            scorecardRow({ Id: 'a02000000000002AAA', Opportunity__c: OTHER_OPP })
        ].join('\n') + '\n'
    );
    writeFileSync(path.join(dir, 'Opportunity.csv'), `Id,Name\n${OPP},"Acme, ERP"\n`);
    return dir;
}

/** Sets each updated field of the export file from the update file (#N/A blanks it). */
function applyUpdates(exportFile: string, updateFile: string): void {
    const rows = parseCsv(readFileSync(exportFile, 'utf8'), { columns: true }) as Array<
        Record<string, string>
    >;
    const updates = parseCsv(readFileSync(updateFile, 'utf8'), { columns: true }) as Array<
        Record<string, string>
    >;
    const byId = new Map(updates.map((u) => [u.Id, u]));
    for (const row of rows) {
        for (const [field, value] of Object.entries(byId.get(row.Id) ?? {}))
            row[field] = value === '#N/A' ? '' : value;
    }
    writeFileSync(exportFile, stringifyCsv(rows, { header: true }));
}

describe('offline CSV mode', () => {
    it('writes Id plus every derived field of changed records only, with #N/A for blanks, and summary.json', async () => {
        const dir = inputDir();
        const out = path.join(dir, 'out');
        const report = path.join(dir, 'report.csv');
        const { code, stdout } = await run(['--input-dir', dir, '--output-dir', out, '--report', report]);
        expect(code).toBe(0);

        const lines = readFileSync(path.join(out, 'Stakeholder_Assessment__c.csv'), 'utf8')
            .trim()
            .split('\n');
        expect(lines[0]).toBe(
            'Id,Support_Index__c,Completeness__c,Insight_Codes__c,Model_Version__c,Scored_At__c'
        );
        const ids = lines.slice(1).map((l) => l.split(',')[0]);
        expect(ids).toEqual(['a01000000000002AAA', 'a01000000000003AAA', 'a01000000000004AAA']);
        // Li was up to date: not in the file.
        // Opponent is -2; one dimension known is 20 %.
        expect(lines[1].split(',').slice(1, 5)).toEqual(['-2', '20', '#N/A', MODEL_VERSION]);
        // Unknown attitude: blank support index, written as #N/A so Bulk API clears it.
        expect(lines[2].split(',')[1]).toBe('#N/A');

        const scorecards = readFileSync(path.join(out, 'C139_Scorecard__c.csv'), 'utf8').trim().split('\n');
        expect(scorecards).toHaveLength(3);
        // The coach is claimed but nobody on the map is a Mentor... except Li, who is: no finding.
        expect(scorecards[1]).toContain(MODEL_VERSION);

        const summary = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8'));
        expect(summary.objects.Stakeholder_Assessment__c).toMatchObject({ read: 4, changed: 3 });
        expect(summary.problemsByCode).toEqual({ UNKNOWN_VALUE: 1, NOT_A_BOOLEAN: 1 });

        const reportLines = readFileSync(report, 'utf8').trim().split('\n');
        expect(reportLines[0]).toBe('kind,object,id,opportunity_id,fields,code,detail');
        expect(reportLines.filter((l) => l.startsWith('change,'))).toHaveLength(5);
        expect(
            reportLines.some(
                (l) =>
                    l.startsWith('data,Stakeholder_Assessment__c,a01000000000003AAA') &&
                    l.includes('Friendly')
            )
        ).toBe(true);
        expect(stdout).toContain('Acme, ERP');
    });

    it('--check exits 1 on drift and writes no update files', async () => {
        const dir = inputDir();
        const out = path.join(dir, 'out');
        const { code, stdout } = await run(['--input-dir', dir, '--output-dir', out, '--check']);
        expect(code).toBe(1);
        expect(() => readFileSync(path.join(out, 'Stakeholder_Assessment__c.csv'))).toThrow();
        expect(stdout).toContain('drift');
    });

    it('--check exits 0 once the updates are applied to the data', async () => {
        const dir = inputDir();
        const out = path.join(dir, 'out');
        await run(['--input-dir', dir, '--output-dir', out]);
        // Apply the update files onto the inputs, as `sf data update bulk` would.
        for (const object of ['Stakeholder_Assessment__c', 'C139_Scorecard__c']) {
            applyUpdates(path.join(dir, `${object}.csv`), path.join(out, `${object}.csv`));
        }
        const { code } = await run(['--input-dir', dir, '--check']);
        expect(code).toBe(0);
    });

    it('says which file is missing and how to export it (exit 3)', async () => {
        const dir = mkdtempSync(path.join(os.tmpdir(), 'rescore-empty-'));
        const { code, stderr } = await run(['--input-dir', dir]);
        expect(code).toBe(3);
        expect(stderr).toContain('Stakeholder_Assessment__c.csv is missing');
        expect(stderr).toContain('sf data export bulk');
    });

    it('--opportunity limits CSV mode to those Opportunities: their records are read and written, no others', async () => {
        const dir = inputDir();
        const out = path.join(dir, 'out');
        const { stdout, code } = await run([
            '--input-dir',
            dir,
            '--output-dir',
            out,
            '--opportunity',
            OTHER_OPP,
            '--json'
        ]);
        expect(code).toBe(0);
        const json = JSON.parse(stdout);
        // Qian and the second scorecard belong to OTHER_OPP; Li, Wu and Zhao and the first scorecard do not.
        expect(json.result.objects.Stakeholder_Assessment__c).toMatchObject({ read: 1, changed: 1 });
        expect(json.result.objects.C139_Scorecard__c).toMatchObject({ read: 1, changed: 1 });
        const written = (object: string) =>
            readFileSync(path.join(out, `${object}.csv`), 'utf8')
                .trim()
                .split('\n')
                .slice(1)
                .map((l) => l.split(',')[0]);
        expect(written('Stakeholder_Assessment__c')).toEqual(['a01000000000004AAA']);
        expect(written('C139_Scorecard__c')).toEqual(['a02000000000002AAA']);
    });
});

describe('sample data (the README main-job command)', () => {
    it('prints a table of every sample Opportunity with score, band and findings', async () => {
        const { code, stdout } = await run(['--lang', 'en']);
        expect(code).toBe(0);
        const data = (file: string) =>
            JSON.parse(readFileSync(path.join(__dirname, '../../../data', file), 'utf8')).records;
        const scored = new Set(
            data('C139_Scorecard__c.json').map((s: { Opportunity__c: string }) => s.Opportunity__c.slice(1))
        );
        const opportunities = data('Opportunity.json').filter((o: { attributes: { referenceId: string } }) =>
            scored.has(o.attributes.referenceId)
        );
        expect(opportunities.length).toBeGreaterThan(0);
        for (const o of opportunities) expect(stdout).toContain(String(o.Name).slice(0, 20));
        expect(stdout).toMatch(/Opportunity\s+Score\s+Band\s+Evidence findings/);
        expect(stdout).toContain('nothing written');
    });

    it('reads the political map of the sample (its links) and shows the findings only links raise', async () => {
        const links = JSON.parse(
            readFileSync(path.join(__dirname, '../../../data/Stakeholder_Link__c.json'), 'utf8')
        ).records;
        expect(links.length).toBeGreaterThan(0);
        const { code, stdout } = await run(['--lang', 'en']);
        expect(code).toBe(0);
        const text = stdout.replace(/\s+/g, ' ');
        expect(text).toContain(`and ${links.length} links between the people`);
        for (const finding of [EVIDENCE.WIN_UNDERMINED, EVIDENCE.COACH_NO_ACCESS]) {
            expect(text).toContain(`• ${finding.message.en}`);
            expect(text).toContain(`→ ${finding.action.en}`);
        }
        const json = JSON.parse((await run(['--json'])).stdout).result;
        expect(json.objects.Stakeholder_Link__c.read).toBe(links.length);
        expect(json.linkIssuesByCode).toEqual({});
        const codes = json.table.flatMap((row: { findings: Array<{ code: string }> }) =>
            row.findings.map((f) => f.code)
        );
        expect(codes).toEqual(expect.arrayContaining(['WIN_UNDERMINED', 'COACH_NO_ACCESS']));
    });

    it('--json gives the sf CLI envelope with the table rows', async () => {
        const { stdout } = await run(['--json']);
        const json = JSON.parse(stdout);
        expect(json.status).toBe(0);
        expect(json.warnings).toEqual([]);
        expect(json.result.source).toBe('sample');
        expect(json.result.table.length).toBe(json.result.objects.C139_Scorecard__c.read);
        for (const row of json.result.table)
            expect(['Controlled', 'Leading', 'Contested', 'Behind', 'Losing']).toContain(row.band);
    });

    it('prints Chinese with --lang zh', async () => {
        const { stdout } = await run(['--lang', 'zh']);
        expect(stdout).toContain('业务机会');
        expect(stdout).toContain('内置示例数据');
    });

    it('synthesizes stable, valid Ids from referenceIds', () => {
        const id = syntheticId('Opportunity', 'OpportunityRef1');
        expect(id).toBe(syntheticId('Opportunity', 'OpportunityRef1'));
        expect(id).toMatch(/^006[A-Za-z0-9]{15}$/);
        expect(syntheticId('Opportunity', 'OpportunityRef2')).not.toBe(id);
    });

    it('--sample-dir without sample data says what to do instead (exit 3)', async () => {
        const { code, stderr } = await run(['--sample-dir', '/nonexistent/data', '--lang', 'en']);
        expect(code).toBe(3);
        expect(stderr).toContain('--input-dir');
    });

    it.each([
        ['a plan that is not JSON', { 'sample-data-plan.json': '[{' }, 'is not valid JSON'],
        [
            'a record without a referenceId',
            {
                'sample-data-plan.json': '[{"sobject":"Opportunity","files":["Opportunity.json"]}]',
                'Opportunity.json': '{"records":[{"attributes":{"type":"Opportunity"},"Name":"x"}]}'
            },
            'A record in Opportunity.json has no attributes.referenceId.'
        ],
        [
            'a reference to a record that is not there',
            {
                'sample-data-plan.json': '[{"sobject":"C139_Scorecard__c","files":["C.json"]}]',
                'C.json':
                    '{"records":[{"attributes":{"type":"C139_Scorecard__c","referenceId":"C1"},"Opportunity__c":"@Nowhere"}]}'
            },
            'C139_Scorecard__c.Opportunity__c refers to unknown record @Nowhere.'
        ],
        [
            'a plan naming a file that is missing',
            { 'sample-data-plan.json': '[{"files":["Gone.json"]}]' },
            'Cannot read the sample data file'
        ]
    ])('--sample-dir with %s: one line, exit 3', async (_label, files, message) => {
        const dir = mkdtempSync(path.join(os.tmpdir(), 'rescore-sample-'));
        for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
        const { code, stderr } = await run(['--sample-dir', dir, '--lang', 'en']);
        expect(code).toBe(3);
        expect(stderr).toContain(message);
        expect(stderr.split('\n')).toHaveLength(2);
    });

    it('--help prints the flags and exits 0', async () => {
        const { code, stdout } = await run(['--help', '--lang', 'en']);
        expect(code).toBe(0);
        expect(stdout).toContain('--max-api-calls');
        expect(stdout).toContain('Exit codes');
    });
});

describe('the --report file', () => {
    it('quotes long values only up to 200 characters (a 20 MB cell must not become a 20 MB line), and says how long they were', async () => {
        const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'report-')), 'report.csv');
        const report = new ReportWriter(file);
        await report.problem('data', {
            object: 'Stakeholder_Assessment__c',
            id: 'a01',
            code: 'UNKNOWN_VALUE',
            field: 'Influence__c',
            value: 'x'.repeat(5000)
        });
        await report.problem('failure', { object: 'C139_Scorecard__c', id: null, code: 'MISSING_ID' });
        await report.finish(true);
        const rows = parseCsv(readFileSync(file, 'utf8'), { columns: true }) as Array<Record<string, string>>;
        expect(rows[0].detail).toBe(`Influence__c="${'x'.repeat(186)}… (5015 chars)`);
        expect(rows[1]).toEqual({
            kind: 'failure',
            object: 'C139_Scorecard__c',
            id: '',
            opportunity_id: '',
            fields: '',
            code: 'MISSING_ID',
            detail: ''
        });
    });

    it('finish(false) leaves no file behind', async () => {
        const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'report-')), 'report.csv');
        const report = new ReportWriter(file);
        await report.problem('data', { object: 'C139_Scorecard__c', id: 'a02', code: 'NOT_A_BOOLEAN' });
        await report.finish(false);
        expect(() => readFileSync(file)).toThrow();
    });
});
