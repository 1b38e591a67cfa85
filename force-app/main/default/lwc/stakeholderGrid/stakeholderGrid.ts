import { LightningElement, api, wire } from 'lwc';
import { graphql, GraphQLResult } from 'lightning/graphql';
import { createRecord, deleteRecord } from 'lightning/uiRecordApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import LANG from '@salesforce/i18n/lang';
import { FIVE_DIMENSIONS, rankWorkNext, scoreStakeholder, toLang } from 'c/dealControlModel';
import {
    DEAL_QUERY,
    DealQueryVariables,
    DealSnapshot,
    dealQueryVariables,
    localDate,
    toDealSnapshot
} from 'c/dealControlData';
import { WidthClass, watchRootWidth } from 'c/containerWidth';
import {
    Placeholder,
    Row,
    SortDirection,
    SortKey,
    buildCommittee,
    buildPlaceholders,
    buildRows,
    columnHeading,
    sortRows
} from './gridRows';
import { format, labelsFor } from './labels';

const lang = toLang(LANG);
const L = labelsFor(lang);

/** How many people the "work on next" list names: enough to plan the week, few enough to act on. */
const WORK_NEXT_LIMIT = 3;
/** The editor panel for a person not yet on the map. */
const NEW_ASSESSMENT = 'new';

interface WorkNextView {
    id: string;
    name: string;
    openLabel: string;
    reasonText: string;
    action: string;
}

interface RowView extends Row {
    confirming: boolean;
    confirmText: string;
    editing: boolean;
    insightsLabel: string;
}

const SORTABLE: Array<{ key: SortKey; label: string }> = [
    { key: 'name', label: L.colName },
    { key: 'role', label: L.colRole },
    { key: 'influence', label: L.colInfluence },
    { key: 'support', label: L.colAttitude }
];

/**
 * The buying committee side by side: the summary and whom to work on next first, then one row per
 * person (a table where there is room, one compact card per person on a phone or in a sidebar).
 * Edit opens the editor right under the person, so the row a rep clicked stays where it was.
 */
export default class StakeholderGrid extends LightningElement {
    /** The Opportunity of the record page. */
    @api recordId: string | undefined;

    labels = L;
    snapshot: DealSnapshot | null = null;
    /** The graphql wire's errors (the query failed, or answered only in part). */
    loadErrors: unknown[] = [];
    /** A failed delete or create, as the platform returned it. */
    actionError: unknown = null;
    actionHeading = '';
    sortKey: SortKey = 'influence';
    sortDirection: SortDirection = 'asc';
    /** Whose editor panel is open: an assessment Id, 'new', or null. */
    editingId: string | null = null;
    /** The record in the editor: an assessment or null for a new one. */
    editing: Record<string, unknown> | null = null;
    confirmingDeleteId: string | null = null;
    busy = false;
    widthClass: WidthClass = 'wide';

    private wiredResult: GraphQLResult | undefined;
    /** Opened in the editor as soon as the refreshed data contains it (a just-created assessment). */
    private openWhenLoaded: string | null = null;
    /** Where focus goes after the next render (the Edit button that opened a closed panel). */
    private focusAfterRender: string | null = null;
    /** The editor just opened: move focus to its heading once it has rendered. */
    private focusEditorAfterRender = false;
    private stopWatchingWidth: (() => void) | null = null;

    get variables(): DealQueryVariables | undefined {
        return this.recordId ? dealQueryVariables(this.recordId) : undefined;
    }

    @wire(graphql, { query: DEAL_QUERY, variables: '$variables' })
    wiredDeal(result: GraphQLResult): void {
        this.wiredResult = result;
        const { data, errors } = result ?? {};
        // GraphQL can answer with data and errors together (a field or object the user may not
        // read): show what arrived and say what did not, rather than hiding the whole committee.
        this.loadErrors = errors && errors.length > 0 ? errors : [];
        if (!data) return;
        this.snapshot = toDealSnapshot(data);
        this.syncEditor();
    }

    override renderedCallback(): void {
        this.stopWatchingWidth ??= watchRootWidth(this.template, (widthClass) => {
            this.widthClass = widthClass;
        });
        if (this.focusEditorAfterRender) {
            this.focusEditorAfterRender = false;
            const editor = this.template?.querySelector('c-stakeholder-editor') as
                (HTMLElement & { focusHeading?(): void }) | null;
            editor?.focusHeading?.();
        }
        if (this.focusAfterRender) {
            const target = this.template?.querySelector<HTMLElement>(this.focusAfterRender);
            this.focusAfterRender = null;
            target?.focus();
        }
    }

    override disconnectedCallback(): void {
        this.stopWatchingWidth?.();
        this.stopWatchingWidth = null;
    }

    /** Keeps the editor on the freshest stored version (after a conflict) and opens a new assessment. */
    private syncEditor(): void {
        const assessments = this.snapshot?.assessments ?? [];
        if (this.openWhenLoaded) {
            const created = assessments.find((a) => a.Id === this.openWhenLoaded);
            if (created) {
                this.openWhenLoaded = null;
                this.openEditor(created.Id, created);
                return;
            }
        }
        const editingId = this.editing?.Id;
        if (typeof editingId === 'string') {
            const fresh = assessments.find((a) => a.Id === editingId);
            if (fresh && fresh.LastModifiedDate !== this.editing?.LastModifiedDate) this.editing = fresh;
        }
    }

