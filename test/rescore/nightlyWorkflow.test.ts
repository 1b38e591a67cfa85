import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MODEL_VERSION } from 'c/dealControlModel';
import { FakeOrg } from '../fakeOrg';
import { RESCORE_INPUTS, requiredColumns } from '../../scripts/rescore/inputs';
import { OPPORTUNITY_INPUT } from '../../scripts/rescore/opportunityInput';
import { SA, SC, addDeal, tempDir, withOrg } from './harness';

/**
 * The nightly GitHub Actions example of docs/admin-rescore.md, run as written: its `run:` steps in
 * order, in a fresh working folder, against the fake org, on a first night (no saved state yet)
 * and a second one (the state restored by the cache step). The sign-in step is the one part that
 * cannot run offline: the fake has no OAuth endpoint, so `-o prod` becomes SF_INSTANCE_URL and
 * SF_ACCESS_TOKEN, which the script reads the same way.
 */

const ROOT = path.resolve(__dirname, '../..');
const SNAP = 'Control_Snapshot__c';

function documentedSteps(): string[] {
    const guide = readFileSync(path.join(ROOT, 'docs/admin-rescore.md'), 'utf8');
    const yaml = /## Schedule it nightly[\s\S]*?```yaml\n([\s\S]*?)```/.exec(guide)?.[1];
    if (!yaml) throw new Error('docs/admin-rescore.md has no yaml block under "Schedule it nightly"');
    return yaml
        .split('\n')
        .map((l) => /^\s*- run: (.*)$/.exec(l)?.[1])
        .filter((step): step is string => step !== undefined)
        .filter((step) => step !== 'npm ci' && !step.includes('sf org login'));
}

/** A checkout as the CI runner has it: `npm run rescore` works, nothing else is there. */
function checkout(): string {
    const dir = tempDir('nightly');
    const script = `node ${path.join(ROOT, 'node_modules/tsx/dist/cli.mjs')} --tsconfig ${path.join(ROOT, 'tsconfig.json')} ${path.join(ROOT, 'scripts/rescore/main.ts')}`;
    writeFileSync(
        path.join(dir, 'package.json'),
        JSON.stringify({ private: true, scripts: { rescore: script } })
    );
    return dir;
}

/** Runs a step with bash -e as the runner does; the fake org lives in this process, so never spawnSync. */
function runStep(
    org: FakeOrg,
    dir: string,
    command: string
): Promise<{ code: number | null; output: string }> {
    return new Promise((resolve) => {
        const child = spawn('bash', ['-e', '-o', 'pipefail', '-c', command], {
            cwd: dir,
            env: {
                ...process.env,
                SF_INSTANCE_URL: org.url,
                SF_ACCESS_TOKEN: org.accessToken,
                LANG: 'en_US.UTF-8'
            },
            stdio: ['ignore', 'pipe', 'pipe']
        });
        let output = '';
        child.stdout.on('data', (d) => (output += d));
        child.stderr.on('data', (d) => (output += d));
        child.on('exit', (code) => resolve({ code, output }));
    });
}

async function runNight(org: FakeOrg, dir: string, steps: readonly string[]): Promise<void> {
    // A fresh runner: the artifact folder is gone, the cached state is back.
    rmSync(path.join(dir, 'rescore-out'), { recursive: true, force: true });
    for (const step of steps) {
        const command = step.replace(/ -o prod\b/, '');
        const { code, output } = await runStep(org, dir, command);
        if (code !== 0) throw new Error(`step failed (exit ${code}): ${command}\n${output}`);
    }
}

describe('the nightly GitHub Actions example of the admin guide', () => {
    let org: FakeOrg;
    afterEach(() => org.close());

    it('succeeds on the first night (no saved state) and on the next, writing what the guide says', async () => {
        org = await withOrg();
        const deal = addDeal(org, [{ Attitude_To_Us__c: 'Mentor' }], { Coach__c: 'Identified' });
        const steps = documentedSteps();
        expect(steps).toEqual([
            'mkdir -p rescore-out',
            expect.stringContaining(
                '--since last --if-no-state full --apply --snapshot --report rescore-out/changes.csv --json > rescore-out/result.json'
            ),
            expect.stringContaining('--check')
        ]);
        const dir = checkout();

        await runNight(org, dir, steps);
        const first = JSON.parse(readFileSync(path.join(dir, 'rescore-out/result.json'), 'utf8'));
        expect(first).toMatchObject({ status: 0, result: { mode: 'apply' } });
        expect(first.result.objects[SA].written).toBe(1);
        expect(readFileSync(path.join(dir, 'rescore-out/changes.csv'), 'utf8')).toContain(
            `change,${SA},${deal.stakeholderIds[0]}`
        );
        expect(org.store.get(SC, deal.scorecardId)!.Model_Version__c).toBe(MODEL_VERSION);
        expect(existsSync(path.join(dir, '.rescore-state'))).toBe(true);
        // The night's control snapshot of the open deal, with the score just written.
        expect(first.result.snapshot).toMatchObject({ deals: 1, created: 1, failed: 0 });
        const [snapshot] = org.store.all(SNAP);
        expect(snapshot).toMatchObject({
            Opportunity__c: deal.opportunityId,
            Control_Score__c: org.store.get(SC, deal.scorecardId)!.Control_Score__c
        });

        // The next night: a rep's Data Loader edit since; the run picks up only that deal.
        await new Promise((resolve) => setTimeout(resolve, 1100));
        org.store.update(SA, deal.stakeholderIds[0], { Attitude_To_Us__c: 'Opponent' });
        await runNight(org, dir, steps);
        const second = JSON.parse(readFileSync(path.join(dir, 'rescore-out/result.json'), 'utf8'));
        expect(second.status).toBe(0);
        expect(second.result.objects[SA]).toMatchObject({ read: 1, written: 1 });
        expect(org.store.get(SA, deal.stakeholderIds[0])!.Support_Index__c).toBe(-2);
        // Still the same day here: the snapshot of the day is the one record, not a second one.
        expect(second.result.snapshot).toMatchObject({ deals: 1, created: 0, failed: 0 });
        expect(org.store.all(SNAP).map((s) => s.Id)).toEqual([snapshot.Id]);
    });
});

describe('the export commands of the admin guide', () => {
    it('select every column CSV mode requires, so following the guide never ends in MISSING_COLUMNS', () => {
        const guide = readFileSync(path.join(ROOT, 'docs/admin-rescore.md'), 'utf8');
        const exported = new Map(
            [...guide.matchAll(/sf data export bulk --query "SELECT ([^"]+) FROM (\w+)"/g)].map((m) => [
                m[2],
                m[1].split(/,\s*/)
            ])
        );
        // The rescore's inputs, and the Opportunities that --snapshot reads.
        const inputs = [...RESCORE_INPUTS, OPPORTUNITY_INPUT];
        expect([...exported.keys()].sort()).toEqual(inputs.map((i) => i.object).sort());
        for (const input of inputs) {
            expect(requiredColumns(input).filter((f) => !exported.get(input.object)!.includes(f))).toEqual(
                []
            );
        }
    });
});
