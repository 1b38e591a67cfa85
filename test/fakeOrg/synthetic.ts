import {
    PICKLIST_VALUES,
    PoliticalMap,
    buildPoliticalMap,
    scoreScorecard,
    scoreStakeholder
} from 'c/dealControlModel';
import { hashUnit } from './random';
import { OBJECTS, OPPORTUNITY, OPPORTUNITY_STAGES, SCORECARD, STAKEHOLDER, STAKEHOLDER_LINK } from './schema';
import { autoNumberName } from './names';
import type { FakeStore, SyntheticOptions, SyntheticSummary } from './store';
import { SObjectRecord } from './values';

/**
 * Synthetic datasets for benchmarks: N Opportunities, each with one scorecard, K stakeholders and
 * (when asked) links between those people, computed from their sequence numbers whenever read, so
 * a million deals cost no memory until a record is changed (the store then keeps the changed
 * copy). Inputs are pseudo-random picks from the model's value lists, blanks included; most stored
 * derived values are what the model computes (with the deal's political map), a share are stale
 * (old model version, wrong value or never scored), and a few records hold a value no longer in a
 * picklist, as after an old import.
 */

/** A value an old import left behind: not in any restricted picklist of contract v1. */
export const LEGACY_VALUE = 'Legacy_Value';
/** Model version stamped on stale records. */
export const OLD_MODEL_VERSION = 'C139-v0.9.0';

const STAKEHOLDER_PICKLISTS = [
    'Role__c',
    'Influence__c',
    'Dominant_Need__c',
    'Change_Attitude__c',
    'Contact_Closeness__c',
    'Attitude_To_Us__c'
];
const SCORECARD_PICKLISTS = Object.keys(PICKLIST_VALUES)
    .filter((key) => key.startsWith(`${SCORECARD}.`))
    .map((key) => key.slice(SCORECARD.length + 1));
const valuesOf = (object: string): Record<string, readonly string[]> =>
    Object.fromEntries(
        Object.entries(PICKLIST_VALUES)
            .filter(([key]) => key.startsWith(`${object}.`))
            .map(([key, values]) => [key.slice(object.length + 1), values])
    );
const S_VALUES = valuesOf(STAKEHOLDER);
const C_VALUES = valuesOf(SCORECARD);
const TITLES = ['CEO', 'CFO', 'CIO', 'Head of Procurement', 'Plant Manager', 'IT Architect', null];
const BLANK_RATE = 0.15;
const OPPORTUNITY_BASE_FIELDS = new Set([
    'Id',
    'Name',
    'CreatedDate',
    'LastModifiedDate',
    'SystemModstamp',
    'IsDeleted'
]);
const ROLLUP_FIELDS = [...OBJECTS.get(OPPORTUNITY)!.fields.values()]
    .filter(
        (f) =>
            !f.updateable &&
            !OPPORTUNITY_BASE_FIELDS.has(f.name) &&
            f.name !== 'IsClosed' &&
            f.name !== 'IsWon'
    )
    .map((f) => f.name);

type Rng = (salt: number) => number;

/** A realistic mix of link types and strengths (blank strength included), by cumulative share. */
export const LINK_TYPES: ReadonlyArray<[string, number]> = [
    ['Reports_To', 0.35],
    ['Influences', 0.6],
    ['Acts_For', 0.7],
    ['Allied', 0.85],
    ['Rival', 1]
];
export const LINK_STRENGTHS: ReadonlyArray<[string | null, number]> = [
    ['Strong', 0.25],
    ['Medium', 0.6],
    ['Weak', 0.85],
    [null, 1]
];

export function share<T>(table: ReadonlyArray<[T, number]>, u: number): T {
    return table.find(([, upTo]) => u < upTo)![0];
}

