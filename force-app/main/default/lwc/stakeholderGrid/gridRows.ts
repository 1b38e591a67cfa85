// The multi-dimension summary as plain view data: rows, sort order, placeholders and the
// committee aggregate. Every judgement comes from the shared model (scoreStakeholder,
// summarizeStakeholders); this module only arranges and labels it.
import {
    ATTITUDE_BUCKETS,
    ATTITUDE_TO_US,
    FIVE_DIMENSIONS,
    INFLUENCE,
    INSIGHTS,
    Lang,
    contactRoleLabel,
    PicklistFieldDef,
    PoliticalMap,
    ROLE,
    findValue,
    scoreStakeholder,
    summarizeStakeholders
} from 'c/dealControlModel';
import { AssessmentRecord, DealSnapshot, unassessedContactRoles } from 'c/dealControlData';
import { INSIGHT_BADGES, LabelKey, format } from './labels';

export type SortKey = 'name' | 'role' | 'influence' | 'support' | 'completeness';
export type SortDirection = 'asc' | 'desc';

export interface Cell {
    key: string;
    text: string;
    isGap: boolean;
    className: string;
    /** The column header, repeated per cell for the stacked (phone) layout. */
    columnLabel: string;
    title: string;
}

export interface Row {
    id: string;
    name: string;
    title: string;
    role: Cell;
    isTopDecisionMaker: boolean;
    isDecisionBody: boolean;
    influence: Cell;
    /** The five dimensions; the table shows the first four as cells and the fifth through `support`. */
    dimensions: Cell[];
    /** Need, change, focus, contact: the dimension cells before attitude. */
    leadingDimensions: Cell[];
    /** Attitude to us with its support index ("+1 Supporter"), or Gap. */
    support: Cell;
    /** The unknown dimensions in one line ("Gaps: Dominant need, Decision focus"). */
    gapsText: string;
    hasGaps: boolean;
    /** Role and influence in one line for a card ("VP in charge · Influence: High"). */
    cardLine: string;
    /** The person's camp in the rep's words ("Camp: the CFO's side"), '' when not yet known. */
    campText: string;
    hasCamp: boolean;
    /** Who pulls this person against us (INFLUENCED_AGAINST), names joined; '' when nobody does. */
    pullersText: string;
    insights: Array<{ code: string; label: string; message: string }>;
    hasInsights: boolean;
    editLabel: string;
    deleteLabel: string;
    record: AssessmentRecord;
    sort: { name: string; role: number; influence: number; support: number; completeness: number };
}

export interface Placeholder {
    id: string;
    contactId: string;
    name: string;
    title: string;
    roleText: string;
    assessLabel: string;
}

type Texts = Record<LabelKey, string>;

const GAP_CLASS = 'gap slds-text-color_error slds-text-title_caps';

function cell(def: PicklistFieldDef, raw: unknown, lang: Lang, texts: Texts): Cell {
    const values = Array.isArray(raw) ? raw : raw === null || raw === undefined ? [] : [raw];
    const labels = values
        .map((v) => findValue(def, String(v)))
        .filter((v) => v !== undefined)
        .map((v) => v!.label[lang]);
    const isGap = labels.length === 0;
    return {
        key: def.field,
        text: isGap ? texts.gap : labels.join(texts.listSeparator),
        isGap,
        className: isGap ? GAP_CLASS : '',
        columnLabel: def.label[lang],
        title: isGap ? def.blankMeans[lang] : labels.join(texts.listSeparator)
    };
}

/**
 * A column header from a model label: the label without its closing explanation in parentheses
 * ("主导需求（马斯洛需求层次）" heads its column as 主导需求), which would widen the column past a record
 * page's width; the header keeps the full label as its tooltip.
 */
export function columnHeading(label: string): string {
    return label.replace(/\s*[（(][^（()）]*[）)]\s*$/u, '') || label;
}

