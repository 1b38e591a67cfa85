import { LightningElement, api, wire } from 'lwc';
import { graphql, GraphQLResult } from 'lightning/graphql';
import LANG from '@salesforce/i18n/lang';
import { ATTITUDE_TO_US, INFLUENCE, LINK_TYPE, PoliticalMap, toLang } from 'c/dealControlModel';
import {
    DEAL_QUERY,
    DealQueryVariables,
    DealSnapshot,
    dealQueryVariables,
    toDealSnapshot
} from 'c/dealControlData';
import { WidthClass, watchRootWidth } from 'c/containerWidth';
import { MapView, buildMapView } from './mapView';
import { MARK_SHAPES, circlePath, radiusOf } from './mapGeometry';
import { labelsFor } from './labels';

const lang = toLang(LANG);
const L = labelsFor(lang);

type ViewMode = 'map' | 'list';
/** The link form's key for a link not yet stored. */
const NEW_LINK = 'new';

/** The legend's samples, in the model's order and words. */
const ATTITUDE_LEGEND = [
    ...ATTITUDE_TO_US.values.map((v) => ({
        key: v.value,
        label: v.label[lang],
        className: `swatch attitude_${v.value}`
    })),
    { key: 'unknown', label: L.attitudeUnknown, className: 'swatch attitude_unknown' }
];
const SIZE_LEGEND = INFLUENCE.values.map((v) => ({
    key: v.value,
    label: v.label[lang],
    r: radiusOf(v.value) / 2,
    box: radiusOf(v.value) + 2,
    cx: (radiusOf(v.value) + 2) / 2
}));
/** The marks a person can carry, each drawn with the same shapes as on the map. */
const MARK_LEGEND = [
    {
        key: 'top',
        label: L.topDecisionMaker,
        shapes: [{ key: 'star', className: 'star', d: MARK_SHAPES.star }]
    },
    {
        key: 'body',
        label: L.decisionBody,
        shapes: [
            { key: 'disc', className: 'swatch size', d: circlePath(4) },
            { key: 'ring', className: 'body-ring', d: circlePath(7.5) }
        ]
    },
    {
        key: 'coach',
        label: L.coach,
        shapes: [{ key: 'diamond', className: 'coach', d: MARK_SHAPES.diamond }]
    },
    {
        key: 'noContact',
        label: L.noContact,
        iconClass: 'legend-icon no-contact',
        shapes: [{ key: 'disc', className: 'disc swatch attitude_Neutral', d: circlePath(7) }]
    },
    {
        key: 'pulled',
        label: L.pulledMark,
        shapes: [{ key: 'triangle', className: 'pulled-mark', d: MARK_SHAPES.triangle }]
    }
].map((item) => ({ iconClass: 'legend-icon', ...item }));
const LINE_LEGEND = LINK_TYPE.values.map((v) => ({
    key: v.value,
    label: v.label[lang],
    className: `line type_${v.value}`,
    hasArrow: v.value !== 'Allied' && v.value !== 'Rival'
}));

function isActivation(event: KeyboardEvent): boolean {
    return event.key === 'Enter' || event.key === ' ';
}

/**
 * The political map of one Opportunity: who reports to, influences, acts for, sides with or opposes
 * whom, drawn by reporting line and camp, with a list view that says the same in text. A person
 * opens in the same editor as the grid's; a line opens its form.
 */
export default class StakeholderMap extends LightningElement {
    /** The Opportunity of the record page. */
    @api recordId: string | undefined;

    labels = L;
    attitudeLegend = ATTITUDE_LEGEND;
    sizeLegend = SIZE_LEGEND;
    lineLegend = LINE_LEGEND;
    markLegend = MARK_LEGEND;
    shapes = MARK_SHAPES;
    snapshot: DealSnapshot | null = null;
    view: MapView | null = null;
    loadErrors: unknown[] = [];
    widthClass: WidthClass = 'wide';
    /** What the rep chose; until then the map on a wide screen, the list on a phone. */
    chosenMode: ViewMode | null = null;
    /** On a phone the map is fitted to the screen; zoomed, it keeps its own size and pans. */
    zoomed = false;
    /** The assessment open in the editor, or null. */
    editing: Record<string, unknown> | null = null;
    /** The link form: closed, open for a new link ('new'), or open on a stored link's Id. */
    linkFormFor: string | null = null;

