import {
    AWAITING_METADATA,
    POLITICAL_EVIDENCE,
    POLITICAL_INSIGHTS,
    STAKEHOLDER_LINK_OBJECT
} from 'c/dealControlModel';

/**
 * Contract v1.1 names the model already uses while their metadata is still to come (the model's
 * AWAITING_METADATA): the metadata checks accept them in the model only, and leave them out of
 * the comparisons with metadata until the metadata exists. awaitingMetadata.test.ts fails as soon
 * as it does, so none of this outlives its reason.
 */
export const AWAITING_NAMES: ReadonlySet<string> = new Set(
    Object.entries(AWAITING_METADATA).flatMap(([object, fields]) => [object, ...(fields ?? [])])
);

export const AWAITING_PAIRS: readonly [string, string][] = Object.entries(AWAITING_METADATA).flatMap(
    ([object, fields]) => (fields ?? []).map((field): [string, string] => [object, field])
);

/** No org, sample record or report can hold a link yet, so nothing can raise the link-based codes. */
export const LINKS_AWAIT_METADATA = (AWAITING_METADATA[STAKEHOLDER_LINK_OBJECT] ?? []).length > 0;

/** Codes that only links raise, while links cannot exist yet. */
export const LINK_CODES_AWAITING_METADATA: ReadonlySet<string> = new Set(
    LINKS_AWAIT_METADATA ? [...Object.keys(POLITICAL_INSIGHTS), ...Object.keys(POLITICAL_EVIDENCE)] : []
);
