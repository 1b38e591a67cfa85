/** The auto-number Name of a scorecard ("C139-{000000}"), from its creation sequence number. */
export function autoNumberName(seq: number): string {
    return `C139-${String(seq + 1).padStart(6, '0')}`;
}

/** The auto-number Name of a control snapshot ("SNAP-{0000000000}"). */
export function snapshotAutoNumberName(seq: number): string {
    return `SNAP-${String(seq + 1).padStart(10, '0')}`;
}
