import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { readFields } from '../../scripts/rescore/derived';
import {
    OPP,
    SA,
    SC,
    SC_FIELDS,
    SCORECARD,
    STAKEHOLDERS,
    exportDir,
    fingerprint,
    line,
    rescoreFiles,
    stakeholderCsv
} from './hostileFiles';

/**
 * The political map's CSV file (`Stakeholder_Link__c.csv`, contract v1.1) as an admin may hand it
 * over: columns missing, links that point at people of another deal or at nobody, the same link
 * twice. A file the run cannot read stops it (exit 3, nothing written); a link the model cannot
 * use is reported with its Id and left out, and the run goes on. Every case checks that the input
 * files are byte-identical afterwards.
 */

const SL = 'Stakeholder_Link__c';
const SL_FIELDS = readFields(SL);
const OTHER_OPP = '006000000000002AAA';
const [MENTOR, TOP_DM_OPPONENT, NEUTRAL] = STAKEHOLDERS.map((s) => s.Id);
/** A person of another deal, in the same export. */
const ELSEWHERE = {
    Id: 'a01000000000009AAA',
    Name: 'Qian Li',
    Opportunity__c: OTHER_OPP,
    Attitude_To_Us__c: 'Supporter'
};

/** The opponent top decision maker pulls on the neutral person: INFLUENCED_AGAINST on Zhang Min. */
const GOOD = {
    Id: 'a03000000000001AAA',
    Opportunity__c: OPP,
    From_Stakeholder__c: TOP_DM_OPPONENT,
    To_Stakeholder__c: NEUTRAL,
    Link_Type__c: 'Influences',
    Strength__c: 'Strong'
};

function linkCsv(rows: ReadonlyArray<Readonly<Record<string, string>>>, fields = SL_FIELDS): string {
    return [fields.join(','), ...rows.map((r) => line(fields, r))].join('\n') + '\n';
}

let dir: string;
let before: Record<string, string>;

function unchanged(): void {
    const now = JSON.stringify(fingerprint(dir));
    if (now !== JSON.stringify(before)) {
        throw new Error(`input files changed:\nbefore ${JSON.stringify(before)}\nafter  ${now}`);
    }
}

function setUp(files: Parameters<typeof exportDir>[0]): void {
    // A test that sets up twice has its first exports checked too.
    if (before) unchanged();
    dir = exportDir({ [`${SA}.csv`]: stakeholderCsv([...STAKEHOLDERS, ELSEWHERE]), ...files });
    before = fingerprint(dir);
}

// Whatever happened, the exports are as the admin left them (a throw here fails the test).
afterEach(unchanged);

const out = (): string => `${dir}-out`;
const report = (): string => `${dir}-report.csv`;

async function run(): Promise<ReturnType<typeof rescoreFiles>> {
    return rescoreFiles(['--input-dir', dir, '--output-dir', out(), '--report', report()]);
}

/** The update file of an object, by record Id. */
function updates(object: string): Map<string, Record<string, string>> {
    const rows = parse(readFileSync(path.join(out(), `${object}.csv`), 'utf8'), { columns: true }) as Array<
        Record<string, string>
    >;
    return new Map(rows.map((r) => [r.Id, r]));
}

/** The update file of an object without the scoring time, which differs from run to run. */
function scoredValues(object: string): Array<Record<string, string>> {
    return [...updates(object).values()].map((row) => {
        const { Scored_At__c: scoredAt, ...rest } = row;
        expect(scoredAt).toMatch(/^\d{4}-\d\d-\d\dT/);
        return rest;
    });
}

/** The report's lines about links: [id, code, field, detail]. */
function linkProblems(): string[][] {
    const rows = parse(readFileSync(report(), 'utf8'), { columns: true }) as Array<Record<string, string>>;
    return rows.filter((r) => r.object === SL).map((r) => [r.kind, r.id, r.code, r.fields, r.detail]);
}

function summary(): { linkIssuesByCode: Record<string, number>; objects: Record<string, { read: number }> } {
    return JSON.parse(readFileSync(path.join(out(), 'summary.json'), 'utf8'));
}

