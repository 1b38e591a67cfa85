import { ReportDef, ReportFilterItem } from './lib/metadata';
import { FilterContext, dateRangeOf, evaluateFilterLogic, filterRows, matchesItem } from './lib/reportFilter';
import { FieldKind } from './lib/schema';

// The in-memory filter engine proves the sample data populates the reports, so it gets its own
// checks against the report builder's documented meaning of each operator and value.

const TODAY = '2026-11-26';
const item = (operator: string, value: string, column = 'X'): ReportFilterItem => ({
    column,
    operator,
    value
});

describe('filter logic', () => {
    it.each([
        ['1 AND (2 OR 3)', [true, false, true], true],
        ['1 AND (2 OR 3)', [false, true, true], false],
        ['1 AND 2 OR 3', [false, false, true], true],
        ['1 OR 2 AND 3', [true, false, false], true],
        ['NOT 1 AND 2', [false, true], true],
        ['(1 OR 2) AND NOT 3', [false, true, true], false]
    ])('%s with %j is %s', (logic, results, expected) => {
        expect(evaluateFilterLogic(logic, results)).toBe(expected);
    });

    it('rejects logic naming an item the filter does not have', () => {
        expect(() => evaluateFilterLogic('1 AND 3', [true, true])).toThrow(/item 3 of 2/);
    });

    it('rejects unbalanced or unreadable logic', () => {
        expect(() => evaluateFilterLogic('1 AND (2 OR 3', [true, true, true])).toThrow(/\)/);
        expect(() => evaluateFilterLogic('1 XOR 2', [true, true])).toThrow(/cannot read/);
    });
});

describe('relative dates', () => {
    it('LAST_N_DAYS:30 covers today and the 30 days before it', () => {
        expect(dateRangeOf('LAST_N_DAYS:30', TODAY)).toEqual({ start: '2026-10-27', end: TODAY });
    });

    it('an assessment is older than 30 days only before that range', () => {
        const older = item('lessThan', 'LAST_N_DAYS:30');
        expect(matchesItem('2026-10-26', older, 'date', TODAY)).toBe(true);
        expect(matchesItem('2026-10-27', older, 'date', TODAY)).toBe(false);
        expect(matchesItem('2026-11-20', older, 'date', TODAY)).toBe(false);
        expect(matchesItem(null, older, 'date', TODAY)).toBe(false);
    });

    it('equals a relative range means within it', () => {
        expect(matchesItem('2026-11-01', item('equals', 'LAST_N_DAYS:30'), 'date', TODAY)).toBe(true);
        expect(matchesItem('2026-09-01', item('equals', 'LAST_N_DAYS:30'), 'date', TODAY)).toBe(false);
    });

    it('throws on a relative value it does not know', () => {
        expect(() => matchesItem('2026-11-01', item('lessThan', 'NEXT_FISCAL_YEAR'), 'date', TODAY)).toThrow(
            /unsupported date filter value/
        );
    });
});

describe('values by field kind', () => {
    it.each<[FieldKind, unknown, string, string, boolean]>([
        ['boolean', true, 'equals', '1', true],
        ['boolean', false, 'equals', '1', false],
        ['boolean', false, 'equals', '0', true],
        ['number', 45, 'greaterOrEqual', '30', true],
        ['number', 29, 'greaterOrEqual', '30', false],
        ['number', -1, 'lessThan', '0', true],
        ['number', 0, 'lessThan', '0', false],
        ['number', 0.5, 'lessOrEqual', '0.5', true],
        ['number', 0.75, 'lessOrEqual', '0.5', false],
        ['text', 'KEY_PERSON_INCOMPLETE;KEY_PERSON_NO_CONTACT', 'contains', 'KEY_PERSON_NO_CONTACT', true],
        ['text', 'MENTOR_LOW_CONTACT', 'contains', 'KEY_PERSON_NO_CONTACT', false],
        ['picklist', 'Opponent', 'equals', 'Non_Supporter,Opponent', true],
        ['picklist', 'Neutral', 'equals', 'Non_Supporter,Opponent', false],
        ['multipicklist', 'Business;Financial', 'includes', 'Financial', true],
        ['multipicklist', 'Business', 'includes', 'Financial', false]
    ])('%s %j %s %s is %s', (kind, value, operator, filterValue, expected) => {
        expect(matchesItem(value as never, item(operator, filterValue), kind, TODAY)).toBe(expected);
    });

    it('a blank filter value means "is blank" with equals and "is not blank" with notEqual', () => {
        expect(matchesItem(null, item('equals', ''), 'number', TODAY)).toBe(true);
        expect(matchesItem(0, item('equals', ''), 'number', TODAY)).toBe(false);
        expect(matchesItem('', item('equals', ''), 'picklist', TODAY)).toBe(true);
        expect(matchesItem('Mentor', item('notEqual', ''), 'picklist', TODAY)).toBe(true);
    });

    it('a blank number never passes a comparison', () => {
        expect(matchesItem(null, item('lessThan', '0'), 'number', TODAY)).toBe(false);
        expect(matchesItem(null, item('greaterOrEqual', '30'), 'number', TODAY)).toBe(false);
    });

    it('rejects a checkbox value other than 1 or 0', () => {
        expect(() => matchesItem(true, item('equals', 'yes'), 'boolean', TODAY)).toThrow(/1 or 0/);
    });
});

describe('rows of a report', () => {
    const report = (overrides: Partial<ReportDef>): ReportDef => ({
        fullName: 'F/R',
        developerName: 'R',
        path: 'R',
        label: 'R',
        description: '',
        format: 'Tabular',
        reportType: 'T__c',
        columns: [],
        groupingsDown: [],
        groupingsAcross: [],
        filterItems: [],
        crossFilters: [],
        ...overrides
    });
    const kinds: Record<string, FieldKind> = { O$Id: 'id', O$Closed: 'boolean', O$Score: 'number' };
    const context: FilterContext = {
        today: TODAY,
        kindOf: (column) => kinds[column],
        relatedRecords: () => [
            { Parent__c: 'a', Top__c: true },
            { Parent__c: 'b', Top__c: false }
        ],
        relatedKindOf: () => 'boolean'
    };
    const rows = [
        { O$Id: 'a', O$Closed: false, O$Score: 10 },
        { O$Id: 'b', O$Closed: false, O$Score: 50 },
        { O$Id: 'c', O$Closed: true, O$Score: 5 }
    ];

    it('ANDs the items when the report has no filter logic', () => {
        const r = report({
            filterItems: [item('equals', '0', 'O$Closed'), item('lessThan', '20', 'O$Score')]
        });
        expect(filterRows(r, rows, context).map((row) => row['O$Id'])).toEqual(['a']);
    });

    it('keeps parents without a matching related record for a "without" cross filter', () => {
        const r = report({
            crossFilters: [
                {
                    operation: 'without',
                    primaryTableColumn: 'O$Id',
                    relatedTable: 'Child__c',
                    relatedTableJoinColumn: 'Parent__c',
                    items: [item('equals', '1', 'Top__c')]
                }
            ]
        });
        expect(filterRows(r, rows, context).map((row) => row['O$Id'])).toEqual(['b', 'c']);
    });

    it('keeps only parents with a matching related record for a "with" cross filter', () => {
        const r = report({
            crossFilters: [
                {
                    operation: 'with',
                    primaryTableColumn: 'O$Id',
                    relatedTable: 'Child__c',
                    relatedTableJoinColumn: 'Parent__c',
                    items: []
                }
            ]
        });
        expect(filterRows(r, rows, context).map((row) => row['O$Id'])).toEqual(['a', 'b']);
    });
});
