import { to18 } from '../ids';
import { FieldDef, ObjectDef, objectNamed } from '../schema';
import { canonicalDateTime, isValidDate } from '../values';
import { SoqlError, Token, positioned, tokenize } from './lexer';

/** A literal after type checking against its field, in the store's value form. */
export type LiteralValue = string | number | boolean | null;

export type Condition =
    | {
          readonly type: 'compare';
          readonly field: FieldDef;
          readonly op: CompareOp;
          readonly value: LiteralValue;
      }
    | {
          readonly type: 'in';
          readonly field: FieldDef;
          readonly negated: boolean;
          readonly values: LiteralValue[];
      }
    | { readonly type: 'and' | 'or'; readonly parts: Condition[] }
    | { readonly type: 'not'; readonly operand: Condition };

export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=';

export interface OrderItem {
    readonly field: FieldDef;
    readonly descending: boolean;
    readonly nullsLast: boolean;
}

export interface SoqlQuery {
    readonly text: string;
    readonly object: ObjectDef;
    /** SELECT COUNT(): only the number of rows is returned. */
    readonly isCount: boolean;
    readonly fields: readonly FieldDef[];
    readonly where?: Condition;
    readonly orderBy: readonly OrderItem[];
    readonly limit?: number;
    readonly offset?: number;
}

const UNSUPPORTED = new Set([
    'GROUP',
    'HAVING',
    'WITH',
    'FOR',
    'USING',
    'LIKE',
    'INCLUDES',
    'EXCLUDES',
    'TYPEOF'
]);
/** Long text areas (more than 255 characters) cannot be filtered or sorted in SOQL. */
const LONG_TEXT = 255;

/** Parses and type-checks a query against the fake org's schema; throws SoqlError like Salesforce. */
export function parseSoql(text: string): SoqlQuery {
    return new Parser(text).parse();
}

class Parser {
    private readonly tokens: Token[];
    private index = 0;
    private object!: ObjectDef;
    private readonly soql: string;

    constructor(soql: string) {
        this.soql = soql;
        this.tokens = tokenize(soql);
    }

    parse(): SoqlQuery {
        this.expectKeyword('SELECT');
        const selection = this.parseSelection();
        this.expectKeyword('FROM');
        const objectToken = this.next();
        const object = objectToken.kind === 'word' ? objectNamed(objectToken.text) : undefined;
        if (!object) {
            if (objectToken.kind !== 'word') throw this.unexpected(objectToken);
            throw this.error(
                'INVALID_TYPE',
                objectToken,
                `sObject type '${objectToken.text}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`
            );
        }
        this.object = object;
        const fields = selection.isCount ? [] : this.resolveSelection(selection.tokens);
        let where: Condition | undefined;
        if (this.acceptKeyword('WHERE')) where = this.parseConditionList();
        const orderBy: OrderItem[] = [];
        if (this.acceptKeyword('ORDER')) {
            this.expectKeyword('BY');
            do orderBy.push(this.parseOrderItem());
            while (this.acceptPunct(','));
        }
        let limit: number | undefined;
        let offset: number | undefined;
        if (this.acceptKeyword('LIMIT')) limit = this.parseNonNegativeInteger();
        if (this.acceptKeyword('OFFSET')) offset = this.parseNonNegativeInteger();
        const end = this.peek();
        if (end.kind !== 'end') throw this.unexpected(end);
        return { text: this.soql, object, isCount: selection.isCount, fields, where, orderBy, limit, offset };
    }

    private parseSelection(): { isCount: boolean; tokens: Token[] } {
        const first = this.peek();
        if (this.isKeyword(first, 'COUNT') && this.tokens[this.index + 1]?.text === '(') {
            this.index += 2;
            this.expectPunct(')');
            return { isCount: true, tokens: [] };
        }
        const tokens: Token[] = [];
        do {
            const t = this.next();
            if (t.kind !== 'word' || this.isKeyword(t, 'FROM')) throw this.unexpected(t);
            if (this.peek().text === '(') {
                throw this.error(
                    'MALFORMED_QUERY',
                    t,
                    `${t.text}() is not supported by the fake org (only COUNT() alone)`
                );
            }
            tokens.push(t);
        } while (this.acceptPunct(','));
        return { isCount: false, tokens };
    }