describe('Stakeholder_Link__c.csv that cannot be read stops the run (exit 3, nothing written)', () => {
    it.each([[['Link_Type__c']], [['From_Stakeholder__c', 'To_Stakeholder__c']], [['Opportunity__c']]])(
        'a header without %j names the missing columns and the export command',
        async (missing) => {
            const fields = SL_FIELDS.filter((f) => !missing.includes(f));
            setUp({ [`${SL}.csv`]: linkCsv([GOOD], fields) });
            const r = await run();
            expect(r.code).toBe(3);
            expect(r.stderr).toContain(
                `Error (MISSING_COLUMNS): ${path.join(dir, `${SL}.csv`)}: the header lacks ${missing.length} column(s) the run needs: ${missing.join(', ')}.`
            );
            expect(r.stderr).toContain(
                `Export it again with: sf data export bulk --query "SELECT ${SL_FIELDS.join(', ')} FROM ${SL}"`
            );
            expect(existsSync(out()) ? readdirSync(out()) : []).toEqual([]);
        }
    );

    it("a scorecard export without Coach_Stakeholder__c (v1.1 reads the coach's line to the top) is refused the same way", async () => {
        const fields = SC_FIELDS.filter((f) => f !== 'Coach_Stakeholder__c');
        setUp({ [`${SC}.csv`]: [fields.join(','), line(fields, SCORECARD)].join('\n') + '\n' });
        const r = await run();
        expect(r.code).toBe(3);
        expect(r.stderr).toContain('the header lacks 1 column(s) the run needs: Coach_Stakeholder__c.');
        expect(existsSync(out()) ? readdirSync(out()) : []).toEqual([]);
    });

    it('the same link Id twice stops the run naming both lines', async () => {
        setUp({ [`${SL}.csv`]: linkCsv([GOOD, { ...GOOD, To_Stakeholder__c: MENTOR }]) });
        const r = await run();
        expect(r.code).toBe(3);
        expect(r.stderr).toContain(
            `Error (DUPLICATE_ID): ${path.join(dir, `${SL}.csv`)} line 3: the Id ${GOOD.Id} appears a second time (first on line 2)`
        );
        expect(existsSync(out()) ? readdirSync(out()) : []).toEqual([]);
    });
});

