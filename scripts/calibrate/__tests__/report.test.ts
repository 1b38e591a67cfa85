import { bandOfScore } from 'c/dealControlModel';
import { calibrate, includedDeals } from '../calibration';
import { parseIsoDay } from '../dates';
import { humanDate, tooFew, verdict } from '../verdict';

const day = (iso: string) => parseIsoDay(iso)!;

/** n deals, half won; the control score puts every win above every loss unless `controlScore` says otherwise. */
function deals(
    n: number,
    stage: (won: boolean, i: number) => number,
    controlScore?: (won: boolean, i: number) => number
) {
    return includedDeals(
        Array.from({ length: n }, (_, i) => {
            const won = i % 2 === 0;
            const score = controlScore ? controlScore(won, i) : won ? 70 + (i % 20) : 10 + (i % 20);
            const band = bandOfScore(score);
            return { won, score, band, probability: stage(won, i) };
        })
    );
}

const PERIOD = { sinceDay: null, firstCloseDay: day('2026-03-02'), lastCloseDay: day('2026-11-20') };

describe('the plain sentence of what the figures mean', () => {
    it('says how often each ranked wins above losses, with the Brier scores and which predicts better', () => {
        // Control separates perfectly (AUC 1); a constant stage probability of 50 ranks nothing (AUC 0.5).
        const figures = calibrate(
            deals(40, () => 50),
            30
        );
        const text = verdict(figures, PERIOD);
        expect(text.en).toBe(
            `On 40 deals closed between 2 March 2026 and 20 November 2026, the control score 30 days before close ranked wins above losses 100 % of the time; the stage probability 50 %. Brier score (the mean squared error of the forecast, lower is better): control score ${figures.brier.control!.toFixed(3)}, stage probability 0.250. On this history the control score predicts the outcome better than the stage probability, on both measures.`
        );
        expect(text.zh).toBe(
            `在2026年3月2日至2026年11月20日期间关闭的 40 个业务机会中，关闭前 30 天的控单得分有 100% 的情况把赢单排在丢单之前；阶段概率为 50%。Brier 分数（预测的均方误差，越低越好）：控单得分 ${figures.brier.control!.toFixed(3)}，阶段概率 0.250。按这些历史数据，控单得分对结果的预测在两项指标上都优于阶段概率。`
        );
    });

    it('names the date of --since, and says so when the stage probability predicts better', () => {
        // Stage: 100 for every win and 0 for every loss, a perfect forecast; control: the same 50 for all.
        const figures = calibrate(
            deals(
                30,
                (won) => (won ? 100 : 0),
                () => 50
            ),
            45
        );
        const text = verdict(figures, { ...PERIOD, sinceDay: day('2026-03-01') });
        expect(text.en).toMatch(
            /^On 30 deals closed since 1 March 2026, the control score 45 days before close ranked wins above losses 50 % of the time; the stage probability 100 %\./
        );
        expect(text.en).toMatch(
            /the stage probability predicts the outcome better than the control score, on both measures: review how the scorecards are filled in/
        );
        expect(text.zh).toMatch(/^在2026年3月1日以来关闭的 30 个业务机会中/);
        expect(text.zh).toContain('阶段概率对结果的预测在两项指标上都优于控单得分');
    });

    it('says neither is better when AUC and Brier do not point the same way', () => {
        // Control ranks perfectly but every forecast is far off (wins 60, losses 59: AUC 1, Brier high);
        // the stage is closer on average (wins 60, losses 40) but ranks the same: AUC 1 too, so not better.
        const figures = calibrate(
            deals(
                30,
                (won) => (won ? 60 : 40),
                (won) => (won ? 60 : 59)
            ),
            30
        );
        expect(figures.auc.control).toBe(1);
        expect(figures.auc.stage).toBe(1);
        expect(figures.brier.control!).toBeGreaterThan(figures.brier.stage!);
        expect(verdict(figures, PERIOD).en).toMatch(
            /The two measures do not point the same way, so neither predicts clearly better yet\.$/
        );
        expect(verdict(figures, PERIOD).zh).toMatch(/两项指标的指向不一致，目前还看不出哪一个预测得更好。$/);
    });

    it('concludes nothing below 30 deals, or without a win or without a loss', () => {
        expect(
            tooFew(
                calibrate(
                    deals(30, () => 50),
                    30
                )
            )
        ).toBeNull();
        expect(
            tooFew(
                calibrate(
                    deals(29, () => 50),
                    30
                )
            )!.en
        ).toBe(
            'Too few closed deals to conclude anything: 29 closed deals had a snapshot at least 30 days before close, and at least 30 are needed, with wins and losses among them.'
        );
        const allWon = includedDeals(
            Array.from({ length: 35 }, () => ({
                won: true,
                score: 90,
                band: 'Controlled' as const,
                probability: 90
            }))
        );
        expect(verdict(calibrate(allWon, 30), PERIOD).en).toBe(
            'Too few closed deals to conclude anything: all 35 deals with a snapshot 30 days before close were won, and calibration needs won and lost deals.'
        );
        const allLost = includedDeals(
            Array.from({ length: 31 }, () => ({
                won: false,
                score: 5,
                band: 'Losing' as const,
                probability: 10
            }))
        );
        expect(verdict(calibrate(allLost, 30), PERIOD).zh).toBe(
            '已关闭的业务机会不足以得出任何结论：关闭前 30 天有快照的 31 个业务机会全部丢单，校准需要既有赢单也有丢单。'
        );
    });

    it('writes dates as people read them in each language', () => {
        expect(humanDate(day('2026-01-09'))).toEqual({ en: '9 January 2026', zh: '2026年1月9日' });
    });
});
