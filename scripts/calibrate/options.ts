import path from 'node:path';
import { t } from 'c/dealControlModel';
import { CommonOptions } from '../shared/cliProgram';
import { CliError } from '../shared/errors';
import { COMMON_FLAGS, FlagTable, badFlag, parseFlags, refuseOutside, renderHelp } from '../shared/flags';
import { fill } from '../shared/i18n';
import { ORG_FLAGS, SOURCE_CONTEXTS, Source, sourceOf } from '../shared/orgFlags';
import { parseIsoDay } from './dates';

/**
 * The calibrate command's flags, declared once in the shared flag table (scripts/shared/flags.ts):
 * the parser's checks and --help both come from it, and the sign-in and transport flags are the
 * very entries the rescore and purge scripts use, so they read and fail the same way everywhere.
 */

export const DEFAULT_HORIZON_DAYS = 30;
export const MAX_HORIZON_DAYS = 3650;

/** The day number of --since, refused unless it is a real calendar date. */
function sinceDay(raw: string): number {
    const day = parseIsoDay(raw.trim());
    if (day !== null) return day;
    throw badFlag(
        t(
            '--since "{v}" is not a date: write it as YYYY-MM-DD, for example 2026-03-01.',
            '--since "{v}" 不是日期：请写成 YYYY-MM-DD，例如 2026-03-01。'
        ),
        { v: raw }
    );
}

/** The chart file: SVG only; a PNG gets the way to make one from the SVG. */
function chartFile(raw: string): string {
    const extension = path.extname(raw).toLowerCase();
    if (extension === '.png') {
        const svg = raw.slice(0, -4) + '.svg';
        throw new CliError(
            'PNG_NEEDS_BROWSER',
            t(
                'A PNG needs a browser to draw it, and this project ships none.',
                'PNG 需要浏览器来绘制，而本产品不附带浏览器。'
            ),
            {
                actions: [
                    fill(
                        t(
                            'Write SVG (--out {svg}), which any browser and document tool opens, then convert it if you need a PNG: chromium --headless --screenshot={png} --window-size=720,460 {svg}, or rsvg-convert -o {png} {svg}.',
                            '请写成 SVG（--out {svg}），任何浏览器和文档工具都能打开；如需 PNG 再转换：chromium --headless --screenshot={png} --window-size=720,460 {svg}，或 rsvg-convert -o {png} {svg}。'
                        ),
                        { svg, png: raw }
                    )
                ]
            }
        );
    }
    if (extension !== '.svg') {
        throw badFlag(
            t(
                '--out "{file}" is not an .svg file: name the chart file with .svg, for example --out calibration.svg.',
                '--out "{file}" 不是 .svg 文件：图表文件请以 .svg 结尾，例如 --out calibration.svg。'
            ),
            { file: raw }
        );
    }
    return raw;
}

export const CALIBRATE_FLAGS = {
    'target-org': ORG_FLAGS['target-org'],
    'input-dir': {
        ...ORG_FLAGS['input-dir'],
        help: t(
            'CSV exports instead of an org: Opportunity.csv (Id, IsClosed, IsWon, CloseDate) and Control_Snapshot__c.csv (Opportunity__c, Snapshot_Date__c, Control_Score__c, Control_Band__c, Probability__c)',
            '用 CSV 导出代替组织：Opportunity.csv（Id、IsClosed、IsWon、CloseDate）和 Control_Snapshot__c.csv（Opportunity__c、Snapshot_Date__c、Control_Score__c、Control_Band__c、Probability__c）'
        )
    },
    horizon: {
        type: 'integer',
        group: 'calibration',
        valueName: 'DAYS',
        default: DEFAULT_HORIZON_DAYS,
        min: 0,
        max: MAX_HORIZON_DAYS,
        help: t(
            'score each closed deal by its latest snapshot at least this many days before close',
            '用每个已关闭业务机会在关闭前至少这么多天的最新快照评估'
        )
    },
    since: {
        type: 'string',
        group: 'calibration',
        valueName: 'YYYY-MM-DD',
        parse: sinceDay,
        help: t('only deals that closed on or after this date', '只计算在此日期或之后关闭的业务机会')
    },
    out: {
        type: 'string',
        group: 'output',
        valueName: 'FILE.svg',
        parse: chartFile,
        help: t(
            'also draw the reliability chart (win rate per band with its interval) as SVG',
            '同时以 SVG 绘制可靠性图（各控单区间的赢单率及其区间）'
        )
    },
    'api-version': ORG_FLAGS['api-version'],
    'bulk-threshold': {
        ...ORG_FLAGS['bulk-threshold'],
        help: t(
            'read with Bulk API 2.0 above this many records, with REST up to it',
            '记录数超过此值时用 Bulk API 2.0 读取，否则用 REST'
        )
    },
    'poll-interval': ORG_FLAGS['poll-interval'],
    ...COMMON_FLAGS
} as const satisfies FlagTable;

