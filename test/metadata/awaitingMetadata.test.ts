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
    it.each(AWAITING_PAIRS)(
        '%s.%s is not in metadata yet (else remove it from AWAITING_METADATA)',
        (object, field) => {
            expect(fields.get(object)?.has(field) ?? false).toBe(false);
        }
    );

    it.each(AWAITING_PAIRS)('%s.%s is a field of the contract', (object, field) => {
        const contract = [
            ...(INPUT_FIELDS[object as keyof typeof INPUT_FIELDS] ?? []),
            ...PICKLIST_FIELDS.filter((d) => d.object === object).map((d) => d.field),
            ...(object === STAKEHOLDER_LINK_OBJECT ? STAKEHOLDER_LINK_FIELDS : [])
        ];
        expect(contract).toContain(field);
    });

    it('leaves the link-based codes out of the coverage checks only while links cannot exist', () => {
        expect(customObjects().includes(STAKEHOLDER_LINK_OBJECT)).toBe(!LINKS_AWAIT_METADATA);
        expect([...LINK_CODES_AWAITING_METADATA].sort()).toEqual(
            LINKS_AWAIT_METADATA ? ['COACH_NO_ACCESS', 'INFLUENCED_AGAINST', 'WIN_UNDERMINED'] : []
        );
    });
});
