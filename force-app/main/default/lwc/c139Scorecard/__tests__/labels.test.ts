import { LABELS, LabelKey, label } from '../labels';

const keys = Object.keys(LABELS) as LabelKey[];
const paramsOf = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();

describe('the scorecard label catalogue', () => {
    it.each(keys)('%s exists in English and Simplified Chinese with the same parameters', (key) => {
        const { en, zh } = LABELS[key];
        expect(en.trim()).not.toBe('');
        // Chinese words, or only parameters and punctuation: never English left untranslated.
        const words = zh.replace(/\{\w+\}/g, '');
        expect(/[\u4e00-\u9fff]/.test(words) || !/[A-Za-z]/.test(words)).toBe(true);
        expect(paramsOf(zh)).toEqual(paramsOf(en));
    });

    it('fills parameters and leaves unknown ones visible', () => {
        expect(label('groupPoints', 'en', { points: 4.5, max: 9 })).toBe('4.5 of 9 points');
        expect(label('groupPoints', 'zh', { points: 4.5, max: 9 })).toBe('4.5 / 9 分');
        expect(label('groupPoints', 'en', { points: 4.5 })).toBe('4.5 of {max} points');
    });
});
