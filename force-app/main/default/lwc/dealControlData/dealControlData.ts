// Data access shared by the Deal Control components: one GraphQL query loads everything the
// Opportunity page shows (one server round trip), and the readers below turn Lightning Data Service
// results and errors into plain values. Writes stay in the components (createRecord/updateRecord)
// and, for the links between people, in c/stakeholderLinkWrites.
import { gql } from 'lightning/graphql';
import {
    PoliticalMap,
    SCORECARD_DERIVED_FIELDS,
    SCORECARD_INPUT_FIELDS,
    STAKEHOLDER_DERIVED_FIELDS,
    STAKEHOLDER_INPUT_FIELDS,
    STAKEHOLDER_LINK_FIELDS,
    buildPoliticalMap
} from 'c/dealControlModel';

/** Assessment fields the components read, besides Id and LastModifiedDate (contract v1). */
export const ASSESSMENT_FIELDS: readonly string[] = [
    'Name',
    'Opportunity__c',
    'Contact__c',
    'Title__c',
    ...STAKEHOLDER_INPUT_FIELDS,
    'Favored_Vendor__c',
    'Assessed_On__c',
    'Next_Action__c',
    'Next_Action_Due__c',
    'Verification__c',
    'Evidence__c',
    'Notes__c',
    ...STAKEHOLDER_DERIVED_FIELDS
];

/** Scorecard fields the components read, besides Id and LastModifiedDate (contract v1). */
export const SCORECARD_FIELDS: readonly string[] = [
    'Name',
    'Opportunity__c',
    'Opportunity_Key__c',
    // The model's inputs include the coach's assessment (Coach_Stakeholder__c) since contract v1.1.
    ...SCORECARD_INPUT_FIELDS,
    'Notes__c',
    ...SCORECARD_DERIVED_FIELDS
];

/** Link fields the components read, besides Id and LastModifiedDate: the model's link input (contract v1.1). */
export const LINK_FIELDS: readonly string[] = [...STAKEHOLDER_LINK_FIELDS];

/**
 * Snapshot fields the components read, besides Id (contract v1.1 Part E): the control score and band
 * of each day, with what a trend needs beside them (the band's rank, the warnings, the model that
 * scored it, and the stage and its probability that forecasts use on that day).
 */
export const SNAPSHOT_FIELDS: readonly string[] = [
    'Snapshot_Date__c',
    'Control_Score__c',
    'Control_Band__c',
    'Band_Rank__c',
    'Warning_Count__c',
    'Model_Version__c',
    'Stage_Name__c',
    'Probability__c'
];

/** How far back the page reads the Opportunity's control snapshots. */
export const TREND_DAYS = 90;

