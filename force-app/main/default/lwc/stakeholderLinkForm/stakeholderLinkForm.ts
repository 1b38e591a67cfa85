import { LightningElement, api } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import LANG from '@salesforce/i18n/lang';
import {
    LINK_FROM_FIELD,
    LINK_SENTENCES,
    LINK_STRENGTH,
    LINK_TO_FIELD,
    LINK_TYPE,
    LinkType,
    PoliticalMap,
    fillTemplate,
    findValue,
    personOf,
    toLang
} from 'c/dealControlModel';
import {
    LinkDraft,
    checkLinkDraft,
    createLink,
    deleteLink,
    draftMessages,
    explainLinkError,
    updateLink
} from 'c/stakeholderLinkWrites';
import { labelsFor } from './labels';

const lang = toLang(LANG);
const L = labelsFor(lang);
const EVIDENCE = 'Evidence__c';

interface Option {
    value: string;
    label: string;
    selected: boolean;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * One link between two people: who, what kind, whom, how strong, and how we know. Checks the draft
 * before sending it (nobody linked to themselves, no second copy of a link), saves with the same
 * no-lost-update rule as the assessment editor, and keeps what the rep chose when a colleague saved
 * first. Events: saved, deleted, cancel, conflict (the container reloads and passes the newer link).
 */
export default class StakeholderLinkForm extends LightningElement {
    @api opportunityId: string | undefined;
    /** The Opportunity's people and links, to choose from and to check the draft against. */
    @api map: PoliticalMap | null = null;

    labels = { ...L, type: LINK_TYPE.label[lang], strength: LINK_STRENGTH.label[lang] };
    draft: LinkDraft = { from: '', to: '', type: '', strength: 'Medium', evidence: '' };
    fieldErrors: Record<string, string> = {};
    message = '';
    saveError: unknown = null;
    saveErrorHeading = '';
    busy = false;
    confirmingRemove = false;

    private stored: Record<string, unknown> | null = null;
    private inConflict = false;

    /** The stored link being changed (Id, LastModifiedDate and its fields), or null for a new one. */
    @api
    get link(): Record<string, unknown> | null {
        return this.stored;
    }
    set link(value: Record<string, unknown> | null) {
        const incoming = value ? { ...value } : null;
        const same = incoming !== null && incoming.Id === this.stored?.Id;
        this.stored = incoming;
        // After a conflict the container hands in the newer version: check against it, keep the draft.
        if (same && this.inConflict) return;
        this.draft = {
            from: text(incoming?.[LINK_FROM_FIELD]),
            to: text(incoming?.[LINK_TO_FIELD]),
            type: text(incoming?.[LINK_TYPE.field]),
            strength: text(incoming?.[LINK_STRENGTH.field]) || 'Medium',
            evidence: text(incoming?.[EVIDENCE])
        };
        this.fieldErrors = {};
        this.message = '';
    }

    /** Moves focus to the heading, for a container that just opened the form. */
    @api
    focusHeading(): void {
        this.template?.querySelector<HTMLElement>('[data-id="heading"]')?.focus({ preventScroll: true });
    }

    get isChange(): boolean {
        return typeof this.stored?.Id === 'string';
    }

    get heading(): string {
        return this.isChange ? L.changeHeading : L.addHeading;
    }

    private peopleOptions(selected: string | null | undefined): Option[] {
        const people = (this.map?.stakeholders ?? []).filter((s) => s.id);
        return [
            { value: '', label: L.choose, selected: !selected },
            ...people.map((s) => ({
                value: s.id!,
                label: s.name?.trim() || L.unnamed,
                selected: s.id === selected
            }))
        ];
    }

    get fromOptions(): Option[] {
        return this.peopleOptions(this.draft.from);
    }

    get toOptions(): Option[] {
        return this.peopleOptions(this.draft.to);
    }

    get typeOptions(): Option[] {
        return [
            { value: '', label: L.choose, selected: !this.draft.type },
            ...LINK_TYPE.values.map((v) => ({
                value: v.value,
                label: v.label[lang],
                selected: v.value === this.draft.type
            }))
        ];
    }

    get strengthOptions(): Option[] {
        return LINK_STRENGTH.values.map((v) => ({
            value: v.value,
            label: v.label[lang],
            selected: v.value === this.draft.strength
        }));
    }

    get typeHelp(): string {
        return findValue(LINK_TYPE, this.draft.type)?.description[lang] ?? LINK_TYPE.help[lang];
    }

    get strengthHelp(): string {
        return findValue(LINK_STRENGTH, this.draft.strength)?.description[lang] ?? LINK_STRENGTH.help[lang];
    }

    /** The draft as the sentence the map and the list will show. */
    get sentence(): string {
        const type = findValue(LINK_TYPE, this.draft.type);
        if (!type || !this.draft.from || !this.draft.to || !this.map) return '';
        const name = (id: string) => personOf(this.map!, id)?.name?.trim() || L.unnamed;
        return fillTemplate(LINK_SENTENCES[type.value as LinkType][lang], {
            from: name(this.draft.from),
            to: name(this.draft.to)
        });
    }

