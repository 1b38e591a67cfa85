import path from 'node:path';
import { parseArgs } from 'node:util';
import { Lang, LocalizedText, t } from 'c/dealControlModel';
import { wrap } from '../rescore/present';
import { fill } from './i18n';
import { parseIsoDay } from './dates';
import { CalibrateError } from './errors';

/**
 * The calibrate command's flags, declared once: the parser and the help text are both built from
 * this table, so a flag cannot exist without its help or the other way round. Kept to one file so it
 * can be swapped for a shared flag module later.
 */

export const DEFAULT_HORIZON_DAYS = 30;
export const MAX_HORIZON_DAYS = 3650;
export const DEFAULT_API_VERSION = '66.0';
export const DEFAULT_BULK_THRESHOLD = 2000;
const HELP_WIDTH = 100;

interface FlagSpec {
    readonly type: 'string' | 'boolean';
    readonly short?: string;
    /** What the value looks like in the help ("<alias>"); absent for a boolean. */
    readonly value?: string;
    readonly help: LocalizedText;
    /** Meaningful only with an org. */
    readonly orgOnly?: boolean;
}

const FLAGS = {
    'target-org': {
        type: 'string',
        short: 'o',
        value: '<alias|username>',
        help: t('an org authorized with the sf CLI', '已用 sf CLI 授权的组织')
    },
    'input-dir': {
        type: 'string',
        value: '<folder>',
        help: t(
            'CSV exports instead of an org: Opportunity.csv (Id, IsClosed, IsWon, CloseDate) and Control_Snapshot__c.csv (Opportunity__c, Snapshot_Date__c, Control_Score__c, Control_Band__c, Probability__c)',
            '用 CSV 导出代替组织：Opportunity.csv（Id、IsClosed、IsWon、CloseDate）和 Control_Snapshot__c.csv（Opportunity__c、Snapshot_Date__c、Control_Score__c、Control_Band__c、Probability__c）'
        )
    },
    horizon: {
        type: 'string',
        value: '<days>',
        help: t(
            'score each closed deal by its latest snapshot at least this many days before close (default 30)',
            '用每个已关闭业务机会在关闭前至少这么多天的最新快照评估（默认 30）'
        )
    },
    since: {
        type: 'string',
        value: '<YYYY-MM-DD>',
        help: t('only deals that closed on or after this date', '只计算在此日期或之后关闭的业务机会')
    },
    out: {
        type: 'string',
        value: '<file.svg>',
        help: t(
            'also draw the reliability chart (win rate per band with its interval) as SVG',
            '同时以 SVG 绘制可靠性图（各控单区间的赢单率及其区间）'
        )
    },
    json: {
        type: 'boolean',
        help: t(
            'one JSON document on stdout: { status, result, warnings }, figures unrounded',
            '在标准输出打印一个 JSON：{ status, result, warnings }，数字不取整'
        )
    },
    lang: {
        type: 'string',
        value: 'en|zh',
        help: t('language of the output (default: from LANG)', '输出语言（默认取自 LANG）')
    },
    'api-version': {
        type: 'string',
        value: '<66.0>',
        help: t('Salesforce API version (default 66.0)', 'Salesforce API 版本（默认 66.0）'),
        orgOnly: true
    },
    'bulk-threshold': {
        type: 'string',
        value: '<records>',
        help: t(
            'read with Bulk API 2.0 above this many records, with REST up to it (default 2000)',
            '记录数超过此值时用 Bulk API 2.0 读取，否则用 REST（默认 2000）'
        ),
        orgOnly: true
    },
    'poll-interval': {
        type: 'string',
        value: '<ms>',
        help: t(
            'first wait between Bulk job status checks (default 2000)',
            'Bulk 作业状态检查的首次等待时间（默认 2000）'
        ),
        orgOnly: true
    },
    help: { type: 'boolean', short: 'h', help: t('this help', '显示此帮助') }
} as const satisfies Record<string, FlagSpec>;

type FlagName = keyof typeof FLAGS;

export type CalibrateSource =
    | { readonly kind: 'target-org'; readonly aliasOrUsername: string }
    | { readonly kind: 'env'; readonly instanceUrl: string; readonly accessToken: string }
    | { readonly kind: 'input-dir'; readonly dir: string }
    | { readonly kind: 'sample'; readonly dir: string };

export interface CalibrateOptions {
    readonly source: CalibrateSource;
    readonly horizonDays: number;
    readonly sinceDay: number | null;
    /** The SVG file to write, or null. */
    readonly out: string | null;
    readonly json: boolean;
    readonly lang: Lang | null;
    readonly apiVersion: string;
    readonly bulkThreshold: number;
    readonly pollIntervalMs: number;
    readonly help: boolean;
}

