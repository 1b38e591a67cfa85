import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MODEL_VERSION } from 'c/dealControlModel';
import { main } from '../main';
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
const SA_HEADER =
    'Id,Name,Opportunity__c,Role__c,Top_Decision_Maker__c,Decision_Body_Member__c,Influence__c,Dominant_Need__c,Other_Needs__c,Change_Attitude__c,Decision_Focus__c,Contact_Closeness__c,Attitude_To_Us__c,Support_Index__c,Completeness__c,Insight_Codes__c,Model_Version__c,Scored_At__c';

function inputDir(): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rescore-in-'));
    writeFileSync(
        path.join(dir, 'Stakeholder_Assessment__c.csv'),
        [
            SA_HEADER,
            // Up to date: Mentor (+2), all five dimensions known (100 %), no insight.
            `a01000000000001AAA,Li,${OPP},,false,false,Medium,Esteem,,Pragmatist,Business;Technical,Deep,Mentor,2,100,,${MODEL_VERSION},2026-01-01T00:00:00.000Z`,
            // Stale: stored as Supporter (+1), inputs now say Opponent.
            `a01000000000002AAA,Wu,${OPP},,false,false,,,,,,,Opponent,1,20,,${MODEL_VERSION},2026-01-01T00:00:00.000Z`,
            // An old import's value the model does not know, and a row with too few cells.
            `a01000000000003AAA,Zhao,${OPP},,maybe,false,,,,,,,Friendly,,,,,`,
            `a01000000000004AAA,Short,${OPP}`
        ].join('\n') + '\n'
    );
    writeFileSync(
        path.join(dir, 'C139_Scorecard__c.csv'),
        ['Id,Opportunity__c,Coach__c,Win__c', `a02000000000001AAA,${OPP},Identified,`].join('\n') + '\n'
    );
    writeFileSync(path.join(dir, 'Opportunity.csv'), `Id,Name\n${OPP},"Acme, ERP"\n`);
    return dir;
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
        // Opponent is -2; one dimension known is 20 %.
        expect(lines[1].split(',').slice(1, 5)).toEqual(['-2', '20', '#N/A', MODEL_VERSION]);
        // Unknown attitude: blank support index, written as #N/A so Bulk API clears it.
        expect(lines[2].split(',')[1]).toBe('#N/A');

        const scorecards = readFileSync(path.join(out, 'C139_Scorecard__c.csv'), 'utf8').trim().split('\n');
        expect(scorecards).toHaveLength(2);
        // The coach is claimed but nobody on the map is a Mentor... except Li, who is: no finding.
        expect(scorecards[1]).toContain(MODEL_VERSION);

        const summary = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8'));
        expect(summary.objects.Stakeholder_Assessment__c).toMatchObject({ read: 4, changed: 3 });
        expect(summary.problemsByCode).toEqual({ UNKNOWN_VALUE: 1, NOT_A_BOOLEAN: 1, MALFORMED_CSV: 1 });

        const reportLines = readFileSync(report, 'utf8').trim().split('\n');
        expect(reportLines[0]).toBe('kind,object,id,opportunity_id,fields,code,detail');
        expect(reportLines.filter((l) => l.startsWith('change,'))).toHaveLength(4);
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
        // Apply the update file onto the input, as `sf data update bulk` would.
        const updates = readFileSync(path.join(out, 'Stakeholder_Assessment__c.csv'), 'utf8')
            .trim()
            .split('\n');
        const header = updates[0].split(',');
        const byId = new Map(updates.slice(1).map((l) => [l.split(',')[0], l.split(',')]));
        const input = readFileSync(path.join(dir, 'Stakeholder_Assessment__c.csv'), 'utf8')
            .trim()
            .split('\n');
        const inHeader = input[0].split(',');
        const merged = input.slice(1).map((line) => {
            const cells = line.split(',');
            const update = byId.get(cells[0]);
            const row = inHeader.map((_, i) => cells[i] ?? '');
            if (update)
                header
                    .slice(1)
                    .forEach(
                        (f, i) => (row[inHeader.indexOf(f)] = update[i + 1] === '#N/A' ? '' : update[i + 1])
                    );
            return row.join(',');
        });
        writeFileSync(
            path.join(dir, 'Stakeholder_Assessment__c.csv'),
            [input[0], ...merged].join('\n') + '\n'
        );
        const sc = readFileSync(path.join(out, 'C139_Scorecard__c.csv'), 'utf8').trim().split('\n');
        const scHeader = ['Opportunity__c', 'Coach__c', 'Win__c', ...sc[0].split(',')];
        const scRow = [OPP, 'Identified', '', ...sc[1].split(',').map((v) => (v === '#N/A' ? '' : v))];
        writeFileSync(path.join(dir, 'C139_Scorecard__c.csv'), `${scHeader.join(',')}\n${scRow.join(',')}\n`);

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

    it('--opportunity limits CSV mode to those Opportunities', async () => {
        const { stdout, code } = await run([
            '--input-dir',
            inputDir(),
            '--opportunity',
            '006000000000002AAA',
            '--json'
        ]);
        expect(code).toBe(0);
        const json = JSON.parse(stdout);
        expect(json.result.objects.Stakeholder_Assessment__c.read).toBe(0);
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

    it('--help prints the flags and exits 0', async () => {
        const { code, stdout } = await run(['--help', '--lang', 'en']);
        expect(code).toBe(0);
        expect(stdout).toContain('--max-api-calls');
        expect(stdout).toContain('Exit codes');
    });
});
