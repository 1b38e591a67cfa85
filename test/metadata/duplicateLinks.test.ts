// No duplicate link of the same type between the same two people, without Apex: a unique text field
// (Link_Key__c) that a before-save flow fills on every save, and a validation rule that rejects a
// missing or wrong key (so an inactive flow cannot let duplicates in silently). These tests tie the
// three together and to the model's own duplicate rule; that the org runs them is for an org to prove.
import * as path from 'node:path';
import fc from 'fast-check';
import { LINK_TYPE, SYMMETRIC_LINK_TYPES, buildPoliticalMap, valuesOf } from 'c/dealControlModel';
import { fieldsByObject, objectsDir } from './support/catalog';
import { linkKeyOf } from './support/linkKey';
import { defaultDir } from './support/repo';
import { XmlElement, childText, childrenNamed, readXml } from './support/xml';

const SL = 'Stakeholder_Link__c';
const flow = readXml(path.join(defaultDir, 'flows', 'Stakeholder_Link_Set_Key.flow-meta.xml'));
const rule = readXml(
    path.join(objectsDir, SL, 'validationRules', 'Link_Key_Matches_Link.validationRule-meta.xml')
);
const squash = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const named = (parent: XmlElement, tag: string, name: string): XmlElement => {
    const el = childrenNamed(parent, tag).find((e) => childText(e, 'name') === name);
    if (!el) throw new Error(`no ${tag} named ${name}`);
    return el;
};
const formula = (name: string) => squash(childText(named(flow, 'formulas', name), 'expression'));
/** A flow formula as a validation rule writes it: `{!$Record.Field__c}` is the record's own field. */
const asRuleFormula = (expression: string) => expression.replace(/\{!\$Record\.(\w+)\}/g, '$1');

describe('the flow that sets the duplicate check key', () => {
    it('runs before save on every create and update of a link, and is active', () => {
        const start = childrenNamed(flow, 'start')[0];
        expect(childText(start, 'object')).toBe(SL);
        expect(childText(start, 'triggerType')).toBe('RecordBeforeSave');
        expect(childText(start, 'recordTriggerType')).toBe('CreateAndUpdate');
        // No entry conditions: a link whose type or people change gets a fresh key.
        expect(childrenNamed(start, 'filters')).toEqual([]);
        expect(childText(start, 'filterFormula')).toBeUndefined();
        expect(childText(flow, 'processType')).toBe('AutoLaunchedFlow');
        expect(childText(flow, 'status')).toBe('Active');
    });

    it('writes the key on both paths: directed types and the symmetric ones', () => {
        const decision = named(flow, 'decisions', 'Is_Symmetric');
        const rule = childrenNamed(decision, 'rules')[0];
        expect(childText(rule, 'conditionLogic')).toBe('or');
        const values = childrenNamed(rule, 'conditions').map((c) => {
            expect(childText(c, 'leftValueReference')).toBe('$Record.Link_Type__c');
            expect(childText(c, 'operator')).toBe('EqualTo');
            return childText(childrenNamed(c, 'rightValue')[0], 'stringValue');
        });
        expect(values.sort()).toEqual([...SYMMETRIC_LINK_TYPES].sort());
        const target = (el: XmlElement, tag: string) =>
            childText(childrenNamed(el, tag)[0], 'targetReference');
        expect(target(decision, 'defaultConnector')).toBe('Set_Directed_Key');
        expect(target(rule, 'connector')).toBe('Get_First_Person');
        expect(target(named(flow, 'recordLookups', 'Get_First_Person'), 'connector')).toBe(
            'Set_Symmetric_Key'
        );
        for (const [assignment, key] of [
            ['Set_Directed_Key', 'DirectedKey'],
            ['Set_Symmetric_Key', 'SymmetricKey']
        ]) {
            const item = childrenNamed(named(flow, 'assignments', assignment), 'assignmentItems')[0];
            expect(childText(item, 'assignToReference')).toBe('$Record.Link_Key__c');
            expect(childText(childrenNamed(item, 'value')[0], 'elementReference')).toBe(key);
        }
    });

    it('orders the two people of a symmetric link by a query sorted on Id (formulas cannot compare text)', () => {
        const lookup = named(flow, 'recordLookups', 'Get_First_Person');
        expect(childText(lookup, 'object')).toBe('Stakeholder_Assessment__c');
        expect(childText(lookup, 'getFirstRecordOnly')).toBe('true');
        expect([childText(lookup, 'sortField'), childText(lookup, 'sortOrder')]).toEqual(['Id', 'Asc']);
        expect(childText(lookup, 'filterLogic')).toBe('or');
        expect(
            childrenNamed(lookup, 'filters').map((f) => [
                childText(f, 'field'),
                childText(f, 'operator'),
                childText(childrenNamed(f, 'value')[0], 'elementReference')
            ])
        ).toEqual([
            ['Id', 'EqualTo', '$Record.From_Stakeholder__c'],
            ['Id', 'EqualTo', '$Record.To_Stakeholder__c']
        ]);
        expect(formula('SymmetricKey')).toContain('CASESAFEID({!Get_First_Person.Id})');
    });
});