function badFlag(
    cause: LocalizedText,
    action: LocalizedText = t('Run with --help to see the flags.', '使用 --help 查看所有参数。')
): CalibrateError {
    return new CalibrateError('BAD_FLAGS', cause, action);
}

function wholeNumber(
    name: FlagName,
    raw: string | undefined,
    fallback: number,
    min: number,
    max: number
): number {
    if (raw === undefined) return fallback;
    const value = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
    if (Number.isSafeInteger(value) && value >= min && value <= max) return value;
    throw badFlag(
        fill(t('--{name} is "{raw}".', '--{name} 的值为 "{raw}"。'), { name, raw }),
        fill(t('Give a whole number from {min} to {max}.', '请给出 {min} 到 {max} 之间的整数。'), {
            min,
            max
        })
    );
}

/** Parses and checks every flag; any problem is a CalibrateError (exit 3) with the fix to try. */
export function parseOptions(
    argv: readonly string[],
    env: NodeJS.ProcessEnv,
    sampleDir: string
): CalibrateOptions {
    const spec = Object.fromEntries(
        Object.entries(FLAGS).map(([name, f]) => [
            name,
            'short' in f ? { type: f.type, short: f.short } : { type: f.type }
        ])
    ) as { [K in FlagName]: { type: (typeof FLAGS)[K]['type']; short?: string } };
    let values: Partial<Record<FlagName, string | boolean>>;
    try {
        ({ values } = parseArgs({ args: [...argv], options: spec, allowPositionals: false, strict: true }));
    } catch (error) {
        throw badFlag(fill(t('{message}', '参数有误：{message}'), { message: (error as Error).message }));
    }
    const text = (name: FlagName) => values[name] as string | undefined;

    const lang = text('lang') ?? null;
    if (lang !== null && lang !== 'en' && lang !== 'zh') {
        throw badFlag(
            fill(t('--lang is "{v}".', '--lang 的值为 "{v}"。'), { v: lang }),
            t('Use --lang en or --lang zh.', '请使用 --lang en 或 --lang zh。')
        );
    }

    const instanceUrl = env.SF_INSTANCE_URL?.trim() ?? '';
    const accessToken = env.SF_ACCESS_TOKEN?.trim() ?? '';
    let source: CalibrateSource;
    const targetOrg = text('target-org');
    const inputDir = text('input-dir');
    if (targetOrg !== undefined && inputDir !== undefined) {
        throw badFlag(
            t(
                '--target-org and --input-dir exclude each other.',
                '--target-org 与 --input-dir 不能同时使用。'
            ),
            t(
                'Calibrate an org, or a folder of CSV exports: choose one.',
                '要么校准组织，要么校准 CSV 导出文件夹：请选择其一。'
            )
        );
    }
    if (targetOrg !== undefined) source = { kind: 'target-org', aliasOrUsername: targetOrg };
    else if (inputDir !== undefined) source = { kind: 'input-dir', dir: inputDir };
    else if (instanceUrl !== '' || accessToken !== '') {
        if (instanceUrl === '' || accessToken === '' || !/^https?:\/\/[^\s/]+/.test(instanceUrl)) {
            throw new CalibrateError(
                'AUTH',
                t(
                    'SF_INSTANCE_URL and SF_ACCESS_TOKEN must both be set, the first to a URL.',
                    'SF_INSTANCE_URL 和 SF_ACCESS_TOKEN 必须同时设置，前者须为 URL。'
                ),
                t('Set both, or use --target-org <alias>.', '请同时设置两者，或使用 --target-org <别名>。')
            );
        }
        source = { kind: 'env', instanceUrl: instanceUrl.replace(/\/+$/, ''), accessToken };
    } else source = { kind: 'sample', dir: sampleDir };

    const offline = source.kind === 'input-dir' || source.kind === 'sample';
    for (const [name, f] of Object.entries(FLAGS) as [FlagName, FlagSpec][]) {
        if (offline && f.orgOnly && values[name] !== undefined) {
            throw badFlag(
                fill(t('--{name} needs an org.', '--{name} 需要连接组织。'), { name }),
                t('Drop it, or use --target-org <alias>.', '请去掉它，或使用 --target-org <别名>。')
            );
        }
    }

    const apiVersion = text('api-version') ?? DEFAULT_API_VERSION;
    if (!/^\d{2,3}\.0$/.test(apiVersion)) {
        throw badFlag(
            fill(t('--api-version is "{v}".', '--api-version 的值为 "{v}"。'), { v: apiVersion }),
            t('Write it like 66.0.', '请写成 66.0 这样的格式。')
        );
    }

    let sinceDay: number | null = null;
    const since = text('since');
    if (since !== undefined) {
        sinceDay = parseIsoDay(since.trim());
        if (sinceDay === null) {
            throw badFlag(
                fill(t('--since is "{v}".', '--since 的值为 "{v}"。'), { v: since }),
                t(
                    'Write the date as YYYY-MM-DD, for example 2026-03-01.',
                    '日期请写成 YYYY-MM-DD，例如 2026-03-01。'
                )
            );
        }
    }

    const out = text('out') ?? null;
    if (out !== null) {
        const extension = path.extname(out).toLowerCase();
        if (extension === '.png') {
            throw new CalibrateError(
                'PNG_NEEDS_BROWSER',
                t(
                    'A PNG needs a browser to draw it, and this project ships none.',
                    'PNG 需要浏览器来绘制，而本产品不附带浏览器。'
                ),
                fill(
                    t(
                        'Write SVG (--out {svg}), which any browser and document tool opens, then convert it if you need a PNG: chromium --headless --screenshot={png} --window-size=720,460 {svg}, or rsvg-convert -o {png} {svg}.',
                        '请写成 SVG（--out {svg}），任何浏览器和文档工具都能打开；如需 PNG 再转换：chromium --headless --screenshot={png} --window-size=720,460 {svg}，或 rsvg-convert -o {png} {svg}。'
                    ),
                    { svg: out.slice(0, -4) + '.svg', png: out }
                )
            );
        }
        if (extension !== '.svg') {
            throw badFlag(
                fill(t('--out "{file}" is not an .svg file.', '--out "{file}" 不是 .svg 文件。'), {
                    file: out
                }),
                t(
                    'Name the chart file with .svg, for example --out calibration.svg.',
                    '图表文件请以 .svg 结尾，例如 --out calibration.svg。'
                )
            );
        }
    }

    return {
        source,
        horizonDays: wholeNumber('horizon', text('horizon'), DEFAULT_HORIZON_DAYS, 0, MAX_HORIZON_DAYS),
        sinceDay,
        out,
        json: values.json === true,
        lang: lang as Lang | null,
        apiVersion,
        bulkThreshold: wholeNumber(
            'bulk-threshold',
            text('bulk-threshold'),
            DEFAULT_BULK_THRESHOLD,
            0,
            100_000_000
        ),
        pollIntervalMs: wholeNumber('poll-interval', text('poll-interval'), 2000, 0, 600_000),
        help: values.help === true
    };
}

