import { LightningElement, api } from 'lwc';
import LANG from '@salesforce/i18n/lang';
import { toLang } from 'c/dealControlModel';
import { LABELS } from './labels';

const lang = toLang(LANG);

/** Stands for "not yet known" among the radio values; no model value looks like it. */
const UNKNOWN = '--not-yet-known--';

export interface Choice {
    value: string;
    label: string;
    /** What choosing it means (the model's description). */
    meaning: string;
}

/**
 * A question with its choices: the platform's radio or checkbox group, one line about the current
 * choice (what to do next), and the meaning of every choice one tap away in a disclosure, so a rep
 * can read them on a phone without the form becoming a wall of text. Server errors for the field
 * are shown by the base component itself (setCustomValidity).
 */
export default class ChoiceGroup extends LightningElement {
    /** The field API name; sent back with every change. */
    @api name = '';
    @api label = '';
    /** What the question asks, shown first in the disclosure. */
    @api help = '';
    @api choices: Choice[] = [];
    /** Several values (a multi-select picklist) instead of one. */
    @api multiple = false;
    /** The label of the "not yet known" choice of a single-value question (none for multi-select). */
    @api unknownLabel = '';
    /** What "not yet known" means for this question. */
    @api unknownMeaning = '';
    /** One line under the group about the current choice ("What to do: …", "Next step: …"). */
    @api note = '';
    @api disabled = false;

    private currentValue: string | string[] | null = null;
    private currentError = '';
    /** An error was shown, so clearing it must be reported to the base component too. */
    private reported = false;

    /** A value, a list of values (multiple), or null for not yet known. */
    @api
    get value(): string | string[] | null {
        return this.currentValue;
    }
    set value(next: string | string[] | null) {
        this.currentValue = next ?? null;
    }

    /** A message from the server about this field; empty when there is none. */
    @api
    get error(): string {
        return this.currentError;
    }
    set error(message: string) {
        this.currentError = message ?? '';
    }

    /** Marks the group while the server's message is shown (and re-renders when it changes). */
    get rootClass(): string {
        return this.currentError ? 'choice-group choice-group_error' : 'choice-group';
    }

    get meaningsLabel(): string {
        return LABELS.meanings[lang];
    }

    /** What the radio and the checkbox group share. */
    get groupProps(): Record<string, unknown> {
        return { name: this.name, label: this.label, options: this.options, disabled: this.disabled };
    }

    get options(): Array<{ label: string; value: string }> {
        const options = this.choices.map((c) => ({ label: c.label, value: c.value }));
        return this.multiple ? options : [{ label: this.unknownLabel, value: UNKNOWN }, ...options];
    }

    get meanings(): Array<{
        value: string;
        label: string;
        meaning: string;
        termKey: string;
        meaningKey: string;
    }> {
        const list =
            this.multiple || !this.unknownMeaning
                ? this.choices
                : [
                      { value: UNKNOWN, label: this.unknownLabel, meaning: this.unknownMeaning },
                      ...this.choices
                  ];
        return list.map((c) => ({ ...c, termKey: `term-${c.value}`, meaningKey: `meaning-${c.value}` }));
    }

    get radioValue(): string {
        return typeof this.currentValue === 'string' ? this.currentValue : UNKNOWN;
    }

    get checkboxValue(): string[] {
        return Array.isArray(this.currentValue) ? this.currentValue : [];
    }

    override renderedCallback(): void {
        const group = this.template?.querySelector<
            HTMLElement & { setCustomValidity?(m: string): void; reportValidity?(): boolean }
        >('[data-id="group"]');
        if (!group?.setCustomValidity) return;
        group.setCustomValidity(this.currentError);
        if (this.currentError || this.reported) group.reportValidity?.();
        this.reported = this.currentError !== '';
    }

    /** Focus on the group, for a form that sends the rep to a field with an error. */
    @api
    focus(): void {
        this.template?.querySelector<HTMLElement>('[data-id="group"]')?.focus();
    }

    handleChange(event: CustomEvent<{ value: string | string[] }>): void {
        event.stopPropagation();
        const raw = event.detail.value;
        const value = Array.isArray(raw) ? raw : raw === UNKNOWN ? null : raw;
        this.currentValue = value;
        this.currentError = '';
        this.dispatchEvent(new CustomEvent('change', { detail: { field: this.name, value } }));
    }
}
