import { FakeStore } from '../store';
import { SoqlError } from '../soql/lexer';
import { executeQuery, project } from '../soql/execute';
import { parseSoql } from '../soql/parser';
import { FakeOrg, startFakeOrg } from '../index';
import { call, q } from './helpers';

const store = new FakeStore();
const [dealA, dealB] = store.insert('Opportunity', [
    { Name: "O'Brien & Co", StageName: 'Prospecting', Amount: 500, CloseDate: '2026-06-30' },
    { Name: 'Zeta', StageName: 'Closed Won', Amount: 1500, CloseDate: '2026-01-15' }
]);
const people = store.insert('Stakeholder_Assessment__c', [
    {
        Name: 'Ann',
        Opportunity__c: dealA,
        Attitude_To_Us__c: 'Mentor',
        Top_Decision_Maker__c: true,
        Decision_Focus__c: 'Technical;Business'
    },
    { Name: 'bob', Opportunity__c: dealA, Attitude_To_Us__c: 'Opponent', Support_Index__c: -2 },
    { Name: 'Cid', Opportunity__c: dealB, Attitude_To_Us__c: null, Support_Index__c: 1 },
    {
        Name: 'Dee',
        Opportunity__c: dealB,
        Attitude_To_Us__c: 'Neutral',
        Support_Index__c: 0,
        Scored_At__c: '2026-02-01T10:00:00Z'
    }
]);

function names(soql: string): unknown[] {
    const result = executeQuery(store, parseSoql(soql));
    return Array.from(result.sequences, (seq) => result.table.read(seq).Name);
}

function soqlError(soql: string): SoqlError {
    try {
        parseSoql(soql);
    } catch (e) {
        if (e instanceof SoqlError) return e;
        throw e;
    }
    throw new Error(`parsed: ${soql}`);
}

describe('SOQL filters', () => {
    it.each([
        ["SELECT Name FROM Stakeholder_Assessment__c WHERE Attitude_To_Us__c = 'mentor'", ['Ann']],
        [
            "SELECT Name FROM Stakeholder_Assessment__c WHERE Attitude_To_Us__c != 'Mentor'",
            ['bob', 'Cid', 'Dee']
        ],
        ['SELECT Name FROM Stakeholder_Assessment__c WHERE Attitude_To_Us__c = null', ['Cid']],
        ['SELECT Name FROM Stakeholder_Assessment__c WHERE Attitude_To_Us__c != null', ['Ann', 'bob', 'Dee']],
        ['SELECT Name FROM Stakeholder_Assessment__c WHERE Support_Index__c < 1', ['bob', 'Dee']],
        ['SELECT Name FROM Stakeholder_Assessment__c WHERE Support_Index__c >= -2', ['bob', 'Cid', 'Dee']],
        [
            "SELECT Name FROM Stakeholder_Assessment__c WHERE Attitude_To_Us__c IN ('Mentor', 'Neutral')",
            ['Ann', 'Dee']
        ],
        [
            "SELECT Name FROM Stakeholder_Assessment__c WHERE Attitude_To_Us__c NOT IN ('Mentor', 'Neutral')",
            ['bob', 'Cid']
        ],
        ['SELECT Name FROM Stakeholder_Assessment__c WHERE Top_Decision_Maker__c = true', ['Ann']],
        [
            'SELECT Name FROM Stakeholder_Assessment__c WHERE NOT Top_Decision_Maker__c = true',
            ['bob', 'Cid', 'Dee']
        ],
        [
            "SELECT Name FROM Stakeholder_Assessment__c WHERE Decision_Focus__c = 'Business;Technical'",
            ['Ann']
        ],
        [
            "SELECT Name FROM Stakeholder_Assessment__c WHERE (Support_Index__c > 0 OR Attitude_To_Us__c = 'Mentor') AND Name != 'Cid'",
            ['Ann']
        ],
        ['SELECT Name FROM Stakeholder_Assessment__c WHERE Scored_At__c > 2026-02-01T09:59:59Z', ['Dee']],
        [
            'SELECT Name FROM Stakeholder_Assessment__c WHERE Scored_At__c = 2026-02-01T12:00:00+02:00',
            ['Dee']
        ],
        ['SELECT Name FROM Opportunity WHERE CloseDate < 2026-03-01', ['Zeta']],
        ["SELECT Name FROM Opportunity WHERE Name = 'O\\'Brien & Co'", ["O'Brien & Co"]],
        ['SELECT Name FROM Opportunity WHERE Amount > 999.5', ['Zeta']]
    ])('%s', (soql, expected) => {
        expect(names(soql)).toEqual(expected);
    });

    it('matches Ids given in 15- or 18-character form', () => {
        expect(
            names(`SELECT Name FROM Stakeholder_Assessment__c WHERE Opportunity__c = '${dealB.slice(0, 15)}'`)
        ).toEqual(['Cid', 'Dee']);
        expect(
            names(`SELECT Name FROM Stakeholder_Assessment__c WHERE Id IN ('${people[1]}', '${people[3]}')`)
        ).toEqual(['bob', 'Dee']);
    });
});