/** Rank in the model's order; unknown values sort after every known one. */
function rankOf(def: PicklistFieldDef, value: string | null): number {
    const index = value === null ? -1 : def.values.findIndex((v) => v.value === value);
    return index === -1 ? def.values.length : index;
}

/**
 * One row per assessment, scored live with the Opportunity's political map: the stored derived
 * fields may predate a link (the rescore and the next save bring them up to date), so the grid shows
 * what the model says now, as it always has.
 */
export function buildRows(
    assessments: readonly AssessmentRecord[],
    lang: Lang,
    texts: Texts,
    map?: PoliticalMap
): Row[] {
    return assessments.map((record) => {
        const score = scoreStakeholder(record, { scoredAt: '' }, map);
        const s = score.stakeholder;
        const pullersText = score.opposingPullers
            .map((p) => p.name ?? texts.unnamed)
            .join(texts.listSeparator);
        const supportIndex = score.derived.Support_Index__c;
        const attitude = findValue(ATTITUDE_TO_US, s.attitudeToUs);
        const name = record.Name ?? '';
        const dimensionValue: Record<string, unknown> = {
            Dominant_Need__c: s.dominantNeed,
            Change_Attitude__c: s.changeAttitude,
            Decision_Focus__c: s.decisionFocus,
            Contact_Closeness__c: s.contactCloseness,
            Attitude_To_Us__c: s.attitudeToUs
        };
        const supportText =
            supportIndex === null
                ? texts.gap
                : `${supportIndex > 0 ? '+' : ''}${supportIndex} ${attitude!.label[lang]}`;
        const dimensions = FIVE_DIMENSIONS.map((def) => cell(def, dimensionValue[def.field], lang, texts));
        const influence = cell(INFLUENCE, s.influence, lang, texts);
        const role = cell(ROLE, s.role, lang, texts);
        const gaps = dimensions.filter((d) => d.isGap).map((d) => d.columnLabel);
        return {
            id: record.Id,
            name,
            title: typeof record.Title__c === 'string' ? record.Title__c : '',
            role,
            isTopDecisionMaker: s.topDecisionMaker,
            isDecisionBody: s.decisionBodyMember,
            influence,
            dimensions,
            leadingDimensions: dimensions.slice(0, 4),
            gapsText:
                gaps.length > 0
                    ? format(texts.gapsLine, { list: gaps.join(texts.listSeparator) })
                    : texts.noGaps,
            hasGaps: gaps.length > 0,
            // A no-break space ties the separator to the text before it, so no line starts with it.
            cardLine: [
                role.isGap ? format(texts.roleLine, { value: role.text }) : role.text,
                format(texts.influenceLine, { value: influence.text })
            ].join('\u00a0· '),
            support: {
                key: 'support',
                text: supportText,
                isGap: supportIndex === null,
                className: supportIndex === null ? GAP_CLASS : '',
                columnLabel: texts.colAttitude,
                title: supportText
            },
            campText: s.camp === null ? '' : format(texts.campLine, { camp: s.camp }),
            hasCamp: s.camp !== null,
            pullersText,
            insights: score.insights.map((i) => {
                const pulled = i.code === 'INFLUENCED_AGAINST' && pullersText !== '';
                return {
                    code: i.code,
                    // The badge names who pulls: the first thing to know about this warning.
                    label: pulled
                        ? format(texts.pulledBy, { badge: INSIGHT_BADGES[i.code][lang], names: pullersText })
                        : INSIGHT_BADGES[i.code][lang],
                    message: `${INSIGHTS[i.code].message[lang]} ${INSIGHTS[i.code].action[lang]}`
                };
            }),
            hasInsights: score.insights.length > 0,
            editLabel: format(texts.editPerson, { name }),
            deleteLabel: format(texts.deletePerson, { name }),
            record,
            sort: {
                name,
                role: rankOf(ROLE, s.role),
                influence: rankOf(INFLUENCE, s.influence),
                // Most supportive first when descending; unknown attitude always last.
                support: supportIndex ?? Number.NEGATIVE_INFINITY,
                completeness: score.derived.Completeness__c
            }
        };
    });
}

