import { LightningElement, api } from 'lwc';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import LANG from '@salesforce/i18n/lang';
import {
    ATTITUDE_TO_US,
    INSIGHTS,
    PicklistFieldDef,
    ROLE,
    STAKEHOLDER_PICKLISTS,
    fillTemplate,
    findValue,
    toLang
} from 'c/dealControlModel';
import { fieldErrorsOf, isConflictError, reduceErrors } from 'c/dealControlData';
import {
    CHECKBOX_FIELDS,
    DATE_FIELDS,
    FormValue,
    FormValues,
    MAX_LENGTH,
    TEXT_FIELDS,
    buildSaveRequest,
    conflictingFields,
    localDate,
    picklistDef,
    scoreForm,
    toFormValues,
    validateForm
} from './assessmentForm';
import { LABELS, labelsFor } from './labels';

const lang = toLang(LANG);
const L = labelsFor(lang);

/** Picklists shown as radio/checkbox groups so every value's meaning is visible while choosing. */
const GROUPED_FIELDS = STAKEHOLDER_PICKLISTS.filter((d) => d.field !== ROLE.field);
const PERSON_GROUPS = GROUPED_FIELDS.filter((d) => d.field === 'Influence__c');
const DIMENSION_GROUPS = GROUPED_FIELDS.filter((d) => d.field !== 'Influence__c');

const FIELD_LABELS: Record<string, string> = {
    Name: L.name,
    Title__c: L.title,
    Top_Decision_Maker__c: L.topDecisionMaker,
    Decision_Body_Member__c: L.decisionBodyMember,
    Favored_Vendor__c: L.favoredVendor,
    Assessed_On__c: L.assessedOn,
    Next_Action__c: L.nextAction,
    Next_Action_Due__c: L.nextActionDue,
    Verification__c: L.verification,
    Evidence__c: L.evidence,
    Notes__c: L.notes,
    ...Object.fromEntries(STAKEHOLDER_PICKLISTS.map((d) => [d.field, d.label[lang]]))
};

interface ConflictRow {
    field: string;
    label: string;
    theirs: string;
    yours: string;
}

export default class StakeholderEditor extends LightningElement {
    /** The Opportunity a new assessment is created under (set by the grid or the quick action). */
    @api opportunityId: string | undefined;
    /** Set by the record page when the editor is placed on its own: the Opportunity's Id. */
    @api recordId: string | undefined;

    labels = L;
    values: FormValues = toFormValues(null);
    fieldErrors: Record<string, string> = {};
    pageErrors: string[] = [];
    saving = false;
    conflict = false;

    /** The stored version the next save is checked against (ifUnmodifiedSince). */
    private baseRecord: Record<string, unknown> | null = null;
    /** The newer stored version that caused a conflict, shown beside the rep's values. */
    private newerRecord: Record<string, unknown> | null = null;
    private dirty = false;
    private focusedOnce = false;

    /**
     * The assessment to edit (an AssessmentRecord with Id and LastModifiedDate), or a prefill for a
     * new one (e.g. Name, Title__c and Contact__c from a Contact Role), or null for a blank form.
     */
    @api
    get record(): Record<string, unknown> | null {
        return this.baseRecord;
    }
    set record(value: Record<string, unknown> | null) {
        const incoming = value ? { ...value } : null;
        const sameRecord =
            incoming !== null && incoming.Id !== undefined && incoming.Id === this.baseRecord?.Id;
        if (sameRecord && this.conflict) {
            // The container reloaded after a conflict: show the newer data, keep what was typed, and
            // check the next save against the version the rep has now seen.
            this.newerRecord = incoming;
            this.baseRecord = incoming;
            return;
        }
        if (sameRecord && this.dirty) {
            // A refresh for another reason must not wipe the rep's typing; the server will report a
            // conflict on save if this record really changed.
            return;
        }
        this.resetTo(incoming);
    }

