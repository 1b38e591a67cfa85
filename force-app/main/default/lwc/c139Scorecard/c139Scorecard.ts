import { LightningElement, api, wire } from 'lwc';
import { graphql, GraphQLResult } from 'lightning/graphql';
import {
    createRecord,
    updateRecord,
    notifyRecordUpdateAvailable,
    RecordRepresentation
} from 'lightning/uiRecordApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import userLang from '@salesforce/i18n/lang';
import userLocale from '@salesforce/i18n/locale';
import userTimeZone from '@salesforce/i18n/timeZone';
import {
    Lang,
    MODEL_VERSION,
    ScorecardScore,
    comparableDerivedFields,
    normalizeStakeholder,
    scoreScorecard,
    toLang
} from 'c/dealControlModel';
import {
    AssessmentRecord,
    DEAL_QUERY,
    DealSnapshot,
    ScorecardRecord,
    dealQueryVariables,
    isConflictError,
    isDuplicateError,
    toDealSnapshot
} from 'c/dealControlData';
import { fieldMessagesOf } from 'c/dealControlErrors';
import { WidthClass, revealSection, watchRootWidth } from 'c/containerWidth';
import { label, LabelKey } from './labels';
import {
    COACH_STAKEHOLDER_FIELD,
    EDITABLE_FIELDS,
    NOTES_FIELD,
    SCORECARD_OBJECT_API_NAME,
    ScorecardValues,
    editableValuesOf,
    scorecardFields,
    toEighteenCharId
} from './scorecardRecord';
import { GroupView, OptionView, ScoreView, bandLabelOf, groupViews, scoreView } from './scorecardView';

/** The labels the template shows as they are (no parameters). */
const TEMPLATE_LABELS: readonly LabelKey[] = [
    'cardTitle',
    'loading',
    'emptyTitle',
    'emptyBody',
    'noOpportunity',
    'scoreHeading',
    'evidenceHeading',
    'coachPerson',
    'notes',
    'discard',
    'unsaved',
    'staleScore',
    'useSavedValue',
    'loadErrorTitle',
    'loadPartialTitle',
    'saveErrorTitle',
    'saveErrorKeep',
    'retry',
    'dismiss',
    'jumpTo'
];

type NoticeKind = 'duplicate' | 'conflict';

/**
 * The C139 scorecard of one Opportunity: the rep rates the 14 elements, sees the control score,
 * band and the stakeholder map's objections live, and saves the Opportunity's single scorecard.
 * Reads share the page's one GraphQL query with the stakeholder grid; writes go through Lightning
 * Data Service with the derived fields computed by the shared model.
 */
export default class C139Scorecard extends LightningElement {
    @api recordId?: string;

    private language: Lang = toLang(userLang);
    private snapshot: DealSnapshot | null = null;
    private wireResult: GraphQLResult | null = null;
    /** The graphql wire's errors (or a failed refresh), as the platform returned them. */
    private loadErrors: unknown[] = [];
    /** The rep's unsaved choices, by field; survives reloads, conflicts and failed saves. */
    private draft: ScorecardValues = {};
    /** What the last successful save wrote, until the query reports the same or newer data. */
    private savedLocally: ScorecardRecord | null = null;
    private saving = false;
    /** The failed save as the platform returned it, or null. */
    private saveError: unknown = null;
    private fieldErrors: Record<string, string> = {};
    private notice: NoticeKind | null = null;
    widthClass: WidthClass = 'wide';
    private stopWatchingWidth: (() => void) | null = null;

    get variables(): { opportunityId: string } | undefined {
        return this.recordId ? dealQueryVariables(this.recordId) : undefined;
    }

    @wire(graphql, { query: DEAL_QUERY, variables: '$variables' })
    wiredDeal(result: GraphQLResult): void {
        this.wireResult = result;
        // GraphQL can answer with data and errors together: score what arrived and say what did not.
        this.loadErrors = result.errors && result.errors.length > 0 ? result.errors : [];
        if (result.data) {
            this.snapshot = toDealSnapshot(result.data);
            const fromServer = this.snapshot.scorecard;
            if (
                this.savedLocally &&
                fromServer &&
                fromServer.Id === this.savedLocally.Id &&
                fromServer.LastModifiedDate >= this.savedLocally.LastModifiedDate
            ) {
                this.savedLocally = null;
            }
        }
    }

