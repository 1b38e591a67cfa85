// Every way a user can create a C139 scorecard must satisfy Opportunity_Key_Matches_Opportunity.
// The standard New button (scorecard tab, the Opportunity's related list) shows Opportunity_Key__c
// read-only, so a before-save record-triggered flow sets it. The flow file is checked against the
// Metadata API schema by metadataSchema.test.ts; here it is parsed and its path from <start> is
// executed by a tiny interpreter (support/beforeSaveFlow.ts, shared with the snapshot key's flow)
// that knows exactly the elements and formula shapes the key flows use (anything else fails the test
// rather than being skipped), and the result is checked against the validation rule's own formula.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { to18 } from '../fakeOrg/ids';
import {
    SObject,
    caseSafeId,
    evaluateFormula,
    keyFlowsOn,
    ruleFormula,
    runBeforeSave
} from './support/beforeSaveFlow';
import { defaultDir } from './support/repo';
import { childText, childrenNamed, readXml, walk } from './support/xml';

const SC = 'C139_Scorecard__c';
const KEY = 'Opportunity_Key__c';
const OPPORTUNITY_15 = '006Fk0000000aBc';
const OPPORTUNITY_18 = to18(OPPORTUNITY_15)!;

/** The validation rule, evaluated for the one formula it has (checked verbatim first). */
function keyRuleRejects(record: SObject): boolean {
    expect(ruleFormula(SC, 'Opportunity_Key_Matches_Opportunity')).toBe(
        `${KEY} != CASESAFEID(Opportunity__c)`
    );
    return record[KEY] !== caseSafeId(record.Opportunity__c);
}

const keyFlows = () => keyFlowsOn(SC);

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
        expect(() => evaluateFormula('LEFT({!$Record.Opportunity__c}, 3)', {})).toThrow(/does not evaluate/);
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
