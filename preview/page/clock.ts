// A fixed clock: the page starts at the fixture's "now" (the Jest tests' clock), so due dates,
// "today" and every saved time stamp are the same on every run. Time still advances from there,
// because debounces and animations in the base components measure elapsed time.
export function startClockAt(iso: string): void {
    const RealDate = Date;
    const offset = RealDate.parse(iso) - RealDate.now();
    class PreviewDate extends RealDate {
        constructor(...args: unknown[]) {
            if (args.length === 0) super(RealDate.now() + offset);
            else super(...(args as [string]));
        }
        static override now(): number {
            return RealDate.now() + offset;
        }
    }
    globalThis.Date = PreviewDate as DateConstructor;
}
