import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BANDS, PoliticalMap, buildPoliticalMap, scoreScorecard, scoreStakeholder } from 'c/dealControlModel';
import { CustomFieldDef, REPO_ROOT, ReportTypeDef, readCustomField } from './metadata';
import { FieldValue, RecordValues, ReportRow, matchesItem } from './reportFilter';
import { lookupTargetOf, resolveField, resolveTable } from './schema';

/**
 * The sample data of data/ (sf data import tree plan format) as an org would hold it after import:
 * derived fields scored by the model (with each deal's political map, as the components and the
 * rescore script write them), Opportunity roll-ups computed from their field metadata, and the
 * formula fields of the field list.
 */

export const DATA_DIR = join(REPO_ROOT, 'data');

/**
 * Probability and closed state of the stages of Salesforce's default sales process. The sample data
 * leaves Probability to the org, which sets it from the stage on import.
 */
export const DEFAULT_STAGES: Readonly<
    Record<string, { probability: number; closed: boolean; won: boolean }>
> = {
    Prospecting: { probability: 10, closed: false, won: false },
    Qualification: { probability: 10, closed: false, won: false },
    'Needs Analysis': { probability: 20, closed: false, won: false },
    'Value Proposition': { probability: 50, closed: false, won: false },
    'Id. Decision Makers': { probability: 60, closed: false, won: false },
    'Perception Analysis': { probability: 70, closed: false, won: false },
    'Proposal/Price Quote': { probability: 75, closed: false, won: false },
    'Negotiation/Review': { probability: 90, closed: false, won: false },
    'Closed Won': { probability: 100, closed: true, won: true },
    'Closed Lost': { probability: 0, closed: true, won: false }
};

/** Who owns imported records: the user who runs the import. */
export const IMPORTING_USER = 'Importing user';

type MutableRecord = Record<string, FieldValue>;

export interface SampleOrg {
    readonly today: string;
    /** Records by object, each with Id = its referenceId and references resolved to referenceIds. */
    readonly records: ReadonlyMap<string, readonly RecordValues[]>;
    /** Report rows of a Deal Control report type, with every column it exposes. */
    rowsOf(type: ReportTypeDef): ReportRow[];
}

interface PlanEntry {
    readonly sobject: string;
    readonly files: readonly string[];
}

interface TreeRecord {
    readonly attributes: { readonly type: string; readonly referenceId: string };
    readonly [field: string]: unknown;
}

function readTreeRecords(): Map<string, MutableRecord[]> {
    const plan = JSON.parse(readFileSync(join(DATA_DIR, 'sample-data-plan.json'), 'utf8')) as PlanEntry[];
    const records = new Map<string, MutableRecord[]>();
    for (const entry of plan) {
        for (const file of entry.files) {
            const tree = JSON.parse(readFileSync(join(DATA_DIR, file), 'utf8')) as { records: TreeRecord[] };
            for (const raw of tree.records) {
                const record: MutableRecord = { Id: raw.attributes.referenceId };
                for (const [field, value] of Object.entries(raw)) {
                    if (field === 'attributes') continue;
                    // "@Ref" points at another record of the import: keep its referenceId as the Id.
                    record[field] =
                        typeof value === 'string' && value.startsWith('@')
                            ? value.slice(1)
                            : (value as FieldValue);
                }
                const list = records.get(raw.attributes.type) ?? [];
                list.push(record);
                records.set(raw.attributes.type, list);
            }
        }
    }
    return records;
}

/** Every roll-up summary field of Opportunity in the project, read from its metadata. */
function opportunityRollUps(): CustomFieldDef[] {
    const dir = join(REPO_ROOT, 'force-app', 'main', 'default', 'objects', 'Opportunity', 'fields');
    return readdirSync(dir)
        .map((file) => readCustomField('Opportunity', file.replace('.field-meta.xml', ''))!)
        .filter((def) => def.type === 'Summary');
}

function rollUp(def: CustomFieldDef, children: readonly MutableRecord[], today: string): FieldValue {
    const [childObject] = def.summaryForeignKey!.split('.');
    const kept = children.filter((child) =>
        def.summaryFilterItems.every((item) => {
            const [, field] = item.field.split('.');
            const resolved = resolveField(childObject, field);
            if (typeof resolved === 'string') throw new Error(`${def.name}: ${resolved}`);
            return matchesItem(
                child[field],
                { column: item.field, operator: item.operation, value: item.value },
                resolved.kind,
                today
            );
        })
    );
    if (def.summaryOperation === 'count') return kept.length;
    const field = def.summarizedField!.split('.')[1];
    const values = kept.map((c) => c[field]).filter((v) => v !== null && v !== undefined && v !== '');
    if (values.length === 0) return null;
    // Numbers compare as numbers; dates as their ISO text, which sorts chronologically.
    if (def.summaryOperation === 'max') return values.reduce((a, b) => (compareValues(a, b) >= 0 ? a : b));
    throw new Error(`${def.name}: roll-up ${def.summaryOperation} is not evaluated here`);
}

function compareValues(a: FieldValue, b: FieldValue): number {
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    return String(a).localeCompare(String(b));
}

