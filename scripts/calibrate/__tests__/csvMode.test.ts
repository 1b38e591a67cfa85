import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { calibrate, exportDir, opportunityId, tempDir } from './helpers';

// Four closed deals worked out by hand (MODEL.md Part E, H = 30):
//   A won,  closes 2026-03-31: snapshots 02-20 (39 days), 03-01 (30 days: the horizon one), 03-10 (21: too late)
//   B lost, closes 2026-03-31: snapshots 02-01 and 03-01 (30 days: the horizon one)
//   C won,  closes 2026-04-30: snapshots 03-31 (30 days: the horizon one) and 04-15 (too late)
//   D lost, closes 2026-04-30: snapshots 03-20 (41 days) and 03-31 (30 days: the horizon one)
//   E is open: its row and its snapshot are read and left aside.
// Horizon snapshots: A 85 Controlled 75 %, B 35 Behind 75 %, C 60 Leading 50 %, D 20 Behind 90 %.
const [A, B, C, D, E] = [1, 2, 3, 4, 5].map(opportunityId);
const OPPORTUNITIES = [
    'Id,Name,IsClosed,IsWon,CloseDate,StageName',
    `${A},"Acme, ERP",true,true,2026-03-31,Closed Won`,
    `${B},Beta,true,false,2026-03-31,Closed Lost`,
    `${C},Gamma,true,true,2026-04-30,Closed Won`,
    `${D},Delta,true,false,2026-04-30,Closed Lost`,
    `${E},Epsilon,false,false,2026-06-30,Prospecting`
];
const SNAPSHOTS = [
    'Snapshot_Key__c,Opportunity__c,Snapshot_Date__c,Control_Score__c,Control_Band__c,Probability__c,Stage_Name__c',
    `${A}:2026-02-20,${A},2026-02-20,70,Leading,60,Value Proposition`,
    `${A}:2026-03-01,${A},2026-03-01,85,Controlled,75,Proposal/Price Quote`,
    `${A}:2026-03-10,${A},2026-03-10,95,Controlled,90,Negotiation/Review`,
    `${B}:2026-02-01,${B},2026-02-01,40,Contested,50,Value Proposition`,
    `${B}:2026-03-01,${B},2026-03-01,35,Behind,75,Proposal/Price Quote`,
    `${C}:2026-03-31,${C},2026-03-31,60,Leading,50,Value Proposition`,
    `${C}:2026-04-15,${C},2026-04-15,90,Controlled,90,Negotiation/Review`,
    `${D}:2026-03-20,${D},2026-03-20,62,Leading,90,Negotiation/Review`,
    `${D}:2026-03-31,${D},2026-03-31,20,Behind,90,Negotiation/Review`,
    `${E}:2026-05-01,${E},2026-05-01,50,Contested,10,Prospecting`
];
const csv = (lines: readonly string[]) => `${lines.join('\n')}\n`;
const fourDeals = () => exportDir(csv(OPPORTUNITIES), csv(SNAPSHOTS));

const digest = (dir: string) =>
    Object.fromEntries(
        readdirSync(dir).map((f) => [
            f,
            createHash('sha256')
                .update(readFileSync(path.join(dir, f)))
                .digest('hex')
        ])
    );

