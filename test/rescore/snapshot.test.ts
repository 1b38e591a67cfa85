import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { MODEL_VERSION } from 'c/dealControlModel';
import { FakeOrg } from '../fakeOrg';
import { Deal, SC, addDeal, rescore, tempDir, withOrg } from './harness';
import { OPP, SCORECARD, exportDir, fingerprint, rescoreFiles, scorecardCsv } from './hostileFiles';

/**
 * `--snapshot` (MODEL.md Part E): one Control_Snapshot__c per open Opportunity with a scorecard,
 * upserted on Snapshot_Key__c, against the fake org (REST sObject Collections up to the Bulk
 * threshold, Bulk API 2.0 above) and in CSV mode (Control_Snapshot__c.csv).
 */

const SNAP = 'Control_Snapshot__c';
const TODAY = new Date().toISOString().slice(0, 10);
const MENTOR_IN_BODY = { Attitude_To_Us__c: 'Mentor', Decision_Body_Member__c: true, Influence__c: 'High' };

let org: FakeOrg;
let stateDir: string;

/** An open deal with a stage, probability, amount and close date of its own. */
function openDeal(name: string, opportunity: Record<string, unknown> = {}): Deal {
    const deal = addDeal(org, [MENTOR_IN_BODY], { Coach__c: 'Identified', Win__c: 'Yes' }, name);
    org.store.update('Opportunity', deal.opportunityId, {
        StageName: 'Negotiation/Review',
        Probability: 90,
        Amount: 125000.5,
        CloseDate: '2027-03-31',
        ...opportunity
    });
    return deal;
}

function snapshots(): Array<Record<string, unknown>> {
    return org.store.all(SNAP);
}

function snapshotOf(deal: Deal, date = TODAY): Record<string, unknown> | undefined {
    return snapshots().find((s) => s.Snapshot_Key__c === `${deal.opportunityId}:${date}`);
}

const writesOfSnapshots = () =>
    org.log.filter((e) => e.kind === 'collectionsUpsert' || e.kind === 'ingestCreate');

