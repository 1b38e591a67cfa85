// Every way a user can create a C139 scorecard must satisfy Opportunity_Key_Matches_Opportunity.
// The standard New button (scorecard tab, the Opportunity's related list) shows Opportunity_Key__c
// read-only, so a before-save record-triggered flow sets it. The flow file is checked against the
// Metadata API schema by metadataSchema.test.ts; here it is parsed and its path from <start> is
// executed by a tiny interpreter that knows exactly the elements and the one formula shape it
// uses (anything else fails the test rather than being skipped), and the result is checked against
// the validation rule's own formula.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { to18 } from '../fakeOrg/ids';
import { defaultDir, listFiles } from './support/repo';
import { XmlElement, childText, childrenNamed, readXml, walk } from './support/xml';

const SC = 'C139_Scorecard__c';
const KEY = 'Opportunity_Key__c';
const OPPORTUNITY_15 = '006Fk0000000aBc';
const OPPORTUNITY_18 = to18(OPPORTUNITY_15)!;

type SObject = Record<string, string | null>;

/** CASESAFEID as the platform defines it: the 18-character form of a 15- or 18-character Id. */
function caseSafeId(id: string | null): string | null {
    if (id === null) return null;
    const id18 = to18(id);
    if (id18 === null) throw new Error(`CASESAFEID: "${id}" is not a record Id`);
    return id18;
}

/** Evaluates the formula shapes this flow uses; any other shape fails loudly. */
function evaluateFormula(expression: string, record: SObject): string | null {
    const m = /^CASESAFEID\(\{!\$Record\.(\w+)\}\)$/.exec(expression.trim());
    if (!m) throw new Error(`the test interpreter does not evaluate the formula ${expression}`);
    return caseSafeId(record[m[1]] ?? null);
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
function runBeforeSave(flow: XmlElement, input: SObject): SObject {
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

/** The validation rule, evaluated for the one formula it has (checked verbatim first). */
function keyRuleRejects(record: SObject): boolean {
    const rule = readXml(
        path.join(
            defaultDir,
            'objects',
            SC,
            'validationRules',
            'Opportunity_Key_Matches_Opportunity.validationRule-meta.xml'
        )
    );
    expect(childText(rule, 'errorConditionFormula')).toBe(`${KEY} != CASESAFEID(Opportunity__c)`);
    return record[KEY] !== caseSafeId(record.Opportunity__c);
}

const flows = listFiles(path.join(defaultDir, 'flows'), (f) => f.endsWith('.flow-meta.xml')).map((file) => ({
    file,
    xml: readXml(file)
}));

/** Active before-save flows on scorecards that run when a scorecard is created. */
function keyFlows() {
    return flows.filter(({ xml }) => {
        const start = childrenNamed(xml, 'start')[0];
        return (
            start !== undefined &&
            childText(xml, 'processType') === 'AutoLaunchedFlow' &&
            childText(xml, 'status') === 'Active' &&
            childText(start, 'triggerType') === 'RecordBeforeSave' &&
            childText(start, 'object') === SC &&
            ['Create', 'CreateAndUpdate'].includes(childText(start, 'recordTriggerType') ?? '')
        );
    });
}

describe('creating a C139 scorecard through the standard New button', () => {
    it('is possible in the UI: the scorecard has a tab and shows the key read-only on its layout', () => {
        expect(fs.existsSync(path.join(defaultDir, 'tabs', `${SC}.tab-meta.xml`))).toBe(true);
        const layout = readXml(
            path.join(defaultDir, 'layouts', `${SC}-C139 Scorecard Layout.layout-meta.xml`)
        );
        const keyItem = [...walk(layout)].find(
            (e) => e.name === 'layoutItems' && childText(e, 'field') === KEY
        );
        expect(keyItem && childText(keyItem, 'behavior')).toBe('Readonly');
    });

    it('gets the key from an active before-save flow on create and update, with no entry condition to miss', () => {
        const found = keyFlows();
        expect(found.map((f) => path.basename(f.file))).toEqual([
            'C139_Scorecard_Set_Opportunity_Key.flow-meta.xml'
        ]);
        const start = childrenNamed(found[0].xml, 'start')[0];
        expect(childText(start, 'recordTriggerType')).toBe('CreateAndUpdate');
        expect(childrenNamed(start, 'filters')).toEqual([]);
        expect(childText(start, 'filterFormula')).toBeUndefined();
    });

    it.each([
        [
            'a New scorecard (key blank, 15-character parent Id)',
            { Opportunity__c: OPPORTUNITY_15, [KEY]: null }
        ],
        [
            'a New scorecard (key blank, 18-character parent Id)',
            { Opportunity__c: OPPORTUNITY_18, [KEY]: null }
        ],
        [
            'an update that carries a wrong key',
            { Opportunity__c: OPPORTUNITY_18, [KEY]: '006000000000000AAA' }
        ],
        ['a key in the wrong case', { Opportunity__c: OPPORTUNITY_18, [KEY]: OPPORTUNITY_18.toLowerCase() }]
    ])('sets the 18-character key for %s, which the validation rule then accepts', (_name, record) => {
        expect(keyRuleRejects(record)).toBe(true);
        const saved = runBeforeSave(keyFlows()[0].xml, record);
        expect(saved[KEY]).toBe(OPPORTUNITY_18);
        expect(saved.Opportunity__c).toBe(record.Opportunity__c);
        expect(keyRuleRejects(saved)).toBe(false);
    });

    it('changes nothing but the key', () => {
        const record: SObject = {
            Opportunity__c: OPPORTUNITY_18,
            [KEY]: null,
            Coach__c: 'Confirmed',
            Notes__c: 'x'
        };
        const saved = runBeforeSave(keyFlows()[0].xml, record);
        expect(Object.keys(saved).filter((k) => saved[k] !== record[k])).toEqual([KEY]);
    });

    it('has an interpreter that refuses what it does not understand (so the proof cannot pass by skipping)', () => {
        expect(() => evaluateFormula('TEXT({!$Record.Opportunity__c})', {})).toThrow(/does not evaluate/);
        expect(() => caseSafeId('not-an-id')).toThrow(/not a record Id/);
        const withDecision = readXml(keyFlows()[0].file);
        const decision = {
            ...withDecision,
            children: withDecision.children.map((c) =>
                c.name === 'assignments' ? { ...c, name: 'decisions' } : c
            )
        };
        expect(() => runBeforeSave(decision, { Opportunity__c: OPPORTUNITY_18 })).toThrow(
            /does not run decisions/
        );
    });
});
