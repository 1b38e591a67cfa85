// Every way a control snapshot is saved must satisfy Snapshot_Key_Matches_Deal_And_Date, which no
// longer accepts a blank key: a tree import (the sample data) cannot compose
// "<Opportunity Id>:<date>", so a before-save record-triggered flow sets it. As for the scorecard's
// key (scorecardKeyFlow.test.ts), the flow file is executed by the shared interpreter, the result is
// checked against the validation rule's own formula, and the rescore script's key must be the
// flow's, or every upsert on it would create a second snapshot.
import { to18 } from '../fakeOrg/ids';
import { snapshotKey } from '../../scripts/rescore/snapshotRow';
import {
    SObject,
    caseSafeId,
    keyFlowsOn,
    ruleFormula,
    runBeforeSave,
    textOfDate
} from './support/beforeSaveFlow';
import { childText, childrenNamed } from './support/xml';

const CS = 'Control_Snapshot__c';
const KEY = 'Snapshot_Key__c';
const OPPORTUNITY_15 = '006Fk0000000aBc';
const OPPORTUNITY_18 = to18(OPPORTUNITY_15)!;

/** The validation rule, evaluated for the one formula it has (checked verbatim first). */
function keyRuleRejects(record: SObject): boolean {
    expect(ruleFormula(CS, 'Snapshot_Key_Matches_Deal_And_Date')).toBe(
        `${KEY} != CASESAFEID(Opportunity__c) & ":" & TEXT(Snapshot_Date__c)`
    );
    return record[KEY] !== `${caseSafeId(record.Opportunity__c)}:${textOfDate(record.Snapshot_Date__c)}`;
}

const flow = () => keyFlowsOn(CS);

describe('the snapshot key on every save path', () => {
    it('comes from one active before-save flow on create and update, with no entry condition to miss', () => {
        expect(flow().map((f) => f.file.split('/').pop())).toEqual([
            'Control_Snapshot_Set_Key.flow-meta.xml'
        ]);
        const start = childrenNamed(flow()[0].xml, 'start')[0];
        expect(childText(start, 'recordTriggerType')).toBe('CreateAndUpdate');
        expect(childrenNamed(start, 'filters')).toEqual([]);
        expect(childText(start, 'filterFormula')).toBeUndefined();
    });

    it.each([
        [
            'an imported snapshot (key blank, as in the sample data)',
            { Opportunity__c: OPPORTUNITY_18, [KEY]: null }
        ],
        ['a 15-character parent Id', { Opportunity__c: OPPORTUNITY_15, [KEY]: null }],
        ['a key of another day', { Opportunity__c: OPPORTUNITY_18, [KEY]: `${OPPORTUNITY_18}:2026-02-28` }],
        [
            'a key in the wrong case',
            { Opportunity__c: OPPORTUNITY_18, [KEY]: `${OPPORTUNITY_18.toLowerCase()}:2026-03-01` }
        ]
    ])('sets the key for %s, which the validation rule then accepts', (_name, fields) => {
        const record: SObject = { Snapshot_Date__c: '2026-03-01', ...fields };
        expect(keyRuleRejects(record)).toBe(true);
        const saved = runBeforeSave(flow()[0].xml, record);
        expect(saved[KEY]).toBe(`${OPPORTUNITY_18}:2026-03-01`);
        expect(keyRuleRejects(saved)).toBe(false);
    });

    it('gives the key the rescore script upserts on, so a rerun updates that snapshot', () => {
        for (const [id, date] of [
            [OPPORTUNITY_15, '2026-03-01'],
            [OPPORTUNITY_18, '2027-12-31']
        ]) {
            const saved = runBeforeSave(flow()[0].xml, {
                Opportunity__c: id,
                Snapshot_Date__c: date,
                [KEY]: null
            });
            expect(saved[KEY]).toBe(snapshotKey(id, date));
        }
    });

    it('changes nothing but the key, and a snapshot without a date is still refused', () => {
        const record: SObject = {
            Opportunity__c: OPPORTUNITY_18,
            Snapshot_Date__c: null,
            [KEY]: null,
            Control_Score__c: '55'
        };
        const saved = runBeforeSave(flow()[0].xml, record);
        expect(Object.keys(saved).filter((k) => saved[k] !== record[k])).toEqual([KEY]);
        // TEXT of a blank date is blank: the key ends with the colon, and Snapshot_Date_Required
        // (ISBLANK(Snapshot_Date__c)) refuses the save with its own message.
        expect(saved[KEY]).toBe(`${OPPORTUNITY_18}:`);
        expect(ruleFormula(CS, 'Snapshot_Date_Required')).toBe('ISBLANK(Snapshot_Date__c)');
    });

    it('has an interpreter that reads TEXT of dates only (the docs say YYYY-MM-DD) and refuses anything else', () => {
        expect(textOfDate('2026-03-01')).toBe('2026-03-01');
        expect(() => textOfDate('01/03/2026')).toThrow(/not a date/);
        expect(() => textOfDate('Closed Won')).toThrow(/not a date/);
    });
});
