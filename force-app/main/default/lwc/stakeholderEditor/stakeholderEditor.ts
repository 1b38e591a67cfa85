import { LightningElement, api } from 'lwc';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import LANG from '@salesforce/i18n/lang';
import {
    ATTITUDE_TO_US,
    CAMP,
    INSIGHTS,
    LINK_SENTENCES,
    LINK_STRENGTH,
    LINK_TYPE,
    LinkType,
    PicklistFieldDef,
    PoliticalMap,
    ROLE,
    STAKEHOLDER_PICKLISTS,
    fillTemplate,
    findValue,
    recordKey,
    toLang
} from 'c/dealControlModel';
import { AssessmentRecord, DealSnapshot, LinkRecord, isConflictError } from 'c/dealControlData';
import {
    LINK_OBJECT_API_NAME,
    checkLinkDraft,
    createLink,
    deleteLink,
    draftMessages,
    explainLinkError,
    updateLink
} from 'c/stakeholderLinkWrites';
import { fieldMessagesOf } from 'c/dealControlErrors';
import { WidthClass, revealSection, watchRootWidth } from 'c/containerWidth';
import {
    CHECKBOX_FIELDS,
    FormValue,
    FormValues,
    MAX_LENGTH,
    buildSaveRequest,
    conflictingFields,
    localDate,
    picklistDef,
    scoreForm,
    toFormValues,
    validateForm
} from './assessmentForm';
import { LABELS, labelsFor } from './labels';
import {
    LinkOperation,
    NEW_PERSON_ID,
    RELATION_KINDS,
    RelationKind,
    RelationRow,
    draftOf,
    knownStrength,
    mapAfter,
    mergeStoredRows,
    pendingOperations,
    relationRowsOf
} from './relationships';

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
    [CAMP.field]: CAMP.label[lang],
    ...Object.fromEntries(STAKEHOLDER_PICKLISTS.map((d) => [d.field, d.label[lang]]))
};

/** A base input as the editor uses it: it reports the server's message at the field itself. */
type FieldElement = HTMLElement & {
    setCustomValidity?(message: string): void;
    reportValidity?(): boolean;
};

const KIND_TEXT: Record<RelationKind, { label: string; help: string }> = {
    reportsTo: { label: L.kindReportsTo, help: L.kindReportsToHelp },
    influencedBy: { label: L.kindInfluencedBy, help: L.kindInfluencedByHelp },
    actsFor: { label: L.kindActsFor, help: L.kindActsForHelp }
};

/** Link field → the part of a relationship row that shows its error (the other person or the strength). */
const LINK_FIELD_PART: Record<string, 'person' | 'strength'> = {
    From_Stakeholder__c: 'person',
    To_Stakeholder__c: 'person',
    [LINK_TYPE.field]: 'person',
    [LINK_STRENGTH.field]: 'strength'
};

let nextRowKey = 0;

