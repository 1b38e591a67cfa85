// The drawing of the political map in numbers: how big a person is (influence), where a line runs
// between two people (curved apart when two lines join the same pair, arched over a row), and the
// arrowhead of a line that points one way. Computed here, not with SVG markers, because markers
// refer to element ids and ids inside a component's template are not the page's.
import { LinkType, SYMMETRIC_LINK_TYPES } from 'c/dealControlModel';

export interface Point {
    readonly x: number;
    readonly y: number;
}

/** Radius by influence: the people who weigh most are the biggest; unknown is drawn as Low. */
const RADIUS: Readonly<Record<string, number>> = { High: 26, Medium: 20, Low: 15 };
export const MIN_RADIUS = 15;
export const MAX_RADIUS = 26;

export function radiusOf(influence: string | null): number {
    return (influence !== null && RADIUS[influence]) || MIN_RADIUS;
}

/** Stroke width by strength (blank counts as Medium). */
const STROKE: Readonly<Record<string, number>> = { Strong: 4, Medium: 2.25, Weak: 1.25 };

export function strokeOf(strength: string): number {
    return STROKE[strength] ?? STROKE.Medium;
}

/** Lines between the same two people spread this far apart at their middle. */
const PARALLEL_SPACING = 22;
/** A line within one row arches this much above it (plus a share of its length). */
const ROW_ARCH = 34;

export interface LineShape {
    /** SVG path data: a quadratic curve trimmed at both people's circles. */
    readonly d: string;
    /** The arrowhead at the end, for lines that point one way; '' for allied and rival. */
    readonly arrow: string;
    /** A point on the curve's middle, for hit testing and focus. */
    readonly middle: Point;
}

const round = (n: number): number => Math.round(n * 10) / 10;

/** A person a line must not cross: their circle and a little room around it. */
export interface Obstacle extends Point {
    readonly r: number;
}

/** Extra bends tried, in order, to take a line round the people in its way. */
const DETOURS = [0, 30, -30, 60, -60, 90, -90, 120, -120];
const CLEARANCE = 6;

/** Whether the quadratic curve from a via c to b keeps clear of the obstacle's circle. */
function curveClears(a: Point, c: Point, b: Point, o: Obstacle): boolean {
    for (let i = 1; i < 24; i++) {
        const t = i / 24;
        const x = (1 - t) * (1 - t) * a.x + 2 * (1 - t) * t * c.x + t * t * b.x;
        const y = (1 - t) * (1 - t) * a.y + 2 * (1 - t) * t * c.y + t * t * b.y;
        if (Math.hypot(x - o.x, y - o.y) < o.r + CLEARANCE) return false;
    }
    return true;
}

function towards(from: Point, to: Point, distance: number): Point {
    const dx = to.x - from.x;
    const dy = to.y - from.y;
    const length = Math.hypot(dx, dy) || 1;
    return { x: from.x + (dx / length) * distance, y: from.y + (dy / length) * distance };
}

/**
 * The curve of the `index`-th of `count` lines between two people. The bend is perpendicular to
 * the straight line, signed by the order of the ends so that A→B and B→A lines also spread apart.
 */
export function lineShape(
    from: Point,
    to: Point,
    fromRadius: number,
    toRadius: number,
    type: LinkType,
    index = 0,
    count = 1,
    obstacles: readonly Obstacle[] = []
): LineShape {
    const dx = to.x - from.x;
    const dy = to.y - from.y;
    const length = Math.hypot(dx, dy) || 1;
    // A stable normal for the pair, whichever end the line starts from.
    const flip = from.x < to.x || (from.x === to.x && from.y < to.y) ? 1 : -1;
    const nx = (-dy / length) * flip;
    const ny = (dx / length) * flip;
    let bend = (index - (count - 1) / 2) * PARALLEL_SPACING;
    // Within one row a straight line would run through the people between: arch it over them.
    if (Math.abs(dy) < 1) bend += (ROW_ARCH + length * 0.12) * (ny < 0 ? 1 : -1);
    const middle = { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 };
    const controlFor = (b: number) => ({ x: middle.x + nx * b * 2, y: middle.y + ny * b * 2 });
    // A line that would cross someone between its ends bends round them: the first bend, nearest
    // the planned one, whose curve keeps clear of everyone else (the planned one if none does).
    const clear = (b: number) => obstacles.every((o) => curveClears(from, controlFor(b), to, o));
    const detour = DETOURS.map((d) => bend + d).find(clear);
    if (detour !== undefined) bend = detour;
    const control = controlFor(bend);
    const directed = !SYMMETRIC_LINK_TYPES.includes(type);
    const head = directed ? 9 : 0;
    const start = towards(from, control, fromRadius + 2);
    const end = towards(to, control, toRadius + 2 + head);
    const tip = towards(to, control, toRadius + 2);
    const curveMiddle = {
        x: 0.25 * start.x + 0.5 * control.x + 0.25 * end.x,
        y: 0.25 * start.y + 0.5 * control.y + 0.25 * end.y
    };
    const d = `M ${round(start.x)} ${round(start.y)} Q ${round(control.x)} ${round(control.y)} ${round(end.x)} ${round(end.y)}`;
    return { d, arrow: directed ? arrowhead(end, tip) : '', middle: curveMiddle };
}

/** A filled triangle from the line's end (its base) to the tip at the person's circle. */
export function arrowhead(base: Point, tip: Point): string {
    const dx = tip.x - base.x;
    const dy = tip.y - base.y;
    const length = Math.hypot(dx, dy) || 1;
    const half = 5;
    const px = (-dy / length) * half;
    const py = (dx / length) * half;
    return `M ${round(tip.x)} ${round(tip.y)} L ${round(base.x + px)} ${round(base.y + py)} L ${round(base.x - px)} ${round(base.y - py)} Z`;
}

/**
 * A name cut to what fits under a person in the slot: Chinese characters count as one em, other
 * characters as about half. The full name stays in the accessible name and the tooltip.
 */
export function fitLabel(text: string, maxEms: number): string {
    const chars = [...text];
    if (emsOf(text) <= maxEms) return text;
    let used = 0;
    let out = '';
    for (const char of chars) {
        // Room for the ellipsis (one em) is kept.
        if (used + emsOf(char) > maxEms - 1) break;
        used += emsOf(char);
        out += char;
    }
    return `${out.trimEnd()}…`;
}

/** About how many ems a text takes: Chinese characters one each, others about half. */
export function emsOf(text: string): number {
    let ems = 0;
    for (const char of text) ems += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(char) ? 1 : 0.58;
    return ems;
}

/** The marks beside a person, centred on 0 0 (about 16 units across), shared with the legend. */
export const MARK_SHAPES = Object.freeze({
    star: 'M0 -8 L2.4 -2.5 L8 -2.5 L3.5 1 L5 7 L0 3.6 L-5 7 L-3.5 1 L-8 -2.5 L-2.4 -2.5 Z',
    diamond: 'M0 -7 L7 0 L0 7 L-7 0 Z',
    triangle: 'M0 -7 L7 6 L-7 6 Z'
});

/** A circle as path data, for legend icons drawn from one list of paths. */
export function circlePath(r: number): string {
    return `M ${-r} 0 A ${r} ${r} 0 1 0 ${r} 0 A ${r} ${r} 0 1 0 ${-r} 0 Z`;
}
