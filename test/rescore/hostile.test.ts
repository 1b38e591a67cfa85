import {
    existsSync,
    linkSync,
    mkdirSync,
    readFileSync,
    readdirSync,
    symlinkSync,
    writeFileSync
} from 'node:fs';
import path from 'node:path';
import { MODEL_VERSION } from 'c/dealControlModel';
import {
    OPP,
    SA,
    SA_FIELDS,
    SC,
    SC_FIELDS,
    STAKEHOLDERS,
    SCORECARD,
    exportDir,
    fingerprint,
    line,
    rescoreFiles,
    scorecardCsv,
    stakeholderCsv
} from './hostileFiles';

/**
 * The rescore script in CSV mode, tried as a hostile admin would: outputs on top of inputs,
 * damaged and odd files, folders where files belong. Every case asserts the exit code, the message,
 * and that every input file is byte-identical afterwards (and, when the run must stop, that no
 * output file appeared).
 */

/** A Chinese deal name (kept out of the CSV text, whose commas are delimiters, not punctuation). */
const DEAL_NAME = '华东电网 ERP 升级';

let dir: string;
let before: Record<string, string>;

function setUp(files: Parameters<typeof exportDir>[0] = {}): void {
    dir = exportDir(files);
    before = fingerprint(dir);
}

afterEach(() => {
    // Whatever happened, the exports are as the admin left them (a throw here fails the test).
    const now = JSON.stringify(fingerprint(dir));
    if (now !== JSON.stringify(before)) {
        throw new Error(`input files changed:\nbefore ${JSON.stringify(before)}\nafter  ${now}`);
    }
});

const out = (): string => path.join(path.dirname(dir), `${path.basename(dir)}-out`);

function outputsWritten(): string[] {
    return existsSync(out()) ? readdirSync(out()) : [];
}

/** A good run over the standard exports, for comparing what odd-but-valid files produce. */
async function referenceOutputs(): Promise<Record<string, string>> {
    const reference = exportDir();
    const target = `${reference}-out`;
    expect((await rescoreFiles(['--input-dir', reference, '--output-dir', target])).code).toBe(0);
    return Object.fromEntries(
        [SA, SC].map((o) => [
            o,
            readFileSync(path.join(target, `${o}.csv`), 'utf8').replace(
                /,\d{4}-\d\d-\d\dT[^,\n]*Z/g,
                ',<scoredAt>'
            )
        ])
    );
}

function outputsOf(target: string): Record<string, string> {
    return Object.fromEntries(
        [SA, SC].map((o) => [
            o,
            readFileSync(path.join(target, `${o}.csv`), 'utf8').replace(
                /,\d{4}-\d\d-\d\dT[^,\n]*Z/g,
                ',<scoredAt>'
            )
        ])
    );
}

describe('outputs never land on inputs (defect 1: data loss)', () => {
    it('--output-dir equal to --input-dir: exit 3, nothing read or written', async () => {
        setUp();
        const r = await rescoreFiles(['--input-dir', dir, '--output-dir', dir]);
        expect(r.code).toBe(3);
        expect(r.stderr).toContain(
            `Error (OUTPUT_IS_INPUT): the output file ${path.join(dir, `${SA}.csv`)} (from --output-dir) is the CSV export`
        );
        expect(r.stderr).toContain('Choose another path for --output-dir. Nothing was read or written.');
    });

    it('--output-dir a symbolic link to the input folder: compared by real path', async () => {
        setUp();
        const link = `${dir}-link`;
        symlinkSync(dir, link);
        const r = await rescoreFiles(['--input-dir', dir, '--output-dir', link]);
        expect(r.code).toBe(3);
        expect(r.stderr).toContain('Error (OUTPUT_IS_INPUT)');
    });

    it('--report naming an input file: exit 3', async () => {
        setUp();
        const r = await rescoreFiles(['--input-dir', dir, '--report', path.join(dir, `${SC}.csv`)]);
        expect(r.code).toBe(3);
        expect(r.stderr).toContain(
            `the report ${path.join(dir, `${SC}.csv`)} (from --report) is the CSV export`
        );
    });

    it('--report a hard link to an input file: compared by inode', async () => {
        setUp();
        const hard = `${dir}-hard.csv`;
        linkSync(path.join(dir, `${SA}.csv`), hard);
        const r = await rescoreFiles(['--input-dir', dir, '--report', hard]);
        expect(r.code).toBe(3);
        expect(r.stderr).toContain('Error (OUTPUT_IS_INPUT)');
    });

    it('--report naming the summary of --output-dir: the two outputs would collide', async () => {
        setUp();
        const r = await rescoreFiles([
            '--input-dir',
            dir,
            '--output-dir',
            out(),
            '--report',
            path.join(out(), 'summary.json')
        ]);
        expect(r.code).toBe(3);
        expect(r.stderr).toContain('Error (OUTPUTS_COLLIDE): --output-dir and --report both name');
        expect(outputsWritten()).toEqual([]);
    });
});

