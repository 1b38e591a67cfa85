import { gql } from 'lightning/graphql';
import {
    ASSESSMENT_FIELDS,
    SCORECARD_FIELDS,
    dealQueryVariables,
    errorKindOf,
    fieldErrorCodesOf,
    fieldErrorsOf,
    isConflictError,
    isDuplicateError,
    reduceErrors,
    toDealSnapshot,
    unassessedContactRoles,
    userMessagesOf
} from 'c/dealControlData';
import { STAKEHOLDER_INPUT_FIELDS, SCORECARD_INPUT_FIELDS, DERIVED_FIELDS } from 'c/dealControlModel';
import dealVitaminErp from './data/dealVitaminErp.json';
import dealEmpty from './data/dealEmpty.json';
import saveConflict from './data/saveConflict.json';
import saveConflictWithOutput from './data/saveConflictWithOutput.json';
import duplicateScorecard from './data/duplicateScorecard.json';
import duplicateScorecardAtField from './data/duplicateScorecardAtField.json';
import saveFieldErrors from './data/saveFieldErrors.json';
import readError from './data/readError.json';
import graphqlErrors from './data/graphqlErrors.json';
import networkError from './data/networkError.json';

// The sfdx-lwc-jest stub of gql is a jest.fn(): its first call holds the query's template text.
const queryText = (): string => {
    const call = (gql as unknown as jest.Mock).mock.calls[0];
    return (call[0] as TemplateStringsArray).join('');
};

/** The field names selected inside one object's connection in the query text. */
function selectedFields(objectApiName: string): string[] {
    const text = queryText();
    const start = text.indexOf(`${objectApiName}(`);
    const nodeStart = text.indexOf('node {', start);
    let depth = 0;
    let i = nodeStart + 'node '.length;
    const names: string[] = [];
    let token = '';
    for (; i < text.length; i++) {
        const ch = text[i];
        if (ch === '{') {
            if (depth === 1 && token) names.push(token);
            depth++;
            token = '';
        } else if (ch === '}') {
            depth--;
            if (depth === 0) break;
            token = '';
        } else if (/\s/.test(ch)) {
            if (depth === 1 && token) names.push(token);
            token = '';
        } else {
            token += ch;
        }
    }
    return [...new Set(names)];
}

