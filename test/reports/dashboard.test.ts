import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_DIR, readDashboard, readReports } from './lib/metadata';
import { readMetadataRoot, textOf } from './lib/xml';

// The dashboard must deploy to any org: no user of a particular org, only reports of this project,
// and every chart built from what its report groups and summarizes.

const DASHBOARD_PATH = join(
    DEFAULT_DIR,
    'dashboards',
    'Deal_Control',
    'Deal_Control_Overview.dashboard-meta.xml'
);
const dashboard = readDashboard(DASHBOARD_PATH);
const reports = readReports();
const byFullName = new Map([...reports.values()].map((r) => [r.fullName, r]));

/** Chart component types: the org demands sortBy and chartAxisRange on each of them. */
const CHART_TYPES = [
    'Bar',
    'BarStacked',
    'BarGrouped',
    'Column',
    'ColumnStacked',
    'ColumnStacked100',
    'ColumnGrouped',
    'Funnel',
    'Line',
    'Pie',
    'Donut'
];

it('lives in the Deal_Control dashboard folder, which has a folder file', () => {
    const folderPath = join(DEFAULT_DIR, 'dashboards', 'Deal_Control.dashboardFolder-meta.xml');
    expect(existsSync(folderPath)).toBe(true);
    expect(textOf(readMetadataRoot(folderPath, 'DashboardFolder'), 'name')).toBe('Deal Control');
});

it('runs as the logged-in user and names no user of a particular org', () => {
    expect(dashboard.dashboardType).toBe('LoggedInUser');
    expect(dashboard.runningUser).toBeUndefined();
});

it('shows the band funnel, score by owner, the over-forecast list and the coverage gaps', () => {
    const uses = dashboard.components.map((c) => [c.componentType, c.report]);
    expect(uses).toEqual(
        expect.arrayContaining([
            ['Funnel', 'Deal_Control/Pipeline_by_Control_Band'],
            ['Bar', 'Deal_Control/Control_Score_by_Owner'],
            ['Table', 'Deal_Control/Over_Forecast_Risk'],
            ['Column', 'Deal_Control/Deals_Without_Coach'],
            ['Column', 'Deal_Control/Key_People_Without_Contact'],
            ['Column', 'Deal_Control/Stale_Assessments']
        ])
    );
});

it('shows the control score trend and the win rate by band of the snapshots (issue 12)', () => {
    const uses = dashboard.components.map((c) => [c.componentType, c.report, c.groupingColumns]);
    expect(uses).toEqual(
        expect.arrayContaining([
            [
                'Line',
                'Deal_Control/Control_Score_Trend',
                ['Opportunity.Control_Snapshots__r$Snapshot_Date__c']
            ],
            [
                'ColumnStacked100',
                'Deal_Control/Win_Rate_by_Band_30_Days',
                ['Opportunity.Control_Snapshots__r$Band_Rank__c', 'Opportunity$IsWon']
            ]
        ])
    );
});

describe.each(dashboard.components.map((c) => [c.header ?? c.componentType, c] as const))(
    'component %s',
    (_header, component) => {
        const report = component.report === undefined ? undefined : byFullName.get(component.report);

        it('uses a report of this project', () => {
            expect(component.report).toBeDefined();
            expect(report).toBeDefined();
        });

        it('groups by one of the report groupings', () => {
            const groupings = [...report!.groupingsDown, ...report!.groupingsAcross].map((g) => g.field);
            expect(component.groupingColumns.length).toBeGreaterThan(0);
            for (const column of component.groupingColumns) expect(groupings).toContain(column);
        });

        it('summarizes the record count or a summarized column of the report', () => {
            const summarized = report!.columns.filter((c) => c.aggregateTypes.length > 0).map((c) => c.field);
            const groupings = [...report!.groupingsDown, ...report!.groupingsAcross].map((g) => g.field);
            for (const column of component.chartSummaryColumns)
                expect(['RowCount', ...summarized]).toContain(column);
            for (const column of component.tableColumns)
                expect(['RowCount', ...summarized, ...groupings]).toContain(column);
        });

        it('carries what the org requires of its component type', () => {
            const missing = CHART_TYPES.includes(component.componentType)
                ? [
                      component.chartSummaryColumns.length === 0 && 'chartSummary',
                      component.sortBy === undefined && 'sortBy',
                      component.chartAxisRange !== 'Auto' && 'chartAxisRange Auto'
                  ]
                : [
                      component.componentType !== 'Table' &&
                          `a known type instead of ${component.componentType}`,
                      component.tableColumns.length === 0 && 'dashboardTableColumn'
                  ];
            expect(missing.filter(Boolean)).toEqual([]);
        });
    }
);
