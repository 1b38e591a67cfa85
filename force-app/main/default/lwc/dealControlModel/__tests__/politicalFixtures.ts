import fc from 'fast-check';
import { STAKEHOLDER_PICKLISTS } from 'c/dealControlModel';

// Shared by the model's tests of contract v1.1: one Opportunity, Ids of its people, and builders of
// raw assessments and links as the platform or a CSV file gives them.

export type Rec = Record<string, unknown>;

export const AT = '2026-11-26T10:00:00.000Z';
export const OPP = '006000000000001AAA';
export const OTHER_OPP = '006000000000002AAA';
/** People of OPP, by the 18-character Ids the API gives. */
export const IDS = [1, 2, 3, 4, 5, 6].map((n) => `a0100000000000${n}AAA`);
/** An assessment of another Opportunity (or a deleted one): never among OPP's people. */
export const ELSEWHERE = 'a01000000000099AAA';

export const person = (id: string, attitude: string | null, extra: Rec = {}): Rec => ({
    Id: id,
    Opportunity__c: OPP,
    Attitude_To_Us__c: attitude,
    ...extra
});

export const link = (from: unknown, to: unknown, type: unknown, extra: Rec = {}): Rec => ({
    Opportunity__c: OPP,
    From_Stakeholder__c: from,
    To_Stakeholder__c: to,
    Link_Type__c: type,
    ...extra
});

/** Any value a field may hold: model values (odd case and spacing too), blanks, junk, non-strings. */
export function anyValueOf(values: readonly string[]) {
    return fc.oneof(
        fc.constantFrom(...values),
        fc.constantFrom(...values).map((v) => ` ${v.toUpperCase()} `),
        fc.constantFrom(null, undefined, '', '   '),
        fc.string({ maxLength: 12 }),
        fc.integer()
    );
}

/** Every input of an assessment: checkboxes as booleans or CSV text, picklists with junk too. */
export const STAKEHOLDER_INPUT_ARBS = {
    Top_Decision_Maker__c: fc.oneof(fc.boolean(), fc.constantFrom('true', 'false', '', 'x')),
    Decision_Body_Member__c: fc.oneof(fc.boolean(), fc.constantFrom('true', 'false', '')),
    ...Object.fromEntries(
        STAKEHOLDER_PICKLISTS.map((d) => [
            d.field,
            d.multiSelect
                ? fc.subarray(d.values.map((v) => v.value)).map((a) => a.join(';'))
                : anyValueOf(d.values.map((v) => v.value))
        ])
    )
};
