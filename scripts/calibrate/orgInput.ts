import type { Connection } from 'jsforce';
import { RawRecord, t } from 'c/dealControlModel';
import { BulkSettings, bulkQuery } from '../rescore/bulk';
import { fill } from './i18n';
import { OrgClient } from '../rescore/orgClient';
import { RescoreOptions } from '../rescore/options';
import { connectOrg } from '../rescore/orgRun';
import { restCount, restQuery } from '../rescore/rest';
import { HttpError } from '../rescore/transport';
import { formatIsoDay } from './dates';
import { CalibrateError, interrupted } from './errors';
import { Intake, Place } from './intake';
import { CalibrateOptions, CalibrateSource } from './options';
import { OPPORTUNITY_COLUMNS, SNAPSHOT_COLUMNS } from './rows';

/**
 * Reads closed Opportunities and their snapshots from an org through the rescore script's org code
 * (its jsforce connection, metered client, REST paging and Bulk API 2.0 query), imported as it is.
 * The adapter is thin: connectOrg takes rescore's options type, of which it reads only the source
 * and the API version, so this file hands it exactly those two.
 */

export type OrgConnector = (options: CalibrateOptions) => Promise<Connection>;

export interface OrgReadStats {
    readonly instanceUrl: string;
    readonly opportunitiesVia: 'rest' | 'bulk';
    readonly snapshotsVia: 'rest' | 'bulk' | 'none';
    readonly apiCalls: number;
}

const defaultConnector: OrgConnector = (options) =>
    connectOrg({
        source: options.source as Extract<CalibrateSource, { kind: 'target-org' | 'env' }>,
        apiVersion: options.apiVersion
    } as RescoreOptions);

/** The SOQL for closed deals, and for the snapshots that can be a horizon snapshot of one of them. */
export function closedOpportunitiesQuery(sinceDay: number | null): string {
    const since = sinceDay === null ? '' : ` AND CloseDate >= ${formatIsoDay(sinceDay)}`;
    return `SELECT ${OPPORTUNITY_COLUMNS.join(', ')} FROM Opportunity WHERE IsClosed = true${since}`;
}

export function snapshotsQuery(latestSnapshotDay: number): string {
    // A snapshot later than (latest close − H) is too late for every deal: no need to read it.
    return `SELECT Id, ${SNAPSHOT_COLUMNS.join(', ')} FROM Control_Snapshot__c WHERE Snapshot_Date__c <= ${formatIsoDay(latestSnapshotDay)}`;
}

const text = (record: RawRecord, field: string): string => {
    const value = record[field];
    return value === null || value === undefined ? '' : String(value);
};

/** An HTTP error of a query, as the cause and the fix: a missing object or field means Deal Control is not deployed. */
export function orgQueryError(error: HttpError, object: string): CalibrateError {
    const missing = error.errorCode === 'INVALID_TYPE' || error.errorCode === 'INVALID_FIELD';
    return new CalibrateError(
        missing ? 'ORG_SCHEMA' : 'ORG_QUERY',
        fill(
            t('The org refused the query on {object}: {message}', '组织拒绝了对 {object} 的查询：{message}'),
            {
                object,
                message: error.message
            }
        ),
        missing
            ? t(
                  'Deploy Deal Control to the org (npm run deploy -- --target-org <alias>) and give the running user Deal_Control_Admin (read access and API access).',
                  '请将控单管理部署到该组织（npm run deploy -- --target-org <别名>），并为运行用户分配 Deal_Control_Admin（读取权限和 API 访问权限）。'
              )
            : t(
                  'Run again later; if it keeps failing, check the org status page.',
                  '请稍后重试；如仍失败，请查看组织的状态页面。'
              )
    );
}

export async function readOrgInput(
    options: CalibrateOptions,
    intake: Intake,
    signal: AbortSignal,
    onProgress: (snapshotsRead: number) => void = () => undefined,
    connect: OrgConnector = defaultConnector
): Promise<OrgReadStats> {
    const conn = await connect(options);
    const retry = { maxRetries: 5, baseDelayMs: 1000, maxDelayMs: 30_000 };
    const client = new OrgClient(conn, {
        apiVersion: options.apiVersion,
        retry,
        maxApiCalls: null,
        reservePercent: 10
    });
    const bulk: BulkSettings = { retry, pollIntervalMs: options.pollIntervalMs, pageSize: 250_000, signal };

    async function* records(object: string, soql: string, via: 'rest' | 'bulk'): AsyncGenerator<RawRecord> {
        try {
            yield* via === 'bulk' ? bulkQuery(client, soql, bulk) : restQuery(client, soql);
        } catch (error) {
            throw error instanceof HttpError ? orgQueryError(error, object) : error;
        }
    }
    async function count(object: string, soql: string): Promise<number> {
        try {
            return await restCount(client, soql.replace(/^SELECT .*? FROM/, 'SELECT COUNT() FROM'));
        } catch (error) {
            throw error instanceof HttpError ? orgQueryError(error, object) : error;
        }
    }

    const opportunitySoql = closedOpportunitiesQuery(options.sinceDay);
    const opportunitiesVia =
        (await count('Opportunity', opportunitySoql)) > options.bulkThreshold ? 'bulk' : 'rest';
    const place: Place = { source: 'Opportunity', ordinal: 0 };
    for await (const record of records('Opportunity', opportunitySoql, opportunitiesVia)) {
        if (signal.aborted) throw interrupted();
        place.ordinal += 1;
        place.id = text(record, 'Id');
        intake.opportunity((column) => text(record, column), place);
    }

    let snapshotsVia: OrgReadStats['snapshotsVia'] = 'none';
    const latestClose = intake.latestCloseDay();
    if (latestClose !== null) {
        const snapshotSoql = snapshotsQuery(latestClose - options.horizonDays);
        snapshotsVia =
            (await count('Control_Snapshot__c', snapshotSoql)) > options.bulkThreshold ? 'bulk' : 'rest';
        place.source = 'Control_Snapshot__c';
        place.ordinal = 0;
        for await (const record of records('Control_Snapshot__c', snapshotSoql, snapshotsVia)) {
            if (signal.aborted) throw interrupted();
            place.ordinal += 1;
            place.id = text(record, 'Id');
            intake.snapshot((column) => text(record, column), place);
            if (place.ordinal % 100_000 === 0) onProgress(place.ordinal);
        }
    }
    return { instanceUrl: conn.instanceUrl, opportunitiesVia, snapshotsVia, apiCalls: client.apiCalls };
}
