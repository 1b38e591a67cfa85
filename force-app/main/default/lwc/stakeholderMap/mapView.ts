// What the political map shows, computed once when the data arrives: every person and line as
// drawn (position, colour, marks) and as text (the accessible names and the list view), so the
// picture and the list always say the same thing.
import {
    ATTITUDE_TO_US,
    CONTACT_CLOSENESS,
    INFLUENCE,
    LINK_ISSUES,
    LINK_SENTENCES,
    LINK_STRENGTH,
    Lang,
    NormalizedLink,
    NormalizedStakeholder,
    PoliticalMap,
    ROLE,
    SUPPORT_INDEX,
    findValue,
    opposingPullersOf,
    recordKey
} from 'c/dealControlModel';
import { DEFAULT_LAYOUT_OPTIONS, MapLayout, layoutMap } from './mapLayout';
import { emsOf, fitLabel, lineShape, radiusOf, strokeOf } from './mapGeometry';
import { LabelKey, format } from './labels';

type Labels = Record<LabelKey, string>;

/** How many ems of a name fit under a person (the slot is 120 units, names are 12 units high). */
const LABEL_EMS = 8.5;
/** The drawing's margin, so rings and arrowheads at the edges are not cut off. */
const MARGIN = 8;

export interface PersonView {
    id: string;
    key: string;
    name: string;
    /** The name as it fits under the circle. */
    label: string;
    transform: string;
    r: number;
    ringR: number;
    focusR: number;
    labelY: number;
    /** Where the marks sit: the star above the circle on the left, the coach's diamond on the right. */
    starTransform: string;
    coachTransform: string;
    className: string;
    supportText: string;
    /** The support number's class: dark or light on the attitude's colour. */
    numberClass: string;
    topDecisionMaker: boolean;
    decisionBody: boolean;
    coach: boolean;
    ariaLabel: string;
    /** The same facts as one line of text, for the list view. */
    facts: string;
    pulledBy: string;
    /** Someone against us pulls on this person (INFLUENCED_AGAINST): a red mark below the circle. */
    pulled: boolean;
    pulledTransform: string;
    hasGap: boolean;
}

export interface LineView {
    id: string;
    d: string;
    arrow: string;
    hasArrow: boolean;
    className: string;
    strokeWidth: number;
    sentence: string;
    ariaLabel: string;
    changeLabel: string;
}

export interface BandView {
    key: string;
    title: string;
    x: number;
    width: number;
    height: number;
    titleX: number;
    hasTitle: boolean;
}

export interface ListGroup {
    key: string;
    title: string;
    people: PersonView[];
}

export interface MapView {
    width: number;
    height: number;
    viewBox: string;
    bands: BandView[];
    people: PersonView[];
    lines: LineView[];
    groups: ListGroup[];
    /** Lines the map cannot use or place, each with what to do. */
    notes: string[];
}

function nameOf(s: NormalizedStakeholder | undefined, L: Labels): string {
    return s?.name?.trim() || L.unnamed;
}

function labelOf(def: typeof ROLE, value: string | null, lang: Lang, L: Labels): string {
    return findValue(def, value)?.label[lang] ?? L.unknown;
}

function supportTextOf(attitude: string | null): string {
    const index = attitude === null ? undefined : SUPPORT_INDEX[attitude];
    if (index === undefined) return '?';
    return index > 0 ? `+${index}` : String(index);
}

/** One line as a sentence with its people's names ("王丽 influences 王建"). */
export function sentenceOf(link: NormalizedLink, map: PoliticalMap, lang: Lang, L: Labels): string {
    const person = (id: string) => nameOf(map.people.get(recordKey(id)), L);
    return format(LINK_SENTENCES[link.type][lang], { from: person(link.from), to: person(link.to) });
}

function personView(
    s: NormalizedStakeholder,
    placed: { key: string; x: number; y: number },
    map: PoliticalMap,
    coachKey: string | null,
    lang: Lang,
    L: Labels
): PersonView {
    const name = nameOf(s, L);
    const r = radiusOf(s.influence);
    const coach = coachKey !== null && placed.key === coachKey;
    const attitudeKnown = findValue(ATTITUDE_TO_US, s.attitudeToUs) !== undefined;
    const noContact = s.contactCloseness === 'No_Contact';
    const support = supportTextOf(attitudeKnown ? s.attitudeToUs : null);
    const marks = [
        s.role ? labelOf(ROLE, s.role, lang, L) : null,
        s.topDecisionMaker ? L.topDecisionMaker : null,
        s.decisionBodyMember ? L.decisionBody : null,
        coach ? L.coach : null
    ];
    const attitudeLabel = labelOf(ATTITUDE_TO_US, s.attitudeToUs, lang, L);
    const contact = noContact
        ? L.noContact
        : format(L.contactFact, { value: labelOf(CONTACT_CLOSENESS, s.contactCloseness, lang, L) });
    const influence = format(L.influenceFact, { value: labelOf(INFLUENCE, s.influence, lang, L) });
    const facts = [
        ...marks,
        attitudeKnown
            ? format(L.attitudeFact, {
                  value: format(L.supportValue, { label: attitudeLabel, index: support })
              })
            : L.attitudeUnknown,
        influence,
        contact
    ]
        .filter((fact): fact is string => fact !== null)
        .join(L.factSeparator);
    // On the map a person is reached alone, so the name carries the camp; it begins with what the
    // circle shows (name and support number), as a button's visible text must be part of its name.
    const pullers = opposingPullersOf(map, s.id).map((p) => nameOf(p, L));
    const pulledBy = pullers.length > 0 ? format(L.pulledBy, { names: pullers.join(L.listSeparator) }) : '';
    const spoken = [
        ...marks,
        attitudeKnown ? format(L.attitudeFact, { value: attitudeLabel }) : L.attitudeUnknown,
        influence,
        contact,
        s.camp ? format(L.campFact, { value: s.camp }) : null,
        pulledBy || null
    ]
        .filter((fact): fact is string => fact !== null)
        .join(L.factSeparator);
    return {
        id: s.id!,
        key: placed.key,
        name,
        label: fitLabel(name, LABEL_EMS),
        transform: `translate(${placed.x} ${placed.y})`,
        r,
        ringR: r + 5,
        focusR: r + 10,
        labelY: r + 20,
        starTransform: `translate(${-r - 4} ${-r - 4})`,
        coachTransform: `translate(${r + 4} ${-r - 4})`,
        className: [
            'person',
            `attitude_${attitudeKnown ? s.attitudeToUs : 'unknown'}`,
            noContact ? 'no-contact' : '',
            attitudeKnown ? '' : 'attitude-gap'
        ]
            .filter(Boolean)
            .join(' '),
        supportText: support,
        numberClass: `support number_${attitudeKnown ? s.attitudeToUs : 'unknown'}`,
        topDecisionMaker: s.topDecisionMaker,
        decisionBody: s.decisionBodyMember,
        coach,
        ariaLabel: format(L.personSummary, { name: `${name} ${support}`, facts: spoken }),
        facts,
        pulledBy,
        pulled: pulledBy !== '',
        pulledTransform: `translate(${r + 4} ${r - 2})`,
        hasGap: !attitudeKnown || noContact
    };
}

