// Mounts the trend with a JSON fixture's points, as the scorecard hands them over.
import { createElement } from 'lwc';
import ControlTrend from 'c/controlTrend';
import { flushPromises } from 'test-utils/domHelpers';

export type TrendElement = HTMLElement & { points: unknown; days: number };

export async function mountTrend(points: unknown, days?: number): Promise<TrendElement> {
    const element = createElement('c-control-trend', { is: ControlTrend }) as TrendElement;
    element.points = points;
    if (days !== undefined) element.days = days;
    document.body.appendChild(element);
    await flushPromises();
    return element;
}

export function unmountAll(): void {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
}

/** The polyline's points as numbers, [[x, y], …]. */
export function linePoints(element: HTMLElement): number[][] {
    const line = element.shadowRoot!.querySelector('[data-id="line"]')!;
    return line
        .getAttribute('points')!
        .split(' ')
        .map((pair) => pair.split(',').map(Number));
}
