import {
    BANDS,
    C139ElementDef,
    C139Group,
    C139_ELEMENTS,
    C139_GROUP_LABELS,
    C139_GROUP_PURPOSE,
    ControlBand,
    EvidenceDef,
    Lang,
    ScorecardScore,
    controlScoreOf,
    findValue
} from 'c/dealControlModel';
import { label } from './labels';
import { ScorecardValues } from './scorecardRecord';

export interface OptionView {
    readonly label: string;
    readonly value: string;
}

export interface FindingView {
    readonly code: string;
    readonly message: string;
    readonly action: string;
}

export interface ElementView {
    readonly field: string;
    readonly label: string;
    readonly help: string;
    /** Every value with its meaning, for the choice group. */
    readonly choices: ReadonlyArray<{
        readonly value: string;
        readonly label: string;
        readonly meaning: string;
    }>;
    readonly unknownLabel: string;
    readonly unknownMeaning: string;
    /** The chosen value, or null while not yet known. */
    readonly value: string | null;
    readonly nextStep: string;
    readonly findings: readonly FindingView[];
    readonly hasFindings: boolean;
    readonly error: string;
    /** The stored value beside the rep's own, after a conflict or a duplicate create. */
    readonly savedNote: string | null;
    readonly elementClass: string;
}

export interface GroupView {
    readonly group: C139Group;
    readonly heading: string;
    /** The group's heading with its points, for the jump links. */
    readonly jumpLabel: string;
    readonly purpose: string;
    readonly summary: string;
    /** The coach group also holds the choice of the coach's assessment. */
    readonly isCoach: boolean;
    readonly elements: readonly ElementView[];
}

export interface ScoreView {
    readonly score: number;
    readonly scoreText: string;
    readonly band: ControlBand;
    readonly bandText: string;
    readonly bandMeaning: string;
    readonly bandClass: string;
    readonly bandIcon: string;
    readonly bandIconVariant: string;
    readonly formula: string;
    readonly gateText: string | null;
    readonly vetoText: string | null;
    readonly findingsText: string;
    readonly groupSummaries: ReadonlyArray<{ readonly group: C139Group; readonly text: string }>;
}

const GROUP_ORDER: readonly C139Group[] = ['Coach', 'Win', 'First', 'Clear'];
const GROUP_MAX_POINTS: Readonly<Record<Exclude<C139Group, 'Coach'>, number>> = {
    Win: 9,
    First: 9,
    Clear: 9
};

/**
 * Colour backs up the band's text and icon, never replaces them: greens for the two bands where we
 * lead, amber for contested, orange and red for behind and losing (band_* in c139Scorecard.css).
 */
const BAND_STYLE: Readonly<Record<ControlBand, { icon: string; iconVariant: string }>> = {
    Controlled: { icon: 'utility:success', iconVariant: 'inverse' },
    Leading: { icon: 'utility:trending', iconVariant: 'success' },
    Contested: { icon: 'utility:warning', iconVariant: '' },
    Behind: { icon: 'utility:arrowdown', iconVariant: '' },
    Losing: { icon: 'utility:error', iconVariant: 'inverse' }
};

function formatFactor(factor: number): string {
    return factor.toFixed(2);
}

function groupPoints(score: ScorecardScore, group: C139Group): number {
    const d = score.derived;
    if (group === 'Win') return d.Win_Points__c;
    if (group === 'First') return d.First_Points__c;
    return d.Clear_Points__c;
}

function groupSummary(score: ScorecardScore, group: C139Group, lang: Lang): string {
    if (group === 'Coach')
        return label('coachFactor', lang, { factor: formatFactor(score.derived.Coach_Factor__c) });
    return label('groupPoints', lang, { points: groupPoints(score, group), max: GROUP_MAX_POINTS[group] });
}

function elementLabel(def: C139ElementDef, lang: Lang): string {
    const text = def.label[lang];
    return def.group === 'First' || def.group === 'Clear' ? `${def.position}. ${text}` : text;
}

function valueLabel(def: C139ElementDef, value: string | null, lang: Lang): string {
    return findValue(def, value)?.label[lang] ?? label('unknownOption', lang);
}

