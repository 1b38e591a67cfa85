import { changedFields, readFields, sameValue, updateOf, writeFields } from '../derived';

describe('comparing stored and model values', () => {
    it.each([
        ['Bulk text "2" equals 2', '2', 2, true],
        ['REST 0.75 equals 0.75', 0.75, 0.75, true],
        ['Bulk text "0.75" equals 0.75', '0.75', 0.75, true],
        ['blank text equals null', '', null, true],
        ['undefined equals null', undefined, null, true],
        ['"1" differs from 2', '1', 2, false],
        ['blank differs from 0', '', 0, false],
        ['a stale code list differs', 'A;B', 'A', false],
        ['a value where the model has none differs', 'WIN_UNSUPPORTED', null, false]
    ])('%s', (_label, stored, model, same) => {
        expect(sameValue(stored, model)).toBe(same);
    });
});

describe('changed fields', () => {
    const model = {
        Support_Index__c: 2,
        Completeness__c: 100,
        Insight_Codes__c: null,
        Model_Version__c: 'C139-v1.0.0',
        Scored_At__c: '2026-01-01T00:00:00.000Z'
    };

    it('ignores the scoring time: a record scored earlier with the same values is unchanged', () => {
        const stored = { ...model, Scored_At__c: '2020-05-05T00:00:00.000Z' };
        expect(changedFields('Stakeholder_Assessment__c', stored, model)).toEqual([]);
    });

    it('lists each field that differs', () => {
        const stored = { ...model, Support_Index__c: '1', Model_Version__c: 'C139-v0.9.0' };
        expect(changedFields('Stakeholder_Assessment__c', stored, model)).toEqual([
            'Support_Index__c',
            'Model_Version__c'
        ]);
    });
});

describe('what is read and written', () => {
    it('writes only the derived fields, plus the Id', () => {
        const update = updateOf('Stakeholder_Assessment__c', 'a01000000000001AAA', {
            Support_Index__c: null,
            Completeness__c: 40,
            Insight_Codes__c: 'MENTOR_LOW_CONTACT',
            Model_Version__c: 'C139-v1.0.0',
            Scored_At__c: 'T',
            Attitude_To_Us__c: 'Mentor'
        });
        expect(Object.keys(update)).toEqual(['Id', ...writeFields('Stakeholder_Assessment__c')]);
        expect(update.Support_Index__c).toBeNull();
        expect(update).not.toHaveProperty('Attitude_To_Us__c');
    });

    it('reads inputs and derived fields but no rep notes', () => {
        const fields = readFields('Stakeholder_Assessment__c');
        expect(fields).toEqual(
            expect.arrayContaining(['Id', 'Opportunity__c', 'Attitude_To_Us__c', 'Support_Index__c'])
        );
        expect(fields).not.toContain('Notes__c');
        expect(fields).not.toContain('Evidence__c');
    });
});