/**
 * Sorts rows by one key. For role and influence "ascending" follows the model's order (chairman
 * first, high influence first); unknowns stay last in both directions so gaps never hide in the middle.
 */
export function sortRows(rows: readonly Row[], key: SortKey, direction: SortDirection, lang: Lang): Row[] {
    const sign = direction === 'asc' ? 1 : -1;
    const collator = new Intl.Collator(lang === 'zh' ? 'zh-CN' : 'en');
    const unknownLast = (row: Row): boolean =>
        (key === 'role' && row.role.isGap) ||
        (key === 'influence' && row.influence.isGap) ||
        (key === 'support' && row.support.isGap);
    return [...rows].sort((a, b) => {
        const gapA = unknownLast(a);
        const gapB = unknownLast(b);
        if (gapA !== gapB) return gapA ? 1 : -1;
        const byKey = key === 'name' ? collator.compare(a.sort.name, b.sort.name) : a.sort[key] - b.sort[key];
        return byKey !== 0 ? sign * byKey : collator.compare(a.sort.name, b.sort.name);
    });
}

/**
 * Contact Roles whose Contact has no assessment yet: the "not yet assessed" rows. The role is the
 * platform's stored value (English); standard values are shown in the user's language.
 */
export function buildPlaceholders(snapshot: DealSnapshot, texts: Texts, lang: Lang = 'en'): Placeholder[] {
    return unassessedContactRoles(snapshot).map((role) => {
        const name = role.ContactName ?? '';
        return {
            id: role.Id,
            contactId: role.ContactId,
            name,
            title: role.ContactTitle ?? '',
            roleText: role.Role ? format(texts.contactRole, { role: contactRoleLabel(role.Role, lang) }) : '',
            assessLabel: format(texts.assessPerson, { name })
        };
    });
}

export interface CommitteeView {
    weightedSupport: string;
    weightedSupportIsGap: boolean;
    supportiveOfBody: string;
    /** One entry per attitude bucket ("Mentor 2"), shown side by side without separator marks. */
    attitudeMix: Array<{ key: string; text: string }>;
    coverage: string;
    mentorPresent: string;
    mentorIsGap: boolean;
    topDmAttitude: string;
    topDmIsGap: boolean;
}

export function buildCommittee(
    assessments: readonly AssessmentRecord[],
    lang: Lang,
    texts: Texts
): CommitteeView {
    const summary = summarizeStakeholders(assessments);
    const attitudeLabel = (value: string | null): string =>
        findValue(ATTITUDE_TO_US, value)?.label[lang] ?? texts.unknown;
    const weighted = summary.weightedBodySupport;
    return {
        weightedSupport:
            weighted === null
                ? texts.unknown
                : `${weighted > 0 ? '+' : weighted < 0 ? '−' : ''}${Math.abs(weighted).toFixed(2)}`,
        weightedSupportIsGap: weighted === null,
        supportiveOfBody: format(texts.supportiveOfBody, {
            supportive: summary.supportiveBodyCount,
            total: summary.decisionBodyCount
        }),
        attitudeMix: ATTITUDE_BUCKETS.map((bucket) => ({
            key: bucket,
            text: `${bucket === 'Unknown' ? texts.unknown : attitudeLabel(bucket)} ${summary.byAttitude[bucket]}`
        })),
        coverage: format(texts.coverageValue, {
            complete: summary.completeCount,
            total: summary.stakeholderCount,
            percent: summary.coveragePercent ?? 0
        }),
        mentorPresent: summary.hasMentor ? texts.yes : texts.no,
        mentorIsGap: !summary.hasMentor,
        topDmAttitude: summary.hasTopDecisionMaker
            ? summary.topDecisionMakerAttitudes.map(attitudeLabel).join(texts.listSeparator)
            : texts.noTopDm,
        topDmIsGap: !summary.hasTopDecisionMaker || summary.topDecisionMakerAttitudes.includes(null)
    };
}