// Written out in full rather than built from the lists above: the platform analyses gql documents
// when the component is compiled. A test checks that the two stay in step.
// The page shows at most one committee: 200 people and 200 contact roles are far beyond any real
// buying committee and keep the answer to one page of results. Links: 2000 is the largest page the
// GraphQL API returns, and ten times what 200 people can sensibly hold (each one reporting to,
// influenced by and acting for a few others). Snapshots: at most one per Opportunity per day, so 100
// holds the 91 days from the since-date to today.
export const DEAL_QUERY = gql`
    query dealControl($opportunityId: ID!, $snapshotsSince: Date!) {
        uiapi {
            query {
                Opportunity(where: { Id: { eq: $opportunityId } }, first: 1) {
                    edges {
                        node {
                            Id
                            Name {
                                value
                            }
                            StageName {
                                value
                            }
                            Probability {
                                value
                            }
                        }
                    }
                }
                Stakeholder_Assessment__c(
                    where: { Opportunity__c: { eq: $opportunityId } }
                    first: 200
                    orderBy: { Name: { order: ASC } }
                ) {
                    edges {
                        node {
                            Id
                            LastModifiedDate {
                                value
                            }
                            Name {
                                value
                            }
                            Opportunity__c {
                                value
                            }
                            Contact__c {
                                value
                            }
                            Title__c {
                                value
                            }
                            Role__c {
                                value
                            }
                            Top_Decision_Maker__c {
                                value
                            }
                            Decision_Body_Member__c {
                                value
                            }
                            Influence__c {
                                value
                            }
                            Dominant_Need__c {
                                value
                            }
                            Other_Needs__c {
                                value
                            }
                            Change_Attitude__c {
                                value
                            }
                            Decision_Focus__c {
                                value
                            }
                            Contact_Closeness__c {
                                value
                            }
                            Attitude_To_Us__c {
                                value
                            }
                            Camp__c {
                                value
                            }
                            Favored_Vendor__c {
                                value
                            }
                            Assessed_On__c {
                                value
                            }
                            Next_Action__c {
                                value
                            }
                            Next_Action_Due__c {
                                value
                            }
                            Verification__c {
                                value
                            }
                            Evidence__c {
                                value
                            }
                            Notes__c {
                                value
                            }
                            Support_Index__c {
                                value
                            }
                            Completeness__c {
                                value
                            }
                            Insight_Codes__c {
                                value
                            }
                            Model_Version__c {
                                value
                            }
                            Scored_At__c {
                                value
                            }
                        }
                    }
                }
                C139_Scorecard__c(
                    where: { Opportunity__c: { eq: $opportunityId } }
                    first: 1
                    orderBy: { CreatedDate: { order: ASC } }
                ) {
                    edges {
                        node {
                            Id
                            LastModifiedDate {
                                value
                            }
                            Name {
                                value
                            }
                            Opportunity__c {
                                value
                            }
                            Opportunity_Key__c {
                                value
                            }
                            Coach__c {
                                value
                            }
                            Win__c {
                                value
                            }
                            First_Value_Fit__c {
                                value
                            }
                            First_Key_People_Help__c {
                                value
                            }
                            First_Majority_Choose__c {
                                value
                            }
                            Clear_Our_Process__c {
                                value
                            }
                            Clear_Procurement_Process__c {
                                value
                            }
                            Clear_Organization__c {
                                value
                            }
                            Clear_Decision_Body__c {
                                value
                            }
                            Clear_Decision_Criteria__c {
                                value
                            }
                            Clear_Funding__c {
                                value
                            }
                            Clear_Vendor_Resources__c {
                                value
                            }
                            Clear_Vendor_Activities__c {
                                value
                            }
                            Clear_Key_Factors__c {
                                value
                            }
                            Coach_Stakeholder__c {
                                value
                            }
                            Notes__c {
                                value
                            }
                            Clear_Points__c {
                                value
                            }
                            First_Points__c {
                                value
                            }
                            Win_Points__c {
                                value
                            }
                            Coach_Factor__c {
                                value
                            }
                            Control_Score__c {
                                value
                            }
                            Control_Band__c {
                                value
                            }
                            Band_Rank__c {
                                value
                            }
                            Evidence_Codes__c {
                                value
                            }
                            Warning_Count__c {
                                value
                            }
                            Model_Version__c {
                                value
                            }
                            Scored_At__c {
                                value
                            }
                        }
                    }
                }
                Stakeholder_Link__c(
                    where: { Opportunity__c: { eq: $opportunityId } }
                    first: 2000
                    orderBy: { CreatedDate: { order: ASC } }
                ) {
                    edges {
                        node {
                            Id
                            LastModifiedDate {
                                value
                            }
                            Opportunity__c {
                                value
                            }
                            From_Stakeholder__c {
                                value
                            }
                            To_Stakeholder__c {
                                value
                            }
                            Link_Type__c {
                                value
                            }
                            Strength__c {
                                value
                            }
                            Evidence__c {
                                value
                            }
                        }
                    }
                }
                Control_Snapshot__c(
                    where: {
                        Opportunity__c: { eq: $opportunityId }
                        Snapshot_Date__c: { gte: { value: $snapshotsSince } }
                    }
                    first: 100
                    orderBy: { Snapshot_Date__c: { order: ASC } }
                ) {
                    edges {
                        node {
                            Id
                            Snapshot_Date__c {
                                value
                            }
                            Control_Score__c {
                                value
                            }
                            Control_Band__c {
                                value
                            }
                            Band_Rank__c {
                                value
                            }
                            Warning_Count__c {
                                value
                            }
                            Model_Version__c {
                                value
                            }
                            Stage_Name__c {
                                value
                            }
                            Probability__c {
                                value
                            }
                        }
                    }
                }
                OpportunityContactRole(
                    where: { OpportunityId: { eq: $opportunityId } }
                    first: 200
                    orderBy: { IsPrimary: { order: DESC } }
                ) {
                    edges {
                        node {
                            Id
                            ContactId {
                                value
                            }
                            Contact {
                                Name {
                                    value
                                }
                                Title {
                                    value
                                }
                            }
                            Role {
                                value
                            }
                            IsPrimary {
                                value
                            }
                        }
                    }
                }
            }
        }
    }
`;

