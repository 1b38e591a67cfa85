/**
 * Fault injection: tests queue faults that the server applies to the next matching requests, in
 * the order they were added. Each fault serves `times` requests, then is gone.
 */
export type FaultResponse =
    | 'http500'
    | 'http503'
    | 'resetConnection'
    | 'expiredSession'
    | 'requestLimitExceeded'
    | 'concurrentLimit'
    | 'unableToLockRow'
    | 'validationRule'
    | 'jobFailed'
    | 'truncatedPage'
    | 'slow';

export interface FaultSpec {
    /** Request kind (see RequestKind) or a pattern over kinds; omitted: any request it applies to. */
    kind?: string | RegExp;
    times: number;
    response: FaultResponse;
    /** Delay of a 'slow' fault (default 200 ms). */
    delayMs?: number;
    /**
     * Records an 'unableToLockRow' or 'validationRule' fault hits, by Id or (upserts) by external
     * key (default: every record of the request or job).
     */
    recordIds?: string[];
}

export interface ActiveFault {
    readonly response: FaultResponse;
    readonly delayMs: number;
    readonly recordIds?: ReadonlySet<string>;
}

/** Faults that change what a handler does rather than replace its response, and where they apply. */
const HANDLER_FAULTS: Partial<Record<FaultResponse, readonly string[]>> = {
    unableToLockRow: ['collectionsUpdate', 'collectionsUpsert', 'collectionsDelete', 'ingestClose'],
    validationRule: ['collectionsUpdate', 'collectionsUpsert', 'ingestClose'],
    jobFailed: ['bulkQueryCreate', 'ingestClose'],
    truncatedPage: ['bulkQueryResults']
};

export function isHandlerFault(response: FaultResponse): boolean {
    return HANDLER_FAULTS[response] !== undefined;
}

interface QueuedFault extends FaultSpec {
    remaining: number;
}

export class FaultInjector {
    private readonly queue: QueuedFault[] = [];

    add(spec: FaultSpec): void {
        if (!Number.isInteger(spec.times) || spec.times < 1) throw new Error('A fault needs times >= 1');
        const kinds = HANDLER_FAULTS[spec.response];
        if (kinds && typeof spec.kind === 'string' && !kinds.includes(spec.kind)) {
            throw new Error(`A ${spec.response} fault applies to ${kinds.join(' or ')}, not to ${spec.kind}`);
        }
        this.queue.push({ ...spec, remaining: spec.times });
    }

    /** Faults not yet used up, with how many requests each still affects. */
    pending(): Array<FaultSpec & { remaining: number }> {
        return this.queue.filter((f) => f.remaining > 0).map((f) => ({ ...f }));
    }

    clear(): void {
        this.queue.length = 0;
    }

    /**
     * Consumes the faults for one request: at most one 'slow' delay and at most one other fault,
     * each the earliest queued one that matches the kind.
     */
    take(kind: string): { slow?: ActiveFault; fault?: ActiveFault } {
        const result: { slow?: ActiveFault; fault?: ActiveFault } = {};
        for (const f of this.queue) {
            if (f.remaining <= 0 || !this.matches(f, kind)) continue;
            const slot = f.response === 'slow' ? 'slow' : 'fault';
            if (result[slot]) continue;
            f.remaining--;
            result[slot] = {
                response: f.response,
                delayMs: f.delayMs ?? 200,
                recordIds: f.recordIds ? new Set(f.recordIds) : undefined
            };
        }
        return result;
    }

    private matches(f: QueuedFault, kind: string): boolean {
        const kinds = HANDLER_FAULTS[f.response];
        if (kinds && !kinds.includes(kind)) return false;
        if (f.kind === undefined) return true;
        return typeof f.kind === 'string' ? f.kind === kind : f.kind.test(kind);
    }
}