    // ----- state the template reads -------------------------------------------------------

    get isLoading(): boolean {
        return this.snapshot === null && this.loadErrors.length === 0;
    }

    get hasLoadErrors(): boolean {
        return this.loadErrors.length > 0;
    }

    get loadErrorTitle(): string {
        return label(this.snapshot === null ? 'loadErrorTitle' : 'loadPartialTitle', this.language);
    }

    get loadErrorList(): unknown[] {
        return this.loadErrors;
    }

    get loadErrorVariant(): string {
        return this.snapshot === null ? 'error' : 'warning';
    }

    override renderedCallback(): void {
        this.stopWatchingWidth ??= watchRootWidth(this.template, (widthClass) => {
            this.widthClass = widthClass;
        });
    }

    override disconnectedCallback(): void {
        this.stopWatchingWidth?.();
        this.stopWatchingWidth = null;
    }

    get rootClass(): string {
        return `scorecard layout_${this.widthClass}`;
    }

    /** On a phone the score and the save button stay at the bottom of the screen while the rep rates. */
    get isNarrow(): boolean {
        return this.widthClass === 'narrow';
    }

    /** Jump links to the four groups, with their points (a wide container shows the whole card anyway). */
    handleJump(event: Event): void {
        const group = (event.currentTarget as HTMLElement).dataset.group;
        revealSection(this.template?.querySelector<HTMLDetailsElement>(`details[data-group="${group}"]`));
    }

    get isReady(): boolean {
        return this.snapshot !== null && this.snapshot.opportunity !== null;
    }

    get isMissingOpportunity(): boolean {
        return this.snapshot !== null && this.snapshot.opportunity === null && this.loadErrors.length === 0;
    }

    /** The stored scorecard, or what this component just saved when the query has not caught up. */
    private get stored(): ScorecardRecord | null {
        return this.savedLocally ?? this.snapshot?.scorecard ?? null;
    }

    get isEmpty(): boolean {
        return this.isReady && this.stored === null;
    }

    private get assessments(): AssessmentRecord[] {
        return this.snapshot?.assessments ?? [];
    }

    private get storedValues(): ScorecardValues {
        return editableValuesOf(this.stored);
    }

    private get values(): ScorecardValues {
        return { ...this.storedValues, ...this.draft };
    }

    get isDirty(): boolean {
        const stored = this.storedValues;
        return Object.keys(this.draft).some((field) => this.draft[field] !== stored[field]);
    }

    /** Scored on every render: the live score must follow each click. */
    private liveScore(scoredAt: string): ScorecardScore {
        return scoreScorecard(this.values, this.assessments, { scoredAt });
    }

    get score(): ScoreView {
        return scoreView(this.liveScore(new Date().toISOString()), this.language);
    }

    get groups(): GroupView[] {
        // Stored values are shown beside the rep's own only after someone else's save got in first.
        const saved = this.notice && this.stored ? this.storedValues : null;
        return groupViews(
            this.values,
            this.liveScore(new Date().toISOString()),
            this.language,
            this.fieldErrors,
            saved
        );
    }

    get coachOptions(): OptionView[] {
        const mentors = this.assessments.filter((a) => normalizeStakeholder(a).attitudeToUs === 'Mentor');
        const options: OptionView[] = [{ label: label('coachPersonNone', this.language), value: '' }];
        for (const m of mentors) options.push({ label: this.personLabel(m), value: m.Id });
        const current = this.values[COACH_STAKEHOLDER_FIELD];
        if (current && !mentors.some((m) => m.Id === current)) {
            // Keep a coach who is no longer a Mentor visible, so the choice is not silently lost.
            const person = this.assessments.find((a) => a.Id === current);
            options.push({
                label: person
                    ? label('coachPersonNotMentor', this.language, { name: this.personLabel(person) })
                    : label('coachPersonUnknown', this.language),
                value: current
            });
        }
        return options;
    }

