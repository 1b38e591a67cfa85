import path from 'node:path';
import { LocalizedText, t } from 'c/dealControlModel';
import { readCsvTable } from '../shared/csvTable';
import { CliError, throwIfAborted } from '../shared/errors';
import { fill } from '../shared/i18n';
import { checkInputDir, inputFileExists, prepareOutputDir } from '../shared/paths';
import { normalizeRecordId } from '../shared/recordId';
import { IngestFileWriter } from '../rescore/ingestFile';
import { howToExport } from '../rescore/inputs';
import { OpportunityFacts, purgeable, refuseNamed } from './opportunities';
import { PurgeOptions } from './options';
import { ObjectTally, PurgeOutcome, emptyTally } from './outcome';
import { PERSONAL_DATA, PersonalDataObject, anonymizedFields } from './personalData';
import { ObjectPlan } from './plan';
import { ReceiptWriter } from './receipt';

export const OPPORTUNITY_COLUMNS = ['Id', 'IsClosed', 'CloseDate', 'StageName'] as const;

const EXPORT_ROLE = t('the CSV export', 'CSV 导出文件');
const OUTPUT_ROLE = t('the output file', '输出文件');

/** The files CSV mode reads from --input-dir and writes to --output-dir. */
export function purgeFiles(
    inputDir: string,
    outputDir: string | null
): { inputs: string[]; outputs: string[] } {
    return {
        inputs: [
            path.join(inputDir, 'Opportunity.csv'),
            ...PERSONAL_DATA.map((e) => path.join(inputDir, `${e.object}.csv`))
        ],
        outputs: outputDir ? PERSONAL_DATA.map((e) => path.join(outputDir, `${e.object}.csv`)) : []
    };
}

function requireFile(file: string, object: string, fields: readonly string[], label: LocalizedText): void {
    if (inputFileExists(file, EXPORT_ROLE)) return;
    throw new CliError(
        'MISSING_FILE',
        fill(t('{file} is missing: CSV mode needs the {label}.', '缺少 {file}：CSV 模式需要{label}。'), {
            file,
            label
        }),
        { actions: [howToExport(object, fields, file)] }
    );
}

function badCell(file: string, line: number, column: string, value: string, expected: string): CliError {
    return new CliError(
        'MALFORMED_CSV',
        fill(
            t(
                '{file} line {line}: "{value}" in the {column} column is not {expected}.',
                '{file} 第 {line} 行：{column} 列中的 "{value}" 不是{expected}。'
            ),
            {
                file,
                line,
                value: value.slice(0, 40),
                column,
                expected
            }
        ),
        {
            actions: [
                t(
                    'Fix that row (or export the file again) and rerun. Nothing was written.',
                    '请修正该行（或重新导出文件）后重新运行。未写入任何内容。'
                )
            ]
        }
    );
}

async function readOpportunities(file: string): Promise<Map<string, OpportunityFacts>> {
    const found = new Map<string, OpportunityFacts>();
    for await (const { record, line } of readCsvTable({
        file,
        role: EXPORT_ROLE,
        required: ['Id', 'IsClosed', 'CloseDate'],
        optional: ['StageName'],
        howToExport: howToExport('Opportunity', OPPORTUNITY_COLUMNS, file)
    })) {
        const closed = record.IsClosed.trim().toLowerCase();
        if (closed !== 'true' && closed !== 'false')
            throw badCell(file, line, 'IsClosed', record.IsClosed, 'true or false');
        const date = record.CloseDate.trim();
        if (date !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(date))
            throw badCell(file, line, 'CloseDate', record.CloseDate, 'a date like 2024-12-31');
        // readCsvTable has checked the Id; the 18-character form matches Opportunity__c values of either length.
        const id = normalizeRecordId(record.Id)!;
        found.set(id, {
            id,
            isClosed: closed === 'true',
            closeDate: date === '' ? null : date,
            stage: record.StageName?.trim() || null
        });
    }
    return found;
}

function columnsOf(
    entry: PersonalDataObject,
    anonymize: boolean
): { required: string[]; optional: string[] } {
    return { required: ['Id', entry.opportunityField], optional: anonymize ? anonymizedFields(entry) : [] };
}

