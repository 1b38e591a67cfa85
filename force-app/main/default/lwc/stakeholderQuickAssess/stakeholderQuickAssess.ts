import { LightningElement, api, wire } from 'lwc';
import { graphql, GraphQLResult } from 'lightning/graphql';
import LANG from '@salesforce/i18n/lang';
import { fillTemplate, toLang } from 'c/dealControlModel';
import {
    DEAL_QUERY,
    DealSnapshot,
    dealQueryVariables,
    toDealSnapshot,
    unassessedContactRoles
} from 'c/dealControlData';
import { labelsFor } from './labels';

const L = labelsFor(toLang(LANG));
const NEW_PERSON = 'new';

interface Choice {
    value: string;
    label: string;
    selected: boolean;
}

/**
 * The "assess a stakeholder right after the meeting" quick action: pick the person, then the same
 * editor as on the record page. It reads through the page's deal query, so a save refreshes the
 * grid on the page too. The Aura quick action stakeholderQuickAssessAction hosts it (an LWC quick
 * action would not run in the Salesforce mobile app) and closes on its "close" event.
 */
export default class StakeholderQuickAssess extends LightningElement {
    @api recordId: string | undefined;

    labels = L;
    snapshot: DealSnapshot | null = null;
    /** The deal query's errors as the platform returned them (a new person can still be assessed). */
    loadErrors: unknown[] = [];
    /** 'new', 'a:<assessment Id>' or 'c:<contact role Id>'. */
    choice = NEW_PERSON;
    editorRecord: Record<string, unknown> | null = null;

    private wiredResult: GraphQLResult | undefined;

    get variables(): { opportunityId: string } | undefined {
        return this.recordId ? dealQueryVariables(this.recordId) : undefined;
    }

    @wire(graphql, { query: DEAL_QUERY, variables: '$variables' })
    wiredDeal(result: GraphQLResult): void {
        this.wiredResult = result;
        const { data, errors } = result ?? {};
        if (errors && errors.length > 0) {
            this.loadErrors = errors;
            return;
        }
        this.loadErrors = [];
        if (!data) return;
        this.snapshot = toDealSnapshot(data);
        // After a conflict the editor needs the newer stored version of the person being edited.
        const editingId = this.editorRecord?.Id;
        if (typeof editingId === 'string') {
            const fresh = this.snapshot.assessments.find((a) => a.Id === editingId);
            if (fresh && fresh.LastModifiedDate !== this.editorRecord?.LastModifiedDate)
                this.editorRecord = fresh;
        }
    }

    override renderedCallback(): void {
        // Options arrive with the data after the first render; keep the select on the rep's choice.
        const select = this.template?.querySelector<HTMLSelectElement>('select.who');
        if (select && select.value !== this.choice) select.value = this.choice;
    }

    get isLoading(): boolean {
        return this.snapshot === null && this.loadErrors.length === 0;
    }

    get hasLoadErrors(): boolean {
        return this.loadErrors.length > 0;
    }

    get assessedChoices(): Choice[] {
        return (this.snapshot?.assessments ?? []).map((a) => ({
            value: `a:${a.Id}`,
            label:
                typeof a.Title__c === 'string' && a.Title__c
                    ? fillTemplate(L.personWithTitle, { name: a.Name ?? '', title: a.Title__c })
                    : (a.Name ?? ''),
            selected: this.choice === `a:${a.Id}`
        }));
    }

    get contactRoleChoices(): Choice[] {
        return (this.snapshot ? unassessedContactRoles(this.snapshot) : []).map((role) => ({
            value: `c:${role.Id}`,
            label: role.ContactTitle
                ? fillTemplate(L.personWithTitle, { name: role.ContactName ?? '', title: role.ContactTitle })
                : (role.ContactName ?? ''),
            selected: this.choice === `c:${role.Id}`
        }));
    }

    get hasAssessedChoices(): boolean {
        return this.assessedChoices.length > 0;
    }

    get hasContactRoleChoices(): boolean {
        return this.contactRoleChoices.length > 0;
    }

    get isNewSelected(): boolean {
        return this.choice === NEW_PERSON;
    }

    handleChoose(event: Event): void {
        this.choice = (event.target as HTMLSelectElement).value;
        const [kind, id] = this.choice.split(':');
        if (kind === 'a') {
            this.editorRecord = this.snapshot?.assessments.find((a) => a.Id === id) ?? null;
        } else if (kind === 'c') {
            const role = this.snapshot?.contactRoles.find((r) => r.Id === id);
            this.editorRecord = role
                ? { Name: role.ContactName, Title__c: role.ContactTitle, Contact__c: role.ContactId }
                : null;
        } else {
            this.editorRecord = null;
        }
    }

    async handleSaved(): Promise<void> {
        await this.refresh();
        this.close(true);
    }

    handleCancel(): void {
        this.close(false);
    }

    async handleConflict(): Promise<void> {
        await this.refresh();
    }

    private close(saved: boolean): void {
        this.dispatchEvent(new CustomEvent('close', { detail: { saved } }));
    }

    private async refresh(): Promise<void> {
        try {
            await this.wiredResult?.refresh?.();
        } catch (error) {
            this.loadErrors = [error];
        }
    }
}