export type CalibrateSource = Source;

export interface CalibrateOptions extends CommonOptions {
    readonly source: CalibrateSource;
    readonly horizonDays: number;
    readonly sinceDay: number | null;
    /** The SVG file to write, or null. */
    readonly out: string | null;
    readonly apiVersion: string;
    readonly bulkThreshold: number;
    readonly pollIntervalMs: number;
}

/** Parses and checks every flag; any problem is a CliError (exit 3) with the fix to try. */
export function parseOptions(
    argv: readonly string[],
    env: NodeJS.ProcessEnv,
    sampleDir: string
): CalibrateOptions {
    const { values, given } = parseFlags(CALIBRATE_FLAGS, argv);
    const source = sourceOf(values, env, sampleDir)!;
    const offline = source.kind === 'input-dir' || source.kind === 'sample';
    refuseOutside(CALIBRATE_FLAGS, given, offline ? 'files' : 'org', SOURCE_CONTEXTS.messages);
    return {
        source,
        horizonDays: values.horizon,
        sinceDay: values.since ?? null,
        out: values.out ?? null,
        apiVersion: values['api-version'],
        bulkThreshold: values['bulk-threshold'],
        pollIntervalMs: values['poll-interval'],
        json: values.json,
        verbose: values.verbose,
        lang: values.lang,
        help: values.help
    };
}

/** The help text, built from the flag table. */
export const CALIBRATE_HELP = renderHelp(CALIBRATE_FLAGS, {
    summary: t(
        'Does the control score predict the outcome? Calibrates Deal Control on closed deals: per-band win rates with Wilson 95 % intervals, and Brier score and AUC of the control score beside the stage probability (docs/method.md, section 5).',
        '控单得分能否预测结果？用已关闭的业务机会校准控单管理：各控单区间的赢单率及 Wilson 95% 区间，以及控单得分与阶段概率各自的 Brier 分数和 AUC（docs/method.zh-CN.md 第五节）。'
    ),
    usage: 'npm run calibrate -- [flags]',
    groups: [
        {
            key: 'source',
            title: t('Where the snapshots come from (one of)', '快照来源（任选其一）'),
            preface: t(
                'SF_INSTANCE_URL + SF_ACCESS_TOKEN   environment variables (CI)\n(nothing)                           the bundled sample data',
                'SF_INSTANCE_URL + SF_ACCESS_TOKEN   环境变量（CI）\n（不指定）                          内置示例数据'
            )
        },
        { key: 'calibration', title: t('What it measures', '计算范围') },
        { key: 'transport', title: t('Reading from an org', '从组织读取') },
        { key: 'output', title: t('Output', '输出') }
    ],
    contexts: SOURCE_CONTEXTS.help,
    footer: t(
        'Exit codes: 0 done, 2 some rows could not be read (the figures leave them out), 3 could not run.',
        '退出码：0 完成，2 部分行无法读取（计算时已排除），3 无法运行。'
    )
});
