/** The auto-number Name of a scorecard ("C139-{000000}"), from its creation sequence number. */
export function autoNumberName(seq: number): string {
    return `C139-${String(seq + 1).padStart(6, '0')}`;
}