/** The help text, built from the flag table. */
export function helpText(): LocalizedText {
    const usage = (f: FlagSpec, name: string) =>
        `--${name}${'short' in f && f.short ? `, -${f.short}` : ''}${f.value ? ` ${f.value}` : ''}`;
    const width = Math.max(...Object.entries(FLAGS).map(([name, f]) => usage(f, name).length)) + 2;
    // English help wraps under its flag for a 100-column terminal; Chinese, which wraps at spaces
    // badly (they sit only around Latin words), stays on one line for the terminal to fold.
    const lines = (lang: Lang) =>
        Object.entries(FLAGS)
            .flatMap(([name, f]) =>
                (lang === 'en' ? wrap(f.help.en, HELP_WIDTH - width - 2) : [f.help.zh]).map(
                    (line, i) => `  ${(i === 0 ? usage(f, name) : '').padEnd(width)}${line}`
                )
            )
            .join('\n');
    return {
        en: `Does the control score predict the outcome? Calibrates Deal Control on closed deals: per-band win rates with Wilson 95 % intervals, and Brier score and AUC of the control score beside the stage probability (docs/method.md, section 5).

Usage: npm run calibrate -- [flags]
  With no --target-org or --input-dir it calibrates the bundled sample data; SF_INSTANCE_URL and
  SF_ACCESS_TOKEN also select an org.

${lines('en')}

Exit codes: 0 done, 2 some rows could not be read (the figures leave them out), 3 could not run.`,
        zh: `控单得分能否预测结果？用已关闭的业务机会校准控单管理：各控单区间的赢单率及 Wilson 95% 区间，以及控单得分与阶段概率各自的 Brier 分数和 AUC（docs/method.zh-CN.md 第五节）。

用法：npm run calibrate -- [参数]
  不指定 --target-org 或 --input-dir 时校准内置示例数据；设置 SF_INSTANCE_URL 和 SF_ACCESS_TOKEN
  也可指定组织。

${lines('zh')}

退出码：0 完成，2 部分行无法读取（计算时已排除），3 无法运行。`
    };
}
