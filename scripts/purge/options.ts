import { t } from 'c/dealControlModel';
import { CommonOptions } from '../shared/cliProgram';
import { CliError } from '../shared/errors';
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
import { parseOpportunityId, parseSoqlDate } from '../rescore/soql';

export type PurgeAction = 'delete' | 'anonymize';

export interface PurgeOptions extends CommonOptions, OrgRunOptions {
    readonly source: Source;
    /** Opportunities closed before this date (YYYY-MM-DD, a SOQL date literal) are purged. */
    readonly closedBefore: string;
    readonly action: PurgeAction;
    readonly apply: boolean;
    readonly opportunityIds: readonly string[] | null;
    readonly receiptFile: string | null;
}

export const PURGE_FLAGS = {
    ...ORG_FLAGS,
    'closed-before': {
        type: 'string',
        group: 'action',
        valueName: 'YYYY-MM-DD',
        required: true,
        parse: parseSoqlDate,
        help: t(
            'purge the assessments and links of Opportunities closed (won or lost) before this date; it must be before today',
            '清除在此日期之前关闭（赢单或丢单）的业务机会的五维评估和连线；日期必须早于今天'
        )
    },
    anonymize: {
        type: 'boolean',
        group: 'action',
        help: t(
            'instead of deleting, blank the personal fields (a link keeps its ends and type) and rename each assessment "Stakeholder N" (numbers for reports stay)',
            '不删除，而是清空个人字段（连线保留两端和类型）并把每条评估改名为“Stakeholder N”（供报表使用的数值保留）'
        )
    },
    apply: {
        type: 'boolean',
        group: 'action',
        only: 'org',
        help: t(
            'change the org (default: a dry run that changes nothing)',
            '修改组织（默认：试运行，不做任何修改）'
        )
    },
    opportunity: {
        type: 'list',
        group: 'action',
        valueName: '<006…,006…>',
        parse: parseOpportunityId,
        help: t(
            'only these Opportunities; each must be closed before --closed-before, or nothing is done',
            '只处理这些业务机会；每个都必须在 --closed-before 之前关闭，否则不做任何处理'
        )
    },
    receipt: {
        type: 'string',
        group: 'output',
        valueName: 'FILE.csv',
        help: t(
            'the CSV receipt of what was done, Ids only (default with --apply: purge-receipt-<time>.csv; CSV mode: receipt.csv in --output-dir)',
            '记录处理结果的 CSV 回执，只含 Id（--apply 时默认 purge-receipt-<时间>.csv；CSV 模式默认写入 --output-dir 下的 receipt.csv）'
        )
    },
    ...COMMON_FLAGS
} as const satisfies FlagTable;

/** Today's date on this machine's calendar, as YYYY-MM-DD. */
export function localDate(now: Date): string {
    const pad = (n: number): string => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Parses and checks the flags; `now` decides what "a date in the future" is. */
export function parsePurgeOptions(
    argv: readonly string[],
    env: NodeJS.ProcessEnv,
    now: Date = new Date()
): PurgeOptions {
    const { values, given } = parseFlags(PURGE_FLAGS, argv);
    const source = sourceOf(values, env, null);
    if (!values.help && source === null) {
        throw new CliError(
            'NO_SOURCE',
            t(
                'Purge needs an org (--target-org <alias>, or SF_INSTANCE_URL and SF_ACCESS_TOKEN) or a folder of CSV exports (--input-dir DIR).',
                '清除需要连接组织（--target-org <别名>，或 SF_INSTANCE_URL 和 SF_ACCESS_TOKEN）或 CSV 导出文件夹（--input-dir DIR）。'
            ),
            { actions: [t('Run with --help to see the flags.', '使用 --help 查看所有参数。')] }
        );
    }
    refuseOutside(
        PURGE_FLAGS,
        given,
        source?.kind === 'input-dir' ? 'files' : 'org',
        SOURCE_CONTEXTS.messages
    );
    const today = localDate(now);
    if (!values.help && values['closed-before'] >= today) {
        throw badFlag(
            t(
                '--closed-before {date} is not in the past: purge only touches deals closed before a date that has passed (today is {today}).',
                '--closed-before {date} 不是过去的日期：清除只处理在已过去日期之前关闭的业务机会（今天是 {today}）。'
            ),
            { date: values['closed-before'], today }
        );
    }
    return {
        ...orgRunOptions(values),
        source: source as Source,
        closedBefore: values['closed-before'],
        action: values.anonymize ? 'anonymize' : 'delete',
        apply: values.apply,
        opportunityIds: values.opportunity === undefined ? null : [...new Set(values.opportunity)],
        receiptFile: values.receipt ?? null,
        json: values.json,
        verbose: values.verbose,
        lang: values.lang,
        help: values.help
    };
}

export const PURGE_HELP = renderHelp(PURGE_FLAGS, {
    summary: t(
        'Deletes (or, with --anonymize, strips the personal fields of) the stakeholder assessments and political-map links of Opportunities closed before a date: opinions about named people are not kept longer than needed (PIPL, GDPR).',
        '删除（或加 --anonymize 时清空个人字段）在某日期之前关闭的业务机会的五维评估和政治派系图连线：对具名人员的看法不应保留超过必要的期限（PIPL、GDPR）。'
    ),
    usage: 'npm run purge -- --target-org <alias> --closed-before YYYY-MM-DD [--anonymize] [--apply]',
    groups: [
        {
            key: 'source',
            title: t('Where the records are (one of)', '记录所在位置（任选其一）'),
            preface: t(
                'SF_INSTANCE_URL + SF_ACCESS_TOKEN   environment variables (CI)\nCSV mode reads Opportunity.csv (Id, IsClosed, CloseDate), Stakeholder_Link__c.csv and Stakeholder_Assessment__c.csv\n(Id, Opportunity__c) from --input-dir and writes files for sf data delete bulk / sf data update bulk to --output-dir.',
                'SF_INSTANCE_URL + SF_ACCESS_TOKEN   环境变量（CI）\nCSV 模式从 --input-dir 读取 Opportunity.csv（Id、IsClosed、CloseDate）、Stakeholder_Link__c.csv 和 Stakeholder_Assessment__c.csv\n（Id、Opportunity__c），并把供 sf data delete bulk / sf data update bulk 使用的文件写入 --output-dir。'
            )
        },
        { key: 'action', title: t('What it does', '执行方式') },
        ...ORG_HELP_GROUPS
    ],
    contexts: SOURCE_CONTEXTS.help,
    footer: t(
        'Open Opportunities are never touched. Exit codes: 0 done, 2 some records failed, 3 could not run (flags, files, auth, API budget, Ctrl-C, an open or too recent Opportunity named).',
        '从不处理未关闭的业务机会。退出码：0 完成，2 部分记录失败，3 无法运行（参数、文件、认证、API 配额、Ctrl-C、指定了未关闭或关闭过晚的业务机会）。'
    )
});
