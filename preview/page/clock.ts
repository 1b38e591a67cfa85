// A fixed clock: the page starts at the fixture's "now" (the Jest tests' clock), so due dates,
// "today" and every saved time stamp are the same on every run. Time still advances from there,
// because debounces and animations in the base components measure elapsed time.
const RealDate = Date;
let offset = 0;

class PreviewDate extends RealDate {
    constructor(...args: unknown[]) {
        if (args.length === 0) super(RealDate.now() + offset);
        else super(...(args as [string]));
    }
    static override now(): number {
        return RealDate.now() + offset;
    }
}

/** Sets the clock to iso now (again for each showing of a component). */
export function startClockAt(iso: string): void {
    offset = RealDate.parse(iso) - RealDate.now();
    globalThis.Date = PreviewDate as DateConstructor;
}
