import { LocalizedText, t } from 'c/dealControlModel';
import { fill, fillEach } from './i18n';
import { CalibrationFigures } from './calibration';
import { formatIsoDay } from './dates';

/** Fewer included deals than this, or no win or no loss among them, and nothing can be concluded. */
export const MIN_DEALS = 30;

export interface Period {
    readonly sinceDay: number | null;
    readonly firstCloseDay: number | null;
    readonly lastCloseDay: number | null;
}

const MONTHS = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December'
];

/** A date as people write it: "1 March 2026", "2026年3月1日". */
export function humanDate(day: number): LocalizedText {
    const [year, month, date] = formatIsoDay(day).split('-').map(Number);
    return { en: `${date} ${MONTHS[month - 1]} ${year}`, zh: `${year}年${month}月${date}日` };
}

function periodText(period: Period): LocalizedText {
    const { sinceDay, firstCloseDay, lastCloseDay } = period;
    if (sinceDay !== null) {
        const since = humanDate(sinceDay);
        return { en: `since ${since.en}`, zh: `${since.zh}以来` };
    }
    if (firstCloseDay === null || lastCloseDay === null) return { en: '', zh: '' };
    const first = humanDate(firstCloseDay);
    if (firstCloseDay === lastCloseDay) return { en: `on ${first.en}`, zh: first.zh };
    const last = humanDate(lastCloseDay);
    return { en: `between ${first.en} and ${last.en}`, zh: `${first.zh}至${last.zh}期间` };
}

const percent = (share: number) => Math.round(share * 100);

/** Why the figures cannot support a conclusion, or null when they can. */
export function tooFew(figures: CalibrationFigures): LocalizedText | null {
    const n = figures.deals;
    const won = figures.bands.reduce((sum, b) => sum + b.won, 0);
    const params = { n, h: figures.horizonDays, min: MIN_DEALS };
    if (n < MIN_DEALS) {
        return fill(
            t(
                'Too few closed deals to conclude anything: {n} closed deals had a snapshot at least {h} days before close, and at least {min} are needed, with wins and losses among them.',
                '已关闭的业务机会太少，无法得出任何结论：只有 {n} 个已关闭的业务机会在关闭前至少 {h} 天有快照，至少需要 {min} 个，且须既有赢单也有丢单。'
            ),
            params
        );
    }
    if (won === 0 || won === n) {
        return fill(
            won === 0
                ? t(
                      'Too few closed deals to conclude anything: all {n} deals with a snapshot {h} days before close were lost, and calibration needs won and lost deals.',
                      '已关闭的业务机会不足以得出任何结论：关闭前 {h} 天有快照的 {n} 个业务机会全部丢单，校准需要既有赢单也有丢单。'
                  )
                : t(
                      'Too few closed deals to conclude anything: all {n} deals with a snapshot {h} days before close were won, and calibration needs won and lost deals.',
                      '已关闭的业务机会不足以得出任何结论：关闭前 {h} 天有快照的 {n} 个业务机会全部赢单，校准需要既有赢单也有丢单。'
                  ),
            params
        );
    }
    return null;
}

/** The plain sentence of what the figures mean, in both languages. */
export function verdict(figures: CalibrationFigures, period: Period): LocalizedText {
    const few = tooFew(figures);
    if (few) return few;
    const { auc, brier } = figures;
    // tooFew() returned null, so there are wins and losses and every figure below is defined.
    const aucControl = auc.control!;
    const aucStage = auc.stage!;
    const brierControl = brier.control!;
    const brierStage = brier.stage!;
    const when = periodText(period);
    const ranking = fillEach(
        t(
            'On {n} deals closed {when}, the control score {h} days before close ranked wins above losses {c} % of the time; the stage probability {s} %.',
            '在{when}关闭的 {n} 个业务机会中，关闭前 {h} 天的控单得分有 {c}% 的情况把赢单排在丢单之前；阶段概率为 {s}%。'
        ),
        { n: figures.deals, when, h: figures.horizonDays, c: percent(aucControl), s: percent(aucStage) }
    );
    const errors = fill(
        t(
            'Brier score (the mean squared error of the forecast, lower is better): control score {c}, stage probability {s}.',
            'Brier 分数（预测的均方误差，越低越好）：控单得分 {c}，阶段概率 {s}。'
        ),
        { c: brierControl.toFixed(3), s: brierStage.toFixed(3) }
    );
    const conclusion =
        aucControl > aucStage && brierControl < brierStage
            ? t(
                  'On this history the control score predicts the outcome better than the stage probability, on both measures.',
                  '按这些历史数据，控单得分对结果的预测在两项指标上都优于阶段概率。'
              )
            : aucControl < aucStage && brierControl > brierStage
              ? t(
                    'On this history the stage probability predicts the outcome better than the control score, on both measures: review how the scorecards are filled in before relying on the score.',
                    '按这些历史数据，阶段概率对结果的预测在两项指标上都优于控单得分：在依赖控单得分之前，请检查 C139 记分卡的填写方式。'
                )
              : t(
                    'The two measures do not point the same way, so neither predicts clearly better yet.',
                    '两项指标的指向不一致，目前还看不出哪一个预测得更好。'
                );
    return {
        en: `${ranking.en} ${errors.en} ${conclusion.en}`,
        zh: `${ranking.zh}${errors.zh}${conclusion.zh}`
    };
}