export function loadSampleOrg(today: string): SampleOrg {
    const records = readTreeRecords();
    const scoredAt = `${today}T00:00:00.000Z`;
    const assessments = records.get('Stakeholder_Assessment__c') ?? [];
    const scorecards = records.get('C139_Scorecard__c') ?? [];
    const links = records.get('Stakeholder_Link__c') ?? [];
    const opportunities = records.get('Opportunity') ?? [];
    const accounts = new Map((records.get('Account') ?? []).map((a) => [a.Id, a]));

    const stakeholdersOf = (opportunityId: FieldValue) =>
        assessments.filter((a) => a.Opportunity__c === opportunityId);
    const maps = new Map<FieldValue, PoliticalMap>(
        opportunities.map((o) => [
            o.Id,
            buildPoliticalMap(
                stakeholdersOf(o.Id),
                links.filter((l) => l.Opportunity__c === o.Id),
                { opportunityId: String(o.Id) }
            )
        ])
    );
    for (const assessment of assessments) {
        const map = maps.get(assessment.Opportunity__c);
        Object.assign(assessment, scoreStakeholder(assessment, { scoredAt }, map).derived, {
            LastModifiedDate: scoredAt
        });
    }
    scorecards.forEach((scorecard, index) => {
        const map = maps.get(scorecard.Opportunity__c);
        Object.assign(
            scorecard,
            scoreScorecard(scorecard, stakeholdersOf(scorecard.Opportunity__c), { scoredAt }, map).derived,
            {
                Name: `C139-${String(index + 1).padStart(6, '0')}`,
                LastModifiedDate: scoredAt
            }
        );
    });
    links.forEach((link, index) => {
        Object.assign(link, {
            Name: `LINK-${String(index + 1).padStart(6, '0')}`,
            LastModifiedDate: scoredAt
        });
    });

    // The snapshot formula, as the field list defines it (Close_Date__c − Snapshot_Date__c, in days).
    for (const snapshot of records.get('Control_Snapshot__c') ?? []) {
        const [from, to] = [snapshot.Snapshot_Date__c, snapshot.Close_Date__c];
        snapshot.Days_To_Close__c =
            typeof from === 'string' && typeof to === 'string'
                ? (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000
                : null;
    }

    const rollUps = opportunityRollUps();
    for (const opportunity of opportunities) {
        const stage = DEFAULT_STAGES[String(opportunity.StageName)];
        if (stage === undefined) {
            throw new Error(
                `${opportunity.Id}: stage '${opportunity.StageName}' is not a stage of the default sales process, ` +
                    'so its probability and closed state are unknown here; use a default stage in the sample data'
            );
        }
        opportunity.Probability ??= stage.probability;
        opportunity.IsClosed ??= stage.closed;
        opportunity.IsWon ??= stage.won;
        opportunity.Owner = IMPORTING_USER;
        for (const def of rollUps) {
            const childObject = def.summaryForeignKey!.split('.')[0];
            const children = (records.get(childObject) ?? []).filter(
                (c) => c.Opportunity__c === opportunity.Id
            );
            opportunity[def.name] = rollUp(def, children, today);
        }
        // The two formula fields, as the field list defines them.
        const hasScorecard = Number(opportunity.C139_Scorecard_Count__c) > 0;
        const band = BANDS.find((b) => b.rank === opportunity.C139_Band_Rank__c);
        opportunity.C139_Control_Band__c = hasScorecard && band !== undefined ? band.band : null;
        opportunity.C139_Forecast_Gap__c = hasScorecard
            ? Number(opportunity.Probability) - Number(opportunity.C139_Control_Score__c)
            : null;
    }

    function valueOf(object: string, record: MutableRecord | undefined, field: string): FieldValue {
        if (record === undefined) return null;
        if (object === 'Opportunity') {
            const account = accounts.get(String(record.AccountId));
            if (field === 'Account') return account?.Name ?? null;
            if (field.startsWith('Account.')) return account?.[field.slice('Account.'.length)] ?? null;
        }
        const dot = field.indexOf('.');
        if (dot > 0 && field.slice(0, dot).endsWith('__c')) {
            // A field of the record a custom lookup points at (`From_Stakeholder__c.Attitude_To_Us__c`).
            const lookup = field.slice(0, dot);
            const target = lookupTargetOf(object, lookup);
            if (target === undefined) throw new Error(`${object}.${lookup} is not a lookup`);
            const parent = (records.get(target) ?? []).find((r) => r.Id === record[lookup]);
            return valueOf(target, parent, field.slice(dot + 1));
        }
        return record[field] ?? null;
    }

    return {
        today,
        records,
        rowsOf(type: ReportTypeDef): ReportRow[] {
            if (type.baseObject !== 'Opportunity' || type.joins.length !== 1) {
                throw new Error(
                    `${type.name}: only Opportunity report types with one join are evaluated here`
                );
            }
            const childTable = `Opportunity.${type.joins[0].relationship}`;
            const childObject = resolveTable(childTable);
            if (typeof childObject !== 'string') throw new Error(childObject.error);
            const children = records.get(childObject) ?? [];
            const rows: ReportRow[] = [];
            for (const opportunity of opportunities) {
                const mine = children.filter((c) => c.Opportunity__c === opportunity.Id);
                // Inner join: a row per child. Outer join: the Opportunity alone when it has none.
                const pairs: (MutableRecord | undefined)[] =
                    mine.length > 0 ? mine : type.joins[0].outerJoin ? [undefined] : [];
                for (const child of pairs) {
                    const row: Record<string, FieldValue> = {};
                    for (const column of type.columns) {
                        row[`${column.table}$${column.field}`] =
                            column.table === 'Opportunity'
                                ? valueOf('Opportunity', opportunity, column.field)
                                : valueOf(childObject, child, column.field);
                    }
                    rows.push(row);
                }
            }
            return rows;
        }
    };
}
