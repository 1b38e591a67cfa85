// The links between the people of one Opportunity (Stakeholder_Link__c), written through Lightning
// Data Service: a check of the rep's draft before anything is sent, create / change / remove with the
// same no-lost-update rule as the assessment editor (ifUnmodifiedSince), and plain messages for what
// the platform refuses. The model reads links in c/dealControlModel; the page reads them in
// c/dealControlData's one query.
import { createRecord, deleteRecord, updateRecord } from 'lightning/uiRecordApi';
import {
    LINK_FROM_FIELD,
    LINK_STRENGTH,
    LINK_TO_FIELD,
    LINK_TYPE,
    Lang,
    PoliticalMap,
    SYMMETRIC_LINK_TYPES,
    LinkType,
    findValue,
    personOf,
    recordKey
} from 'c/dealControlModel';
import { errorKindOf, isConflictError, isDuplicateError } from 'c/dealControlData';
import { fieldMessagesOf } from 'c/dealControlErrors';
import { LINK_MESSAGES, LinkMessageKey } from './labels';

export const LINK_OBJECT_API_NAME = 'Stakeholder_Link__c';
const EVIDENCE = 'Evidence__c';

/** What the rep chose for one link (Ids of assessments of the Opportunity; '' or null = not chosen). */
export interface LinkDraft {
    from: string | null;
    to: string | null;
    type: string | null;
    /** Blank counts as Medium (contract v1.1). */
    strength?: string | null;
    evidence?: string | null;
}

/** The stored version a change or removal is checked against. */
export interface StoredLinkVersion {
    Id: string;
    LastModifiedDate: string;
}

export interface SavedLink {
    id: string;
    lastModifiedDate: string | null;
}

