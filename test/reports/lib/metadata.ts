import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { XmlNode, children, readMetadataRoot, requiredText, textOf, textsOf } from './xml';

/** Where the source-format metadata lives, from the repository root. */
export const REPO_ROOT = join(__dirname, '..', '..', '..');
export const DEFAULT_DIR = join(REPO_ROOT, 'force-app', 'main', 'default');
export const REPORT_FOLDER = 'Deal_Control';

// ---------------------------------------------------------------- report types

export interface ReportTypeColumn {
    readonly field: string;
    /** `Opportunity` or `Opportunity.<childRelationship>`. */
    readonly table: string;
    readonly section: string;
}

export interface ReportTypeDef {
    readonly name: string;
    readonly path: string;
    readonly baseObject: string;
    readonly label: string;
    readonly description: string;
    readonly deployed: boolean;
    /** Child relationship names from the base object down, e.g. ['C139_Scorecards__r']. */
    readonly joins: readonly { relationship: string; outerJoin: boolean }[];
    readonly columns: readonly ReportTypeColumn[];
    /** Every column as a report refers to it: `<table>$<field>`. */
    readonly reportColumns: ReadonlySet<string>;
}

function joinChain(node: XmlNode): { relationship: string; outerJoin: boolean }[] {
    const join = children(node, 'join')[0];
    if (join === undefined) return [];
    return [
        {
            relationship: requiredText(join, 'relationship', 'join'),
            outerJoin: textOf(join, 'outerJoin') === 'true'
        },
        ...joinChain(join)
    ];
}

export function readReportType(path: string): ReportTypeDef {
    const root = readMetadataRoot(path, 'ReportType');
    const columns: ReportTypeColumn[] = [];
    for (const section of children(root, 'sections')) {
        const label = requiredText(section, 'masterLabel', path);
        for (const column of children(section, 'columns')) {
            columns.push({
                field: requiredText(column, 'field', path),
                table: requiredText(column, 'table', path),
                section: label
            });
        }
    }
    return {
        name: basename(path).replace('.reportType-meta.xml', ''),
        path,
        baseObject: requiredText(root, 'baseObject', path),
        label: requiredText(root, 'label', path),
        description: textOf(root, 'description') ?? '',
        deployed: textOf(root, 'deployed') === 'true',
        joins: joinChain(root),
        columns,
        reportColumns: new Set(columns.map((c) => `${c.table}$${c.field}`))
    };
}

export function readReportTypes(): Map<string, ReportTypeDef> {
    const dir = join(DEFAULT_DIR, 'reportTypes');
    const types = new Map<string, ReportTypeDef>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.reportType-meta.xml'))) {
        const def = readReportType(join(dir, file));
        types.set(def.name, def);
    }
    return types;
}

// ---------------------------------------------------------------- reports

export interface ReportFilterItem {
    readonly column: string;
    readonly operator: string;
    /** '' for a blank value (`<value/>`). */
    readonly value: string;
}

export interface ReportCrossFilter {
    readonly operation: 'with' | 'without';
    readonly primaryTableColumn: string;
    readonly relatedTable: string;
    readonly relatedTableJoinColumn: string;
    readonly items: readonly ReportFilterItem[];
}

export interface ReportGrouping {
    readonly field: string;
    readonly dateGranularity?: string;
    readonly sortOrder: string;
}

export interface ReportColumnDef {
    readonly field: string;
    readonly aggregateTypes: readonly string[];
}

/** The chart a report draws above its rows. */
export interface ReportChartDef {
    readonly chartType: string;
    readonly groupingColumn?: string;
    readonly secondaryGroupingColumn?: string;
    readonly summaries: readonly { aggregate?: string; column: string }[];
}

export interface ReportDef {
    /** `Deal_Control/<DeveloperName>`, as dashboards refer to it. */
    readonly fullName: string;
    readonly developerName: string;
    readonly path: string;
    readonly label: string;
    readonly description: string;
    readonly format: string;
    /** As written in the report: custom report types carry a `__c` suffix. */
    readonly reportType: string;
    readonly columns: readonly ReportColumnDef[];
    readonly groupingsDown: readonly ReportGrouping[];
    readonly groupingsAcross: readonly ReportGrouping[];
    readonly filterItems: readonly ReportFilterItem[];
    readonly booleanFilter?: string;
    readonly crossFilters: readonly ReportCrossFilter[];
    readonly sortColumn?: string;
    readonly timeFrameColumn?: string;
    readonly timeFrameInterval?: string;
    readonly chart?: ReportChartDef;
}

