import { LocalizedText, RawRecord, t } from 'c/dealControlModel';
import { OPPORTUNITY_KEY_PREFIX, normalizeRecordId } from '../shared/recordId';
import { FROM_OPPORTUNITY, canonicalValue } from './snapshotRow';

/**
 * The Opportunity as the snapshot step reads it: whether it is open, and the five values a snapshot
 * copies from it that day. Its own input, beside the scored objects of inputs.ts: the engine never
 * sees it, only the snapshot step does (an org query, or Opportunity.csv in CSV mode).
 */
export interface OpportunityInput {
    readonly object: 'Opportunity';
    readonly label: LocalizedText;
    /** Every field read (and exported): the Id, IsClosed, the copied fields, and the name. */
    readonly fields: readonly string[];
    /** CSV columns a run can do without: the name, which only labels the table of small runs. */
    readonly optionalColumns: readonly string[];
}

export const OPPORTUNITY_INPUT: OpportunityInput = {
    object: 'Opportunity',
    label: t('the Opportunities (for --snapshot)', '业务机会（--snapshot 需要）'),
    fields: ['Id', 'Name', 'IsClosed', ...FROM_OPPORTUNITY.map((f) => f.source)],
    optionalColumns: ['Name']
};

/** What a snapshot needs of one Opportunity, or why the row cannot give it. */
export type OpportunityDay =
    | { readonly id: string; readonly open: boolean; readonly values: readonly string[] }
    | {
          readonly id: string | null;
          readonly problem: string;
          readonly field: string;
          readonly value: string;
      };

function isClosedOf(value: unknown): boolean | null {
    if (value === true || value === false) return value;
    const text = String(value ?? '')
        .trim()
        .toLowerCase();
    return text === 'true' ? true : text === 'false' ? false : null;
}

/**
 * Reads one Opportunity record (REST JSON, or Bulk and CSV text). A value that cannot be copied (an
 * IsClosed that is no boolean, a probability that is no number, a close date that is not
 * YYYY-MM-DD) is a problem of that deal: reported, and no snapshot is written for it.
 */
export function opportunityDay(record: RawRecord): OpportunityDay {
    const id = normalizeRecordId(String(record.Id ?? ''));
    if (id === null || !id.startsWith(OPPORTUNITY_KEY_PREFIX)) {
        return { id: null, problem: 'NOT_AN_OPPORTUNITY', field: 'Id', value: String(record.Id ?? '') };
    }
    const closed = isClosedOf(record.IsClosed);
    if (closed === null) {
        return { id, problem: 'NOT_A_BOOLEAN', field: 'IsClosed', value: String(record.IsClosed ?? '') };
    }
    // A closed deal gets no snapshot: its values do not matter.
    if (closed) return { id, open: false, values: [] };
    const values: string[] = [];
    for (const f of FROM_OPPORTUNITY) {
        const value = canonicalValue(f, record[f.source]);
        if (value === null)
            return { id, problem: 'BAD_VALUE', field: f.source, value: String(record[f.source]) };
        values.push(value);
    }
    return { id, open: true, values };
}
