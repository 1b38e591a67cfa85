// Guidance that keeps reps on the right side of the law (Anti-Unfair Competition Law, Bidding Law)
// and fair to people: every text the product shows or ships as an example — the model's guidance,
// actions, meanings and messages, the components' labels, the sample data's free texts — passes the
// review list of docs/guidance-review.md (machine form: ./support/guidanceReview.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as model from 'c/dealControlModel';
import { dataDir, defaultDir, listFiles, rel, repoRoot } from '../metadata/support/repo';
import { REVIEW_RULES, ReviewRuleId, reviewText } from './support/guidanceReview';

interface ReviewedText {
    readonly where: string;
    readonly text: string;
}

function isLocalized(value: unknown): value is { en: string; zh: string } {
    return (
        typeof value === 'object' &&
        value !== null &&
        typeof (value as { en?: unknown }).en === 'string' &&
        typeof (value as { zh?: unknown }).zh === 'string'
    );
}

/** Every bilingual text reachable from a module's exports, with the path that leads to it. */
function localizedTexts(exports: Record<string, unknown>, origin: string): ReviewedText[] {
    const out: ReviewedText[] = [];
    const seen = new Set<unknown>();
    const walk = (value: unknown, where: string): void => {
        if (typeof value !== 'object' || value === null || seen.has(value)) return;
        seen.add(value);
        if (isLocalized(value)) {
            out.push({ where: `${where}.en`, text: value.en }, { where: `${where}.zh`, text: value.zh });
            return;
        }
        for (const [key, child] of Object.entries(value))
            walk(child, Array.isArray(value) ? `${where}[${key}]` : `${where}.${key}`);
    };
    for (const [name, value] of Object.entries(exports)) walk(value, `${origin} ${name}`);
    return out;
}

const FREE_TEXT_FIELDS = new Set([
    'Next_Action__c',
    'Verification__c',
    'Evidence__c',
    'Notes__c',
    'Description'
]);

/** Free texts of sample data and component fixtures (plain values or GraphQL `{ value }` nodes). */
function freeTexts(file: string): ReviewedText[] {
    const out: ReviewedText[] = [];
    const walk = (value: unknown, where: string): void => {
        if (typeof value !== 'object' || value === null) return;
        for (const [key, child] of Object.entries(value)) {
            const text =
                typeof child === 'string'
                    ? child
                    : typeof child === 'object' &&
                        child !== null &&
                        typeof (child as { value?: unknown }).value === 'string'
                      ? (child as { value: string }).value
                      : null;
            if (FREE_TEXT_FIELDS.has(key) && text !== null)
                out.push({ where: `${rel(file)} ${where}.${key}`, text });
            else walk(child, `${where}.${key}`);
        }
    };
    walk(JSON.parse(fs.readFileSync(file, 'utf8')), '$');
    return out;
}

const labelModules = listFiles(path.join(defaultDir, 'lwc'), (f) => path.basename(f) === 'labels.ts');
const sampleFiles = [
    ...listFiles(dataDir, (f) => f.endsWith('.json')),
    ...listFiles(path.join(defaultDir, 'lwc'), (f) => /__tests__\/.*\.json$/.test(f))
];

let reviewed: ReviewedText[] = [];

beforeAll(async () => {
    const labels = await Promise.all(
        labelModules.map(async (file) =>
            localizedTexts((await import(file)) as Record<string, unknown>, rel(file))
        )
    );
    reviewed = [
        ...localizedTexts(model as unknown as Record<string, unknown>, 'c/dealControlModel'),
        ...labels.flat(),
        ...sampleFiles.flatMap(freeTexts)
    ];
});

describe('the guidance review list', () => {
    it('reads the model, every component label module and the sample data', () => {
        expect(labelModules.map(rel)).toEqual(
            expect.arrayContaining([
                'force-app/main/default/lwc/c139Scorecard/labels.ts',
                'force-app/main/default/lwc/stakeholderGrid/labels.ts'
            ])
        );
        const where = reviewed.map((r) => r.where);
        for (const expected of [
            'c/dealControlModel DOMINANT_NEED.values[0].guidance.en',
            'c/dealControlModel INSIGHTS.MENTOR_LOW_CONTACT.action.zh',
            'c/dealControlModel WORK_NEXT_REASONS[0].action.en',
            'c/dealControlModel EVIDENCE.WIN_UNSUPPORTED.action.zh',
            'data/Stakeholder_Assessment__c.json $.records.1.Verification__c'
        ])
            expect(where).toContain(expected);
        expect(reviewed.length).toBeGreaterThan(400);
    });

    it('is passed by every text, in both languages', () => {
        const failures = reviewed.flatMap(({ where, text }) =>
            reviewText(text).map((v) => `${where}: ${v.rule} (docs/guidance-review.md) in "${v.sentence}"`)
        );
        expect(failures).toEqual([]);
    });

    it('documents every rule in docs/guidance-review.md', () => {
        const doc = fs.readFileSync(path.join(repoRoot, 'docs', 'guidance-review.md'), 'utf8');
        for (const rule of REVIEW_RULES) expect(doc).toContain(`\`${rule.id}\``);
    });
});