export interface DealQueryVariables {
    opportunityId: string;
    /** The first day of the trend (YYYY-MM-DD, UTC like Snapshot_Date__c): TREND_DAYS before today. */
    snapshotsSince: string;
}

/**
 * The query's variables by the page's clock. The since-date is a calendar day, so the variables (and
 * the platform's cache key) stay the same all day: the query is not re-sent on every render.
 */
export function dealQueryVariables(opportunityId: string, now: Date = new Date()): DealQueryVariables {
    const since = new Date(now.getTime() - TREND_DAYS * 86_400_000);
    return { opportunityId, snapshotsSince: since.toISOString().slice(0, 10) };
}

/** An assessment as plain values keyed by field API name (multi-selects stay `A;B`). */
export interface AssessmentRecord {
    Id: string;
    Name: string | null;
    LastModifiedDate: string;
    [field: string]: unknown;
}

export interface ScorecardRecord {
    Id: string;
    LastModifiedDate: string;
    [field: string]: unknown;
}

export interface ContactRoleRecord {
    Id: string;
    ContactId: string;
    ContactName: string | null;
    ContactTitle: string | null;
    Role: string | null;
    IsPrimary: boolean;
}

/** A link between two people of the Opportunity, as the model reads it (contract v1.1). */
export interface LinkRecord {
    Id: string;
    LastModifiedDate: string;
    Opportunity__c: string | null;
    From_Stakeholder__c: string | null;
    To_Stakeholder__c: string | null;
    Link_Type__c: string | null;
    Strength__c: string | null;
    Evidence__c: string | null;
}

/** One control snapshot as plain values (contract v1.1 Part E). */
export interface SnapshotRecord {
    Id: string;
    [field: string]: unknown;
}

/** One day of the control trend, oldest first. */
export interface TrendPoint {
    /** Snapshot_Date__c, YYYY-MM-DD. */
    date: string;
    score: number | null;
    band: string | null;
}

export interface OpportunityRecord {
    Id: string;
    Name: string | null;
    StageName: string | null;
    Probability: number | null;
}

export interface DealSnapshot {
    opportunity: OpportunityRecord | null;
    assessments: AssessmentRecord[];
    scorecard: ScorecardRecord | null;
    contactRoles: ContactRoleRecord[];
    /** The links between the people, as stored (the map leaves out and reports the unusable ones). */
    links: LinkRecord[];
    /** The assessments and links read into one map, for every scoring call and every screen. */
    politicalMap: PoliticalMap;
    /** The snapshots of the last TREND_DAYS days, oldest first. */
    snapshots: SnapshotRecord[];
    trend: TrendPoint[];
}

type Node = Record<string, unknown>;

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null;
}