/**
 * Purges CSV exports: reads Opportunity.csv and each personal-data export, and writes to
 * --output-dir one file per object for `sf data delete bulk` (Id) or `sf data update bulk` (Id and
 * the anonymized fields, #N/A to blank), plus the receipt. Without --output-dir it only counts.
 * Files appear only when the whole run succeeded.
 */
export async function purgeCsv(
    options: PurgeOptions,
    signal: AbortSignal,
    receiptFile: string | null
): Promise<PurgeOutcome> {
    const started = Date.now();
    const inputDir = (options.source as { dir: string }).dir;
    checkInputDir(inputDir, '--input-dir');
    const files = purgeFiles(inputDir, options.outputDir);
    requireFile(
        files.inputs[0],
        'Opportunity',
        OPPORTUNITY_COLUMNS,
        t('Opportunities (Id, IsClosed, CloseDate)', '业务机会（Id、IsClosed、CloseDate）')
    );
    PERSONAL_DATA.forEach((entry, i) => {
        const { required, optional } = columnsOf(entry, options.action === 'anonymize');
        requireFile(files.inputs[i + 1], entry.object, [...required, ...optional], entry.label);
    });

    const opportunities = await readOpportunities(files.inputs[0]);
    let ids: Set<string>;
    let keptOpen = 0;
    if (options.opportunityIds) {
        refuseNamed(options.opportunityIds, opportunities, options.closedBefore);
        ids = new Set(options.opportunityIds);
    } else {
        ids = new Set();
        for (const o of opportunities.values()) {
            if (purgeable(o, options.closedBefore)) ids.add(o.id);
            else if (!o.isClosed && o.closeDate !== null && o.closeDate < options.closedBefore) keptOpen += 1;
        }
    }

    const objects: Record<string, ObjectTally> = {};
    const plans: ObjectPlan[] = [];
    for (const [i, entry] of PERSONAL_DATA.entries()) {
        const plan = new ObjectPlan(entry, options.action);
        const { required, optional } = columnsOf(entry, options.action === 'anonymize');
        for await (const { record } of readCsvTable({
            file: files.inputs[i + 1],
            role: EXPORT_ROLE,
            required,
            optional,
            howToExport: howToExport(entry.object, [...required, ...optional], files.inputs[i + 1])
        })) {
            throwIfAborted(signal);
            const parent = normalizeRecordId(record[entry.opportunityField]);
            if (parent !== null && ids.has(parent))
                plan.add({ ...record, Id: normalizeRecordId(record.Id)!, [entry.opportunityField]: parent });
        }
        const records = plan.records();
        objects[entry.object] = {
            ...emptyTally(),
            planned: records.length,
            alreadyAnonymized: plan.alreadyAnonymized
        };
        plans.push(plan);
    }

    if (options.outputDir) prepareOutputDir(options.outputDir, '--output-dir', OUTPUT_ROLE);
    const writers = options.outputDir
        ? plans.map((plan, i) => new IngestFileWriter(files.outputs[i], plan.columns(), OUTPUT_ROLE))
        : [];
    const receipt = receiptFile ? new ReceiptWriter(receiptFile) : null;
    try {
        for (const [i, plan] of plans.entries()) {
            for (const record of plan.records()) {
                await writers[i]?.write(plan.row(record));
                await receipt?.line(plan.entry.object, record, options.action, 'planned');
            }
        }
        throwIfAborted(signal);
        for (const writer of writers) await writer.close();
        await receipt?.close();
    } catch (error) {
        await Promise.all([...writers.map((w) => w.discard()), receipt?.discard()]);
        throw error;
    }
    const warnings: LocalizedText[] =
        keptOpen > 0
            ? [
                  fill(
                      t(
                          '{n} open Opportunities have a close date before {date}; their assessments were kept (purge never touches open deals).',
                          '{n} 个未关闭的业务机会的预计关闭日期早于 {date}；其五维评估已保留（清除从不处理未关闭的业务机会）。'
                      ),
                      { n: keptOpen, date: options.closedBefore }
                  )
              ]
            : [];
    return {
        summary: {
            mode: 'csv',
            source: 'csv',
            action: options.action,
            closedBefore: options.closedBefore,
            opportunities: { purged: ids.size, keptOpen },
            objects,
            transport: 'none',
            receipt: receiptFile,
            outputDir: options.outputDir,
            apiCalls: null,
            apiUsage: null,
            retries: 0,
            elapsedMs: Date.now() - started,
            stopped: null
        },
        warnings
    };
}
