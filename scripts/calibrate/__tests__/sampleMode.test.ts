import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { RawRecord } from 'c/dealControlModel';
import { loadSampleData } from '../../rescore/sampleData';
import { DEFAULT_SAMPLE_DIR } from '../main';
import { calibrate, tempDir } from './helpers';

const csvCell = (value: unknown) => (value === null || value === undefined ? '' : String(value));

/** The sample as `sf data export bulk` would write it after an import: the org derives IsClosed and IsWon. */
function exportSample(): string {
    const data = loadSampleData(DEFAULT_SAMPLE_DIR);
    const dir = tempDir('sample');
    const opportunities = (data.byType.get('Opportunity') ?? []).map((o: RawRecord) =>
        [o.Id, String(o.StageName).startsWith('Closed'), o.StageName === 'Closed Won', o.CloseDate]
            .map(csvCell)
            .join(',')
    );
    writeFileSync(
        path.join(dir, 'Opportunity.csv'),
        ['Id,IsClosed,IsWon,CloseDate', ...opportunities].join('\n')
    );
    const columns = [
        'Id',
        'Opportunity__c',
        'Snapshot_Date__c',
        'Control_Score__c',
        'Control_Band__c',
        'Probability__c'
    ];
    const snapshots = (data.byType.get('Control_Snapshot__c') ?? []).map((s: RawRecord) =>
        columns.map((c) => csvCell(s[c])).join(',')
    );
    writeFileSync(path.join(dir, 'Control_Snapshot__c.csv'), [columns.join(','), ...snapshots].join('\n'));
    return dir;
}

describe('npm run calibrate on the bundled sample data', () => {
    it('has enough closed deals to conclude, reads every row, and shows the control score beating the stage probability', async () => {
        const r = await calibrate(['--json']);
        expect(r.code).toBe(0);
        expect(r.json.warnings).toEqual([]);
        const { deals, bands, auc, brier } = r.json.result;
        expect(deals).toBeGreaterThanOrEqual(30);
        const won = bands.reduce((sum: number, b: { won: number }) => sum + b.won, 0);
        expect(won).toBeGreaterThan(0);
        expect(won).toBeLessThan(deals);
        expect(bands.every((b: { n: number }) => b.n > 0)).toBe(true);
        expect(auc.control).toBeGreaterThan(auc.stage);
        expect(brier.control).toBeLessThan(brier.stage);
    });

    it('gives the same figures from a CSV export of the same records', async () => {
        const fromSample = await calibrate(['--json']);
        const fromCsv = await calibrate(['--input-dir', exportSample(), '--json']);
        expect(fromCsv.code).toBe(0);
        expect(fromCsv.json).toEqual(fromSample.json);
    });

    it('says what the figures mean in English and Chinese', async () => {
        const en = (await calibrate(['--lang', 'en'])).stdout.replace(/\s+/g, ' ');
        expect(en).toMatch(
            /On \d+ deals closed between \d+ \w+ 2026 and \d+ \w+ 2026, the control score 30 days before close ranked wins above losses \d+ % of the time; the stage probability \d+ %\./
        );
        expect(en).toContain(
            'On this history the control score predicts the outcome better than the stage probability, on both measures.'
        );
        expect(en).toMatch(/Controlled\s+\d+\s+\d+\s+\d+ %\s+\d+ % – \d+ %/);
        const zh = (await calibrate(['--lang', 'zh'])).stdout.replace(/\s+/g, '');
        expect(zh).toMatch(
            /在2026年\d+月\d+日至2026年\d+月\d+日期间关闭的\d+个业务机会中，关闭前30天的控单得分有\d+%的情况把赢单排在丢单之前；阶段概率为\d+%。/
        );
        expect(zh).toContain('控单得分对结果的预测在两项指标上都优于阶段概率');
        expect(zh).toMatch(/掌控\d+\d+\d+%\d+%–\d+%/);
        expect(zh).toMatch(/基本丢单\d+\d+\d+%\d+%–\d+%/);
    });
});
