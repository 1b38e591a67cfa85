import {
    BANDS,
    ControlBand,
    EMPTY_EVIDENCE_FACTS,
    EvidenceDef,
    EvidenceFacts,
    RawRecord,
    addEvidenceFacts,
    scoreScorecard,
    scoreStakeholder
} from 'c/dealControlModel';
import { IdTable } from './idTable';
import { RescoreObject, SCORECARD_OBJECT, STAKEHOLDER_OBJECT, changedFields, updateOf } from './derived';

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
    readonly problemsByCode: Record<string, number>;
}

export function emptyStats(): RunStats {
    const counts = (): ObjectCounts => ({ read: 0, changed: 0, written: 0, failed: 0, problems: 0 });
    return {
        objects: { [STAKEHOLDER_OBJECT]: counts(), [SCORECARD_OBJECT]: counts() } as Record<
            RescoreObject,
            ObjectCounts
        >,
        bands: Object.fromEntries(BANDS.map((b) => [b.band, 0])) as Record<ControlBand, number>,
        changesByField: {},
        problemsByCode: {}
    };
}

export interface EngineOptions {
    readonly scoredAt: string;
    readonly onProblem: (problem: RecordProblem) => void;
    /** Called for every scored scorecard (for the readable table); keep it cheap. */
    readonly onScorecard?: (result: ScorecardResult) => void;
    /** Only records of these Opportunities are scored; others are skipped without a trace. */
    readonly opportunityFilter?: ReadonlySet<string>;
}

function text(raw: RawRecord, field: string): string | null {
    const value = raw[field];
    if (value === null || value === undefined) return null;
    const s = String(value).trim();
    return s === '' ? null : s;
}

/**
 * Scores records one at a time with the shared model and says which ones changed. Stakeholders must
 * all be fed before the scorecards: each is folded into its Opportunity's evidence facts, so a run
 * over millions of assessments keeps only a few bytes per Opportunity: identical facts are stored
 * once (most Opportunities look alike to the evidence rules) and each Opportunity holds an index
 * to them in a typed-array table.
 */
export class RescoreEngine {
    readonly stats: RunStats = emptyStats();
    /** Opportunity Id → index into `distinctFacts`. */
    private readonly factsByOpportunity = new IdTable();
    private readonly distinctFacts: EvidenceFacts[] = [];
    private readonly factsIndex = new Map<string, number>();

    constructor(private readonly options: EngineOptions) {}

    private problem(problem: RecordProblem): void {
        this.stats.objects[problem.object].problems += 1;
        this.stats.problemsByCode[problem.code] = (this.stats.problemsByCode[problem.code] ?? 0) + 1;
        this.options.onProblem(problem);
    }

    private inScope(opportunityId: string | null): boolean {
        const filter = this.options.opportunityFilter;
        return !filter || (opportunityId !== null && filter.has(opportunityId));
    }

    private intern(facts: EvidenceFacts): number {
        const key = Object.values(facts).join(',');
        const known = this.factsIndex.get(key);
        if (known !== undefined) return known;
        this.distinctFacts.push(facts);
        this.factsIndex.set(key, this.distinctFacts.length - 1);
        return this.distinctFacts.length - 1;
    }

    private factsOf(opportunityId: string | null): EvidenceFacts {
        const index = opportunityId === null ? undefined : this.factsByOpportunity.get(opportunityId);
        return index === undefined ? EMPTY_EVIDENCE_FACTS : this.distinctFacts[index];
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

    stakeholder(raw: RawRecord): Change | null {
        const who = this.identify(STAKEHOLDER_OBJECT, raw);
        if (!who) return null;
        const score = scoreStakeholder(raw, { scoredAt: this.options.scoredAt });
        for (const issue of score.issues) {
            this.problem({
                object: STAKEHOLDER_OBJECT,
                id: who.id,
                code: issue.code,
                field: issue.field,
                value: issue.value
            });
        }
        if (who.opportunityId !== null) {
            const before = this.factsOf(who.opportunityId);
            this.factsByOpportunity.set(
                who.opportunityId,
                this.intern(addEvidenceFacts(before, score.stakeholder))
            );
        }
        return this.change(STAKEHOLDER_OBJECT, raw, who.id, score.derived as unknown as RawRecord);
    }

    scorecard(raw: RawRecord): Change | null {
        const who = this.identify(SCORECARD_OBJECT, raw);
        if (!who) return null;
        const facts = this.factsOf(who.opportunityId);
        const score = scoreScorecard(raw, facts, { scoredAt: this.options.scoredAt });
        for (const issue of score.issues) {
            this.problem({
                object: SCORECARD_OBJECT,
                id: who.id,
                code: issue.code,
                field: issue.field,
                value: issue.value
            });
        }
        this.stats.bands[score.derived.Control_Band__c] += 1;
        this.options.onScorecard?.({
            id: who.id,
            opportunityId: who.opportunityId,
            score: score.derived.Control_Score__c,
            band: score.derived.Control_Band__c,
            findings: score.findings
        });
        return this.change(SCORECARD_OBJECT, raw, who.id, score.derived as unknown as RawRecord);
    }

    /** Records a write result; failures are reported with the org's own code, never hidden. */
    written(object: RescoreObject, count: number): void {
        this.stats.objects[object].written += count;
    }

    failed(object: RescoreObject, id: string, code: string, message: string): void {
        this.stats.objects[object].failed += 1;
        this.problem({ object, id, code, message });
    }

    /** Number of distinct Opportunities with stakeholders folded so far (for tests and the summary). */
    get opportunityCount(): number {
        return this.factsByOpportunity.size;
    }
}
