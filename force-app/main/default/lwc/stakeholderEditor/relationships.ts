// The editor's "Relationships" section as plain state: the person's links of three kinds (reports
// to, influenced by, acts for), each an editable row, and what saving them means (create, change,
// remove). Kept apart from the component so the rules can be read and tested on their own; the
// writes themselves are c/stakeholderLinkWrites.
import {
    LINK_STRENGTH,
    LinkType,
    PoliticalMap,
    RawRecord,
    buildPoliticalMap,
    findValue,
    recordKey
} from 'c/dealControlModel';
import type { AssessmentRecord, LinkRecord } from 'c/dealControlData';
import type { LinkDraft } from 'c/stakeholderLinkWrites';

export type RelationKind = 'reportsTo' | 'influencedBy' | 'actsFor';

/**
 * Each kind as a link seen from the edited person: "reports to X" is Reports_To from the person to X;
 * "influenced by X" is Influences from X to the person; "acts for X" is Acts_For from the person to X.
 */
export const RELATION_KINDS: ReadonlyArray<{ kind: RelationKind; type: LinkType; personIsFrom: boolean }> = [
    { kind: 'reportsTo', type: 'Reports_To', personIsFrom: true },
    { kind: 'influencedBy', type: 'Influences', personIsFrom: false },
    { kind: 'actsFor', type: 'Acts_For', personIsFrom: true }
];

/** A person not yet saved stands in the map under this Id until the assessment is created. */
export const NEW_PERSON_ID = 'new-person';

export interface RelationRow {
    /** Stable key for the template: the link Id, or a local key for a row not yet saved. */
    key: string;
    kind: RelationKind;
    /** The stored link, or null for a row the rep added. */
    stored: LinkRecord | null;
    /** The other person's assessment Id; null until chosen. */
    other: string | null;
    /** Blank means Medium. */
    strength: string | null;
    /** Kept as stored: the section does not edit it, and an update must not wipe it. */
    evidence: string | null;
    /** Marked for removal; removed from the store when the rep saves. */
    removed: boolean;
}

function kindDef(kind: RelationKind) {
    return RELATION_KINDS.find((k) => k.kind === kind)!;
}

const sameId = (a: string | null | undefined, b: string | null | undefined): boolean =>
    typeof a === 'string' && typeof b === 'string' && a !== '' && b !== '' && recordKey(a) === recordKey(b);

/** The person's stored links of the three kinds, as rows, in the stored order. */
export function relationRowsOf(
    links: readonly LinkRecord[],
    personId: string | null | undefined
): RelationRow[] {
    if (!personId) return [];
    const rows: RelationRow[] = [];
    for (const link of links) {
        const def = RELATION_KINDS.find((k) => k.type === link.Link_Type__c);
        if (!def) continue;
        const self = def.personIsFrom ? link.From_Stakeholder__c : link.To_Stakeholder__c;
        if (!sameId(self, personId)) continue;
        rows.push({
            key: link.Id,
            kind: def.kind,
            stored: link,
            other: def.personIsFrom ? link.To_Stakeholder__c : link.From_Stakeholder__c,
            strength: link.Strength__c,
            evidence: link.Evidence__c,
            removed: false
        });
    }
    return rows;
}

/** The link a row stands for, with the person at its end. */
export function draftOf(row: RelationRow, personId: string): LinkDraft {
    const def = kindDef(row.kind);
    return {
        from: def.personIsFrom ? personId : row.other,
        to: def.personIsFrom ? row.other : personId,
        type: def.type,
        strength: row.strength,
        evidence: row.evidence
    };
}

/** Whether a stored row differs from what is stored (the person or the strength). */
export function isChanged(row: RelationRow): boolean {
    if (!row.stored) return false;
    const def = kindDef(row.kind);
    const storedOther = def.personIsFrom ? row.stored.To_Stakeholder__c : row.stored.From_Stakeholder__c;
    return !sameId(storedOther, row.other) || (row.stored.Strength__c ?? null) !== (row.strength || null);
}

export type LinkOperation =
    | { op: 'create'; row: RelationRow }
    | { op: 'update'; row: RelationRow }
    | { op: 'delete'; row: RelationRow };

/**
 * What saving the section sends: removals first (so a link moved to another row is never refused as
 * a duplicate of itself), then changes, then new links. A new row the rep removed sends nothing.
 */
export function pendingOperations(rows: readonly RelationRow[]): LinkOperation[] {
    const deletes = rows.filter((r) => r.removed && r.stored).map((row) => ({ op: 'delete' as const, row }));
    const updates = rows
        .filter((r) => !r.removed && r.stored && isChanged(r))
        .map((row) => ({ op: 'update' as const, row }));
    const creates = rows
        .filter((r) => !r.removed && !r.stored)
        .map((row) => ({ op: 'create' as const, row }));
    return [...deletes, ...updates, ...creates];
}

/**
 * The links as they will be once the section is saved, for the live reading: every stored link the
 * section does not hold, plus the section's rows that are kept.
 */
export function linksAfter(
    links: readonly LinkRecord[],
    rows: readonly RelationRow[],
    personId: string
): RawRecord[] {
    const held = new Set(rows.filter((r) => r.stored).map((r) => r.stored!.Id));
    const untouched: RawRecord[] = links.filter((l) => !held.has(l.Id)) as unknown as RawRecord[];
    const kept = rows
        .filter((r) => !r.removed && r.other)
        .map((row) => {
            const draft = draftOf(row, personId);
            return {
                Id: row.stored?.Id ?? row.key,
                From_Stakeholder__c: draft.from,
                To_Stakeholder__c: draft.to,
                Link_Type__c: draft.type,
                Strength__c: draft.strength ?? null
            };
        });
    return [...untouched, ...kept];
}

/**
 * The Opportunity's map as it will be after saving: the other people as stored, this person with the
 * values in the form (a new person under NEW_PERSON_ID), the links after the section's changes.
 */
export function mapAfter(
    assessments: readonly AssessmentRecord[],
    links: readonly LinkRecord[],
    rows: readonly RelationRow[],
    person: RawRecord,
    opportunityId: string | null
): PoliticalMap {
    const personId = typeof person.Id === 'string' && person.Id !== '' ? person.Id : NEW_PERSON_ID;
    const others = assessments.filter((a) => !sameId(a.Id, personId));
    return buildPoliticalMap([...others, { ...person, Id: personId }], linksAfter(links, rows, personId), {
        opportunityId
    });
}

/** Rows for a fresh deal: stored rows stay as the rep left them unless nothing was changed in them. */
export function mergeStoredRows(
    current: readonly RelationRow[],
    fresh: readonly RelationRow[]
): RelationRow[] {
    const freshById = new Map(fresh.map((r) => [r.key, r]));
    const merged: RelationRow[] = [];
    for (const row of current) {
        if (!row.stored) {
            merged.push(row);
            continue;
        }
        const newer = freshById.get(row.key);
        freshById.delete(row.key);
        const edited = row.removed || isChanged(row);
        if (!newer) {
            // Someone removed the link: a row the rep changed becomes a new link; otherwise it goes.
            if (edited && !row.removed) merged.push({ ...row, stored: null, key: `new-${row.key}` });
            continue;
        }
        // The rep's edits are kept against the newer version, which the next save is checked against.
        merged.push(edited ? { ...row, stored: newer.stored, evidence: newer.evidence } : newer);
    }
    return [...merged, ...freshById.values()];
}

/** A strength the model knows, or null (blank counts as Medium). */
export function knownStrength(value: string | null | undefined): string | null {
    return value && findValue(LINK_STRENGTH, value) ? value : null;
}
