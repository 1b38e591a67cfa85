import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readMetadataRoot, textOf } from './lib/xml';
import {
    DEFAULT_DIR,
    ReportDef,
    readReportTypes,
    readReports,
    referencedColumns,
    reportTypeNameOf
} from './lib/metadata';
import { FieldKind, NUMERIC_KINDS, resolveField, resolveTable } from './lib/schema';

// Every report must read only columns its report type exposes, with filter values and aggregates
// that fit each field's type: the Metadata API rejects a report that does not, and takes the whole
// deploy down with it.

const reportTypes = readReportTypes();
const reports = readReports();

/** The reports issues 6 and 12 ask for. */
const EXPECTED_REPORTS = [
    'Pipeline_by_Control_Band',
    'Control_Score_by_Owner',
    'Over_Forecast_Risk',
    'Deals_Without_Coach',
    'Top_Decision_Maker_Unknown_or_Against',
    'Deals_Without_Top_Decision_Maker',
    'Claims_Not_Backed_by_Map',
    'Stakeholder_Attitude_Matrix',
    'Key_People_Without_Contact',
    'Stale_Assessments',
    // Issue 14: the political map.
    'Opponents_Steer_Key_People',
    // Issue 12: control snapshots and calibration.
    'Control_Score_Trend',
    'Win_Rate_by_Band_30_Days'
];

/** Calibration looks back at outcomes: these reports count closed deals, all others open ones. */
const CLOSED_DEAL_REPORTS = new Set(['Win_Rate_by_Band_30_Days']);

function kindOf(column: string): FieldKind {
    const [table, field] = column.split('$');
    const object = resolveTable(table);
    if (typeof object !== 'string') throw new Error(`${column}: ${object.error}`);
    const resolved = resolveField(object, field);
    if (typeof resolved === 'string') throw new Error(`${column}: ${resolved}`);
    return resolved.kind;
}

function rawDescription(report: ReportDef): string {
    // Measured as deployed: the whitespace a formatter puts inside the element counts too.
    const match = /<description>([\s\S]*?)<\/description>/.exec(readFileSync(report.path, 'utf8'));
    return match === null ? '' : match[1];
}

it('the Deal_Control report folder exists and holds exactly the expected reports', () => {
    const folder = readMetadataRoot(
        join(DEFAULT_DIR, 'reports', 'Deal_Control.reportFolder-meta.xml'),
        'ReportFolder'
    );
    expect(textOf(folder, 'name')).toBe('Deal Control');
    expect([...reports.keys()].sort()).toEqual([...EXPECTED_REPORTS].sort());
});