describe('calibrate --input-dir: the figures of Part E from CSV exports', () => {
    it('prints exactly the result keys of Part E, unrounded, and agrees with the hand computation', async () => {
        const r = await calibrate(['--input-dir', fourDeals(), '--json']);
        expect(r.code).toBe(0);
        expect(Object.keys(r.json)).toEqual(['status', 'result', 'warnings']);
        expect(r.json.status).toBe(0);
        const result = r.json.result;
        expect(Object.keys(result)).toEqual(['horizonDays', 'deals', 'bands', 'brier', 'auc']);
        expect([result.horizonDays, result.deals]).toEqual([30, 4]);
        for (const band of result.bands)
            expect(Object.keys(band)).toEqual(['band', 'n', 'won', 'winRate', 'wilsonLow', 'wilsonHigh']);
        expect(
            result.bands.map((b: { band: string; n: number; won: number; winRate: number | null }) => [
                b.band,
                b.n,
                b.won,
                b.winRate
            ])
        ).toEqual([
            ['Controlled', 1, 1, 1],
            ['Leading', 1, 1, 1],
            ['Contested', 0, 0, null],
            ['Behind', 2, 0, 0],
            ['Losing', 0, 0, null]
        ]);
        // 1 of 1: (1 + 1.9208) / 4.8416 − (1.96 / 4.8416) · 0.98 = 0.206543; 0 of 2: upper 1.9208 / 2.9208.
        expect(result.bands[0].wilsonLow).toBeCloseTo(0.2065, 4);
        expect(result.bands[0].wilsonHigh).toBe(1);
        expect(result.bands[3].wilsonLow).toBe(0);
        expect(result.bands[3].wilsonHigh).toBeCloseTo(0.6576, 4);
        expect([result.bands[2].wilsonLow, result.bands[2].wilsonHigh]).toEqual([null, null]);
        // Control: (0.0225 + 0.1225 + 0.16 + 0.04) / 4; stage: (0.0625 + 0.5625 + 0.25 + 0.81) / 4.
        expect(Object.keys(result.brier)).toEqual(['control', 'stage']);
        expect(result.brier.control).toBeCloseTo(0.08625, 6);
        expect(result.brier.stage).toBeCloseTo(0.42125, 6);
        // Control: 85 and 60 beat 35 and 20 (4 of 4). Stage: only 75 against 75, a tie: 0.5 of 4.
        expect(Object.keys(result.auc)).toEqual(['control', 'stage']);
        expect(result.auc.control).toBe(1);
        expect(result.auc.stage).toBeCloseTo(0.125, 6);
    });

    it('says there are too few deals to conclude anything, in English and in Chinese', async () => {
        const dir = fourDeals();
        const en = await calibrate(['--input-dir', dir, '--lang', 'en']);
        expect(en.code).toBe(0);
        expect(en.stdout.replace(/\s+/g, ' ')).toContain(
            'Too few closed deals to conclude anything: 4 closed deals had a snapshot at least 30 days before close, and at least 30 are needed'
        );
        expect(en.stdout).not.toMatch(/ranked wins above losses/);
        const zh = await calibrate(['--input-dir', dir, '--lang', 'zh', '--json']);
        expect(zh.json.warnings).toEqual([
            '已关闭的业务机会太少，无法得出任何结论：只有 4 个已关闭的业务机会在关闭前至少 30 天有快照，至少需要 30 个，且须既有赢单也有丢单。'
        ]);
    });

    it('uses --horizon and --since as Part E defines them', async () => {
        const dir = fourDeals();
        // H = 40: A's 02-20 is 39 days out (too late); B's 02-01 counts; C has nothing that early; D's 03-20 (41 days).
        const h40 = await calibrate(['--input-dir', dir, '--json', '--horizon', '40']);
        expect(h40.json.result.horizonDays).toBe(40);
        expect(h40.json.result.deals).toBe(2);
        expect(h40.json.result.bands.map((b: { n: number }) => b.n)).toEqual([0, 1, 1, 0, 0]);
        const since = await calibrate(['--input-dir', dir, '--json', '--since', '2026-04-01']);
        expect(since.json.result.deals).toBe(2);
        expect(since.json.result.auc.control).toBe(1);
    });

    it('reads a UTF-8 BOM, CRLF line ends, headers in any case and order, and ignores other columns', async () => {
        const opportunities = OPPORTUNITIES.map((line, i) =>
            i === 0 ? 'CLOSEDATE,iswon,Name,ID,isclosed,StageName' : reorder(line)
        );
        const dir = exportDir(
            `\ufeff${opportunities.join('\r\n')}\r\n`,
            `\ufeff${SNAPSHOTS.join('\r\n')}\r\n`
        );
        const r = await calibrate(['--input-dir', dir, '--json']);
        expect(r.code).toBe(0);
        expect(r.json.result.deals).toBe(4);
        expect(r.json.result.brier.control).toBeCloseTo(0.08625, 6);
    });

    it('names every row it cannot use with file and line, leaves them out, and exits 2', async () => {
        const dir = exportDir(
            csv([
                ...OPPORTUNITIES,
                `${opportunityId(6)},Yes-man,yes,true,2026-04-30,Closed Won`,
                `${opportunityId(7)},Slash,true,false,04/30/2026,Closed Lost`,
                `${opportunityId(8)},Feb,true,false,2026-02-30,Closed Lost`,
                `${A},Acme again,true,false,2026-03-31,Closed Lost`,
                `0060000000000XYZZZ,Bad id,true,false,2026-03-31,Closed Lost`,
                `${opportunityId(9)},Odd,false,true,2026-03-31,Closed Won`
            ]),
            csv([
                ...SNAPSHOTS,
                `x,${C},2026-03-31,99,Controlled,90,Negotiation/Review`,
                `x,${D},2026-03-31,20,behind,90,Negotiation/Review`,
                `x,${D},2026-03-02,120,Behind,90,Negotiation/Review`,
                `x,${D},2026-03-03,50,Contested,30 %,Negotiation/Review`,
                `x,${D},31.03.2026,50,Contested,30,Negotiation/Review`,
                `x,${D},2026-03-04,50,Contested,30,Negotiation/Review,extra`,
                `x,,2026-03-05,50,Contested,30,Negotiation/Review`,
                `x,Acme-006,2026-03-05,50,Contested,30,Negotiation/Review`
            ])
        );
        const before = digest(dir);
        const r = await calibrate(['--input-dir', dir, '--json']);
        expect(r.code).toBe(2);
        expect(r.json.status).toBe(2);
        // The four good deals give the same figures as before: bad rows changed nothing.
        expect(r.json.result.deals).toBe(4);
        expect(r.json.result.brier.control).toBeCloseTo(0.08625, 6);
        expect(r.json.warnings.filter((w: string) => !w.startsWith('Too few'))).toEqual([
            'Opportunity.csv:7: IsClosed is "yes"; write true or false.',
            'Opportunity.csv:8: CloseDate is "04/30/2026"; write the date as YYYY-MM-DD, for example 2026-03-31.',
            'Opportunity.csv:9: CloseDate is "2026-02-30"; write the date as YYYY-MM-DD, for example 2026-03-31.',
            `Opportunity.csv:10: Opportunity ${A} is listed again (first at Opportunity.csv:2); the first row is used.`,
            'Opportunity.csv:11: Id "0060000000000XYZZZ" has a wrong checksum: export the Id again.',
            'Opportunity.csv:12: IsWon is true but IsClosed is false: a won deal is closed. Export both fields again.',
            `Control_Snapshot__c.csv:12: a second snapshot of Opportunity ${C} on 2026-03-31 (first at Control_Snapshot__c.csv:7): Snapshot_Key__c must be unique, so the first is used.`,
            'Control_Snapshot__c.csv:13: Control_Band__c is "behind"; it must be one of Controlled, Leading, Contested, Behind, Losing (exact API names).',
            'Control_Snapshot__c.csv:14: Control_Score__c is "120"; it must be a number from 0 to 100 (percent points, 30 for 30 %).',
            'Control_Snapshot__c.csv:15: Probability__c is "30 %"; it must be a number from 0 to 100 (percent points, 30 for 30 %).',
            'Control_Snapshot__c.csv:16: Snapshot_Date__c is "31.03.2026"; write the date as YYYY-MM-DD, for example 2026-03-31.',
            'Control_Snapshot__c.csv:17: 8 cells where the header has 7: put a value that contains a comma in double quotes.',
            'Control_Snapshot__c.csv:18: Opportunity__c is blank.',
            'Control_Snapshot__c.csv:19: Opportunity__c "Acme-006" is not a Salesforce record Id.'
        ]);
        expect(digest(dir)).toEqual(before);
    });

    it('names a row with a broken quote and goes on with the next rows', async () => {
        const dir = exportDir(
            csv([
                OPPORTUNITIES[0],
                `${A},"Acme "ERP",true,true,2026-03-31,Closed Won`,
                ...OPPORTUNITIES.slice(2)
            ]),
            csv(SNAPSHOTS)
        );
        const r = await calibrate(['--input-dir', dir, '--json']);
        expect(r.code).toBe(2);
        const problems = r.json.warnings.filter((w: string) => !w.startsWith('Too few'));
        expect(problems).toHaveLength(1);
        expect(problems[0]).toMatch(/^Opportunity\.csv:2: the row cannot be read \(.*quote/i);
        // A is gone, so its snapshots belong to no closed deal: B, C and D remain.
        expect(r.json.result.deals).toBe(3);
    });

    it('reports the human way on stderr too, in Chinese with full-width punctuation', async () => {
        const dir = exportDir(
            csv([...OPPORTUNITIES, `${opportunityId(6)},X,yes,true,2026-04-30,Closed Won`]),
            csv(SNAPSHOTS)
        );
        const r = await calibrate(['--input-dir', dir, '--lang', 'zh']);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain('1 行无法使用，计算时已排除：');
        expect(r.stderr).toContain('Opportunity.csv:7：IsClosed 的值为 "yes"；请写 true 或 false。');
    });
});

function reorder(line: string): string {
    // Id,Name,IsClosed,IsWon,CloseDate,StageName → CloseDate,IsWon,Name,Id,IsClosed,StageName
    const cells = line.match(/("[^"]*"|[^,]+)/g)!;
    const [id, name, closed, won, close, stage] = cells;
    return [close, won, name, id, closed, stage].join(',');
}

describe('calibrate --input-dir: what stops the run (exit 3) and what it says', () => {
    it('names the missing columns and the columns it found', async () => {
        const dir = exportDir('Id,IsClosed,Name\n', csv(SNAPSHOTS));
        const r = await calibrate(['--input-dir', dir, '--json']);
        expect(r.code).toBe(3);
        expect(r.json).toMatchObject({ status: 3, name: 'MISSING_COLUMNS', exitCode: 3 });
        expect(r.json.message).toBe(`${path.join(dir, 'Opportunity.csv')} has no column IsWon, CloseDate.`);
        expect(r.json.actions).toEqual([
            'Export Opportunity.csv with the columns Id, IsClosed, IsWon, CloseDate (other columns are ignored). Its header has: Id, IsClosed, Name.'
        ]);
    });

    it('names a missing file and the command that exports it', async () => {
        const dir = tempDir('half');
        writeFileSync(path.join(dir, 'Opportunity.csv'), csv(OPPORTUNITIES));
        const r = await calibrate(['--input-dir', dir]);
        expect(r.code).toBe(3);
        expect(r.stderr).toContain(`${path.join(dir, 'Control_Snapshot__c.csv')} is missing.`);
        expect(r.stderr).toContain(
            'sf data export bulk --query "SELECT Opportunity__c, Snapshot_Date__c, Control_Score__c, Control_Band__c, Probability__c FROM Control_Snapshot__c"'
        );
    });

    it('refuses an empty file, a header naming a column twice, and a folder that does not exist', async () => {
        expect((await calibrate(['--input-dir', exportDir('', csv(SNAPSHOTS)), '--json'])).json.name).toBe(
            'EMPTY_FILE'
        );
        const twice = exportDir('Id,IsClosed,IsWon,CloseDate,isWON\n', csv(SNAPSHOTS));
        expect((await calibrate(['--input-dir', twice, '--json'])).json.name).toBe('DUPLICATE_COLUMNS');
        const nowhere = await calibrate(['--input-dir', path.join(tempDir('x'), 'nope'), '--json']);
        expect([nowhere.code, nowhere.json.name]).toEqual([3, 'NO_INPUT_DIR']);
    });

    it('stops at Ctrl-C with nothing written', async () => {
        const dir = fourDeals();
        const controller = new AbortController();
        controller.abort();
        const out = path.join(dir, 'chart.svg');
        const r = await calibrate(['--input-dir', dir, '--out', out, '--json'], {
            signal: controller.signal
        });
        expect([r.code, r.json.name]).toEqual([3, 'INTERRUPTED']);
        expect(existsSync(out)).toBe(false);
    });
});
