import { BANDS, LocalizedText, t } from 'c/dealControlModel';
import { displayWidth, wrap } from '../rescore/present';
import { CalibrationFigures } from './calibration';
import { fill, fillEach, percent, say } from './i18n';
import { IntakeResult, PROBLEMS_LISTED } from './intake';
import { Period, tooFew, verdict } from './verdict';

/** The human report: figures rounded for reading; --json has them unrounded. */

const padStart = (text: string, width: number) => ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
const padEnd = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));

const pct = (share: number | null) => (share === null ? '—' : say(percent(share)));
const decimal = (value: number | null) => (value === null ? '—' : value.toFixed(4));

function table(rows: readonly string[][], rightAligned: (column: number) => boolean): string {
    const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => displayWidth(r[c]))));
    return rows
        .map((r) =>
            r
                .map((cell, c) => (rightAligned(c) ? padStart(cell, widths[c]) : padEnd(cell, widths[c])))
                .join('   ')
                .trimEnd()
        )
        .join('\n');
}

export function bandTable(figures: CalibrationFigures): string {
    const header = [
        say(t('Band', '控单区间')),
        say(t('Deals', '业务机会')),
        say(t('Won', '赢单')),
        say(t('Win rate', '赢单率')),
        say(t('95 % interval', '95% 区间'))
    ];
    const rows = figures.bands.map((b) => [
        say(BANDS.find((d) => d.band === b.band)!.label),
        String(b.n),
        String(b.won),
        pct(b.winRate),
        b.wilsonLow === null ? '—' : `${pct(b.wilsonLow)} – ${pct(b.wilsonHigh)}`
    ]);
    return table([header, ...rows], (c) => c > 0);
}

export function measuresTable(figures: CalibrationFigures): string {
    return table(
        [
            ['', say(t('Control score', '控单得分')), say(t('Stage probability', '阶段概率'))],
            [
                say(t('Brier (lower is better)', 'Brier 分数（越低越好）')),
                decimal(figures.brier.control),
                decimal(figures.brier.stage)
            ],
            [
                say(t('AUC (higher is better)', 'AUC（越高越好）')),
                decimal(figures.auc.control),
                decimal(figures.auc.stage)
            ]
        ],
        (c) => c > 0
    );
}

/** "file:line: reason" lines for the rows that could not be used, and how many more there were. */
export function problemLines(result: IntakeResult): LocalizedText[] {
    const lines = result.problems.map((p) =>
        fillEach(t('{where}: {reason}', '{where}：{reason}'), { where: p.where, reason: p.reason })
    );
    if (result.problemCount > PROBLEMS_LISTED) {
        lines.push(
            fill(t('… and {n} more rows that could not be used.', '……另有 {n} 行无法使用。'), {
                n: result.problemCount - PROBLEMS_LISTED
            })
        );
    }
    return lines;
}

export interface ReportContext {
    /** Where the deals came from, for people. */
    readonly source: LocalizedText;
    readonly period: Period;
    readonly chartFile: string | null;
    readonly width: number;
}

export function renderReport(result: IntakeResult, context: ReportContext): string {
    const { figures } = result;
    const out: string[] = [];
    out.push(
        say(
            fill(
                t(
                    'Deal Control — calibration: does the control score predict the outcome? (horizon {h} days)',
                    '控单管理 — 校准：控单得分能否预测结果？（提前 {h} 天）'
                ),
                { h: figures.horizonDays }
            )
        ),
        say(context.source),
        ...wrap(
            say(
                fill(
                    t(
                        '{closed} closed deals read; {n} had a snapshot at least {h} days before their close date and are scored by it; {left} had none and are left out.',
                        '读取了 {closed} 个已关闭的业务机会；其中 {n} 个在关闭日期前至少 {h} 天有快照，按该快照计算；{left} 个没有，未计入。'
                    ),
                    {
                        closed: result.closedDeals,
                        n: figures.deals,
                        h: figures.horizonDays,
                        left: result.closedDeals - figures.deals
                    }
                )
            ),
            context.width
        ),
        '',
        bandTable(figures),
        '',
        measuresTable(figures),
        '',
        ...wrap(say(verdict(figures, context.period)), context.width)
    );
    if (tooFew(figures) === null) {
        out.push(
            ...wrap(
                say(
                    t(
                        'How to read this: docs/managers.md, "Does the score predict the outcome?".',
                        '解读方法：docs/managers.md 的“Does the score predict the outcome?”一节。'
                    )
                ),
                context.width
            )
        );
    }
    if (context.chartFile !== null) {
        out.push(
            '',
            say(fill(t('Reliability chart: {file}', '可靠性图：{file}'), { file: context.chartFile }))
        );
    }
    return `${out.join('\n')}\n`;
}
