import { parseArgs } from 'node:util';
import { t } from 'c/dealControlModel';
import { RescoreError, fill } from './i18n';
import { parseRecordId, parseSoqlDateTime } from './soql';

export const DEFAULT_API_VERSION = '66.0';

export type Transport = 'auto' | 'rest' | 'bulk';

export type Source =
    | { readonly kind: 'target-org'; readonly aliasOrUsername: string }
    | { readonly kind: 'env'; readonly instanceUrl: string; readonly accessToken: string }
    | { readonly kind: 'input-dir'; readonly dir: string }
    | { readonly kind: 'sample'; readonly dir: string };

export interface RescoreOptions {
    readonly source: Source;
    readonly apiVersion: string;
    readonly apply: boolean;
    readonly check: boolean;
    readonly opportunityIds: readonly string[] | null;
    /** A validated SOQL date-time, 'last', or null for a full run. */
    readonly since: string | null;
    readonly transport: Transport;
    readonly bulkThreshold: number;
    readonly outputDir: string | null;
    readonly json: boolean;
    readonly reportFile: string | null;
    readonly maxApiCalls: number | null;
    readonly apiReservePercent: number;
    readonly stateDir: string;
    readonly concurrency: number;
    readonly maxRetries: number;
    readonly retryDelayMs: number;
    readonly pollIntervalMs: number;
    readonly bulkPageSize: number;
    readonly lang: 'en' | 'zh' | null;
    readonly help: boolean;
}

const SPEC = {
    'target-org': { type: 'string', short: 'o' },
    'api-version': { type: 'string' },
    apply: { type: 'boolean' },
    check: { type: 'boolean' },
    opportunity: { type: 'string', multiple: true },
    since: { type: 'string' },
    bulk: { type: 'boolean' },
    rest: { type: 'boolean' },
    'bulk-threshold': { type: 'string' },
    'input-dir': { type: 'string' },
    'output-dir': { type: 'string' },
    'sample-dir': { type: 'string' },
    json: { type: 'boolean' },
    report: { type: 'string' },
    'max-api-calls': { type: 'string' },
    'api-reserve': { type: 'string' },
    'state-dir': { type: 'string' },
    concurrency: { type: 'string' },
    'max-retries': { type: 'string' },
    'retry-delay': { type: 'string' },
    'poll-interval': { type: 'string' },
    'bulk-page-size': { type: 'string' },
    lang: { type: 'string' },
    help: { type: 'boolean', short: 'h' }
} as const;

function badFlag(en: string, zh: string, params: Record<string, string | number> = {}): RescoreError {
    return new RescoreError('BAD_FLAGS', fill(t(en, zh), params));
}

function integer(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
    if (raw === undefined) return fallback;
    const value = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
    if (!Number.isSafeInteger(value) || value < min || value > max) {
        throw badFlag(
            '--{name} must be a whole number from {min} to {max}, not "{raw}".',
            '--{name} 必须是 {min} 到 {max} 之间的整数，而不是 "{raw}"。',
            { name, min, max, raw }
        );
    }
    return value;
}

