import { LocalizedText, RawRecord, comparableDerivedFields, t } from 'c/dealControlModel';
import { fill } from '../shared/i18n';
import {
    RescoreObject,
    SCORECARD_OBJECT,
    STAKEHOLDER_LINK_OBJECT,
    STAKEHOLDER_OBJECT,
    readFields
} from './derived';
import { RescoreEngine } from './engine';

/**
 * What the rescore engine reads, object by object (in any order: it scores each Opportunity once
 * all are read): the fields queried from an org (and required as CSV columns), the optional CSV
 * columns, and how a record is handed to the engine. Org passes, CSV mode and the checks of CSV
 * headers all come from this table, so another input is one more entry and one engine method.
 */
export interface RescoreInput {
    readonly object: RescoreObject;
    /** What the records are, for messages: "stakeholder assessments". */
    readonly label: LocalizedText;
    /** Every field a run reads from the org: Id, the parent, each model input, each derived field. */
    readonly fields: readonly string[];
    /** CSV columns a run can do without (names for people, the scoring time it never compares). */
    readonly optionalColumns: readonly string[];
    /** Hands one record to the engine, which scores it with the rest of its Opportunity. */
    readonly score: (engine: RescoreEngine, record: RawRecord) => void;
    /** CSV mode runs without this file (and says so). */
    readonly optionalFile?: boolean;
}

function input(
    object: RescoreObject,
    label: LocalizedText,
    score: RescoreInput['score'],
    optionalFile = false
): RescoreInput {
    const fields = readFields(object);
    // Required: the Id, the parent, every input and every derived value the model compares (a
    // missing derived column would make every record look changed, a missing input would score
    // every record as unknown). Optional: the name and the scoring time, which nothing compares.
    const compared = new Set(comparableDerivedFields(object));
    const optionalColumns = fields.filter(
        (f) => f === 'Name' || (f.startsWith('Scored_At') && !compared.has(f))
    );
    return { object, label, fields, optionalColumns, score, optionalFile };
}

export const RESCORE_INPUTS: readonly RescoreInput[] = [
    input(STAKEHOLDER_OBJECT, t('stakeholder assessments', '五维评估'), (engine, record) =>
        engine.stakeholder(record)
    ),
    input(SCORECARD_OBJECT, t('C139 scorecards', 'C139 记分卡'), (engine, record) =>
        engine.scorecard(record)
    ),
    // The political map (contract v1.1). CSV mode runs without the file, reading no links, and says so.
    input(
        STAKEHOLDER_LINK_OBJECT,
        t('stakeholder links', '采购决策者关系'),
        (engine, record) => engine.link(record),
        true
    )
];

/** The CSV columns a run needs of an input. */
export function requiredColumns(input: Pick<RescoreInput, 'fields' | 'optionalColumns'>): string[] {
    return input.fields.filter((f) => !input.optionalColumns.includes(f));
}

/** The export command that produces a good CSV file for an input, for messages and the admin guide. */
export function exportCommand(object: string, fields: readonly string[], file: string): string {
    return `sf data export bulk --query "SELECT ${fields.join(', ')} FROM ${object}" --output-file ${file} --result-format csv --target-org <alias>`;
}

export function howToExport(object: string, fields: readonly string[], file: string): LocalizedText {
    return fill(t('Export it again with: {command}', '请用以下命令重新导出：{command}'), {
        command: exportCommand(object, fields, file)
    });
}

/** The optional Opportunity names of CSV mode: only for the table of small runs. */
export const OPPORTUNITY_NAMES = { object: 'Opportunity', fields: ['Id', 'Name'] } as const;
