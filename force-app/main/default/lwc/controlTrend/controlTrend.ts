import { LightningElement, api } from 'lwc';
import userLang from '@salesforce/i18n/lang';
import userLocale from '@salesforce/i18n/locale';
import { toLang } from 'c/dealControlModel';
import { TrendPointInput, TrendView, VIEW_HEIGHT, VIEW_WIDTH, trendView } from './trendView';

const lang = toLang(userLang);

/**
 * A deal's control score over the last days as a small sparkline, with the last snapshot's score and
 * how far it moved since the first one shown. The points come from the parent's query (the
 * Opportunity's Control_Snapshot__c records); this component only draws them.
 */
export default class ControlTrend extends LightningElement {
    private windowDays = 90;
    private raw: readonly TrendPointInput[] = [];
    private view: TrendView = trendView([], lang, userLocale, 90);

    /** How many days the points cover (the parent's query window); named in the heading. */
    @api
    get days(): number {
        return this.windowDays;
    }
    set days(value: number) {
        this.windowDays = typeof value === 'number' && value > 0 ? value : 90;
        this.view = trendView(this.raw, lang, userLocale, this.windowDays);
    }

    /** The snapshots as [{date: 'YYYY-MM-DD', score, band}], in any order; undated or unscored ones are skipped. */
    @api
    get points(): readonly TrendPointInput[] {
        return this.raw;
    }
    set points(value: readonly TrendPointInput[]) {
        this.raw = Array.isArray(value) ? value : [];
        this.view = trendView(this.raw, lang, userLocale, this.windowDays);
    }

    get trend(): TrendView {
        return this.view;
    }

    get isNone(): boolean {
        return this.view.state === 'none';
    }

    get isOne(): boolean {
        return this.view.state === 'one';
    }

    get isMany(): boolean {
        return this.view.state === 'many';
    }

    get viewBox(): string {
        return `0 0 ${VIEW_WIDTH} ${VIEW_HEIGHT}`;
    }

    get viewWidth(): number {
        return VIEW_WIDTH;
    }
}