describe('--snapshot against an org', () => {
    beforeEach(async () => {
        org = await withOrg();
        stateDir = tempDir('state');
    });
    afterEach(() => org.close());

    const run = (...argv: string[]) =>
        rescore(org, ['--snapshot', '--json', '--state-dir', stateDir, ...argv]);

    it('--apply upserts one snapshot per open deal with a scorecard, copying the scorecard as just scored and the Opportunity that day', async () => {
        const a = openDeal('A');
        const b = openDeal('B', {
            StageName: 'Prospecting',
            Probability: 10,
            Amount: null,
            CloseDate: '2027-01-15'
        });
        const won = openDeal('Won', { StageName: 'Closed Won' });
        const [noScorecard] = org.store.insert('Opportunity', [
            { Name: 'No scorecard', StageName: 'Prospecting' }
        ]);

        const r = await run('--apply');
        expect(r.code).toBe(0);
        expect(r.json.result.snapshot).toMatchObject({
            date: TODAY,
            transport: 'rest',
            deals: 2,
            new: 2,
            changed: 0,
            unchanged: 0,
            created: 2,
            updated: 0,
            failed: 0
        });
        expect(snapshots()).toHaveLength(2);
        expect(snapshotOf(won)).toBeUndefined();
        expect(snapshots().some((s) => s.Opportunity__c === noScorecard)).toBe(false);

        // The scorecard now holds what the run wrote; the snapshot carries the same values.
        const card = org.store.get(SC, a.scorecardId)!;
        expect(card.Model_Version__c).toBe(MODEL_VERSION);
        expect(snapshotOf(a)).toMatchObject({
            Opportunity__c: a.opportunityId,
            Snapshot_Date__c: TODAY,
            Control_Score__c: card.Control_Score__c,
            Control_Band__c: card.Control_Band__c,
            Band_Rank__c: card.Band_Rank__c,
            Coach_Factor__c: card.Coach_Factor__c,
            Warning_Count__c: card.Warning_Count__c,
            Model_Version__c: MODEL_VERSION,
            Stage_Name__c: 'Negotiation/Review',
            Probability__c: 90,
            Amount__c: 125000.5,
            Close_Date__c: '2027-03-31',
            Forecast_Category__c: 'Pipeline'
        });
        expect(snapshotOf(b)).toMatchObject({
            Stage_Name__c: 'Prospecting',
            Probability__c: 10,
            Amount__c: null
        });
        // Upserted on the key, 200 a request: one request for both.
        expect(org.log.filter((e) => e.kind === 'collectionsUpsert')).toHaveLength(1);
        expect(org.log.find((e) => e.kind === 'collectionsUpsert')!.path).toContain(
            `/composite/sobjects/${SNAP}/Snapshot_Key__c`
        );
    });

    it('a rerun the same day creates nothing and sends nothing; changed values update that day’s snapshot in place', async () => {
        const a = openDeal('A');
        const b = openDeal('B');
        expect((await run('--apply')).json.result.snapshot.created).toBe(2);
        const before = snapshotOf(a)!;

        const again = await run('--apply');
        expect(again.code).toBe(0);
        expect(again.json.result.snapshot).toMatchObject({
            deals: 2,
            new: 0,
            unchanged: 2,
            created: 0,
            updated: 0
        });
        expect(org.log.filter((e) => e.kind === 'collectionsUpsert')).toHaveLength(1);
        expect(snapshotOf(a)).toEqual(before);

        // The rep moves deal B on and the scorecard of A is edited: both snapshots of the day change.
        org.store.update('Opportunity', b.opportunityId, {
            StageName: 'Proposal/Price Quote',
            Probability: 75
        });
        org.store.update(SC, a.scorecardId, { Win__c: 'Against' });
        const third = await run('--apply');
        expect(third.json.result.snapshot).toMatchObject({
            new: 0,
            changed: 2,
            created: 0,
            updated: 2,
            failed: 0
        });
        expect(snapshots()).toHaveLength(2);
        expect(snapshotOf(b)).toMatchObject({ Stage_Name__c: 'Proposal/Price Quote', Probability__c: 75 });
        expect(snapshotOf(a)!.Control_Score__c).toBe(org.store.get(SC, a.scorecardId)!.Control_Score__c);
        expect(snapshotOf(a)!.Control_Score__c).not.toBe(before.Control_Score__c);
        expect(snapshotOf(a)!.Id).toBe(before.Id);
    });

    it('above --bulk-threshold the snapshots go by Bulk API 2.0 upsert jobs, new and existing ones apart', async () => {
        const deals = ['A', 'B', 'C'].map((n) => openDeal(n));
        const first = await run('--apply', '--bulk-threshold', '2');
        expect(first.code).toBe(0);
        expect(first.json.result.snapshot).toMatchObject({
            transport: 'bulk',
            deals: 3,
            created: 3,
            updated: 0
        });
        expect(org.log.filter((e) => e.kind === 'collectionsUpsert')).toHaveLength(0);
        for (const deal of deals)
            expect(snapshotOf(deal)).toMatchObject({ Opportunity__c: deal.opportunityId });

        // The next run the same day: one deal changed, one new; the unchanged two are not sent.
        org.store.update('Opportunity', deals[0].opportunityId, { Amount: 99 });
        const d = openDeal('D');
        const ingestBefore = org.log.filter((e) => e.kind === 'ingestCreate').length;
        const second = await run('--apply', '--bulk');
        expect(second.code).toBe(0);
        expect(second.json.result.snapshot).toMatchObject({
            transport: 'bulk',
            deals: 4,
            new: 1,
            changed: 1,
            unchanged: 2,
            created: 1,
            updated: 1
        });
        // One job for the new snapshot (with its Opportunity), one for the changed one (without).
        const jobs = org.log.filter((e) => e.kind === 'ingestCreate').slice(ingestBefore);
        expect(jobs.length).toBeGreaterThanOrEqual(2);
        expect(snapshots()).toHaveLength(4);
        expect(snapshotOf(deals[0])!.Amount__c).toBe(99);
        expect(snapshotOf(d)).toMatchObject({ Opportunity__c: d.opportunityId });
    });

    it('--snapshot-date back-fills a missed night: its own key and date, today’s snapshot untouched', async () => {
        const a = openDeal('A');
        await run('--apply');
        const r = await run('--apply', '--snapshot-date', '2026-01-15');
        expect(r.code).toBe(0);
        expect(r.json.result.snapshot).toMatchObject({ date: '2026-01-15', new: 1, created: 1 });
        expect(snapshotOf(a, '2026-01-15')).toMatchObject({
            Snapshot_Date__c: '2026-01-15',
            Opportunity__c: a.opportunityId
        });
        expect(snapshots()).toHaveLength(2);
        // Days to close follow the snapshot's date, not the day the run happened.
        expect(snapshotOf(a, '2026-01-15')!.Days_To_Close__c).toBe(440);
    });

    it('a dry run says what it would write and writes nothing', async () => {
        const a = openDeal('A');
        const r = await run();
        expect(r.code).toBe(0);
        expect(r.json.result.snapshot).toMatchObject({ deals: 1, new: 1, created: 0, transport: 'none' });
        expect(r.json.result.snapshot.sample).toEqual([
            expect.objectContaining({
                key: `${a.opportunityId}:${TODAY}`,
                status: 'NEW',
                stage: 'Negotiation/Review',
                probability: '90',
                closeDate: '2027-03-31'
            })
        ]);
        expect(snapshots()).toHaveLength(0);
        expect(writesOfSnapshots()).toHaveLength(0);

        const human = await rescore(org, ['--snapshot', '--lang', 'en', '--state-dir', stateDir]);
        expect(human.stdout).toContain(
            `Control snapshots of ${TODAY}: 1 open deals with a scorecard; 1 new, 0 changed, 0 unchanged (not sent).`
        );
        expect(human.stdout).toContain(`${a.opportunityId}:${TODAY} new: `);
        expect(human.stdout).not.toContain('Written (');
    });

    it('a snapshot the org refuses is reported with its key and the org’s code (exit 2); the others are written', async () => {
        const a = openDeal('A');
        const b = openDeal('B');
        const refused = `${b.opportunityId}:${TODAY}`;
        org.faults.add({
            kind: 'collectionsUpsert',
            times: 1,
            response: 'validationRule',
            recordIds: [refused]
        });
        const report = path.join(tempDir('report'), 'report.csv');
        const r = await run('--apply', '--report', report);
        expect(r.code).toBe(2);
        expect(r.json.result.snapshot).toMatchObject({ created: 1, failed: 1 });
        expect(snapshotOf(a)).toBeDefined();
        expect(snapshotOf(b)).toBeUndefined();
        const rows = parse(readFileSync(report, 'utf8'), { columns: true }) as Array<Record<string, string>>;
        expect(rows).toContainEqual(
            expect.objectContaining({
                kind: 'failure',
                object: SNAP,
                id: refused,
                code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION'
            })
        );
        expect(
            rows
                .filter((row) => row.kind === 'snapshot')
                .map((row) => row.id)
                .sort()
        ).toEqual([`${a.opportunityId}:${TODAY}`, refused].sort());

        // The next run sends the refused one again and nothing else.
        const again = await run('--apply');
        expect(again.code).toBe(0);
        expect(again.json.result.snapshot).toMatchObject({ new: 1, unchanged: 1, created: 1 });
    });

    it('a Bulk row the org refuses is reported by its key (exit 2)', async () => {
        const a = openDeal('A');
        const refused = `${a.opportunityId}:${TODAY}`;
        // Scores brought up to date first, so the only ingest job of the run is the snapshots'.
        await rescore(org, ['--apply', '--state-dir', stateDir]);
        org.faults.add({ kind: 'ingestClose', times: 1, response: 'validationRule', recordIds: [refused] });
        const r = await run('--apply', '--bulk');
        expect(r.code).toBe(2);
        expect(r.json.result.snapshot).toMatchObject({ transport: 'bulk', created: 0, failed: 1 });
        expect(snapshotOf(a)).toBeUndefined();
    });

    it('Ctrl-C while snapshots are sent: requests on their way finish, nothing more is sent; a rerun completes the day', async () => {
        for (let i = 0; i < 250; i += 1) openDeal(`Deal ${i}`);
        await rescore(org, ['--apply', '--state-dir', stateDir]);
        const controller = new AbortController();
        org.hooks.beforeRequest = (kind) => {
            if (kind === 'collectionsUpsert') controller.abort();
        };
        const r = await rescore(
            org,
            ['--snapshot', '--apply', '--concurrency', '1', '--json', '--state-dir', stateDir],
            { signal: controller.signal }
        );
        org.hooks.beforeRequest = undefined;
        expect(r.code).toBe(3);
        expect(r.json.result.stopped.code).toBe('INTERRUPTED');
        // The first request of 200 was on its way and finished; the other 50 were never sent.
        expect(org.log.filter((e) => e.kind === 'collectionsUpsert')).toHaveLength(1);
        expect(r.json.result.snapshot).toMatchObject({ created: 200 });
        expect(r.json.result.stopped.resume).toContain('200 records were written before the stop');
        expect(snapshots()).toHaveLength(200);

        const rerun = await run('--apply');
        expect(rerun.code).toBe(0);
        expect(rerun.json.result.snapshot).toMatchObject({
            deals: 250,
            new: 50,
            unchanged: 200,
            created: 50
        });
        expect(snapshots()).toHaveLength(250);
    });

    it('--opportunity takes the snapshots of those deals only', async () => {
        const a = openDeal('A');
        const b = openDeal('B');
        const r = await run('--apply', '--opportunity', a.opportunityId);
        expect(r.json.result.snapshot).toMatchObject({ deals: 1, created: 1 });
        expect(snapshotOf(a)).toBeDefined();
        expect(snapshotOf(b)).toBeUndefined();
    });
});

