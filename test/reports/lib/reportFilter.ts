import { ReportCrossFilter, ReportDef, ReportFilterItem } from './metadata';
import { FieldKind, NUMERIC_KINDS } from './schema';

/**
 * An in-memory reading of Salesforce report filters, for the subset of operators and values the
 * Deal Control reports use. Anything outside that subset throws instead of guessing, so a report
 * that cannot be evaluated fails its test rather than passing by accident.
 */

export type FieldValue = string | number | boolean | null | undefined;
/** One report row: report column name (`Opportunity$Amount`) → value. */
export type ReportRow = Readonly<Record<string, FieldValue>>;
export type RecordValues = Readonly<Record<string, FieldValue>>;

export interface FilterContext {
    /** The day the report runs, `YYYY-MM-DD`: relative date filters count from it. */
    readonly today: string;
    readonly kindOf: (column: string) => FieldKind;
    /** Records of a cross filter's related object. */
    readonly relatedRecords: (object: string) => readonly RecordValues[];
    readonly relatedKindOf: (object: string, field: string) => FieldKind;
}

function isBlank(value: FieldValue): boolean {
    return value === null || value === undefined || value === '';
}

/** Report filter values list alternatives separated by commas ("equals A,B" means A or B). */
function alternatives(value: string): string[] {
    return value.split(',').map((v) => v.trim());
}