describe('SOQL ordering and limits', () => {
    it('orders by Id by default, by any field on request, nulls first ascending and last descending', () => {
        expect(names('SELECT Name FROM Stakeholder_Assessment__c')).toEqual(['Ann', 'bob', 'Cid', 'Dee']);
        expect(names('SELECT Name FROM Stakeholder_Assessment__c ORDER BY Name DESC')).toEqual([
            'Dee',
            'Cid',
            'bob',
            'Ann'
        ]);
        expect(names('SELECT Name FROM Stakeholder_Assessment__c ORDER BY Attitude_To_Us__c')).toEqual([
            'Cid',
            'Ann',
            'Dee',
            'bob'
        ]);
        expect(names('SELECT Name FROM Stakeholder_Assessment__c ORDER BY Attitude_To_Us__c DESC')).toEqual([
            'bob',
            'Dee',
            'Ann',
            'Cid'
        ]);
        expect(
            names('SELECT Name FROM Stakeholder_Assessment__c ORDER BY Attitude_To_Us__c ASC NULLS LAST')
        ).toEqual(['Ann', 'Dee', 'bob', 'Cid']);
        expect(
            names('SELECT Name FROM Stakeholder_Assessment__c ORDER BY Opportunity__c DESC, Name')
        ).toEqual(['Cid', 'Dee', 'Ann', 'bob']);
    });

    it('applies LIMIT and OFFSET after ordering', () => {
        expect(names('SELECT Name FROM Stakeholder_Assessment__c ORDER BY Name DESC LIMIT 2')).toEqual([
            'Dee',
            'Cid'
        ]);
        expect(names('SELECT Name FROM Stakeholder_Assessment__c LIMIT 2 OFFSET 1')).toEqual(['bob', 'Cid']);
        expect(names('SELECT Name FROM Stakeholder_Assessment__c LIMIT 0')).toEqual([]);
    });

    it('returns the selected fields in SELECT order under their API names, whatever the case written', () => {
        const query = parseSoql('select support_index__c, ID from stakeholder_assessment__c');
        const result = executeQuery(store, query);
        expect(query.object.name).toBe('Stakeholder_Assessment__c');
        expect(project(result.table.read(result.sequences[1]), query.fields)).toEqual({
            Support_Index__c: -2,
            Id: people[1]
        });
    });

    it('counts with COUNT()', () => {
        const result = executeQuery(
            store,
            parseSoql("SELECT COUNT() FROM Stakeholder_Assessment__c WHERE Opportunity__c = '" + dealA + "'")
        );
        expect(result.query.isCount).toBe(true);
        expect(result.sequences.length).toBe(2);
    });
});