/** Parses and checks every flag; any problem is a RescoreError with exit code 3 and a fix to try. */
export function parseOptions(
    argv: readonly string[],
    env: NodeJS.ProcessEnv,
    defaultSampleDir: string
): RescoreOptions {
    let values: ReturnType<typeof parseArgs<{ options: typeof SPEC }>>['values'];
    try {
        ({ values } = parseArgs({ args: [...argv], options: SPEC, allowPositionals: false, strict: true }));
    } catch (error) {
        throw badFlag('{message} Run with --help to see the flags.', '{message} 使用 --help 查看所有参数。', {
            message: (error as Error).message
        });
    }

    const apiVersion = values['api-version'] ?? DEFAULT_API_VERSION;
    if (!/^\d{2,3}\.0$/.test(apiVersion)) {
        throw badFlag(
            '--api-version must look like 66.0, not "{v}".',
            '--api-version 的格式应为 66.0，而不是 "{v}"。',
            {
                v: apiVersion
            }
        );
    }
    if (values.apply && values.check) {
        throw badFlag(
            '--apply and --check exclude each other: --check only audits and never writes.',
            '--apply 与 --check 不能同时使用：--check 只做审计，从不写入。'
        );
    }
    if (values.bulk && values.rest) {
        throw badFlag('Choose one of --bulk and --rest.', '--bulk 与 --rest 只能选一个。');
    }
    const lang = values.lang ?? null;
    if (lang !== null && lang !== 'en' && lang !== 'zh') {
        throw badFlag('--lang must be en or zh.', '--lang 只能是 en 或 zh。');
    }

    const instanceUrl = env.SF_INSTANCE_URL?.trim() || '';
    const accessToken = env.SF_ACCESS_TOKEN?.trim() || '';
    let source: Source;
    if (values['target-org'] !== undefined) {
        if (values['input-dir'] !== undefined) {
            throw badFlag(
                '--target-org and --input-dir exclude each other: rescore an org or a folder of CSV files.',
                '--target-org 与 --input-dir 不能同时使用：要么重算组织，要么重算 CSV 文件夹。'
            );
        }
        source = { kind: 'target-org', aliasOrUsername: values['target-org'] };
    } else if (values['input-dir'] !== undefined) {
        source = { kind: 'input-dir', dir: values['input-dir'] };
    } else if (instanceUrl !== '' || accessToken !== '') {
        if (instanceUrl === '' || accessToken === '') {
            throw new RescoreError(
                'AUTH',
                t(
                    'Set both SF_INSTANCE_URL and SF_ACCESS_TOKEN, or use --target-org <alias>.',
                    '请同时设置 SF_INSTANCE_URL 和 SF_ACCESS_TOKEN，或使用 --target-org <别名>。'
                )
            );
        }
        if (!/^https?:\/\/[^\s/]+/.test(instanceUrl)) {
            throw new RescoreError(
                'AUTH',
                fill(t('SF_INSTANCE_URL "{url}" is not a URL.', 'SF_INSTANCE_URL "{url}" 不是有效的 URL。'), {
                    url: instanceUrl
                })
            );
        }
        source = { kind: 'env', instanceUrl: instanceUrl.replace(/\/+$/, ''), accessToken };
    } else {
        source = { kind: 'sample', dir: values['sample-dir'] ?? defaultSampleDir };
    }
    const offline = source.kind === 'input-dir' || source.kind === 'sample';

    let since: string | null = null;
    if (values.since !== undefined) {
        if (offline) {
            throw badFlag(
                '--since needs an org: CSV files carry no reliable modification time.',
                '--since 需要连接组织：CSV 文件没有可靠的修改时间。'
            );
        }
        since = values.since.trim() === 'last' ? 'last' : parseSoqlDateTime(values.since);
    }
    if (offline) {
        for (const flag of ['bulk', 'rest', 'max-api-calls', 'bulk-threshold'] as const) {
            if (values[flag] !== undefined) {
                throw badFlag(
                    '--{flag} needs an org; it means nothing for CSV files.',
                    '--{flag} 需要连接组织，对 CSV 文件无意义。',
                    {
                        flag
                    }
                );
            }
        }
    } else if (values['output-dir'] !== undefined) {
        throw badFlag(
            '--output-dir is for CSV mode; with an org use --report FILE.csv for a record of the changes.',
            '--output-dir 仅用于 CSV 模式；连接组织时请用 --report FILE.csv 记录变更。'
        );
    }

    const opportunityIds =
        values.opportunity === undefined
            ? null
            : [
                  ...new Set(
                      values.opportunity
                          .flatMap((v) => v.split(','))
                          .filter((v) => v.trim() !== '')
                          .map(parseRecordId)
                  )
              ];
    if (opportunityIds !== null && opportunityIds.length === 0) {
        throw badFlag('--opportunity needs at least one Id.', '--opportunity 至少需要一个 Id。');
    }
    if (opportunityIds !== null && since !== null) {
        throw badFlag(
            '--opportunity and --since exclude each other: name the Opportunities, or ask for what changed.',
            '--opportunity 与 --since 不能同时使用：要么指定业务机会，要么按变更时间筛选。'
        );
    }

    return {
        source,
        apiVersion,
        apply: values.apply ?? false,
        check: values.check ?? false,
        opportunityIds,
        since,
        transport: values.bulk ? 'bulk' : values.rest ? 'rest' : 'auto',
        bulkThreshold: integer('bulk-threshold', values['bulk-threshold'], 2000, 0, 100_000_000),
        outputDir: values['output-dir'] ?? null,
        json: values.json ?? false,
        reportFile: values.report ?? null,
        maxApiCalls:
            values['max-api-calls'] === undefined
                ? null
                : integer('max-api-calls', values['max-api-calls'], 0, 1, 1e9),
        apiReservePercent: integer('api-reserve', values['api-reserve'], 10, 0, 90),
        stateDir: values['state-dir'] ?? '.rescore-state',
        concurrency: integer('concurrency', values.concurrency, 4, 1, 25),
        maxRetries: integer('max-retries', values['max-retries'], 5, 0, 20),
        retryDelayMs: integer('retry-delay', values['retry-delay'], 1000, 0, 600_000),
        pollIntervalMs: integer('poll-interval', values['poll-interval'], 2000, 0, 600_000),
        bulkPageSize: integer('bulk-page-size', values['bulk-page-size'], 250_000, 1, 10_000_000),
        lang,
        help: values.help ?? false
    };
}