function filterItems(node: XmlNode, where: string): ReportFilterItem[] {
    return children(node, 'criteriaItems').map((item) => ({
        column: requiredText(item, 'column', where),
        operator: requiredText(item, 'operator', where),
        value: textOf(item, 'value') ?? ''
    }));
}

function groupings(root: XmlNode, name: string, where: string): ReportGrouping[] {
    return children(root, name).map((g) => ({
        field: requiredText(g, 'field', where),
        dateGranularity: textOf(g, 'dateGranularity'),
        sortOrder: requiredText(g, 'sortOrder', where)
    }));
}

export function readReport(path: string, folder: string): ReportDef {
    const root = readMetadataRoot(path, 'Report');
    const filter = children(root, 'filter')[0];
    const timeFrame = children(root, 'timeFrameFilter')[0];
    const chart = children(root, 'chart')[0];
    const developerName = basename(path).replace('.report-meta.xml', '');
    return {
        fullName: `${folder}/${developerName}`,
        developerName,
        path,
        label: requiredText(root, 'name', path),
        description: textOf(root, 'description') ?? '',
        format: requiredText(root, 'format', path),
        reportType: requiredText(root, 'reportType', path),
        columns: children(root, 'columns').map((c) => ({
            field: requiredText(c, 'field', path),
            aggregateTypes: textsOf(c, 'aggregateTypes')
        })),
        groupingsDown: groupings(root, 'groupingsDown', path),
        groupingsAcross: groupings(root, 'groupingsAcross', path),
        filterItems: filter === undefined ? [] : filterItems(filter, path),
        booleanFilter: filter === undefined ? undefined : textOf(filter, 'booleanFilter'),
        crossFilters: children(root, 'crossFilters').map((cf) => ({
            operation: requiredText(cf, 'operation', path) as 'with' | 'without',
            primaryTableColumn: requiredText(cf, 'primaryTableColumn', path),
            relatedTable: requiredText(cf, 'relatedTable', path),
            relatedTableJoinColumn: requiredText(cf, 'relatedTableJoinColumn', path),
            items: filterItems(cf, path)
        })),
        sortColumn: textOf(root, 'sortColumn'),
        timeFrameColumn: timeFrame === undefined ? undefined : textOf(timeFrame, 'dateColumn'),
        timeFrameInterval: timeFrame === undefined ? undefined : textOf(timeFrame, 'interval'),
        chart:
            chart === undefined
                ? undefined
                : {
                      chartType: requiredText(chart, 'chartType', path),
                      groupingColumn: textOf(chart, 'groupingColumn'),
                      secondaryGroupingColumn: textOf(chart, 'secondaryGroupingColumn'),
                      summaries: children(chart, 'chartSummaries').map((c) => ({
                          aggregate: textOf(c, 'aggregate'),
                          column: requiredText(c, 'column', path)
                      }))
                  }
    };
}

export function readReports(folder = REPORT_FOLDER): Map<string, ReportDef> {
    const dir = join(DEFAULT_DIR, 'reports', folder);
    const reports = new Map<string, ReportDef>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.report-meta.xml'))) {
        const def = readReport(join(dir, file), folder);
        reports.set(def.developerName, def);
    }
    return reports;
}

/** Every column a report reads: detail columns, groupings, filters, sort and date filter. */
export function referencedColumns(report: ReportDef): string[] {
    return [
        ...report.columns.map((c) => c.field),
        ...report.groupingsDown.map((g) => g.field),
        ...report.groupingsAcross.map((g) => g.field),
        ...report.filterItems.map((f) => f.column),
        ...report.crossFilters.map((cf) => cf.primaryTableColumn),
        ...(report.sortColumn === undefined ? [] : [report.sortColumn]),
        ...(report.timeFrameColumn === undefined ? [] : [report.timeFrameColumn])
    ];
}

/** A report names a custom report type by its developer name plus `__c`. */
export function reportTypeNameOf(report: ReportDef): string {
    return report.reportType.replace(/__c$/, '');
}