    private personLabel(a: AssessmentRecord): string {
        const title = typeof a.Title__c === 'string' && a.Title__c !== '' ? ` · ${a.Title__c}` : '';
        return `${a.Name ?? a.Id}${title}`;
    }

    get coachPersonValue(): string {
        return this.values[COACH_STAKEHOLDER_FIELD] ?? '';
    }

    get coachPersonHelp(): string {
        return this.coachOptions.length > 1
            ? label('coachPersonHelp', this.language)
            : label('coachPersonNoMentor', this.language);
    }

    get coachPersonError(): string | null {
        return this.fieldErrors[COACH_STAKEHOLDER_FIELD] ?? null;
    }

    get coachPersonClass(): string {
        return this.coachPersonError ? 'slds-form-element slds-has-error' : 'slds-form-element';
    }

    get notesValue(): string {
        return this.values[NOTES_FIELD] ?? '';
    }

    get notesError(): string | null {
        return this.fieldErrors[NOTES_FIELD] ?? null;
    }

    get notesClass(): string {
        return this.notesError ? 'slds-form-element slds-has-error' : 'slds-form-element';
    }

    get lastScored(): string | null {
        const stored = this.stored;
        if (!stored || typeof stored.Scored_At__c !== 'string') return null;
        return label('lastScored', this.language, {
            score: String(stored.Control_Score__c ?? ''),
            band: bandLabelOf(stored.Control_Band__c as string | null, this.language),
            when: this.formatTime(stored.Scored_At__c),
            version: String(stored.Model_Version__c ?? '')
        });
    }

    get olderModel(): string | null {
        const version = this.stored?.Model_Version__c;
        return typeof version === 'string' && version !== MODEL_VERSION
            ? label('olderModel', this.language, { version: MODEL_VERSION })
            : null;
    }

    get noticeText(): string | null {
        if (this.notice === 'duplicate') return label('duplicateNotice', this.language);
        if (this.notice === 'conflict') return label('conflictNotice', this.language);
        return null;
    }

    get hasSaveError(): boolean {
        return this.saveError !== null;
    }

    get saveErrorValue(): unknown {
        return this.saveError;
    }

    /**
     * The stored derived fields no longer match what the model computes from the stored answers:
     * the stakeholder map or the model changed since the last save. Saving brings them up to date.
     */
    get isStale(): boolean {
        const stored = this.stored;
        if (!stored || this.isDirty) return false;
        const live = scoreScorecard(stored, this.assessments, { scoredAt: '' }).derived as unknown as Record<
            string,
            unknown
        >;
        return comparableDerivedFields(SCORECARD_OBJECT_API_NAME).some(
            (f) => (stored[f] ?? null) !== live[f]
        );
    }

    get isSaveDisabled(): boolean {
        return this.saving || !(this.isDirty || this.isStale);
    }

    get isDiscardDisabled(): boolean {
        return this.saving || Object.keys(this.draft).length === 0;
    }

    get saveLabel(): string {
        return label(this.saving ? 'saving' : 'save', this.language);
    }

    /** Every fixed text of the template, in the user's language. */
    get text(): Record<LabelKey, string> {
        const texts = {} as Record<LabelKey, string>;
        for (const key of TEMPLATE_LABELS) texts[key] = label(key, this.language);
        texts.liveModel = label('liveModel', this.language, { version: MODEL_VERSION });
        return texts;
    }

    private formatTime(iso: string): string {
        const when = new Date(iso);
        if (Number.isNaN(when.getTime())) return iso;
        return new Intl.DateTimeFormat(userLocale.replace('_', '-'), {
            dateStyle: 'medium',
            timeStyle: 'short',
            timeZone: userTimeZone
        }).format(when);
    }

    // ----- interactions -------------------------------------------------------------------

    /** A choice group: the element's value, or null for "not yet known". */
    handleElementChange(event: CustomEvent<{ field: string; value: string | null }>): void {
        this.setValue(event.detail.field, event.detail.value);
    }

    handleCoachPersonChange(event: CustomEvent<{ value: string }>): void {
        this.setValue(COACH_STAKEHOLDER_FIELD, event.detail.value || null);
    }

