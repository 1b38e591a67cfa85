import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MODEL_VERSION } from 'c/dealControlModel';
import { FakeOrg } from '../fakeOrg';
import { Deal, SA, SC, addDeal, rescore, tempDir, withOrg } from './harness';

/**
 * The rescore script against the fake org, tried as a hostile admin and a hostile network would:
 * Ctrl-C at the worst moments, results pages cut short, jobs that keep failing, edits that land
 * while the run reads, flags that look right and are not.
 */

let org: FakeOrg;
let stateDir: string;
afterEach(() => org.close());

async function start(options: Parameters<typeof withOrg>[0] = {}): Promise<void> {
    org = await withOrg(options);
    stateDir = tempDir('state');
}

function deals(n: number): Deal[] {
    return Array.from({ length: n }, (_, i) =>
        addDeal(
            org,
            [
                { Attitude_To_Us__c: 'Mentor' },
                { Attitude_To_Us__c: i % 2 === 0 ? 'Opponent' : 'Supporter', Top_Decision_Maker__c: true }
            ],
            { Coach__c: 'Identified', Win__c: 'Yes' },
            `Deal ${i}`
        )
    );
}

const soqlOf = (requestPath: string): string => new URL(requestPath, 'http://x').searchParams.get('q') ?? '';

const after = (index: number, kind: string): number =>
    org.log.slice(index).filter((e) => e.kind === kind).length;

describe('Ctrl-C (defect 4)', () => {
    it('a real SIGINT while a Bulk job is polled stops polling at once: no status call after it, exit 3', async () => {
        await start({ bulkJobPollsUntilComplete: 1000 });
        deals(1);
        const child = spawn(
            process.execPath,
            [
                '--import',
                'tsx',
                path.join(__dirname, '../../scripts/rescore/main.ts'),
                '--bulk',
                '--poll-interval',
                '100',
                '--lang',
                'en',
                '--state-dir',
                stateDir
            ],
            {
                env: { ...process.env, SF_INSTANCE_URL: org.url, SF_ACCESS_TOKEN: org.accessToken },
                stdio: ['ignore', 'pipe', 'pipe']
            }
        );
        let stderr = '';
        child.stderr.on('data', (d) => (stderr += d));
        const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
        // Interrupt once the query job has been polled twice (the waits are 100 ms, then 150 ms).
        await new Promise<void>((resolve) => {
            const timer = setInterval(() => {
                if (org.log.filter((e) => e.kind === 'bulkQueryPoll').length >= 2) {
                    clearInterval(timer);
                    resolve();
                }
            }, 10);
        });
        const atSigint = org.log.length;
        child.kill('SIGINT');
        const code = await exited;
        expect(code).toBe(3);
        // At most the one status call already on its way; the old loop sent hundreds with no delay.
        expect(after(atSigint, 'bulkQueryPoll')).toBeLessThanOrEqual(1);
        expect(org.log.length - atSigint).toBeLessThanOrEqual(1);
        expect(stderr).toContain('Stopping at the next safe point');
        expect(stderr).toMatch(/Interrupted with Ctrl-C while Bulk job 750\w+ was running in the org/);
    });

    it('Ctrl-C during a Bulk ingest starts nothing new: no further poll, no second query pass', async () => {
        await start({ bulkJobPollsUntilComplete: 2 });
        const all = deals(2);
        const controller = new AbortController();
        let at = -1;
        org.hooks.beforeRequest = (kind) => {
            if (kind === 'ingestPoll' && at < 0) {
                at = org.log.length;
                controller.abort();
            }
        };
        const r = await rescore(org, ['--bulk', '--apply', '--json', '--state-dir', stateDir], {
            signal: controller.signal
        });
        expect(r.code).toBe(3);
        expect(r.json.result.stopped.code).toBe('INTERRUPTED');
        expect(r.json.result.stopped.message).toMatch(/while Bulk job 750\w+ was running in the org/);
        expect(r.json.result.passes).toBe(1);
        // The poll that saw the abort was already on its way, and at most the other object's job
        // request in flight with it; no query of a new pass.
        expect(org.log.length - at).toBeLessThanOrEqual(1);
        expect(org.log.slice(at).every((e) => e.kind.startsWith('ingest'))).toBe(true);
        // The first pass's three query jobs (assessments, scorecards, links), none of a second pass.
        expect(after(0, 'bulkQueryCreate')).toBe(3);
        // Rerunning finishes the job (the fake applies a job only when polled; an org would finish
        // the closed job on its own, and the rerun would then find those records up to date).
        org.hooks.beforeRequest = undefined;
        const rerun = await rescore(org, ['--bulk', '--apply', '--json', '--state-dir', stateDir]);
        expect(rerun.code).toBe(0);
        for (const deal of all)
            expect(org.store.get(SC, deal.scorecardId)!.Model_Version__c).toBe(MODEL_VERSION);
    });
});