/** Sets a base input's message (or clears it), and shows it; a cleared message is shown as cleared. */
function showFieldMessage(field: FieldElement, message: string): void {
    if (!field.setCustomValidity) return;
    field.setCustomValidity(message);
    if (message || field.dataset.reported === 'true') field.reportValidity?.();
    field.dataset.reported = message ? 'true' : 'false';
}

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

    /** Inside a container that shows its own heading (the quick action). */
    @api hideHeading = false;

    labels = L;
    values: FormValues = toFormValues(null);
    fieldErrors: Record<string, string> = {};
    /** The failed save as the platform returned it (for the error panel), or null. */
    saveError: unknown = null;
    saving = false;
    conflict = false;
    widthClass: WidthClass = 'wide';

    /** The person's relationships being edited (reports to, influenced by, acts for). */
    relationRows: RelationRow[] = [];
    /** Row key → part ('person' | 'strength') → message. */
    relationErrors: Record<string, Record<string, string>> = {};
    /** The save failed on a relationship (the error panel names that, not the assessment). */
    private linksFailed = false;

    /** The stored version the next save is checked against (ifUnmodifiedSince). */
    private baseRecord: Record<string, unknown> | null = null;
    private dealSnapshot: DealSnapshot | null = null;
    /** The newer stored version that caused a conflict, shown beside the rep's values. */
    private newerRecord: Record<string, unknown> | null = null;
    private dirty = false;
    private stopWatchingWidth: (() => void) | null = null;

    /**
     * The deal as the page's query loaded it (toDealSnapshot): the other people to link to, the
     * stored links and the political map the live reading is scored with. A fresh deal after a save
     * or a conflict keeps the rep's unsaved relationship edits.
     */
    @api
    get deal(): DealSnapshot | null {
        return this.dealSnapshot;
    }
    set deal(value: DealSnapshot | null) {
        this.dealSnapshot = value ?? null;
        this.relationRows = mergeStoredRows(
            this.relationRows,
            relationRowsOf(this.storedLinks, this.personId)
        );
    }

    private get storedLinks(): LinkRecord[] {
        return this.dealSnapshot?.links ?? [];
    }

    private get personId(): string | null {
        const id = this.baseRecord?.Id;
        return typeof id === 'string' && id !== '' ? id : null;
    }

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
        this.saveError = null;
        this.relationRows = relationRowsOf(this.storedLinks, this.personId);
        this.relationErrors = {};
        this.linksFailed = false;
    }

    override renderedCallback(): void {
        this.stopWatchingWidth ??= watchRootWidth(this.template, (widthClass) => {
            this.widthClass = widthClass;
        });
        // Field errors are shown by the base components themselves, as on any Salesforce form.
        this.template?.querySelectorAll<FieldElement>('.field[data-field]').forEach((field) => {
            showFieldMessage(field, this.fieldErrors[field.dataset.field as string] ?? '');
        });
        this.template?.querySelectorAll<FieldElement>('.link-field[data-row][data-part]').forEach((field) => {
            const { row, part } = field.dataset as { row: string; part: string };
            showFieldMessage(field, this.relationErrors[row]?.[part] ?? '');
        });
    }

    override disconnectedCallback(): void {
        this.stopWatchingWidth?.();
        this.stopWatchingWidth = null;
    }

    /**
     * Moves focus to the heading, for a container that just opened the editor: screen readers
     * announce it, and no on-screen keyboard pops up as it would for a text field.
     */
    @api
    focusHeading(): void {
        this.template?.querySelector<HTMLElement>('[data-id="heading"]')?.focus({ preventScroll: true });
    }

    get rootClass(): string {
        return `editor slds-card layout_${this.widthClass}`;
    }

    get showHeading(): boolean {
        return !this.hideHeading;
    }

    /** Jump links: open the section (it may have been collapsed) and bring it into view. */
    handleJump(event: Event): void {
        const name = (event.currentTarget as HTMLElement).dataset.section;
        revealSection(this.template?.querySelector<HTMLDetailsElement>(`details[data-section="${name}"]`));
    }

    get isWide(): boolean {
        return this.widthClass === 'wide';
    }

    /** Keyboard shortcuts mean nothing on a phone. */
    get showShortcutHint(): boolean {
        return this.widthClass !== 'narrow';
    }

    get heading(): string {
        return this.baseRecord?.Id ? L.titleEdit : L.titleNew;
    }

    get saveLabel(): string {
        return this.saving ? L.saving : L.save;
    }

    // ----- view model -------------------------------------------------------------------------

    /** Text, date and checkbox fields by API name, with their value and error for the template. */
    /** A base input's properties (spread onto it): label, value, limits and help. */
    private inputView(
        field: string,
        extra: Record<string, unknown> = {}
    ): { field: string; props: Record<string, unknown> } {
        const props: Record<string, unknown> = { label: FIELD_LABELS[field], ...extra };
        if (CHECKBOX_FIELDS.includes(field)) props.checked = this.values[field] === true;
        else props.value = this.values[field] ?? '';
        if (MAX_LENGTH[field]) props.maxLength = MAX_LENGTH[field];
        return { field, props };
    }

    get personInputs() {
        return [this.inputView('Name', { required: true }), this.inputView('Title__c')];
    }

    get checkboxes() {
        return CHECKBOX_FIELDS.map((field) => this.inputView(field, { type: 'checkbox' }));
    }

    get actionInputs() {
        return [
            this.inputView('Next_Action__c', { fieldLevelHelp: L.nextActionHelp }),
            this.inputView('Favored_Vendor__c', { fieldLevelHelp: L.favoredVendorHelp })
        ];
    }

    get dateInputs() {
        return ['Next_Action_Due__c', 'Assessed_On__c'].map((field) =>
            this.inputView(field, { type: 'date' })
        );
    }

    get textAreas() {
        return [
            this.inputView('Verification__c', { fieldLevelHelp: L.verificationHelp }),
            this.inputView('Evidence__c', { fieldLevelHelp: L.evidenceHelp }),
            this.inputView('Notes__c')
        ];
    }

    get roleField(): Record<string, unknown> {
        return this.singleView(ROLE);
    }

    /** Influence: the one choice group of the Person section. */
    get personGroups(): Record<string, unknown>[] {
        return PERSON_GROUPS.map((def) => this.groupView(def));
    }

    /** The five dimensions (with other needs beside the dominant one). */
    get dimensionGroups(): Record<string, unknown>[] {
        return DIMENSION_GROUPS.map((def) => this.groupView(def));
    }

    private singleView(def: PicklistFieldDef): Record<string, unknown> {
        const selected = this.values[def.field];
        const chosen = typeof selected === 'string' ? findValue(def, selected) : undefined;
        return {
            field: def.field,
            label: def.label[lang],
            options: [
                { value: '', label: L.none },
                ...def.values.map((v) => ({ value: v.value, label: v.label[lang] }))
            ],
            value: chosen ? chosen.value : '',
            meaning: chosen ? chosen.description[lang] : def.blankMeans[lang],
            guidance: chosen ? fillTemplate(L.guidanceLine, { text: chosen.guidance[lang] }) : ''
        };
    }

    /** A choice group: every value with its meaning, and what to do about the current choice. */
    private groupView(def: PicklistFieldDef): Record<string, unknown> {
        const current = this.values[def.field];
        const chosen = def.multiSelect
            ? def.values.filter((v) => Array.isArray(current) && current.includes(v.value))
            : def.values.filter((v) => v.value === current);
        const note =
            chosen.length === 0
                ? def.blankMeans[lang]
                : chosen
                      .map((v) =>
                          fillTemplate(L.guidanceForLine, { value: v.label[lang], text: v.guidance[lang] })
                      )
                      .join(' ');
        return {
            field: def.field,
            // The choice group's public properties, spread onto it (lwc:spread).
            props: {
                name: def.field,
                label: def.label[lang],
                help: def.help[lang],
                multiple: def.multiSelect,
                choices: def.values.map((v) => ({
                    value: v.value,
                    label: v.label[lang],
                    meaning: v.description[lang]
                })),
                value: def.multiSelect ? chosen.map((v) => v.value) : (chosen[0]?.value ?? null),
                unknownLabel: L.none,
                unknownMeaning: def.blankMeans[lang],
                note,
                error: this.fieldErrors[def.field] ?? ''
            }
        };
    }

    /** The Opportunity's map as it will be once this form is saved (this person's values and links). */
    private get liveMap(): PoliticalMap | undefined {
        if (!this.dealSnapshot) return undefined;
        return mapAfter(
            this.dealSnapshot.assessments,
            this.storedLinks,
            this.relationRows,
            { ...this.values, Id: this.personId ?? NEW_PERSON_ID },
            this.opportunityIdOfDeal
        );
    }

    private get opportunityIdOfDeal(): string | null {
        return this.dealSnapshot?.opportunity?.Id || this.opportunityId || this.recordId || null;
    }

    private get liveScore() {
        return scoreForm({ ...this.values, Id: this.personId ?? NEW_PERSON_ID }, '', this.liveMap);
    }

    // ----- relationships ------------------------------------------------------------------------

    /** The people this person can be linked to: the deal's other assessments, by name. */
    private get otherPeople(): AssessmentRecord[] {
        const self = this.personId;
        return (this.dealSnapshot?.assessments ?? [])
            .filter((a) => !(self && recordKey(a.Id) === recordKey(self)))
            .sort((a, b) => (a.Name ?? '').localeCompare(b.Name ?? '', lang === 'zh' ? 'zh-CN' : 'en'));
    }

    get hasOtherPeople(): boolean {
        return this.otherPeople.length > 0;
    }

    private nameOf(id: string | null | undefined): string {
        if (!id) return '';
        if (this.personId && recordKey(id) === recordKey(this.personId)) return this.personName;
        const found = (this.dealSnapshot?.assessments ?? []).find((a) => recordKey(a.Id) === recordKey(id));
        return found?.Name ?? '';
    }

    private get personName(): string {
        const name = this.values.Name;
        return typeof name === 'string' && name.trim() !== '' ? name.trim() : L.blank;
    }

    private sentenceOf(type: LinkType, from: string, to: string): string {
        return fillTemplate(LINK_SENTENCES[type][lang], { from, to });
    }

    private rowSentence(row: RelationRow): string {
        const def = RELATION_KINDS.find((k) => k.kind === row.kind)!;
        const other = this.nameOf(row.other) || L.blank;
        return def.personIsFrom
            ? this.sentenceOf(def.type, this.personName, other)
            : this.sentenceOf(def.type, other, this.personName);
    }

    get campInput() {
        return this.inputView(CAMP.field, { fieldLevelHelp: CAMP.help[lang] });
    }

    get relationGroups() {
        const people = this.otherPeople.map((a) => ({ value: a.Id, label: a.Name ?? a.Id }));
        const strengthOptions = [
            { value: '', label: L.strengthBlank },
            ...LINK_STRENGTH.values.map((v) => ({ value: v.value, label: v.label[lang] }))
        ];
        return RELATION_KINDS.map(({ kind }) => {
            const rows = this.relationRows
                .filter((r) => r.kind === kind)
                .map((row) => {
                    const errors = this.relationErrors[row.key] ?? {};
                    // A stored link to someone no longer offered (deleted, or on another deal) stays visible.
                    const known =
                        row.other === null ||
                        people.some((p) => recordKey(p.value) === recordKey(row.other!));
                    return {
                        key: row.key,
                        removed: row.removed,
                        personOptions: [
                            { value: '', label: L.choosePerson },
                            ...people,
                            ...(known
                                ? []
                                : [{ value: row.other!, label: this.nameOf(row.other) || row.other! }])
                        ],
                        person: row.other ?? '',
                        strength: knownStrength(row.strength) ?? '',
                        strengthOptions,
                        personLabel: fillTemplate(L.fieldProblem, {
                            field: KIND_TEXT[kind].label,
                            message: L.linkPerson
                        }),
                        strengthLabel: `${L.linkStrength}${L.colon}${this.rowSentence(row)}`,
                        removeLabel: fillTemplate(L.removeLink, { sentence: this.rowSentence(row) }),
                        removedText: fillTemplate(L.removedNote, { sentence: this.rowSentence(row) }),
                        personError: errors.person ?? '',
                        strengthError: errors.strength ?? ''
                    };
                });
            return {
                kind,
                label: KIND_TEXT[kind].label,
                help: KIND_TEXT[kind].help,
                rows,
                addLabel: fillTemplate(L.addLink, { kind: KIND_TEXT[kind].label })
            };
        });
    }

    /** The person's other links (allied, rival, and the lines that point at others), as sentences. */
    get otherLinkSentences(): string[] {
        const self = this.personId;
        if (!self || !this.dealSnapshot) return [];
        const edited = new Set(this.relationRows.map((r) => r.stored?.Id).filter(Boolean));
        return this.dealSnapshot.politicalMap.links
            .filter((l) => !(l.id && edited.has(l.id)))
            .filter((l) => recordKey(l.from) === recordKey(self) || recordKey(l.to) === recordKey(self))
            .map((l) => this.sentenceOf(l.type, this.nameOf(l.from), this.nameOf(l.to)));
    }

    get hasOtherLinks(): boolean {
        return this.otherLinkSentences.length > 0;
    }

    private setRows(rows: RelationRow[], clearErrorOf?: string): void {
        this.relationRows = rows;
        this.dirty = true;
        if (clearErrorOf && this.relationErrors[clearErrorOf]) {
            const rest = { ...this.relationErrors };
            delete rest[clearErrorOf];
            this.relationErrors = rest;
        }
    }

    handleAddLink(event: Event): void {
        const kind = (event.currentTarget as HTMLElement).dataset.kind as RelationKind;
        nextRowKey += 1;
        const key = `new-${nextRowKey}`;
        this.setRows([
            ...this.relationRows,
            { key, kind, stored: null, other: null, strength: null, evidence: null, removed: false }
        ]);
        // The new row's person picker, once it has rendered.
        Promise.resolve().then(() => {
            this.template
                ?.querySelector<HTMLElement>(`.link-field[data-row="${key}"][data-part="person"]`)
                ?.focus();
        });
    }

    handleLinkChange(event: CustomEvent<{ value: string }>): void {
        const target = event.target as HTMLElement;
        const key = target.dataset.row as string;
        const part = target.dataset.part;
        const value = event.detail.value === '' ? null : event.detail.value;
        this.setRows(
            this.relationRows.map((r) => {
                if (r.key !== key) return r;
                return part === 'strength' ? { ...r, strength: value } : { ...r, other: value };
            }),
            key
        );
    }

    handleRemoveLink(event: Event): void {
        const key = (event.currentTarget as HTMLElement).dataset.row;
        const row = this.relationRows.find((r) => r.key === key);
        if (!row) return;
        // A row never saved simply goes; a stored link is marked and removed on save (with Undo).
        this.setRows(
            row.stored
                ? this.relationRows.map((r) => (r.key === key ? { ...r, removed: true } : r))
                : this.relationRows.filter((r) => r.key !== key),
            key
        );
        // Keyboard and screen-reader users stay where they were: on Undo, or on the kind's Add.
        this.focusAfterUpdate(
            row.stored
                ? `lightning-button.undo-remove[data-row="${key}"]`
                : `fieldset[data-kind="${row.kind}"] lightning-button.add-link`
        );
    }

    handleUndoRemove(event: Event): void {
        const key = (event.currentTarget as HTMLElement).dataset.row;
        this.setRows(this.relationRows.map((r) => (r.key === key ? { ...r, removed: false } : r)));
        this.focusAfterUpdate(`lightning-button-icon.remove-link[data-row="${key}"]`);
    }

    private focusAfterUpdate(selector: string): void {
        Promise.resolve().then(() => this.template?.querySelector<HTMLElement>(selector)?.focus());
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

    get hasSaveError(): boolean {
        return this.saveError !== null;
    }

    get saveErrorHeading(): string {
        return this.linksFailed ? L.linksFailed : L.saveFailed;
    }

    /** The fields to correct, named, for the error panel (the message also sits at each field). */
    get fieldProblems(): string[] {
        return Object.entries(this.fieldErrors).map(([field, message]) =>
            fillTemplate(L.fieldProblem, { field: FIELD_LABELS[field] ?? field, message })
        );
    }

    get saveErrorNote(): string {
        return L.keptTyped;
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

    /** lightning-input and lightning-textarea: text, dates and the two checkboxes. */
    handleInput(event: CustomEvent<{ value?: string; checked?: boolean }>): void {
        const field = (event.target as HTMLElement).dataset.field as string;
        const value = CHECKBOX_FIELDS.includes(field)
            ? event.detail.checked === true
            : (event.detail.value ?? '');
        this.setValue(field, value);
    }

    /** The role combobox: '' stands for not yet known. */
    handleSingleChoice(event: CustomEvent<{ value: string }>): void {
        const field = (event.target as HTMLElement).dataset.field as string;
        this.setValue(field, event.detail.value === '' ? null : event.detail.value);
    }

    /** A choice group: one value (null = not yet known) or a list (multi-select picklists). */
    handleChoice(event: CustomEvent<{ field: string; value: string | string[] | null }>): void {
        this.setValue(event.detail.field, event.detail.value);
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
            this.saveError = null;
            this.focusField(Object.keys(invalid)[0]);
            return;
        }
        if (!this.checkRelations()) return;
        const personId = this.personId;
        const request = buildSaveRequest(this.values, {
            opportunityId: this.opportunityId ?? this.recordId,
            record: this.baseRecord,
            scoredAt: new Date().toISOString(),
            map: this.liveMap,
            mapId: personId ?? NEW_PERSON_ID
        });
        this.saving = true;
        this.saveError = null;
        this.fieldErrors = {};
        this.linksFailed = false;
        try {
            // An existing person's links go first, so that a refused link leaves the assessment (and
            // its codes, computed with those links) unsaved; a new person needs an Id before any link.
            if (personId && !(await this.saveRelations(personId))) return;
            const saved =
                request.kind === 'create'
                    ? await createRecord(request.recordInput)
                    : await updateRecord(request.recordInput, request.clientOptions);
            const recordId = saved?.id ?? (request.recordInput.fields.Id as string | undefined) ?? null;
            const name = String(request.recordInput.fields.Name ?? '');
            if (!personId && recordId && pendingOperations(this.relationRows).length > 0) {
                // From now on the form edits the created person: a retry updates, never creates twice.
                this.baseRecord = {
                    ...request.recordInput.fields,
                    Id: recordId,
                    LastModifiedDate: saved?.lastModifiedDate ?? ''
                };
                if (!(await this.saveRelations(recordId))) return;
            }
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

    /** Checks the relationship rows before anything is sent; false (with messages at the rows) if any is wrong. */
    private checkRelations(): boolean {
        if (!this.dealSnapshot) return true;
        const personId = this.personId ?? NEW_PERSON_ID;
        const errors: Record<string, Record<string, string>> = {};
        const kept = this.relationRows.filter((r) => !r.removed);
        for (const row of kept) {
            if (!row.stored && row.other === null) {
                errors[row.key] = { person: draftMessages({ person: 'missingPerson' }, lang).person };
                continue;
            }
            if (row.stored && !pendingOperations([row]).length) continue;
            // Against every other link as it will be, including the section's other rows.
            const others = this.relationRows.filter((r) => r.key !== row.key);
            const map = mapAfter(
                this.dealSnapshot.assessments,
                this.storedLinks.filter((l) => l.Id !== row.stored?.Id),
                others,
                { ...this.values, Id: personId },
                this.opportunityIdOfDeal
            );
            const problems = draftMessages(checkLinkDraft(draftOf(row, personId), map), lang);
            const byPart: Record<string, string> = {};
            for (const [field, message] of Object.entries(problems))
                byPart[LINK_FIELD_PART[field] ?? 'person'] ??= message;
            if (Object.keys(byPart).length > 0) errors[row.key] = byPart;
        }
        this.relationErrors = errors;
        const first = Object.keys(errors)[0];
        if (!first) return true;
        this.saveError = null;
        Promise.resolve().then(() => {
            this.template?.querySelector<HTMLElement>(`.link-field[data-row="${first}"]`)?.focus();
        });
        return false;
    }

    /**
     * Sends the section's removals, changes and new links, one at a time, and records each outcome
     * in the rows (a saved row becomes stored, so a retry never repeats it). False when one failed:
     * its message is at its row, and a conflict asks the container for the newer links.
     */
    private async saveRelations(personId: string): Promise<boolean> {
        const opportunityId = this.opportunityIdOfDeal;
        for (const operation of pendingOperations(this.relationRows)) {
            try {
                // eslint-disable-next-line no-await-in-loop -- one at a time: removals must land before a link moves into their place, and the first refusal stops the rest
                await this.sendLinkOperation(operation, personId, opportunityId);
            } catch (error) {
                this.showLinkError(operation.row, error);
                return false;
            }
        }
        return true;
    }

    private async sendLinkOperation(
        operation: LinkOperation,
        personId: string,
        opportunityId: string | null
    ): Promise<void> {
        const { row } = operation;
        if (operation.op === 'delete') {
            await deleteLink(row.stored!);
            this.relationRows = this.relationRows.filter((r) => r.key !== row.key);
            return;
        }
        const draft = draftOf(row, personId);
        const saved =
            operation.op === 'update'
                ? await updateLink(row.stored!, draft)
                : await createLink(opportunityId ?? '', draft);
        const stored: LinkRecord = {
            Id: saved.id,
            LastModifiedDate: saved.lastModifiedDate ?? row.stored?.LastModifiedDate ?? '',
            Opportunity__c: opportunityId,
            From_Stakeholder__c: draft.from,
            To_Stakeholder__c: draft.to,
            Link_Type__c: draft.type,
            Strength__c: knownStrength(draft.strength),
            Evidence__c: draft.evidence ?? null
        };
        this.relationRows = this.relationRows.map((r) => {
            return r.key === row.key ? { ...r, key: saved.id || r.key, stored } : r;
        });
    }

    private showLinkError(row: RelationRow, error: unknown): void {
        const failure = explainLinkError(error, lang);
        this.linksFailed = true;
        const byPart: Record<string, string> = {};
        for (const [field, message] of Object.entries(failure.fieldErrors)) {
            byPart[LINK_FIELD_PART[field] ?? 'person'] ??= message;
        }
        if (failure.message) byPart.person ??= failure.message;
        this.relationErrors = { ...this.relationErrors, [row.key]: byPart };
        // Duplicates, conflicts and field errors are said at the row; anything else in the panel.
        if (failure.kind === 'other' || Object.keys(byPart).length === 0) this.saveError = error;
        if (failure.kind === 'conflict') {
            this.dispatchEvent(
                new CustomEvent('conflict', {
                    detail: {
                        recordId: this.personId,
                        linkId: row.stored?.Id ?? null,
                        objectApiName: LINK_OBJECT_API_NAME
                    }
                })
            );
        }
        Promise.resolve().then(() => {
            this.template?.querySelector<HTMLElement>(`.link-field[data-row="${row.key}"]`)?.focus();
        });
    }

    private showSaveError(error: unknown): void {
        this.linksFailed = false;
        if (isConflictError(error)) {
            this.conflict = true;
            this.newerRecord = null;
            this.dispatchEvent(
                new CustomEvent('conflict', { detail: { recordId: (this.baseRecord?.Id as string) ?? null } })
            );
            return;
        }
        this.fieldErrors = fieldMessagesOf(error, lang);
        this.saveError = error;
        const first = Object.keys(this.fieldErrors)[0];
        if (first) this.focusField(first);
    }

    private focusField(field: string): void {
        // After the re-render, so the error text is in place when focus lands.
        Promise.resolve().then(() => {
            this.template?.querySelector<HTMLElement>(`.field[data-field="${field}"]`)?.focus();
        });
    }
}
