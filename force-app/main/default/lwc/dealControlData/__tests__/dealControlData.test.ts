import { gql } from 'lightning/graphql';
import {
    ASSESSMENT_FIELDS,
    LINK_FIELDS,
    SCORECARD_FIELDS,
    SNAPSHOT_FIELDS,
    TREND_DAYS,
    dealQueryVariables,
    errorKindOf,
    fieldErrorCodesOf,
    fieldErrorsOf,
    isConflictError,
    isDuplicateError,
    reduceErrors,
    toDealSnapshot,
    trendOf,
    unassessedContactRoles,
    userMessagesOf
} from 'c/dealControlData';
import {
    STAKEHOLDER_INPUT_FIELDS,
    SCORECARD_INPUT_FIELDS,
    DERIVED_FIELDS,
    STAKEHOLDER_LINK_FIELDS,
    opposingPullersOf
} from 'c/dealControlModel';
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
    it('is one gql document with one operation, the opportunity id and the trend since-date as variables', () => {
        expect(gql).toHaveBeenCalledTimes(1);
        const text = queryText();
        expect(text.match(/\bquery\s+\w+\s*\(/g)).toHaveLength(1);
        expect(text).toMatch(/query dealControl\(\$opportunityId: ID!, \$snapshotsSince: Date!\)/);
        expect(dealQueryVariables('006000000000001AAA', new Date('2026-03-05T12:00:00.000Z'))).toEqual({
            opportunityId: '006000000000001AAA',
            snapshotsSince: '2025-12-05'
        });
    });

    it('computes the since-date from the clock, TREND_DAYS back, as a UTC day like Snapshot_Date__c', () => {
        expect(TREND_DAYS).toBe(90);
        // Just before and just after midnight UTC: the day changes exactly then, not at local midnight.
        expect(dealQueryVariables('006', new Date('2026-03-01T23:59:59.999Z')).snapshotsSince).toBe(
            '2025-12-01'
        );
        expect(dealQueryVariables('006', new Date('2026-03-02T00:00:00.000Z')).snapshotsSince).toBe(
            '2025-12-02'
        );
        // Across a leap day and a year boundary.
        expect(dealQueryVariables('006', new Date('2028-03-30T08:00:00.000Z')).snapshotsSince).toBe(
            '2027-12-31'
        );
        // Stable all day: the same config, so the platform answers from its cache.
        expect(dealQueryVariables('006', new Date('2026-03-05T00:00:01.000Z'))).toEqual(
            dealQueryVariables('006', new Date('2026-03-05T23:59:59.000Z'))
        );
    });

    it('loads the Opportunity, the assessments, the scorecard and the contact roles in the same round trip', () => {
        const text = queryText();
        for (const objectApiName of [
            'Opportunity',
            'Stakeholder_Assessment__c',
            'C139_Scorecard__c',
            'Stakeholder_Link__c',
            'Control_Snapshot__c',
            'OpportunityContactRole'
        ]) {
            expect(text).toContain(`${objectApiName}(`);
        }
        expect(text).toMatch(
            /Stakeholder_Link__c\(\s*where: \{ Opportunity__c: \{ eq: \$opportunityId \} \}/
        );
        expect(text).toMatch(
            /Control_Snapshot__c\(\s*where: \{\s*Opportunity__c: \{ eq: \$opportunityId \}\s*Snapshot_Date__c: \{ gte: \{ value: \$snapshotsSince \} \}\s*\}/
        );
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

    it('selects every link field the model reads, and LastModifiedDate for conflict checks', () => {
        const selected = selectedFields('Stakeholder_Link__c');
        expect(selected.sort()).toEqual(['Id', 'LastModifiedDate', ...LINK_FIELDS].sort());
        for (const field of STAKEHOLDER_LINK_FIELDS) expect(selected).toContain(field);
    });

    it('reads at most 2000 links, the largest page the GraphQL API returns', () => {
        const text = queryText();
        const links = text.slice(text.indexOf('Stakeholder_Link__c('));
        expect(links).toMatch(/^Stakeholder_Link__c\([^)]*first: 2000[^)]*\)/);
    });

    it('selects the snapshot fields of a trend, oldest first, one page for the days of the trend', () => {
        expect(selectedFields('Control_Snapshot__c').sort()).toEqual(['Id', ...SNAPSHOT_FIELDS].sort());
        for (const field of ['Snapshot_Date__c', 'Control_Score__c', 'Control_Band__c']) {
            expect(SNAPSHOT_FIELDS).toContain(field);
        }
        const text = queryText();
        const snapshots = text.slice(text.indexOf('Control_Snapshot__c('));
        const args = snapshots.slice(0, snapshots.indexOf(') {'));
        expect(args).toMatch(/orderBy: \{ Snapshot_Date__c: \{ order: ASC \} \}/);
        // One snapshot a day at most: the page must hold every day from the since-date to today.
        const first = Number(/first: (\d+)/.exec(args)?.[1]);
        expect(first).toBeGreaterThanOrEqual(TREND_DAYS + 1);
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
            contactRoles: [],
            links: [],
            politicalMap: expect.objectContaining({
                links: [],
                issues: [],
                opportunityId: '006000000000002AAA'
            }),
            snapshots: [],
            trend: []
        });
    });

    it.each([undefined, null, {}, { uiapi: {} }, { uiapi: { query: { Opportunity: { edges: 'x' } } } }])(
        'gives an empty snapshot while loading or when a connection is missing (%p)',
        (data) => {
            expect(toDealSnapshot(data)).toEqual({
                opportunity: null,
                assessments: [],
                scorecard: null,
                contactRoles: [],
                links: [],
                politicalMap: expect.objectContaining({ stakeholders: [], links: [], issues: [] }),
                snapshots: [],
                trend: []
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

describe('toDealSnapshot: the political map and the trend', () => {
    it('reads the links as the model inputs and builds the map from them and the assessments', () => {
        const snapshot = toDealSnapshot(dealVitaminErp);
        expect(snapshot.links).toHaveLength(6);
        expect(snapshot.links[0]).toEqual({
            Id: 'a03000000000001AAA',
            LastModifiedDate: '2026-03-02T02:01:00.000Z',
            Opportunity__c: '006000000000001AAA',
            From_Stakeholder__c: 'a01000000000002AAA',
            To_Stakeholder__c: 'a01000000000001AAA',
            Link_Type__c: 'Reports_To',
            Strength__c: 'Strong',
            Evidence__c: expect.stringContaining('reports to the VP')
        });
        // A blank strength stays blank as stored; the map reads it as Medium.
        expect(snapshot.links[1].Strength__c).toBeNull();
        const map = snapshot.politicalMap;
        expect(map.opportunityId).toBe('006000000000001AAA');
        expect(map.issues).toEqual([]);
        expect(map.links.map((l) => [l.from, l.type, l.to, l.strength])).toEqual([
            ['a01000000000002AAA', 'Reports_To', 'a01000000000001AAA', 'Strong'],
            ['a01000000000004AAA', 'Reports_To', 'a01000000000002AAA', 'Medium'],
            ['a01000000000004AAA', 'Influences', 'a01000000000002AAA', 'Weak'],
            ['a01000000000003AAA', 'Acts_For', 'a01000000000005AAA', 'Strong'],
            ['a01000000000006AAA', 'Influences', 'a01000000000005AAA', 'Strong'],
            ['a01000000000001AAA', 'Rival', 'a01000000000005AAA', 'Medium']
        ]);
        expect(map.stakeholders.map((s) => s.camp)).toEqual([
            "IT VP's side (分管信息化副总一方)",
            "IT VP's side (分管信息化副总一方)",
            "Executive VP's side (常务副总一方)",
            null,
            "Executive VP's side (常务副总一方)",
            "Executive VP's side (常务副总一方)"
        ]);
    });

    it('names who pulls against us once a puller turns against us (the map follows the assessments)', () => {
        const data = JSON.parse(JSON.stringify(dealVitaminErp));
        const liJing = data.uiapi.query.Stakeholder_Assessment__c.edges[5].node;
        expect(liJing.Name.value).toBe('李静');
        expect(opposingPullersOf(toDealSnapshot(data).politicalMap, 'a01000000000005AAA')).toEqual([]);
        liJing.Attitude_To_Us__c.value = 'Non_Supporter';
        const pullers = opposingPullersOf(toDealSnapshot(data).politicalMap, 'a01000000000005AAA');
        expect(pullers.map((p) => p.name)).toEqual(['李静']);
    });

    it('leaves out and reports a link of another Opportunity or to someone not on this one, never throws', () => {
        const data = JSON.parse(JSON.stringify(dealVitaminErp));
        const edges = data.uiapi.query.Stakeholder_Link__c.edges;
        edges[0].node.Opportunity__c.value = '006000000000009AAA';
        edges[1].node.To_Stakeholder__c.value = 'a01000000000099AAA';
        edges[2].node.From_Stakeholder__c = undefined;
        const snapshot = toDealSnapshot(data);
        expect(snapshot.links).toHaveLength(6);
        expect(snapshot.links[2].From_Stakeholder__c).toBeNull();
        expect(snapshot.politicalMap.links).toHaveLength(3);
        expect(snapshot.politicalMap.issues.map((i) => [i.linkId, i.code])).toEqual([
            ['a03000000000001AAA', 'LINK_OTHER_OPPORTUNITY'],
            ['a03000000000002AAA', 'LINK_END_NOT_ON_OPPORTUNITY'],
            ['a03000000000003AAA', 'LINK_MISSING_END']
        ]);
    });

    it('gives the trend of the last 90 days, oldest first', () => {
        const { trend, snapshots } = toDealSnapshot(dealVitaminErp);
        expect(trend).toHaveLength(13);
        expect(trend[0]).toEqual({ date: '2025-12-08', score: 38, band: 'Behind' });
        expect(trend[12]).toEqual({ date: '2026-03-02', score: 47, band: 'Contested' });
        expect(trend.map((p) => p.date)).toEqual([...trend.map((p) => p.date)].sort());
        expect(snapshots[12]).toMatchObject({
            Snapshot_Date__c: '2026-03-02',
            Band_Rank__c: 3,
            Model_Version__c: 'C139-v1.0.0',
            Probability__c: expect.any(Number)
        });
        expect(Object.keys(snapshots[0]).sort()).toEqual(['Id', ...SNAPSHOT_FIELDS].sort());
    });

    it('keeps a trend point without a score or band, drops one without a valid date, and sorts by date', () => {
        expect(
            trendOf([
                {
                    Id: '3',
                    Snapshot_Date__c: '2026-03-02',
                    Control_Score__c: 47,
                    Control_Band__c: 'Contested'
                },
                { Id: '1', Snapshot_Date__c: '2026-02-23', Control_Score__c: null, Control_Band__c: null },
                { Id: 'x', Snapshot_Date__c: null, Control_Score__c: 10, Control_Band__c: 'Losing' },
                {
                    Id: 'y',
                    Snapshot_Date__c: '2026-02-30T00:00',
                    Control_Score__c: 10,
                    Control_Band__c: 'Losing'
                },
                {
                    Id: '2',
                    Snapshot_Date__c: '2026-02-24',
                    Control_Score__c: '45',
                    Control_Band__c: 'Contested'
                }
            ])
        ).toEqual([
            { date: '2026-02-23', score: null, band: null },
            { date: '2026-02-24', score: null, band: 'Contested' },
            { date: '2026-03-02', score: 47, band: 'Contested' }
        ]);
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
