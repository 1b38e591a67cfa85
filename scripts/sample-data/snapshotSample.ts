/**
 * Generates the snapshot history of the sample data (`npm run sample:snapshots`): weekly control
 * snapshots over 120 days for the open sample deals that have a scorecard, and a set of closed deals
 * with their snapshots before close, so the trend report and the calibration have something to show.
 * Deterministic (a fixed seed, no clock): data/Opportunity_Closed.json and
 * data/Control_Snapshot__c.json must be exactly what this writes, and a test checks that they are.
 *
 * Snapshots are history: they carry the model version and scores of the day they were taken, not
 * whatever the model says today, so nothing here reads the model or the other sample files.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { seededRandom } from '../shared/seededRandom';

/** The day the sample was scored; the open deals' histories end here. */
export const SAMPLE_DAY = '2026-11-26';
/** The model that scored the sample history. */
export const SAMPLE_MODEL_VERSION = 'C139-v1.0.0';
export const CLOSED_OPPORTUNITY_FILE = 'Opportunity_Closed.json';
export const SNAPSHOT_FILE = 'Control_Snapshot__c.json';

const DAY_MS = 86_400_000;
const HISTORY_DAYS = 120;
const WEEK = 7;

type Band = 'Controlled' | 'Leading' | 'Contested' | 'Behind' | 'Losing';
const BAND_RANK: Readonly<Record<Band, number>> = {
    Controlled: 5,
    Leading: 4,
    Contested: 3,
    Behind: 2,
    Losing: 1
};

/** Stages of the default sales process with their default probability and forecast category. */
const STAGES = [
    ['Prospecting', 10],
    ['Qualification', 10],
    ['Needs Analysis', 20],
    ['Value Proposition', 50],
    ['Id. Decision Makers', 60],
    ['Perception Analysis', 70],
    ['Proposal/Price Quote', 75],
    ['Negotiation/Review', 90]
] as const;
const stageIndex = (name: string) => STAGES.findIndex(([stage]) => stage === name);

const toDay = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const toIso = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The band of a score by the model's thresholds; Controlled only where its gate (Win = Yes, confirmed coach) held. */
function bandOf(score: number, controlledGate: boolean, againstVeto = false): Band {
    if (againstVeto) return 'Losing';
    if (score >= 80) return controlledGate ? 'Controlled' : 'Leading';
    if (score >= 60) return 'Leading';
    if (score >= 40) return 'Contested';
    if (score >= 20) return 'Behind';
    return 'Losing';
}

interface OpenDeal {
    readonly ref: string;
    /** Last day of its 120-day history. */
    readonly until: string;
    readonly amount: number;
    readonly closeDate: string;
    /** Stage 120 days before `until`, and now. */
    readonly stages: readonly [string, string];
    /** Score 120 days before `until`, and the score the model gave the sample scorecard. */
    readonly scores: readonly [number, number];
    readonly coachFactor: number;
    readonly warnings: number;
    readonly controlledGate: boolean;
    /** Win = Against from this many weeks before the end: the veto caps score and band. */
    readonly vetoWeeks?: number;
}

/**
 * The open sample deals with a scorecard (Blue River has none, so no snapshots), ending at the score,
 * band, coach factor and warnings the model gives their scorecards. The Vitamin Group case study
 * ran in 2008: its history ends three months before its close date.
 */