    /** Starts the form over from a stored record, a prefill, or blank. */
    private resetTo(incoming: Record<string, unknown> | null): void {
        this.baseRecord = incoming;
        this.values = toFormValues(incoming);
        if (!incoming?.Id && !this.values.Assessed_On__c) {
            this.values = { ...this.values, Assessed_On__c: localDate(new Date()) };
        }
        this.dirty = false;
        this.conflict = false;
        this.newerRecord = null;
        this.fieldErrors = {};
        this.pageErrors = [];
    }

    override renderedCallback(): void {
        // A textarea's text is its value property, not an attribute the template can bind.
        this.template?.querySelectorAll<HTMLTextAreaElement>('textarea[data-field]').forEach((area) => {
            const wanted = String(this.values[area.dataset.field as string] ?? '');
            if (area.value !== wanted) area.value = wanted;
        });
        if (this.focusedOnce) return;
        const first = this.template?.querySelector<HTMLInputElement>('input[data-field="Name"]');
        if (first) {
            this.focusedOnce = true;
            first.focus();
        }
    }

    get heading(): string {
        return this.baseRecord?.Id ? L.titleEdit : L.titleNew;
    }

    get saveLabel(): string {
        return this.saving ? L.saving : L.save;
    }

    // ----- view model -------------------------------------------------------------------------

    /** Text, date and checkbox fields by API name, with their value and error for the template. */
    get f(): Record<string, Record<string, unknown>> {
        const view: Record<string, Record<string, unknown>> = {};
        for (const field of [...TEXT_FIELDS, ...DATE_FIELDS, ...CHECKBOX_FIELDS]) {
            const error = this.fieldErrors[field] ?? null;
            view[field] = {
                label: FIELD_LABELS[field],
                value: this.values[field] ?? '',
                checked: this.values[field] === true,
                maxLength: MAX_LENGTH[field],
                error,
                formClass: error ? 'slds-form-element slds-has-error' : 'slds-form-element'
            };
        }
        return view;
    }

    get roleField(): Record<string, unknown> {
        return this.singleView(ROLE);
    }

    /** Influence, then the five dimensions (with other needs beside the dominant one). */
    get choiceGroups(): Record<string, unknown>[] {
        return [
            ...PERSON_GROUPS.map((def) => this.groupView(def, null)),
            ...DIMENSION_GROUPS.map((def, i) => this.groupView(def, i === 0 ? L.sectionDimensions : null))
        ];
    }

    private singleView(def: PicklistFieldDef): Record<string, unknown> {
        const selected = this.values[def.field];
        const chosen = typeof selected === 'string' ? findValue(def, selected) : undefined;
        const error = this.fieldErrors[def.field] ?? null;
        return {
            field: def.field,
            label: def.label[lang],
            help: def.help[lang],
            noneSelected: !chosen,
            options: def.values.map((v) => ({
                value: v.value,
                label: v.label[lang],
                selected: v.value === selected
            })),
            hasChoice: Boolean(chosen),
            meaning: chosen ? chosen.description[lang] : def.blankMeans[lang],
            guidance: chosen ? chosen.guidance[lang] : null,
            error,
            formClass: error ? 'slds-form-element slds-has-error' : 'slds-form-element'
        };
    }