export function addSyntheticData(store: FakeStore, options: SyntheticOptions): SyntheticSummary {
    const n = options.scorecards;
    const k = options.stakeholdersPerScorecard ?? 5;
    if (!Number.isInteger(n) || n < 1 || !Number.isInteger(k) || k < 0) {
        throw new Error(
            'addSynthetic needs a positive whole number of scorecards and stakeholders per scorecard'
        );
    }
    const seed = options.seed ?? 1;
    const staleRate = options.staleRate ?? 0.1;
    const linksPerDeal = options.linksPerScorecard ?? 0;
    if (!(linksPerDeal >= 0)) throw new Error('addSynthetic needs linksPerScorecard of 0 or more');
    const badValueRate = options.badValueRate ?? 0.005;
    const createdAt = store.clock.tick();
    const opportunities = store.table(OPPORTUNITY);
    const scorecards = store.table(SCORECARD);
    const stakeholders = store.table(STAKEHOLDER);
    const links = store.table(STAKEHOLDER_LINK);
    // Reserve the blocks first: each generator needs the others' start numbers.
    const blocks = { opportunity: 0, scorecard: 0, stakeholder: 0, link: 0 };
    const rngOf =
        (object: number, seq: number): Rng =>
        (salt) =>
            hashUnit(seed, object, seq, salt);
    const opportunityOf = (deal: number): string => opportunities.idOf(blocks.opportunity + deal);

    // Records are built as object literals with every field in a fixed order: V8 then gives them one
    // shape, which makes generating millions of them several times faster than adding keys one by one.
    // `identity` false skips Id, Name and parent (costly strings) when a scorecard only needs its
    // stakeholders' inputs to score; a test checks the scores match those of the full records.
    const stakeholderInputs = (seq: number, identity = true): SObjectRecord => {
        const index = seq - blocks.stakeholder;
        const deal = Math.floor(index / k);
        const person = index % k;
        const rng = rngOf(3, seq);
        const record: SObjectRecord = {
            Id: identity ? stakeholders.idOf(seq) : null,
            Name: identity ? `Synthetic person ${person + 1} of deal ${deal + 1}` : null,
            CreatedDate: createdAt,
            LastModifiedDate: createdAt,
            SystemModstamp: createdAt,
            IsDeleted: false,
            Opportunity__c: identity ? opportunityOf(deal) : null,
            Contact__c: null,
            Title__c: TITLES[Math.floor(rng(1) * TITLES.length)],
            Role__c: pick(S_VALUES.Role__c, rng(10)),
            Influence__c: pick(S_VALUES.Influence__c, rng(11)),
            Dominant_Need__c: pick(S_VALUES.Dominant_Need__c, rng(12)),
            Other_Needs__c: pickSome(S_VALUES.Other_Needs__c, rng(20), rng(30)),
            Change_Attitude__c: pick(S_VALUES.Change_Attitude__c, rng(13)),
            Decision_Focus__c: pickSome(S_VALUES.Decision_Focus__c, rng(21), rng(31)),
            Contact_Closeness__c: pick(S_VALUES.Contact_Closeness__c, rng(14)),
            Attitude_To_Us__c: pick(S_VALUES.Attitude_To_Us__c, rng(15)),
            Top_Decision_Maker__c: person === 0 && rng(2) < 0.8,
            Decision_Body_Member__c: rng(3) < 0.5,
            Favored_Vendor__c: rng(4) < 0.3 ? 'Competitor A' : null,
            Assessed_On__c: createdAt.slice(0, 10),
            Next_Action__c: null,
            Next_Action_Due__c: null,
            Verification__c: null,
            Evidence__c: null,
            Notes__c: null,
            Support_Index__c: null,
            Completeness__c: null,
            Insight_Codes__c: null,
            Model_Version__c: null,
            Scored_At__c: null
        };
        if (rng(40) < badValueRate) record[STAKEHOLDER_PICKLISTS[Math.floor(rng(41) * 6)]] = LEGACY_VALUE;
        return record;
    };

    // Links: each deal has 0 to 2 × linksPerScorecard of them (never more than one per pair of
    // people, so none is a duplicate), and linkStart[deal] is the index of its first one.
    const pairs: Array<[number, number]> = [];
    for (let a = 0; a < k; a++) for (let b = a + 1; b < k; b++) pairs.push([a, b]);
    const linkStart = new Uint32Array(n + 1);
    for (let deal = 0; deal < n && linksPerDeal > 0; deal++) {
        const count = Math.floor(hashUnit(seed, 4, deal, 1) * (2 * linksPerDeal + 1));
        linkStart[deal + 1] = linkStart[deal] + Math.min(count, pairs.length);
    }
    const dealOfLink = (index: number): number => {
        let lo = 0;
        let hi = n - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (linkStart[mid] <= index) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    };
    const linkRecord = (index: number): SObjectRecord => {
        const deal = dealOfLink(index);
        const nth = index - linkStart[deal];
        const rng = rngOf(4, deal);
        // The deal's pairs in a shuffled order; link nth joins the nth pair.
        const order = pairs.map((_, i) => i);
        for (let i = order.length - 1; i > 0; i--) {
            const j = Math.floor(rng(10 + i) * (i + 1));
            [order[i], order[j]] = [order[j], order[i]];
        }
        const [a, b] = pairs[order[nth]];
        const [from, to] = rng(30 + nth) < 0.5 ? [a, b] : [b, a];
        const person = (p: number) => stakeholders.idOf(blocks.stakeholder + deal * k + p);
        return {
            Id: links.idOf(blocks.link + index),
            Name: null,
            CreatedDate: createdAt,
            LastModifiedDate: createdAt,
            SystemModstamp: createdAt,
            IsDeleted: false,
            Opportunity__c: opportunityOf(deal),
            From_Stakeholder__c: person(from),
            To_Stakeholder__c: person(to),
            Link_Type__c: share(LINK_TYPES, rng(50 + nth)),
            Strength__c: share(LINK_STRENGTHS, rng(70 + nth)),
            Evidence__c: null,
            Link_Key__c: null
        };
    };
    // A deal's map is built once for its K people and its scorecard, which are read one after another.
    let cachedMap: { deal: number; map: PoliticalMap } | null = null;
    const mapOf = (deal: number): PoliticalMap | undefined => {
        if (linkStart[deal + 1] === linkStart[deal]) return undefined;
        if (cachedMap?.deal !== deal) {
            const people: SObjectRecord[] = [];
            for (let p = 0; p < k; p++) people.push(stakeholderInputs(blocks.stakeholder + deal * k + p));
            const dealLinks: SObjectRecord[] = [];
            for (let i = linkStart[deal]; i < linkStart[deal + 1]; i++) dealLinks.push(linkRecord(i));
            cachedMap = {
                deal,
                map: buildPoliticalMap(people, dealLinks, { opportunityId: opportunityOf(deal) })
            };
        }
        return cachedMap.map;
    };

    const stakeholderRecord = (seq: number): SObjectRecord => {
        const record = stakeholderInputs(seq);
        const map = mapOf(Math.floor((seq - blocks.stakeholder) / k));
        const derived = scoreStakeholder(record, { scoredAt: createdAt }, map)
            .derived as unknown as SObjectRecord;
        return storeDerived(record, derived, rngOf(3, seq), staleRate, 'Support_Index__c', 1);
    };

    const scorecardRecord = (seq: number): SObjectRecord => {
        const deal = seq - blocks.scorecard;
        const rng = rngOf(2, seq);
        const record: SObjectRecord = {
            Id: scorecards.idOf(seq),
            Name: autoNumberName(seq),
            CreatedDate: createdAt,
            LastModifiedDate: createdAt,
            SystemModstamp: createdAt,
            IsDeleted: false,
            Opportunity__c: opportunityOf(deal),
            Opportunity_Key__c: opportunityOf(deal),
            Coach__c: pick(C_VALUES.Coach__c, rng(10)),
            Win__c: pick(C_VALUES.Win__c, rng(11)),
            First_Value_Fit__c: pick(C_VALUES.First_Value_Fit__c, rng(12)),
            First_Key_People_Help__c: pick(C_VALUES.First_Key_People_Help__c, rng(13)),
            First_Majority_Choose__c: pick(C_VALUES.First_Majority_Choose__c, rng(14)),
            Clear_Our_Process__c: pick(C_VALUES.Clear_Our_Process__c, rng(15)),
            Clear_Procurement_Process__c: pick(C_VALUES.Clear_Procurement_Process__c, rng(16)),
            Clear_Organization__c: pick(C_VALUES.Clear_Organization__c, rng(17)),
            Clear_Decision_Body__c: pick(C_VALUES.Clear_Decision_Body__c, rng(18)),
            Clear_Decision_Criteria__c: pick(C_VALUES.Clear_Decision_Criteria__c, rng(19)),
            Clear_Funding__c: pick(C_VALUES.Clear_Funding__c, rng(20)),
            Clear_Vendor_Resources__c: pick(C_VALUES.Clear_Vendor_Resources__c, rng(21)),
            Clear_Vendor_Activities__c: pick(C_VALUES.Clear_Vendor_Activities__c, rng(22)),
            Clear_Key_Factors__c: pick(C_VALUES.Clear_Key_Factors__c, rng(23)),
            // The coach is the deal's first person (the likely top decision maker) unless it has
            // links: then anyone, so that a coach without a line to the top can be seen.
            Coach_Stakeholder__c:
                k > 0 && rng(1) < 0.3
                    ? stakeholders.idOf(
                          blocks.stakeholder + deal * k + (linksPerDeal > 0 ? Math.floor(rng(3) * k) : 0)
                      )
                    : null,
            Notes__c: null,
            Clear_Points__c: null,
            First_Points__c: null,
            Win_Points__c: null,
            Coach_Factor__c: null,
            Control_Score__c: null,
            Control_Band__c: null,
            Band_Rank__c: null,
            Evidence_Codes__c: null,
            Warning_Count__c: null,
            Model_Version__c: null,
            Scored_At__c: null
        };
        if (rng(40) < badValueRate) {
            record[SCORECARD_PICKLISTS[Math.floor(rng(41) * SCORECARD_PICKLISTS.length)]] = LEGACY_VALUE;
        }
        const map = mapOf(deal);
        const people: SObjectRecord[] = [];
        if (!map)
            for (let p = 0; p < k; p++)
                people.push(stakeholderInputs(blocks.stakeholder + deal * k + p, false));
        const derived = scoreScorecard(record, map ? map.stakeholders : people, { scoredAt: createdAt }, map)
            .derived as unknown as SObjectRecord;
        return storeDerived(record, derived, rng, staleRate, 'Control_Score__c', 7);
    };

    const opportunityRecord = (seq: number): SObjectRecord => {
        const deal = seq - blocks.opportunity;
        const rng = rngOf(1, seq);
        const stage = OPPORTUNITY_STAGES[Math.floor(rng(1) * OPPORTUNITY_STAGES.length)];
        const record: SObjectRecord = {
            Id: opportunities.idOf(seq),
            Name: `Synthetic deal ${deal + 1}`,
            CreatedDate: createdAt,
            LastModifiedDate: createdAt,
            SystemModstamp: createdAt,
            IsDeleted: false,
            StageName: stage.stage,
            Probability: stage.probability,
            Amount: Math.round(rng(2) * 1000000),
            CloseDate: `2027-${String(1 + Math.floor(rng(3) * 12)).padStart(2, '0')}-15`,
            ForecastCategoryName: stage.forecastCategory,
            IsClosed: stage.closed,
            IsWon: stage.won
        };
        // Roll-ups and formulas: not calculated by the fake (see README).
        for (const name of ROLLUP_FIELDS) record[name] = null;
        return record;
    };

    blocks.opportunity = opportunities.allocate(n, opportunityRecord);
    blocks.scorecard = scorecards.allocate(n, scorecardRecord);
    blocks.stakeholder = stakeholders.allocate(n * k, stakeholderRecord);
    const linkCount = linkStart[n];
    if (linkCount > 0) blocks.link = links.allocate(linkCount, (seq) => linkRecord(seq - blocks.link));
    return {
        opportunityIds: { first: opportunityOf(0), last: opportunityOf(n - 1) },
        scorecards: n,
        stakeholders: n * k,
        links: linkCount
    };
}

