import { EVIDENCE } from 'c/dealControlModel';
import { setLang } from '../i18n';
import { Progress, displayWidth, renderTable, wrap } from '../present';

afterEach(() => setLang('en'));

describe('terminal text', () => {
    it('counts a Chinese character as two columns', () => {
        expect(displayWidth('abc')).toBe(3);
        expect(displayWidth('业务机会')).toBe(8);
        expect(displayWidth('ERP 选型')).toBe(8);
    });

    it('wraps at spaces and never exceeds the width', () => {
        const lines = wrap('Win is claimed, but no top decision maker is on the stakeholder map.', 20);
        expect(lines.join(' ')).toBe('Win is claimed, but no top decision maker is on the stakeholder map.');
        for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(20);
        for (const line of wrap('声称“赢”，但多维汇总中没有最高决策者。', 10))
            expect(displayWidth(line)).toBeLessThanOrEqual(10);
    });
});

describe('the sample table', () => {
    const rows = [
        {
            opportunity: 'Behind deal',
            score: 25,
            band: 'Behind' as const,
            findings: [EVIDENCE.WIN_WITHOUT_TOP_DM]
        },
        { opportunity: 'Best deal', score: 90, band: 'Controlled' as const, findings: [] }
    ];

    it('puts the best-controlled deal first and shows each finding with its action', () => {
        // Wide enough that no finding wraps.
        const text = renderTable(rows, 400);
        expect(text.indexOf('Best deal')).toBeLessThan(text.indexOf('Behind deal'));
        expect(text).toContain(`• ${EVIDENCE.WIN_WITHOUT_TOP_DM.message.en}`);
        expect(text).toContain(`→ ${EVIDENCE.WIN_WITHOUT_TOP_DM.action.en}`);
    });

    it('speaks Chinese when asked', () => {
        setLang('zh');
        const text = renderTable(rows, 120);
        expect(text).toContain('业务机会');
        expect(text).toContain('掌控');
        expect(text).toContain(EVIDENCE.WIN_WITHOUT_TOP_DM.message.zh.slice(0, 8));
    });
});

describe('progress bar', () => {
    function fakeStream() {
        const writes: string[] = [];
        return { writes, stream: { write: (s: string) => writes.push(s) } as unknown as NodeJS.WriteStream };
    }

    it('draws read, scored, written and failed counts on one line, then clears it', () => {
        const { writes, stream } = fakeStream();
        const progress = new Progress(true, stream);
        progress.update({ read: 50, scored: 50, written: 10, failed: 1 }, 100, true);
        expect(writes[0]).toMatch(/^\r\[#{12}\.{12}\] 50% read 50 · scored 50 · written 10 · failed 1/);
        progress.done();
        expect(writes[1]).toBe('\r\x1b[K');
    });

    it('draws nothing when stderr is not a terminal', () => {
        const { writes, stream } = fakeStream();
        const progress = new Progress(false, stream);
        progress.update({ read: 1, scored: 1, written: 0, failed: 0 }, null, true);
        progress.done();
        expect(writes).toEqual([]);
    });
});
