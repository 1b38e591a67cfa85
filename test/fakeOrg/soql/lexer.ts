/** Tokens of the SOQL subset the fake understands. */
export type TokenKind = 'word' | 'string' | 'number' | 'date' | 'datetime' | 'punct' | 'op' | 'end';

export interface Token {
    readonly kind: TokenKind;
    /** Source text (for words and punctuation) or decoded value (for strings). */
    readonly text: string;
    /** Offset in the query text, for Salesforce's "ERROR at Row:..:Column:.." messages. */
    readonly pos: number;
}

/** A SOQL error in Salesforce's shape (errorCode + message with the position marker). */
export class SoqlError extends Error {
    // `declare`: a subclass with emitted fields makes the LWC Jest transform import 'lwc' (see README).
    declare readonly errorCode: string;
    constructor(errorCode: string, message: string) {
        super(message);
        this.errorCode = errorCode;
    }
}

/** Salesforce's error message layout: the query, a caret under the column, the row and column. */
export function positioned(soql: string, pos: number, text: string): string {
    const before = soql.slice(0, pos).split('\n');
    const row = before.length;
    const column = before[before.length - 1].length + 1;
    const line = soql.split('\n')[row - 1];
    return `\n${line}\n${' '.repeat(column - 1)}^\nERROR at Row:${row}:Column:${column}\n${text}`;
}

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})/;
const DATE = /^\d{4}-\d{2}-\d{2}(?![\dT])/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)/;
const WORD = /^[A-Za-z_][A-Za-z0-9_.]*/;
const ESCAPES: Record<string, string> = {
    n: '\n',
    r: '\r',
    t: '\t',
    b: '\b',
    f: '\f',
    '"': '"',
    "'": "'",
    '\\': '\\'
};

export function tokenize(soql: string): Token[] {
    const tokens: Token[] = [];
    let i = 0;
    while (i < soql.length) {
        const c = soql[i];
        if (/\s/.test(c)) {
            i++;
            continue;
        }
        const rest = soql.slice(i);
        if (c === "'") {
            let value = '';
            let j = i + 1;
            for (; j < soql.length && soql[j] !== "'"; j++) {
                if (soql[j] === '\\') {
                    const escaped = ESCAPES[soql[j + 1]];
                    if (escaped === undefined) {
                        throw new SoqlError(
                            'MALFORMED_QUERY',
                            positioned(
                                soql,
                                j,
                                `Invalid string literal '${soql.slice(i + 1, j + 2)}'. Illegal character sequence '\\${soql[j + 1] ?? ''}' in string literal.`
                            )
                        );
                    }
                    value += escaped;
                    j++;
                } else value += soql[j];
            }
            if (j >= soql.length) {
                throw new SoqlError(
                    'MALFORMED_QUERY',
                    positioned(soql, i, `line 1:${i} mismatched character '<EOF>' expecting '''`)
                );
            }
            tokens.push({ kind: 'string', text: value, pos: i });
            i = j + 1;
            continue;
        }
        let m = DATETIME.exec(rest);
        if (m) {
            tokens.push({ kind: 'datetime', text: m[0], pos: i });
            i += m[0].length;
            continue;
        }
        m = DATE.exec(rest);
        if (m) {
            tokens.push({ kind: 'date', text: m[0], pos: i });
            i += m[0].length;
            continue;
        }
        m = NUMBER.exec(rest);
        if (m && (/\d|\./.test(c) || !isOperand(tokens[tokens.length - 1]))) {
            tokens.push({ kind: 'number', text: m[0], pos: i });
            i += m[0].length;
            continue;
        }
        m = WORD.exec(rest);
        if (m) {
            tokens.push({ kind: 'word', text: m[0], pos: i });
            i += m[0].length;
            continue;
        }
        const op = /^(!=|<>|<=|>=|=|<|>)/.exec(rest);
        if (op) {
            tokens.push({ kind: 'op', text: op[0], pos: i });
            i += op[0].length;
            continue;
        }
        if (c === '(' || c === ')' || c === ',') {
            tokens.push({ kind: 'punct', text: c, pos: i });
            i++;
            continue;
        }
        throw new SoqlError('MALFORMED_QUERY', positioned(soql, i, `unexpected token: '${c}'`));
    }
    tokens.push({ kind: 'end', text: '<EOF>', pos: soql.length });
    return tokens;
}

function isOperand(token: Token | undefined): boolean {
    return token !== undefined && token.kind !== 'op' && token.kind !== 'punct';
}