describe('--snapshot in CSV mode', () => {
    const OPP2 = '006000000000002AAA';
    const OPP3 = '006000000000003AAA';
    const OPPORTUNITY_COLUMNS =
        'Id,Name,IsClosed,StageName,Probability,Amount,CloseDate,ForecastCategoryName';
    const OPPORTUNITIES = [
        OPPORTUNITY_COLUMNS,
        `${OPP},Acme ERP,false,Negotiation/Review,90,125000.5,2027-03-31,Commit`,
        `${OPP2},Closed deal,true,Closed Won,100,5000,2026-10-01,Closed`,
        `${OPP3},No scorecard,false,Prospecting,10,,2027-06-30,Pipeline`
    ].join('\n');
    const SCORECARDS = scorecardCsv([
        SCORECARD,
        { ...SCORECARD, Id: 'a02000000000002AAA', Opportunity__c: OPP2 }
    ]);

    let dir: string;
    let before: Record<string, string>;
    const out = () => `${dir}-out`;
    const readCsv = (file: string) =>
        parse(readFileSync(path.join(out(), file), 'utf8'), { columns: true }) as Array<
            Record<string, string>
        >;

    /** The run of CSV mode with --snapshot, on the exports of setUp and into out(). */
    const snapshotFiles = (...argv: string[]) =>
        rescoreFiles(['--input-dir', dir, '--output-dir', out(), '--snapshot', ...argv]);

    function setUp(files: Parameters<typeof exportDir>[0] = {}): void {
        dir = exportDir({ 'Opportunity.csv': `${OPPORTUNITIES}\n`, [`${SC}.csv`]: SCORECARDS, ...files });
        before = fingerprint(dir);
    }

    afterEach(() => {
        // Whatever happened, the exports are as the admin left them (a throw here fails the test).
        const now = JSON.stringify(fingerprint(dir));
        if (now !== JSON.stringify(before)) throw new Error(`input files changed: ${now}`);
    });

    it('writes Control_Snapshot__c.csv for an upsert on Snapshot_Key__c: open deals with a scorecard, the scorecard as just scored', async () => {
        setUp();
        const r = await snapshotFiles('--snapshot-date', '2026-11-15');
        expect(r.code).toBe(0);
        const [scorecard] = readCsv(`${SC}.csv`).filter((row) => row.Id === SCORECARD.Id);
        expect(readCsv(`${SNAP}.csv`)).toEqual([
            {
                Snapshot_Key__c: `${OPP}:2026-11-15`,
                Opportunity__c: OPP,
                Snapshot_Date__c: '2026-11-15',
                Control_Score__c: scorecard.Control_Score__c,
                Control_Band__c: scorecard.Control_Band__c,
                Band_Rank__c: scorecard.Band_Rank__c,
                Coach_Factor__c: scorecard.Coach_Factor__c,
                Warning_Count__c: scorecard.Warning_Count__c,
                Model_Version__c: MODEL_VERSION,
                Stage_Name__c: 'Negotiation/Review',
                Probability__c: '90',
                Amount__c: '125000.5',
                Close_Date__c: '2027-03-31',
                Forecast_Category__c: 'Commit'
            }
        ]);
        expect(r.stdout).toContain('Control snapshots of 2026-11-15: 1 open deals with a scorecard.');
        expect(r.stdout).toContain(
            `sf data upsert bulk --sobject Control_Snapshot__c --external-id Snapshot_Key__c --file ${path.join(out(), `${SNAP}.csv`)}`
        );
        expect(JSON.parse(readFileSync(path.join(out(), 'summary.json'), 'utf8')).snapshot).toMatchObject({
            transport: 'csv',
            deals: 1,
            new: null
        });
    });

    it('a scorecard already up to date still gets its snapshot (nothing to update, something to record)', async () => {
        setUp();
        await snapshotFiles();
        const [scored] = readCsv(`${SC}.csv`);
        // The export as the org holds it after the update file was loaded.
        const current = { ...SCORECARD, ...scored };
        setUp({ [`${SC}.csv`]: scorecardCsv([current]) });
        const r = await snapshotFiles('--json');
        expect(r.code).toBe(0);
        expect(JSON.parse(r.stdout).result.objects[SC].changed).toBe(0);
        expect(readCsv(`${SNAP}.csv`)).toEqual([
            expect.objectContaining({
                Snapshot_Key__c: `${OPP}:${TODAY}`,
                Control_Score__c: scored.Control_Score__c
            })
        ]);
    });

    it('without --output-dir, a dry run prints what it would write', async () => {
        setUp();
        const r = await rescoreFiles(['--input-dir', dir, '--snapshot', '--snapshot-date', '2026-11-15']);
        expect(r.code).toBe(0);
        expect(r.stdout).toContain('Control snapshots of 2026-11-15: 1 open deals with a scorecard.');
        expect(r.stdout).toContain(`${OPP}:2026-11-15: `);
        expect(existsSync(out())).toBe(false);
    });

    it('a missing Opportunity.csv stops the run before anything is written, with the export command', async () => {
        setUp({ 'Opportunity.csv': undefined });
        const r = await snapshotFiles();
        expect(r.code).toBe(3);
        expect(r.stderr).toContain('Error (MISSING_FILE)');
        expect(r.stderr).toContain(path.join(dir, 'Opportunity.csv'));
        expect(r.stderr).toContain(
            'SELECT Id, Name, IsClosed, StageName, Probability, Amount, CloseDate, ForecastCategoryName FROM Opportunity'
        );
        expect(existsSync(out()) ? readdirSync(out()) : []).toEqual([]);
    });

    it('an Opportunity.csv without IsClosed (the names-only export) stops the run, naming the column', async () => {
        setUp({ 'Opportunity.csv': `Id,Name\n${OPP},Acme ERP\n` });
        const r = await snapshotFiles();
        expect(r.code).toBe(3);
        expect(r.stderr).toContain('IsClosed');
        expect(existsSync(path.join(out(), `${SNAP}.csv`))).toBe(false);
        expect(existsSync(path.join(out(), `${SC}.csv`))).toBe(false);
    });

    it('--output-dir equal to --input-dir is refused: the snapshots never land on the exports', async () => {
        setUp();
        const r = await rescoreFiles(['--input-dir', dir, '--output-dir', dir, '--snapshot']);
        expect(r.code).toBe(3);
        expect(existsSync(path.join(dir, `${SNAP}.csv`))).toBe(false);
        // afterEach proves the exports unchanged.
    });

    it('a bad --snapshot-date stops the run before any file is read', async () => {
        setUp();
        const r = await snapshotFiles('--snapshot-date', '2026-02-30');
        expect(r.code).toBe(3);
        expect(r.stderr).toContain('"2026-02-30" is not a real date or time');
        expect(existsSync(out())).toBe(false);
    });

    it('an Opportunity with a value that cannot be copied is reported, not written', async () => {
        setUp({
            'Opportunity.csv': `${OPPORTUNITY_COLUMNS}\n${OPP},Acme ERP,false,Negotiation/Review,ninety,1,2027-03-31,Commit\n`
        });
        const report = path.join(tempDir('report'), 'report.csv');
        const r = await snapshotFiles('--report', report);
        expect(r.stdout).toContain('1 open deals have Opportunity values that cannot be copied');
        expect(
            readFileSync(path.join(out(), `${SNAP}.csv`), 'utf8')
                .trim()
                .split('\n')
        ).toHaveLength(1);
        const rows = parse(readFileSync(report, 'utf8'), { columns: true }) as Array<Record<string, string>>;
        expect(rows).toContainEqual(
            expect.objectContaining({
                kind: 'data',
                object: 'Opportunity',
                id: OPP,
                code: 'BAD_VALUE',
                detail: 'Probability="ninety"'
            })
        );
    });
});
