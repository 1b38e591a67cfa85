import { POLITICAL_EVIDENCE, PoliticalEvidenceCode } from './politicalFindings';
import { NEGATIVE_ATTITUDES, NormalizedStakeholder, SUPPORTIVE_ATTITUDES } from './stakeholderScoring';
import { LocalizedText, t } from './text';

export type EvidenceCode =
    | 'COACH_NOT_IN_BODY'
    | 'COACH_WITHOUT_MENTOR'
    | 'CRITERIA_UNKNOWN'
    | 'DECISION_BODY_UNKNOWN'
    | 'MAJORITY_UNSUPPORTED'
    | 'WIN_CONTRADICTED'
    | 'WIN_UNSUPPORTED'
    | 'WIN_WITHOUT_TOP_DM'
    | PoliticalEvidenceCode;

export interface EvidenceDef {
    readonly code: EvidenceCode;
    /** The scorecard claim the finding questions (shown next to that element). */
    readonly claimField: string;
    readonly message: LocalizedText;
    readonly action: LocalizedText;
}

/** The claims of a scorecard that the stakeholder map can contradict, already normalized. */
export interface ScorecardClaims {
    readonly coach: string | null;
    readonly win: string | null;
    readonly firstMajorityChoose: string | null;
    readonly clearDecisionBody: string | null;
    readonly clearDecisionCriteria: string | null;
}

export const EVIDENCE: Readonly<Record<EvidenceCode, EvidenceDef>> = Object.freeze({
    WIN_WITHOUT_TOP_DM: {
        code: 'WIN_WITHOUT_TOP_DM',
        claimField: 'Win__c',
        message: t(
            'Win is claimed, but no top decision maker is on the stakeholder map.',
            '声称“赢”，但多维汇总中没有最高决策者。'
        ),
        action: t(
            'Identify the top decision maker and assess them; until then Win can only be unknown.',
            '找出最高决策者并完成评估；在此之前“赢”只能是不清楚。'
        )
    },
    WIN_CONTRADICTED: {
        code: 'WIN_CONTRADICTED',
        claimField: 'Win__c',
        message: t(
            'Win is claimed, but a top decision maker is a non-supporter or opponent on the map.',
            '声称“赢”，但多维汇总中有最高决策者是非支持者或反对者。'
        ),
        action: t(
            "Reconcile the two: re-check the top decision maker's attitude with your coach, or lower Win.",
            '二者必须一致：与教练重新核实最高决策者的态度，或下调“赢”。'
        )
    },
    WIN_UNSUPPORTED: {
        code: 'WIN_UNSUPPORTED',
        claimField: 'Win__c',
        message: t(
            'Win is Yes, but a top decision maker is neutral or of unknown attitude.',
            '“赢”为是，但有最高决策者态度中立或不明。'
        ),
        action: t(
            'Get a visible sign of commitment from the top decision maker, or rate Win as Leaning.',
            '取得最高决策者明确的支持表态，否则将“赢”改为倾向。'
        )
    },
    MAJORITY_UNSUPPORTED: {
        code: 'MAJORITY_UNSUPPORTED',
        claimField: 'First_Majority_Choose__c',
        message: t(
            'Majority claimed, but no more than half of the decision body supports us on the map.',
            '声称多数人选定我们，但多维汇总中支持我们的决策机构成员不超过一半。'
        ),
        action: t(
            'Mark decision-body members and their attitudes, then work on the neutral ones.',
            '标出决策机构成员及其态度，然后争取中立者。'
        )
    },
    COACH_WITHOUT_MENTOR: {
        code: 'COACH_WITHOUT_MENTOR',
        claimField: 'Coach__c',
        message: t(
            'A coach is claimed, but nobody on the map is a Mentor.',
            '声称有教练，但多维汇总中没有指导者。'
        ),
        action: t(
            'Record the coach as a Mentor on the map, or lower the coach rating.',
            '在多维汇总中把教练记为指导者，或下调教练评级。'
        )
    },
    COACH_NOT_IN_BODY: {
        code: 'COACH_NOT_IN_BODY',
        claimField: 'Coach__c',
        message: t(
            'The coach is said to sit in the decision body, but no Mentor on the map is a body member.',
            '声称教练在决策机构内，但多维汇总中没有指导者是决策机构成员。'
        ),
        action: t(
            'Mark the mentor as a decision-body member, or rate the coach as Confirmed.',
            '把指导者标为决策机构成员，或将教练评为已确认。'
        )
    },
    DECISION_BODY_UNKNOWN: {
        code: 'DECISION_BODY_UNKNOWN',
        claimField: 'Clear_Decision_Body__c',
        message: t(
            'The decision body is rated Clear, but the map has no body members or some lack attitude or influence.',
            '决策机构评为清楚，但多维汇总中没有决策机构成员，或有成员缺少态度或影响力。'
        ),
        action: t(
            'Fill in attitude and influence for every decision-body member.',
            '为每位决策机构成员填写态度和影响力。'
        )
    },
    CRITERIA_UNKNOWN: {
        code: 'CRITERIA_UNKNOWN',
        claimField: 'Clear_Decision_Criteria__c',
        message: t(
            'Decision points are rated Clear, but the map has no body members or some lack a decision focus.',
            '决策点评为清楚，但多维汇总中没有决策机构成员，或有成员缺少决策关注点。'
        ),
        action: t(
            'Record the decision focus of every decision-body member.',
            '记录每位决策机构成员的决策关注点。'
        )
    },
    ...POLITICAL_EVIDENCE
});

