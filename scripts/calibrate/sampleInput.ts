import { RawRecord } from 'c/dealControlModel';
import { loadSampleData } from '../rescore/sampleData';
import { Intake, Place } from './intake';

/**
 * Stages of Salesforce's default sales process that close a deal. The sample data sets the stage
 * and leaves IsClosed and IsWon to the org, which derives them from it on import.
 */
const CLOSED_STAGES: Readonly<Record<string, { won: boolean }>> = {
    'Closed Won': { won: true },
    'Closed Lost': { won: false }
};

const text = (record: RawRecord, field: string): string => {
    const value = record[field];
    return value === null || value === undefined ? '' : String(value);
};

/** Feeds the bundled sample data (the `sf data import tree` plan in data/) to the intake. */
export function readSampleInput(dir: string, intake: Intake): void {
    const data = loadSampleData(dir);
    const opportunities = data.byType.get('Opportunity') ?? [];
    const place: Place = { source: 'Opportunity', ordinal: 0 };
    opportunities.forEach((record, i) => {
        const stage = CLOSED_STAGES[text(record, 'StageName')];
        const derived: Record<string, string> = {
            IsClosed: String(stage !== undefined),
            IsWon: String(stage?.won ?? false)
        };
        place.ordinal = i + 1;
        place.id = text(record, 'Id');
        intake.opportunity((column) => derived[column] ?? text(record, column), place);
    });
    place.source = 'Control_Snapshot__c';
    (data.byType.get('Control_Snapshot__c') ?? []).forEach((record, i) => {
        place.ordinal = i + 1;
        place.id = text(record, 'Id');
        intake.snapshot((column) => text(record, column), place);
    });
}