export const HELP = t(
    `Recomputes Deal Control's derived fields with the shared scoring model and writes back only what changed.

Usage: npm run rescore -- [flags]

Where the records come from (one of):
  --target-org, -o <alias|username>  an org authorized with the sf CLI
  SF_INSTANCE_URL + SF_ACCESS_TOKEN  environment variables (CI, the local fake org)
  --input-dir DIR                    CSV exports: Stakeholder_Assessment__c.csv, C139_Scorecard__c.csv
                                     (Opportunity.csv optional); results go to --output-dir DIR
  (nothing)                          the bundled sample data, printed as a table

What it does:
  (default)            dry run: reads, scores, prints what would change, writes nothing
  --apply              writes the changed derived fields
  --check              audit: exit 1 when any stored derived value differs from the model
  --opportunity <Id,…> only these Opportunities
  --since <ISO|last>   only Opportunities whose records changed since then ("last": the previous
                       successful run on this org, kept in --state-dir, default .rescore-state)

Transport and limits:
  --rest | --bulk      force REST (sObject Collections) or Bulk API 2.0; default: Bulk above
                       --bulk-threshold records (2000)
  --max-api-calls N    stop cleanly after N API calls
  --api-reserve P      leave P % of the daily API allocation unused (default 10)
  --concurrency N      parallel REST writes (default 4)
  --max-retries N, --retry-delay MS, --poll-interval MS, --bulk-page-size N, --api-version V (66.0)

Output:
  --json               one JSON document on stdout: { status, result, warnings }
  --report FILE.csv    one line per change, failure or data problem
  --lang en|zh         language of the messages (default: from LANG)

Exit codes: 0 done, 1 --check found drift, 2 some records failed, 3 could not run.`,
    `使用共享评分模型重新计算控单管理的派生字段，只写回有变化的部分。

用法：npm run rescore -- [参数]

记录来源（任选其一）：
  --target-org, -o <别名|用户名>     已用 sf CLI 授权的组织
  SF_INSTANCE_URL + SF_ACCESS_TOKEN  环境变量（CI、本地模拟组织）
  --input-dir DIR                    CSV 导出：Stakeholder_Assessment__c.csv、C139_Scorecard__c.csv
                                     （Opportunity.csv 可选）；结果写入 --output-dir DIR
  （不指定）                          内置示例数据，以表格输出

执行方式：
  （默认）              试运行：读取、评分、列出将要修改的内容，不写入
  --apply              写入有变化的派生字段
  --check              审计：任何已存派生值与模型不符时退出码为 1
  --opportunity <Id,…> 只处理这些业务机会
  --since <ISO|last>   只处理此后有记录变更的业务机会（"last"：此组织上一次成功运行的时间，
                       保存在 --state-dir，默认 .rescore-state）

传输与限额：
  --rest | --bulk      强制使用 REST（sObject Collections）或 Bulk API 2.0；默认超过
                       --bulk-threshold 条记录（2000）时使用 Bulk
  --max-api-calls N    调用 N 次 API 后安全停止
  --api-reserve P      保留每日 API 配额的 P %（默认 10）
  --concurrency N      REST 并行写入数（默认 4）
  --max-retries N、--retry-delay 毫秒、--poll-interval 毫秒、--bulk-page-size N、--api-version V（66.0）

输出：
  --json               在标准输出打印一个 JSON：{ status, result, warnings }
  --report FILE.csv    每个变更、失败或数据问题一行
  --lang en|zh         提示语言（默认取自 LANG）

退出码：0 完成，1 --check 发现偏差，2 部分记录失败，3 无法运行。`
);
