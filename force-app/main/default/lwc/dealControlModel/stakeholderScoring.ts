import {
    InputIssue,
    RawRecord,
    joinCodes,
    readCheckbox,
    readMultiPicklist,
    readPicklist,
    readText
} from './normalize';
import {
    ATTITUDE_TO_US,
    CHANGE_ATTITUDE,
    CONTACT_CLOSENESS,
    DECISION_FOCUS,
    DOMINANT_NEED,
    INFLUENCE,
    OTHER_NEEDS,
    ROLE
} from './stakeholderDimensions';
import { CAMP } from './links';
import { POLITICAL_INSIGHTS, PoliticalInsightCode } from './politicalFindings';
import type { PoliticalMap } from './politicalMap';
import { recordKey } from './recordKey';
import { LocalizedText, t } from './text';
import { MODEL_VERSION } from './version';

/** A stakeholder assessment with every input read and checked against the model. */
export interface NormalizedStakeholder {
    readonly id: string | null;
    readonly name: string | null;
    readonly role: string | null;
    readonly topDecisionMaker: boolean;
    readonly decisionBodyMember: boolean;
    readonly influence: string | null;
    readonly dominantNeed: string | null;
    readonly otherNeeds: readonly string[];
    readonly changeAttitude: string | null;
    readonly decisionFocus: readonly string[];
    readonly contactCloseness: string | null;
    readonly attitudeToUs: string | null;
    /** Camp__c (contract v1.1): free text, trimmed; null when not yet known. */
    readonly camp: string | null;
    readonly issues: readonly InputIssue[];
}

export const SUPPORT_INDEX: Readonly<Record<string, number>> = Object.freeze({
    Mentor: 2,
    Supporter: 1,
    Neutral: 0,
    Non_Supporter: -1,
    Opponent: -2
});

export const SUPPORTIVE_ATTITUDES: readonly string[] = ['Mentor', 'Supporter'];
export const NEGATIVE_ATTITUDES: readonly string[] = ['Non_Supporter', 'Opponent'];

export type InsightCode =
    | 'KEY_PERSON_INCOMPLETE'
    | 'KEY_PERSON_NO_CONTACT'
    | 'MENTOR_LOW_CONTACT'
    | 'OPPONENT_DEEP_CONTACT'
    | PoliticalInsightCode;

export interface InsightDef {
    readonly code: InsightCode;
    readonly message: LocalizedText;
    readonly action: LocalizedText;
}

/** The "Related" rule of the method: dimensions that do not fit together point at a misjudgement. */
export const INSIGHTS: Readonly<Record<InsightCode, InsightDef>> = Object.freeze({
    MENTOR_LOW_CONTACT: {
        code: 'MENTOR_LOW_CONTACT',
        message: t(
            'Marked as Mentor, but shares little or nothing with us. A real mentor shares information.',
            '被标为指导者，但与我们几乎没有信息交流。真正的指导者会分享信息。'
        ),
        action: t(
            'Test the judgement: ask for their advice on the next step and their feedback on our proposal; if they will not give it, lower the attitude.',
            '检验这一判断：请其就下一步给出建议、对我方方案给出反馈；若对方不愿意，就下调其态度。'
        )
    },
    KEY_PERSON_NO_CONTACT: {
        code: 'KEY_PERSON_NO_CONTACT',
        message: t(
            'A key person (top decision maker or high influence) with no contact with us.',
            '关键人（最高决策者或高影响力）与我们没有任何联系。'
        ),
        action: t(
            'Plan a first meeting, introduced by a Mentor or a senior sponsor of ours.',
            '安排首次接触，由指导者或我方高层引荐。'
        )
    },
    OPPONENT_DEEP_CONTACT: {
        code: 'OPPONENT_DEEP_CONTACT',
        message: t(
            'Leans to a competitor, yet we share a lot with them: our information may be leaking.',
            '倾向竞争对手，却与我们联系深入：我方信息可能正在外泄。'
        ),
        action: t(
            'Check what you share with this person and whether the attitude is right.',
            '检查与此人分享的内容，并核实其态度判断是否准确。'
        )
    },
    KEY_PERSON_INCOMPLETE: {
        code: 'KEY_PERSON_INCOMPLETE',
        message: t(
            'A top decision maker or decision-body member with dimensions still unknown.',
            '最高决策者或决策机构成员仍有维度未知。'
        ),
        action: t(
            'Close the gaps: ask your coach, or plan a meeting to learn them.',
            '补齐缺口：向教练了解，或安排会面获取。'
        )
    },
    ...POLITICAL_INSIGHTS
});

export interface StakeholderDerived {
    Support_Index__c: number | null;
    Completeness__c: number;
    Insight_Codes__c: string | null;
    Model_Version__c: string;
    Scored_At__c: string;
}

/** The derived fields the model writes on Stakeholder_Assessment__c. */
export const STAKEHOLDER_DERIVED_FIELDS: readonly (keyof StakeholderDerived)[] = [
    'Support_Index__c',
    'Completeness__c',
    'Insight_Codes__c',
    'Model_Version__c',
    'Scored_At__c'
];

export interface StakeholderScore {
    readonly stakeholder: NormalizedStakeholder;
    readonly derived: StakeholderDerived;
    readonly insights: readonly InsightDef[];
    /** The people against us who pull on this one (why INFLUENCED_AGAINST), in map order. */
    readonly opposingPullers: readonly NormalizedStakeholder[];
    readonly issues: readonly InputIssue[];
}

