import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Connection } from '@jsforce/jsforce-node';
import { t } from 'c/dealControlModel';
import { CliError } from '../shared/errors';
import { fill } from '../shared/i18n';
import { OrgRunOptions, Source } from '../shared/orgFlags';
import { NetworkFailure, OrgClient } from './orgClient';
import { BulkSettings } from './bulk';
import { OrgReader } from './orgReads';
import { RetryPolicy } from './retry';

/** What connecting needs from a script's options. */
export interface ConnectOptions extends OrgRunOptions {
    readonly source: Source;
}

/** How a script gets its jsforce Connection; tests pass their own (for example one with a refreshFn). */
export type Connector = (options: ConnectOptions) => Promise<Connection>;

/** Identifies the scripts in the org's API usage logs (Sforce-Call-Options client=…). */
export const CLIENT_ID = 'DealControlRescore';

/**
 * SF_INSTANCE_URL + SF_ACCESS_TOKEN: a plain jsforce Connection, which cannot renew its session.
 * --target-org: the Connection @salesforce/core builds from the sf CLI's auth (it subclasses
 * jsforce's and carries a refresh delegate for web login, JWT and refresh-token auth).
 */
export const connectOrg: Connector = async (options) => {
    const source = options.source;
    if (source.kind === 'env') {
        return new Connection({
            instanceUrl: source.instanceUrl,
            accessToken: source.accessToken,
            // A hand-built Connection defaults to API 50.0.
            version: options.apiVersion,
            callOptions: { client: CLIENT_ID }
        });
    }
    if (source.kind !== 'target-org') throw new Error('not an org source');
    try {
        const { Org } = await import('@salesforce/core');
        const org = await Org.create({ aliasOrUsername: source.aliasOrUsername });
        const conn = org.getConnection(options.apiVersion);
        if (!conn.instanceUrl || !conn.accessToken) throw new Error('no instance URL or access token');
        // @salesforce/core's Connection extends this same @jsforce/jsforce-node Connection.
        return conn as unknown as Connection;
    } catch (error) {
        throw new CliError(
            'AUTH',
            fill(t('Cannot use org "{org}": {reason}.', '无法使用组织 "{org}"：{reason}。'), {
                org: source.aliasOrUsername,
                reason: (error as Error).message.replace(/\.$/, '')
            }),
            {
                cause: error,
                actions: [
                    fill(
                        t(
                            'Authorize it first: sf org login web --alias {org}',
                            '请先授权：sf org login web --alias {org}'
                        ),
                        {
                            org: source.aliasOrUsername
                        }
                    )
                ]
            }
        );
    }
};

/**
 * Lists the org's API versions (GET /services/data/, free: no API call counted) so a wrong
 * --api-version fails at once. Returns the org's clock from the Date header.
 */
async function checkApiVersion(client: OrgClient, version: string): Promise<number | null> {
    let versions: Array<{ version: string }>;
    try {
        versions = await client.conn.request<Array<{ version: string }>>({
            method: 'GET',
            url: client.url('/services/data/')
        });
    } catch (error) {
        if (!(error instanceof NetworkFailure)) return client.lastServerDate;
        throw new CliError(
            'UNREACHABLE',
            fill(t('Cannot reach {url}: {reason}.', '无法连接 {url}：{reason}。'), {
                url: client.conn.instanceUrl,
                reason: error.reason
            }),
            {
                cause: error,
                actions: [
                    t(
                        'Check the network and the org address (SF_INSTANCE_URL or the sf CLI alias), then rerun.',
                        '请检查网络和组织地址（SF_INSTANCE_URL 或 sf CLI 别名），然后重新运行。'
                    )
                ]
            }
        );
    }
    const offered = Array.isArray(versions) ? versions.map((v) => v.version) : [];
    if (offered.length > 0 && !offered.includes(version)) {
        throw new CliError(
            'API_VERSION',
            fill(t('This org does not offer API version {v}.', '此组织不提供 API 版本 {v}。'), {
                v: version
            }),
            {
                actions: [
                    fill(
                        t(
                            'Use --api-version {latest} (the newest it offers).',
                            '请使用 --api-version {latest}（其支持的最新版本）。'
                        ),
                        {
                            latest: offered[offered.length - 1]
                        }
                    )
                ]
            }
        );
    }
    return client.lastServerDate;
}

export interface OpenOrg {
    readonly client: OrgClient;
    readonly retry: RetryPolicy;
    readonly bulk: BulkSettings;
    readonly reader: OrgReader;
    /** The org's address without a trailing slash (the key of saved state). */
    readonly instanceUrl: string;
    /** The org's clock when the run began (from the Date header), else the local one. */
    readonly serverStart: number;
    /** A new file in the run's temporary folder (Bulk uploads), removed by close(). */
    readonly tempFile: (label: string) => string;
    readonly close: () => void;
}

/**
 * Connects, installs the metered client (budget, retries, Ctrl-C), checks the API version, and
 * sets up what every org run reads and uploads with: Bulk settings, the reader (REST or Bulk by
 * count) and a temporary folder for upload files.
 */
export async function openOrg(
    options: ConnectOptions,
    signal: AbortSignal,
    connect: Connector = connectOrg
): Promise<OpenOrg> {
    const started = Date.now();
    const conn = await connect(options);
    const retry: RetryPolicy = {
        maxRetries: options.maxRetries,
        baseDelayMs: options.retryDelayMs,
        maxDelayMs: Math.max(30_000, options.retryDelayMs)
    };
    const client = new OrgClient(conn, {
        apiVersion: options.apiVersion,
        retry,
        maxApiCalls: options.maxApiCalls,
        reservePercent: options.apiReservePercent,
        signal
    });
    const serverStart = (await checkApiVersion(client, options.apiVersion)) ?? started;
    const bulk: BulkSettings = {
        retry,
        pollIntervalMs: options.pollIntervalMs,
        pageSize: options.bulkPageSize,
        signal
    };
    const spoolDir = mkdtempSync(path.join(os.tmpdir(), 'deal-control-'));
    let files = 0;
    return {
        client,
        retry,
        bulk,
        reader: new OrgReader(client, bulk, options.bulkThreshold, options.transport === 'rest'),
        instanceUrl: conn.instanceUrl.replace(/\/+$/, ''),
        serverStart,
        tempFile: (label) => path.join(spoolDir, `${label}-${(files += 1)}.csv`),
        close: () => rmSync(spoolDir, { recursive: true, force: true })
    };
}
