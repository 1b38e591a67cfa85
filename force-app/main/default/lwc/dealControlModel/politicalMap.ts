import {
    DEFAULT_LINK_STRENGTH,
    LINK_FROM_FIELD,
    LINK_STRENGTH,
    LINK_TO_FIELD,
    LINK_TYPE,
    LinkStrength,
    LinkType,
    SYMMETRIC_LINK_TYPES
} from './links';
import { InputIssue, RawRecord, readPicklist, readText } from './normalize';
import { LinkIssueCode } from './politicalFindings';
import { recordKey } from './recordKey';
import { NEGATIVE_ATTITUDES, NormalizedStakeholder, asNormalizedStakeholder } from './stakeholderScoring';

/**
 * Contract v1.1: the lines between the people of one Opportunity (who reports to, influences, acts
 * for, sides with or opposes whom), read and checked once, so that every rule and every screen
 * works from the same map. A link that cannot be used is left out and reported, never thrown on.
 */

/** A link the rules use: both ends are people of the map, and its type is known. */
export interface NormalizedLink {
    readonly id: string | null;
    readonly opportunityId: string | null;
    /** The Ids as the link holds them (trimmed). */
    readonly from: string;
    readonly to: string;
    readonly type: LinkType;
    /** A blank strength counts as Medium. */
    readonly strength: LinkStrength;
}

/** A problem with one link, for the rep (component) or the admin (rescore report). */
export interface LinkIssue {
    readonly code: LinkIssueCode;
    readonly linkId: string | null;
    /** The field at fault and its value as read ('' when blank). */
    readonly field: string;
    readonly value: string;
    /** Whether this problem makes the model leave the link out (otherwise the value reads as blank). */
    readonly ignoresLink: boolean;
}

export interface PoliticalMap {
    /** The Opportunity the map belongs to, when the caller said so (links of others are left out). */
    readonly opportunityId: string | null;
    /** The Opportunity's stakeholders, in input order. */
    readonly stakeholders: readonly NormalizedStakeholder[];
    /** Stakeholders by the key of their Id (recordKey); the first one wins if an Id repeats. */
    readonly people: ReadonlyMap<string, NormalizedStakeholder>;
    /** The links the rules use, in input order. */
    readonly links: readonly NormalizedLink[];
    /** Every problem found, in input order; links with a problem that ignores them are not in `links`. */
    readonly issues: readonly LinkIssue[];
    /**
     * Key of a stakeholder's Id → the people against us (Non_Supporter, Opponent) who pull on them,
     * in map order. Only people with INFLUENCED_AGAINST are keys.
     */
    readonly opposingPullers: ReadonlyMap<string, readonly NormalizedStakeholder[]>;
}

export interface PoliticalMapOptions {
    /** The Opportunity being mapped: a link whose Opportunity__c names another one is left out. */
    readonly opportunityId?: string | null;
}

const FROM = LINK_FROM_FIELD;
const TO = LINK_TO_FIELD;
const OPPORTUNITY = 'Opportunity__c';

function issue(
    code: LinkIssueCode,
    linkId: string | null,
    field: string,
    value: string | null,
    ignoresLink = true
): LinkIssue {
    return { code, linkId, field, value: value ?? '', ignoresLink };
}

export interface LinkReading {
    /** The link, or null when a problem makes the model leave it out. */
    readonly link: NormalizedLink | null;
    readonly issues: readonly LinkIssue[];
}

/**
 * Reads one link on its own: both ends present and different, a known type, a known or blank
 * strength. Whether the ends are people of the Opportunity is checked by buildPoliticalMap.
 */
export function normalizeLink(record: RawRecord): LinkReading {
    const id = readText(record, 'Id');
    const from = readText(record, FROM);
    const to = readText(record, TO);
    const issues: LinkIssue[] = [];
    if (from === null) issues.push(issue('LINK_MISSING_END', id, FROM, null));
    if (to === null) issues.push(issue('LINK_MISSING_END', id, TO, null));
    if (from !== null && to !== null && recordKey(from) === recordKey(to)) {
        issues.push(issue('LINK_SELF', id, TO, to));
    }
    const valueIssues: InputIssue[] = [];
    const type = readPicklist(record, LINK_TYPE, valueIssues) as LinkType | null;
    if (type === null && valueIssues.length === 0) {
        issues.push(issue('LINK_MISSING_TYPE', id, LINK_TYPE.field, null));
    }
    const strength = readPicklist(record, LINK_STRENGTH, valueIssues) as LinkStrength | null;
    // readPicklist reports only unknown values: an unknown type leaves the link out; an unknown
    // strength reads as blank (Medium), like every unknown picklist value of the model.
    for (const v of valueIssues) {
        issues.push(issue('UNKNOWN_VALUE', id, v.field, v.value, v.field === LINK_TYPE.field));
    }

    if (issues.some((i) => i.ignoresLink)) return { link: null, issues };
    return {
        link: {
            id,
            opportunityId: readText(record, OPPORTUNITY),
            from: from!,
            to: to!,
            type: type!,
            strength: strength ?? DEFAULT_LINK_STRENGTH
        },
        issues
    };
}

