// No link in the repository points outside it: a user of the repository has no ../shared, no build
// machine paths and no files that were never committed. Markdown links must resolve to a file (and a
// heading) inside the repository; docs and the code shipped to users (force-app, scripts, outside
// tests) must not name paths beyond it. Public web addresses are fine.
import { formatFinding } from './support/checks';
import {
    Exists,
    ReadText,
    fileExists,
    headingSlug,
    markdownLinkFindings,
    shippedCodeFindings
} from './support/links';
import { listTextFiles, readRepoFile } from './support/textUnits';

const isShippedCode = (rel: string) =>
    /^(?:force-app|scripts)\//.test(rel) &&
    !/\/__tests__\//.test(rel) &&
    /\.(?:ts|js|cjs|mjs|html|xml|sh)$/.test(rel);

describe('links', () => {
    const files = listTextFiles();

    it('in Markdown resolve to files and headings inside the repository', () => {
        const findings = files
            .filter((f) => f.endsWith('.md'))
            .flatMap((f) => markdownLinkFindings(f, readRepoFile(f), fileExists, readRepoFile));
        expect(findings.map(formatFinding)).toEqual([]);
    });

    it('in code shipped to users name only repository files', () => {
        const shipped = files.filter(isShippedCode);
        expect(shipped).toContain('scripts/rescore/main.ts');
        const findings = shipped.flatMap((f) => shippedCodeFindings(f, readRepoFile(f), fileExists));
        expect(findings.map(formatFinding)).toEqual([]);
    });

    // Negative cases: what the README used to do, and the other ways out of the repository.
    const repo = new Set([
        'README.md',
        'docs/method.md',
        'docs/admin.md',
        'scripts/rescore/main.ts',
        'scripts/shared/seededRandom.ts'
    ]);
    const exists: Exists = (rel) => repo.has(rel);
    const read: ReadText = (rel) =>
        rel === 'docs/method.md' ? '# The method\n\n## Ethics: what Deal Control never advises\n' : '';

    it.each([
        [
            '[`../shared/methodology/MODEL.md`](../shared/methodology/MODEL.md)',
            'names a path outside the repository'
        ],
        ['See [the spec](../../notes/fields.md).', 'links outside the repository: ../../notes/fields.md'],
        ['See [the guide](docs/nope.md).', 'links to docs/nope.md, which does not exist'],
        ['See [ethics](docs/method.md#ethics).', 'links to #ethics, which is no heading of docs/method.md'],
        ['The schema is in /work/shared/salesforce.', 'names a path outside the repository']
    ])('catches %s in Markdown', (markdown, message) => {
        expect(
            markdownLinkFindings('README.md', markdown, exists, read).map((f) => f.message)
        ).toContainEqual(expect.stringContaining(message));
    });

    it('accepts links inside the repository, headings with punctuation and public web pages', () => {
        const ok = [
            'See [the method](docs/method.md) and [ethics](docs/method.md#ethics-what-deal-control-never-advises).',
            '[Salesforce](https://developer.salesforce.com/docs/) · [top](#readme)',
            '```\nsf project deploy start --source-dir ../elsewhere\n```'
        ].join('\n');
        const findings = markdownLinkFindings('README.md', `# Readme\n\n${ok}`, exists, read);
        expect(findings).toEqual([]);
        expect(headingSlug('职业道德：控单管理绝不建议的事')).toBe('职业道德控单管理绝不建议的事');
        expect(headingSlug('4. The political map (contract v1.1)')).toBe('4-the-political-map-contract-v11');
    });

    it.each([
        [
            '// Contract v1 (MODEL.md Part C), as the specification.',
            'names MODEL.md, which is not in the repository'
        ],
        ['/* see ../shared/TOOLCHAIN.md */', 'names a path outside the repository'],
        // From scripts/rescore, ../../../shared is beyond the repository and ../../shared is no module of it.
        ["import { x } from '../../../shared/seededRandom';", 'names a path outside the repository'],
        ["import { x } from '../../shared/seededRandom';", 'names a path outside the repository'],
        ["const notes = '/work/notes/fields.md';", 'names a path outside the repository']
    ])('catches %s in shipped code', (code, message) => {
        expect(
            shippedCodeFindings('scripts/rescore/main.ts', code, exists).map((f) => f.message)
        ).toContainEqual(expect.stringContaining(message));
    });

    it('accepts shipped code that names repository docs', () => {
        expect(shippedCodeFindings('scripts/rescore/main.ts', "'Details: docs/admin.md'", exists)).toEqual(
            []
        );
    });

    it('accepts a relative import of a module inside the repository, even one in a folder named shared', () => {
        expect(
            shippedCodeFindings(
                'scripts/rescore/main.ts',
                "import { x } from '../shared/seededRandom';",
                exists
            )
        ).toEqual([]);
    });
});