const OPEN_DEALS: readonly OpenDeal[] = [
    {
        ref: 'OpportunityRef1',
        until: '2008-06-30',
        amount: 3000000,
        closeDate: '2008-09-30',
        stages: ['Needs Analysis', 'Proposal/Price Quote'],
        scores: [31, 47],
        coachFactor: 0.75,
        warnings: 2,
        controlledGate: false
    },
    {
        ref: 'OpportunityRef2',
        until: SAMPLE_DAY,
        amount: 800000,
        closeDate: '2027-03-31',
        stages: ['Id. Decision Makers', 'Negotiation/Review'],
        scores: [62, 100],
        coachFactor: 1,
        warnings: 0,
        controlledGate: true
    },
    {
        ref: 'OpportunityRef3',
        until: SAMPLE_DAY,
        amount: 450000,
        closeDate: '2027-04-30',
        stages: ['Value Proposition', 'Proposal/Price Quote'],
        scores: [55, 80],
        coachFactor: 1,
        warnings: 1,
        controlledGate: false
    },
    {
        ref: 'OpportunityRef4',
        until: SAMPLE_DAY,
        amount: 600000,
        closeDate: '2027-06-30',
        stages: ['Prospecting', 'Qualification'],
        scores: [18, 28],
        coachFactor: 0.75,
        warnings: 3,
        controlledGate: false
    },
    {
        ref: 'OpportunityRef5',
        until: SAMPLE_DAY,
        amount: 2500000,
        closeDate: '2027-02-28',
        stages: ['Value Proposition', 'Perception Analysis'],
        scores: [41, 10],
        coachFactor: 0.5,
        warnings: 0,
        controlledGate: false,
        vetoWeeks: 5
    },
    {
        ref: 'OpportunityRef6',
        until: SAMPLE_DAY,
        amount: 350000,
        closeDate: '2027-05-31',
        stages: ['Needs Analysis', 'Value Proposition'],
        scores: [38, 53],
        coachFactor: 0.9,
        warnings: 1,
        controlledGate: false
    },
    {
        ref: 'OpportunityRef7',
        until: SAMPLE_DAY,
        amount: 1200000,
        closeDate: '2027-09-30',
        stages: ['Qualification', 'Id. Decision Makers'],
        scores: [35, 44],
        coachFactor: 0.75,
        warnings: 1,
        controlledGate: false
    }
];

/** Accounts of the sample the closed deals belong to, with a short name for deal names. */
const ACCOUNTS: ReadonlyArray<readonly [string, string]> = [
    ['AccountRef3', 'Harbor Logistics'],
    ['AccountRef4', 'Northwind Foods'],
    ['AccountRef5', 'Sunrise Textiles'],
    ['AccountRef6', 'Pacific Metals'],
    ['AccountRef7', 'Greenfield Pharma'],
    ['AccountRef8', 'Lakeside Bank'],
    ['AccountRef9', 'Blue River Energy']
];
const PRODUCTS = [
    'ERP',
    'CRM',
    'WMS',
    'MES',
    'QMS',
    'HR suite',
    'BI platform',
    'TMS',
    'EAM',
    'PLM',
    'SRM',
    'DMS'
];

export const CLOSED_DEALS = 48;
/** Days before close of each closed deal's weekly snapshots (none once it closed). */
const BEFORE_CLOSE = [63, 56, 49, 42, 35, 28, 21, 14, 7];
/** Deals whose scorecard started late: no snapshot 30 days before close, so calibration leaves them out. */
const LATE_STARTERS = new Set([17, 40]);
const FIRST_CLOSE = '2026-01-09';
const CLOSE_EVERY_DAYS = 6;
export const SEED = 96;

type Json = Record<string, unknown>;

function snapshot(
    opportunity: string,
    day: number,
    values: {
        score: number;
        band: Band;
        coachFactor: number;
        warnings: number;
        stage: number;
        amount: number;
        closeDate: string;
    }
): Json {
    return {
        Opportunity__c: `@${opportunity}`,
        Snapshot_Date__c: toIso(day),
        Control_Score__c: values.score,
        Control_Band__c: values.band,
        Band_Rank__c: BAND_RANK[values.band],
        Coach_Factor__c: values.coachFactor,
        Warning_Count__c: values.warnings,
        Model_Version__c: SAMPLE_MODEL_VERSION,
        Stage_Name__c: STAGES[values.stage][0],
        Probability__c: STAGES[values.stage][1],
        Amount__c: values.amount,
        Close_Date__c: values.closeDate,
        Forecast_Category__c: 'Pipeline'
    };
}

function openDealSnapshots(deal: OpenDeal, next: () => number): Json[] {
    const end = toDay(deal.until);
    const weeks = Math.floor((HISTORY_DAYS - 1) / WEEK);
    const [fromStage, toStage] = deal.stages.map(stageIndex);
    const out: Json[] = [];
    for (let w = weeks; w >= 0; w -= 1) {
        const progress = (weeks - w) / weeks;
        const vetoed = deal.vetoWeeks !== undefined && w < deal.vetoWeeks;
        const wiggle = w === 0 ? 0 : Math.round((next() - 0.5) * 8);
        const trend = Math.round(deal.scores[0] + (deal.scores[1] - deal.scores[0]) * progress) + wiggle;
        const score = Math.max(0, Math.min(vetoed ? 10 : 100, w === 0 ? deal.scores[1] : trend));
        out.push(
            snapshot(deal.ref, end - w * WEEK, {
                score,
                band: bandOf(score, deal.controlledGate, vetoed),
                coachFactor: deal.coachFactor,
                warnings: deal.warnings,
                stage: Math.round(fromStage + (toStage - fromStage) * progress),
                amount: deal.amount,
                closeDate: deal.closeDate
            })
        );
    }
    return out;
}

