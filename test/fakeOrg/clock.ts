/**
 * The org's clock: wall time by default, settable by tests, and strictly increasing, so two writes
 * never share a SystemModstamp and "modified since" comparisons are never ambiguous in tests.
 */
export class FakeClock {
    private offsetMs = 0;
    private lastMs = 0;

    /** The next timestamp (ISO 8601, UTC), later than every one handed out before. */
    tick(): string {
        let t = Date.now() + this.offsetMs;
        if (t <= this.lastMs) t = this.lastMs + 1;
        this.lastMs = t;
        return new Date(t).toISOString();
    }

    /** The current time without consuming a tick. */
    peek(): string {
        return new Date(Math.max(Date.now() + this.offsetMs, this.lastMs)).toISOString();
    }

    /** Moves the clock to a later time; it never goes back, as no real org's clock does. */
    set(iso: string): void {
        const target = Date.parse(iso);
        if (Number.isNaN(target)) throw new Error(`Not an ISO date-time: ${iso}`);
        if (target < this.lastMs) {
            throw new Error(
                `The clock only moves forward: ${iso} is before ${new Date(this.lastMs).toISOString()}`
            );
        }
        this.offsetMs = target - Date.now();
        this.lastMs = target - 1;
    }

    advance(ms: number): void {
        this.set(new Date(Math.max(Date.now() + this.offsetMs, this.lastMs) + ms).toISOString());
    }
}