describe('links the model cannot use are reported one by one, left out, and the run goes on', () => {
    const BAD = [
        // Its ends are on another Opportunity than the link.
        { ...GOOD, Id: 'a03000000000002AAA', From_Stakeholder__c: ELSEWHERE.Id },
        // An end that names no assessment in the export (deleted since, or never there).
        { ...GOOD, Id: 'a03000000000003AAA', From_Stakeholder__c: 'a01000000000077AAA' },
        // An end left blank.
        { ...GOOD, Id: 'a03000000000004AAA', To_Stakeholder__c: '' },
        // A link filed on the other deal between two people of this one.
        { ...GOOD, Id: 'a03000000000005AAA', Opportunity__c: OTHER_OPP },
        // Nobody's link: no Opportunity at all.
        { ...GOOD, Id: 'a03000000000006AAA', Opportunity__c: '' },
        // One person on both ends.
        { ...GOOD, Id: 'a03000000000007AAA', To_Stakeholder__c: TOP_DM_OPPONENT },
        // A type from an old import.
        { ...GOOD, Id: 'a03000000000008AAA', Link_Type__c: 'Friends' }
    ];

    it('each with its Id, code and field in the report, counted in the summary; scoring is as if they were not there', async () => {
        setUp({ [`${SL}.csv`]: linkCsv(BAD) });
        const r = await run();
        expect(r.code).toBe(0);
        expect(linkProblems()).toEqual([
            ['data', 'a03000000000006AAA', 'NO_OPPORTUNITY', 'Opportunity__c', ''],
            [
                'data',
                'a03000000000002AAA',
                'LINK_END_NOT_ON_OPPORTUNITY',
                'From_Stakeholder__c',
                `From_Stakeholder__c="${ELSEWHERE.Id}"`
            ],
            [
                'data',
                'a03000000000003AAA',
                'LINK_END_NOT_ON_OPPORTUNITY',
                'From_Stakeholder__c',
                'From_Stakeholder__c="a01000000000077AAA"'
            ],
            ['data', 'a03000000000004AAA', 'LINK_MISSING_END', 'To_Stakeholder__c', 'To_Stakeholder__c=""'],
            [
                'data',
                'a03000000000007AAA',
                'LINK_SELF',
                'To_Stakeholder__c',
                `To_Stakeholder__c="${TOP_DM_OPPONENT}"`
            ],
            ['data', 'a03000000000008AAA', 'UNKNOWN_VALUE', 'Link_Type__c', 'Link_Type__c="Friends"'],
            [
                'data',
                'a03000000000005AAA',
                'LINK_END_NOT_ON_OPPORTUNITY',
                'From_Stakeholder__c',
                `From_Stakeholder__c="${TOP_DM_OPPONENT}"`
            ],
            [
                'data',
                'a03000000000005AAA',
                'LINK_END_NOT_ON_OPPORTUNITY',
                'To_Stakeholder__c',
                `To_Stakeholder__c="${NEUTRAL}"`
            ]
        ]);
        expect(summary().objects[SL].read).toBe(BAD.length);
        expect(summary().linkIssuesByCode).toEqual({
            NO_OPPORTUNITY: 1,
            LINK_END_NOT_ON_OPPORTUNITY: 4,
            LINK_MISSING_END: 1,
            LINK_SELF: 1,
            UNKNOWN_VALUE: 1
        });
        // Nobody is pulled on: no link counted.
        expect(updates(SA).get(NEUTRAL)!.Insight_Codes__c).not.toContain('INFLUENCED_AGAINST');
        // The people and the scorecard are still scored and written, exactly as with no link at all.
        expect([...updates(SA).keys()].sort()).toEqual(
            [MENTOR, TOP_DM_OPPONENT, NEUTRAL, ELSEWHERE.Id].sort()
        );
        expect([...updates(SC).keys()]).toEqual([SCORECARD.Id]);
        const withBadLinks = [SA, SC].map(scoredValues);
        setUp({ [`${SL}.csv`]: linkCsv([]) });
        expect((await run()).code).toBe(0);
        expect([SA, SC].map(scoredValues)).toEqual(withBadLinks);
    });

    it('a good link among them still counts', async () => {
        setUp({ [`${SL}.csv`]: linkCsv([...BAD, GOOD]) });
        expect((await run()).code).toBe(0);
        expect(updates(SA).get(NEUTRAL)!.Insight_Codes__c.split(';')).toContain('INFLUENCED_AGAINST');
        expect(linkProblems().map(([, id]) => id)).not.toContain(GOOD.Id);
    });

    it('the same link twice under two Ids (an Allied pair both ways, an influence copied): the copy is reported and counts once', async () => {
        const copies = [
            GOOD,
            { ...GOOD, Id: 'a03000000000011AAA' },
            {
                ...GOOD,
                Id: 'a03000000000012AAA',
                From_Stakeholder__c: MENTOR,
                To_Stakeholder__c: NEUTRAL,
                Link_Type__c: 'Allied'
            },
            {
                ...GOOD,
                Id: 'a03000000000013AAA',
                From_Stakeholder__c: NEUTRAL,
                To_Stakeholder__c: MENTOR,
                Link_Type__c: 'Allied'
            }
        ];
        setUp({ [`${SL}.csv`]: linkCsv(copies) });
        expect((await run()).code).toBe(0);
        expect(linkProblems()).toEqual([
            ['data', 'a03000000000011AAA', 'LINK_DUPLICATE', 'Link_Type__c', 'Link_Type__c="Influences"'],
            ['data', 'a03000000000013AAA', 'LINK_DUPLICATE', 'Link_Type__c', 'Link_Type__c="Allied"']
        ]);
        const once = updates(SA);
        // Same result as the two distinct links alone.
        setUp({ [`${SL}.csv`]: linkCsv([copies[0], copies[2]]) });
        expect((await run()).code).toBe(0);
        expect(updates(SA).get(NEUTRAL)!.Insight_Codes__c).toBe(once.get(NEUTRAL)!.Insight_Codes__c);
        expect(linkProblems()).toEqual([]);
    });
});

describe('no links', () => {
    it('a header-only file: no warning, nothing read, nobody pulled on', async () => {
        setUp({ [`${SL}.csv`]: linkCsv([]) });
        const r = await rescoreFiles(['--input-dir', dir, '--output-dir', out(), '--json']);
        expect(r.code).toBe(0);
        expect(JSON.parse(r.stdout).warnings).toEqual([]);
        expect(summary().objects[SL].read).toBe(0);
        expect(updates(SA).get(NEUTRAL)!.Insight_Codes__c).not.toContain('INFLUENCED_AGAINST');
    });

    it('no file at all: the run goes on and says which codes it cannot raise and how to export the links', async () => {
        setUp({});
        const r = await rescoreFiles(['--input-dir', dir, '--output-dir', out(), '--json']);
        expect(r.code).toBe(0);
        const warnings = JSON.parse(r.stdout).warnings as string[];
        expect(warnings).toHaveLength(1);
        expect(warnings[0]).toContain(`No ${path.join(dir, `${SL}.csv`)}`);
        expect(warnings[0]).toContain('INFLUENCED_AGAINST, WIN_UNDERMINED, COACH_NO_ACCESS');
        expect(warnings[0]).toContain(`FROM ${SL}"`);
        expect(readdirSync(out()).sort()).toEqual([`${SC}.csv`, `${SA}.csv`, 'summary.json'].sort());
    });
});
