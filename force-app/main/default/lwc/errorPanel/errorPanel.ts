import { LightningElement, api } from 'lwc';
import LANG from '@salesforce/i18n/lang';
import { toLang } from 'c/dealControlModel';
import { detailsLabel, explainError, ExplainedError } from 'c/dealControlErrors';
import { LABELS } from './labels';

const lang = toLang(LANG);

/**
 * One way to show a failure everywhere in Deal Control: what failed (the heading the parent gives),
 * what happened and what to do in plain words, any message an admin wrote for users, and the
 * platform's raw text behind a "details" disclosure (and in the console) for whoever must fix it.
 * Actions such as "Try again" go in the default slot.
 */
export default class ErrorPanel extends LightningElement {
    /** What failed, as a plain sentence in the rep's language ("The scorecard was not saved."). */
    @api heading = '';
    /** A line after the advice, e.g. "Everything you typed is still here." */
    @api note = '';
    /** 'error' (nothing could be done) or 'warning' (part of it worked). */
    @api variant: 'error' | 'warning' = 'error';
    /** Extra plain messages to list, e.g. the fields to correct. */
    @api items: string[] = [];

    private explained: ExplainedError = { advice: '', userMessages: [], details: [] };
    private raw: unknown = null;

    /** The error(s) as the platform returned them: any shape the data module can read. */
    @api
    get errors(): unknown {
        return this.raw;
    }
    set errors(value: unknown) {
        this.raw = value;
        this.explained = explainError(value, lang);
        if (this.explained.details.length > 0) {
            // The full platform text for whoever investigates (an admin, support).
            console.error(`Deal Control: ${this.heading}`, ...this.explained.details);
        }
    }

    get advice(): string {
        return this.explained.advice;
    }

    get messages(): string[] {
        return [...this.explained.userMessages, ...(this.items ?? [])];
    }

    get hasMessages(): boolean {
        return this.messages.length > 0;
    }

    get details(): string[] {
        return this.explained.details;
    }

    get hasDetails(): boolean {
        return this.explained.details.length > 0;
    }

    get detailsLabel(): string {
        return detailsLabel(lang);
    }

    get iconName(): string {
        return this.variant === 'warning' ? 'utility:warning' : 'utility:error';
    }

    get iconVariant(): string {
        return this.variant === 'warning' ? 'warning' : 'error';
    }

    get iconText(): string {
        return (this.variant === 'warning' ? LABELS.warning : LABELS.error)[lang];
    }

    get panelClass(): string {
        return `panel panel_${this.variant === 'warning' ? 'warning' : 'error'} slds-scoped-notification slds-scoped-notification_light`;
    }
}