describe('DEAL_QUERY', () => {
    it('is one gql document with one operation and the opportunity id as its only variable', () => {
        expect(gql).toHaveBeenCalledTimes(1);
        const text = queryText();
        expect(text.match(/\bquery\s+\w+\s*\(/g)).toHaveLength(1);
        expect(text).toMatch(/query dealControl\(\$opportunityId: ID!\)/);
        expect(dealQueryVariables('006000000000001AAA')).toEqual({ opportunityId: '006000000000001AAA' });
    });

    it('loads the Opportunity, the assessments, the scorecard and the contact roles in the same round trip', () => {
        const text = queryText();
        for (const objectApiName of [
            'Opportunity',
            'Stakeholder_Assessment__c',
            'C139_Scorecard__c',
            'OpportunityContactRole'
        ]) {
            expect(text).toContain(`${objectApiName}(`);
        }
        expect(text).toMatch(/Opportunity\(where: \{ Id: \{ eq: \$opportunityId \} \}/);
        expect(text).toMatch(
            /Stakeholder_Assessment__c\(\s*where: \{ Opportunity__c: \{ eq: \$opportunityId \} \}/
        );
        expect(text).toMatch(/C139_Scorecard__c\(\s*where: \{ Opportunity__c: \{ eq: \$opportunityId \} \}/);
        expect(text).toMatch(
            /OpportunityContactRole\(\s*where: \{ OpportunityId: \{ eq: \$opportunityId \} \}/
        );
    });

    it('selects every assessment field of the contract, the derived fields and LastModifiedDate', () => {
        const selected = selectedFields('Stakeholder_Assessment__c');
        expect(selected.sort()).toEqual(['Id', 'LastModifiedDate', ...ASSESSMENT_FIELDS].sort());
        for (const field of [...STAKEHOLDER_INPUT_FIELDS, ...DERIVED_FIELDS.Stakeholder_Assessment__c]) {
            expect(selected).toContain(field);
        }
        for (const field of ['Next_Action__c', 'Next_Action_Due__c', 'Verification__c', 'Evidence__c']) {
            expect(selected).toContain(field);
        }
    });

    it('selects every scorecard element, the derived fields, the unique key and LastModifiedDate', () => {
        const selected = selectedFields('C139_Scorecard__c');
        expect(selected.sort()).toEqual(['Id', 'LastModifiedDate', ...SCORECARD_FIELDS].sort());
        for (const field of [...SCORECARD_INPUT_FIELDS, ...DERIVED_FIELDS.C139_Scorecard__c]) {
            expect(selected).toContain(field);
        }
        expect(selected).toContain('Opportunity_Key__c');
    });

    it('selects the contact role, its contact name and title', () => {
        expect(selectedFields('OpportunityContactRole')).toEqual([
            'Id',
            'ContactId',
            'Contact',
            'Role',
            'IsPrimary'
        ]);
        expect(queryText()).toMatch(/Contact \{\s*Name \{\s*value\s*\}\s*Title \{\s*value\s*\}\s*\}/);
    });
});

describe('toDealSnapshot', () => {
    it('flattens the case-study deal into plain records', () => {
        const snapshot = toDealSnapshot(dealVitaminErp);
        expect(snapshot.opportunity).toEqual({
            Id: '006000000000001AAA',
            Name: '维生素集团ERP选型',
            StageName: 'Qualification',
            Probability: 40
        });
        expect(snapshot.assessments.map((a) => a.Name)).toEqual([
            '王建',
            '仇明',
            '王丽',
            '张涛',
            '王乘',
            '李静'
        ]);
        const wang = snapshot.assessments[0];
        expect(wang).toMatchObject({
            Id: 'a01000000000001AAA',
            LastModifiedDate: '2026-03-02T01:15:00.000Z',
            Role__c: 'VP_In_Charge',
            Top_Decision_Maker__c: true,
            Decision_Body_Member__c: true,
            Decision_Focus__c: 'Business;Relationship',
            Other_Needs__c: 'Esteem',
            Support_Index__c: 1,
            Completeness__c: 100,
            Insight_Codes__c: null,
            Model_Version__c: 'C139-v1.0.0',
            Next_Action_Due__c: '2026-03-20'
        });
        expect(Object.keys(wang).sort()).toEqual(['Id', 'LastModifiedDate', ...ASSESSMENT_FIELDS].sort());
        expect(snapshot.assessments[4]).toMatchObject({
            Name: '王乘',
            Attitude_To_Us__c: null,
            Support_Index__c: null,
            Insight_Codes__c: 'KEY_PERSON_INCOMPLETE;KEY_PERSON_NO_CONTACT'
        });
        expect(snapshot.scorecard).toMatchObject({
            Id: 'a02000000000001AAA',
            LastModifiedDate: '2026-03-02T09:00:00.000Z',
            Opportunity_Key__c: '006000000000001AAA',
            Coach__c: 'Identified',
            Clear_Vendor_Resources__c: null,
            Coach_Stakeholder__c: 'a01000000000003AAA'
        });
        expect(snapshot.contactRoles).toEqual([
            {
                Id: '00K000000000001AAA',
                ContactId: '003000000000001AAA',
                ContactName: '王建',
                ContactTitle: '分管信息化副总',
                Role: 'Decision Maker',
                IsPrimary: true
            },
            {
                Id: '00K000000000002AAA',
                ContactId: '003000000000002AAA',
                ContactName: '仇明',
                ContactTitle: '信息部负责人',
                Role: 'Evaluator',
                IsPrimary: false
            },
            {
                Id: '00K000000000007AAA',
                ContactId: '003000000000007AAA',
                ContactName: '夏宏',
                ContactTitle: '分管生产副总',
                Role: 'Influencer',
                IsPrimary: false
            },
            {
                Id: '00K000000000008AAA',
                ContactId: '003000000000008AAA',
                ContactName: '赵芳',
                ContactTitle: 'AMT咨询顾问',
                Role: null,
                IsPrimary: false
            }
        ]);
    });

    it('gives an Opportunity with no map, no scorecard and no contact roles', () => {
        expect(toDealSnapshot(dealEmpty)).toEqual({
            opportunity: {
                Id: '006000000000002AAA',
                Name: '新客户ERP选型',
                StageName: 'Prospecting',
                Probability: 10
            },
            assessments: [],
            scorecard: null,
            contactRoles: []
        });
    });

    it.each([undefined, null, {}, { uiapi: {} }, { uiapi: { query: { Opportunity: { edges: 'x' } } } }])(
        'gives an empty snapshot while loading or when a connection is missing (%p)',
        (data) => {
            expect(toDealSnapshot(data)).toEqual({
                opportunity: null,
                assessments: [],
                scorecard: null,
                contactRoles: []
            });
        }
    );

    it('reads a field hidden by field-level security as null', () => {
        const data = {
            uiapi: {
                query: {
                    Stakeholder_Assessment__c: {
                        edges: [
                            { node: { Id: 'a01', LastModifiedDate: { value: 'T' }, Name: { value: '张涛' } } }
                        ]
                    },
                    Opportunity: {
                        edges: [{ node: { Id: '006', Name: { value: 'x' }, Probability: { value: null } } }]
                    }
                }
            }
        };
        const snapshot = toDealSnapshot(data);
        expect(snapshot.assessments[0].Attitude_To_Us__c).toBeNull();
        expect(snapshot.assessments[0].Name).toBe('张涛');
        expect(snapshot.opportunity).toEqual({ Id: '006', Name: 'x', StageName: null, Probability: null });
    });
});

describe('reduceErrors', () => {
    it('reads UI API read errors (array body)', () => {
        expect(reduceErrors(readError)).toEqual([
            "You don't have access to this record. Ask your administrator for help or to request access."
        ]);
    });

    it('reads record save errors, page-level and field-level, without duplicates', () => {
        expect(reduceErrors(saveFieldErrors)).toEqual([
            'A mentor must have a next action with a due date.',
            'Attitude to Us: bad value for restricted picklist field: Champion',
            'The due date cannot be in the past.'
        ]);
        expect(reduceErrors([duplicateScorecard, duplicateScorecard])).toEqual([
            'duplicate value found: Opportunity_Key__c duplicates value on record with id: a02000000000001AAA'
        ]);
    });

    it('reads graphql wire errors, network errors, JS errors and strings', () => {
        expect(reduceErrors(graphqlErrors)).toEqual([graphqlErrors[0].message]);
        expect(reduceErrors(networkError)).toEqual(['Failed to fetch']);
        expect(reduceErrors(new TypeError('x is undefined'))).toEqual(['x is undefined']);
        expect(reduceErrors('Offline')).toEqual(['Offline']);
        expect(reduceErrors({ body: { message: 'Server said no' } })).toEqual(['Server said no']);
        expect(reduceErrors({ status: 500, statusText: 'Internal Server Error' })).toEqual([
            'Internal Server Error'
        ]);
    });

    it('reads Apex/DML-style page and field errors', () => {
        const error = {
            body: {
                pageErrors: [
                    { statusCode: 'CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY', message: 'Trigger failed' }
                ],
                fieldErrors: {
                    Title__c: [{ statusCode: 'STRING_TOO_LONG', message: 'Title: data value too large' }]
                }
            }
        };
        expect(reduceErrors(error)).toEqual(['Trigger failed', 'Title: data value too large']);
        expect(fieldErrorsOf(error)).toEqual({ Title__c: 'Title: data value too large' });
    });

    it('gives nothing for nothing', () => {
        expect(reduceErrors(undefined)).toEqual([]);
        expect(reduceErrors([null, {}])).toEqual([]);
    });
});

describe('fieldErrorsOf', () => {
    it('maps restricted-picklist and validation-rule errors to their fields', () => {
        expect(fieldErrorsOf(saveFieldErrors)).toEqual({
            Attitude_To_Us__c: 'Attitude to Us: bad value for restricted picklist field: Champion',
            Next_Action_Due__c: 'The due date cannot be in the past.'
        });
    });

    it('puts a page-level error that names a field at that field and joins several messages', () => {
        const error = {
            body: {
                output: {
                    errors: [
                        {
                            errorCode: 'REQUIRED_FIELD_MISSING',
                            field: 'Name',
                            message: 'Required fields are missing: [Name]'
                        }
                    ],
                    fieldErrors: {
                        Title__c: [
                            { errorCode: 'STRING_TOO_LONG', field: 'Title__c', message: 'Too long.' },
                            {
                                errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
                                field: 'Title__c',
                                message: 'No emoji.'
                            }
                        ]
                    }
                }
            }
        };
        expect(fieldErrorsOf(error)).toEqual({
            Title__c: 'Too long. No emoji.',
            Name: 'Required fields are missing: [Name]'
        });
    });

    it('has no field errors for conflicts, network and read errors', () => {
        for (const error of [
            saveConflict,
            networkError,
            readError,
            graphqlErrors,
            new Error('x'),
            undefined
        ]) {
            expect(fieldErrorsOf(error)).toEqual({});
        }
    });
});

describe('isConflictError', () => {
    it('recognises a 412 Precondition Failed from an ifUnmodifiedSince save, in both body shapes', () => {
        expect(isConflictError(saveConflict)).toBe(true);
        expect(isConflictError(saveConflictWithOutput)).toBe(true);
        expect(isConflictError({ body: [{ errorCode: 'PRECONDITION_FAILED', message: 'changed' }] })).toBe(
            true
        );
    });

    it('does not mistake other errors for a conflict', () => {
        for (const error of [
            duplicateScorecard,
            saveFieldErrors,
            readError,
            networkError,
            graphqlErrors,
            new Error('412')
        ]) {
            expect(isConflictError(error)).toBe(false);
        }
    });
});

describe('isDuplicateError', () => {
    it('recognises DUPLICATE_VALUE at page level and at the unique field', () => {
        expect(isDuplicateError(duplicateScorecard)).toBe(true);
        expect(isDuplicateError(duplicateScorecardAtField)).toBe(true);
    });

    it('does not mistake other errors (or duplicate-rule matches) for a unique-key duplicate', () => {
        const duplicateRule = {
            status: 400,
            body: {
                output: {
                    errors: [{ errorCode: 'DUPLICATES_DETECTED', message: 'Use one of these records?' }]
                }
            }
        };
        for (const error of [
            saveConflict,
            saveFieldErrors,
            readError,
            networkError,
            duplicateRule,
            undefined
        ]) {
            expect(isDuplicateError(error)).toBe(false);
        }
    });
});

describe('unassessedContactRoles', () => {
    it('lists the contact roles whose Contact is not on the map yet, once per Contact', () => {
        const snapshot = toDealSnapshot(dealVitaminErp);
        expect(unassessedContactRoles(snapshot).map((r) => r.ContactName)).toEqual(['夏宏', '赵芳']);
        const twice = {
            ...snapshot,
            contactRoles: [
                ...snapshot.contactRoles,
                { ...snapshot.contactRoles[2], Id: '00K000000000009AAA', Role: 'Other' }
            ]
        };
        expect(unassessedContactRoles(twice).map((r) => r.Id)).toEqual([
            '00K000000000007AAA',
            '00K000000000008AAA'
        ]);
        expect(unassessedContactRoles(toDealSnapshot(dealEmpty))).toEqual([]);
    });
});

describe('errorKindOf: what kind of failure a rep is told about', () => {
    it.each([
        ['a network failure', networkError, 'network'],
        ['a JS fetch failure', new TypeError('Failed to fetch'), 'network'],
        ['a record the user may not read', readError, 'access'],
        [
            'a delete refused by sharing',
            { status: 403, body: [{ errorCode: 'INSUFFICIENT_ACCESS_OR_READONLY', message: 'x' }] },
            'access'
        ],
        ['a query naming a field the org hides', graphqlErrors, 'setup'],
        ['field-level and validation errors', saveFieldErrors, 'validation'],
        [
            'a record deleted meanwhile',
            { status: 404, body: [{ errorCode: 'NOT_FOUND', message: 'gone' }] },
            'notFound'
        ],
        ['an ifUnmodifiedSince conflict', saveConflict, 'conflict'],
        ['a unique-key duplicate', duplicateScorecard, 'duplicate'],
        ['anything else', { status: 500, body: { message: 'Internal Server Error' } }, 'unknown'],
        ['nothing', null, 'unknown']
    ])('%s', (_, error, kind) => {
        expect(errorKindOf(error)).toBe(kind);
    });
});

describe('userMessagesOf', () => {
    it('keeps the page-level validation-rule messages admins wrote for users, and nothing else', () => {
        expect(userMessagesOf(saveFieldErrors)).toEqual([
            'A mentor must have a next action with a due date.'
        ]);
        expect(userMessagesOf(networkError)).toEqual([]);
        expect(userMessagesOf(graphqlErrors)).toEqual([]);
        expect(userMessagesOf(saveConflict)).toEqual([]);
    });
});

describe('fieldErrorCodesOf', () => {
    it('names the platform error code of each field error', () => {
        expect(fieldErrorCodesOf(saveFieldErrors)).toEqual({
            Attitude_To_Us__c: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
            Next_Action_Due__c: 'FIELD_CUSTOM_VALIDATION_EXCEPTION'
        });
        expect(fieldErrorCodesOf(networkError)).toEqual({});
    });
});