function isSupportive(s: NormalizedStakeholder): boolean {
    return s.attitudeToUs !== null && SUPPORTIVE_ATTITUDES.includes(s.attitudeToUs);
}

function isNegative(s: NormalizedStakeholder): boolean {
    return s.attitudeToUs !== null && NEGATIVE_ATTITUDES.includes(s.attitudeToUs);
}

/**
 * What the evidence rules need to know about an Opportunity's stakeholder map, as a few counts and
 * flags. It folds one stakeholder at a time, so a bulk run can score millions of assessments
 * without keeping them in memory.
 */
export interface EvidenceFacts {
    readonly topDmCount: number;
    readonly topDmNegative: boolean;
    readonly topDmNeutralOrUnknown: boolean;
    readonly bodyCount: number;
    readonly bodySupportiveCount: number;
    readonly bodyMissingAttitudeOrInfluence: boolean;
    readonly bodyMissingFocus: boolean;
    readonly mentorCount: number;
    readonly mentorInBody: boolean;
}

export const EMPTY_EVIDENCE_FACTS: EvidenceFacts = Object.freeze({
    topDmCount: 0,
    topDmNegative: false,
    topDmNeutralOrUnknown: false,
    bodyCount: 0,
    bodySupportiveCount: 0,
    bodyMissingAttitudeOrInfluence: false,
    bodyMissingFocus: false,
    mentorCount: 0,
    mentorInBody: false
});

export function addEvidenceFacts(facts: EvidenceFacts, s: NormalizedStakeholder): EvidenceFacts {
    const top = s.topDecisionMaker;
    const body = s.decisionBodyMember;
    const mentor = s.attitudeToUs === 'Mentor';
    return {
        topDmCount: facts.topDmCount + (top ? 1 : 0),
        topDmNegative: facts.topDmNegative || (top && isNegative(s)),
        topDmNeutralOrUnknown:
            facts.topDmNeutralOrUnknown || (top && (s.attitudeToUs === null || s.attitudeToUs === 'Neutral')),
        bodyCount: facts.bodyCount + (body ? 1 : 0),
        bodySupportiveCount: facts.bodySupportiveCount + (body && isSupportive(s) ? 1 : 0),
        bodyMissingAttitudeOrInfluence:
            facts.bodyMissingAttitudeOrInfluence ||
            (body && (s.attitudeToUs === null || s.influence === null)),
        bodyMissingFocus: facts.bodyMissingFocus || (body && s.decisionFocus.length === 0),
        mentorCount: facts.mentorCount + (mentor ? 1 : 0),
        mentorInBody: facts.mentorInBody || (mentor && body)
    };
}

export function evidenceFactsOf(stakeholders: readonly NormalizedStakeholder[]): EvidenceFacts {
    return stakeholders.reduce(addEvidenceFacts, EMPTY_EVIDENCE_FACTS);
}

/** Evidence codes (contract v1) that the stakeholder map raises against the scorecard's claims, sorted. */
export function evidenceCodesOf(
    claims: ScorecardClaims,
    map: readonly NormalizedStakeholder[] | EvidenceFacts
): EvidenceCode[] {
    const f = Array.isArray(map)
        ? evidenceFactsOf(map as readonly NormalizedStakeholder[])
        : (map as EvidenceFacts);
    const codes: EvidenceCode[] = [];
    const winClaimed = claims.win === 'Yes' || claims.win === 'Leaning';

    if (winClaimed && f.topDmCount === 0) codes.push('WIN_WITHOUT_TOP_DM');
    if (winClaimed && f.topDmNegative) codes.push('WIN_CONTRADICTED');
    if (claims.win === 'Yes' && f.topDmCount > 0 && !f.topDmNegative && f.topDmNeutralOrUnknown) {
        codes.push('WIN_UNSUPPORTED');
    }
    if (claims.firstMajorityChoose === 'Yes' && 2 * f.bodySupportiveCount <= f.bodyCount) {
        codes.push('MAJORITY_UNSUPPORTED');
    }
    const coachClaimed =
        claims.coach === 'Identified' ||
        claims.coach === 'Confirmed' ||
        claims.coach === 'Confirmed_In_Decision_Body';
    if (coachClaimed && f.mentorCount === 0) codes.push('COACH_WITHOUT_MENTOR');
    if (claims.coach === 'Confirmed_In_Decision_Body' && f.mentorCount > 0 && !f.mentorInBody) {
        codes.push('COACH_NOT_IN_BODY');
    }
    if (claims.clearDecisionBody === 'Clear' && (f.bodyCount === 0 || f.bodyMissingAttitudeOrInfluence)) {
        codes.push('DECISION_BODY_UNKNOWN');
    }
    if (claims.clearDecisionCriteria === 'Clear' && (f.bodyCount === 0 || f.bodyMissingFocus)) {
        codes.push('CRITERIA_UNKNOWN');
    }
    return codes.sort();
}