describe.each(EXPECTED_REPORTS)('report %s', (name) => {
    const report = reports.get(name)!;
    const type = reportTypes.get(reportTypeNameOf(report));

    it('uses one of the Deal Control report types, named with the __c suffix', () => {
        expect(report.reportType).toMatch(/__c$/);
        expect(type).toBeDefined();
    });

    it('reads only columns its report type exposes', () => {
        const missing = referencedColumns(report).filter((column) => !type!.reportColumns.has(column));
        expect(missing).toEqual([]);
    });

    it('says in its description which question it answers, within 255 characters as deployed', () => {
        expect(report.description).toMatch(/\?/);
        expect(rawDescription(report).length).toBeLessThanOrEqual(255);
        expect(report.label.length).toBeLessThanOrEqual(40);
    });

    it('does not show a grouped field again as a detail column', () => {
        const grouped = [...report.groupingsDown, ...report.groupingsAcross].map((g) => g.field);
        expect(report.columns.map((c) => c.field).filter((f) => grouped.includes(f))).toEqual([]);
    });

    it('has groupings that fit its format', () => {
        const shape = {
            format: report.format,
            down: report.groupingsDown.length > 0,
            across: report.groupingsAcross.length > 0
        };
        expect([
            { format: 'Matrix', down: true, across: true },
            { format: 'Summary', down: true, across: false }
        ]).toContainEqual(shape);
    });

    it('aggregates only numeric columns', () => {
        const wrong = report.columns
            .filter((c) => c.aggregateTypes.length > 0)
            .filter((c) => !NUMERIC_KINDS.includes(kindOf(c.field)))
            .map((c) => c.field);
        expect(wrong).toEqual([]);
    });

    it('filters with values that fit each field type', () => {
        const problems: string[] = [];
        for (const item of report.filterItems) {
            const kind = kindOf(item.column);
            if (item.value === '') {
                if (!['equals', 'notEqual'].includes(item.operator))
                    problems.push(`${item.column}: blank with ${item.operator}`);
            } else if (kind === 'boolean') {
                if (!['0', '1'].includes(item.value))
                    problems.push(`${item.column}: checkbox value ${item.value}`);
            } else if (NUMERIC_KINDS.includes(kind)) {
                if (Number.isNaN(Number(item.value)))
                    problems.push(`${item.column}: number value ${item.value}`);
            } else if (kind === 'date') {
                if (!/^(LAST_N_DAYS:\d+|\d{4}-\d{2}-\d{2})$/.test(item.value))
                    problems.push(`${item.column}: date ${item.value}`);
            }
        }
        expect(problems).toEqual([]);
    });

    it(`counts only ${CLOSED_DEAL_REPORTS.has(name) ? 'closed' : 'open'} deals`, () => {
        expect(report.filterItems).toContainEqual({
            column: 'Opportunity$IsClosed',
            operator: 'equals',
            value: CLOSED_DEAL_REPORTS.has(name) ? '1' : '0'
        });
        // Without filter logic every item is ANDed; with it, the open-deal item comes first, ANDed.
        expect(report.booleanFilter ?? '1 AND (all items)').toMatch(/^1 AND /);
    });

    it('charts only what it groups and summarizes', () => {
        const chart = report.chart;
        const groupings = [...report.groupingsDown, ...report.groupingsAcross].map((g) => g.field);
        const summarized = report.columns.filter((c) => c.aggregateTypes.length > 0);
        const problems = (chart === undefined ? [] : [chart.groupingColumn, chart.secondaryGroupingColumn])
            .filter((column): column is string => column !== undefined && !groupings.includes(column))
            .map((column) => `grouping ${column}`);
        for (const summary of chart?.summaries ?? []) {
            const ok =
                summary.column === 'RowCount'
                    ? summary.aggregate === undefined
                    : summarized.some(
                          (c) =>
                              c.field === summary.column && c.aggregateTypes.includes(summary.aggregate ?? '')
                      );
            if (!ok) problems.push(`summary ${summary.aggregate ?? ''} ${summary.column}`);
        }
        expect(problems).toEqual([]);
    });

    it('does not hide deals by close date', () => {
        // An all-time date range: sample and real deals must not drop out as their close dates pass.
        expect(report.timeFrameColumn).toBe('Opportunity$CloseDate');
        expect(report.timeFrameInterval).toBe('INTERVAL_CUSTOM');
    });
});