    handleNotesChange(event: CustomEvent<{ value: string }>): void {
        this.setValue(NOTES_FIELD, event.detail.value === '' ? null : event.detail.value);
    }

    private setValue(field: string, value: string | null): void {
        this.draft = { ...this.draft, [field]: value };
        if (field in this.fieldErrors) {
            const rest = { ...this.fieldErrors };
            delete rest[field];
            this.fieldErrors = rest;
        }
    }

    handleUseSaved(event: Event): void {
        const field = (event.currentTarget as HTMLElement).dataset.field!;
        const rest = { ...this.draft };
        delete rest[field];
        this.draft = rest;
    }

    handleDiscard(): void {
        this.draft = {};
        this.fieldErrors = {};
        this.saveError = null;
        this.notice = null;
    }

    handleDismissNotice(): void {
        this.notice = null;
    }

    async handleRetryLoad(): Promise<void> {
        await this.refresh();
    }

    async handleSave(): Promise<void> {
        if (this.isSaveDisabled || !this.recordId) return;
        const opportunityId = this.recordId;
        const stored = this.stored;
        const values = this.values;
        // The caller's clock stamps the score; the model never reads one.
        const scoredAt = new Date().toISOString();
        const score = scoreScorecard(values, this.assessments, { scoredAt });
        const fields = scorecardFields(values, score.derived);

        this.saving = true;
        this.saveError = null;
        this.fieldErrors = {};
        try {
            const result = stored
                ? await updateRecord(
                      { fields: { Id: stored.Id, ...fields } },
                      { ifUnmodifiedSince: stored.LastModifiedDate }
                  )
                : await createRecord({
                      apiName: SCORECARD_OBJECT_API_NAME,
                      fields: {
                          ...fields,
                          Opportunity__c: opportunityId,
                          Opportunity_Key__c: toEighteenCharId(opportunityId)
                      }
                  });
            this.afterSave(result, stored, fields, score);
            // The Opportunity's roll-ups (control score, band) changed on the server.
            await notifyRecordUpdateAvailable([{ recordId: opportunityId }]);
            await this.refresh();
        } catch (error) {
            await this.handleSaveError(error, stored !== null);
        } finally {
            this.saving = false;
        }
    }

    private afterSave(
        result: RecordRepresentation | undefined,
        stored: ScorecardRecord | null,
        fields: Record<string, unknown>,
        score: ScorecardScore
    ): void {
        const id = result?.id ?? stored?.Id;
        const lastModified = result?.lastModifiedDate;
        this.savedLocally =
            id && lastModified
                ? { ...(stored ?? {}), ...fields, Id: id, LastModifiedDate: lastModified }
                : null;
        this.draft = {};
        this.notice = null;
        this.dispatchEvent(
            new ShowToastEvent({
                title: label('savedToastTitle', this.language),
                message: label('savedToastMessage', this.language, {
                    score: score.derived.Control_Score__c,
                    band: bandLabelOf(score.derived.Control_Band__c, this.language)
                }),
                variant: 'success'
            })
        );
    }

    private async handleSaveError(error: unknown, wasUpdate: boolean): Promise<void> {
        if (!wasUpdate && isDuplicateError(error)) {
            // Another rep created the scorecard first: load theirs, keep ours as the draft.
            this.notice = 'duplicate';
            await this.refresh();
            return;
        }
        if (wasUpdate && isConflictError(error)) {
            this.notice = 'conflict';
            this.savedLocally = null;
            await this.refresh();
            return;
        }
        // Messages for the fields the rep can change sit at those fields; the panel says what
        // happened, and the platform's text for anything else is in its details.
        const byField = fieldMessagesOf(error, this.language);
        this.fieldErrors = Object.fromEntries(
            Object.entries(byField).filter(([field]) => EDITABLE_FIELDS.includes(field))
        );
        this.saveError = error;
    }

    private async refresh(): Promise<void> {
        const refresh = this.wireResult?.refresh;
        if (!refresh) return;
        try {
            await refresh();
        } catch (error) {
            this.loadErrors = [error];
        }
    }
}
