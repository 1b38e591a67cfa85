import * as path from 'node:path';
import { to18 } from '../../fakeOrg/ids';
import { defaultDir, listFiles } from './repo';
import { XmlElement, childText, childrenNamed, readXml } from './xml';

/**
 * A tiny interpreter for the before-save flows that set Deal Control's keys: it follows the path
 * from <start> through assignments to $Record fields and evaluates the few formula shapes they use
 * (string literals, `&`, CASESAFEID and TEXT of a record field). Anything else fails loudly rather
 * than being skipped, so a proof built on it cannot pass by ignoring what it does not understand.
 */

/** A record as a flow sees it: API values as text (dates as YYYY-MM-DD), blanks as null. */
export type SObject = Record<string, string | null>;

/** CASESAFEID as the platform defines it: the 18-character form of a 15- or 18-character Id. */
export function caseSafeId(id: string | null): string | null {
    if (id === null) return null;
    const id18 = to18(id);
    if (id18 === null) throw new Error(`CASESAFEID: "${id}" is not a record Id`);
    return id18;
}

/**
 * TEXT of a date field: "Dates are returned in the form of YYYY-MM-DD, that is, a four-digit year
 * and two-digit month and day" (Salesforce Help, TEXT,
 * https://help.salesforce.com/s/articleView?id=platform.customize_functions_text.htm), whatever the
 * user's locale. A blank date gives blank text.
 */
export function textOfDate(value: string | null): string {
    if (value === null) return '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new Error(`TEXT: "${value}" is not a date field value`);
    return value;
}

/** The top-level operands of `a & "b" & c`, or null when the expression has no top-level `&`. */
function concatenation(expression: string): string[] | null {
    const parts: string[] = [];
    let depth = 0;
    let quoted = false;
    let current = '';
    for (const ch of expression) {
        if (ch === '"') quoted = !quoted;
        else if (!quoted && ch === '(') depth += 1;
        else if (!quoted && ch === ')') depth -= 1;
        else if (!quoted && depth === 0 && ch === '&') {
            parts.push(current.trim());
            current = '';
            continue;
        }
        current += ch;
    }
    parts.push(current.trim());
    return parts.length > 1 ? parts : null;
}

/** Evaluates the formula shapes the key flows use; any other shape fails loudly. */
export function evaluateFormula(expression: string, record: SObject): string | null {
    const parts = concatenation(expression.trim());
    if (parts) return parts.map((p) => evaluateFormula(p, record) ?? '').join('');
    const literal = /^"([^"]*)"$/.exec(expression.trim());
    if (literal) return literal[1];
    const call = /^(CASESAFEID|TEXT)\(\{!\$Record\.(\w+)\}\)$/.exec(expression.trim());
    if (!call) throw new Error(`the test interpreter does not evaluate the formula ${expression}`);
    const value = record[call[2]] ?? null;
    return call[1] === 'CASESAFEID' ? caseSafeId(value) : textOfDate(value);
}

function elementNamed(flow: XmlElement, name: string): XmlElement {
    const found = flow.children.find((c) => childText(c, 'name') === name);
    if (!found) throw new Error(`the flow has no element named ${name}`);
    return found;
}

function valueOf(flow: XmlElement, value: XmlElement, record: SObject): string | null {
    const reference = childText(value, 'elementReference');
    if (reference !== undefined) {
        const target = elementNamed(flow, reference);
        if (target.name !== 'formulas')
            throw new Error(`the test interpreter cannot read a ${target.name} value`);
        return evaluateFormula(childText(target, 'expression') ?? '', record);
    }
    const literal = childText(value, 'stringValue');
    if (literal !== undefined) return literal;
    throw new Error('the test interpreter reads only formula references and string values');
}

/** Runs a before-save flow on one record, following connectors from <start>; returns the record. */
export function runBeforeSave(flow: XmlElement, input: SObject): SObject {
    const record = { ...input };
    const start = childrenNamed(flow, 'start')[0];
    let next = childText(childrenNamed(start, 'connector')[0] ?? start, 'targetReference');
    const visited = new Set<string>();
    while (next) {
        if (visited.has(next)) throw new Error(`the flow loops at ${next}`);
        visited.add(next);
        const element = elementNamed(flow, next);
        if (element.name !== 'assignments')
            throw new Error(`the test interpreter does not run ${element.name} elements (${next})`);
        for (const item of childrenNamed(element, 'assignmentItems')) {
            const target = childText(item, 'assignToReference') ?? '';
            if (!target.startsWith('$Record.') || childText(item, 'operator') !== 'Assign')
                throw new Error(`the test interpreter only assigns to $Record fields (${target})`);
            record[target.slice('$Record.'.length)] = valueOf(flow, childrenNamed(item, 'value')[0], record);
        }
        next = childText(childrenNamed(element, 'connector')[0] ?? element, 'targetReference');
    }
    return record;
}

/** Every flow file of the project, parsed. */
export const FLOWS = listFiles(path.join(defaultDir, 'flows'), (f) => f.endsWith('.flow-meta.xml')).map(
    (file) => ({ file, xml: readXml(file) })
);

/** Active before-save flows on an object that run when a record of it is created. */
export function keyFlowsOn(object: string): Array<{ file: string; xml: XmlElement }> {
    return FLOWS.filter(({ xml }) => {
        const start = childrenNamed(xml, 'start')[0];
        return (
            start !== undefined &&
            childText(xml, 'processType') === 'AutoLaunchedFlow' &&
            childText(xml, 'status') === 'Active' &&
            childText(start, 'triggerType') === 'RecordBeforeSave' &&
            childText(start, 'object') === object &&
            ['Create', 'CreateAndUpdate'].includes(childText(start, 'recordTriggerType') ?? '')
        );
    });
}

/** The error condition formula of a validation rule of an object. */
export function ruleFormula(object: string, rule: string): string | undefined {
    return childText(
        readXml(
            path.join(defaultDir, 'objects', object, 'validationRules', `${rule}.validationRule-meta.xml`)
        ),
        'errorConditionFormula'
    );
}