    private groupView(def: PicklistFieldDef, sectionHeading: string | null): Record<string, unknown> {
        const current = this.values[def.field];
        const chosen = def.multiSelect
            ? def.values.filter((v) => Array.isArray(current) && current.includes(v.value))
            : def.values.filter((v) => v.value === current);
        const error = this.fieldErrors[def.field] ?? null;
        const options = def.values.map((v) => ({
            key: `${def.field}-${v.value}`,
            value: v.value,
            label: v.label[lang],
            description: v.description[lang],
            checked: chosen.includes(v)
        }));
        if (!def.multiSelect) {
            options.unshift({
                key: `${def.field}-none`,
                value: '',
                label: L.none,
                description: def.blankMeans[lang],
                checked: chosen.length === 0
            });
        }
        return {
            field: def.field,
            label: def.label[lang],
            help: def.help[lang],
            sectionHeading,
            inputType: def.multiSelect ? 'checkbox' : 'radio',
            optionClass: def.multiSelect ? 'slds-checkbox' : 'slds-radio',
            labelClass: def.multiSelect ? 'slds-checkbox__label' : 'slds-radio__label',
            fauxClass: def.multiSelect ? 'slds-checkbox_faux' : 'slds-radio_faux',
            options,
            guidance: chosen.map((v) => ({
                key: v.value,
                label: v.label[lang],
                heading: fillTemplate(L.guidanceFor, { value: v.label[lang] }),
                text: v.guidance[lang]
            })),
            hasGuidance: chosen.length > 0,
            error,
            formClass: error ? 'slds-form-element slds-has-error' : 'slds-form-element'
        };
    }

    private get liveScore() {
        return scoreForm(this.values, '');
    }

    get supportText(): string {
        const index = this.liveScore.derived.Support_Index__c;
        if (index === null) return L.supportUnknown;
        const attitude = findValue(ATTITUDE_TO_US, this.values.Attitude_To_Us__c as string);
        return `${index > 0 ? '+' : ''}${index} ${attitude ? attitude.label[lang] : ''}`.trim();
    }

    get knownText(): string {
        return `${this.liveScore.derived.Completeness__c / 20} / 5`;
    }

    get insights(): Array<{ code: string; message: string; action: string }> {
        return this.liveScore.insights.map((i) => ({
            code: i.code,
            message: INSIGHTS[i.code].message[lang],
            action: INSIGHTS[i.code].action[lang]
        }));
    }

    get hasInsights(): boolean {
        return this.liveScore.insights.length > 0;
    }

    /** Stored values the model no longer knows: the form shows them as unknown, never re-sends them. */
    get storedIssues(): string {
        const issues = this.baseRecord ? scoreForm(this.baseRecord, '').issues : [];
        return issues
            .map((i) => `${FIELD_LABELS[i.field] ?? i.field}${L.colon}${i.value}`)
            .join(L.itemSeparator);
    }

    get hasPageErrors(): boolean {
        return this.pageErrors.length > 0 || Object.keys(this.fieldErrors).length > 0;
    }

    get hasFieldErrors(): boolean {
        return Object.keys(this.fieldErrors).length > 0;
    }

    get conflictRows(): ConflictRow[] {
        if (!this.newerRecord) return [];
        const theirs = toFormValues(this.newerRecord);
        return conflictingFields(this.values, this.newerRecord).map((field) => ({
            field,
            label: FIELD_LABELS[field] ?? field,
            theirs: this.display(field, theirs[field] ?? null),
            yours: this.display(field, this.values[field] ?? null)
        }));
    }

    get conflictLoaded(): boolean {
        return this.newerRecord !== null;
    }

    get conflictHasRows(): boolean {
        return this.conflictRows.length > 0;
    }

    private display(field: string, value: FormValue): string {
        if (CHECKBOX_FIELDS.includes(field)) return value === true ? L.yes : L.no;
        const def = picklistDef(field);
        const list = Array.isArray(value) ? value : value === null || value === '' ? [] : [String(value)];
        if (list.length === 0) return L.blank;
        return list.map((v) => (def ? (findValue(def, v)?.label[lang] ?? v) : v)).join(L.listSeparator);
    }

    // ----- input --------------------------------------------------------------------------------

    private setValue(field: string, value: FormValue): void {
        this.values = { ...this.values, [field]: value };
        this.dirty = true;
        if (this.fieldErrors[field]) {
            const rest = { ...this.fieldErrors };
            delete rest[field];
            this.fieldErrors = rest;
        }
    }

    handleInput(event: Event): void {
        const target = event.target as HTMLInputElement;
        const field = target.dataset.field as string;
        this.setValue(field, target.type === 'checkbox' ? target.checked : target.value);
    }