    private resolveSelection(tokens: Token[]): FieldDef[] {
        const seen = new Set<string>();
        return tokens.map((t) => {
            const f = this.field(t);
            if (seen.has(f.name))
                throw this.error('MALFORMED_QUERY', t, `duplicate field selected: ${f.name}`);
            seen.add(f.name);
            return f;
        });
    }

    private field(t: Token): FieldDef {
        if (t.kind !== 'word') throw this.unexpected(t);
        if (t.text.includes('.')) {
            throw this.error(
                'INVALID_FIELD',
                t,
                `Didn't understand relationship '${t.text.split('.')[0]}' in field path. The fake org supports plain fields of ${this.object.name} only.`
            );
        }
        const f = this.object.fieldsByLowerName.get(t.text.toLowerCase());
        if (!f) {
            throw this.error(
                'INVALID_FIELD',
                t,
                `No such column '${t.text}' on entity '${this.object.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`
            );
        }
        return f;
    }

    /** Operands joined by one kind of operator: SOQL refuses AND and OR mixed without parentheses. */
    private parseConditionList(): Condition {
        const parts = [this.parseUnary()];
        let joiner: 'and' | 'or' | undefined;
        for (;;) {
            const t = this.peek();
            const kind = this.isKeyword(t, 'AND') ? 'and' : this.isKeyword(t, 'OR') ? 'or' : undefined;
            if (!kind) break;
            if (joiner && joiner !== kind) throw this.unexpected(t);
            joiner = kind;
            this.index++;
            parts.push(this.parseUnary());
        }
        return joiner ? { type: joiner, parts } : parts[0];
    }

    private parseUnary(): Condition {
        if (this.acceptKeyword('NOT')) return { type: 'not', operand: this.parseUnary() };
        if (this.acceptPunct('(')) {
            const inner = this.parseConditionList();
            this.expectPunct(')');
            return inner;
        }
        return this.parseComparison();
    }

    private parseComparison(): Condition {
        const fieldToken = this.next();
        const field = this.field(fieldToken);
        const opToken = this.next();
        if (this.isKeyword(opToken, 'NOT') || this.isKeyword(opToken, 'IN')) {
            const negated = this.isKeyword(opToken, 'NOT');
            if (negated) this.expectKeyword('IN');
            this.checkFilterable(field, fieldToken);
            this.expectPunct('(');
            const values: LiteralValue[] = [];
            do values.push(this.literalFor(field, this.next()));
            while (this.acceptPunct(','));
            this.expectPunct(')');
            return { type: 'in', field, negated, values };
        }
        if (opToken.kind === 'word' && UNSUPPORTED.has(opToken.text.toUpperCase())) {
            throw this.error(
                'MALFORMED_QUERY',
                opToken,
                `${opToken.text.toUpperCase()} is not supported by the fake org`
            );
        }
        if (opToken.kind !== 'op') throw this.unexpected(opToken);
        this.checkFilterable(field, fieldToken);
        const op = (opToken.text === '<>' ? '!=' : opToken.text) as CompareOp;
        const value = this.literalFor(field, this.next());
        if (op !== '=' && op !== '!=' && (field.type === 'boolean' || field.type === 'multipicklist')) {
            throw this.error('INVALID_FIELD', opToken, `invalid operator on ${field.type} field: ${op}`);
        }
        return { type: 'compare', field, op, value };
    }

    private checkFilterable(field: FieldDef, t: Token): void {
        if (field.type === 'textarea' && (field.length ?? 0) > LONG_TEXT) {
            throw this.error('INVALID_FIELD', t, `field '${field.name}' can not be filtered in a query call`);
        }
    }