function blankToNull(value: string | null | undefined): string | null {
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** Links of the same type between the same two people are one link (either order when symmetric). */
function sameLink(
    a: { from: string; to: string; type: string },
    b: { from: string; to: string; type: string }
) {
    if (a.type !== b.type) return false;
    const [af, at, bf, bt] = [a.from, a.to, b.from, b.to].map(recordKey);
    if (af === bf && at === bt) return true;
    return SYMMETRIC_LINK_TYPES.includes(a.type as LinkType) && af === bt && at === bf;
}

/**
 * What is wrong with a draft before it is sent, by field (From_Stakeholder__c, To_Stakeholder__c,
 * Link_Type__c): an empty end or type, a person linked to themselves, someone not assessed on this
 * Opportunity, or a link the map already holds (`exceptLinkId`: the link being changed). The
 * platform checks the same (validation rules, the unique Link_Key__c); this saves a round trip and
 * says it in the rep's words.
 */
export function checkLinkDraft(
    draft: LinkDraft,
    map: PoliticalMap,
    exceptLinkId: string | null = null
): Record<string, LinkMessageKey> {
    const problems: Record<string, LinkMessageKey> = {};
    const from = blankToNull(draft.from);
    const to = blankToNull(draft.to);
    const type = blankToNull(draft.type);
    if (from === null) problems[LINK_FROM_FIELD] = 'missingPerson';
    else if (!personOf(map, from)) problems[LINK_FROM_FIELD] = 'notOnOpportunity';
    if (to === null) problems[LINK_TO_FIELD] = 'missingPerson';
    else if (from !== null && recordKey(from) === recordKey(to)) problems[LINK_TO_FIELD] = 'selfLink';
    else if (!personOf(map, to)) problems[LINK_TO_FIELD] = 'notOnOpportunity';
    if (type === null || !findValue(LINK_TYPE, type)) problems[LINK_TYPE.field] = 'missingType';
    if (Object.keys(problems).length > 0) return problems;
    const candidate = { from: from!, to: to!, type: type! };
    const except = exceptLinkId ? recordKey(exceptLinkId) : null;
    if (
        map.links.some(
            (link) => (link.id ? recordKey(link.id) : null) !== except && sameLink(link, candidate)
        )
    ) {
        problems[LINK_TYPE.field] = 'duplicate';
    }
    return problems;
}

/** The draft's messages in the rep's language, by field. */
export function draftMessages(problems: Record<string, LinkMessageKey>, lang: Lang): Record<string, string> {
    return Object.fromEntries(
        Object.entries(problems).map(([field, key]) => [field, LINK_MESSAGES[key][lang]])
    );
}

function linkFields(draft: LinkDraft): Record<string, unknown> {
    const strength = blankToNull(draft.strength);
    return {
        [LINK_FROM_FIELD]: blankToNull(draft.from),
        [LINK_TO_FIELD]: blankToNull(draft.to),
        [LINK_TYPE.field]: blankToNull(draft.type),
        // An unknown strength would be refused by the restricted picklist: send blank (Medium) instead.
        [LINK_STRENGTH.field]: strength !== null && findValue(LINK_STRENGTH, strength) ? strength : null,
        [EVIDENCE]: blankToNull(draft.evidence)
    };
}

function saved(
    record: { id?: string; lastModifiedDate?: string } | undefined,
    fallbackId: string
): SavedLink {
    return { id: record?.id ?? fallbackId, lastModifiedDate: record?.lastModifiedDate ?? null };
}

/** Records a new link on the Opportunity. Link_Key__c is left to the flow that sets it on every save. */
export async function createLink(opportunityId: string, draft: LinkDraft): Promise<SavedLink> {
    const record = await createRecord({
        apiName: LINK_OBJECT_API_NAME,
        fields: { Opportunity__c: opportunityId, ...linkFields(draft) }
    });
    return saved(record, '');
}

/** Changes a link; refused (conflict) when someone saved it after the version the rep saw. */
export async function updateLink(stored: StoredLinkVersion, draft: LinkDraft): Promise<SavedLink> {
    const record = await updateRecord(
        { fields: { Id: stored.Id, ...linkFields(draft) } },
        stored.LastModifiedDate ? { ifUnmodifiedSince: stored.LastModifiedDate } : undefined
    );
    return saved(record, stored.Id);
}

/**
 * Removes a link, unless someone changed it after the version the rep saw: deleteRecord has no
 * ifUnmodifiedSince, so an update without field changes carries the check first. A link someone
 * already removed counts as removed.
 */
export async function deleteLink(stored: StoredLinkVersion): Promise<void> {
    try {
        if (stored.LastModifiedDate) {
            await updateRecord({ fields: { Id: stored.Id } }, { ifUnmodifiedSince: stored.LastModifiedDate });
        }
        await deleteRecord(stored.Id);
    } catch (error) {
        if (errorKindOf(error) === 'notFound') return;
        throw error;
    }
}

export interface LinkSaveFailure {
    /** conflict: reload and check; duplicate: the link exists; fields: see fieldErrors; other: see the panel. */
    kind: 'conflict' | 'duplicate' | 'fields' | 'other';
    /** The sentence for the rep, or '' when the error panel explains it (kind other). */
    message: string;
    /** Field API name → message, for the field that holds the link's value. */
    fieldErrors: Record<string, string>;
}

/** What to tell the rep about a refused link save. */
export function explainLinkError(error: unknown, lang: Lang): LinkSaveFailure {
    if (isConflictError(error)) {
        return { kind: 'conflict', message: LINK_MESSAGES.conflict[lang], fieldErrors: {} };
    }
    if (isDuplicateError(error)) {
        // Link_Key__c is unique: the same link between the same two people is already stored.
        const message = LINK_MESSAGES.duplicate[lang];
        return { kind: 'duplicate', message, fieldErrors: { [LINK_TYPE.field]: message } };
    }
    const fieldErrors = fieldMessagesOf(error, lang);
    // Link_Key__c is the flow's field, not the rep's: its refusal belongs to the panel.
    delete fieldErrors.Link_Key__c;
    if (Object.keys(fieldErrors).length > 0) return { kind: 'fields', message: '', fieldErrors };
    return { kind: 'other', message: '', fieldErrors: {} };
}