describe('headers (defect 2)', () => {
    it.each([
        ['Attitude_To_Us__c', SA],
        ['Opportunity__c', SA],
        ['Support_Index__c', SA],
        ['Coach__c', SC]
    ])('a missing %s column in %s stops the run and names it (exit 3)', async (column, object) => {
        const fields = (object === SA ? SA_FIELDS : SC_FIELDS).filter((f) => f !== column);
        const rows = object === SA ? STAKEHOLDERS : [SCORECARD];
        setUp({
            [`${object}.csv`]: [fields.join(','), ...rows.map((r) => line(fields, r))].join('\n') + '\n'
        });
        const r = await rescoreFiles(['--input-dir', dir, '--output-dir', out()]);
        expect(r.code).toBe(3);
        expect(r.stderr).toContain(
            `Error (MISSING_COLUMNS): ${path.join(dir, `${object}.csv`)}: the header lacks 1 column(s) the run needs: ${column}.`
        );
        expect(r.stderr).toContain('Export it again with: sf data export bulk --query "SELECT Id');
        expect(outputsWritten()).toEqual([]);
    });

    it('Data Loader headers in capitals match case-insensitively: the same update files as API names', async () => {
        const upper = (csv: string) => csv.replace(/^[^\n]*/, (h) => h.toUpperCase());
        setUp({ [`${SA}.csv`]: upper(stakeholderCsv()), [`${SC}.csv`]: upper(scorecardCsv()) });
        const r = await rescoreFiles(['--input-dir', dir, '--output-dir', out()]);
        expect(r.code).toBe(0);
        expect(outputsOf(out())).toEqual(await referenceOutputs());
        expect(readFileSync(path.join(out(), `${SA}.csv`), 'utf8').split('\n')).toHaveLength(
            2 + STAKEHOLDERS.length
        );
    });

    it('a column named twice (Id and ID) stops the run', async () => {
        setUp({ [`${SA}.csv`]: stakeholderCsv().replace(/^Id,Name/, 'Id,ID') });
        const r = await rescoreFiles(['--input-dir', dir]);
        expect(r.code).toBe(3);
        expect(r.stderr).toContain('Error (DUPLICATE_COLUMN)');
        expect(r.stderr).toContain('the column Id appears twice in the header.');
    });
});

