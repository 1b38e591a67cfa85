import { RawRecord } from './normalize';
import { ATTITUDE_TO_US } from './stakeholderDimensions';
import {
    NormalizedStakeholder,
    SUPPORTIVE_ATTITUDES,
    asNormalizedStakeholder,
    completenessOf,
    supportIndexOf
} from './stakeholderScoring';

/** Influence weights for the decision body's support; an unknown influence weighs as Low. */
export const INFLUENCE_WEIGHT: Readonly<Record<string, number>> = Object.freeze({
    High: 3,
    Medium: 2,
    Low: 1
});
const UNKNOWN_INFLUENCE_WEIGHT = 1;

export type AttitudeBucket = 'Mentor' | 'Supporter' | 'Neutral' | 'Non_Supporter' | 'Opponent' | 'Unknown';

/** The Opportunity-level view of the buying committee (the multi-dimension summary's aggregate row). */
export interface OpportunitySummary {
    readonly stakeholderCount: number;
    readonly byAttitude: Readonly<Record<AttitudeBucket, number>>;
    readonly decisionBodyCount: number;
    readonly supportiveBodyCount: number;
    /**
     * Influence-weighted mean Support_Index of decision-body members whose attitude is known, from
     * -2 (all opponents) to 2 (all mentors), to two decimals; null when none is known.
     */
    readonly weightedBodySupport: number | null;
    /** Stakeholders with all five dimensions known. */
    readonly completeCount: number;
    /** completeCount as a whole percentage of all stakeholders; null without stakeholders. */
    readonly coveragePercent: number | null;
    readonly hasMentor: boolean;
    readonly hasTopDecisionMaker: boolean;
    /** Attitudes of the top decision makers (null for unknown), in map order. */
    readonly topDecisionMakerAttitudes: readonly (string | null)[];
}

export function summarizeStakeholders(
    stakeholders: ReadonlyArray<RawRecord | NormalizedStakeholder>
): OpportunitySummary {
    const map = stakeholders.map(asNormalizedStakeholder);
    const byAttitude: Record<AttitudeBucket, number> = {
        Mentor: 0,
        Supporter: 0,
        Neutral: 0,
        Non_Supporter: 0,
        Opponent: 0,
        Unknown: 0
    };
    for (const s of map) byAttitude[(s.attitudeToUs ?? 'Unknown') as AttitudeBucket] += 1;

    const body = map.filter((s) => s.decisionBodyMember);
    let weightSum = 0;
    let weightedSum = 0;
    for (const s of body) {
        const index = supportIndexOf(s.attitudeToUs);
        if (index === null) continue;
        const weight = s.influence === null ? UNKNOWN_INFLUENCE_WEIGHT : INFLUENCE_WEIGHT[s.influence];
        weightSum += weight;
        weightedSum += weight * index;
    }
    const completeCount = map.filter((s) => completenessOf(s) === 100).length;
    const topDMs = map.filter((s) => s.topDecisionMaker);

    return {
        stakeholderCount: map.length,
        byAttitude,
        decisionBodyCount: body.length,
        supportiveBodyCount: body.filter(
            (s) => s.attitudeToUs !== null && SUPPORTIVE_ATTITUDES.includes(s.attitudeToUs)
        ).length,
        weightedBodySupport: weightSum === 0 ? null : Math.round((100 * weightedSum) / weightSum) / 100,
        completeCount,
        coveragePercent: map.length === 0 ? null : Math.round((100 * completeCount) / map.length),
        hasMentor: byAttitude.Mentor > 0,
        hasTopDecisionMaker: topDMs.length > 0,
        topDecisionMakerAttitudes: topDMs.map((s) => s.attitudeToUs)
    };
}

/** Attitude buckets in display order (best first, unknown last). */
export const ATTITUDE_BUCKETS: readonly AttitudeBucket[] = [
    ...ATTITUDE_TO_US.values.map((v) => v.value as AttitudeBucket),
    'Unknown'
];