function addDays(isoDate: string, days: number): string {
    const date = new Date(`${isoDate}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() + days);
    return date.toISOString().slice(0, 10);
}

/** A date filter value as a closed range of days: a literal date or a relative date such as LAST_N_DAYS:30. */
export function dateRangeOf(value: string, today: string): { start: string; end: string } {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return { start: value, end: value };
    if (value === 'TODAY') return { start: today, end: today };
    const lastN = /^LAST_N_DAYS:(\d+)$/.exec(value);
    // SOQL and report semantics: today and the n days before it.
    if (lastN) return { start: addDays(today, -Number(lastN[1])), end: today };
    const nAgo = /^N_DAYS_AGO:(\d+)$/.exec(value);
    if (nAgo) {
        const day = addDays(today, -Number(nAgo[1]));
        return { start: day, end: day };
    }
    throw new Error(`unsupported date filter value '${value}'`);
}

function compareDate(rowValue: FieldValue, item: ReportFilterItem, today: string): boolean {
    if (isBlank(rowValue)) return item.operator === 'notEqual';
    const day = String(rowValue).slice(0, 10);
    const { start, end } = dateRangeOf(item.value, today);
    switch (item.operator) {
        case 'equals':
            return day >= start && day <= end;
        case 'notEqual':
            return day < start || day > end;
        case 'lessThan':
            return day < start;
        case 'greaterThan':
            return day > end;
        case 'lessOrEqual':
            return day <= end;
        case 'greaterOrEqual':
            return day >= start;
        default:
            throw new Error(`operator ${item.operator} is not supported on dates`);
    }
}

function compareNumber(rowValue: FieldValue, item: ReportFilterItem): boolean {
    if (isBlank(rowValue)) return item.operator === 'notEqual';
    const actual = Number(rowValue);
    const expected = Number(item.value);
    if (Number.isNaN(expected)) throw new Error(`'${item.value}' is not a number (${item.column})`);
    switch (item.operator) {
        case 'equals':
            return actual === expected;
        case 'notEqual':
            return actual !== expected;
        case 'lessThan':
            return actual < expected;
        case 'greaterThan':
            return actual > expected;
        case 'lessOrEqual':
            return actual <= expected;
        case 'greaterOrEqual':
            return actual >= expected;
        default:
            throw new Error(`operator ${item.operator} is not supported on numbers`);
    }
}

function compareBoolean(rowValue: FieldValue, item: ReportFilterItem): boolean {
    const expected = { '1': true, true: true, '0': false, false: false }[item.value.toLowerCase()];
    if (expected === undefined) throw new Error(`checkbox filter value must be 1 or 0, not '${item.value}'`);
    const actual = rowValue === true || rowValue === 'true';
    if (item.operator === 'equals') return actual === expected;
    if (item.operator === 'notEqual') return actual !== expected;
    throw new Error(`operator ${item.operator} is not supported on checkboxes`);
}

function compareText(rowValue: FieldValue, item: ReportFilterItem, kind: FieldKind): boolean {
    const actual = isBlank(rowValue) ? '' : String(rowValue).toLowerCase();
    const options = alternatives(item.value.toLowerCase());
    const parts = kind === 'multipicklist' ? actual.split(';').filter((p) => p !== '') : [actual];
    switch (item.operator) {
        case 'equals':
            return options.includes(actual);
        case 'notEqual':
            return !options.includes(actual);
        case 'contains':
            return options.some((o) => actual.includes(o));
        case 'notContain':
            return !options.some((o) => actual.includes(o));
        case 'startsWith':
            return options.some((o) => actual.startsWith(o));
        case 'includes':
            return options.some((o) => parts.includes(o));
        case 'excludes':
            return !options.some((o) => parts.includes(o));
        default:
            throw new Error(`operator ${item.operator} is not supported on text`);
    }
}

/** Whether one filter item keeps a value of the given kind. */
export function matchesItem(
    rowValue: FieldValue,
    item: ReportFilterItem,
    kind: FieldKind,
    today: string
): boolean {
    if (item.value === '' && kind !== 'boolean') {
        if (item.operator === 'equals') return isBlank(rowValue);
        if (item.operator === 'notEqual') return !isBlank(rowValue);
        throw new Error(`a blank value only works with equals or notEqual (${item.column})`);
    }
    if (kind === 'boolean') return compareBoolean(rowValue, item);
    if (NUMERIC_KINDS.includes(kind)) return compareNumber(rowValue, item);
    if (kind === 'date' || kind === 'datetime') return compareDate(rowValue, item, today);
    return compareText(rowValue, item, kind);
}

type Token = { kind: 'num'; index: number } | { kind: 'op'; op: 'AND' | 'OR' | 'NOT' | '(' | ')' };

function tokenize(logic: string): Token[] {
    const tokens: Token[] = [];
    const pattern = /\s*(\d+|AND|OR|NOT|\(|\))\s*/giy;
    let match: RegExpExecArray | null;
    let consumed = 0;
    while ((match = pattern.exec(logic)) !== null) {
        consumed = pattern.lastIndex;
        const text = match[1].toUpperCase();
        if (/^\d+$/.test(text)) tokens.push({ kind: 'num', index: Number(text) });
        else tokens.push({ kind: 'op', op: text as 'AND' | 'OR' | 'NOT' | '(' | ')' });
    }
    if (consumed !== logic.length) throw new Error(`cannot read filter logic '${logic}'`);
    return tokens;
}

/**
 * Evaluates report filter logic such as "1 AND (2 OR 3)" given each numbered item's result
 * (1-based). AND binds tighter than OR, as in the report builder.
 */
export function evaluateFilterLogic(logic: string, results: readonly boolean[]): boolean {
    const tokens = tokenize(logic);
    let position = 0;
    const peek = () => tokens[position];
    const isOp = (op: string) => {
        const token = peek();
        return token !== undefined && token.kind === 'op' && token.op === op;
    };
    function primary(): boolean {
        const token = tokens[position++];
        if (token === undefined) throw new Error(`filter logic '${logic}' ends too early`);
        if (token.kind === 'num') {
            if (token.index < 1 || token.index > results.length) {
                throw new Error(`filter logic '${logic}' names item ${token.index} of ${results.length}`);
            }
            return results[token.index - 1];
        }
        if (token.op === 'NOT') return !primary();
        if (token.op === '(') {
            const value = or();
            if (!isOp(')')) throw new Error(`filter logic '${logic}' misses a ')'`);
            position++;
            return value;
        }
        throw new Error(`unexpected '${token.op}' in filter logic '${logic}'`);
    }
    function and(): boolean {
        let value = primary();
        while (isOp('AND')) {
            position++;
            value = primary() && value;
        }
        return value;
    }
    function or(): boolean {
        let value = and();
        while (isOp('OR')) {
            position++;
            value = and() || value;
        }
        return value;
    }
    const value = or();
    if (position !== tokens.length) throw new Error(`filter logic '${logic}' has trailing tokens`);
    return value;
}

function passesCrossFilter(row: ReportRow, filter: ReportCrossFilter, context: FilterContext): boolean {
    const key = row[filter.primaryTableColumn];
    const matching = context
        .relatedRecords(filter.relatedTable)
        .filter(
            (record) =>
                record[filter.relatedTableJoinColumn] === key &&
                filter.items.every((item) =>
                    matchesItem(
                        record[item.column],
                        item,
                        context.relatedKindOf(filter.relatedTable, item.column),
                        context.today
                    )
                )
        );
    return filter.operation === 'with' ? matching.length > 0 : matching.length === 0;
}

/** The rows a report keeps: its field filters (with their logic) and its cross filters. */
export function filterRows(
    report: ReportDef,
    rows: readonly ReportRow[],
    context: FilterContext
): ReportRow[] {
    return rows.filter((row) => {
        const results = report.filterItems.map((item) =>
            matchesItem(row[item.column], item, context.kindOf(item.column), context.today)
        );
        const kept =
            report.booleanFilter === undefined
                ? results.every(Boolean)
                : evaluateFilterLogic(report.booleanFilter, results);
        return kept && report.crossFilters.every((cf) => passesCrossFilter(row, cf, context));
    });
}