    /** The literal in store form, after the type checks Salesforce makes for the field. */
    private literalFor(field: FieldDef, t: Token): LiteralValue {
        if (t.kind === 'word' && t.text.toLowerCase() === 'null') return null;
        const wrongType = (typeName: string, quoted: boolean): SoqlError =>
            this.error(
                'INVALID_FIELD',
                t,
                `value of filter criterion for field '${field.name}' must be of type ${typeName} and ${quoted ? 'should be enclosed in quotes' : 'should not be enclosed in quotes'}`
            );
        if (t.kind === 'word' && !/^(true|false)$/i.test(t.text)) throw this.unexpected(t);
        switch (field.type) {
            case 'boolean':
                if (t.kind !== 'word') throw wrongType('boolean', false);
                return t.text.toLowerCase() === 'true';
            case 'double':
            case 'percent':
            case 'currency':
                if (t.kind !== 'number') throw wrongType('double', false);
                return Number(t.text);
            case 'date':
                if (t.kind !== 'date' || !isValidDate(t.text)) throw wrongType('date', false);
                return t.text;
            case 'datetime': {
                const dt = t.kind === 'datetime' ? canonicalDateTime(t.text) : null;
                if (!dt) throw wrongType('dateTime', false);
                return dt;
            }
            case 'id':
            case 'reference': {
                if (t.kind !== 'string') throw wrongType('id', true);
                const id = to18(t.text);
                if (!id) throw this.error('INVALID_QUERY_FILTER_OPERATOR', t, `invalid ID field: ${t.text}`);
                return id;
            }
            default:
                if (t.kind !== 'string') throw wrongType('string', true);
                return t.text;
        }
    }

    private parseOrderItem(): OrderItem {
        const t = this.next();
        const field = this.field(t);
        if (field.type === 'textarea' && (field.length ?? 0) > LONG_TEXT) {
            throw this.error('INVALID_FIELD', t, `field '${field.name}' can not be sorted in a query call`);
        }
        if (field.type === 'multipicklist') {
            throw this.error('INVALID_FIELD', t, `field '${field.name}' can not be sorted in a query call`);
        }
        let descending = false;
        if (this.acceptKeyword('DESC')) descending = true;
        else this.acceptKeyword('ASC');
        let nullsLast = descending;
        if (this.acceptKeyword('NULLS')) {
            if (this.acceptKeyword('LAST')) nullsLast = true;
            else {
                this.expectKeyword('FIRST');
                nullsLast = false;
            }
        }
        return { field, descending, nullsLast };
    }

    private parseNonNegativeInteger(): number {
        const t = this.next();
        if (t.kind !== 'number' || !/^\d+$/.test(t.text)) throw this.unexpected(t);
        return Number(t.text);
    }

    private peek(): Token {
        return this.tokens[this.index];
    }

    private next(): Token {
        const t = this.tokens[this.index];
        if (t.kind !== 'end') this.index++;
        return t;
    }

    private isKeyword(t: Token | undefined, keyword: string): boolean {
        return t !== undefined && t.kind === 'word' && t.text.toUpperCase() === keyword;
    }

    private acceptKeyword(keyword: string): boolean {
        if (!this.isKeyword(this.peek(), keyword)) return false;
        this.index++;
        return true;
    }

    private expectKeyword(keyword: string): void {
        const t = this.next();
        if (!this.isKeyword(t, keyword)) throw this.unexpected(t);
    }

    private acceptPunct(p: string): boolean {
        const t = this.peek();
        if (t.kind !== 'punct' || t.text !== p) return false;
        this.index++;
        return true;
    }

    private expectPunct(p: string): void {
        const t = this.next();
        if (t.kind !== 'punct' || t.text !== p) throw this.unexpected(t);
    }

    private unexpected(t: Token): SoqlError {
        if (t.kind === 'word' && UNSUPPORTED.has(t.text.toUpperCase())) {
            return this.error(
                'MALFORMED_QUERY',
                t,
                `${t.text.toUpperCase()} is not supported by the fake org`
            );
        }
        const shown = t.kind === 'string' ? `'${t.text}'` : t.text;
        return this.error('MALFORMED_QUERY', t, `unexpected token: ${shown}`);
    }

    private error(code: string, t: Token, text: string): SoqlError {
        return new SoqlError(code, positioned(this.soql, t.pos, text));
    }
}
