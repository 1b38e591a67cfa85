import { t } from 'c/dealControlModel';
import { CliError } from './errors';
import { FlagTable, FlagValues, badFlag } from './flags';
import { fill } from './i18n';

/**
 * Flags of every script that reads an org or its CSV exports (rescore, purge): where the records
 * come from, the transport and its limits, the report. A script spreads ORG_FLAGS into its own
 * table and adds what is its own.
 */
export const DEFAULT_API_VERSION = '66.0';

export type Source =
    | { readonly kind: 'target-org'; readonly aliasOrUsername: string }
    | { readonly kind: 'env'; readonly instanceUrl: string; readonly accessToken: string }
    | { readonly kind: 'input-dir'; readonly dir: string }
    | { readonly kind: 'sample'; readonly dir: string };

function apiVersion(raw: string): string {
    const v = raw.trim();
    if (!/^\d{2,3}\.0$/.test(v)) {
        throw badFlag(
            t(
                '--api-version must look like 66.0, not "{v}".',
                '--api-version 的格式应为 66.0，而不是 "{v}"。'
            ),
            { v }
        );
    }
    return v;
}

/** Flags shared by the scripts that talk to an org (rescore, purge): sign-in, transport, limits. */
export const ORG_FLAGS = {
    'target-org': {
        type: 'string',
        short: 'o',
        group: 'source',
        valueName: '<alias|username>',
        help: t('an org authorized with the sf CLI', '已用 sf CLI 授权的组织'),
        excludes: {
            'input-dir': t(
                'work on an org or on a folder of CSV files.',
                '要么处理组织，要么处理 CSV 文件夹。'
            )
        }
    },
    'input-dir': {
        type: 'string',
        group: 'source',
        valueName: 'DIR',
        help: t('a folder of CSV exports (no org needed)', 'CSV 导出文件所在的文件夹（无需连接组织）')
    },
    'output-dir': {
        type: 'string',
        group: 'source',
        valueName: 'DIR',
        only: 'files',
        help: t(
            'where CSV mode writes its files for `sf data … bulk`; created if missing, never the --input-dir',
            'CSV 模式写出供 `sf data … bulk` 导入的文件的位置；不存在时自动创建，不能是 --input-dir'
        )
    },
    rest: {
        type: 'boolean',
        group: 'transport',
        only: 'org',
        help: t('force REST (sObject Collections)', '强制使用 REST（sObject Collections）'),
        excludes: { bulk: t('choose one transport.', '只能选择一种传输方式。') }
    },
    bulk: {
        type: 'boolean',
        group: 'transport',
        only: 'org',
        help: t('force Bulk API 2.0', '强制使用 Bulk API 2.0')
    },
    'bulk-threshold': {
        type: 'integer',
        group: 'transport',
        only: 'org',
        default: 2000,
        min: 0,
        max: 100_000_000,
        help: t('above this many records, use Bulk API 2.0', '记录数超过此值时使用 Bulk API 2.0')
    },
    'max-api-calls': {
        type: 'integer',
        group: 'transport',
        only: 'org',
        min: 1,
        max: 1_000_000_000,
        help: t('stop cleanly after N API calls', '调用 N 次 API 后安全停止')
    },
    'api-reserve': {
        type: 'integer',
        group: 'transport',
        only: 'org',
        default: 10,
        min: 0,
        max: 90,
        valueName: 'P',
        help: t("leave P % of the org's daily API allocation unused", '保留组织每日 API 配额的 P %')
    },
    concurrency: {
        type: 'integer',
        group: 'transport',
        only: 'org',
        default: 4,
        min: 1,
        max: 25,
        help: t('REST requests in flight', 'REST 并行请求数')
    },
    'max-retries': {
        type: 'integer',
        group: 'transport',
        only: 'org',
        default: 5,
        min: 0,
        max: 20,
        help: t('retries of a transient failure', '临时故障的重试次数')
    },
    'retry-delay': {
        type: 'integer',
        group: 'transport',
        only: 'org',
        default: 1000,
        min: 0,
        max: 600_000,
        valueName: 'MS',
        help: t('first retry wait in ms (doubles, with jitter)', '首次重试等待毫秒数（逐次加倍，带随机抖动）')
    },
    'poll-interval': {
        type: 'integer',
        group: 'transport',
        only: 'org',
        default: 2000,
        min: 0,
        max: 600_000,
        valueName: 'MS',
        help: t(
            'first wait between Bulk job status checks in ms (grows by half)',
            'Bulk 作业状态检查的首次间隔毫秒数（逐次增加一半）'
        )
    },
    'bulk-page-size': {
        type: 'integer',
        group: 'transport',
        only: 'org',
        default: 250_000,
        min: 1,
        max: 10_000_000,
        help: t('records per Bulk result page', '每个 Bulk 结果页的记录数')
    },
    'api-version': {
        type: 'string',
        group: 'transport',
        only: 'org',
        default: DEFAULT_API_VERSION,
        valueName: 'V',
        parse: apiVersion,
        help: t('Salesforce API version', 'Salesforce API 版本')
    }
} as const satisfies FlagTable;