export interface SnapshotSample {
    readonly closedOpportunities: Json[];
    readonly snapshots: Json[];
}

export function generateSnapshotSample(seed: number = SEED): SnapshotSample {
    const next = seededRandom(seed);
    const snapshots: Json[] = OPEN_DEALS.flatMap((deal) => openDealSnapshots(deal, next));
    const closedOpportunities: Json[] = [];
    for (let i = 0; i < CLOSED_DEALS; i += 1) {
        const ref = `ClosedOpportunityRef${i + 1}`;
        const [account, accountName] = ACCOUNTS[i % ACCOUNTS.length];
        const closeDay = toDay(FIRST_CLOSE) + i * CLOSE_EVERY_DAYS;
        const closeDate = toIso(closeDay);
        // How much of the deal we really controlled; the outcome follows it, with luck either way.
        const control = 5 + Math.round(next() * 92);
        const won = next() < 0.06 + 0.86 * (control / 100) ** 1.3;
        const amount = 100000 + Math.round(next() * 40) * 25000;
        const gate = next() < 0.75;
        const coachFactor = control >= 70 ? 1 : control >= 50 ? 0.9 : control >= 30 ? 0.75 : 0.5;
        const warnings = control >= 70 ? 0 : Math.floor(next() * 3);
        // The stage moves with the calendar more than with control: a weaker predictor.
        const firstStage = 2 + Math.floor(next() * 3) + (control > 55 && next() < 0.5 ? 1 : 0);
        closedOpportunities.push({
            attributes: { type: 'Opportunity', referenceId: ref },
            Name: `${accountName} ${PRODUCTS[i % PRODUCTS.length]} ${closeDate.slice(0, 4)} #${i + 1}`,
            AccountId: `@${account}`,
            StageName: won ? 'Closed Won' : 'Closed Lost',
            CloseDate: closeDate,
            Amount: amount,
            Description:
                'Sample history for calibration: a closed deal and its weekly control snapshots before close.'
        });
        for (const daysBefore of BEFORE_CLOSE) {
            if (LATE_STARTERS.has(i) && daysBefore > 21) continue;
            const weeksBefore = daysBefore / WEEK;
            // Closer to the end the score drifts toward the outcome the rep starts to see.
            const drift = Math.round((won ? 1 : -1) * (9 - weeksBefore) * 1.5 + (next() - 0.5) * 10);
            const score = Math.max(0, Math.min(100, control + drift));
            const stage = Math.min(STAGES.length - 1, firstStage + Math.floor((63 - daysBefore) / 14));
            snapshots.push(
                snapshot(ref, closeDay - daysBefore, {
                    score,
                    band: bandOf(score, gate),
                    coachFactor,
                    warnings,
                    stage,
                    amount,
                    closeDate
                })
            );
        }
    }
    const numbered = snapshots.map((fields, i) => ({
        attributes: { type: 'Control_Snapshot__c', referenceId: `SnapshotRef${i + 1}` },
        ...fields
    }));
    return { closedOpportunities, snapshots: numbered };
}

/** The tree-format file text, formatted as Prettier formats JSON. */
export function treeFileText(records: readonly Json[]): string {
    return `${JSON.stringify({ records }, null, 2)}\n`;
}

if (require.main === module) {
    const dataDir = path.resolve(__dirname, '../../data');
    const sample = generateSnapshotSample();
    writeFileSync(path.join(dataDir, CLOSED_OPPORTUNITY_FILE), treeFileText(sample.closedOpportunities));
    writeFileSync(path.join(dataDir, SNAPSHOT_FILE), treeFileText(sample.snapshots));
    process.stdout.write(
        `Wrote ${sample.closedOpportunities.length} closed Opportunities to data/${CLOSED_OPPORTUNITY_FILE} and ${sample.snapshots.length} snapshots to data/${SNAPSHOT_FILE}.\n`
    );
}