    private wiredResult: GraphQLResult | undefined;
    private stopWatchingWidth: (() => void) | null = null;
    private focusEditorAfterRender = false;
    private focusLinkFormAfterRender = false;
    /** Where focus goes after the next render (back to the person whose editor closed). */
    private focusAfterRender: string | null = null;

    get variables(): DealQueryVariables | undefined {
        return this.recordId ? dealQueryVariables(this.recordId) : undefined;
    }

    @wire(graphql, { query: DEAL_QUERY, variables: '$variables' })
    wiredDeal(result: GraphQLResult): void {
        this.wiredResult = result;
        const { data, errors } = result ?? {};
        // Data and errors can come together (an object the user may not read): show what arrived.
        this.loadErrors = errors && errors.length > 0 ? errors : [];
        if (!data) return;
        this.snapshot = toDealSnapshot(data);
        this.view = buildMapView(this.snapshot.politicalMap, this.coachId(), lang, L);
        this.syncEditor();
    }

    private coachId(): string | null {
        const coach = this.snapshot?.scorecard?.Coach_Stakeholder__c;
        return typeof coach === 'string' ? coach : null;
    }

    /** After a reload the editor shows the freshest stored version of its person. */
    private syncEditor(): void {
        const id = this.editing?.Id;
        if (typeof id !== 'string') return;
        const fresh = this.snapshot?.assessments.find((a) => a.Id === id);
        if (fresh && fresh.LastModifiedDate !== this.editing?.LastModifiedDate) this.editing = fresh;
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
            this.revealPanel('.editor-panel');
        }
        if (this.focusLinkFormAfterRender) {
            this.focusLinkFormAfterRender = false;
            const form = this.template?.querySelector('c-stakeholder-link-form') as
                (HTMLElement & { focusHeading?(): void }) | null;
            form?.focusHeading?.();
            this.revealPanel('.link-panel');
        }
        if (this.focusAfterRender) {
            const target = this.template?.querySelector<HTMLElement>(this.focusAfterRender);
            this.focusAfterRender = null;
            target?.focus();
        }
    }

    /** The panel opens above the map: bring it into view, wherever on the map the rep clicked. */
    private revealPanel(selector: string): void {
        this.template?.querySelector(selector)?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
    }

    override disconnectedCallback(): void {
        this.stopWatchingWidth?.();
        this.stopWatchingWidth = null;
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

    get isEmpty(): boolean {
        return this.view !== null && this.view.people.length === 0;
    }

    get hasPeople(): boolean {
        return this.view !== null && this.view.people.length > 0;
    }

    get hasNoLines(): boolean {
        return this.hasPeople && this.view!.lines.length === 0;
    }

    get hasNotes(): boolean {
        return (this.view?.notes.length ?? 0) > 0;
    }

    get isPhone(): boolean {
        return this.widthClass === 'narrow';
    }

    get mode(): ViewMode {
        return this.chosenMode ?? (this.isPhone ? 'list' : 'map');
    }

    get showMap(): boolean {
        return this.hasPeople && this.mode === 'map';
    }

    get showList(): boolean {
        return this.hasPeople && this.mode === 'list';
    }

    get mapPressed(): string {
        return String(this.mode === 'map');
    }

    get listPressed(): string {
        return String(this.mode === 'list');
    }

    get mapButtonClass(): string {
        return `slds-button ${this.mode === 'map' ? 'slds-button_brand' : 'slds-button_neutral'}`;
    }

    get listButtonClass(): string {
        return `slds-button ${this.mode === 'list' ? 'slds-button_brand' : 'slds-button_neutral'}`;
    }

    get addDisabled(): boolean {
        return (this.view?.people.length ?? 0) < 2;
    }

    get rootClass(): string {
        return `map-root slds-card layout_${this.isPhone ? 'phone' : 'wide'}`;
    }

    /** Fitted: never wider than its container, never blown up beyond its own size. */
    get svgStyle(): string {
        const width = this.view?.width ?? 0;
        return this.zoomed ? `width: ${width}px;` : `width: 100%; max-width: ${width}px;`;
    }

    get zoomLabel(): string {
        return this.zoomed ? L.zoomFit : L.zoomIn;
    }

    get zoomIcon(): string {
        return this.zoomed ? 'utility:contract_alt' : 'utility:expand_alt';
    }

    // ----- interaction ----------------------------------------------------------------------

    handleShowMap(): void {
        this.chosenMode = 'map';
    }

    handleShowList(): void {
        this.chosenMode = 'list';
    }

    handleZoom(): void {
        this.zoomed = !this.zoomed;
    }

    handleOpenPerson(event: Event): void {
        this.openPerson((event.currentTarget as HTMLElement).dataset.id);
    }

    /** Enter or Space on a drawn person acts as a click does, as on a button. */
    handlePersonKeydown(event: KeyboardEvent): void {
        if (!isActivation(event)) return;
        event.preventDefault();
        this.openPerson((event.currentTarget as HTMLElement).dataset.id);
    }

    private openPerson(id: string | undefined): void {
        const record = this.snapshot?.assessments.find((a) => a.Id === id);
        if (!record) return;
        this.linkFormFor = null;
        this.editing = record;
        this.focusEditorAfterRender = true;
    }

    // ----- links ------------------------------------------------------------------------------

    get linkFormOpen(): boolean {
        return this.linkFormFor !== null;
    }

    /** The stored link the form changes (with its LastModifiedDate for the conflict check), or null. */
    get linkEditing(): Record<string, unknown> | null {
        if (this.linkFormFor === null || this.linkFormFor === NEW_LINK) return null;
        const links =
            (this.snapshot as (DealSnapshot & { links?: Array<{ Id: string }> }) | null)?.links ?? [];
        return (links.find((l) => l.Id === this.linkFormFor) as Record<string, unknown> | undefined) ?? null;
    }

    get linkFormMap(): PoliticalMap | null {
        return this.snapshot?.politicalMap ?? null;
    }

    handleAddLink(): void {
        this.openLinkForm(NEW_LINK);
    }

    handleOpenLine(event: Event): void {
        this.openLinkForm((event.currentTarget as HTMLElement).dataset.line ?? null);
    }

    handleLineKeydown(event: KeyboardEvent): void {
        if (!isActivation(event)) return;
        event.preventDefault();
        this.openLinkForm((event.currentTarget as HTMLElement).dataset.line ?? null);
    }

    private openLinkForm(id: string | null): void {
        if (id === null) return;
        this.editing = null;
        this.linkFormFor = id;
        this.focusLinkFormAfterRender = true;
    }

    private closeLinkForm(): void {
        const id = this.linkFormFor;
        this.linkFormFor = null;
        // Back where the rep started: the line (map or list) or the Add link button.
        this.focusAfterRender =
            id && id !== NEW_LINK && this.mode === 'map'
                ? `.line-target[data-line="${id}"]`
                : id && id !== NEW_LINK
                  ? `.change-line[data-line="${id}"]`
                  : '[data-id="add-link"]';
    }

    handleLinkCancel(): void {
        this.closeLinkForm();
    }

    async handleLinkSaved(): Promise<void> {
        this.closeLinkForm();
        await this.refresh();
    }

    /** The form keeps the rep's choices; reloading hands it the newer stored link to check against. */
    async handleLinkConflict(): Promise<void> {
        await this.refresh();
    }

    private closeEditor(): void {
        const id = this.editing?.Id;
        this.editing = null;
        this.focusAfterRender = typeof id === 'string' ? `[data-person="${id}"]` : null;
    }

    handleEditorCancel(): void {
        this.closeEditor();
    }

    async handleEditorSaved(): Promise<void> {
        this.closeEditor();
        await this.refresh();
    }

    async handleEditorConflict(): Promise<void> {
        await this.refresh();
    }

    handleRetry(): Promise<void> {
        this.loadErrors = [];
        return this.refresh();
    }

    /** Re-runs the page's one query, so the map shows what was just saved. */
    private async refresh(): Promise<void> {
        try {
            await this.wiredResult?.refresh?.();
        } catch (error) {
            this.loadErrors = [error];
        }
    }
}