    get readsAs(): string {
        return this.sentence ? fillTemplate(L.readsAs, { sentence: this.sentence }) : '';
    }

    get confirmQuestion(): string {
        return fillTemplate(L.confirmRemove, { sentence: this.sentence });
    }

    get fromError(): string {
        return this.fieldErrors[LINK_FROM_FIELD] ?? '';
    }

    get toError(): string {
        return this.fieldErrors[LINK_TO_FIELD] ?? '';
    }

    get typeError(): string {
        return this.fieldErrors[LINK_TYPE.field] ?? '';
    }

    get fromClass(): string {
        return `slds-form-element field${this.fromError ? ' slds-has-error' : ''}`;
    }

    get toClass(): string {
        return `slds-form-element field${this.toError ? ' slds-has-error' : ''}`;
    }

    get typeClass(): string {
        return `slds-form-element field${this.typeError ? ' slds-has-error' : ''}`;
    }

    get hasSaveError(): boolean {
        return this.saveError !== null;
    }

    get saveLabel(): string {
        return this.busy ? L.saving : L.save;
    }

    // ----- input ------------------------------------------------------------------------------

    handleChange(event: Event): void {
        const target = event.target as HTMLSelectElement | HTMLTextAreaElement;
        const key = (event.currentTarget as HTMLElement).dataset.key as keyof LinkDraft;
        this.draft = { ...this.draft, [key]: target.value };
        this.confirmingRemove = false;
    }

    handleCancel(): void {
        this.dispatchEvent(new CustomEvent('cancel'));
    }

    /** Enter in a field submits the form, as the Save button does. */
    handleSubmit(event: Event): Promise<void> {
        event.preventDefault();
        return this.save();
    }

    handleSave(): Promise<void> {
        return this.save();
    }

    // ----- save and remove -----------------------------------------------------------------------

    /** Checks and saves the draft; resolves once the outcome is shown. */
    @api
    async save(): Promise<void> {
        if (this.busy || !this.map) return;
        const exceptId = this.isChange ? String(this.stored!.Id) : null;
        const problems = checkLinkDraft(this.draft, this.map, exceptId);
        if (Object.keys(problems).length > 0) {
            this.fieldErrors = draftMessages(problems, lang);
            this.message = '';
            this.focusFirstError();
            return;
        }
        this.busy = true;
        this.fieldErrors = {};
        this.message = '';
        this.saveError = null;
        try {
            if (this.isChange) {
                await updateLink(
                    { Id: String(this.stored!.Id), LastModifiedDate: text(this.stored!.LastModifiedDate) },
                    this.draft
                );
            } else {
                await createLink(this.opportunityId ?? '', this.draft);
            }
            this.inConflict = false;
            this.dispatchEvent(new ShowToastEvent({ title: L.saved, variant: 'success' }));
            this.dispatchEvent(new CustomEvent('saved'));
        } catch (error) {
            this.showFailure(error, L.saveFailed);
        } finally {
            this.busy = false;
        }
    }

    handleRemoveAsk(): void {
        this.confirmingRemove = true;
    }

    handleRemoveKeep(): void {
        this.confirmingRemove = false;
    }

    async handleRemoveConfirm(): Promise<void> {
        if (!this.isChange || this.busy) return;
        this.busy = true;
        this.saveError = null;
        this.message = '';
        try {
            await deleteLink({
                Id: String(this.stored!.Id),
                LastModifiedDate: text(this.stored!.LastModifiedDate)
            });
            this.inConflict = false;
            this.confirmingRemove = false;
            this.dispatchEvent(new ShowToastEvent({ title: L.removed, variant: 'success' }));
            this.dispatchEvent(new CustomEvent('deleted'));
        } catch (error) {
            this.confirmingRemove = false;
            this.showFailure(error, L.removeFailed);
        } finally {
            this.busy = false;
        }
    }

    private showFailure(error: unknown, heading: string): void {
        const failure = explainLinkError(error, lang);
        this.fieldErrors = failure.fieldErrors;
        this.message = failure.message;
        if (failure.kind === 'conflict') {
            // Keep the draft; the container reloads and hands in the newer stored version.
            this.inConflict = true;
            this.dispatchEvent(new CustomEvent('conflict'));
        } else if (failure.kind === 'other') {
            this.saveErrorHeading = heading;
            this.saveError = error;
        }
        this.focusFirstError();
    }

    private focusFirstError(): void {
        Promise.resolve().then(() => {
            const target =
                this.template?.querySelector<HTMLElement>('.slds-has-error select') ??
                this.template?.querySelector<HTMLElement>('[data-id="message"]');
            target?.focus();
        });
    }
}
