import { EVIDENCE, EvidenceDef, EvidenceFacts, evidenceCodesOf, evidenceFactsOf } from './evidence';
import { InputIssue, RawRecord, joinCodes, readPicklist, readText } from './normalize';
import { politicalEvidenceCodesOf } from './politicalEvidence';
import { PoliticalMap } from './politicalMap';
import { CLEAR_ELEMENTS, COACH, FIRST_ELEMENTS, WIN } from './scorecardElements';
import { NormalizedStakeholder, ScoringOptions, asNormalizedStakeholder } from './stakeholderScoring';
import { LocalizedText, t } from './text';
import { MODEL_VERSION } from './version';

export type ControlBand = 'Losing' | 'Behind' | 'Contested' | 'Leading' | 'Controlled';

export interface BandDef {
    readonly band: ControlBand;
    readonly rank: number;
    /** Lowest score of the band. */
    readonly minScore: number;
    readonly label: LocalizedText;
    readonly meaning: LocalizedText;
}

/** Bands from best to worst; Band_Rank__c is what reports sort and roll up. */
export const BANDS: readonly BandDef[] = [
    {
        band: 'Controlled',
        rank: 5,
        minScore: 80,
        label: t('Controlled', '掌控'),
        meaning: t(
            'We control the deal: the top decision maker chose us and a confirmed coach agrees.',
            '我们掌控业务机会：最高决策者已选定我们，且经教练确认。'
        )
    },
    {
        band: 'Leading',
        rank: 4,
        minScore: 60,
        label: t('Leading', '领先'),
        meaning: t('We are ahead, but not yet in control.', '我们领先，但尚未掌控。')
    },
    {
        band: 'Contested',
        rank: 3,
        minScore: 40,
        label: t('Contested', '胶着'),
        meaning: t('Nobody controls the deal yet.', '尚无人掌控业务机会。')
    },
    {
        band: 'Behind',
        rank: 2,
        minScore: 20,
        label: t('Behind', '落后'),
        meaning: t('A competitor is ahead or we know too little.', '竞争对手领先，或我们了解太少。')
    },
    {
        band: 'Losing',
        rank: 1,
        minScore: 0,
        label: t('Losing', '基本丢单'),
        meaning: t(
            'The deal is slipping away, or the top decision maker is against us.',
            '业务机会正在丢失，或最高决策者反对我们。'
        )
    }
];

export function bandDef(band: ControlBand): BandDef {
    return BANDS.find((b) => b.band === band)!;
}

/** Win = Against caps the score here. */
export const AGAINST_SCORE_CAP = 10;

/** Points in half-point units, so every sum stays an integer. */
const CLEAR_HALVES: Readonly<Record<string, number>> = { Partial: 1, Clear: 2 };
const FIRST_HALVES: Readonly<Record<string, number>> = { Partial: 1, Yes: 2 };
const FIRST_WEIGHT = 3;
const WIN_HALVES: Readonly<Record<string, number>> = { Leaning: 9, Yes: 18 };
/** Coach factor × 100; a blank coach counts as No_Coach. */
export const COACH_FACTOR_PERCENT: Readonly<Record<string, number>> = Object.freeze({
    No_Coach: 50,
    Identified: 75,
    Confirmed: 90,
    Confirmed_In_Decision_Body: 100
});
/** 2 × the maximum points (27). */
const MAX_POINT_HALVES = 54;

export interface NormalizedScorecard {
    readonly id: string | null;
    readonly opportunityId: string | null;
    /** Every C139 element's field mapped to its model value, or null when blank or unknown. */
    readonly values: Readonly<Record<string, string | null>>;
    /** Coach_Stakeholder__c (read since contract v1.1): the coach's assessment, or null. */
    readonly coachStakeholderId: string | null;
    readonly issues: readonly InputIssue[];
}

export interface ScorecardDerived {
    Clear_Points__c: number;
    First_Points__c: number;
    Win_Points__c: number;
    Coach_Factor__c: number;
    Control_Score__c: number;
    Control_Band__c: ControlBand;
    Band_Rank__c: number;
    Evidence_Codes__c: string | null;
    Warning_Count__c: number;
    Model_Version__c: string;
    Scored_At__c: string;
}

/** The derived fields the model writes on C139_Scorecard__c. */
export const SCORECARD_DERIVED_FIELDS: readonly (keyof ScorecardDerived)[] = [
    'Clear_Points__c',
    'First_Points__c',
    'Win_Points__c',
    'Coach_Factor__c',
    'Control_Score__c',
    'Control_Band__c',
    'Band_Rank__c',
    'Evidence_Codes__c',
    'Warning_Count__c',
    'Model_Version__c',
    'Scored_At__c'
];