describe('the questions of issue 6', () => {
    const get = (name: string) => reports.get(name)!;

    it('pipeline by band sums Amount per band and close quarter, best band first', () => {
        const r = get('Pipeline_by_Control_Band');
        expect(r.format).toBe('Matrix');
        expect(r.groupingsDown.map((g) => [g.field, g.sortOrder])).toEqual([
            ['Opportunity$C139_Band_Rank__c', 'Desc'],
            ['Opportunity$C139_Control_Band__c', 'Asc']
        ]);
        expect(r.groupingsAcross).toEqual([
            { field: 'Opportunity$CloseDate', dateGranularity: 'FiscalQuarter', sortOrder: 'Asc' }
        ]);
        expect(r.columns).toContainEqual({ field: 'Opportunity$Amount', aggregateTypes: ['Sum'] });
        expect(r.reportType).toBe('Opportunities_with_C139_Scorecards__c');
    });

    it('control score by owner averages the score per rep with the band mix across', () => {
        const r = get('Control_Score_by_Owner');
        expect(r.groupingsDown.map((g) => g.field)).toEqual(['Opportunity$Owner']);
        expect(r.groupingsAcross.map((g) => g.field)).toEqual(['Opportunity$C139_Control_Band__c']);
        const score = r.columns.find((c) => c.field === 'Opportunity.C139_Scorecards__r$Control_Score__c');
        expect(score?.aggregateTypes).toContain('Average');
    });

    it('over-forecast risk keeps a forecast gap of 30 points or more, largest first', () => {
        const r = get('Over_Forecast_Risk');
        expect(r.filterItems).toContainEqual({
            column: 'Opportunity$C139_Forecast_Gap__c',
            operator: 'greaterOrEqual',
            value: '30'
        });
        expect(r.sortColumn).toBe('Opportunity$C139_Forecast_Gap__c');
    });

    it('deals without a coach: no Mentor on the map, or Coach blank or No_Coach (factor 0.5)', () => {
        const r = get('Deals_Without_Coach');
        expect(r.booleanFilter).toBe('1 AND (2 OR 3 OR 4)');
        expect(r.filterItems.slice(1)).toEqual([
            { column: 'Opportunity$Stakeholder_Mentors__c', operator: 'equals', value: '0' },
            { column: 'Opportunity.C139_Scorecards__r$Coach__c', operator: 'equals', value: '' },
            {
                column: 'Opportunity.C139_Scorecards__r$Coach_Factor__c',
                operator: 'lessOrEqual',
                value: '0.5'
            }
        ]);
    });

    it('top decision maker unknown or against: support index blank or negative', () => {
        const r = get('Top_Decision_Maker_Unknown_or_Against');
        expect(r.booleanFilter).toBe('1 AND 2 AND (3 OR 4)');
        expect(r.filterItems.slice(1)).toEqual([
            {
                column: 'Opportunity.Stakeholder_Assessments__r$Top_Decision_Maker__c',
                operator: 'equals',
                value: '1'
            },
            {
                column: 'Opportunity.Stakeholder_Assessments__r$Support_Index__c',
                operator: 'equals',
                value: ''
            },
            {
                column: 'Opportunity.Stakeholder_Assessments__r$Support_Index__c',
                operator: 'lessThan',
                value: '0'
            }
        ]);
    });

    it('deals without any top decision maker use a "without" cross filter on the assessments', () => {
        const r = get('Deals_Without_Top_Decision_Maker');
        expect(r.crossFilters).toEqual([
            {
                operation: 'without',
                primaryTableColumn: 'Opportunity$Id',
                relatedTable: 'Stakeholder_Assessment__c',
                relatedTableJoinColumn: 'Opportunity__c',
                items: [{ column: 'Top_Decision_Maker__c', operator: 'equals', value: '1' }]
            }
        ]);
        expect(resolveField('Stakeholder_Assessment__c', 'Top_Decision_Maker__c')).toMatchObject({
            kind: 'boolean'
        });
        expect(resolveField('Stakeholder_Assessment__c', 'Opportunity__c')).toMatchObject({ kind: 'lookup' });
    });

    it('claims not backed by the map are scorecards with evidence warnings', () => {
        const r = get('Claims_Not_Backed_by_Map');
        expect(r.filterItems).toContainEqual({
            column: 'Opportunity.C139_Scorecards__r$Warning_Count__c',
            operator: 'greaterThan',
            value: '0'
        });
        // COACH_NO_ACCESS questions the named coach: show who it is.
        expect(r.columns.map((c) => c.field)).toEqual(
            expect.arrayContaining([
                'Opportunity.C139_Scorecards__r$Evidence_Codes__c',
                'Opportunity.C139_Scorecards__r$Win__c',
                'Opportunity.C139_Scorecards__r$Coach__c',
                'Opportunity.C139_Scorecards__r$Coach_Stakeholder__c'
            ])
        );
    });

    it('opponents steering key people: INFLUENCED_AGAINST on a top decision maker, body member or high influence', () => {
        const r = get('Opponents_Steer_Key_People');
        const column = (field: string) => `Opportunity.Stakeholder_Assessments__r$${field}`;
        expect(r.booleanFilter).toBe('1 AND 2 AND (3 OR 4 OR 5)');
        expect(r.filterItems.slice(1)).toEqual([
            { column: column('Insight_Codes__c'), operator: 'contains', value: 'INFLUENCED_AGAINST' },
            { column: column('Top_Decision_Maker__c'), operator: 'equals', value: '1' },
            { column: column('Decision_Body_Member__c'), operator: 'equals', value: '1' },
            { column: column('Influence__c'), operator: 'equals', value: 'High' }
        ]);
        expect(r.columns.map((c) => c.field)).toEqual(
            expect.arrayContaining([column('Name'), column('Camp__c'), column('Attitude_To_Us__c')])
        );
    });

    it('the attitude matrix is a Matrix of role down and attitude to us across', () => {
        const r = get('Stakeholder_Attitude_Matrix');
        expect(r.format).toBe('Matrix');
        expect(r.groupingsDown.map((g) => g.field)).toEqual([
            'Opportunity.Stakeholder_Assessments__r$Role__c'
        ]);
        expect(r.groupingsAcross.map((g) => g.field)).toEqual([
            'Opportunity.Stakeholder_Assessments__r$Attitude_To_Us__c'
        ]);
    });

    it('key people without contact use the model insight KEY_PERSON_NO_CONTACT', () => {
        expect(get('Key_People_Without_Contact').filterItems).toContainEqual({
            column: 'Opportunity.Stakeholder_Assessments__r$Insight_Codes__c',
            operator: 'contains',
            value: 'KEY_PERSON_NO_CONTACT'
        });
    });

    it('stale assessments use a relative date: older than the last 30 days, or undated', () => {
        const r = get('Stale_Assessments');
        expect(r.booleanFilter).toBe('1 AND (2 OR 3)');
        expect(r.filterItems.slice(1)).toEqual([
            {
                column: 'Opportunity.Stakeholder_Assessments__r$Assessed_On__c',
                operator: 'lessThan',
                value: 'LAST_N_DAYS:30'
            },
            { column: 'Opportunity.Stakeholder_Assessments__r$Assessed_On__c', operator: 'equals', value: '' }
        ]);
    });

    it('reports on stakeholder rows never sum Opportunity amounts (they repeat per person)', () => {
        const summed = [...reports.values()]
            .filter((report) => report.reportType === 'Opportunities_with_Stakeholder_Assessments__c')
            .flatMap((report) => report.columns.map((c) => ({ report: report.developerName, ...c })))
            .filter((c) => c.field.startsWith('Opportunity$') && c.aggregateTypes.length > 0);
        expect(summed).toEqual([]);
    });
});

