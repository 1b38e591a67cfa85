// The method guides must say what the model computes: values and labels, points and weights, coach
// factors, bands and their thresholds, the veto cap, and every code. A change to the model that the
// guides do not follow fails here, naming the row to fix.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MODEL_VERSION } from 'c/dealControlModel';
import { repoRoot } from '../metadata/support/repo';
import { checkMethodDoc } from './support/methodDoc';

const guides = [
    ['docs/method.md', 'en'],
    ['docs/method.zh-CN.md', 'zh']
] as const;

const read = (file: string) => fs.readFileSync(path.join(repoRoot, file), 'utf8');

describe.each(guides)('%s', (file, lang) => {
    const text = read(file);

    it('agrees with the scoring model', () => {
        expect(checkMethodDoc(text, lang, file)).toEqual([]);
    });

    // Negative cases: each kind of drift is caught with the row to fix.
    it.each([
        [
            'a band threshold',
            (t: string) => t.replace(/(\| `Controlled` +\|[^|]+\| 5 +\| )80/, '$185'),
            'starts at 80 in the model, not 85'
        ],
        [
            'a coach factor',
            (t: string) => t.replace(/(\| `Identified` +\| )0\.75/, '$10.7'),
            'has factor 0.75 in the model, not 0.7'
        ],
        [
            'a group weight',
            (t: string) => t.replace(/(\| `Partial` \| 0\.5 +\| )3/, '$12'),
            'scores 1.5 in the model, not 0.5 × 2'
        ],
        [
            'a missing value',
            (t: string) => t.replace(/ · `Deep` Deep|、`Deep` 联系深入/, ''),
            '`Contact_Closeness__c` values are No_Contact, Little, More, Deep in the model'
        ],
        [
            'an unknown code',
            (t: string) => t.replace(/`WIN_UNSUPPORTED`( +\|)/, '`WIN_UNSUPPORTED_X`$1'),
            '`WIN_UNSUPPORTED_X` is not an evidence code of the model'
        ],
        [
            'an unexplained code',
            (t: string) => t.replaceAll('`CRITERIA_UNKNOWN`', 'CRITERIA'),
            'the model raises `CRITERIA_UNKNOWN`; explain it in the guide'
        ],
        [
            'the veto cap',
            (t: string) => t.replace(/(caps the score at |得分封顶 )10/, '$120'),
            'the veto must say the score is capped at 10'
        ],
        [
            'a work-next severity',
            (t: string) => t.replace(/(\| `NEUTRAL` +\| )2/, '$13'),
            '`NEUTRAL` has severity 2 in the model, not 3'
        ]
    ])('catches %s', (_what, mutate, message) => {
        const mutated = mutate(text);
        expect(mutated).not.toBe(text);
        expect(checkMethodDoc(mutated, lang, file).join('\n')).toContain(message);
    });
});

describe('the political map section (contract v1.1)', () => {
    const text = read('docs/method.md');
    const mention = (heading: string) => text.replace(heading, `${heading}\n\nSee \`PLANNED_CODE\`.`);
    const flagged = (doc: string) =>
        checkMethodDoc(doc, 'en', 'docs/method.md').join('\n').includes('`PLANNED_CODE` is not a code');

    it('may name codes the model does not raise yet only while the model is older than v1.1', () => {
        const [major, minor] = (/v(\d+)\.(\d+)/.exec(MODEL_VERSION) ?? []).slice(1).map(Number);
        expect(flagged(mention('## 4. The political map (contract v1.1)'))).toBe(major * 100 + minor >= 101);
    });

    it('never lets another section name a code the model does not raise', () => {
        expect(flagged(mention('## 6. Using it in a deal review'))).toBe(true);
    });
});
