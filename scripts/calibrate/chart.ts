import { BANDS, LocalizedText, t } from 'c/dealControlModel';
import { BandFigures, CalibrationFigures } from './calibration';
import { fill, percent } from './i18n';

/**
 * The reliability chart as a standalone SVG: one column per band, worst to best, with the win rate
 * as a dot and its Wilson 95 % interval as a bar. Labels carry both languages so one file serves a
 * bilingual team; the title and description give screen readers every figure the picture shows.
 */

const WIDTH = 720;
const HEIGHT = 460;
const PLOT = { left: 80, right: 690, top: 112, bottom: 350 } as const;
const FONT = "Salesforce Sans, Arial, 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";
const INK = '#0B5CAB';

const escape = (text: string) =>
    text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const both = (text: LocalizedText) => `${text.en} · ${text.zh}`;
const pct = (share: number, language: 'en' | 'zh' = 'en') => percent(share)[language];
const y = (share: number) => PLOT.bottom - share * (PLOT.bottom - PLOT.top);
const fixed = (n: number) => n.toFixed(1);

function describeBand(b: BandFigures, language: 'en' | 'zh'): string {
    const label = BANDS.find((d) => d.band === b.band)!.label[language];
    if (b.n === 0 || b.winRate === null)
        return language === 'en' ? `${label}: no deals.` : `${label}：无业务机会。`;
    return language === 'en'
        ? `${label}: ${b.won} of ${b.n} won, ${pct(b.winRate)} (95 % interval ${pct(b.wilsonLow!)} to ${pct(b.wilsonHigh!)}).`
        : `${label}：${b.n} 个中赢单 ${b.won} 个，${pct(b.winRate, 'zh')}（95% 区间 ${pct(b.wilsonLow!, 'zh')} 至 ${pct(b.wilsonHigh!, 'zh')}）。`;
}

export function reliabilitySvg(figures: CalibrationFigures): string {
    const title = fill(
        t('Win rate by control band, {h} days before close', '关闭前 {h} 天各控单区间的赢单率'),
        { h: figures.horizonDays }
    );
    const subtitle = fill(
        t(
            '{n} closed deals · dot: win rate · bar: Wilson 95 % interval',
            '{n} 个已关闭的业务机会 · 圆点：赢单率 · 竖线：Wilson 95% 区间'
        ),
        { n: figures.deals }
    );
    const description = {
        en: `${subtitle.en}. ${figures.bands.map((b) => describeBand(b, 'en')).join(' ')}`,
        zh: `${subtitle.zh}。${figures.bands.map((b) => describeBand(b, 'zh')).join('')}`
    };
    // Worst band on the left, so a score that predicts well draws a rising line.
    const bands = [...figures.bands].reverse();
    const step = (PLOT.right - PLOT.left) / bands.length;
    const parts: string[] = [];
    parts.push(
        `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="chart-title chart-desc" font-family="${escape(FONT)}">`,
        `<title id="chart-title">${escape(both(title))}</title>`,
        `<desc id="chart-desc">${escape(`${description.en} ${description.zh}`)}</desc>`,
        `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
        `<text x="${PLOT.left}" y="28" font-size="18" font-weight="bold" fill="#181818">${escape(title.en)}</text>`,
        `<text x="${PLOT.left}" y="52" font-size="16" fill="#181818">${escape(title.zh)}</text>`,
        `<text x="${PLOT.left}" y="74" font-size="12" fill="#444444">${escape(subtitle.en)}</text>`,
        `<text x="${PLOT.left}" y="92" font-size="12" fill="#444444">${escape(subtitle.zh)}</text>`
    );
    for (const share of [0, 0.2, 0.4, 0.6, 0.8, 1]) {
        parts.push(
            `<line x1="${PLOT.left}" x2="${PLOT.right}" y1="${fixed(y(share))}" y2="${fixed(y(share))}" stroke="#dddddd"/>`,
            `<text x="${PLOT.left - 8}" y="${fixed(y(share) + 4)}" font-size="12" text-anchor="end" fill="#444444">${pct(share)}</text>`
        );
    }
    parts.push(
        `<text transform="translate(24 ${fixed((PLOT.top + PLOT.bottom) / 2)}) rotate(-90)" font-size="12" text-anchor="middle" fill="#444444">${escape(both(t('Win rate', '赢单率')))}</text>`
    );
    bands.forEach((b, i) => {
        const x = PLOT.left + step * (i + 0.5);
        const label = BANDS.find((d) => d.band === b.band)!.label;
        parts.push(
            `<text x="${fixed(x)}" y="${PLOT.bottom + 20}" font-size="13" text-anchor="middle" fill="#181818">${escape(label.en)}</text>`,
            `<text x="${fixed(x)}" y="${PLOT.bottom + 38}" font-size="13" text-anchor="middle" fill="#181818">${escape(label.zh)}</text>`,
            `<text x="${fixed(x)}" y="${PLOT.bottom + 56}" font-size="12" text-anchor="middle" fill="#444444">n = ${b.n}</text>`
        );
        if (b.winRate === null || b.wilsonLow === null || b.wilsonHigh === null) {
            parts.push(
                `<text x="${fixed(x)}" y="${fixed(y(0.5))}" font-size="12" text-anchor="middle" fill="#444444">${escape(both(t('no deals', '无')))}</text>`
            );
            return;
        }
        const [low, high, rate] = [y(b.wilsonLow), y(b.wilsonHigh), y(b.winRate)];
        parts.push(
            `<line x1="${fixed(x)}" x2="${fixed(x)}" y1="${fixed(low)}" y2="${fixed(high)}" stroke="${INK}" stroke-width="2"/>`,
            `<line x1="${fixed(x - 8)}" x2="${fixed(x + 8)}" y1="${fixed(low)}" y2="${fixed(low)}" stroke="${INK}" stroke-width="2"/>`,
            `<line x1="${fixed(x - 8)}" x2="${fixed(x + 8)}" y1="${fixed(high)}" y2="${fixed(high)}" stroke="${INK}" stroke-width="2"/>`,
            `<circle cx="${fixed(x)}" cy="${fixed(rate)}" r="6" fill="${INK}"/>`,
            `<text x="${fixed(x + 12)}" y="${fixed(rate + 4)}" font-size="12" fill="#181818">${pct(b.winRate)}</text>`
        );
    });
    parts.push(
        `<text x="${(PLOT.left + PLOT.right) / 2}" y="${HEIGHT - 12}" font-size="12" text-anchor="middle" fill="#444444">${escape(
            both(
                fill(t('Control band of the snapshot {h} days before close', '关闭前 {h} 天快照的控单区间'), {
                    h: figures.horizonDays
                })
            )
        )}</text>`,
        '</svg>'
    );
    return `${parts.join('\n')}\n`;
}
