import { NARROW_BELOW, WIDE_FROM, watchWidth, widthClassOf } from 'c/containerWidth';

describe('containerWidth', () => {
    it('tells a phone (390), a record page main column (840) and a medium box apart', () => {
        expect(widthClassOf(390)).toBe('narrow');
        expect(widthClassOf(NARROW_BELOW - 1)).toBe('narrow');
        expect(widthClassOf(NARROW_BELOW)).toBe('medium');
        expect(widthClassOf(WIDE_FROM)).toBe('wide');
        expect(widthClassOf(840)).toBe('wide');
    });

    it('reports changes of the width class only, and nothing before layout', () => {
        let callback: (entries: unknown[]) => void = () => undefined;
        const disconnect = jest.fn();
        (globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
            constructor(cb: (entries: unknown[]) => void) {
                callback = cb;
            }
            observe(): void {}
            disconnect = disconnect;
        };
        const seen: string[] = [];
        const stop = watchWidth(document.createElement('div'), (w) => seen.push(w));
        callback([{ contentRect: { width: 0 } }]);
        callback([{ contentRect: { width: 840 } }]);
        callback([{ contentRect: { width: 830 } }]);
        callback([{ contentRect: { width: 390 } }]);
        expect(seen).toEqual(['wide', 'narrow']);
        stop();
        expect(disconnect).toHaveBeenCalled();
        delete (globalThis as unknown as { ResizeObserver?: unknown }).ResizeObserver;
    });

    it('keeps the default layout where ResizeObserver does not exist', () => {
        const seen: string[] = [];
        const stop = watchWidth(document.createElement('div'), (w) => seen.push(w));
        expect(seen).toEqual([]);
        expect(stop()).toBeUndefined();
    });
});
