// Where each person stands on the political map: rows by reporting line (a superior always above
// the people who report to them, top decision makers in the first row), columns grouped by camp (a
// band per camp, people without a camp last). Pure and deterministic: the same people and links in
// the same order always give the same picture, so a rep finds everyone where they left them.
import { CampGroup, LinkType, NormalizedStakeholder, campGroupsOf, recordKey } from 'c/dealControlModel';

/** A line as the layout needs it: only Reports_To lines decide the rows. */
export interface LayoutLink {
    readonly from: string;
    readonly to: string;
    readonly type: LinkType;
}

export interface LayoutOptions {
    /** Horizontal room per person: the largest node and its name label fit inside it. */
    readonly slotWidth: number;
    /** Vertical room per reporting level. */
    readonly rowHeight: number;
    /** Room above the first row for the camp names. */
    readonly headerHeight: number;
    /** Space between two camp bands. */
    readonly bandGap: number;
    /** The least width of a camp's band, so that its name fits above it (0: no name drawn). */
    readonly bandTitleWidth?: (camp: string | null) => number;
}

export const DEFAULT_LAYOUT_OPTIONS: LayoutOptions = Object.freeze({
    slotWidth: 120,
    rowHeight: 118,
    headerHeight: 30,
    bandGap: 16
});

export interface PlacedPerson {
    readonly person: NormalizedStakeholder;
    /** recordKey of the person's Id. */
    readonly key: string;
    /** Reporting level: 0 is the top row. */
    readonly level: number;
    /** Index of the person's camp band. */
    readonly band: number;
    /** Centre of the person's slot. */
    readonly x: number;
    readonly y: number;
}

export interface CampBand {
    /** The camp as first written; null for the people whose camp is not yet known. */
    readonly camp: string | null;
    readonly x: number;
    readonly width: number;
}

export interface MapLayout {
    /** Everyone with an Id, each once, in camp order, then row, then left to right. */
    readonly people: readonly PlacedPerson[];
    readonly bands: readonly CampBand[];
    readonly width: number;
    readonly height: number;
    readonly levels: number;
    /**
     * Reports_To lines left out of the rows because they close a reporting circle (A reports to B
     * reports to A): the map still draws them, the list view names them as a contradiction.
     */
    readonly circularReports: readonly LayoutLink[];
}

interface Graph {
    /** Person key → the keys of the people they report to (kept lines only). */
    readonly superiors: Map<string, string[]>;
    readonly circular: LayoutLink[];
}

/** Whether `target` is reachable from `start` going up the kept reporting lines. */
function reachesUp(
    superiors: ReadonlyMap<string, readonly string[]>,
    start: string,
    target: string
): boolean {
    const seen = new Set<string>();
    const stack = [start];
    while (stack.length > 0) {
        const key = stack.pop()!;
        if (key === target) return true;
        if (seen.has(key)) continue;
        seen.add(key);
        stack.push(...(superiors.get(key) ?? []));
    }
    return false;
}

/**
 * The reporting lines between people of the map, without circles. A line that would close a
 * circle is set aside; lines that make a top decision maker report to someone are tried last, so
 * that in a circle it is theirs that gives way and they stay on top.
 */
function reportingGraph(
    people: ReadonlyMap<string, NormalizedStakeholder>,
    links: readonly LayoutLink[]
): Graph {
    const reports = links.filter(
        (l) => l.type === 'Reports_To' && people.has(recordKey(l.from)) && people.has(recordKey(l.to))
    );
    const isTop = (l: LayoutLink) => (people.get(recordKey(l.from))!.topDecisionMaker ? 1 : 0);
    // Array.prototype.sort is stable: input order decides among equals.
    const ordered = [...reports].sort((a, b) => isTop(a) - isTop(b));
    const superiors = new Map<string, string[]>();
    const circular: LayoutLink[] = [];
    for (const link of ordered) {
        const child = recordKey(link.from);
        const parent = recordKey(link.to);
        const known = superiors.get(child) ?? [];
        if (known.includes(parent)) continue;
        if (child === parent || reachesUp(superiors, parent, child)) {
            circular.push(link);
            continue;
        }
        superiors.set(child, [...known, parent]);
    }
    return { superiors, circular };
}

/**
 * Reporting levels: a person below every superior; a person who reports to nobody in the top row
 * when they are a top decision maker (or when nobody is), else in the second row, under them.
 */