// ---------------------------------------------------------------- dashboards

export interface DashboardComponentDef {
    readonly section: string;
    readonly componentType: string;
    readonly report?: string;
    readonly header?: string;
    readonly groupingColumns: readonly string[];
    readonly chartSummaryColumns: readonly string[];
    readonly tableColumns: readonly string[];
    readonly sortBy?: string;
    readonly chartAxisRange?: string;
}

export interface DashboardDef {
    readonly path: string;
    readonly title: string;
    readonly dashboardType?: string;
    readonly runningUser?: string;
    readonly components: readonly DashboardComponentDef[];
}

export function readDashboard(path: string): DashboardDef {
    const root = readMetadataRoot(path, 'Dashboard');
    const components: DashboardComponentDef[] = [];
    for (const section of ['leftSection', 'middleSection', 'rightSection']) {
        for (const sectionNode of children(root, section)) {
            for (const c of children(sectionNode, 'components')) {
                components.push({
                    section,
                    componentType: requiredText(c, 'componentType', path),
                    report: textOf(c, 'report'),
                    header: textOf(c, 'header'),
                    groupingColumns: textsOf(c, 'groupingColumn'),
                    chartSummaryColumns: children(c, 'chartSummary').map((s) =>
                        requiredText(s, 'column', path)
                    ),
                    tableColumns: children(c, 'dashboardTableColumn').map((t) =>
                        requiredText(t, 'column', path)
                    ),
                    sortBy: textOf(c, 'sortBy'),
                    chartAxisRange: textOf(c, 'chartAxisRange')
                });
            }
        }
    }
    return {
        path,
        title: requiredText(root, 'title', path),
        dashboardType: textOf(root, 'dashboardType'),
        runningUser: textOf(root, 'runningUser'),
        components
    };
}

// ---------------------------------------------------------------- objects and fields

export interface CustomFieldDef {
    readonly object: string;
    readonly name: string;
    /** The metadata `<type>`: Summary for roll-ups, the result type for formulas. */
    readonly type: string;
    readonly isFormula: boolean;
    readonly referenceTo?: string;
    readonly relationshipName?: string;
    readonly summaryOperation?: string;
    /** `Child__c.Field__c` summarized by a roll-up (absent for COUNT). */
    readonly summarizedField?: string;
    /** `Child__c.Parent__c`: the child's link a roll-up follows. */
    readonly summaryForeignKey?: string;
    /** Roll-up criteria: `field` is `Child__c.Field__c`, operators as in report filters. */
    readonly summaryFilterItems: readonly { field: string; operation: string; value: string }[];
    readonly picklistValues: readonly string[];
}

export function customFieldPath(object: string, field: string): string {
    return join(DEFAULT_DIR, 'objects', object, 'fields', `${field}.field-meta.xml`);
}

export function objectExists(object: string): boolean {
    return existsSync(join(DEFAULT_DIR, 'objects', object, `${object}.object-meta.xml`));
}

/** The custom field's definition from its metadata file, or undefined when the file does not exist. */
export function readCustomField(object: string, field: string): CustomFieldDef | undefined {
    const path = customFieldPath(object, field);
    if (!existsSync(path)) return undefined;
    const root = readMetadataRoot(path, 'CustomField');
    const valueSet = children(root, 'valueSet')[0];
    const definition = valueSet === undefined ? undefined : children(valueSet, 'valueSetDefinition')[0];
    return {
        object,
        name: field,
        type: requiredText(root, 'type', path),
        isFormula: textOf(root, 'formula') !== undefined,
        referenceTo: textOf(root, 'referenceTo'),
        relationshipName: textOf(root, 'relationshipName'),
        summaryOperation: textOf(root, 'summaryOperation'),
        summarizedField: textOf(root, 'summarizedField'),
        summaryForeignKey: textOf(root, 'summaryForeignKey'),
        summaryFilterItems: children(root, 'summaryFilterItems').map((item) => ({
            field: requiredText(item, 'field', path),
            operation: requiredText(item, 'operation', path),
            value: textOf(item, 'value') ?? ''
        })),
        picklistValues:
            definition === undefined
                ? []
                : children(definition, 'value').map((v) => requiredText(v, 'fullName', path))
    };
}