/** The nodes of one connection under uiapi.query; none when the object is missing (no access). */
function nodesOf(data: unknown, objectApiName: string): Node[] {
    if (!isObject(data)) return [];
    const uiapi = data.uiapi;
    const query = isObject(uiapi) ? uiapi.query : undefined;
    const connection = isObject(query) ? query[objectApiName] : undefined;
    const edges = isObject(connection) ? connection.edges : undefined;
    if (!Array.isArray(edges)) return [];
    return edges.map((edge) => (isObject(edge) ? edge.node : undefined)).filter(isObject);
}

/** A field's `value`; null when the field is absent (e.g. hidden by field-level security). */
function valueOf(node: Node | undefined, field: string): unknown {
    const holder = node?.[field];
    return isObject(holder) && 'value' in holder ? (holder.value ?? null) : null;
}

function stringOrNull(value: unknown): string | null {
    return typeof value === 'string' ? value : null;
}

/** Flattens a node: `Id` is a plain scalar in the UI API schema, every other field is `{ value }`. */
function flatten(node: Node, fields: readonly string[]): Record<string, unknown> {
    const flat: Record<string, unknown> = {
        Id: String(node.Id ?? ''),
        LastModifiedDate: String(valueOf(node, 'LastModifiedDate') ?? '')
    };
    for (const field of fields) flat[field] = valueOf(node, field);
    return flat;
}

/** Turns the graphql wire's `data` into plain records; tolerant of missing connections. */
export function toDealSnapshot(data: unknown): DealSnapshot {
    const opportunityNode = nodesOf(data, 'Opportunity')[0];
    const opportunity: OpportunityRecord | null = opportunityNode
        ? {
              Id: String(opportunityNode.Id ?? ''),
              Name: stringOrNull(valueOf(opportunityNode, 'Name')),
              StageName: stringOrNull(valueOf(opportunityNode, 'StageName')),
              Probability:
                  typeof valueOf(opportunityNode, 'Probability') === 'number'
                      ? (valueOf(opportunityNode, 'Probability') as number)
                      : null
          }
        : null;

    const assessments = nodesOf(data, 'Stakeholder_Assessment__c').map((node) => {
        const flat = flatten(node, ASSESSMENT_FIELDS);
        return { ...flat, Name: stringOrNull(flat.Name) } as AssessmentRecord;
    });

    const scorecardNode = nodesOf(data, 'C139_Scorecard__c')[0];
    const scorecard = scorecardNode ? (flatten(scorecardNode, SCORECARD_FIELDS) as ScorecardRecord) : null;

    const contactRoles: ContactRoleRecord[] = nodesOf(data, 'OpportunityContactRole').map((node) => {
        const contact = isObject(node.Contact) ? node.Contact : undefined;
        return {
            Id: String(node.Id ?? ''),
            ContactId: String(valueOf(node, 'ContactId') ?? ''),
            ContactName: stringOrNull(valueOf(contact, 'Name')),
            ContactTitle: stringOrNull(valueOf(contact, 'Title')),
            Role: stringOrNull(valueOf(node, 'Role')),
            IsPrimary: valueOf(node, 'IsPrimary') === true
        };
    });

    const links = nodesOf(data, 'Stakeholder_Link__c').map((node) => {
        const flat = flatten(node, LINK_FIELDS);
        const text = Object.fromEntries(LINK_FIELDS.map((field) => [field, stringOrNull(flat[field])]));
        return { ...text, Id: flat.Id, LastModifiedDate: flat.LastModifiedDate } as LinkRecord;
    });
    const politicalMap = buildPoliticalMap(assessments, links as unknown as Record<string, unknown>[], {
        opportunityId: opportunity?.Id || null
    });

    const snapshots = nodesOf(data, 'Control_Snapshot__c').map((node) => {
        const flat: SnapshotRecord = { Id: String(node.Id ?? '') };
        for (const field of SNAPSHOT_FIELDS) flat[field] = valueOf(node, field);
        return flat;
    });

    return {
        opportunity,
        assessments,
        scorecard,
        contactRoles,
        links,
        politicalMap,
        snapshots,
        trend: trendOf(snapshots)
    };
}