function levelsOf(
    people: ReadonlyMap<string, NormalizedStakeholder>,
    superiors: ReadonlyMap<string, readonly string[]>
): Map<string, number> {
    const anyTop = [...people.values()].some((p) => p.topDecisionMaker);
    const levels = new Map<string, number>();
    const levelOf = (key: string): number => {
        const known = levels.get(key);
        if (known !== undefined) return known;
        const ups = superiors.get(key) ?? [];
        const level =
            ups.length === 0
                ? people.get(key)!.topDecisionMaker || !anyTop
                    ? 0
                    : 1
                : Math.max(...ups.map(levelOf)) + 1;
        levels.set(key, level);
        return level;
    };
    for (const key of people.keys()) levelOf(key);
    return levels;
}

/** Lays out the people of one map; people without an Id cannot hold a line and are left out. */
export function layoutMap(
    stakeholders: readonly NormalizedStakeholder[],
    links: readonly LayoutLink[],
    options: LayoutOptions = DEFAULT_LAYOUT_OPTIONS
): MapLayout {
    const people = new Map<string, NormalizedStakeholder>();
    for (const s of stakeholders) {
        if (s.id !== null && s.id.trim() !== '' && !people.has(recordKey(s.id.trim()))) {
            people.set(recordKey(s.id.trim()), s);
        }
    }
    const order = new Map([...people.keys()].map((key, index) => [key, index]));
    const keyOf = (s: NormalizedStakeholder) => recordKey(s.id!.trim());
    const { superiors, circular } = reportingGraph(people, links);
    const levels = levelsOf(people, superiors);
    const levelCount = people.size === 0 ? 0 : Math.max(...levels.values()) + 1;
    const groups: CampGroup[] = campGroupsOf([...people.values()]);

    // Band geometry first (it depends only on how many people share a row), then the rows from the
    // top down, so that each person can be placed under superiors already placed in any band.
    const bandRows = groups.map((group) => {
        const rows: NormalizedStakeholder[][] = Array.from({ length: levelCount }, () => []);
        for (const s of group.stakeholders) rows[levels.get(keyOf(s))!].push(s);
        return rows;
    });
    const bands: CampBand[] = [];
    let bandX = 0;
    groups.forEach((group, band) => {
        const width = Math.max(
            Math.max(...bandRows[band].map((row) => row.length)) * options.slotWidth,
            options.bandTitleWidth?.(group.camp) ?? 0
        );
        bands.push({ camp: group.camp, x: bandX, width });
        bandX += width + options.bandGap;
    });

    const placed: PlacedPerson[] = [];
    const xOf = new Map<string, number>();
    /** The mean x of a person's superiors (all in rows above, so already placed); none: Infinity. */
    const pull = (s: NormalizedStakeholder): number => {
        const xs = (superiors.get(keyOf(s)) ?? []).map((k) => xOf.get(k)!);
        return xs.length === 0 ? Number.POSITIVE_INFINITY : xs.reduce((a, b) => a + b, 0) / xs.length;
    };
    const byPullThenInput = (a: NormalizedStakeholder, b: NormalizedStakeholder): number => {
        const pa = pull(a);
        const pb = pull(b);
        if (pa !== pb) return pa < pb ? -1 : 1;
        return order.get(keyOf(a))! - order.get(keyOf(b))!;
    };
    for (let level = 0; level < levelCount; level++) {
        bands.forEach((bandBox, band) => {
            const row = [...bandRows[band][level]].sort(byPullThenInput);
            const offset = (bandBox.width - row.length * options.slotWidth) / 2;
            row.forEach((person, index) => {
                const key = keyOf(person);
                const x = bandBox.x + offset + (index + 0.5) * options.slotWidth;
                const y = options.headerHeight + (level + 0.5) * options.rowHeight;
                xOf.set(key, x);
                placed.push({ person, key, level, band, x, y });
            });
        });
    }
    placed.sort((a, b) => a.band - b.band || a.level - b.level || a.x - b.x);
    return {
        people: placed,
        bands,
        width: Math.max(0, bandX - options.bandGap),
        height: levelCount === 0 ? 0 : options.headerHeight + levelCount * options.rowHeight,
        levels: levelCount,
        circularReports: circular
    };
}