describe('the validation rule and the flow agree on the key', () => {
    const condition = squash(childText(rule, 'errorConditionFormula'));
    const directed = asRuleFormula(formula('DirectedKey'));
    const reversed = directed
        .replace('From_Stakeholder__c', '#')
        .replace('To_Stakeholder__c', 'From_Stakeholder__c')
        .replace('#', 'To_Stakeholder__c');

    it("accepts the flow's key in the link's direction, and the reverse one only for Allied and Rival", () => {
        expect(directed).toBe(
            'CASESAFEID(Opportunity__c) & ":" & CASESAFEID(From_Stakeholder__c) & ":" & ' +
                'CASESAFEID(To_Stakeholder__c) & ":" & TEXT(Link_Type__c)'
        );
        expect(condition).toContain(`Link_Key__c != ${directed}`);
        expect(condition).toContain(`Link_Key__c != ${reversed}`);
        const symmetric = [...condition.matchAll(/ISPICKVAL\(Link_Type__c, "(\w+)"\)/g)].map((m) => m[1]);
        expect(symmetric.sort()).toEqual([...SYMMETRIC_LINK_TYPES].sort());
    });

    it('leaves incomplete links to the rules that name what is missing', () => {
        expect(condition).toMatch(
            /^AND\(NOT\(ISBLANK\(From_Stakeholder__c\)\), NOT\(ISBLANK\(To_Stakeholder__c\)\), NOT\(ISPICKVAL\(Link_Type__c, ""\)\),/
        );
    });

    it('fits the key in the unique field: three 18-character Ids, the longest type and three colons', () => {
        const key = fieldsByObject().get(SL)!.get('Link_Key__c')!;
        const longest = Math.max(...valuesOf(LINK_TYPE).map((v) => v.length));
        expect(18 * 3 + longest + 3).toBeLessThanOrEqual(Number(childText(key.xml, 'length')));
        expect([childText(key.xml, 'unique'), childText(key.xml, 'caseSensitive')]).toEqual(['true', 'true']);
    });
});

describe("the key's uniqueness is the model's duplicate rule", () => {
    const OPPORTUNITY = '006000000000001AAA';
    const people = ['a01000000000001AAA', 'a01000000000002AAA', 'a01000000000003AAA'];
    const stakeholders = people.map((Id) => ({ Id, Name: Id, Opportunity__c: OPPORTUNITY }));
    const link = fc.record({
        from: fc.constantFrom(...people),
        to: fc.constantFrom(...people),
        type: fc.constantFrom(...valuesOf(LINK_TYPE))
    });

    it('gives two valid links the same key exactly when the model ignores the second as a duplicate', () => {
        fc.assert(
            fc.property(link, link, (a, b) => {
                fc.pre(a.from !== a.to && b.from !== b.to);
                const records = [a, b].map((l, i) => ({
                    Id: `a03${i}`,
                    Opportunity__c: OPPORTUNITY,
                    From_Stakeholder__c: l.from,
                    To_Stakeholder__c: l.to,
                    Link_Type__c: l.type
                }));
                const duplicate = buildPoliticalMap(stakeholders, records, {
                    opportunityId: OPPORTUNITY
                }).issues.some((i) => i.code === 'LINK_DUPLICATE');
                const sameKey =
                    linkKeyOf({ opportunityId: OPPORTUNITY, ...a }) ===
                    linkKeyOf({ opportunityId: OPPORTUNITY, ...b });
                expect(duplicate).toBe(sameKey);
            }),
            { numRuns: 500 }
        );
    });
});