/** The snapshots as a trend: dated points only, oldest first (the query's order, kept if it was not). */
export function trendOf(snapshots: readonly SnapshotRecord[]): TrendPoint[] {
    return snapshots
        .map((s) => ({
            date: stringOrNull(s.Snapshot_Date__c) ?? '',
            score: typeof s.Control_Score__c === 'number' ? s.Control_Score__c : null,
            band: stringOrNull(s.Control_Band__c)
        }))
        .filter((point) => /^\d{4}-\d{2}-\d{2}$/.test(point.date))
        .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * The Opportunity's contact roles whose Contact has no assessment yet, one per Contact (a Contact
 * can hold several roles), in the query's order: the people still missing from the map.
 */
export function unassessedContactRoles(snapshot: DealSnapshot): ContactRoleRecord[] {
    const assessed = new Set(
        snapshot.assessments.map((a) => a.Contact__c).filter((id): id is string => typeof id === 'string')
    );
    const seen = new Set<string>();
    return snapshot.contactRoles.filter((role) => {
        if (!role.ContactId || assessed.has(role.ContactId) || seen.has(role.ContactId)) return false;
        seen.add(role.ContactId);
        return true;
    });
}

// ---------------------------------------------------------------------------------------------
// Errors. Shapes (UI API Developer Guide, "Error with Output" and "Record Exception Error"):
// - read errors: { status, statusText, body: [{ errorCode, message }] }
// - record save errors: { status: 400, body: { message, enhancedErrorType: 'RecordError',
//   output: { errors: [RecordExceptionError], fieldErrors: { Field__c: [RecordExceptionError] } } } }
//   where RecordExceptionError = { errorCode, message, field, fieldLabel, constituentField, duplicateRecordError }
// - a save with ifUnmodifiedSince on a record changed since then: HTTP 412 Precondition Failed
// - graphql wire: `errors` is an array of { message, locations, paths }
// - Apex/DML-style bodies (pageErrors, fieldErrors at body level) and plain JS errors also occur.

interface RecordExceptionError {
    errorCode?: string;
    statusCode?: string;
    message?: string;
    field?: string | null;
    fieldLabel?: string | null;
}

function asList(error: unknown): unknown[] {
    return (Array.isArray(error) ? error : [error]).filter((e) => e !== null && e !== undefined);
}

function bodyOf(error: unknown): unknown {
    return isObject(error) ? error.body : undefined;
}

function outputOf(error: unknown): Record<string, unknown> | undefined {
    const body = bodyOf(error);
    return isObject(body) && isObject(body.output) ? body.output : undefined;
}

function exceptionList(value: unknown): RecordExceptionError[] {
    return Array.isArray(value) ? value.filter(isObject).map((e) => e as RecordExceptionError) : [];
}

/** Every record exception error in one error, page-level and field-level. */
function exceptionsOf(error: unknown): RecordExceptionError[] {
    const body = bodyOf(error);
    const found: RecordExceptionError[] = [];
    if (Array.isArray(body)) found.push(...exceptionList(body));
    if (isObject(body)) {
        if (typeof body.errorCode === 'string') found.push(body as RecordExceptionError);
        found.push(...exceptionList(body.pageErrors));
        if (isObject(body.fieldErrors)) {
            for (const list of Object.values(body.fieldErrors)) found.push(...exceptionList(list));
        }
    }
    const output = outputOf(error);
    if (output) {
        found.push(...exceptionList(output.errors));
        if (isObject(output.fieldErrors)) {
            for (const list of Object.values(output.fieldErrors)) found.push(...exceptionList(list));
        }
    }
    return found;
}

