import { t } from 'c/dealControlModel';
import { RescoreError, fill } from './i18n';

const ID_CHARS = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** The 3-character case-safe suffix Salesforce appends to a 15-character Id. */
export function idSuffix(id15: string): string {
    let suffix = '';
    for (let chunk = 0; chunk < 3; chunk += 1) {
        let bits = 0;
        for (let i = 0; i < 5; i += 1) {
            const c = id15.charAt(chunk * 5 + i);
            if (c >= 'A' && c <= 'Z') bits |= 1 << i;
        }
        suffix += SUFFIX_ALPHABET.charAt(bits);
    }
    return suffix;
}

/**
 * Checks a record Id typed by a person and returns its 18-character form. Only letters and digits
 * pass, so nothing from a flag can change the meaning of a SOQL statement; an 18-character Id must
 * carry the right checksum, which catches a mistyped or truncated Id before it costs an API call.
 */
export function parseRecordId(raw: string): string {
    const id = raw.trim();
    if (!ID_CHARS.test(id)) {
        throw new RescoreError(
            'BAD_ID',
            fill(
                t(
                    '"{id}" is not a Salesforce record Id (15 or 18 letters and digits).',
                    '"{id}" 不是 Salesforce 记录 Id（应为 15 或 18 位字母和数字）。'
                ),
                { id }
            )
        );
    }
    const id15 = id.slice(0, 15);
    const expected = id15 + idSuffix(id15);
    if (id.length === 18 && id !== expected) {
        throw new RescoreError(
            'BAD_ID',
            fill(
                t(
                    '"{id}" has a wrong checksum: copy the Id again from the record URL.',
                    '"{id}" 校验位不正确：请从记录 URL 重新复制 Id。'
                ),
                { id }
            )
        );
    }
    return expected;
}

/**
 * Parses an ISO 8601 date or date-time typed by a person into the UTC form SOQL expects
 * (2026-01-31T08:00:00Z). A date alone means midnight UTC. Anything else is refused.
 */
export function parseSoqlDateTime(raw: string): string {
    const text = raw.trim();
    const iso = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
    const millis = iso.test(text) ? Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text) : NaN;
    if (Number.isNaN(millis)) {
        throw new RescoreError(
            'BAD_DATETIME',
            fill(
                t(
                    '"{value}" is not an ISO date or date-time (for example 2026-01-31 or 2026-01-31T08:00:00Z), nor "last".',
                    '"{value}" 不是 ISO 日期或日期时间（例如 2026-01-31 或 2026-01-31T08:00:00Z），也不是 "last"。'
                ),
                { value: text }
            )
        );
    }
    return formatSoqlDateTime(millis);
}

export function formatSoqlDateTime(millis: number): string {
    return new Date(millis).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** SOQL names come from the model's field lists; this guard keeps that assumption honest. */
function checkedName(name: string): string {
    if (!FIELD_NAME.test(name)) throw new Error(`Not a SOQL field name: ${name}`);
    return name;
}

export interface QueryScope {
    /** 18-character Opportunity Ids, already validated. */
    readonly opportunityIds?: readonly string[];
    /** Records modified at or after this SOQL date-time (validated). */
    readonly modifiedSince?: string;
}

/** SELECT fields FROM object [WHERE scope]; every value in it has been validated above. */
export function buildQuery(object: string, fields: readonly string[], scope: QueryScope = {}): string {
    const where: string[] = [];
    if (scope.opportunityIds && scope.opportunityIds.length > 0) {
        where.push(
            `Opportunity__c IN (${scope.opportunityIds.map((id) => `'${parseRecordId(id)}'`).join(',')})`
        );
    }
    if (scope.modifiedSince) where.push(`LastModifiedDate >= ${parseSoqlDateTime(scope.modifiedSince)}`);
    const head = `SELECT ${fields.map(checkedName).join(', ')} FROM ${checkedName(object)}`;
    return where.length === 0 ? head : `${head} WHERE ${where.join(' AND ')}`;
}

export function buildCount(object: string, scope: QueryScope = {}): string {
    return buildQuery(object, ['Id'], scope).replace(/^SELECT Id FROM/, 'SELECT COUNT() FROM');
}
