import { setLang } from '../../shared/i18n';
import { opportunityDay } from '../opportunityInput';
import { COPIED_FIELDS, SnapshotRow } from '../snapshotRow';
import { SnapshotCounts, renderSnapshotSummary, withSnapshotExit } from '../snapshotSummary';
import { SnapshotTable } from '../snapshotTable';

const OPP = '006000000000001AAA';

describe('opportunityDay: what a snapshot copies of an Opportunity record', () => {
    it('reads REST JSON (booleans, numbers) and Bulk or CSV text alike', () => {
        const fromRest = opportunityDay({
            Id: OPP,
            IsClosed: false,
            StageName: 'Qualification',
            Probability: 20,
            Amount: 1000,
            CloseDate: '2027-01-31',
            ForecastCategoryName: 'Pipeline'
        });
        const fromCsv = opportunityDay({
            Id: OPP.slice(0, 15),
            IsClosed: ' FALSE ',
            StageName: 'Qualification',
            Probability: '20',
            Amount: '1000.0',
            CloseDate: '2027-01-31',
            ForecastCategoryName: 'Pipeline'
        });
        expect(fromRest).toEqual({
            id: OPP,
            open: true,
            values: ['Qualification', '20', '1000.00', '2027-01-31', 'Pipeline']
        });
        expect(fromCsv).toEqual(fromRest);
    });

    it('a closed deal is not open, whatever its other values', () => {
        expect(opportunityDay({ Id: OPP, IsClosed: 'true', CloseDate: 'never' })).toEqual({
            id: OPP,
            open: false,
            values: []
        });
    });

    it.each([
        [{ Id: 'a02000000000001AAA', IsClosed: false }, 'NOT_AN_OPPORTUNITY', 'Id', 'a02000000000001AAA'],
        [{ Id: 'not an id', IsClosed: false }, 'NOT_AN_OPPORTUNITY', 'Id', 'not an id'],
        [{ Id: OPP, IsClosed: 'yes' }, 'NOT_A_BOOLEAN', 'IsClosed', 'yes'],
        [{ Id: OPP, IsClosed: null }, 'NOT_A_BOOLEAN', 'IsClosed', ''],
        [{ Id: OPP, IsClosed: false, Probability: '20%' }, 'BAD_VALUE', 'Probability', '20%'],
        [{ Id: OPP, IsClosed: false, CloseDate: '31/01/2027' }, 'BAD_VALUE', 'CloseDate', '31/01/2027']
    ])('%j is a problem %s of %s', (record, problem, field, value) => {
        expect(opportunityDay(record)).toMatchObject({ problem, field, value });
    });
});

describe('SnapshotTable', () => {
    it('keeps what the run scored over what the org holds, and grows past its first size', () => {
        const table = new SnapshotTable();
        const ids = Array.from({ length: 3000 }, (_, i) => `006${String(i).padStart(12, '0')}`);
        ids.forEach((id, i) => table.setScorecard(id, [String(i % 7), 'Leading'], true));
        table.setExisting(ids[2999], 42);
        // Read later from the org: does not replace the value the run computed.
        table.setScorecard(ids[10], ['99', 'Controlled'], false);
        expect(table.scorecardOf(ids[10])).toEqual(['3', 'Leading']);
        expect(table.scorecardOf(ids[2999])).toEqual([String(2999 % 7), 'Leading']);
        expect(table.existingOf(ids[2999])).toBe(42);
        expect(table.existingOf(ids[0])).toBeUndefined();
        expect(table.scorecardOf('006999999999999')).toBeUndefined();
        // A deal the run did not score takes the org's values.
        table.setScorecard('006999999999999', ['50', 'Contested'], false);
        expect(table.scorecardOf('006999999999999')).toEqual(['50', 'Contested']);
    });
});

describe('the snapshot lines of a run', () => {
    afterEach(() => setLang('en'));

    function row(key: string, values: Record<string, string>): SnapshotRow {
        return {
            key,
            opportunityId: OPP,
            date: '2026-11-30',
            values: COPIED_FIELDS.map((f) => values[f.field] ?? '')
        };
    }

    it('say what was sent and what the org answered, and which deals could not be copied', () => {
        const counts = new SnapshotCounts();
        counts.deals = 3;
        counts.unchanged = 1;
        counts.toWrite(
            row(`${OPP}:2026-11-30`, { Control_Score__c: '72', Control_Band__c: 'Leading' }),
            'CHANGED'
        );
        counts.toWrite(
            row('x', { Control_Score__c: '10', Control_Band__c: 'Losing', Probability__c: '10' }),
            'NEW'
        );
        counts.transport = 'bulk';
        counts.created = 1;
        counts.updated = 0;
        counts.failed = 1;
        counts.problems = 2;
        const text = renderSnapshotSummary(counts.summary('2026-11-30', true), 'apply');
        expect(text.split('\n')).toEqual([
            'Control snapshots of 2026-11-30: 3 open deals with a scorecard; 1 new, 1 changed, 1 unchanged (not sent).',
            'Written (bulk): 1 created, 0 updated, 1 failed.',
            '2 open deals have Opportunity values that cannot be copied and got no snapshot (see --report).',
            `  ${OPP}:2026-11-30 changed: 72 Leading · — — · —`,
            '  x new: 10 Losing · — 10 % · —'
        ]);
        setLang('zh');
        expect(renderSnapshotSummary(counts.summary('2026-11-30', true), 'apply')).toContain(
            '已写入（bulk）：新建 1 条，更新 0 条，失败 1 条。'
        );
    });

    it('an --apply with nothing to send says so', () => {
        const counts = new SnapshotCounts();
        counts.deals = 2;
        counts.unchanged = 2;
        expect(renderSnapshotSummary(counts.summary('2026-11-30', true), 'apply')).toContain(
            'Nothing to send: every snapshot of the day already holds these values.'
        );
        expect(renderSnapshotSummary(counts.summary('2026-11-30', true), 'dry-run')).not.toContain('Nothing');
    });

    it('snapshots the org refused turn a clean run into exit 2, never hide a worse code', () => {
        const counts = new SnapshotCounts();
        expect(withSnapshotExit(0, counts.summary('2026-11-30', true))).toBe(0);
        counts.failed = 1;
        expect(withSnapshotExit(0, counts.summary('2026-11-30', true))).toBe(2);
        expect(withSnapshotExit(1, counts.summary('2026-11-30', true))).toBe(1);
        expect(withSnapshotExit(0, null)).toBe(0);
    });
});