function codesOf(error: unknown): string[] {
    return exceptionsOf(error)
        .map((e) => e.errorCode ?? e.statusCode)
        .filter((code): code is string => typeof code === 'string');
}

function messagesOfOne(error: unknown): string[] {
    if (typeof error === 'string') return [error];
    if (!isObject(error)) return [];
    const exceptions = exceptionsOf(error).map((e) => e.message);
    const body = bodyOf(error);
    if (exceptions.some((m) => typeof m === 'string' && m !== '')) return exceptions as string[];
    if (isObject(body) && typeof body.message === 'string') return [body.message];
    // graphql wire errors and JS errors both carry `message`.
    if (typeof error.message === 'string') return [error.message];
    if (typeof error.statusText === 'string') return [error.statusText];
    return [];
}

/** Readable, de-duplicated messages from any error the components can receive. */
export function reduceErrors(error: unknown): string[] {
    const messages = asList(error).flatMap(messagesOfOne);
    return [...new Set(messages.filter((m) => typeof m === 'string' && m.trim() !== ''))];
}

/**
 * Field API name → message(s) for errors the platform attaches to a field: restricted picklist
 * values, validation rules whose error location is a field, required fields. Several messages for
 * one field are joined with a space.
 */
export function fieldErrorsOf(error: unknown): Record<string, string> {
    const byField: Record<string, string[]> = {};
    const add = (field: unknown, message: unknown) => {
        if (typeof field !== 'string' || field === '' || typeof message !== 'string') return;
        const list = (byField[field] ??= []);
        if (!list.includes(message)) list.push(message);
    };
    for (const one of asList(error)) {
        const output = outputOf(one);
        const body = bodyOf(one);
        const maps = [output?.fieldErrors, isObject(body) ? body.fieldErrors : undefined];
        for (const map of maps) {
            if (!isObject(map)) continue;
            for (const [field, list] of Object.entries(map)) {
                for (const e of exceptionList(list)) add(e.field || field, e.message);
            }
        }
        // Page-level entries that still name a field belong at that field.
        for (const e of exceptionList(output?.errors)) add(e.field, e.message);
    }
    return Object.fromEntries(Object.entries(byField).map(([field, list]) => [field, list.join(' ')]));
}

const CONFLICT_CODES = new Set(['PRECONDITION_FAILED']);

/** The save was refused because the record changed on the server after ifUnmodifiedSince. */
export function isConflictError(error: unknown): boolean {
    return asList(error).some(
        (one) =>
            (isObject(one) && one.status === 412) || codesOf(one).some((code) => CONFLICT_CODES.has(code))
    );
}

/** A unique field (such as C139_Scorecard__c.Opportunity_Key__c) already holds this value. */
export function isDuplicateError(error: unknown): boolean {
    return asList(error).some((one) => codesOf(one).includes('DUPLICATE_VALUE'));
}

/**
 * What kind of failure an error is, so a rep can be told in plain words what happened and what to do
 * (the raw text is for the details disclosure and the console, never the first thing a rep reads).
 * - network: the browser never reached Salesforce (offline, timeout)
 * - access: the user may not read or change this (sharing, object or field permissions)
 * - setup: the query names an object or field the org does not have or hides from this user
 * - notFound: the record is gone (deleted by someone else)
 * - validation: Salesforce refused the values (validation rules, restricted picklists, required fields)
 * - conflict / duplicate: someone else saved first (handled by the components themselves)
 * - unknown: anything else
 */
export type ErrorKind =
    'network' | 'access' | 'setup' | 'notFound' | 'validation' | 'conflict' | 'duplicate' | 'unknown';