describe('Bulk results pages (defect 6)', () => {
    it('a page cut cleanly at a row boundary is fetched again, so every record is read', async () => {
        await start();
        deals(3);
        org.faults.add({ kind: 'bulkQueryResults', times: 1, response: 'truncatedPage' });
        const r = await rescore(org, ['--bulk', '--json', '--state-dir', stateDir]);
        expect(r.code).toBe(0);
        expect(r.json.result.objects[SA].read).toBe(6);
        expect(r.json.result.objects[SC].read).toBe(3);
        expect(r.json.result.retries).toBe(1);
        // Assessments (cut, then whole), scorecards, and the links' empty page.
        expect(org.log.filter((e) => e.kind === 'bulkQueryResults').map((e) => e.records)).toEqual([
            3, 6, 3, 0
        ]);
    });

    it('with --apply the first pass writes right values: each scorecard is written once', async () => {
        await start();
        const all = deals(4);
        org.faults.add({ kind: 'bulkQueryResults', times: 1, response: 'truncatedPage' });
        const r = await rescore(org, ['--bulk', '--apply', '--json', '--state-dir', stateDir]);
        expect(r.code).toBe(0);
        const uploads = org.log.filter((e) => e.kind === 'ingestUpload').map((e) => e.records);
        // One job per object in the first pass; the second pass finds nothing left to write.
        expect(uploads.sort()).toEqual([4, 8]);
        for (const [i, deal] of all.entries()) {
            expect(org.store.get(SC, deal.scorecardId)!.Evidence_Codes__c ?? null).toBe(
                i % 2 === 0 ? 'WIN_CONTRADICTED' : null
            );
        }
    });

    it('a page that stays short stops the run (exit 3) and nothing is written from it', async () => {
        await start();
        deals(2);
        org.faults.add({ kind: 'bulkQueryResults', times: 10, response: 'truncatedPage' });
        const r = await rescore(org, [
            '--bulk',
            '--apply',
            '--max-retries',
            '1',
            '--state-dir',
            stateDir,
            '--lang',
            'en'
        ]);
        expect(r.code).toBe(3);
        expect(r.stderr).toMatch(
            /^Error \(BULK_RESULTS_INCOMPLETE\): The results of Bulk query job 750\w+ kept arriving incomplete: 2 rows where the org announced 4\. Nothing was written from those results\./
        );
        expect(after(0, 'ingestCreate')).toBe(0);
    });
});

