import { t } from 'c/dealControlModel';
import { CommonOptions } from '../shared/cliProgram';
import { COMMON_FLAGS, FlagTable, badFlag, parseFlags, refuseOutside, renderHelp } from '../shared/flags';
import {
    ORG_FLAGS,
    ORG_HELP_GROUPS,
    OrgRunOptions,
    SOURCE_CONTEXTS,
    Source,
    orgRunOptions,
    sourceOf
} from '../shared/orgFlags';
import { parseOpportunityId, parseSoqlDate, parseSoqlDateTime } from './soql';

export { DEFAULT_API_VERSION } from '../shared/orgFlags';
export type { Source } from '../shared/orgFlags';

export interface RescoreOptions extends CommonOptions, OrgRunOptions {
    readonly source: Source;
    readonly apply: boolean;
    readonly check: boolean;
    readonly opportunityIds: readonly string[] | null;
    /** A validated SOQL date-time, 'last', or null for a full run. */
    readonly since: string | null;
    /** What `--since last` does when no earlier run is recorded. */
    readonly ifNoState: 'fail' | 'full';
    readonly reportFile: string | null;
    readonly stateDir: string;
    /** With --snapshot: the day the snapshots describe (YYYY-MM-DD, today in UTC by default); else null. */
    readonly snapshotDate: string | null;
}

/** Today's date in UTC, as YYYY-MM-DD: the day a snapshot taken now describes. */
export function utcDate(now: Date): string {
    return now.toISOString().slice(0, 10);
}

function since(raw: string): string {
    return raw.trim() === 'last' ? 'last' : parseSoqlDateTime(raw);
}

export const RESCORE_FLAGS = {
    ...ORG_FLAGS,
    report: {
        type: 'string',
        group: 'output',
        valueName: 'FILE.csv',
        help: t(
            'one CSV line per change, failure or data problem (never an input file)',
            '每个变更、失败或数据问题一行 CSV（不能是输入文件）'
        )
    },
    'sample-dir': {
        type: 'string',
        group: 'source',
        valueName: 'DIR',
        only: 'files',
        help: t('another folder of sample data (sfdx tree JSON)', '另一个示例数据文件夹（sfdx tree JSON）')
    },
    apply: {
        type: 'boolean',
        group: 'action',
        help: t('write the changed derived fields', '写入有变化的派生字段'),
        excludes: { check: t('--check only audits and never writes.', '--check 只做审计，从不写入。') }
    },
    check: {
        type: 'boolean',
        group: 'action',
        help: t(
            'audit: exit 1 when any stored derived value differs from the model',
            '审计：任何已存派生值与模型不符时退出码为 1'
        )
    },
    opportunity: {
        type: 'list',
        group: 'action',
        valueName: '<006…,006…>',
        parse: parseOpportunityId,
        help: t('only these Opportunities (Ids starting 006)', '只处理这些业务机会（以 006 开头的 Id）'),
        excludes: {
            since: t(
                'name the Opportunities, or ask for what changed.',
                '要么指定业务机会，要么按变更时间筛选。'
            )
        }
    },
    since: {
        type: 'string',
        group: 'action',
        only: 'org',
        valueName: '<ISO|last>',
        parse: since,
        help: t(
            'only Opportunities whose records changed since then; "last": the start of the previous successful --apply run on this org',
            '只处理此后有记录变更的业务机会；"last"：此组织上一次成功 --apply 运行的开始时间'
        )
    },
    snapshot: {
        type: 'boolean',
        group: 'action',
        help: t(
            'also take the daily control snapshot of every open deal with a scorecard (Control_Snapshot__c, upserted on Snapshot_Key__c; CSV mode: Control_Snapshot__c.csv), after rescoring',
            '重新评分后，同时为每个有 C139 记分卡的未关闭业务机会生成当天的控单快照（Control_Snapshot__c，按 Snapshot_Key__c 更新插入；CSV 模式：Control_Snapshot__c.csv）'
        ),
        excludes: {
            check: t(
                '--check only audits; take snapshots with a dry run or --apply.',
                '--check 只做审计；请在试运行或 --apply 时生成快照。'
            )
        }
    },
    'snapshot-date': {
        type: 'string',
        group: 'action',
        valueName: 'YYYY-MM-DD',
        parse: parseSoqlDate,
        requires: ['snapshot'],
        help: t(
            'the day the snapshots describe, for a night the job missed (default: today in UTC; never in the future); the values are those of this run',
            '快照所描述的日期，用于补上漏跑的那一晚（默认：UTC 当天；不能是将来的日期）；数值为本次运行的结果'
        )
    },
    'if-no-state': {
        type: 'enum',
        group: 'action',
        only: 'org',
        choices: ['fail', 'full'],
        default: 'fail',
        requires: ['since'],
        help: t(
            'what --since last does when no earlier run is recorded: fail (exit 3) or a full run (a first nightly run)',
            '没有之前的运行记录时 --since last 的做法：fail（退出码 3）或 full（完整运行，适合首次夜间运行）'
        )
    },
    'state-dir': {
        type: 'string',
        group: 'action',
        only: 'org',
        valueName: 'DIR',
        default: '.rescore-state',
        help: t(
            "where --since last keeps the time of each org's last run",
            '--since last 保存各组织上次运行时间的位置'
        )
    },
    ...COMMON_FLAGS
} as const satisfies FlagTable;