function elementView(
    def: C139ElementDef,
    values: ScorecardValues,
    saved: ScorecardValues | null,
    findings: readonly EvidenceDef[],
    fieldErrors: Readonly<Record<string, string>>,
    lang: Lang
): ElementView {
    const value = values[def.field] ?? null;
    const chosen = findValue(def, value);
    // While the value is unknown, the guidance of the first step up tells the rep what to find out.
    const guidance = chosen ? chosen.guidance[lang] : def.values[0].guidance[lang];
    const own = findings
        .filter((f) => f.claimField === def.field)
        .map((f) => ({
            code: f.code,
            message: f.message[lang],
            action: label('suggestedAction', lang, { text: f.action[lang] })
        }));
    const savedValue = saved ? (saved[def.field] ?? null) : null;
    const differsFromSaved = saved !== null && savedValue !== value;
    const error = fieldErrors[def.field] ?? null;
    return {
        field: def.field,
        label: elementLabel(def, lang),
        help: def.help[lang],
        choices: def.values.map((v) => ({
            value: v.value,
            label: v.label[lang],
            meaning: v.description[lang]
        })),
        unknownLabel: label('unknownOption', lang),
        unknownMeaning: def.blankMeans[lang],
        value: chosen ? chosen.value : null,
        nextStep: label('nextStep', lang, { text: guidance }),
        findings: own,
        hasFindings: own.length > 0,
        error: error ?? '',
        savedNote: differsFromSaved
            ? label('savedValue', lang, { value: valueLabel(def, savedValue, lang) })
            : null,
        // The claim and the evidence against it sit side by side where there is room (CSS).
        elementClass: own.length > 0 ? 'element element_questioned' : 'element'
    };
}

/**
 * The 14 elements grouped Coach / Win / First / Clear, each with its meaning, the rep's next step,
 * the evidence findings that question it and any error the server reported for it.
 */
export function groupViews(
    values: ScorecardValues,
    score: ScorecardScore,
    lang: Lang,
    fieldErrors: Readonly<Record<string, string>>,
    saved: ScorecardValues | null
): GroupView[] {
    return GROUP_ORDER.map((group) => ({
        group,
        heading: C139_GROUP_LABELS[group][lang],
        jumpLabel: label('groupSummaryLine', lang, {
            group: C139_GROUP_LABELS[group][lang],
            summary: groupSummary(score, group, lang)
        }),
        purpose: C139_GROUP_PURPOSE[group][lang],
        summary: groupSummary(score, group, lang),
        isCoach: group === 'Coach',
        elements: C139_ELEMENTS.filter((def) => def.group === group).map((def) =>
            elementView(def, values, saved, score.findings, fieldErrors, lang)
        )
    }));
}

export function scoreView(score: ScorecardScore, lang: Lang): ScoreView {
    const d = score.derived;
    const band = BANDS.find((b) => b.band === d.Control_Band__c)!;
    const points = d.Clear_Points__c + d.First_Points__c + d.Win_Points__c;
    return {
        score: d.Control_Score__c,
        scoreText: label('scoreOutOf', lang, { score: d.Control_Score__c }),
        band: band.band,
        bandText: label('bandLabel', lang, { band: band.label[lang] }),
        bandMeaning: band.meaning[lang],
        bandClass: `band band_${band.band}`,
        bandIcon: BAND_STYLE[band.band].icon,
        bandIconVariant: BAND_STYLE[band.band].iconVariant,
        // Before the veto cap, so the rep sees what the answers alone are worth.
        formula: label('formula', lang, {
            points,
            factor: formatFactor(d.Coach_Factor__c),
            score: controlScoreOf(Math.round(points * 2), Math.round(d.Coach_Factor__c * 100))
        }),
        gateText: score.gateApplied ? label('gateApplied', lang) : null,
        vetoText: score.vetoApplied ? label('vetoApplied', lang) : null,
        findingsText:
            score.findings.length > 0
                ? label('findingsCount', lang, { count: score.findings.length })
                : label('noFindings', lang),
        groupSummaries: GROUP_ORDER.map((group) => ({
            group,
            text: label('groupSummaryLine', lang, {
                group: C139_GROUP_LABELS[group][lang],
                summary: groupSummary(score, group, lang)
            })
        }))
    };
}

export function bandLabelOf(band: string | null | undefined, lang: Lang): string {
    return BANDS.find((b) => b.band === band)?.label[lang] ?? '';
}