describe('malformed rows and duplicate Ids (defect 3)', () => {
    it('one unclosed quote stops the run at the row where it opens; nothing is written', async () => {
        const rows = STAKEHOLDERS.map((s) => line(SA_FIELDS, s));
        rows[1] = rows[1].replace('Wang Fang', '"Wang Fang');
        setUp({
            [`${SA}.csv`]: [SA_FIELDS.join(','), ...rows, ...Array(12).fill(rows[2])].join('\n') + '\n'
        });
        const r = await rescoreFiles(['--input-dir', dir, '--output-dir', out()]);
        expect(r.code).toBe(3);
        expect(r.stderr).toContain(
            `Error (MALFORMED_CSV): ${path.join(dir, `${SA}.csv`)} line 3: a quoted value starts on this row and is never closed`
        );
        expect(r.stderr).toContain('Fix that row (or export the file again) and rerun. Nothing was written.');
        expect(outputsWritten()).toEqual([]);
    });

    it('a stray quote inside a value stops the run', async () => {
        const rows = STAKEHOLDERS.map((s) => line(SA_FIELDS, s));
        rows[2] = rows[2].replace('Zhang Min', 'Zhang "Min"');
        setUp({ [`${SA}.csv`]: [SA_FIELDS.join(','), ...rows].join('\n') + '\n' });
        const r = await rescoreFiles(['--input-dir', dir]);
        expect(r.code).toBe(3);
        expect(r.stderr).toContain('line 4: a quote in the wrong place');
    });

    it('a row with too few values stops the run with its line', async () => {
        setUp({ [`${SA}.csv`]: stakeholderCsv() + `a01000000000009AAA,Short,${OPP}\n` });
        const r = await rescoreFiles(['--input-dir', dir]);
        expect(r.code).toBe(3);
        expect(r.stderr).toContain(`line 5: 3 values where the header has ${SA_FIELDS.length} columns`);
    });

    it('the same Id twice stops the run naming both lines; an update file from an earlier run stays as it was', async () => {
        setUp({
            [`${SA}.csv`]: stakeholderCsv([
                ...STAKEHOLDERS,
                { ...STAKEHOLDERS[0], Attitude_To_Us__c: 'Opponent' }
            ])
        });
        mkdirSync(out());
        writeFileSync(path.join(out(), `${SA}.csv`), 'earlier run\n');
        const r = await rescoreFiles(['--input-dir', dir, '--output-dir', out()]);
        expect(r.code).toBe(3);
        expect(r.stderr).toContain(
            `Error (DUPLICATE_ID): ${path.join(dir, `${SA}.csv`)} line 5: the Id a01000000000001AAA appears a second time (first on line 2)`
        );
        expect(readFileSync(path.join(out(), `${SA}.csv`), 'utf8')).toBe('earlier run\n');
        expect(readdirSync(out())).toEqual([`${SA}.csv`]);
    });

    it('a 15-character and an 18-character Id of the same record are the same record', async () => {
        setUp({ [`${SC}.csv`]: scorecardCsv([SCORECARD, { ...SCORECARD, Id: SCORECARD.Id.slice(0, 15) }]) });
        const r = await rescoreFiles(['--input-dir', dir]);
        expect(r.code).toBe(3);
        expect(r.stderr).toContain('line 3: the Id a02000000000001 appears a second time (first on line 2)');
    });

    it('a value that is not a record Id in the Id column stops the run', async () => {
        setUp({ [`${SC}.csv`]: scorecardCsv([{ ...SCORECARD, Id: 'new record' }]) });
        const r = await rescoreFiles(['--input-dir', dir]);
        expect(r.code).toBe(3);
        expect(r.stderr).toContain('line 2: "new record" in the Id column is not a Salesforce record Id.');
    });
});

describe('odd but valid files give the same result as plain ones', () => {
    it('a UTF-8 byte order mark (Excel "CSV UTF-8")', async () => {
        setUp({ [`${SA}.csv`]: `\uFEFF${stakeholderCsv()}`, [`${SC}.csv`]: `\uFEFF${scorecardCsv()}` });
        const r = await rescoreFiles(['--input-dir', dir, '--output-dir', out()]);
        expect(r.code).toBe(0);
        expect(outputsOf(out())).toEqual(await referenceOutputs());
    });

    it('CRLF line ends and line breaks inside quoted values (line numbers stay right after them)', async () => {
        const withNotes = [...SA_FIELDS, 'Notes__c'];
        const rows = STAKEHOLDERS.map((s, i) =>
            line(withNotes, { ...s, Notes__c: `met twice\r\nagain on day ${i}` })
        );
        setUp({ [`${SA}.csv`]: [withNotes.join(','), ...rows].join('\r\n') + '\r\n' });
        const r = await rescoreFiles(['--input-dir', dir, '--output-dir', out()]);
        expect(r.code).toBe(0);
        expect(outputsOf(out())).toEqual(await referenceOutputs());

        // The same file with the first Id again at the end: rows span two lines each.
        const again = [withNotes.join(','), ...rows, rows[0]].join('\r\n') + '\r\n';
        writeFileSync(path.join(dir, `${SA}.csv`), again);
        before = fingerprint(dir);
        const duplicate = await rescoreFiles(['--input-dir', dir]);
        expect(duplicate.code).toBe(3);
        expect(duplicate.stderr).toContain(
            'line 8: the Id a01000000000001AAA appears a second time (first on line 2)'
        );
    });

    it('Chinese names and values: read as UTF-8, shown in the table, unknown picklist text reported', async () => {
        const people = [
            { ...STAKEHOLDERS[0], Name: '李伟' },
            { ...STAKEHOLDERS[1], Name: '王芳', Influence__c: '高' }
        ];
        setUp({
            [`${SA}.csv`]: stakeholderCsv(people),
            'Opportunity.csv': `Id,Name\n${OPP},${DEAL_NAME}\n`
        });
        const report = `${dir}-report.csv`;
        const r = await rescoreFiles(['--input-dir', dir, '--report', report]);
        expect(r.code).toBe(0);
        expect(readFileSync(report, 'utf8')).toContain(
            `data,${SA},a01000000000002AAA,,Influence__c,UNKNOWN_VALUE,"Influence__c=""高"""`
        );
        const zh = await rescoreFiles(['--input-dir', dir, '--lang', 'zh', '--opportunity', OPP]);
        expect(zh.stdout).toContain(DEAL_NAME);
    });

    it('header-only files: exit 0, nothing to change, update files with the header only', async () => {
        setUp({ [`${SA}.csv`]: `${SA_FIELDS.join(',')}\n`, [`${SC}.csv`]: `${SC_FIELDS.join(',')}\n` });
        const r = await rescoreFiles(['--input-dir', dir, '--output-dir', out()]);
        expect(r.code).toBe(0);
        expect(r.stdout).toContain('Stakeholder assessments: 0 read, 0 changed');
        expect(readFileSync(path.join(out(), `${SA}.csv`), 'utf8')).toBe(
            `Id,${SA_FIELDS.slice(-5).join(',')}\n`
        );
    });
});

