/**
 * The guidance review list (docs/guidance-review.md) as patterns a test can apply: phrasings that
 * would lead a rep into improper payments, breaches of tender confidentiality, a role in the
 * customer's selection, or disrespect for someone who disagrees with us. Each rule names the
 * phrasings it rejects; "negatable" ones are allowed in a sentence that rules them out ("Never offer
 * gifts"), the others are wrong in any sentence ("what your policy allows" half-permits).
 */
export type ReviewRuleId =
    'NO_GIFTS_OR_FAVOURS' | 'NO_CONFIDENTIAL_INFORMATION' | 'NO_ROLE_IN_SELECTION' | 'RESPECT';

export interface Phrasing {
    readonly pattern: RegExp;
    /** Allowed in a sentence that says never / not / 绝不 / 不得 … about it. */
    readonly negatable: boolean;
}

export interface ReviewRule {
    readonly id: ReviewRuleId;
    readonly summary: string;
    readonly phrasings: readonly Phrasing[];
}

const always = (pattern: RegExp): Phrasing => ({ pattern, negatable: false });
const unlessRuledOut = (pattern: RegExp): Phrasing => ({ pattern, negatable: true });

export const REVIEW_RULES: readonly ReviewRule[] = [
    {
        id: 'NO_GIFTS_OR_FAVOURS',
        summary: 'No gifts, hospitality, payments, kickbacks or personal favours, and no open-ended promise.',
        phrasings: [
            // A permission qualified by a policy half-permits what the next sentence forbids.
            always(/\bpolic(?:y|ies)\s+(?:allows?|permits?)\b|\bwhat\b[^.;]{0,40}\ballows?\b/i),
            always(/政策允许|合规[^。；]{0,8}允许|允许的(?:礼|范围)/),
            unlessRuledOut(
                /\b(?:offer|give|provide|send|arrange|pay|treat|bring|invite)\b[^.;]{0,60}\b(?:gifts?|presents?|hospitality|dinners?|banquets?|entertainment|kickbacks?|commissions?|cash|red envelopes?|favou?rs?|payments?(?!\s+(?:terms|options|plans?|schedule)))\b/i
            ),
            unlessRuledOut(
                /(?:提供|赠送|送|安排|给予|请客|给)[^。；]{0,20}(?:礼品|礼物|礼金|宴请|回扣|好处费|钱款|红包|佣金|个人好处)/
            ),
            // "Find out what would make them commit, and provide it": an open-ended promise.
            always(
                /\band\s+(?:provide|meet|give|deliver|grant)\s+(?:it|them|whatever)\b|\bwhatever\s+(?:it\s+takes|they\s+(?:want|ask|need))\b/i
            ),
            always(/予以满足|满足其(?:一切|任何|所有)|有求必应/)
        ]
    },
    {
        id: 'NO_CONFIDENTIAL_INFORMATION',
        summary: "No request for confidential tender information, internal scoring or competitors' bids.",
        phrasings: [
            unlessRuledOut(
                /\b(?:inside|insider|confidential|non-public)\s+(?:information|info|documents?|data|details)\b/i
            ),
            unlessRuledOut(
                /\bscoring\s+weights?\b|\b(?:draft|internal|confidential)\s+(?:scor(?:e|es|ing)|weights?|evaluation)\b/i
            ),
            unlessRuledOut(
                /\b(?:competitors?|other\s+vendors?|rivals?)['’]?s?\s+(?:bids?|prices?|pricing|quotes?|quotations?|offers?)\b/i
            ),
            unlessRuledOut(
                /内部信息|内部资料|保密信息|未公开的|评分权重|评分草案|内部评分|标底|(?:竞争对手|其他厂商|他方)的?(?:报价|投标|标书)/
            )
        ]
    },
    {
        id: 'NO_ROLE_IN_SELECTION',
        summary: "No role in designing or steering the customer's selection process, criteria or scoring.",
        phrasings: [
            always(/\bmake\s+the\s+(?:selection|tender|evaluation)(?:\s+process)?\s+(?:look|seem|appear)\b/i),
            always(/(?:选型|招标|评审)(?:过程|流程)?显得/),
            unlessRuledOut(
                /\b(?:help|helps|helping|assist|we|us|our)\b[^.;]{0,20}\b(?:design|draft|write|shape|define|steer)\b[^.;]{0,40}\b(?:selection|tender|evaluation|scoring|criteria)\b/i
            ),
            unlessRuledOut(
                /^(?:design|draft|write|shape|define|steer)\b[^.;]{0,40}\b(?:selection|tender|evaluation|scoring|criteria)\b/i
            ),
            unlessRuledOut(
                /\b(?:add|put|include|insert)\b[^.;]{0,60}\b(?:to|in|into)\s+the\s+(?:scoring\s+sheet|tender|criteria|evaluation|requirements)\b/i
            ),
            unlessRuledOut(
                /(?:协助|帮助|参与|我们|我方)[^。；]{0,10}(?:设计|制定|编写|起草|左右)[^。；]{0,12}(?:选型|招标|评审|评分)/
            )
        ]
    },
    {
        id: 'RESPECT',
        summary: 'Respect for people who disagree with us: answer their objections, never work against them.',
        phrasings: [
            always(/\breduce\s+(?:their|his|her)\s+influence\b/i),
            always(
                /\b(?:sideline|isolate|discredit|neutrali[sz]e\s+(?:him|her|them)|go\s+around\s+(?:him|her|them)|get\s+rid\s+of|push\s+(?:him|her|them)\s+out)\b/i
            ),
            always(/降低其影响|削弱其影响|架空|孤立|打压|排挤|边缘化|绕开(?:他|她|其)/)
        ]
    }
];

const NEGATION_EN = /\b(?:never|not|no|nothing|don['’]t|do\s+not|without|nor)\b/i;
const NEGATION_ZH =
    /绝不|决不|不得|不要|切勿|禁止|从不|不可|不应|勿|不(?:透露|索取|打听|泄露|要求|提供|试图)/;

/** Sentences of a text, so a prohibition only excuses the phrasing in its own sentence. */
export function sentencesOf(text: string): string[] {
    return text
        .split(/(?<=[.;!?。；！？])\s*/)
        .map((s) => s.trim())
        .filter((s) => s.length > 0);
}

export interface Violation {
    readonly rule: ReviewRuleId;
    readonly sentence: string;
}

/** Every rule a text breaks, with the sentence that breaks it. */
export function reviewText(text: string): Violation[] {
    const violations: Violation[] = [];
    for (const sentence of sentencesOf(text)) {
        const ruledOut = NEGATION_EN.test(sentence) || NEGATION_ZH.test(sentence);
        for (const rule of REVIEW_RULES) {
            if (rule.phrasings.some((p) => p.pattern.test(sentence) && !(p.negatable && ruledOut))) {
                violations.push({ rule: rule.id, sentence });
            }
        }
    }
    return violations;
}
