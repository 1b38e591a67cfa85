/**
 * Benchmark of the calibrate command (`npm run bench:calibrate -- [--snapshots 1000000] [--per-deal 40]`).
 * Not a test: it writes a CSV export of N control snapshots (every field of Control_Snapshot__c,
 * quoted like a Bulk API export, each deal's snapshots spread through the file) and an
 * Opportunity.csv, then runs the real command (`tsx scripts/calibrate/main.ts --input-dir … --json
 * --out …`) in its own process and prints its wall time and peak RSS. The target: 1M snapshots
 * under 300 MB.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { bandDef, bandOfScore } from 'c/dealControlModel';
import { seededRandom } from '../shared/seededRandom';
import { id, writeLines } from './csvDataset';
import { ROOT, runMeasured } from './measuredRun';

const MAIN = path.join(ROOT, 'scripts/calibrate/main.ts');
const DAY_MS = 86_400_000;
const FIRST_CLOSE_DAY = Date.UTC(2025, 0, 1) / DAY_MS;
const TODAY = Date.UTC(2026, 10, 30) / DAY_MS;
const STAGES: ReadonlyArray<readonly [string, number]> = [
    ['Qualification', 10],
    ['Value Proposition', 50],
    ['Id. Decision Makers', 60],
    ['Proposal/Price Quote', 75],
    ['Negotiation/Review', 90]
];

const iso = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const quoted = (cells: readonly (string | number)[]) => cells.map((c) => `"${c}"`);

/**
 * Deals: four in five closed over 23 months, each with `perDeal` snapshots from 50 to 11 days before
 * close (daily at 40 a deal; further apart with fewer, so each deal still has one 30 days out).
 */
async function writeDataset(
    dir: string,
    snapshots: number,
    perDeal: number
): Promise<{ deals: number; closed: number }> {
    const deals = Math.ceil(snapshots / perDeal);
    const rng = seededRandom(7);
    const step = Math.max(1, Math.floor(40 / perDeal));
    const control = new Uint8Array(deals);
    const closeDay = new Int32Array(deals);
    const closed = new Uint8Array(deals);
    const won = new Uint8Array(deals);
    for (let d = 0; d < deals; d += 1) {
        control[d] = Math.round(rng() * 100);
        closed[d] = d % 5 === 0 ? 0 : 1;
        closeDay[d] = closed[d] ? FIRST_CLOSE_DAY + (d % 690) : TODAY + 30 + (d % 200);
        won[d] = closed[d] && rng() < 0.1 + 0.8 * (control[d] / 100) ? 1 : 0;
    }
    await writeLines(
        path.join(dir, 'Opportunity.csv'),
        ['Id', 'Name', 'IsClosed', 'IsWon', 'CloseDate', 'StageName', 'Amount'],
        (d) =>
            quoted([
                id('006', d),
                `Benchmark deal ${d + 1}, phase ${(d % 3) + 1}`,
                closed[d] ? 'true' : 'false',
                won[d] ? 'true' : 'false',
                iso(closeDay[d]),
                closed[d] ? (won[d] ? 'Closed Won' : 'Closed Lost') : 'Proposal/Price Quote',
                100000 + (d % 50) * 10000
            ]),
        deals
    );
    await writeLines(
        path.join(dir, 'Control_Snapshot__c.csv'),
        [
            'Id',
            'Snapshot_Key__c',
            'Opportunity__c',
            'Snapshot_Date__c',
            'Control_Score__c',
            'Control_Band__c',
            'Band_Rank__c',
            'Coach_Factor__c',
            'Warning_Count__c',
            'Model_Version__c',
            'Stage_Name__c',
            'Probability__c',
            'Amount__c',
            'Close_Date__c',
            'Forecast_Category__c',
            'Days_To_Close__c'
        ],
        (i) => {
            // Deal-major order would let a reader keep one deal at a time; exports are not that kind.
            const d = i % deals;
            const k = Math.floor(i / deals);
            const last = closed[d] ? closeDay[d] - 11 : TODAY;
            const day = last - (perDeal - 1 - k) * step;
            const score = Math.max(0, Math.min(100, control[d] + Math.round((rng() - 0.5) * 20)));
            const band = bandOfScore(score);
            const [stage, probability] =
                STAGES[Math.min(STAGES.length - 1, Math.floor((k * STAGES.length) / perDeal))];
            const opportunity = id('006', d);
            return quoted([
                id('a04', i),
                `${opportunity}:${iso(day)}`,
                opportunity,
                iso(day),
                score,
                band,
                bandDef(band).rank,
                0.9,
                score < 50 ? 1 : 0,
                'C139-v1.0.0',
                stage,
                probability,
                100000 + (d % 50) * 10000,
                iso(closeDay[d]),
                'Pipeline',
                closeDay[d] - day
            ]);
        },
        snapshots
    );
    return { deals, closed: closed.reduce((sum, c) => sum + c, 0) };
}

async function main(): Promise<void> {
    const { values } = parseArgs({
        options: { snapshots: { type: 'string' }, 'per-deal': { type: 'string' } },
        allowPositionals: false
    });
    const snapshots = Number(values.snapshots ?? 1_000_000);
    const perDeal = Number(values['per-deal'] ?? 40);
    if (!Number.isInteger(snapshots) || snapshots < 1 || !Number.isInteger(perDeal) || perDeal < 1) {
        throw new Error('--snapshots and --per-deal take whole numbers from 1');
    }
    const dir = mkdtempSync(path.join(os.tmpdir(), 'calibrate-bench-'));
    try {
        const generating = process.hrtime.bigint();
        const { deals, closed } = await writeDataset(dir, snapshots, perDeal);
        const generated = Number(process.hrtime.bigint() - generating) / 1e9;
        const megabytes = (statSync(path.join(dir, 'Control_Snapshot__c.csv')).size / 2 ** 20).toFixed(0);
        process.stdout.write(
            `Generated ${snapshots.toLocaleString('en')} snapshots of ${deals.toLocaleString('en')} deals (${closed.toLocaleString('en')} closed), ${megabytes} MB, in ${generated.toFixed(1)} s.\n`
        );
        const run = await runMeasured(MAIN, [
            '--input-dir',
            dir,
            '--json',
            '--out',
            path.join(dir, 'chart.svg')
        ]);
        let included = '—';
        try {
            included = (JSON.parse(run.stdout) as { result: { deals: number } }).result.deals.toLocaleString(
                'en'
            );
        } catch {
            process.stderr.write(`No JSON output:\n${run.stderr.slice(-2000)}\n`);
        }
        process.stdout.write(
            [
                '',
                '| snapshots | closed deals | deals included | CSV MB | wall s | snapshots/s | peak RSS MB | exit |',
                '| --- | --- | --- | --- | --- | --- | --- | --- |',
                `| ${snapshots.toLocaleString('en')} | ${closed.toLocaleString('en')} | ${included} | ${megabytes} | ${run.wall.toFixed(1)} | ${Math.round(snapshots / run.wall).toLocaleString('en')} | ${Math.round(run.rssKb / 1024)} | ${run.code} |`,
                '',
                `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}.`,
                ''
            ].join('\n')
        );
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

void main().catch((error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
});