describe('files that are not what they claim', () => {
    it('an empty file (0 bytes) stops the run: it has not even a header', async () => {
        setUp({ [`${SC}.csv`]: '' });
        const r = await rescoreFiles(['--input-dir', dir, '--output-dir', out()]);
        expect(r.code).toBe(3);
        expect(r.stderr).toContain(
            `Error (EMPTY_FILE): ${path.join(dir, `${SC}.csv`)}: the file is empty: it has not even a header line.`
        );
        expect(outputsWritten()).toEqual([]);
    });

    it('a GBK file (Excel in Chinese Windows) is not read as garbage', async () => {
        // "李伟" in GBK: bytes that are not UTF-8.
        const gbk = Buffer.concat([
            Buffer.from(
                `${SA_FIELDS.join(',')}\n${line(SA_FIELDS, STAKEHOLDERS[0]).replace('Li Wei', 'XX')}\n`
            )
        ]);
        const at = gbk.indexOf('XX');
        Buffer.from([0xc0, 0xee]).copy(gbk, at);
        setUp({ [`${SA}.csv`]: gbk });
        const r = await rescoreFiles(['--input-dir', dir]);
        expect(r.code).toBe(3);
        expect(r.stderr).toContain(
            'line 2: the Name value is not UTF-8 text. Save the file as "CSV UTF-8" (Excel) or export it again.'
        );
    });

    it('a 20 MB value stops the run with its line instead of filling memory', async () => {
        const huge = { ...STAKEHOLDERS[2], Name: 'x'.repeat(20 * 1024 * 1024) };
        setUp({ [`${SA}.csv`]: stakeholderCsv([STAKEHOLDERS[0], huge]) });
        const r = await rescoreFiles(['--input-dir', dir]);
        expect(r.code).toBe(3);
        expect(r.stderr).toContain(
            'line 3: a value longer than 1,000,000 characters; no Salesforce field holds more than 131,072'
        );
    });

    it('a folder where an export file belongs', async () => {
        setUp({ [`${SA}.csv`]: undefined });
        mkdirSync(path.join(dir, `${SA}.csv`));
        before = fingerprint(dir);
        const r = await rescoreFiles(['--input-dir', dir]);
        expect(r.code).toBe(3);
        expect(r.stderr).toContain(
            `Error (NOT_A_FILE): the CSV export ${path.join(dir, `${SA}.csv`)} is a folder, not a file.`
        );
    });

    it('a file where the input folder belongs', async () => {
        setUp();
        const r = await rescoreFiles(['--input-dir', path.join(dir, `${SA}.csv`)]);
        expect(r.code).toBe(3);
        expect(r.stderr).toContain('Error (NOT_A_FOLDER): --input-dir');
    });

    it('a missing export names the file and the export command', async () => {
        setUp({ [`${SC}.csv`]: undefined });
        const r = await rescoreFiles(['--input-dir', dir]);
        expect(r.code).toBe(3);
        expect(r.stderr).toContain(
            `Error (MISSING_FILE): ${path.join(dir, `${SC}.csv`)} is missing: CSV mode needs the C139 scorecards.`
        );
        expect(r.stderr).toContain(`FROM ${SC}" --output-file ${path.join(dir, `${SC}.csv`)}`);
    });
});