describe('jobs that fail (defects 5 and 9)', () => {
    it('a query job that keeps failing: one line with the job and what to do, no stack trace', async () => {
        await start();
        deals(1);
        org.faults.add({ kind: 'bulkQueryCreate', times: 10, response: 'jobFailed' });
        const r = await rescore(org, [
            '--bulk',
            '--max-retries',
            '1',
            '--state-dir',
            stateDir,
            '--lang',
            'en'
        ]);
        expect(r.code).toBe(3);
        expect(r.stderr).toMatch(
            /^Error \(BULK_JOB_FAILED\): The org failed Bulk query job 750\w+ \(InternalServerError : The query job failed to process \(injected fault\)\), 2 time\(s\) in a row\. See the job in Setup → Bulk Data Load Jobs, then rerun later: the run is safe to repeat\.\n$/
        );
    });

    it('an ingest job that fails as a whole every time: each of its rows is reported failed (exit 2), nothing hidden', async () => {
        await start();
        const [deal] = deals(1);
        org.faults.add({ kind: 'ingestClose', times: 10, response: 'jobFailed' });
        const report = path.join(tempDir('report'), 'report.csv');
        const r = await rescore(org, [
            '--bulk',
            '--apply',
            '--max-retries',
            '1',
            '--json',
            '--report',
            report,
            '--state-dir',
            stateDir
        ]);
        expect(r.code).toBe(2);
        expect(r.json.result.objects[SA]).toMatchObject({ changed: 2, written: 0, failed: 2 });
        expect(r.json.result.objects[SC]).toMatchObject({ changed: 1, written: 0, failed: 1 });
        // Two attempts of each object's job: the first and one retry.
        expect(after(0, 'ingestCreate')).toBe(4);
        const lines = readFileSync(report, 'utf8').split('\n');
        for (const id of [...deal.stakeholderIds, deal.scorecardId]) {
            expect(
                lines.some(
                    (l) =>
                        l.startsWith(`failure,`) &&
                        l.includes(id) &&
                        l.includes('BULK_JOB_FAILED,InternalServerError : The job failed to process')
                )
            ).toBe(true);
        }
        expect(org.store.get(SC, deal.scorecardId)!.Model_Version__c ?? null).toBe(null);
    });
});

describe('edits that land while the run reads (defect 7 and the nightly no-lost-update path)', () => {
    it('a run that writes nothing still re-reads a record edited after it read it', async () => {
        await start();
        const [deal] = deals(1);
        expect((await rescore(org, ['--rest', '--apply', '--state-dir', stateDir])).code).toBe(0);
        let edited = false;
        org.hooks.beforeRequest = (kind, requestPath) => {
            // The moment the pass starts reading scorecards: the stakeholders have been read.
            if (
                edited ||
                kind !== 'query' ||
                !/^SELECT Id, Opportunity__c, Coach__c/.test(soqlOf(requestPath))
            )
                return;
            edited = true;
            // Data Loader changes an input and leaves the derived values as they were.
            org.store.update(SA, deal.stakeholderIds[0], { Attitude_To_Us__c: 'Opponent' });
        };
        const r = await rescore(org, ['--rest', '--apply', '--json', '--state-dir', stateDir]);
        expect(edited).toBe(true);
        expect(r.code).toBe(0);
        // The first pass wrote nothing (what it read was up to date); the second read the edit and
        // wrote; the third checked that write.
        expect(r.json.result.passes).toBe(3);
        expect(r.json.result.objects[SA]).toMatchObject({ read: 2, written: 1 });
        expect(org.store.get(SA, deal.stakeholderIds[0])!.Support_Index__c).toBe(-2);
        expect((await rescore(org, ['--check', '--state-dir', stateDir])).code).toBe(0);
    });

    it('REST: after writing, the next pass reads only the Opportunities changed since (IN list), and fixes an edit made mid-write', async () => {
        await start();
        const all = deals(12);
        expect((await rescore(org, ['--rest', '--apply', '--state-dir', stateDir])).code).toBe(0);
        // "Modified since" has one-second resolution (the Date header): let the clock move past that run.
        await new Promise((resolve) => setTimeout(resolve, 1100));
        // Deal 3 is stale (Data Loader); while the run writes it, a rep edits deal 7.
        org.store.update(SA, all[3].stakeholderIds[0], { Attitude_To_Us__c: 'Neutral' });
        org.hooks.beforeWrite = () => {
            org.hooks.beforeWrite = undefined;
            org.store.update(SA, all[7].stakeholderIds[0], { Attitude_To_Us__c: 'Opponent' });
        };
        const mark = org.log.length;
        const r = await rescore(org, ['--rest', '--apply', '--json', '--state-dir', stateDir]);
        expect(r.code).toBe(0);
        expect(r.json.result.passes).toBeGreaterThanOrEqual(2);
        const queries = org.log.slice(mark).map((e) => decodeURIComponent(e.path));
        // The look for what changed, then a pass over exactly the two Opportunities.
        expect(
            queries.some((q) =>
                q.includes(
                    `SELECT Id, Opportunity__c, LastModifiedDate FROM ${SA} WHERE LastModifiedDate >= `
                )
            )
        ).toBe(true);
        const targeted = queries.filter((q) => q.includes(`FROM ${SA} WHERE Opportunity__c IN (`));
        expect(targeted.length).toBeGreaterThanOrEqual(1);
        const listed = targeted[0]
            .match(/IN \(([^)]*)\)/)![1]
            .split(',')
            .sort();
        expect(listed).toEqual([`'${all[3].opportunityId}'`, `'${all[7].opportunityId}'`].sort());
        expect(org.store.get(SA, all[3].stakeholderIds[0])!.Support_Index__c).toBe(0);
        expect(org.store.get(SA, all[7].stakeholderIds[0])!.Support_Index__c).toBe(-2);
        expect((await rescore(org, ['--check', '--state-dir', stateDir])).code).toBe(0);
    });
});