/** Parses and checks every flag; any problem is a CliError with exit code 3 and a fix to try. */
export function parseOptions(
    argv: readonly string[],
    env: NodeJS.ProcessEnv,
    defaultSampleDir: string,
    now: Date = new Date()
): RescoreOptions {
    const { values, given } = parseFlags(RESCORE_FLAGS, argv);
    const source = sourceOf(values, env, defaultSampleDir)!;
    const offline = source.kind === 'input-dir' || source.kind === 'sample';
    refuseOutside(RESCORE_FLAGS, given, offline ? 'files' : 'org', SOURCE_CONTEXTS.messages);
    if (given.has('if-no-state') && values.since !== 'last') {
        throw badFlag(
            t('--if-no-state applies to --since last only.', '--if-no-state 只适用于 --since last。')
        );
    }
    const today = utcDate(now);
    if (values.snapshot && source.kind === 'sample' && !values.help) {
        throw badFlag(
            t(
                '--snapshot needs an org, or --input-dir with the exports (Opportunity.csv included); the bundled sample data already holds snapshots (data/Control_Snapshot__c.json).',
                '--snapshot 需要连接组织，或用 --input-dir 指定导出文件（含 Opportunity.csv）；内置示例数据已包含快照（data/Control_Snapshot__c.json）。'
            )
        );
    }
    const snapshotDate = values['snapshot-date'] ?? today;
    if (snapshotDate > today) {
        throw badFlag(
            t(
                '--snapshot-date {date} is in the future: a snapshot records a day that has come (today in UTC is {today}).',
                '--snapshot-date {date} 是将来的日期：快照只能记录已到来的日期（UTC 今天是 {today}）。'
            ),
            { date: snapshotDate, today }
        );
    }
    const ids = values.opportunity === undefined ? null : [...new Set(values.opportunity)];
    return {
        ...orgRunOptions(values),
        source,
        apply: values.apply,
        check: values.check,
        opportunityIds: ids,
        since: values.since ?? null,
        ifNoState: values['if-no-state'],
        reportFile: values.report ?? null,
        stateDir: values['state-dir'],
        snapshotDate: values.snapshot ? snapshotDate : null,
        json: values.json,
        verbose: values.verbose,
        lang: values.lang,
        help: values.help
    };
}

export const HELP = renderHelp(RESCORE_FLAGS, {
    summary: t(
        "Recomputes Deal Control's derived fields with the shared scoring model and writes back only what changed.",
        '使用共享评分模型重新计算控单管理的派生字段，只写回有变化的部分。'
    ),
    usage: 'npm run rescore -- [flags]',
    groups: [
        {
            key: 'source',
            title: t('Where the records come from (one of)', '记录来源（任选其一）'),
            preface: t(
                'SF_INSTANCE_URL + SF_ACCESS_TOKEN   environment variables (CI, the local fake org)\n(nothing)                           the bundled sample data, printed as a table\nCSV mode reads Stakeholder_Assessment__c.csv and C139_Scorecard__c.csv (Opportunity.csv optional, required\nwith --snapshot) from --input-dir; headers match case-insensitively; every column the model reads is required.',
                'SF_INSTANCE_URL + SF_ACCESS_TOKEN   环境变量（CI、本地模拟组织）\n（不指定）                          内置示例数据，以表格输出\nCSV 模式从 --input-dir 读取 Stakeholder_Assessment__c.csv 和 C139_Scorecard__c.csv（Opportunity.csv 可选，\n使用 --snapshot 时必需）；表头不区分大小写；模型读取的每一列都必须存在。'
            )
        },
        {
            key: 'action',
            title: t(
                'What it does (default: a dry run that writes nothing)',
                '执行方式（默认：试运行，不写入）'
            )
        },
        ...ORG_HELP_GROUPS
    ],
    contexts: SOURCE_CONTEXTS.help,
    footer: t(
        'Exit codes: 0 done, 1 --check found drift, 2 some records failed, 3 could not run (flags, files, auth, API budget, Ctrl-C).',
        '退出码：0 完成，1 --check 发现偏差，2 部分记录失败，3 无法运行（参数、文件、认证、API 配额、Ctrl-C）。'
    )
});
