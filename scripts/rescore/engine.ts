import {
    BANDS,
    ControlBand,
    EvidenceDef,
    NormalizedStakeholder,
    RawRecord,
    buildPoliticalMap,
    scoreScorecard,
    scoreStakeholder
} from 'c/dealControlModel';
import {
    OBJECTS,
    RescoreObject,
    SCORECARD_OBJECT,
    STAKEHOLDER_LINK_OBJECT,
    STAKEHOLDER_OBJECT,
    changedFields,
    updateOf
} from './derived';
import { OpportunityGroup, OpportunityGroups } from './opportunityGroups';

/** Something wrong with one record: bad input data, or a write the org refused. */
export interface RecordProblem {
    readonly object: RescoreObject;
    readonly id: string | null;
    readonly code: string;
    readonly field?: string;
    readonly value?: string;
    readonly message?: string;
}

/** A record whose stored derived values differ from the model's. */
export interface Change {
    readonly object: RescoreObject;
    readonly id: string;
    readonly opportunityId: string | null;
    readonly fields: readonly string[];
    readonly update: Readonly<Record<string, string | number | null>>;
}

export interface ScorecardResult {
    readonly id: string;
    readonly opportunityId: string | null;
    readonly score: number;
    readonly band: ControlBand;
    readonly findings: readonly EvidenceDef[];
    /** Every derived value the model computed (what a snapshot copies "as just scored"). */
    readonly derived: Readonly<Record<string, unknown>>;
}

export interface ObjectCounts {
    read: number;
    changed: number;
    written: number;
    failed: number;
    problems: number;
}

export interface RunStats {
    readonly objects: Record<RescoreObject, ObjectCounts>;
    readonly bands: Record<ControlBand, number>;
    readonly changesByField: Record<string, number>;
    /** Problems of assessments and scorecards (and write failures), by code. */
    readonly problemsByCode: Record<string, number>;
    /** Links the model left out (or read with a default strength), by code: warnings, nothing is written to links. */
    readonly linkIssuesByCode: Record<string, number>;
}

export function emptyStats(): RunStats {
    const counts = (): ObjectCounts => ({ read: 0, changed: 0, written: 0, failed: 0, problems: 0 });
    return {
        objects: Object.fromEntries(OBJECTS.map((o) => [o, counts()])) as Record<RescoreObject, ObjectCounts>,
        bands: Object.fromEntries(BANDS.map((b) => [b.band, 0])) as Record<ControlBand, number>,
        changesByField: {},
        problemsByCode: {},
        linkIssuesByCode: {}
    };
}

export interface EngineOptions {
    readonly scoredAt: string;
    readonly onProblem: (problem: RecordProblem) => void;
    /** Called for every scored scorecard (for the readable table); keep it cheap. */
    readonly onScorecard?: (result: ScorecardResult) => void;
    /** Only records of these Opportunities are scored; others are skipped without a trace. */
    readonly opportunityFilter?: ReadonlySet<string>;
    /** Called after each Opportunity is scored with the number of its records (for progress). */
    readonly onScored?: (records: number) => void;
}

function text(raw: RawRecord, field: string): string | null {
    const value = raw[field];
    if (value === null || value === undefined) return null;
    const s = String(value).trim();
    return s === '' ? null : s;
}

/**
 * Scores an org's records with the shared model, one Opportunity at a time, and says which ones
 * changed. Since contract v1.1 a person's insight codes depend on the other people's attitudes and
 * on the links between them, and the scorecard's evidence on those links too, so no record can be
 * scored as it arrives: the engine first collects every record (stakeholder, scorecard, link, in
 * any order) under its Opportunity (OpportunityGroups: in memory for small runs, in temporary
 * files by hash bucket for large ones), then `changes()` scores each Opportunity with all its
 * records at hand, exactly as the components do: the political map of its assessments and links,
 * each assessment with that map, each scorecard with the assessments and the map.
 */
export class RescoreEngine {
    readonly stats: RunStats = emptyStats();
    private readonly groups = new OpportunityGroups();

    constructor(private readonly options: EngineOptions) {}

    private problem(problem: RecordProblem): void {
        this.stats.objects[problem.object].problems += 1;
        const byCode =
            problem.object === STAKEHOLDER_LINK_OBJECT
                ? this.stats.linkIssuesByCode
                : this.stats.problemsByCode;
        byCode[problem.code] = (byCode[problem.code] ?? 0) + 1;
        this.options.onProblem(problem);
    }

    private inScope(opportunityId: string | null): boolean {
        const filter = this.options.opportunityFilter;
        return !filter || (opportunityId !== null && filter.has(opportunityId));
    }

    private change(object: RescoreObject, raw: RawRecord, id: string, model: RawRecord): Change | null {
        const fields = changedFields(object, raw, model);
        if (fields.length === 0) return null;
        this.stats.objects[object].changed += 1;
        for (const field of fields)
            this.stats.changesByField[field] = (this.stats.changesByField[field] ?? 0) + 1;
        return {
            object,
            id,
            opportunityId: text(raw, 'Opportunity__c'),
            fields,
            update: updateOf(object, id, model)
        };
    }

