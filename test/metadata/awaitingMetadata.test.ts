// The model's AWAITING_METADATA lists contract v1.1 fields whose metadata is still to come. This
// keeps the list honest: every entry is a field of the contract, and none exists in metadata yet.
// When one appears, this fails: delete it from AWAITING_METADATA, and the lists, the query checks,
// the picklist checks and the sample data and guide checks include it again.
import {
    INPUT_FIELDS,
    PICKLIST_FIELDS,
    STAKEHOLDER_LINK_FIELDS,
    STAKEHOLDER_LINK_OBJECT
} from 'c/dealControlModel';
import { customObjects, fieldsByObject } from './support/catalog';
import {
    AWAITING_PAIRS,
    LINKS_AWAIT_METADATA,
    LINK_CODES_AWAITING_METADATA
} from './support/awaitingMetadata';

const fields = fieldsByObject();

describe('contract v1.1 fields awaiting their metadata', () => {
    // Plain loops rather than it.each: the list is empty whenever no contract field is awaited.
    it('lists no field that is already in metadata (else remove it from AWAITING_METADATA)', () => {
        const deployed = AWAITING_PAIRS.filter(([object, field]) => fields.get(object)?.has(field) ?? false);
        expect(deployed).toEqual([]);
    });

    it('lists only fields of the contract', () => {
        const strangers = AWAITING_PAIRS.filter(([object, field]) => {
            const contract = [
                ...(INPUT_FIELDS[object as keyof typeof INPUT_FIELDS] ?? []),
                ...PICKLIST_FIELDS.filter((d) => d.object === object).map((d) => d.field),
                ...(object === STAKEHOLDER_LINK_OBJECT ? STAKEHOLDER_LINK_FIELDS : [])
            ];
            return !contract.includes(field);
        });
        expect(strangers).toEqual([]);
    });

    it('awaits none of the political map (contract v1.1): its metadata has shipped', () => {
        const political = AWAITING_PAIRS.filter(
            ([object, field]) => object === STAKEHOLDER_LINK_OBJECT || field === 'Camp__c'
        );
        expect(political).toEqual([]);
        expect(LINKS_AWAIT_METADATA).toBe(false);
    });

    it('leaves the link-based codes out of the coverage checks only while links cannot exist', () => {
        expect(customObjects().includes(STAKEHOLDER_LINK_OBJECT)).toBe(!LINKS_AWAIT_METADATA);
        expect([...LINK_CODES_AWAITING_METADATA].sort()).toEqual(
            LINKS_AWAIT_METADATA ? ['COACH_NO_ACCESS', 'INFLUENCED_AGAINST', 'WIN_UNDERMINED'] : []
        );
    });
});