describe('the questions of issue 12 (snapshots)', () => {
    const get = (name: string) => reports.get(name)!;
    const S = 'Opportunity.Control_Snapshots__r$';

    it("control score trend: a line per open deal of its snapshots' control score by date", () => {
        const r = get('Control_Score_Trend');
        expect(r.reportType).toBe('Opportunities_with_Control_Snapshots__c');
        expect(r.format).toBe('Summary');
        expect(r.groupingsDown).toEqual([
            { field: `${S}Snapshot_Date__c`, dateGranularity: 'Day', sortOrder: 'Asc' },
            { field: 'Opportunity$Name', dateGranularity: 'Day', sortOrder: 'Asc' }
        ]);
        expect(r.chart).toEqual({
            chartType: 'LineGrouped',
            groupingColumn: `${S}Snapshot_Date__c`,
            secondaryGroupingColumn: 'Opportunity$Name',
            summaries: [{ aggregate: 'Average', column: `${S}Control_Score__c` }]
        });
    });

    it('win rate by band: closed deals by the band of their snapshot 30 to 37 days before close, won and lost', () => {
        const r = get('Win_Rate_by_Band_30_Days');
        expect(r.reportType).toBe('Opportunities_with_Control_Snapshots__c');
        expect(r.booleanFilter).toBeUndefined();
        expect(r.filterItems).toEqual([
            { column: 'Opportunity$IsClosed', operator: 'equals', value: '1' },
            { column: `${S}Days_To_Close__c`, operator: 'greaterOrEqual', value: '30' },
            { column: `${S}Days_To_Close__c`, operator: 'lessOrEqual', value: '37' }
        ]);
        expect(r.format).toBe('Matrix');
        expect(r.groupingsDown.map((g) => [g.field, g.sortOrder])).toEqual([
            [`${S}Band_Rank__c`, 'Desc'],
            [`${S}Control_Band__c`, 'Asc']
        ]);
        expect(r.groupingsAcross.map((g) => g.field)).toEqual(['Opportunity$IsWon']);
        // Stacked to 100 %: each band's column shows its share won, the win rate.
        expect(r.chart).toMatchObject({
            chartType: 'VerticalColumnStackedTo100',
            groupingColumn: `${S}Band_Rank__c`,
            secondaryGroupingColumn: 'Opportunity$IsWon',
            summaries: [{ column: 'RowCount' }]
        });
    });

    it('reports on snapshot rows never sum Opportunity amounts (they repeat per snapshot)', () => {
        const summed = [...reports.values()]
            .filter((report) => report.reportType === 'Opportunities_with_Control_Snapshots__c')
            .flatMap((report) => report.columns)
            .filter((c) => c.field.startsWith('Opportunity$') && c.aggregateTypes.length > 0);
        expect(summed).toEqual([]);
    });
});