    /** Checks the parts every record needs; reports and returns null when the record cannot be used. */
    private identify(
        object: RescoreObject,
        raw: RawRecord
    ): { id: string; opportunityId: string | null } | null {
        const id = text(raw, 'Id');
        const opportunityId = text(raw, 'Opportunity__c');
        if (!this.inScope(opportunityId)) return null;
        this.stats.objects[object].read += 1;
        if (id === null) {
            this.problem({ object, id: null, code: 'MISSING_ID' });
            return null;
        }
        if (opportunityId === null)
            this.problem({ object, id, code: 'NO_OPPORTUNITY', field: 'Opportunity__c' });
        return { id, opportunityId };
    }

    /** Collects an assessment; it is scored by changes(), with its Opportunity. */
    stakeholder(raw: RawRecord): null {
        return this.collect(STAKEHOLDER_OBJECT, raw);
    }

    /** Collects a scorecard; it is scored by changes(), with its Opportunity. */
    scorecard(raw: RawRecord): null {
        return this.collect(SCORECARD_OBJECT, raw);
    }

    /** Collects a link between two people; it counts when its Opportunity is scored. */
    link(raw: RawRecord): null {
        return this.collect(STAKEHOLDER_LINK_OBJECT, raw);
    }

    private collect(object: RescoreObject, raw: RawRecord): null {
        const who = this.identify(object, raw);
        // A link outside any Opportunity belongs to no map: reported (NO_OPPORTUNITY) and left out.
        if (who && (object !== STAKEHOLDER_LINK_OBJECT || who.opportunityId !== null))
            this.groups.add(object, who.opportunityId, raw);
        return null;
    }

    /**
     * Scores every Opportunity collected so far and yields each record whose derived values
     * differ from the model's. Stops between Opportunities once `signal` is aborted.
     */
    async *changes(signal?: AbortSignal): AsyncGenerator<Change> {
        try {
            for await (const group of this.groups.groups(signal)) {
                yield* this.scoreOpportunity(group);
                this.options.onScored?.(
                    group.stakeholders.length + group.scorecards.length + group.links.length
                );
            }
        } finally {
            this.groups.dispose();
        }
    }

    /** Removes what the engine keeps on disk, when a run stops before changes() has finished. */
    dispose(): void {
        this.groups.dispose();
    }

    private *scoreOpportunity(group: OpportunityGroup): Generator<Change> {
        const options = { scoredAt: this.options.scoredAt };
        // Without links the map raises nothing: skip building it.
        const map =
            group.links.length === 0
                ? undefined
                : buildPoliticalMap(group.stakeholders, group.links, { opportunityId: group.opportunityId });
        // Links the map leaves out are warnings for the admin: nothing is written to a link.
        for (const issue of map?.issues ?? []) {
            this.problem({
                object: STAKEHOLDER_LINK_OBJECT,
                id: issue.linkId,
                code: issue.code,
                field: issue.field,
                value: issue.value
            });
        }
        const people: NormalizedStakeholder[] = [];
        for (const raw of group.stakeholders) {
            const score = scoreStakeholder(raw, options, map);
            people.push(score.stakeholder);
            this.reportIssues(STAKEHOLDER_OBJECT, score.stakeholder.id, score.issues);
            const change = this.change(
                STAKEHOLDER_OBJECT,
                raw,
                score.stakeholder.id!,
                score.derived as unknown as RawRecord
            );
            if (change) yield change;
        }
        for (const raw of group.scorecards) {
            const score = scoreScorecard(raw, people, options, map);
            const id = score.scorecard.id!;
            this.reportIssues(SCORECARD_OBJECT, id, score.issues);
            this.stats.bands[score.derived.Control_Band__c] += 1;
            this.options.onScorecard?.({
                id,
                opportunityId: text(raw, 'Opportunity__c'),
                score: score.derived.Control_Score__c,
                band: score.derived.Control_Band__c,
                findings: score.findings,
                derived: score.derived as unknown as Readonly<Record<string, unknown>>
            });
            const change = this.change(SCORECARD_OBJECT, raw, id, score.derived as unknown as RawRecord);
            if (change) yield change;
        }
    }

    private reportIssues(
        object: RescoreObject,
        id: string | null,
        issues: ReadonlyArray<{ code: string; field: string; value: string }>
    ): void {
        for (const issue of issues) {
            this.problem({ object, id, code: issue.code, field: issue.field, value: issue.value });
        }
    }

    /** Records a write result; failures are reported with the org's own code, never hidden. */
    written(object: RescoreObject, count: number): void {
        this.stats.objects[object].written += count;
    }

    failed(object: RescoreObject, id: string, code: string, message: string): void {
        this.stats.objects[object].failed += 1;
        this.problem({ object, id, code, message });
    }
}