const ACCESS_CODES = new Set([
    'INSUFFICIENT_ACCESS',
    'INSUFFICIENT_ACCESS_OR_READONLY',
    'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY',
    'CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY'
]);
const SETUP_CODES = new Set([
    'INVALID_FIELD',
    'INVALID_TYPE',
    'INVALID_FIELD_FOR_INSERT_UPDATE',
    'NO_SUCH_COLUMN'
]);
const VALIDATION_CODES = new Set([
    'FIELD_CUSTOM_VALIDATION_EXCEPTION',
    'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
    'REQUIRED_FIELD_MISSING',
    'STRING_TOO_LONG',
    'FIELD_INTEGRITY_EXCEPTION',
    'INVALID_INPUT'
]);

function kindOfOne(error: unknown): ErrorKind {
    if (isConflictError(error)) return 'conflict';
    if (isDuplicateError(error)) return 'duplicate';
    const codes = codesOf(error);
    if (codes.some((c) => ACCESS_CODES.has(c)) || (isObject(error) && error.status === 403)) return 'access';
    if (codes.some((c) => SETUP_CODES.has(c))) return 'setup';
    if (codes.some((c) => VALIDATION_CODES.has(c))) return 'validation';
    if (
        codes.includes('NOT_FOUND') ||
        codes.includes('ENTITY_IS_DELETED') ||
        (isObject(error) && error.status === 404)
    ) {
        return 'notFound';
    }
    if (codes.includes('NETWORK_ERROR') || (isObject(error) && error.status === 0)) return 'network';
    // GraphQL wire errors: a schema the org does not have (or hides) is a validation error of the query.
    const classification =
        isObject(error) && isObject(error.extensions) ? error.extensions.classification : undefined;
    if (classification === 'ValidationError' || classification === 'InvalidSyntax') return 'setup';
    if (
        isObject(error) &&
        typeof error.message === 'string' &&
        /failed to fetch|networkerror|load failed/i.test(error.message)
    ) {
        return 'network';
    }
    return 'unknown';
}

/** The kind of the first error in a list (every error the components receive is one failure). */
export function errorKindOf(error: unknown): ErrorKind {
    const list = asList(error);
    return list.length === 0 ? 'unknown' : kindOfOne(list[0]);
}

/**
 * Page-level messages Salesforce admins wrote for users (validation rules, translated with the
 * org): shown to the rep as they are, because they say what to do in the rep's language.
 */
export function userMessagesOf(error: unknown): string[] {
    const messages: string[] = [];
    for (const one of asList(error)) {
        const output = outputOf(one);
        const body = bodyOf(one);
        const pageLevel = [
            ...exceptionList(output?.errors),
            ...exceptionList(isObject(body) ? body.pageErrors : undefined),
            ...(Array.isArray(body) ? exceptionList(body) : [])
        ];
        for (const e of pageLevel) {
            if (
                (e.errorCode ?? e.statusCode) === 'FIELD_CUSTOM_VALIDATION_EXCEPTION' &&
                !e.field &&
                e.message
            ) {
                messages.push(e.message);
            }
        }
    }
    return [...new Set(messages)];
}

/** Field API name → the platform's error code for it, when it has one (for a plain message). */
export function fieldErrorCodesOf(error: unknown): Record<string, string> {
    const byField: Record<string, string> = {};
    for (const one of asList(error)) {
        const output = outputOf(one);
        const body = bodyOf(one);
        for (const map of [output?.fieldErrors, isObject(body) ? body.fieldErrors : undefined]) {
            if (!isObject(map)) continue;
            for (const [field, list] of Object.entries(map)) {
                for (const e of exceptionList(list)) {
                    const code = e.errorCode ?? e.statusCode;
                    if (typeof code === 'string') byField[e.field || field] ??= code;
                }
            }
        }
        for (const e of exceptionList(output?.errors)) {
            const code = e.errorCode ?? e.statusCode;
            if (e.field && typeof code === 'string') byField[e.field] ??= code;
        }
    }
    return byField;
}

/** Today (or the given moment) as YYYY-MM-DD in the user's own time zone, for date fields and due dates. */
export function localDate(now: Date): string {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