    handleSingleChoice(event: Event): void {
        const target = event.target as HTMLInputElement | HTMLSelectElement;
        this.setValue(target.dataset.field as string, target.value === '' ? null : target.value);
    }

    /** Radio groups hold one value; checkbox groups (multi-select picklists) hold a list. */
    handleChoice(event: Event): void {
        const target = event.target as HTMLInputElement;
        if (target.type === 'radio') {
            this.handleSingleChoice(event);
            return;
        }
        const field = target.dataset.field as string;
        const current = Array.isArray(this.values[field]) ? (this.values[field] as string[]) : [];
        const next = target.checked
            ? [...current.filter((v) => v !== target.value), target.value]
            : current.filter((v) => v !== target.value);
        this.setValue(field, next);
    }

    handleKeydown(event: KeyboardEvent): void {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            this.save();
        } else if (event.key === 'Escape') {
            event.preventDefault();
            this.handleCancel();
        }
    }

    handleCancel(): void {
        this.dispatchEvent(new CustomEvent('cancel'));
    }

    handleSave(): void {
        this.save();
    }

    /** Enter in a text field must not save half an assessment: saving is an explicit act. */
    handleSubmit(event: Event): void {
        event.preventDefault();
    }

    // ----- save ---------------------------------------------------------------------------------

    /** Saves the form; resolves once the outcome is shown. Exposed for containers (quick action). */
    @api
    async save(): Promise<void> {
        if (this.saving) return;
        const invalid = validateForm(this.values);
        if (Object.keys(invalid).length > 0) {
            this.fieldErrors = Object.fromEntries(
                Object.entries(invalid).map(([field, key]) => [field, LABELS[key][lang]])
            );
            this.pageErrors = [];
            this.focusField(Object.keys(invalid)[0]);
            return;
        }
        const request = buildSaveRequest(this.values, {
            opportunityId: this.opportunityId ?? this.recordId,
            record: this.baseRecord,
            scoredAt: new Date().toISOString()
        });
        this.saving = true;
        this.pageErrors = [];
        this.fieldErrors = {};
        try {
            const saved =
                request.kind === 'create'
                    ? await createRecord(request.recordInput)
                    : await updateRecord(request.recordInput, request.clientOptions);
            const recordId = saved?.id ?? (request.recordInput.fields.Id as string | undefined) ?? null;
            const name = String(request.recordInput.fields.Name ?? '');
            this.dirty = false;
            this.conflict = false;
            this.newerRecord = null;
            this.dispatchEvent(
                new ShowToastEvent({
                    title: L.savedToast,
                    message: L.savedToastBody.replace('{name}', name),
                    variant: 'success'
                })
            );
            this.dispatchEvent(new CustomEvent('saved', { detail: { recordId, name, kind: request.kind } }));
            if (request.kind === 'create') {
                // Ready for the next person of the committee; a container may replace the record.
                this.resetTo(null);
            }
        } catch (error) {
            this.showSaveError(error);
        } finally {
            this.saving = false;
        }
    }

    private showSaveError(error: unknown): void {
        if (isConflictError(error)) {
            this.conflict = true;
            this.newerRecord = null;
            this.dispatchEvent(
                new CustomEvent('conflict', { detail: { recordId: (this.baseRecord?.Id as string) ?? null } })
            );
            return;
        }
        const byField = fieldErrorsOf(error);
        const shownAtField = new Set(Object.values(byField));
        this.fieldErrors = byField;
        this.pageErrors = reduceErrors(error).filter((message) => !shownAtField.has(message));
        const first = Object.keys(byField)[0];
        if (first) this.focusField(first);
    }

    private focusField(field: string): void {
        // After the re-render, so the error text is in place when focus lands.
        Promise.resolve().then(() => {
            this.template?.querySelector<HTMLElement>(`[data-field="${field}"]`)?.focus();
        });
    }
}