export interface ScorecardScore {
    readonly scorecard: NormalizedScorecard;
    readonly derived: ScorecardDerived;
    /** Evidence findings with messages and suggested actions, in code order. */
    readonly findings: readonly EvidenceDef[];
    /** Whether the Controlled gate held back a score ≥ 80 (shown to the rep as the reason). */
    readonly gateApplied: boolean;
    /** Whether Win = Against capped the score. */
    readonly vetoApplied: boolean;
    /** Input problems of the scorecard itself (each stakeholder's are in its own score). */
    readonly issues: readonly InputIssue[];
}

const ALL_ELEMENTS = [COACH, WIN, ...FIRST_ELEMENTS, ...CLEAR_ELEMENTS];

/** The scorecard's link to the coach's assessment (contract v1.1 reads it for COACH_NO_ACCESS). */
export const COACH_STAKEHOLDER_FIELD = 'Coach_Stakeholder__c';

export function normalizeScorecard(record: RawRecord): NormalizedScorecard {
    const issues: InputIssue[] = [];
    const values: Record<string, string | null> = {};
    for (const element of ALL_ELEMENTS) values[element.field] = readPicklist(record, element, issues);
    return {
        id: readText(record, 'Id'),
        opportunityId: readText(record, 'Opportunity__c'),
        values,
        coachStakeholderId: readText(record, COACH_STAKEHOLDER_FIELD),
        issues
    };
}

/** Integer control score: P2 × F / 54 rounded half up, with P2 = 2 × points and F = coach factor × 100. */
export function controlScoreOf(pointHalves: number, coachFactorPercent: number): number {
    return Math.floor((2 * pointHalves * coachFactorPercent + MAX_POINT_HALVES) / (2 * MAX_POINT_HALVES));
}

export function bandOfScore(score: number): ControlBand {
    return BANDS.find((b) => score >= b.minScore)!.band;
}

function passesControlledGate(win: string | null, coach: string | null): boolean {
    return win === 'Yes' && (coach === 'Confirmed' || coach === 'Confirmed_In_Decision_Body');
}

/**
 * Scores a C139 scorecard (contract v1.1) with the Opportunity's stakeholder assessments as evidence.
 * The stakeholders may be raw records, normalized stakeholders, or EvidenceFacts folded from them.
 * The political map (buildPoliticalMap of the same stakeholders and the Opportunity's links) adds
 * the link-based codes; without it the result is v1's.
 */
export function scoreScorecard(
    record: RawRecord,
    stakeholders: ReadonlyArray<RawRecord | NormalizedStakeholder> | EvidenceFacts,
    options: ScoringOptions,
    map?: PoliticalMap
): ScorecardScore {
    const scorecard = normalizeScorecard(record);
    const facts = Array.isArray(stakeholders)
        ? evidenceFactsOf(
              (stakeholders as ReadonlyArray<RawRecord | NormalizedStakeholder>).map(asNormalizedStakeholder)
          )
        : (stakeholders as EvidenceFacts);
    const v = scorecard.values;

    const clearHalves = CLEAR_ELEMENTS.reduce((sum, e) => sum + (CLEAR_HALVES[v[e.field] ?? ''] ?? 0), 0);
    const firstHalves =
        FIRST_WEIGHT * FIRST_ELEMENTS.reduce((sum, e) => sum + (FIRST_HALVES[v[e.field] ?? ''] ?? 0), 0);
    const win = v[WIN.field];
    const winHalves = WIN_HALVES[win ?? ''] ?? 0;
    const coach = v[COACH.field];
    const factor = COACH_FACTOR_PERCENT[coach ?? 'No_Coach'];

    let score = controlScoreOf(clearHalves + firstHalves + winHalves, factor);
    let band = bandOfScore(score);
    const vetoApplied = win === 'Against';
    let gateApplied = false;
    if (vetoApplied) {
        score = Math.min(score, AGAINST_SCORE_CAP);
        band = 'Losing';
    } else if (band === 'Controlled' && !passesControlledGate(win, coach)) {
        band = 'Leading';
        gateApplied = true;
    }

    const codes = evidenceCodesOf(
        {
            coach,
            win,
            firstMajorityChoose: v.First_Majority_Choose__c,
            clearDecisionBody: v.Clear_Decision_Body__c,
            clearDecisionCriteria: v.Clear_Decision_Criteria__c
        },
        facts
    );
    codes.push(
        ...politicalEvidenceCodesOf({ coach, win, coachStakeholderId: scorecard.coachStakeholderId }, map)
    );
    codes.sort();

    return {
        scorecard,
        derived: {
            Clear_Points__c: clearHalves / 2,
            First_Points__c: firstHalves / 2,
            Win_Points__c: winHalves / 2,
            Coach_Factor__c: factor / 100,
            Control_Score__c: score,
            Control_Band__c: band,
            Band_Rank__c: bandDef(band).rank,
            Evidence_Codes__c: joinCodes(codes),
            Warning_Count__c: codes.length,
            Model_Version__c: MODEL_VERSION,
            Scored_At__c: options.scoredAt
        },
        findings: codes.map((code) => EVIDENCE[code]),
        gateApplied,
        vetoApplied,
        issues: scorecard.issues
    };
}
