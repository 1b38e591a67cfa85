import { t } from 'c/dealControlModel';
import { CliError } from '../shared/errors';
import { fill } from '../shared/i18n';
import { OPPORTUNITY_KEY_PREFIX, normalizeRecordId } from '../shared/recordId';

function badValue(code: string, text: ReturnType<typeof t>, params: Record<string, string>): CliError {
    return new CliError(code, fill(text, params), {
        actions: [t('Run with --help to see the flags.', '使用 --help 查看所有参数。')]
    });
}

/**
 * Checks a record Id typed by a person and returns its 18-character form. Only letters and digits
 * pass, so nothing from a flag can change the meaning of a SOQL statement; an 18-character Id must
 * carry the right checksum, which catches a mistyped or truncated Id before it costs an API call.
 */
export function parseRecordId(raw: string): string {
    const id = normalizeRecordId(raw);
    if (id !== null) return id;
    const text = raw.trim();
    const wellFormed = /^[a-zA-Z0-9]{18}$/.test(text);
    throw badValue(
        'BAD_ID',
        wellFormed
            ? t(
                  '"{id}" has a wrong checksum: copy the Id again from the record URL.',
                  '"{id}" 校验位不正确：请从记录 URL 重新复制 Id。'
              )
            : t(
                  '"{id}" is not a Salesforce record Id (15 or 18 letters and digits).',
                  '"{id}" 不是 Salesforce 记录 Id（应为 15 或 18 位字母和数字）。'
              ),
        { id: text }
    );
}

/** An Opportunity Id: a record Id with Opportunity's key prefix (006), so another object's Id is refused, not silently matched to nothing. */
export function parseOpportunityId(raw: string): string {
    const id = parseRecordId(raw);
    if (id.startsWith(OPPORTUNITY_KEY_PREFIX)) return id;
    throw badValue(
        'NOT_AN_OPPORTUNITY',
        t(
            '"{id}" is not an Opportunity Id: Opportunity Ids start with 006 (this one starts with {prefix}). Copy the Id from the Opportunity\'s URL.',
            '"{id}" 不是业务机会 Id：业务机会 Id 以 006 开头（此 Id 以 {prefix} 开头）。请从业务机会的 URL 复制 Id。'
        ),
        { id: raw.trim(), prefix: id.slice(0, 3) }
    );
}

const ISO_DATE_TIME =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function daysInMonth(year: number, month: number): number {
    return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whether the calendar parts are real: no 30 February, no hour 25 (Date.parse would roll them over). */
function realParts(match: RegExpExecArray): boolean {
    const [year, month, day, hour = 0, minute = 0, second = 0] = match.slice(1, 7).map((p) => Number(p ?? 0));
    const offset = match[7];
    const offsetOk =
        offset === undefined ||
        offset === 'Z' ||
        (Number(offset.slice(1, 3)) <= 14 && Number(offset.slice(-2)) < 60);
    return (
        month >= 1 &&
        month <= 12 &&
        day >= 1 &&
        day <= daysInMonth(year, month) &&
        hour <= 23 &&
        minute <= 59 &&
        second <= 59 &&
        offsetOk
    );
}

/**
 * Parses an ISO 8601 date or date-time typed by a person into the UTC form SOQL expects
 * (2026-01-31T08:00:00Z). A date alone means midnight UTC. A date that does not exist (2026-02-30)
 * is refused, not rolled over into March.
 */
export function parseSoqlDateTime(raw: string): string {
    const text = raw.trim();
    const match = ISO_DATE_TIME.exec(text);
    const millis =
        match && realParts(match) ? Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text) : NaN;
    if (Number.isNaN(millis)) {
        throw badValue(
            'BAD_DATETIME',
            match
                ? t(
                      '"{value}" is not a real date or time (check the day of the month and the hour).',
                      '"{value}" 不是真实存在的日期或时间（请检查月份天数和小时）。'
                  )
                : t(
                      '"{value}" is not an ISO date or date-time (for example 2026-01-31 or 2026-01-31T08:00:00Z).',
                      '"{value}" 不是 ISO 日期或日期时间（例如 2026-01-31 或 2026-01-31T08:00:00Z）。'
                  ),
            { value: text }
        );
    }
    return formatSoqlDateTime(millis);
}

/** A calendar date (YYYY-MM-DD) that exists, as SOQL's date literal. */
export function parseSoqlDate(raw: string): string {
    const text = raw.trim();
    if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
        parseSoqlDateTime(text);
        return text;
    }
    throw badValue(
        'BAD_DATE',
        t('"{value}" is not a date like 2024-12-31.', '"{value}" 不是形如 2024-12-31 的日期。'),
        { value: text }
    );
}

export function formatSoqlDateTime(millis: number): string {
    return new Date(millis).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** SOQL names come from the model's field lists; this guard keeps that assumption honest. */
export function soqlName(name: string): string {
    if (!FIELD_NAME.test(name)) throw new Error(`Not a SOQL field name: ${name}`);
    return name;
}

/** A SOQL IN list of record Ids, each checked (letters and digits only). */
export function idList(ids: readonly string[]): string {
    return `(${ids.map((id) => `'${parseRecordId(id)}'`).join(',')})`;
}

/** `field = value` with a value the script chose: a checkbox, or a date checked to exist. */
export interface Equals {
    readonly field: string;
    readonly value: boolean | { readonly date: string };
}

export interface QueryScope {
    /** 18-character Opportunity Ids, already validated. */
    readonly opportunityIds?: readonly string[];
    /** The field those Ids are matched on: Opportunity__c, or Id on Opportunity itself. */
    readonly opportunityField?: 'Opportunity__c' | 'Id';
    /** Records modified at or after this SOQL date-time (validated). */
    readonly modifiedSince?: string;
    /** Further conditions, each field = value. */
    readonly equals?: readonly Equals[];
}

function equalsClause({ field, value }: Equals): string {
    return `${soqlName(field)} = ${typeof value === 'boolean' ? String(value) : parseSoqlDate(value.date)}`;
}

/** SELECT fields FROM object [WHERE scope]; every value in it has been validated above. */
export function buildQuery(object: string, fields: readonly string[], scope: QueryScope = {}): string {
    const where: string[] = (scope.equals ?? []).map(equalsClause);
    if (scope.opportunityIds && scope.opportunityIds.length > 0) {
        where.push(`${scope.opportunityField ?? 'Opportunity__c'} IN ${idList(scope.opportunityIds)}`);
    }
    if (scope.modifiedSince) where.push(`LastModifiedDate >= ${parseSoqlDateTime(scope.modifiedSince)}`);
    const head = `SELECT ${fields.map(soqlName).join(', ')} FROM ${soqlName(object)}`;
    return where.length === 0 ? head : `${head} WHERE ${where.join(' AND ')}`;
}

export function buildCount(object: string, scope: QueryScope = {}): string {
    return buildQuery(object, ['Id'], scope).replace(/^SELECT Id FROM/, 'SELECT COUNT() FROM');
}