describe('flags that look right and are not (defect 7): refused before any API call', () => {
    it.each([
        [['--since', '2026-02-30'], 'BAD_DATETIME', '"2026-02-30" is not a real date or time'],
        [
            ['--opportunity', 'a01000000000001AAA'],
            'NOT_AN_OPPORTUNITY',
            '"a01000000000001AAA" is not an Opportunity Id'
        ],
        [
            ['--max-api-calls', '-1'],
            'BAD_FLAGS',
            '--max-api-calls must be a whole number from 1 to 1000000000, not "-1".'
        ]
    ])('%j: %s', async (argv, code, message) => {
        await start();
        const r = await rescore(org, [...argv, '--json', '--state-dir', stateDir]);
        expect(r.code).toBe(3);
        expect(r.json).toMatchObject({ name: code, exitCode: 3 });
        expect(r.json.message).toContain(message);
        expect(org.log).toHaveLength(0);
    });

    it('--report that cannot be written is found before the run costs an API call', async () => {
        await start();
        const file = path.join(tempDir('report'), 'file');
        writeFileSync(file, 'x');
        const r = await rescore(org, [
            '--report',
            path.join(file, 'report.csv'),
            '--state-dir',
            stateDir,
            '--lang',
            'en'
        ]);
        expect(r.code).toBe(3);
        expect(r.stderr).toContain('Error (NOT_A_FOLDER): the folder of --report');
        expect(org.log).toHaveLength(0);
    });

    it('--report naming the saved state of --since last is refused', async () => {
        await start();
        deals(1);
        expect((await rescore(org, ['--apply', '--state-dir', stateDir])).code).toBe(0);
        const stateFile = path.join(
            stateDir,
            `${org.url.replace(/^https?:\/\//, '').replace(/[^A-Za-z0-9.-]+/g, '_')}.json`
        );
        const state = readFileSync(stateFile, 'utf8');
        const r = await rescore(org, ['--report', stateFile, '--state-dir', stateDir, '--lang', 'en']);
        expect(r.code).toBe(3);
        expect(r.stderr).toContain('Error (OUTPUT_IS_INPUT): the report');
        expect(readFileSync(stateFile, 'utf8')).toBe(state);
    });
});

describe('--since last on a first run (defect 8)', () => {
    it('without a recorded run: exit 3 with what to do; with --if-no-state full: a full run that records its start', async () => {
        await start();
        const [deal] = deals(1);
        const refused = await rescore(org, ['--since', 'last', '--apply', '--json', '--state-dir', stateDir]);
        expect(refused.code).toBe(3);
        expect(refused.json).toMatchObject({ name: 'NO_STATE', exitCode: 3 });
        expect(refused.json.actions[0]).toContain('--if-no-state full');

        const first = await rescore(org, [
            '--since',
            'last',
            '--if-no-state',
            'full',
            '--apply',
            '--json',
            '--state-dir',
            stateDir
        ]);
        expect(first.code).toBe(0);
        expect(first.json.result.objects[SA].written).toBe(2);
        expect(org.store.get(SC, deal.scorecardId)!.Model_Version__c).toBe(MODEL_VERSION);
        const next = await rescore(org, ['--since', 'last', '--apply', '--json', '--state-dir', stateDir]);
        expect(next.code).toBe(0);
    });
});