function pairKey(link: NormalizedLink): string {
    return [recordKey(link.from), recordKey(link.to)].sort().join('|');
}

function lineViews(map: PoliticalMap, layout: MapLayout, lang: Lang, L: Labels): LineView[] {
    const placed = new Map(layout.people.map((p) => [p.key, p]));
    const perPair = new Map<string, NormalizedLink[]>();
    for (const link of map.links) perPair.set(pairKey(link), [...(perPair.get(pairKey(link)) ?? []), link]);
    return map.links.flatMap((link, index) => {
        const from = placed.get(recordKey(link.from));
        const to = placed.get(recordKey(link.to));
        if (!from || !to) return [];
        const pair = perPair.get(pairKey(link))!;
        // Everyone else on the map, with their ring and name, is in the line's way.
        const obstacles = layout.people
            .filter((p) => p !== from && p !== to)
            .map((p) => ({ x: p.x, y: p.y + 6, r: radiusOf(p.person.influence) + 12 }));
        const shape = lineShape(
            from,
            to,
            radiusOf(from.person.influence) + 5,
            radiusOf(to.person.influence) + 5,
            link.type,
            pair.indexOf(link),
            pair.length,
            obstacles
        );
        const sentence = sentenceOf(link, map, lang, L);
        const strength = findValue(LINK_STRENGTH, link.strength)!.label[lang];
        return [
            {
                id: link.id ?? `line-${index}`,
                d: shape.d,
                arrow: shape.arrow,
                hasArrow: shape.arrow !== '',
                className: `line type_${link.type} strength_${link.strength}`,
                strokeWidth: strokeOf(link.strength),
                sentence,
                ariaLabel: format(L.lineSummary, {
                    sentence,
                    strength: format(L.strengthFact, { value: strength })
                }),
                changeLabel: format(L.changeLink, { sentence })
            }
        ];
    });
}

/** Everything the map and its list view show, for one deal. */
export function buildMapView(
    map: PoliticalMap,
    coachId: string | null | undefined,
    lang: Lang,
    L: Labels
): MapView {
    const knownCamps = map.stakeholders.some((s) => s.camp !== null);
    // Camp names are drawn at 12 units, bold: a band is at least as wide as its name.
    const layout = layoutMap(map.stakeholders, map.links, {
        ...DEFAULT_LAYOUT_OPTIONS,
        bandTitleWidth: (camp) => (knownCamps ? Math.ceil(emsOf(camp ?? L.campUnknown) * 13) + 20 : 0)
    });
    const coachKey = coachId?.trim() ? recordKey(coachId.trim()) : null;
    const people = layout.people.map((p) => personView(p.person, p, map, coachKey, lang, L));
    const bands = layout.bands.map((band, index) => ({
        key: `band-${index}`,
        title: band.camp ?? L.campUnknown,
        x: band.x + 2,
        width: band.width - 4,
        height: layout.height - 2,
        titleX: band.x + 10,
        hasTitle: knownCamps
    }));
    const groups = layout.bands.map((band, index) => ({
        key: `group-${index}`,
        title: band.camp ?? L.campUnknown,
        people: people.filter((_p, i) => layout.people[i].band === index)
    }));
    const notes = [
        ...layout.circularReports.map((link) =>
            format(L.circularReport, {
                sentence: sentenceOf(link as NormalizedLink, map, lang, L)
            })
        ),
        ...map.issues
            .filter((i) => i.ignoresLink)
            .map((i) => `${LINK_ISSUES[i.code].message[lang]} ${LINK_ISSUES[i.code].action[lang]}`)
    ];
    const width = layout.width + 2 * MARGIN;
    const height = layout.height + 2 * MARGIN;
    return {
        width,
        height,
        viewBox: `${-MARGIN} ${-MARGIN} ${width} ${height}`,
        bands,
        people,
        lines: lineViews(map, layout, lang, L),
        groups,
        notes: [...new Set(notes)]
    };
}