export function normalizeStakeholder(record: RawRecord): NormalizedStakeholder {
    const issues: InputIssue[] = [];
    return {
        id: readText(record, 'Id'),
        name: readText(record, 'Name'),
        role: readPicklist(record, ROLE, issues),
        topDecisionMaker: readCheckbox(record, 'Top_Decision_Maker__c', issues),
        decisionBodyMember: readCheckbox(record, 'Decision_Body_Member__c', issues),
        influence: readPicklist(record, INFLUENCE, issues),
        dominantNeed: readPicklist(record, DOMINANT_NEED, issues),
        otherNeeds: readMultiPicklist(record, OTHER_NEEDS, issues),
        changeAttitude: readPicklist(record, CHANGE_ATTITUDE, issues),
        decisionFocus: readMultiPicklist(record, DECISION_FOCUS, issues),
        contactCloseness: readPicklist(record, CONTACT_CLOSENESS, issues),
        attitudeToUs: readPicklist(record, ATTITUDE_TO_US, issues),
        camp: readText(record, CAMP.field),
        issues
    };
}

function isNormalized(s: RawRecord | NormalizedStakeholder): s is NormalizedStakeholder {
    return (
        Array.isArray((s as NormalizedStakeholder).decisionFocus) &&
        Array.isArray((s as NormalizedStakeholder).issues)
    );
}

/** Accepts raw records or already normalized stakeholders, so callers can normalize once. */
export function asNormalizedStakeholder(s: RawRecord | NormalizedStakeholder): NormalizedStakeholder {
    return isNormalized(s) ? s : normalizeStakeholder(s);
}

export function supportIndexOf(attitude: string | null): number | null {
    return attitude === null ? null : SUPPORT_INDEX[attitude];
}

/** Names of the five dimensions still unknown for this person, in the method's order. */
export function unknownDimensions(s: NormalizedStakeholder): string[] {
    const known: Array<[string, boolean]> = [
        [DOMINANT_NEED.field, s.dominantNeed !== null],
        [CHANGE_ATTITUDE.field, s.changeAttitude !== null],
        [DECISION_FOCUS.field, s.decisionFocus.length > 0],
        [CONTACT_CLOSENESS.field, s.contactCloseness !== null],
        [ATTITUDE_TO_US.field, s.attitudeToUs !== null]
    ];
    return known.filter(([, isKnown]) => !isKnown).map(([field]) => field);
}

/** 20 points for each of the five dimensions that is known (0..100). */
export function completenessOf(s: NormalizedStakeholder): number {
    return 20 * (5 - unknownDimensions(s).length);
}

/** The people against us who pull on this person on the map (none without a map or an Id). */
function opposingPullersIn(
    map: PoliticalMap | undefined,
    s: NormalizedStakeholder
): readonly NormalizedStakeholder[] {
    return (s.id === null ? undefined : map?.opposingPullers.get(recordKey(s.id))) ?? [];
}

/** Insight codes of one person; INFLUENCED_AGAINST needs the Opportunity's political map. */
export function insightCodesOf(s: NormalizedStakeholder, map?: PoliticalMap): InsightCode[] {
    const codes: InsightCode[] = [];
    const closeness = s.contactCloseness;
    if (s.attitudeToUs === 'Mentor' && (closeness === 'No_Contact' || closeness === 'Little')) {
        codes.push('MENTOR_LOW_CONTACT');
    }
    if ((s.topDecisionMaker || s.influence === 'High') && closeness === 'No_Contact') {
        codes.push('KEY_PERSON_NO_CONTACT');
    }
    if (s.attitudeToUs !== null && NEGATIVE_ATTITUDES.includes(s.attitudeToUs) && closeness === 'Deep') {
        codes.push('OPPONENT_DEEP_CONTACT');
    }
    if ((s.topDecisionMaker || s.decisionBodyMember) && completenessOf(s) < 100) {
        codes.push('KEY_PERSON_INCOMPLETE');
    }
    if (opposingPullersIn(map, s).length > 0) codes.push('INFLUENCED_AGAINST');
    return codes.sort();
}

export interface ScoringOptions {
    /** ISO 8601 time of scoring, passed by the caller: the model never reads a clock. */
    readonly scoredAt: string;
}

/**
 * Computes every derived field of one stakeholder assessment (contract v1.1). The map is the
 * Opportunity's stakeholders and links (buildPoliticalMap); without it no link-based code is raised.
 */
export function scoreStakeholder(
    record: RawRecord,
    options: ScoringOptions,
    map?: PoliticalMap
): StakeholderScore {
    const stakeholder = normalizeStakeholder(record);
    const codes = insightCodesOf(stakeholder, map);
    return {
        stakeholder,
        derived: {
            Support_Index__c: supportIndexOf(stakeholder.attitudeToUs),
            Completeness__c: completenessOf(stakeholder),
            Insight_Codes__c: joinCodes(codes),
            Model_Version__c: MODEL_VERSION,
            Scored_At__c: options.scoredAt
        },
        insights: codes.map((code) => INSIGHTS[code]),
        opposingPullers: opposingPullersIn(map, stakeholder),
        issues: stakeholder.issues
    };
}