/** What the flags' `only` contexts mean, in messages and help. */
export const SOURCE_CONTEXTS = {
    messages: {
        org: t(
            'needs an org (--target-org, or SF_INSTANCE_URL and SF_ACCESS_TOKEN); it means nothing for CSV files.',
            '需要连接组织（--target-org，或 SF_INSTANCE_URL 和 SF_ACCESS_TOKEN），对 CSV 文件无意义。'
        ),
        files: t(
            'is for CSV mode (--input-dir); a run on an org writes to the org itself.',
            '仅用于 CSV 模式（--input-dir）；连接组织运行时直接写入组织。'
        )
    },
    help: { org: t('org only', '仅限组织'), files: t('without an org only', '仅限不连接组织时') }
} as const;

/** The help sections of ORG_FLAGS (and COMMON_FLAGS) that an org script lists after its own. */
export const ORG_HELP_GROUPS = [
    { key: 'transport', title: t('Transport and limits', '传输与限额') },
    { key: 'output', title: t('Output', '输出') }
] as const;

/** Which source the flags and the environment choose: an org, a folder of CSV files, or the sample. */
export function sourceOf(
    values: { readonly 'target-org'?: string; readonly 'input-dir'?: string; readonly 'sample-dir'?: string },
    env: NodeJS.ProcessEnv,
    /** Where a script without an org or files reads bundled sample data; null when it has none. */
    defaultSampleDir: string | null
): Source | null {
    if (values['target-org'] !== undefined)
        return { kind: 'target-org', aliasOrUsername: values['target-org'] };
    if (values['input-dir'] !== undefined) return { kind: 'input-dir', dir: values['input-dir'] };
    const instanceUrl = env.SF_INSTANCE_URL?.trim() || '';
    const accessToken = env.SF_ACCESS_TOKEN?.trim() || '';
    if (instanceUrl === '' && accessToken === '') {
        const dir = values['sample-dir'] ?? defaultSampleDir;
        return dir === null ? null : { kind: 'sample', dir };
    }
    if (instanceUrl === '' || accessToken === '') {
        throw new CliError(
            'AUTH',
            t(
                'Set both SF_INSTANCE_URL and SF_ACCESS_TOKEN, or use --target-org <alias>.',
                '请同时设置 SF_INSTANCE_URL 和 SF_ACCESS_TOKEN，或使用 --target-org <别名>。'
            )
        );
    }
    if (!/^https?:\/\/[^\s/]+/.test(instanceUrl)) {
        throw new CliError(
            'AUTH',
            fill(t('SF_INSTANCE_URL "{url}" is not a URL.', 'SF_INSTANCE_URL "{url}" 不是有效的 URL。'), {
                url: instanceUrl
            }),
            {
                actions: [
                    t(
                        "Set it to your org's address, for example https://mycompany.my.salesforce.com.",
                        '请将其设为组织地址，例如 https://mycompany.my.salesforce.com。'
                    )
                ]
            }
        );
    }
    return { kind: 'env', instanceUrl: instanceUrl.replace(/\/+$/, ''), accessToken };
}

/** What ORG_FLAGS give a script, as options (the same names in rescore, purge and any later script). */
export interface OrgRunOptions {
    readonly apiVersion: string;
    readonly transport: 'auto' | 'rest' | 'bulk';
    readonly bulkThreshold: number;
    readonly outputDir: string | null;
    readonly maxApiCalls: number | null;
    readonly apiReservePercent: number;
    readonly concurrency: number;
    readonly maxRetries: number;
    readonly retryDelayMs: number;
    readonly pollIntervalMs: number;
    readonly bulkPageSize: number;
}

export function orgRunOptions(values: FlagValues<typeof ORG_FLAGS>): OrgRunOptions {
    return {
        apiVersion: values['api-version'],
        transport: values.bulk ? 'bulk' : values.rest ? 'rest' : 'auto',
        bulkThreshold: values['bulk-threshold'],
        outputDir: values['output-dir'] ?? null,
        maxApiCalls: values['max-api-calls'] ?? null,
        apiReservePercent: values['api-reserve'],
        concurrency: values.concurrency,
        maxRetries: values['max-retries'],
        retryDelayMs: values['retry-delay'],
        pollIntervalMs: values['poll-interval'],
        bulkPageSize: values['bulk-page-size']
    };
}
