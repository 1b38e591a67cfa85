import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { FakeOrg, SObjectRecord } from '../fakeOrg';
import { exportDir, fingerprint } from '../rescore/hostileFiles';
import { tempDir, withOrg } from '../rescore/harness';
import { CLOSED_BEFORE, LINK, PurgeDeal, SA, SC, addDeal, purge, readReceipt } from './harness';

describe('against an org', () => {
    let org: FakeOrg;
    let won: PurgeDeal;
    let lost: PurgeDeal;
    let recent: PurgeDeal;
    let open: PurgeDeal;
    let receipt: string;

    beforeEach(async () => {
        org = await withOrg();
        won = addDeal(org, { StageName: 'Closed Won', CloseDate: '2023-05-01' }, 3);
        lost = addDeal(org, { StageName: 'Closed Lost', CloseDate: '2023-12-31' }, 2);
        // Closed after the date: still within the retention period.
        recent = addDeal(org, { StageName: 'Closed Won', CloseDate: '2024-01-01' }, 2);
        // Still open although its close date has passed: never touched.
        open = addDeal(org, { StageName: 'Negotiation/Review', CloseDate: '2023-03-01' }, 2);
        receipt = path.join(tempDir('receipt'), 'receipt.csv');
    });
    afterEach(() => org.close());

    // In receipt order: the objects in the table's order (links first), each by Opportunity, then Id.
    const purgedIds = (): string[] => [
        ...won.linkIds,
        ...lost.linkIds,
        ...won.stakeholderIds,
        ...lost.stakeholderIds
    ];
    const keptDeals = (): PurgeDeal[] => [recent, open];

    function snapshot(): Map<string, SObjectRecord> {
        return new Map(
            [...org.store.all(LINK), ...org.store.all(SA), ...org.store.all(SC)].map((r) => [String(r.Id), r])
        );
    }

    /** Records whose state differs between two snapshots (deleted, or any field changed). */
    function changedIds(before: Map<string, SObjectRecord>, after: Map<string, SObjectRecord>): string[] {
        return [...before.keys()]
            .filter((id) => JSON.stringify(before.get(id)) !== JSON.stringify(after.get(id)))
            .sort();
    }

    describe('dry run (the default)', () => {
        it('counts what it would purge, keeps open deals, changes nothing and writes a receipt only when asked', async () => {
            const before = snapshot();
            const r = await purge(org, ['--closed-before', CLOSED_BEFORE, '--json']);
            expect(r.code).toBe(0);
            expect(r.json.result).toMatchObject({
                mode: 'dry-run',
                action: 'delete',
                opportunities: { purged: 2, keptOpen: 1 },
                objects: { [LINK]: { planned: 2, done: 0 }, [SA]: { planned: 5, done: 0 } },
                receipt: null
            });
            expect(r.json.warnings[0]).toContain(
                '1 open Opportunities have a close date before 2024-01-01; their assessments were kept'
            );
            expect(changedIds(before, snapshot())).toEqual([]);
            expect(org.log.filter((e) => e.method !== 'GET')).toEqual([]);

            const withReceipt = await purge(org, [
                '--closed-before',
                CLOSED_BEFORE,
                '--receipt',
                receipt,
                '--lang',
                'en'
            ]);
            expect(withReceipt.stdout).toContain(
                'Stakeholder assessments: 5 would be deleted (dry run: nothing changed)'
            );
            expect(withReceipt.stdout).toContain('Dry run: nothing was changed. Add --apply to do it.');
            expect(readReceipt(receipt).map((row) => [row.id, row.action, row.result])).toEqual(
                purgedIds().map((id) => [id, 'delete', 'planned'])
            );
            expect(withReceipt.stdout).toContain('Political-map links: 2 would be deleted');
        });
    });

    describe('--apply', () => {
        it.each([['--rest'], ['--bulk']])(
            'deletes the assessments of deals closed before the date (%s); the receipt lists exactly what changed',
            async (transport) => {
                const before = snapshot();
                const r = await purge(org, [
                    transport,
                    '--closed-before',
                    CLOSED_BEFORE,
                    '--apply',
                    '--receipt',
                    receipt,
                    '--json'
                ]);
                expect(r.code).toBe(0);
                expect(r.json.result.objects[SA]).toMatchObject({ planned: 5, done: 5, failed: 0 });
                expect(r.json.result.objects[LINK]).toMatchObject({ planned: 2, done: 2, failed: 0 });
                for (const deal of [won, lost]) {
                    for (const id of deal.stakeholderIds) expect(org.store.get(SA, id)!.IsDeleted).toBe(true);
                    for (const id of deal.linkIds) expect(org.store.get(LINK, id)!.IsDeleted).toBe(true);
                }
                for (const deal of keptDeals()) {
                    for (const id of deal.stakeholderIds)
                        expect(org.store.get(SA, id)!.IsDeleted).toBe(false);
                    for (const id of deal.linkIds) expect(org.store.get(LINK, id)!.IsDeleted).toBe(false);
                }
                // The scorecards, and so the numbers reports use, stay.
                expect(org.store.get(SC, won.scorecardId)).toMatchObject({
                    IsDeleted: false,
                    Control_Score__c: 35
                });

                const rows = readReceipt(receipt);
                expect(rows.map((row) => row.id).sort()).toEqual(changedIds(before, snapshot()));
                expect(
                    rows.every(
                        (row) =>
                            (row.object === SA || row.object === LINK) &&
                            row.action === 'delete' &&
                            row.result === 'done' &&
                            row.code === ''
                    )
                ).toBe(true);
                expect(rows.find((row) => row.id === lost.stakeholderIds[1])!.opportunity_id).toBe(
                    lost.opportunityId
                );
                // Ids only: not a name, title or note of a person.
                expect(JSON.stringify(rows)).not.toMatch(/王|CFO|dinner|steering/);
                // One request (or job) per object.
                expect(org.callsByKind()[transport === '--bulk' ? 'ingestCreate' : 'collectionsDelete']).toBe(
                    2
                );
            }
        );

        it.each([['--rest'], ['--bulk']])(
            '--anonymize (%s) blanks the personal fields, renames each assessment "Stakeholder N" in Id order, keeps the rest; a rerun changes nothing',
            async (transport) => {
                const before = snapshot();
                const r = await purge(org, [
                    transport,
                    '--closed-before',
                    CLOSED_BEFORE,
                    '--anonymize',
                    '--apply',
                    '--receipt',
                    receipt,
                    '--json'
                ]);
                expect(r.code).toBe(0);
                expect(r.json.result.objects[SA]).toMatchObject({ planned: 5, done: 5 });
                for (const deal of [won, lost]) {
                    deal.stakeholderIds.forEach((id, i) => {
                        const record = org.store.get(SA, id)!;
                        expect(record).toMatchObject({
                            IsDeleted: false,
                            Name: `Stakeholder ${i + 1}`,
                            Contact__c: null,
                            Title__c: null,
                            Evidence__c: null,
                            Notes__c: null,
                            Next_Action__c: null,
                            Verification__c: null,
                            Favored_Vendor__c: null,
                            // Inputs and derived numbers stay for reports.
                            Attitude_To_Us__c: i === 0 ? 'Mentor' : 'Opponent',
                            Support_Index__c: i === 0 ? 2 : -2,
                            Completeness__c: 20,
                            Opportunity__c: deal.opportunityId
                        });
                    });
                }
                // A link keeps its two ends and its type; only what it says about people goes.
                for (const deal of [won, lost]) {
                    expect(org.store.get(LINK, deal.linkIds[0])).toMatchObject({
                        IsDeleted: false,
                        Evidence__c: null,
                        Link_Type__c: 'Rival',
                        From_Stakeholder__c: deal.stakeholderIds[0]
                    });
                }
                expect(org.store.get(SA, open.stakeholderIds[0])!.Title__c).toBe('CFO');
                expect(org.store.get(LINK, open.linkIds[0])!.Evidence__c).toBe(
                    'They argued in the steering meeting'
                );
                expect(
                    readReceipt(receipt)
                        .map((row) => row.id)
                        .sort()
                ).toEqual(changedIds(before, snapshot()));
                expect(
                    readReceipt(receipt).every((row) => row.action === 'anonymize' && row.result === 'done')
                ).toBe(true);

                const again = await purge(org, [
                    transport,
                    '--closed-before',
                    CLOSED_BEFORE,
                    '--anonymize',
                    '--apply',
                    '--receipt',
                    receipt,
                    '--json'
                ]);
                expect(again.code).toBe(0);
                expect(again.json.result.objects[SA]).toMatchObject({
                    planned: 0,
                    done: 0,
                    alreadyAnonymized: 5
                });
                expect(again.json.result.objects[LINK]).toMatchObject({ planned: 0, alreadyAnonymized: 2 });
                expect(readReceipt(receipt)).toEqual([]);
            }
        );

        it('--opportunity limits the purge to those deals', async () => {
            const r = await purge(org, [
                '--closed-before',
                CLOSED_BEFORE,
                '--opportunity',
                lost.opportunityId,
                '--apply',
                '--receipt',
                receipt,
                '--json'
            ]);
            expect(r.code).toBe(0);
            expect(readReceipt(receipt).map((row) => row.id)).toEqual([
                ...lost.linkIds,
                ...lost.stakeholderIds
            ]);
            expect(org.store.get(SA, won.stakeholderIds[0])!.IsDeleted).toBe(false);
        });

        it('a record the org refuses is reported failed with its code (exit 2), the others are done', async () => {
            org.faults.add({
                kind: 'collectionsDelete',
                times: 5,
                response: 'unableToLockRow',
                recordIds: [won.stakeholderIds[1]]
            });
            const r = await purge(org, [
                '--rest',
                '--closed-before',
                CLOSED_BEFORE,
                '--apply',
                '--max-retries',
                '1',
                '--receipt',
                receipt,
                '--json'
            ]);
            expect(r.code).toBe(2);
            expect(r.json.result.objects[SA]).toMatchObject({ done: 4, failed: 1 });
            const failed = readReceipt(receipt).filter((row) => row.result === 'failed');
            expect(failed).toEqual([
                {
                    object: SA,
                    id: won.stakeholderIds[1],
                    opportunity_id: won.opportunityId,
                    action: 'delete',
                    result: 'failed',
                    code: 'UNABLE_TO_LOCK_ROW'
                }
            ]);
            expect(org.store.get(SA, won.stakeholderIds[1])!.IsDeleted).toBe(false);
        });

        it('Ctrl-C stops after the request in flight; the receipt says which records were done and which not sent', async () => {
            const many = addDeal(org, { StageName: 'Closed Lost', CloseDate: '2022-01-01' }, 250);
            const controller = new AbortController();
            // Ctrl-C while the first batch of assessments is being deleted (the links went before).
            org.hooks.beforeWrite = (object) => {
                if (object === SA) controller.abort();
            };
            const before = snapshot();
            const r = await purge(
                org,
                [
                    '--rest',
                    '--concurrency',
                    '1',
                    '--closed-before',
                    CLOSED_BEFORE,
                    '--apply',
                    '--receipt',
                    receipt,
                    '--json'
                ],
                controller.signal
            );
            expect(r.code).toBe(3);
            expect(r.json.result.stopped.code).toBe('INTERRUPTED');
            const rows = readReceipt(receipt);
            expect(rows).toHaveLength(3 + 255);
            const done = rows.filter((row) => row.result === 'done').map((row) => row.id);
            expect(done).toHaveLength(3 + 200);
            expect(rows.filter((row) => row.result === 'not sent')).toHaveLength(55);
            expect(done.sort()).toEqual(changedIds(before, snapshot()));
            expect(many.stakeholderIds.length).toBe(250);
        });

        it('stops cleanly at --max-api-calls with a receipt of what was done', async () => {
            addDeal(org, { StageName: 'Closed Lost', CloseDate: '2022-01-01' }, 250);
            const before = snapshot();
            const r = await purge(org, [
                '--rest',
                '--concurrency',
                '1',
                '--closed-before',
                CLOSED_BEFORE,
                '--apply',
                '--max-api-calls',
                '7',
                '--receipt',
                receipt,
                '--json'
            ]);
            expect(r.code).toBe(3);
            expect(r.json.result.stopped.code).toBe('API_BUDGET');
            // Five reads (two counts, the Opportunities, the links, the assessments), the links'
            // delete and one of the two deletes of assessments.
            expect(r.json.result.objects[LINK]).toMatchObject({ done: 3 });
            expect(r.json.result.objects[SA]).toMatchObject({ done: 200, notSent: 55 });
            const done = readReceipt(receipt)
                .filter((row) => row.result === 'done')
                .map((row) => row.id);
            expect(done.sort()).toEqual(changedIds(before, snapshot()));
        });
    });

    describe('refusals: nothing is changed', () => {
        it.each([
            [
                'an open Opportunity',
                () => ['--opportunity', open.opportunityId],
                'OPEN_OPPORTUNITY',
                'is still open (stage Negotiation/Review): purge never touches a deal that is being worked.'
            ],
            [
                'one closed on the date',
                () => ['--opportunity', recent.opportunityId],
                'CLOSED_TOO_RECENTLY',
                'closed on 2024-01-01, not before 2024-01-01'
            ],
            [
                'an Id that is not there',
                () => ['--opportunity', '006000000000099AAA'],
                'NOT_FOUND',
                'does not exist (or was deleted)'
            ]
        ])('%s named with --opportunity (exit 3)', async (_label, extra, code, message) => {
            const before = snapshot();
            const r = await purge(org, [
                '--closed-before',
                CLOSED_BEFORE,
                '--apply',
                '--receipt',
                receipt,
                '--json',
                ...extra()
            ]);
            expect(r.code).toBe(3);
            expect(r.json).toMatchObject({ name: code, exitCode: 3 });
            expect(r.json.message).toContain(message);
            expect(changedIds(before, snapshot())).toEqual([]);
            expect(existsSync(receipt)).toBe(false);
        });

        it.each([
            ['today', '2026-11-30', '--closed-before 2026-11-30 is not in the past'],
            ['a future date', '2027-01-01', '--closed-before 2027-01-01 is not in the past'],
            ['a date that does not exist', '2023-02-30', '"2023-02-30" is not a real date or time'],
            ['no date at all', null, '--closed-before is required']
        ])('--closed-before %s (exit 3, no API call)', async (_label, date, message) => {
            const r = await purge(org, [...(date ? ['--closed-before', date] : []), '--apply', '--json']);
            expect(r.code).toBe(3);
            expect(r.json.message).toContain(message);
            expect(org.log).toEqual([]);
        });

        it('--apply in CSV mode, and no source at all', async () => {
            const noSource = await purge(null, ['--closed-before', CLOSED_BEFORE, '--json']);
            expect(noSource.json).toMatchObject({ name: 'NO_SOURCE', exitCode: 3 });
            const csv = await purge(null, [
                '--input-dir',
                tempDir('in'),
                '--closed-before',
                CLOSED_BEFORE,
                '--apply',
                '--json'
            ]);
            expect(csv.json).toMatchObject({ name: 'BAD_FLAGS' });
            expect(csv.json.message).toContain('--apply needs an org');
        });
    });
});

