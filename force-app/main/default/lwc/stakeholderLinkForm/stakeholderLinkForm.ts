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

interface Choice {
    key: keyof LinkDraft;
    field: string;
    label: string;
    options: Option[];
    help: string;
    hasHelp: boolean;
    error: string;
    inputId: string;
    errorId: string;
    className: string;
    selectClass: string;
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

    labels = L;
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

    /**
     * The four choices in the order a rep reads the link: who, what kind, whom, how strong. Each
     * carries its options, its help (what the chosen value means) and its error.
     */
    get choices(): Choice[] {
        const typeValue = findValue(LINK_TYPE, this.draft.type);
        const strengthValue = findValue(LINK_STRENGTH, this.draft.strength);
        const choice = (
            key: keyof LinkDraft,
            field: string,
            label: string,
            options: Option[],
            help = ''
        ): Choice => {
            const error = this.fieldErrors[field] ?? '';
            return {
                key,
                field,
                label,
                options,
                help,
                hasHelp: help !== '',
                error,
                inputId: `link-${key}`,
                errorId: `link-${key}-error`,
                className: `slds-form-element field${error ? ' slds-has-error' : ''}`,
                selectClass: `slds-select ${key}`
            };
        };
        return [
            choice('from', LINK_FROM_FIELD, L.from, this.peopleOptions(this.draft.from)),
            choice(
                'type',
                LINK_TYPE.field,
                LINK_TYPE.label[lang],
                [
                    { value: '', label: L.choose, selected: !this.draft.type },
                    ...LINK_TYPE.values.map((v) => ({
                        value: v.value,
                        label: v.label[lang],
                        selected: v.value === this.draft.type
                    }))
                ],
                typeValue?.description[lang] ?? LINK_TYPE.help[lang]
            ),
            choice('to', LINK_TO_FIELD, L.to, this.peopleOptions(this.draft.to)),
            choice(
                'strength',
                LINK_STRENGTH.field,
                LINK_STRENGTH.label[lang],
                LINK_STRENGTH.values.map((v) => ({
                    value: v.value,
                    label: v.label[lang],
                    selected: v.value === this.draft.strength
                })),
                strengthValue?.description[lang] ?? LINK_STRENGTH.help[lang]
            )
        ];
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