describe('SOQL rejects what Salesforce rejects', () => {
    it.each([
        [
            "SELECT Name FROM Stakeholder_Assessment__c WHERE Name = 'a' AND Name = 'b' OR Name = 'c'",
            'MALFORMED_QUERY',
            'unexpected token: OR'
        ],
        ['SELECT Name FROM', 'MALFORMED_QUERY', 'unexpected token: <EOF>'],
        ['SELECT FROM Opportunity', 'MALFORMED_QUERY', 'unexpected token: FROM'],
        ["SELECT Name FROM Opportunity WHERE Name = 'open", 'MALFORMED_QUERY', "expecting '''"],
        [
            "SELECT Name FROM Opportunity WHERE Name = 'a\\qb'",
            'MALFORMED_QUERY',
            'Illegal character sequence'
        ],
        ['SELECT Name, Name FROM Opportunity', 'MALFORMED_QUERY', 'duplicate field selected: Name'],
        [
            "SELECT Name FROM Opportunity WHERE Name LIKE 'A%'",
            'MALFORMED_QUERY',
            'LIKE is not supported by the fake org'
        ],
        [
            'SELECT Name FROM Opportunity GROUP BY Name',
            'MALFORMED_QUERY',
            'GROUP is not supported by the fake org'
        ],
        ['SELECT Nme FROM Opportunity', 'INVALID_FIELD', "No such column 'Nme' on entity 'Opportunity'"],
        ['SELECT Account.Name FROM Opportunity', 'INVALID_FIELD', "Didn't understand relationship 'Account'"],
        ['SELECT Id FROM Account', 'INVALID_TYPE', "sObject type 'Account' is not supported"],
        [
            "SELECT Id FROM Opportunity WHERE Amount = '5'",
            'INVALID_FIELD',
            "field 'Amount' must be of type double and should not be enclosed in quotes"
        ],
        [
            'SELECT Id FROM Opportunity WHERE Name = 5',
            'INVALID_FIELD',
            "field 'Name' must be of type string and should be enclosed in quotes"
        ],
        [
            "SELECT Id FROM Opportunity WHERE CloseDate = '2026-01-01'",
            'INVALID_FIELD',
            'must be of type date'
        ],
        [
            'SELECT Id FROM Opportunity WHERE CreatedDate > 2026-01-01',
            'INVALID_FIELD',
            'must be of type dateTime'
        ],
        ["SELECT Id FROM Opportunity WHERE IsClosed = 'true'", 'INVALID_FIELD', 'must be of type boolean'],
        [
            "SELECT Id FROM Opportunity WHERE Id = 'abc'",
            'INVALID_QUERY_FILTER_OPERATOR',
            'invalid ID field: abc'
        ],
        [
            "SELECT Id FROM Stakeholder_Assessment__c WHERE Notes__c = 'x'",
            'INVALID_FIELD',
            "field 'Notes__c' can not be filtered"
        ],
        [
            'SELECT Id FROM Opportunity WHERE IsClosed > true',
            'INVALID_FIELD',
            'invalid operator on boolean field'
        ],
        ['SELECT Id FROM Opportunity LIMIT -1', 'MALFORMED_QUERY', "unexpected token: '-'"]
    ])('%s → %s', (soql, errorCode, text) => {
        const error = soqlError(soql);
        expect(error.errorCode).toBe(errorCode);
        expect(error.message).toContain(text);
    });

    it("points at the offending token the way Salesforce's messages do", () => {
        expect(soqlError('SELECT Id, Nme FROM Opportunity').message).toBe(
            "\nSELECT Id, Nme FROM Opportunity\n           ^\nERROR at Row:1:Column:12\nNo such column 'Nme' on entity 'Opportunity'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names."
        );
    });
});

describe('SOQL errors over HTTP', () => {
    let org: FakeOrg;
    beforeAll(async () => {
        org = await startFakeOrg({ seed: 3 });
    });
    afterAll(() => org.close());

    it("answers 400 with Salesforce's error array", async () => {
        const res = await call(org, q('SELECT Nope FROM Opportunity'));
        expect(res.status).toBe(400);
        expect(res.body).toEqual([
            { message: expect.stringContaining("No such column 'Nope'"), errorCode: 'INVALID_FIELD' }
        ]);
    });
});
