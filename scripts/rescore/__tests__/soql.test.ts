import { idSuffix } from '../../shared/recordId';
import { buildCount, buildQuery, parseRecordId, parseSoqlDateTime } from '../soql';

describe('record Ids from flags', () => {
    it('computes the case-safe suffix Salesforce documents (001A0000006Vm9r → IAC)', () => {
        expect(idSuffix('001A0000006Vm9r')).toBe('IAC');
        expect(parseRecordId('001A0000006Vm9r')).toBe('001A0000006Vm9rIAC');
    });

    it('accepts an 18-character Id with the right checksum, trimmed', () => {
        expect(parseRecordId(' 001A0000006Vm9rIAC ')).toBe('001A0000006Vm9rIAC');
    });

    it.each([
        ['a wrong checksum', '001A0000006Vm9rAAA'],
        ['a quote (SOQL injection)', "006000000000001' OR Name != '"],
        ['16 characters', '001A0000006Vm9rI'],
        ['an empty string', '']
    ])('refuses %s with exit code 3', (_label, raw) => {
        expect(() => parseRecordId(raw)).toThrow(expect.objectContaining({ exitCode: 3, code: 'BAD_ID' }));
    });
});

describe('date-times from flags', () => {
    it('turns a date into midnight UTC and an offset time into UTC', () => {
        expect(parseSoqlDateTime('2026-01-31')).toBe('2026-01-31T00:00:00Z');
        expect(parseSoqlDateTime('2026-01-31T08:00:00+08:00')).toBe('2026-01-31T00:00:00Z');
        expect(parseSoqlDateTime('2026-01-31T08:00:00.250Z')).toBe('2026-01-31T08:00:00Z');
    });

    it.each(['yesterday', '2026-13-01', '2026-01-31T08:00:00Z OR Id != null', '31/01/2026'])(
        'refuses %s',
        (raw) => {
            expect(() => parseSoqlDateTime(raw)).toThrow(expect.objectContaining({ code: 'BAD_DATETIME' }));
        }
    );
});

describe('SOQL built from validated parts only', () => {
    it('lists fields, Opportunity Ids and the modified-since bound', () => {
        expect(buildQuery('C139_Scorecard__c', ['Id', 'Win__c'])).toBe(
            'SELECT Id, Win__c FROM C139_Scorecard__c'
        );
        expect(
            buildQuery('Stakeholder_Assessment__c', ['Id'], {
                opportunityIds: ['001A0000006Vm9r'],
                modifiedSince: '2026-01-31'
            })
        ).toBe(
            "SELECT Id FROM Stakeholder_Assessment__c WHERE Opportunity__c IN ('001A0000006Vm9rIAC') AND LastModifiedDate >= 2026-01-31T00:00:00Z"
        );
    });

    it('counts with SELECT COUNT()', () => {
        expect(buildCount('C139_Scorecard__c', { modifiedSince: '2026-02-01T00:00:00Z' })).toBe(
            'SELECT COUNT() FROM C139_Scorecard__c WHERE LastModifiedDate >= 2026-02-01T00:00:00Z'
        );
    });

    it('refuses a field name that is not an identifier', () => {
        expect(() => buildQuery('C139_Scorecard__c', ['Id, (SELECT Id FROM Users)'])).toThrow(
            'Not a SOQL field name'
        );
    });
});
