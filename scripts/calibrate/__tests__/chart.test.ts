import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { calibrate as figuresOf, includedDeals } from '../calibration';
import { reliabilitySvg } from '../chart';
import { calibrate, tempDir } from './helpers';

const figures = figuresOf(
    includedDeals([
        { won: true, score: 90, band: 'Controlled', probability: 90 },
        { won: true, score: 85, band: 'Controlled', probability: 75 },
        { won: false, score: 82, band: 'Controlled', probability: 75 },
        { won: false, score: 30, band: 'Behind', probability: 60 }
    ]),
    30
);

describe('the reliability chart (SVG)', () => {
    const svg = reliabilitySvg(figures);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(svg).svg;

    it('is a well-formed standalone SVG that screen readers announce by its title and description', () => {
        expect(XMLValidator.validate(svg)).toBe(true);
        expect(doc.xmlns).toBe('http://www.w3.org/2000/svg');
        expect(doc.role).toBe('img');
        expect(doc['aria-labelledby']).toBe('chart-title chart-desc');
        expect(doc.title).toEqual({
            '#text': 'Win rate by control band, 30 days before close · 关闭前 30 天各控单区间的赢单率',
            id: 'chart-title'
        });
        // Every figure the picture shows is in the description, in both languages.
        expect(doc.desc['#text']).toContain('Controlled: 2 of 3 won, 67 % (95 % interval 21 % to 94 %).');
        expect(doc.desc['#text']).toContain('Behind: 0 of 1 won, 0 % (95 % interval 0 % to 79 %).');
        expect(doc.desc['#text']).toContain('Leading: no deals.');
        expect(doc.desc['#text']).toContain('掌控：3 个中赢单 2 个，67%（95% 区间 21% 至 94%）。');
    });

    it('draws a dot and an interval for each band with deals, worst band first, labelled in both languages', () => {
        expect([doc.circle].flat()).toHaveLength(2);
        const labels = [doc.text].flat().map((t: { '#text': string | number }) => String(t['#text']));
        const order = ['Losing', 'Behind', 'Contested', 'Leading', 'Controlled'].map((b) =>
            labels.indexOf(b)
        );
        expect(order.every((i, k) => i >= 0 && (k === 0 || i > order[k - 1]))).toBe(true);
        // The model's Chinese band names, Losing's included (基本丢单 since the glossary).
        for (const zh of ['掌控', '领先', '胶着', '落后', '基本丢单']) expect(labels).toContain(zh);
        expect(labels.filter((l) => l === 'no deals · 无')).toHaveLength(3);
        expect(labels).toContain('67 %');
    });

    it('is written by --out, replacing the file whole and leaving no temporary file', async () => {
        const dir = tempDir('chart');
        const out = path.join(dir, 'calibration.svg');
        const r = await calibrate(['--out', out]);
        expect(r.code).toBe(0);
        expect(r.stdout).toContain(`Reliability chart: ${out}`);
        expect(XMLValidator.validate(readFileSync(out, 'utf8'))).toBe(true);
        expect(readdirSync(dir)).toEqual(['calibration.svg']);
    });

    it('says so when the folder cannot be written, and leaves nothing behind', async () => {
        const out = path.join(tempDir('chart'), 'missing', 'calibration.svg');
        const r = await calibrate(['--out', out, '--json']);
        expect([r.code, r.json.name]).toEqual([3, 'CANNOT_WRITE']);
        expect(existsSync(path.dirname(out))).toBe(false);
    });
});
