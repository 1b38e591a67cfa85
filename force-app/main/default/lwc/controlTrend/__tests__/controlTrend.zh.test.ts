// The trend for a rep whose Salesforce language and locale are Simplified Chinese.
import { q, text } from 'test-utils/domHelpers';
import { mountTrend, unmountAll } from './trendHarness';
import rising from './fixtures/trendRising.json';
import one from './fixtures/trendOne.json';
import fallingAcrossNewYear from './fixtures/trendFallingAcrossNewYear.json';
import flat from './fixtures/trendFlat.json';

jest.mock('@salesforce/i18n/lang', () => ({ __esModule: true, default: 'zh-CN' }));
jest.mock('@salesforce/i18n/locale', () => ({ __esModule: true, default: 'zh-CN' }));

afterEach(unmountAll);

describe('c-control-trend（简体中文）', () => {
    it('shows the last score, the change and the summary in Chinese with Chinese dates', async () => {
        const element = await mountTrend(rising);
        expect(text(element, '[data-id="trend-heading"]')).toBe('近 90 天趋势');
        expect(text(element, '[data-id="trend-latest"]')).toBe('最近控单快照（11月23日）：53（胶着）');
        expect(text(element, '[data-id="trend-change"]')).toBe('自 9月3日 以来 +8');
        expect(q(element, 'svg').getAttribute('aria-label')).toBe(
            '近 90 天的控单得分：9月3日至11月23日共 7 个控单快照，从 45 到 53（+8），最低 38，最高 53。最近控单快照的控单区间：胶着。'
        );
        await expect(element).toBeAccessible();
    });

    it('writes the year of an earlier year and a fall with a minus sign', async () => {
        const element = await mountTrend(fallingAcrossNewYear);
        expect(text(element, '[data-id="trend-change"]')).toBe('自 2025年12月20日 以来 \u221224');
        expect(text(element, '[data-id="trend-latest"]')).toBe('最近控单快照（2月10日）：38（落后）');
    });

    it('says there was no change', async () => {
        const element = await mountTrend(flat);
        expect(text(element, '[data-id="trend-change"]')).toBe('自 11月24日 以来没有变化');
    });

    it('one snapshot and none, in Chinese', async () => {
        const single = await mountTrend(one);
        expect(text(single, '[data-id="trend-change"]')).toBe(
            '首个控单快照记录于 11月26日：从第二个起显示趋势线。'
        );
        unmountAll();
        const none = await mountTrend([]);
        expect(text(none, '[data-id="trend-none"]')).toBe('尚无控单快照——每晚的重新评分每天记录一个。');
        expect(text(none, '[data-id="trend-admin"]')).toBe(
            '致管理员：请安排每晚运行重新评分脚本，并加上 --snapshot --apply（见重新评分指南“Schedule it nightly”一节）；次日早上即出现第一个点。'
        );
        await expect(none).toBeAccessible();
    });
});