/** CSV mode of the purge: exports in, files for `sf data delete|update bulk` and a receipt out, exports untouched. */
describe('CSV mode', () => {
    const WON = '006000000000001AAA';
    const OPEN = '006000000000002AAA';
    const RECENT = '006000000000003AAA';

    const OPPORTUNITIES = [
        'Id,IsClosed,CloseDate,StageName',
        `${WON},true,2023-05-01,Closed Won`,
        `${OPEN},false,2023-03-01,Negotiation/Review`,
        `${RECENT},TRUE,2024-03-01,Closed Lost`
    ].join('\n');

    // Cells joined here: the commas of a CSV line are delimiters, not Chinese punctuation.
    const ASSESSMENTS = [
        'Id,Name,Opportunity__c,Contact__c,Title__c,Evidence__c,Notes__c,Next_Action__c,Verification__c,Favored_Vendor__c,Support_Index__c',
        [
            'a01000000000002AAA',
            '张伟',
            WON,
            '003000000000001AAA',
            'CFO',
            '"said so, twice"',
            '',
            '',
            '',
            '',
            '2'
        ].join(','),
        ['a01000000000001AAA', '李娜', WON.slice(0, 15), '', 'CTO', '', '', '', '', '', '-1'].join(','),
        ['a01000000000003AAA', '王芳', OPEN, '', 'CEO', '', '', '', '', '', '0'].join(','),
        ['a01000000000004AAA', '刘洋', RECENT, '', 'CIO', '', '', '', '', '', '1'].join(',')
    ].join('\n');

    const LINKS = [
        'Id,Opportunity__c,From_Stakeholder__c,To_Stakeholder__c,Link_Type__c,Evidence__c',
        `a03000000000001AAA,${WON},a01000000000002AAA,a01000000000001AAA,Rival,argued in the meeting`,
        `a03000000000002AAA,${OPEN},a01000000000003AAA,a01000000000003AAA,Allied,`
    ].join('\n');

    let dir: string;
    let before: Record<string, string>;
    beforeEach(() => {
        dir = exportDir({
            'Opportunity.csv': `${OPPORTUNITIES}\n`,
            [`${SA}.csv`]: `${ASSESSMENTS}\n`,
            [`${LINK}.csv`]: `${LINKS}\n`,
            'C139_Scorecard__c.csv': undefined
        });
        before = fingerprint(dir);
    });
    afterEach(() => {
        const now = JSON.stringify(fingerprint(dir));
        if (now !== JSON.stringify(before)) throw new Error(`input files changed: ${now}`);
    });

    const out = (): string => `${dir}-out`;
    const rows = (file: string): Array<Record<string, string>> =>
        parse(readFileSync(file, 'utf8'), { columns: true });

    it('writes the Ids to delete for sf data delete bulk, and a receipt, for deals closed before the date only', async () => {
        const r = await purge(null, [
            '--input-dir',
            dir,
            '--output-dir',
            out(),
            '--closed-before',
            CLOSED_BEFORE,
            '--lang',
            'en'
        ]);
        expect(r.code).toBe(0);
        expect(readFileSync(path.join(out(), `${SA}.csv`), 'utf8')).toBe(
            'Id\na01000000000001AAA\na01000000000002AAA\n'
        );
        expect(readFileSync(path.join(out(), `${LINK}.csv`), 'utf8')).toBe('Id\na03000000000001AAA\n');
        expect(readReceipt(path.join(out(), 'receipt.csv'))).toEqual(
            [
                [LINK, 'a03000000000001AAA'],
                [SA, 'a01000000000001AAA'],
                [SA, 'a01000000000002AAA']
            ].map(([object, id]) => ({
                object,
                id,
                opportunity_id: WON,
                action: 'delete',
                result: 'planned',
                code: ''
            }))
        );
        expect(r.stdout).toContain(`sf data delete bulk --sobject <object> --file ${out()}/<object>.csv`);
        expect(r.stderr).toContain('1 open Opportunities have a close date before 2024-01-01');
    });

    it('--anonymize writes the neutral name and #N/A for every personal field, numbered per deal in Id order', async () => {
        const r = await purge(null, [
            '--input-dir',
            dir,
            '--output-dir',
            out(),
            '--closed-before',
            CLOSED_BEFORE,
            '--anonymize'
        ]);
        expect(r.code).toBe(0);
        const written = rows(path.join(out(), `${SA}.csv`));
        expect(Object.keys(written[0])).toEqual([
            'Id',
            'Name',
            'Contact__c',
            'Title__c',
            'Evidence__c',
            'Notes__c',
            'Next_Action__c',
            'Verification__c',
            'Favored_Vendor__c'
        ]);
        expect(written.map((w) => [w.Id, w.Name, w.Title__c, w.Evidence__c])).toEqual([
            ['a01000000000001AAA', 'Stakeholder 1', '#N/A', '#N/A'],
            ['a01000000000002AAA', 'Stakeholder 2', '#N/A', '#N/A']
        ]);
        expect(readFileSync(path.join(out(), `${LINK}.csv`), 'utf8')).toBe(
            'Id,Evidence__c\na03000000000001AAA,#N/A\n'
        );
        // Nothing personal in the files the run leaves behind.
        expect(
            readFileSync(path.join(out(), `${SA}.csv`), 'utf8') +
                readFileSync(path.join(out(), 'receipt.csv'), 'utf8')
        ).not.toMatch(/张|李|CFO|twice/);
    });

    it('without --output-dir: counts only, writes nothing', async () => {
        const r = await purge(null, ['--input-dir', dir, '--closed-before', CLOSED_BEFORE, '--json']);
        expect(r.code).toBe(0);
        expect(r.json.result).toMatchObject({
            mode: 'csv',
            opportunities: { purged: 1, keptOpen: 1 },
            objects: { [LINK]: { planned: 1 }, [SA]: { planned: 2 } }
        });
        expect(existsSync(out())).toBe(false);
    });

    it.each([
        ['an open Opportunity named with --opportunity', () => ['--opportunity', OPEN], 'OPEN_OPPORTUNITY'],
        ['--output-dir equal to --input-dir', () => ['--output-dir', dir], 'OUTPUT_IS_INPUT'],
        [
            '--receipt naming an export',
            () => ['--receipt', path.join(dir, 'Opportunity.csv')],
            'OUTPUT_IS_INPUT'
        ]
    ])('refuses %s (exit 3) and writes nothing', async (_label, extra, code) => {
        const r = await purge(null, [
            '--input-dir',
            dir,
            '--closed-before',
            CLOSED_BEFORE,
            '--json',
            ...extra()
        ]);
        expect(r.code).toBe(3);
        expect(r.json.name).toBe(code);
        expect(existsSync(out())).toBe(false);
    });

    it('a malformed IsClosed value stops the run with the file and line', async () => {
        writeFileSync(
            path.join(dir, 'Opportunity.csv'),
            `${OPPORTUNITIES}\n006000000000004AAA,yes,2020-01-01,Closed Won\n`
        );
        before = fingerprint(dir);
        const r = await purge(null, [
            '--input-dir',
            dir,
            '--output-dir',
            out(),
            '--closed-before',
            CLOSED_BEFORE,
            '--lang',
            'en'
        ]);
        expect(r.code).toBe(3);
        expect(r.stderr).toContain(
            `Error (MALFORMED_CSV): ${path.join(dir, 'Opportunity.csv')} line 5: "yes" in the IsClosed column is not true or false.`
        );
        expect(existsSync(path.join(out(), `${SA}.csv`))).toBe(false);
    });

    it('an empty Opportunity export names the export command', async () => {
        writeFileSync(path.join(dir, 'Opportunity.csv'), '');
        before = fingerprint(dir);
        const r = await purge(null, ['--input-dir', dir, '--closed-before', CLOSED_BEFORE, '--lang', 'en']);
        expect(r.code).toBe(3);
        expect(r.stderr).toContain('Error (EMPTY_FILE)');
        expect(r.stderr).toContain('SELECT Id, IsClosed, CloseDate, StageName FROM Opportunity');
    });
});