// Negative cases: the phrasings the glossary issue quotes (and their Chinese as shipped before), and
// the sample data's old free texts. Each must be caught by the rule named beside it.
const QUOTED: Array<[string, ReviewRuleId]> = [
    [
        'Offer legitimate value only: product merit, useful information, fair treatment, and only what your compliance policy allows. Never offer gifts, payments or favours to win support.',
        'NO_GIFTS_OR_FAVOURS'
    ],
    [
        '只提供正当价值：产品优势、有用的信息、公平的对待，以及贵公司合规政策允许的内容。绝不为争取支持而提供礼品、钱款或其他好处。',
        'NO_GIFTS_OR_FAVOURS'
    ],
    ['Find out what would make them commit, and provide it.', 'NO_GIFTS_OR_FAVOURS'],
    ['Learn what would make them commit, and meet it.', 'NO_GIFTS_OR_FAVOURS'],
    ['弄清什么能让其表态，并予以满足。', 'NO_GIFTS_OR_FAVOURS'],
    ['Invite the buyer to a banquet after the demo.', 'NO_GIFTS_OR_FAVOURS'],
    ['演示后安排宴请。', 'NO_GIFTS_OR_FAVOURS'],
    [
        'Test the judgement: ask this person for one piece of inside information, or lower the attitude.',
        'NO_CONFIDENTIAL_INFORMATION'
    ],
    ['检验这一判断：请其提供一条内部信息，否则下调其态度。', 'NO_CONFIDENTIAL_INFORMATION'],
    ['He shares the draft scoring weights before the tender.', 'NO_CONFIDENTIAL_INFORMATION'],
    [
        'Ask for one piece of inside information: the board meeting date for the decision.',
        'NO_CONFIDENTIAL_INFORMATION'
    ],
    ["Find out the competitors' bids from your coach.", 'NO_CONFIDENTIAL_INFORMATION'],
    ['请教练提供竞争对手的报价。', 'NO_CONFIDENTIAL_INFORMATION'],
    [
        'Prove technical fit with references and demos; make the selection process look orderly.',
        'NO_ROLE_IN_SELECTION'
    ],
    [
        'Prove technical fit with references and demos; make the selection process look sound.',
        'NO_ROLE_IN_SELECTION'
    ],
    ['用案例和演示证明技术匹配；让选型过程显得规范。', 'NO_ROLE_IN_SELECTION'],
    [
        'Show that choosing us is the safe, right decision; help design a visibly fair selection process; remove their worries one by one.',
        'NO_ROLE_IN_SELECTION'
    ],
    [
        '证明选择我们是稳妥、正确的决定；协助设计看得见的公平选型流程；逐一消除其顾虑。',
        'NO_ROLE_IN_SELECTION'
    ],
    ['He asks the committee to add export compliance to the scoring sheet.', 'NO_ROLE_IN_SELECTION'],
    ['Learn why; reduce their influence or neutralise their objection.', 'RESPECT'],
    ['弄清原因；降低其影响或化解其异议。', 'RESPECT']
];

describe('the review list catches', () => {
    it.each(QUOTED)('%s', (text, rule) => {
        expect(reviewText(text).map((v) => v.rule)).toContain(rule);
    });
});

describe('the review list lets through', () => {
    it.each([
        'Never offer gifts, hospitality, payments, kickbacks or personal favours, whatever the amount; if asked for one, decline and tell your manager.',
        '无论金额大小，绝不提供礼品、宴请、钱款、回扣或个人好处；对方索要时，明确拒绝并告知你的经理。',
        "Build each vendor's SWOT from public information and the customer's open feedback; never ask for other vendors' bids or internal scores.",
        'Bring a transparent price, value-for-money comparison and payment options.',
        'Learn why they lean elsewhere; answer their objections with facts, and keep treating them with respect.',
        '保持礼貌、以事实沟通；不透露保密信息；凭实力争取其他人的支持。',
        'Wrote the requirements, the tender and the scoring sheet.'
    ])('%s', (text) => {
        expect(reviewText(text)).toEqual([]);
    });

    it('does not let a prohibition in one sentence excuse the next one', () => {
        expect(reviewText('Never offer gifts. Ask for inside information.').map((v) => v.rule)).toEqual([
            'NO_CONFIDENTIAL_INFORMATION'
        ]);
    });
});
