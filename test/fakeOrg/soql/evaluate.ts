import { FieldDef, isNumeric } from '../schema';
import { FieldValue, SObjectRecord } from '../values';
import { Condition, LiteralValue, OrderItem } from './parser';

/**
 * SOQL semantics the fake reproduces: text compares case-insensitively, `!=` and NOT IN match
 * blanks (unlike SQL), range operators never match blanks, a multi-select `=` compares the set.
 */
export type Predicate = (record: SObjectRecord) => boolean;

function comparable(field: FieldDef, value: FieldValue | LiteralValue): string | number | boolean | null {
    if (value === null || value === undefined) return null;
    if (typeof value === 'string' && !isNumeric(field.type)) {
        if (field.type === 'multipicklist')
            return value
                .split(';')
                .map((v) => v.toLowerCase())
                .sort()
                .join(';');
        if (field.type === 'id' || field.type === 'reference') return value;
        return value.toLowerCase();
    }
    return value;
}

function compare(a: string | number | boolean, b: string | number | boolean): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

export function compilePredicate(condition: Condition): Predicate {
    switch (condition.type) {
        case 'and': {
            const parts = condition.parts.map(compilePredicate);
            return (r) => parts.every((p) => p(r));
        }
        case 'or': {
            const parts = condition.parts.map(compilePredicate);
            return (r) => parts.some((p) => p(r));
        }
        case 'not': {
            const operand = compilePredicate(condition.operand);
            return (r) => !operand(r);
        }
        case 'in': {
            const { field, negated } = condition;
            const wanted = new Set(condition.values.map((v) => comparable(field, v)));
            return (r) => wanted.has(comparable(field, r[field.name])) !== negated;
        }
        case 'compare': {
            const { field, op } = condition;
            const literal = comparable(field, condition.value);
            return (r) => {
                const value = comparable(field, r[field.name]);
                if (op === '=') return value === literal;
                if (op === '!=') return value !== literal;
                if (value === null || literal === null) return false;
                const c = compare(value, literal);
                return op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c >= 0;
            };
        }
    }
}

/** Record comparator for ORDER BY, Id as the final tie-breaker (the fake's stable default order). */
export function compileOrder(items: readonly OrderItem[]): (a: SObjectRecord, b: SObjectRecord) => number {
    return (a, b) => {
        for (const item of items) {
            const va = comparable(item.field, a[item.field.name]);
            const vb = comparable(item.field, b[item.field.name]);
            if (va === vb) continue;
            if (va === null) return item.nullsLast ? 1 : -1;
            if (vb === null) return item.nullsLast ? -1 : 1;
            const c = compare(va, vb);
            if (c !== 0) return item.descending ? -c : c;
        }
        return compare(a.Id as string, b.Id as string);
    };
}
