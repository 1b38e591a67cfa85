import { LocalizedText, t } from 'c/dealControlModel';
import { fill } from './i18n';
import { idSuffix } from '../rescore/soql';
import { BAND_ORDER } from './calibration';
import { parseIsoDay } from './dates';

/**
 * Reading one Opportunity or snapshot row, whatever it came from (a CSV export, the org, the sample
 * data): every value arrives as text, as Bulk API and CSV exports give it, and is checked the same
 * way. A row that fails gets a reason a person can act on; the caller adds where the row was.
 */

/** The columns Part E names; other columns in a file are ignored. */
export const OPPORTUNITY_COLUMNS = ['Id', 'IsClosed', 'IsWon', 'CloseDate'] as const;
export const SNAPSHOT_COLUMNS = [
    'Opportunity__c',
    'Snapshot_Date__c',
    'Control_Score__c',
    'Control_Band__c',
    'Probability__c'
] as const;

export type Cell = (column: string) => string;

export type Checked<T> =
    { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: LocalizedText };

export interface OpportunityRow {
    readonly id: string;
    readonly closed: boolean;
    readonly won: boolean;
    /** Day number of CloseDate (checked only for closed deals, the only ones calibration reads). */
    readonly closeDay: number;
}

export interface SnapshotRow {
    readonly opportunityId: string;
    readonly day: number;
    readonly score: number;
    /** Index into BAND_ORDER. */
    readonly band: number;
    readonly probability: number;
}

const ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
const DECIMAL = /^-?\d+(?:\.\d+)?$/;

const bad = <T>(en: string, zh: string, params: Record<string, string | number>): Checked<T> => ({
    ok: false,
    reason: fill(t(en, zh), params)
});

/** An Id as its 18-character form; an 18-character Id must carry the right case-safe suffix. */
function recordId(column: string, raw: string): Checked<string> {
    if (!ID.test(raw)) {
        return raw === ''
            ? bad('{column} is blank.', '{column} 为空。', { column })
            : bad(
                  '{column} "{value}" is not a Salesforce record Id.',
                  '{column} "{value}" 不是 Salesforce 记录 Id。',
                  {
                      column,
                      value: raw
                  }
              );
    }
    const id = raw.slice(0, 15) + idSuffix(raw.slice(0, 15));
    if (raw.length === 18 && raw !== id) {
        return bad(
            '{column} "{value}" has a wrong checksum: export the Id again.',
            '{column} "{value}" 校验位不正确：请重新导出 Id。',
            { column, value: raw }
        );
    }
    return { ok: true, value: id };
}

function bool(column: string, raw: string): Checked<boolean> {
    const lower = raw.toLowerCase();
    if (lower === 'true' || lower === 'false') return { ok: true, value: lower === 'true' };
    return bad(
        '{column} is "{value}"; write true or false.',
        '{column} 的值为 "{value}"；请写 true 或 false。',
        { column, value: raw }
    );
}

function date(column: string, raw: string): Checked<number> {
    const day = parseIsoDay(raw);
    if (day !== null) return { ok: true, value: day };
    return bad(
        '{column} is "{value}"; write the date as YYYY-MM-DD, for example 2026-03-31.',
        '{column} 的值为 "{value}"；日期请写成 YYYY-MM-DD，例如 2026-03-31。',
        { column, value: raw }
    );
}

function percentPoints(column: string, raw: string): Checked<number> {
    const value = DECIMAL.test(raw) ? Number(raw) : NaN;
    if (value >= 0 && value <= 100) return { ok: true, value };
    return bad(
        '{column} is "{value}"; it must be a number from 0 to 100 (percent points, 30 for 30 %).',
        '{column} 的值为 "{value}"；必须是 0 到 100 的数字（百分点，30 表示 30%）。',
        { column, value: raw }
    );
}

export function readOpportunity(cell: Cell): Checked<OpportunityRow> {
    const id = recordId('Id', cell('Id'));
    if (!id.ok) return id;
    const closed = bool('IsClosed', cell('IsClosed'));
    if (!closed.ok) return closed;
    const won = bool('IsWon', cell('IsWon'));
    if (!won.ok) return won;
    if (won.value && !closed.value) {
        return bad(
            'IsWon is true but IsClosed is false: a won deal is closed. Export both fields again.',
            'IsWon 为 true 而 IsClosed 为 false：赢单的业务机会必然已关闭。请重新导出这两个字段。',
            {}
        );
    }
    if (!closed.value) return { ok: true, value: { id: id.value, closed: false, won: false, closeDay: 0 } };
    const closeDay = date('CloseDate', cell('CloseDate'));
    if (!closeDay.ok) return closeDay;
    return { ok: true, value: { id: id.value, closed: true, won: won.value, closeDay: closeDay.value } };
}

export function readSnapshot(cell: Cell): Checked<SnapshotRow> {
    const opportunityId = recordId('Opportunity__c', cell('Opportunity__c'));
    if (!opportunityId.ok) return opportunityId;
    const day = date('Snapshot_Date__c', cell('Snapshot_Date__c'));
    if (!day.ok) return day;
    const score = percentPoints('Control_Score__c', cell('Control_Score__c'));
    if (!score.ok) return score;
    const bandName = cell('Control_Band__c');
    const band = BAND_ORDER.indexOf(bandName as (typeof BAND_ORDER)[number]);
    if (band < 0) {
        return bad(
            'Control_Band__c is "{value}"; it must be one of {bands} (exact API names).',
            'Control_Band__c 的值为 "{value}"；必须是 {bands} 之一（准确的 API 名称）。',
            { value: bandName, bands: BAND_ORDER.join(', ') }
        );
    }
    const probability = percentPoints('Probability__c', cell('Probability__c'));
    if (!probability.ok) return probability;
    return {
        ok: true,
        value: {
            opportunityId: opportunityId.value,
            day: day.value,
            score: score.value,
            band,
            probability: probability.value
        }
    };
}
