import { RawRecord, readText } from './normalize';
import {
    NEGATIVE_ATTITUDES,
    NormalizedStakeholder,
    completenessOf,
    normalizeStakeholder
} from './stakeholderScoring';
import { INFLUENCE_WEIGHT } from './summary';
import { LocalizedText, t } from './text';

/**
 * "Who to work on next" (product decision, part of the model version): the summary grid's answer
 * to the method's question "how do we get the most critical people to support us?". Each person
 * gets the reasons that call for action, and a priority: how much the person weighs in the
 * decision times how much is wrong. People with nothing to fix are not listed.
 */
export type WorkNextReason =
    'AGAINST_US' | 'ATTITUDE_UNKNOWN' | 'NEUTRAL' | 'LOW_CONTACT' | 'ACTION_OVERDUE' | 'DIMENSION_GAPS';

export interface WorkNextReasonDef {
    readonly reason: WorkNextReason;
    /** How much the reason adds to the person's urgency. */
    readonly severity: number;
    readonly label: LocalizedText;
    readonly action: LocalizedText;
}

/** Reasons in the order they are shown for one person (most severe first). */
export const WORK_NEXT_REASONS: readonly WorkNextReasonDef[] = [
    {
        reason: 'AGAINST_US',
        severity: 3,
        label: t('Against us', '反对我方'),
        action: t(
            "Learn why, stay courteous and factual, share nothing confidential, and earn others' support on the merits.",
            '弄清原因，保持礼貌、以事实沟通，不透露保密信息，凭实力争取其他人的支持。'
        )
    },
    {
        reason: 'ATTITUDE_UNKNOWN',
        severity: 3,
        label: t('Attitude unknown', '态度不明'),
        action: t('Find out where this person stands: ask your coach.', '弄清此人的立场：向教练了解。')
    },
    {
        reason: 'NEUTRAL',
        severity: 2,
        label: t('Neutral', '中立'),
        action: t(
            'Win them over through their decision focus; find out whether they are avoiding trouble.',
            '针对其决策关注点争取支持；弄清其是否只是不想得罪人。'
        )
    },
    {
        reason: 'LOW_CONTACT',
        severity: 2,
        label: t('Too little contact', '联系太少'),
        action: t('Plan a meeting, introduced by someone they trust.', '安排会面，最好由其信任的人引荐。')
    },
    {
        reason: 'ACTION_OVERDUE',
        severity: 2,
        label: t('Next action overdue', '下一步行动已逾期'),
        action: t(
            'Do the planned action or plan a new one with a date.',
            '执行计划中的行动，或重新计划并定下日期。'
        )
    },
    {
        reason: 'DIMENSION_GAPS',
        severity: 1,
        label: t('Dimensions unknown', '维度未知'),
        action: t('Close the gaps in the five dimensions.', '补齐五个维度中的缺口。')
    }
];

const REASON_DEFS: Readonly<Record<WorkNextReason, WorkNextReasonDef>> = Object.freeze(
    Object.fromEntries(WORK_NEXT_REASONS.map((def) => [def.reason, def])) as Record<
        WorkNextReason,
        WorkNextReasonDef
    >
);

const TOP_DECISION_MAKER_WEIGHT = 3;
const DECISION_BODY_WEIGHT = 1;
const UNKNOWN_INFLUENCE_WEIGHT = 1;

export interface WorkNextItem {
    readonly stakeholder: NormalizedStakeholder;
    readonly reasons: readonly WorkNextReasonDef[];
    /** Weight in the decision × summed severity of the reasons; higher comes first. */
    readonly priority: number;
}

/** How much a person weighs in the decision: influence, plus the top decision maker and body roles. */
export function decisionWeightOf(s: NormalizedStakeholder): number {
    const influence = s.influence === null ? UNKNOWN_INFLUENCE_WEIGHT : INFLUENCE_WEIGHT[s.influence];
    return (
        influence +
        (s.topDecisionMaker ? TOP_DECISION_MAKER_WEIGHT : 0) +
        (s.decisionBodyMember ? DECISION_BODY_WEIGHT : 0)
    );
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function reasonsFor(s: NormalizedStakeholder, record: RawRecord, today: string): WorkNextReason[] {
    const reasons: WorkNextReason[] = [];
    if (s.attitudeToUs !== null && NEGATIVE_ATTITUDES.includes(s.attitudeToUs)) reasons.push('AGAINST_US');
    if (s.attitudeToUs === null) reasons.push('ATTITUDE_UNKNOWN');
    if (s.attitudeToUs === 'Neutral') reasons.push('NEUTRAL');
    if (s.contactCloseness === 'No_Contact' || s.contactCloseness === 'Little') reasons.push('LOW_CONTACT');
    const due = readText(record, 'Next_Action_Due__c')?.slice(0, 10) ?? null;
    if (readText(record, 'Next_Action__c') !== null && due !== null && ISO_DATE.test(due) && due < today) {
        reasons.push('ACTION_OVERDUE');
    }
    if (completenessOf(s) < 100) reasons.push('DIMENSION_GAPS');
    return reasons;
}

/** Code-point order: the same on every platform, unlike locale-aware comparison. */
function compareText(a: string, b: string): number {
    if (a === b) return 0;
    return a < b ? -1 : 1;
}

export interface WorkNextOptions {
    /** Today as YYYY-MM-DD in the user's time zone, passed by the caller: the model reads no clock. */
    readonly today: string;
    /** At most this many people (default: everyone with something to fix). */
    readonly limit?: number;
}

/** The people to work on next, most important first (ties: by name, then input order). */
export function rankWorkNext(records: readonly RawRecord[], options: WorkNextOptions): WorkNextItem[] {
    const items = records
        .map((record, index) => {
            const stakeholder = normalizeStakeholder(record);
            const reasons = reasonsFor(stakeholder, record, options.today).map((r) => REASON_DEFS[r]);
            const severity = reasons.reduce((sum, r) => sum + r.severity, 0);
            return { stakeholder, reasons, priority: decisionWeightOf(stakeholder) * severity, index };
        })
        .filter((item) => item.priority > 0)
        .sort(
            (a, b) =>
                b.priority - a.priority ||
                compareText(a.stakeholder.name ?? '', b.stakeholder.name ?? '') ||
                a.index - b.index
        );
    const limited = options.limit === undefined ? items : items.slice(0, Math.max(0, options.limit));
    return limited.map(({ stakeholder, reasons, priority }) => ({ stakeholder, reasons, priority }));
}
