import { LinkType } from './links';
import { PoliticalEvidenceCode } from './politicalFindings';
import { PoliticalMap, personOf } from './politicalMap';
import { recordKey } from './recordKey';

/** The scorecard claims that the political map can question (already normalized). */
export interface PoliticalClaims {
    readonly win: string | null;
    readonly coach: string | null;
    /** Coach_Stakeholder__c: the coach's assessment on this Opportunity. */
    readonly coachStakeholderId: string | null;
}

/** Link types that give the coach a way to the top decision maker (Rival does not). */
export const ACCESS_LINK_TYPES: readonly LinkType[] = ['Reports_To', 'Influences', 'Acts_For', 'Allied'];

function winUndermined(claims: PoliticalClaims, map: PoliticalMap): boolean {
    const winClaimed = claims.win === 'Yes' || claims.win === 'Leaning';
    return (
        winClaimed &&
        map.stakeholders.some(
            (s) => s.topDecisionMaker && s.id !== null && map.opposingPullers.has(recordKey(s.id))
        )
    );
}

function coachWithoutAccess(claims: PoliticalClaims, map: PoliticalMap): boolean {
    if (claims.coach !== 'Confirmed' && claims.coach !== 'Confirmed_In_Decision_Body') return false;
    const coach = personOf(map, claims.coachStakeholderId);
    if (coach === undefined || map.links.length === 0 || coach.topDecisionMaker) return false;
    const coachKey = recordKey(coach.id!);
    const isTopDm = (id: string) => personOf(map, id)?.topDecisionMaker === true;
    return !map.links.some(
        (l) =>
            ACCESS_LINK_TYPES.includes(l.type) &&
            ((recordKey(l.from) === coachKey && isTopDm(l.to)) ||
                (recordKey(l.to) === coachKey && isTopDm(l.from)))
    );
}

/**
 * Evidence codes of contract v1.1 (WIN_UNDERMINED, COACH_NO_ACCESS), sorted. Without a map, or
 * with a map without links, there are none: v1.1 then scores exactly as v1.
 */
export function politicalEvidenceCodesOf(
    claims: PoliticalClaims,
    map: PoliticalMap | undefined
): PoliticalEvidenceCode[] {
    if (map === undefined) return [];
    const codes: PoliticalEvidenceCode[] = [];
    if (coachWithoutAccess(claims, map)) codes.push('COACH_NO_ACCESS');
    if (winUndermined(claims, map)) codes.push('WIN_UNDERMINED');
    return codes;
}