/** "A pulls on X" (contract v1.1, docs/method.md): an Influences link from A to X, or an Acts_For link from X to A. */
export interface Pull {
    readonly puller: string;
    readonly pulled: string;
}

/** Who pulls on whom through this link; null for a Weak link and for types that do not pull. */
export function pullOf(link: NormalizedLink): Pull | null {
    if (link.strength === 'Weak') return null;
    if (link.type === 'Influences') return { puller: link.from, pulled: link.to };
    if (link.type === 'Acts_For') return { puller: link.to, pulled: link.from };
    return null;
}

/** Links of the same type between the same two people are one link (either order when symmetric). */
function sameLinkKey(link: NormalizedLink): string {
    const ends = [recordKey(link.from), recordKey(link.to)];
    if (SYMMETRIC_LINK_TYPES.includes(link.type)) ends.sort();
    return `${link.type}|${ends.join('|')}`;
}

function isAgainstUs(s: NormalizedStakeholder): boolean {
    return s.attitudeToUs !== null && NEGATIVE_ATTITUDES.includes(s.attitudeToUs);
}

function opposingPullersOfLinks(
    links: readonly NormalizedLink[],
    people: ReadonlyMap<string, NormalizedStakeholder>,
    order: ReadonlyMap<NormalizedStakeholder, number>
): Map<string, NormalizedStakeholder[]> {
    const result = new Map<string, NormalizedStakeholder[]>();
    for (const link of links) {
        const pull = pullOf(link);
        const puller = pull === null ? undefined : people.get(recordKey(pull.puller));
        if (pull === null || puller === undefined || !isAgainstUs(puller)) continue;
        const key = recordKey(pull.pulled);
        const pullers = result.get(key) ?? [];
        if (!pullers.includes(puller)) pullers.push(puller);
        result.set(key, pullers);
    }
    for (const pullers of result.values()) pullers.sort((a, b) => order.get(a)! - order.get(b)!);
    return result;
}

/**
 * Reads an Opportunity's stakeholders and links into one map. Links whose ends are missing, the
 * same person, or not assessed on this Opportunity, links of another Opportunity, links of unknown
 * type and repeated links are left out and reported in `issues`; nothing here throws.
 */
export function buildPoliticalMap(
    stakeholders: ReadonlyArray<RawRecord | NormalizedStakeholder>,
    links: readonly RawRecord[],
    options: PoliticalMapOptions = {}
): PoliticalMap {
    const opportunityId = options.opportunityId?.trim() || null;
    const normalized = stakeholders.map(asNormalizedStakeholder);
    const people = new Map<string, NormalizedStakeholder>();
    for (const s of normalized) {
        if (s.id !== null && !people.has(recordKey(s.id))) people.set(recordKey(s.id), s);
    }
    const used: NormalizedLink[] = [];
    const issues: LinkIssue[] = [];
    const seen = new Set<string>();
    for (const record of links) {
        const reading = normalizeLink(record);
        issues.push(...reading.issues);
        const link = reading.link;
        if (link === null) continue;
        const problems: LinkIssue[] = [];
        if (
            opportunityId !== null &&
            link.opportunityId !== null &&
            recordKey(link.opportunityId) !== recordKey(opportunityId)
        ) {
            problems.push(issue('LINK_OTHER_OPPORTUNITY', link.id, OPPORTUNITY, link.opportunityId));
        }
        for (const [field, end] of [
            [FROM, link.from],
            [TO, link.to]
        ]) {
            if (!people.has(recordKey(end)))
                problems.push(issue('LINK_END_NOT_ON_OPPORTUNITY', link.id, field, end));
        }
        if (problems.length === 0 && seen.has(sameLinkKey(link))) {
            problems.push(issue('LINK_DUPLICATE', link.id, LINK_TYPE.field, link.type));
        }
        issues.push(...problems);
        if (problems.length > 0) continue;
        seen.add(sameLinkKey(link));
        used.push(link);
    }
    const order = new Map(normalized.map((s, index) => [s, index]));
    return {
        opportunityId,
        stakeholders: normalized,
        people,
        links: used,
        issues,
        opposingPullers: opposingPullersOfLinks(used, people, order)
    };
}

/** The person with this Id on the map (15- or 18-character form), if any. */
export function personOf(
    map: PoliticalMap,
    id: string | null | undefined
): NormalizedStakeholder | undefined {
    const trimmed = id?.trim();
    return trimmed ? map.people.get(recordKey(trimmed)) : undefined;
}

/** The people against us who pull on this person (the "who" of INFLUENCED_AGAINST), in map order. */
export function opposingPullersOf(
    map: PoliticalMap,
    id: string | null | undefined
): readonly NormalizedStakeholder[] {
    const trimmed = id?.trim();
    return (trimmed ? map.opposingPullers.get(recordKey(trimmed)) : undefined) ?? [];
}

/** The links the rules use that touch this person, at either end, in input order. */
export function linksOf(map: PoliticalMap, id: string | null | undefined): NormalizedLink[] {
    const trimmed = id?.trim();
    if (!trimmed) return [];
    const key = recordKey(trimmed);
    return map.links.filter((l) => recordKey(l.from) === key || recordKey(l.to) === key);
}
