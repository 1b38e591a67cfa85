import { NormalizedStakeholder } from './stakeholderScoring';

/** The people of one camp; `camp` is null for the people whose camp is not yet known. */
export interface CampGroup {
    readonly camp: string | null;
    readonly stakeholders: readonly NormalizedStakeholder[];
}

/** Camp__c is free text: "CFO side", "cfo  side" and " CFO side" name one camp. */
function campKey(camp: string): string {
    return camp.replace(/\s+/g, ' ').toLowerCase();
}

/**
 * The people grouped by camp, for the political map: camps in order of first appearance, each
 * named as first written, people in input order; the people without a camp come last.
 */
export function campGroupsOf(stakeholders: readonly NormalizedStakeholder[]): CampGroup[] {
    const groups = new Map<string, { camp: string; stakeholders: NormalizedStakeholder[] }>();
    const unknown: NormalizedStakeholder[] = [];
    for (const s of stakeholders) {
        if (s.camp === null) {
            unknown.push(s);
            continue;
        }
        const key = campKey(s.camp);
        const group = groups.get(key) ?? { camp: s.camp, stakeholders: [] };
        group.stakeholders.push(s);
        groups.set(key, group);
    }
    const known: CampGroup[] = [...groups.values()];
    return unknown.length === 0 ? known : [...known, { camp: null, stakeholders: unknown }];
}