describe('outputs that cannot be written (defect 5): one line, exit 3, never a crash or a stack trace', () => {
    it('--output-dir naming a file', async () => {
        setUp();
        const r = await rescoreFiles(['--input-dir', dir, '--output-dir', path.join(dir, 'Opportunity.csv')]);
        expect(r.code).toBe(3);
        expect(r.stderr).toBe(
            `Error (NOT_A_FOLDER): --output-dir ${path.join(dir, 'Opportunity.csv')} is a file, not a folder. Name a folder (it is created if missing).\n`
        );
    });

    it('--output-dir below a file (a folder that cannot be created)', async () => {
        setUp();
        const target = path.join(dir, 'Opportunity.csv', 'out');
        const r = await rescoreFiles(['--input-dir', dir, '--output-dir', target]);
        expect(r.code).toBe(3);
        expect(r.stderr).toMatch(
            /^Error \(CANNOT_WRITE\): Cannot write the output folder .*: part of the path is a file, not a folder \(ENOTDIR\)\. Choose a folder you can write to/
        );
        expect(r.stderr.split('\n')).toHaveLength(2);
    });

    it('--report below a file', async () => {
        setUp();
        const r = await rescoreFiles([
            '--input-dir',
            dir,
            '--report',
            path.join(dir, 'Opportunity.csv', 'report.csv')
        ]);
        expect(r.code).toBe(3);
        expect(r.stderr).toBe(
            `Error (NOT_A_FOLDER): the folder of --report ${path.join(dir, 'Opportunity.csv')} is a file, not a folder. Name a folder (it is created if missing).\n`
        );
    });

    it('--report naming a folder', async () => {
        setUp();
        const r = await rescoreFiles(['--input-dir', dir, '--report', dir]);
        expect(r.code).toBe(3);
        expect(r.stderr).toContain(`Error (NOT_A_FILE): --report ${dir} is a folder, not a file.`);
    });

    it('--max-api-calls -1 is a value out of range, not "an ambiguous argument"', async () => {
        setUp();
        const r = await rescoreFiles(['--input-dir', dir, '--max-api-calls', '-1']);
        expect(r.code).toBe(3);
        expect(r.stderr).toBe(
            'Error (BAD_FLAGS): --max-api-calls must be a whole number from 1 to 1000000000, not "-1". Run with --help to see the flags.\n'
        );
    });

    it('--verbose adds the stack and the cause; without it there is none', async () => {
        setUp();
        const args = ['--input-dir', dir, '--output-dir', path.join(dir, 'Opportunity.csv', 'out')];
        expect((await rescoreFiles(args)).stderr).not.toMatch(/\n\s+at /);
        const verbose = await rescoreFiles([...args, '--verbose']);
        expect(verbose.stderr).toMatch(/\n\s+at /);
        expect(verbose.stderr).toContain('Caused by: Error: ENOTDIR');
    });

    it('--json gives the error as the sf CLI does: name, message, actions, exit code', async () => {
        setUp();
        const r = await rescoreFiles(['--input-dir', dir, '--output-dir', dir, '--json']);
        expect(r.code).toBe(3);
        expect(JSON.parse(r.stdout)).toMatchObject({
            status: 3,
            name: 'OUTPUT_IS_INPUT',
            exitCode: 3,
            actions: ['Choose another path for --output-dir. Nothing was read or written.']
        });
    });
});

describe('Ctrl-C in CSV mode', () => {
    it('stops with exit 3 and leaves no output file, not a half one', async () => {
        setUp();
        const controller = new AbortController();
        controller.abort();
        const r = await rescoreFiles(
            ['--input-dir', dir, '--output-dir', out(), '--report', `${dir}-r.csv`],
            controller.signal
        );
        expect(r.code).toBe(3);
        expect(r.stderr).toContain('Interrupted with Ctrl-C: no output file was written.');
        expect(outputsWritten()).toEqual([]);
        expect(existsSync(`${dir}-r.csv`)).toBe(false);
    });
});

describe('a good run', () => {
    it('writes update files and summary.json only when it has finished, with the model version', async () => {
        setUp();
        const r = await rescoreFiles(['--input-dir', dir, '--output-dir', out()]);
        expect(r.code).toBe(0);
        expect(outputsWritten().sort()).toEqual([`${SC}.csv`, `${SA}.csv`, 'summary.json']);
        expect(readFileSync(path.join(out(), `${SC}.csv`), 'utf8')).toContain(MODEL_VERSION);
    });
});