    // ----- states ----------------------------------------------------------------------------

    get isLoading(): boolean {
        return this.snapshot === null && this.loadErrors.length === 0;
    }

    get hasLoadErrors(): boolean {
        return this.loadErrors.length > 0;
    }

    get loadErrorHeading(): string {
        return this.snapshot === null ? L.loadFailed : L.loadPartial;
    }

    get loadErrorVariant(): string {
        return this.snapshot === null ? 'error' : 'warning';
    }

    /** Adding needs the committee loaded: a new person must not go onto a map nobody could read. */
    get addDisabled(): boolean {
        return this.busy || this.snapshot === null;
    }

    get isEmpty(): boolean {
        return this.snapshot !== null && this.rows.length === 0 && this.placeholders.length === 0;
    }

    get hasPeople(): boolean {
        return this.snapshot !== null && !this.isEmpty;
    }

    get isCards(): boolean {
        return this.widthClass === 'narrow';
    }

    get showTable(): boolean {
        return this.hasPeople && !this.isCards;
    }

    get showCards(): boolean {
        return this.hasPeople && this.isCards;
    }

    get hasActionError(): boolean {
        return this.actionError !== null;
    }

    get isAddingNew(): boolean {
        return this.editingId === NEW_ASSESSMENT;
    }

    get rootClass(): string {
        return `grid-root slds-card layout_${this.isCards ? 'cards' : 'table'}`;
    }

    // ----- view ------------------------------------------------------------------------------

    get rows(): RowView[] {
        const rows = buildRows(this.snapshot?.assessments ?? [], lang, L, this.snapshot?.politicalMap);
        return sortRows(rows, this.sortKey, this.sortDirection, lang).map((row) => ({
            ...row,
            confirming: row.id === this.confirmingDeleteId,
            confirmText: format(L.confirmDelete, { name: row.name }),
            editing: row.id === this.editingId,
            insightsLabel: format(L.insightsOf, { name: row.name })
        }));
    }

    /** Who to work on next, from the shared model's ranking. */
    get workNext(): WorkNextView[] {
        const assessments = this.snapshot?.assessments ?? [];
        return rankWorkNext(assessments, { today: localDate(new Date()), limit: WORK_NEXT_LIMIT }).map(
            (item) => {
                const name = item.stakeholder.name ?? L.unnamed;
                return {
                    id: item.stakeholder.id ?? '',
                    name,
                    openLabel: format(L.editPerson, { name }),
                    // A no-break space keeps each separator on the line of the reason before it.
                    reasonText:
                        item.reasons.map((r) => r.label[lang]).join('\u00a0· ') + L.sentenceEnd.trim(),
                    action: item.reasons[0].action[lang]
                };
            }
        );
    }

    get hasWorkNext(): boolean {
        return this.workNext.length > 0;
    }

    get placeholders(): Placeholder[] {
        return this.snapshot ? buildPlaceholders(this.snapshot, L, lang) : [];
    }

    get hasPlaceholders(): boolean {
        return this.placeholders.length > 0;
    }

    get committee() {
        return buildCommittee(this.snapshot?.assessments ?? [], lang, L);
    }

    get hasAssessments(): boolean {
        return (this.snapshot?.assessments.length ?? 0) > 0;
    }

    get weightedSupportClass(): string {
        return this.committee.weightedSupportIsGap ? 'gap slds-text-color_error' : '';
    }

    get mentorClass(): string {
        return this.committee.mentorIsGap ? 'gap slds-text-color_error' : '';
    }

    get topDmClass(): string {
        return this.committee.topDmIsGap ? 'gap slds-text-color_error' : '';
    }

    /** Sortable column headers with the state screen readers announce (aria-sort). */
    get sortColumns() {
        return SORTABLE.map((column) => {
            const active = column.key === this.sortKey;
            return {
                ...column,
                ariaSort: active ? (this.sortDirection === 'asc' ? 'ascending' : 'descending') : 'none',
                buttonLabel: format(L.sortBy, { column: column.label }),
                // A word joiner keeps the arrow on the line of the header's last word.
                arrow: active ? `\u2060${this.sortDirection === 'asc' ? '▲' : '▼'}` : ''
            };
        });
    }

    /** The table's header cells in order: the sortable ones carry a button and aria-sort. */
    get headers() {
        const sortable = new Map(this.sortColumns.map((column) => [column.key, column]));
        const plain = (key: string, label: string, className = '') => ({
            key,
            label: columnHeading(label),
            title: label,
            className,
            sortable: false,
            ariaSort: undefined,
            buttonLabel: '',
            arrow: ''
        });
        const sorted = (key: SortKey, className = '') => {
            const column = sortable.get(key)!;
            return {
                ...column,
                label: columnHeading(column.label),
                title: column.label,
                className,
                sortable: true
            };
        };
        return [
            sorted('name', 'col-name'),
            sorted('role'),
            sorted('influence'),
            ...FIVE_DIMENSIONS.slice(0, 4).map((def) => plain(def.field, def.label[lang])),
            sorted('support'),
            plain('actions', L.colActions, 'col-actions')
        ];
    }

