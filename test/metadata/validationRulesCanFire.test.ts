// A validation rule that can never fire only looks like protection. The platform itself requires the
// Name of every record whose name field is Text, so a rule that fires only when Name is blank (as
// Contact_Or_Name_Required did: AND(ISBLANK(Contact__c), LEN(TRIM(Name)) = 0)) is dead: its message
// never shows, and the guide that lists it promises a check that does not exist.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { objectsDir } from './support/catalog';
import { listFiles } from './support/repo';
import { childText, childrenNamed, readXml } from './support/xml';

/** Top-level arguments of a formula call, e.g. AND(a, b(c, d)) → ['a', 'b(c, d)']. */
function callArguments(formula: string, fn: string): string[] | undefined {
    const m = new RegExp(`^\\s*${fn}\\s*\\(`, 'i').exec(formula);
    if (!m || !formula.trim().endsWith(')')) return undefined;
    const body = formula.trim().slice(m[0].trimStart().length, -1);
    const args: string[] = [];
    let depth = 0;
    let quote: string | null = null;
    let current = '';
    for (const ch of body) {
        if (quote) {
            if (ch === quote) quote = null;
        } else if (ch === '"' || ch === "'") quote = ch;
        else if (ch === '(') depth++;
        else if (ch === ')') depth--;
        else if (ch === ',' && depth === 0) {
            args.push(current.trim());
            current = '';
            continue;
        }
        current += ch;
    }
    args.push(current.trim());
    return depth === 0 ? args : undefined;
}

const BLANK_NAME = [
    /^ISBLANK\(\s*Name\s*\)$/i,
    /^ISNULL\(\s*Name\s*\)$/i,
    /^LEN\(\s*(TRIM\(\s*)?Name\s*\)?\s*\)\s*(=|==)\s*0$/i,
    /^Name\s*(=|==)\s*(''|"")$/i
];
const testsBlankName = (expression: string) => BLANK_NAME.some((p) => p.test(expression.trim()));

/** Why a rule on an object with a required Text name field can never fire, or undefined. */
function neverFires(formula: string): string | undefined {
    const conjuncts = callArguments(formula, 'AND') ?? [formula];
    const dead = conjuncts.find(testsBlankName);
    return dead === undefined
        ? undefined
        : `it fires only when "${dead}", but the platform requires Name (a Text name field) on every save`;
}

function nameFieldType(object: string): string | undefined {
    const file = path.join(objectsDir, object, `${object}.object-meta.xml`);
    if (!fs.existsSync(file)) return undefined;
    return childText(childrenNamed(readXml(file), 'nameField')[0], 'type');
}

describe('validation rules', () => {
    const rules = fs.readdirSync(objectsDir).flatMap((object) =>
        listFiles(path.join(objectsDir, object, 'validationRules'), (f) =>
            f.endsWith('.validationRule-meta.xml')
        ).map((file) => ({
            object,
            name: path.basename(file, '.validationRule-meta.xml'),
            xml: readXml(file)
        }))
    );

    it('exist to be checked', () => {
        expect(rules.length).toBeGreaterThan(0);
    });

    it.each(rules.map((r) => [`${r.object}.${r.name}`, r]))('%s can fire', (_n, r) => {
        const reason =
            nameFieldType(r.object) === 'Text'
                ? neverFires(childText(r.xml, 'errorConditionFormula') ?? '')
                : undefined;
        expect(reason).toBeUndefined();
    });

    it('are checked: the old Contact_Or_Name_Required formula and its variants are dead, real conditions are not', () => {
        expect(neverFires('AND(ISBLANK(Contact__c), LEN(TRIM(Name)) = 0)')).toMatch(
            /LEN\(TRIM\(Name\)\) = 0/
        );
        expect(neverFires('ISBLANK(Name)')).toBeDefined();
        expect(neverFires("and(isblank(Contact__c), Name = '')")).toBeDefined();
        expect(neverFires('OR(ISBLANK(Contact__c), LEN(TRIM(Name)) = 0)')).toBeUndefined();
        expect(neverFires('AND(ISBLANK(Contact__c), LEN(TRIM(Title__c)) = 0)')).toBeUndefined();
        expect(neverFires('AND(NOT(ISBLANK(Next_Action_Due__c)), ISBLANK(Next_Action__c))')).toBeUndefined();
        expect(callArguments("AND(A(1, ','), B)", 'AND')).toEqual(["A(1, ',')", 'B']);
    });
});
