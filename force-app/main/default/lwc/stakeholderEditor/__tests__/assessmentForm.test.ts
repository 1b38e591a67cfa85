import {
    buildSaveRequest,
    conflictingFields,
    localDate,
    toFieldValue,
    toFormValues,
    validateForm
} from '../assessmentForm';

describe('assessmentForm', () => {
    it('writes blanks as null, trims the name only, and orders multi-selects like the model', () => {
        expect(toFieldValue('Name', '  王建 ')).toBe('王建');
        expect(toFieldValue('Name', '   ')).toBeNull();
        expect(toFieldValue('Evidence__c', '  indented evidence')).toBe('  indented evidence');
        expect(toFieldValue('Notes__c', ' ')).toBeNull();
        expect(toFieldValue('Decision_Focus__c', ['Relationship', 'Business'])).toBe('Business;Relationship');
        expect(toFieldValue('Decision_Focus__c', [])).toBeNull();
        expect(toFieldValue('Top_Decision_Maker__c', null)).toBe(false);
    });

    it('reads stored multi-selects and checkbox texts through the model', () => {
        const values = toFormValues({
            Decision_Focus__c: 'Financial;Business',
            Top_Decision_Maker__c: 'true',
            Role__c: 'CFO',
            Influence__c: 'high'
        });
        expect(values.Decision_Focus__c).toEqual(['Business', 'Financial']);
        expect(values.Top_Decision_Maker__c).toBe(true);
        expect(values.Role__c).toBe('CFO');
        // Not a model value (the model is case-sensitive, like the platform): shown as unknown.
        expect(values.Influence__c).toBeNull();
    });

    it('requires a name', () => {
        expect(validateForm(toFormValues({ Name: ' ' }))).toEqual({ Name: 'nameRequired' });
        expect(validateForm(toFormValues({ Name: '张涛' }))).toEqual({});
    });

    it('sends an update without ifUnmodifiedSince only when the stored version is unknown', () => {
        const request = buildSaveRequest(toFormValues({ Name: '张涛' }), {
            opportunityId: '006000000000001AAA',
            record: { Id: 'a01000000000004AAA' },
            scoredAt: '2026-03-05T12:00:00.000Z'
        });
        expect(request.kind).toBe('update');
        expect(request.clientOptions).toBeUndefined();
        expect(request.recordInput.fields).not.toHaveProperty('Opportunity__c');
    });

    it('lists only the fields whose newer value differs', () => {
        const mine = toFormValues({
            Name: '王建',
            Attitude_To_Us__c: 'Mentor',
            Decision_Focus__c: 'Business'
        });
        expect(
            conflictingFields(mine, {
                Name: '王建',
                Attitude_To_Us__c: 'Neutral',
                Decision_Focus__c: 'Business'
            })
        ).toEqual(['Attitude_To_Us__c']);
    });

    it('dates in the local calendar', () => {
        expect(localDate(new Date(2026, 0, 9, 23, 59))).toBe('2026-01-09');
    });
});