    /** Columns of the table, for the cells that span it (insights, editor, delete confirmation). */
    get columnCount(): number {
        return 9;
    }

    // ----- interaction ----------------------------------------------------------------------

    handleSort(event: Event): void {
        const key = (event.currentTarget as HTMLElement).dataset.key as SortKey;
        if (key === this.sortKey) {
            this.sortDirection = this.sortDirection === 'asc' ? 'desc' : 'asc';
        } else {
            this.sortKey = key;
            this.sortDirection = 'asc';
        }
    }

    handleAdd(): void {
        this.openEditor(NEW_ASSESSMENT, null);
    }

    handleEdit(event: Event): void {
        const id = (event.currentTarget as HTMLElement).dataset.id;
        const record = this.snapshot?.assessments.find((a) => a.Id === id);
        if (record) this.openEditor(record.Id, record);
    }

    /** From "Work on next": open the person's editor and bring their row into view. */
    handleWorkOn(event: Event): void {
        this.handleEdit(event);
        const id = (event.currentTarget as HTMLElement).dataset.id;
        // After the panel renders: the person's row (or card) with the editor under it.
        Promise.resolve().then(() => {
            this.template
                ?.querySelector(`[data-row="${id}"]`)
                ?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
        });
    }

    private openEditor(id: string, record: Record<string, unknown> | null): void {
        this.editingId = id;
        this.editing = record;
        this.confirmingDeleteId = null;
        this.actionError = null;
        this.focusEditorAfterRender = true;
    }

    private closeEditor(): void {
        const id = this.editingId;
        this.editingId = null;
        this.editing = null;
        // Back to the button that opened the panel, so keyboard and screen-reader users keep their place.
        this.focusAfterRender = id && id !== NEW_ASSESSMENT ? `[data-edit="${id}"]` : '[data-id="add"]';
    }

    handleEditorCancel(): void {
        this.closeEditor();
    }

    async handleEditorSaved(): Promise<void> {
        this.closeEditor();
        await this.refresh();
    }

    /** The editor keeps the rep's values; reloading hands it the newer stored version to show. */
    async handleEditorConflict(): Promise<void> {
        await this.refresh();
    }

    handleDeleteAsk(event: Event): void {
        this.confirmingDeleteId = (event.currentTarget as HTMLElement).dataset.id ?? null;
    }

    handleDeleteKeep(): void {
        const id = this.confirmingDeleteId;
        this.confirmingDeleteId = null;
        this.focusAfterRender = id ? `[data-delete="${id}"]` : null;
    }

    async handleDeleteConfirm(event: Event): Promise<void> {
        const id = (event.currentTarget as HTMLElement).dataset.id;
        if (!id) return;
        this.busy = true;
        this.actionError = null;
        try {
            await deleteRecord(id);
            this.confirmingDeleteId = null;
            if (this.editingId === id) this.closeEditor();
            this.dispatchEvent(new ShowToastEvent({ title: L.deleted, variant: 'success' }));
            await this.refresh();
        } catch (error) {
            this.actionHeading = L.deleteFailed;
            this.actionError = error;
        } finally {
            this.busy = false;
        }
    }

    /**
     * One action turns a Contact Role into an assessment: the person is on the map at once (all
     * dimensions as gaps, derived fields stamped) and the editor opens on it.
     */
    async handleAssessContact(event: Event): Promise<void> {
        const roleId = (event.currentTarget as HTMLElement).dataset.id;
        const placeholder = this.placeholders.find((p) => p.id === roleId);
        if (!placeholder || !this.recordId) return;
        const input: Record<string, unknown> = {
            Opportunity__c: this.recordId,
            Contact__c: placeholder.contactId,
            Name: placeholder.name.slice(0, 80),
            Title__c: placeholder.title ? placeholder.title.slice(0, 128) : null
        };
        const derived = scoreStakeholder(
            input,
            { scoredAt: new Date().toISOString() },
            this.snapshot?.politicalMap
        ).derived;
        this.busy = true;
        this.actionError = null;
        try {
            const created = await createRecord({
                apiName: 'Stakeholder_Assessment__c',
                fields: { ...input, ...derived }
            });
            this.openWhenLoaded = created?.id ?? null;
            await this.refresh();
        } catch (error) {
            this.actionHeading = L.createFailed;
            this.actionError = error;
        } finally {
            this.busy = false;
        }
    }

    handleRetry(): Promise<void> {
        this.loadErrors = [];
        return this.refresh();
    }

    /** Re-runs the page's one query so the grid shows what was just saved, without a reload. */
    private async refresh(): Promise<void> {
        try {
            await this.wiredResult?.refresh?.();
        } catch (error) {
            this.loadErrors = [error];
        }
    }
}
