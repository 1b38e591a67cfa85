import { LightningElement, api, wire } from 'lwc';
import { graphql, GraphQLResult } from 'lightning/graphql';
import { createRecord, deleteRecord } from 'lightning/uiRecordApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import LANG from '@salesforce/i18n/lang';
import { FIVE_DIMENSIONS, rankWorkNext, scoreStakeholder, toLang } from 'c/dealControlModel';
import {
    DEAL_QUERY,
    DealSnapshot,
    dealQueryVariables,
    localDate,
    reduceErrors,
    toDealSnapshot
} from 'c/dealControlData';
import {
    Placeholder,
    Row,
    SortDirection,
    SortKey,
    buildCommittee,
    buildPlaceholders,
    buildRows,
    sortRows
} from './gridRows';
import { format, labelsFor } from './labels';

const lang = toLang(LANG);
const L = labelsFor(lang);

/** How many people the "work on next" list names: enough to plan the week, few enough to act on. */
const WORK_NEXT_LIMIT = 3;

interface WorkNextView {
    id: string;
    name: string;
    openLabel: string;
    reasonText: string;
    action: string;
}

const SORTABLE: Array<{ key: SortKey; label: string }> = [
    { key: 'name', label: L.colName },
    { key: 'role', label: L.colRole },
    { key: 'influence', label: L.colInfluence },
    { key: 'support', label: L.colSupport }
];

export default class StakeholderGrid extends LightningElement {
    /** The Opportunity of the record page. */
    @api recordId: string | undefined;

    labels = L;
    snapshot: DealSnapshot | null = null;
    loadErrors: string[] = [];
    actionErrors: string[] = [];
    sortKey: SortKey = 'influence';
    sortDirection: SortDirection = 'asc';
    /** The record in the editor: an assessment, a prefill, or null when the editor is closed. */
    editing: Record<string, unknown> | null = null;
    editorOpen = false;
    confirmingDeleteId: string | null = null;
    busy = false;

    private wiredResult: GraphQLResult | undefined;
    /** Opened in the editor as soon as the refreshed data contains it (a just-created assessment). */
    private openWhenLoaded: string | null = null;

    get variables(): { opportunityId: string } | undefined {
        return this.recordId ? dealQueryVariables(this.recordId) : undefined;
    }

    @wire(graphql, { query: DEAL_QUERY, variables: '$variables' })
    wiredDeal(result: GraphQLResult): void {
        this.wiredResult = result;
        const { data, errors } = result ?? {};
        // GraphQL can answer with data and errors together (a field or object the user may not
        // read): show what arrived and say what did not, rather than hiding the whole committee.
        this.loadErrors = errors && errors.length > 0 ? reduceErrors(errors) : [];
        if (!data) return;
        this.snapshot = toDealSnapshot(data);
        this.syncEditor();
    }

    /** Keeps the editor on the freshest stored version (after a conflict) and opens a new assessment. */
    private syncEditor(): void {
        const assessments = this.snapshot?.assessments ?? [];
        if (this.openWhenLoaded) {
            const created = assessments.find((a) => a.Id === this.openWhenLoaded);
            if (created) {
                this.openWhenLoaded = null;
                this.openEditor(created);
                return;
            }
        }
        const editingId = this.editing?.Id;
        if (this.editorOpen && typeof editingId === 'string') {
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

    get loadErrorTitle(): string {
        return this.snapshot === null ? this.labels.loadFailed : this.labels.loadPartial;
    }

    get isEmpty(): boolean {
        return this.snapshot !== null && this.rows.length === 0 && this.placeholders.length === 0;
    }

    get hasTable(): boolean {
        return this.snapshot !== null && !this.isEmpty;
    }

    get hasActionErrors(): boolean {
        return this.actionErrors.length > 0;
    }

    // ----- view ------------------------------------------------------------------------------

    get rows(): Array<Row & { confirming: boolean; confirmText: string }> {
        const rows = buildRows(this.snapshot?.assessments ?? [], lang, L);
        return sortRows(rows, this.sortKey, this.sortDirection, lang).map((row) => ({
            ...row,
            confirming: row.id === this.confirmingDeleteId,
            confirmText: format(L.confirmDelete, { name: row.name })
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
                    reasonText: item.reasons.map((r) => r.label[lang]).join(' · ') + L.sentenceEnd,
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
                arrow: active ? (this.sortDirection === 'asc' ? '▲' : '▼') : ''
            };
        });
    }

    // Column order of the table: name, role, position, influence (the sortable ones come first).
    get nameColumn() {
        return this.sortColumns[0];
    }
    get roleColumn() {
        return this.sortColumns[1];
    }
    get influenceColumn() {
        return this.sortColumns[2];
    }
    get supportColumn() {
        return this.sortColumns[3];
    }

    get dimensionHeaders(): Array<{ key: string; label: string }> {
        return FIVE_DIMENSIONS.map((def) => ({ key: def.field, label: def.label[lang] }));
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
        this.openEditor(null);
    }

    handleEdit(event: Event): void {
        const id = (event.currentTarget as HTMLElement).dataset.id;
        const record = this.snapshot?.assessments.find((a) => a.Id === id);
        if (record) this.openEditor(record);
    }

    private openEditor(record: Record<string, unknown> | null): void {
        this.editing = record;
        this.editorOpen = true;
        this.actionErrors = [];
    }

    private closeEditor(): void {
        this.editing = null;
        this.editorOpen = false;
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
        this.confirmingDeleteId = null;
    }

    async handleDeleteConfirm(event: Event): Promise<void> {
        const id = (event.currentTarget as HTMLElement).dataset.id;
        if (!id) return;
        this.busy = true;
        this.actionErrors = [];
        try {
            await deleteRecord(id);
            this.confirmingDeleteId = null;
            if (this.editing?.Id === id) this.closeEditor();
            this.dispatchEvent(new ShowToastEvent({ title: L.deleted, variant: 'success' }));
            await this.refresh();
        } catch (error) {
            this.actionErrors = reduceErrors(error);
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
        const derived = scoreStakeholder(input, { scoredAt: new Date().toISOString() }).derived;
        this.busy = true;
        this.actionErrors = [];
        try {
            const created = await createRecord({
                apiName: 'Stakeholder_Assessment__c',
                fields: { ...input, ...derived }
            });
            this.openWhenLoaded = created?.id ?? null;
            await this.refresh();
        } catch (error) {
            this.actionErrors = reduceErrors(error);
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
            this.loadErrors = reduceErrors(error);
        }
    }
}