function pick(values: readonly string[], u: number): string | null {
    if (u < BLANK_RATE) return null;
    return values[Math.floor(((u - BLANK_RATE) / (1 - BLANK_RATE)) * values.length)];
}

function pickSome(values: readonly string[], countUnit: number, startUnit: number): string | null {
    const count = Math.floor(countUnit * 3);
    if (count === 0) return null;
    const start = Math.floor(startUnit * values.length);
    const chosen = new Set<string>();
    for (let i = 0; i < count; i++) chosen.add(values[(start + i * 2) % values.length]);
    return [...chosen].join(';');
}

/**
 * Copies the derived values into the record as stored: the model's, or for a share of records a
 * stale variant (old model version, a wrong number, or never scored at all).
 */
function storeDerived(
    record: SObjectRecord,
    derived: SObjectRecord,
    rng: Rng,
    staleRate: number,
    numberField: string,
    offset: number
): SObjectRecord {
    const variant = rng(50) < staleRate ? Math.floor(rng(51) * 3) : -1;
    if (variant === 2) return record;
    for (const key in derived) record[key] = derived[key];
    if (variant === 0) record.Model_Version__c = OLD_MODEL_VERSION;
    if (variant === 1) record[numberField] = ((derived[numberField] as number | null) ?? 0) + offset;
    return record;
}
