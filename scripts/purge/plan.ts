import { PurgeAction } from './options';
import {
    AnonymizedState,
    PersonalDataObject,
    anonymizedFields,
    anonymizedState,
    anonymizedValues,
    isAnonymized
} from './personalData';

/** One record the purge deletes or anonymizes. */
export interface PlannedRecord {
    readonly id: string;
    readonly opportunityId: string;
    /** Its place (1-based, Id order) among its Opportunity's records: the N of "Stakeholder N". */
    readonly n: number;
}

interface Seen {
    readonly id: string;
    readonly opportunityId: string;
    /** With --anonymize: enough of the record to know whether it is anonymized already. */
    readonly state: AnonymizedState | null;
}

/**
 * The records of one personal-data object to purge, gathered as they are read (in any order) and
 * numbered per Opportunity in Id order when complete, so "Stakeholder N" does not depend on the
 * transport and a rerun gives each record the same N. With --anonymize, records that already hold
 * exactly the anonymized values are left out: a rerun changes nothing.
 */
export class ObjectPlan {
    private readonly seen: Seen[] = [];
    private planned: PlannedRecord[] | null = null;
    alreadyAnonymized = 0;

    constructor(
        readonly entry: PersonalDataObject,
        readonly action: PurgeAction
    ) {}

    /** The fields a run must read of the object. */
    fields(): string[] {
        const personal = this.action === 'anonymize' ? anonymizedFields(this.entry) : [];
        return ['Id', this.entry.opportunityField, ...personal.filter((f) => f !== 'Id')];
    }

    add(record: Readonly<Record<string, unknown>>): void {
        this.seen.push({
            id: String(record.Id),
            opportunityId: String(record[this.entry.opportunityField] ?? ''),
            state: this.action === 'anonymize' ? anonymizedState(this.entry, record) : null
        });
    }

    /** The records to change, by Opportunity then Id. */
    records(): readonly PlannedRecord[] {
        if (this.planned) return this.planned;
        this.seen.sort((a, b) =>
            a.opportunityId === b.opportunityId
                ? a.id < b.id
                    ? -1
                    : 1
                : a.opportunityId < b.opportunityId
                  ? -1
                  : 1
        );
        const planned: PlannedRecord[] = [];
        let n = 0;
        this.seen.forEach((s, i) => {
            n = i > 0 && this.seen[i - 1].opportunityId === s.opportunityId ? n + 1 : 1;
            if (s.state && isAnonymized(this.entry, s.state, n)) this.alreadyAnonymized += 1;
            else planned.push({ id: s.id, opportunityId: s.opportunityId, n });
        });
        this.seen.length = 0;
        return (this.planned = planned);
    }

    /** Columns of the rows sent to the org (or to `sf data … bulk`): Id, then what anonymizing sets. */
    columns(): string[] {
        return this.action === 'delete' ? ['Id'] : ['Id', ...anonymizedFields(this.entry)];
    }

    /** The row sent for a record. */
    row(record: PlannedRecord): Record<string, string | null> {
        return this.action === 'delete'
            ? { Id: record.id }
            : { Id: record.id, ...anonymizedValues(this.entry, record.n) };
    }
}
