import { LocalizedText, RawRecord, t } from 'c/dealControlModel';
import { CliError, INTERRUPTED, throwIfAborted } from '../shared/errors';
import { fill, say } from '../shared/i18n';
import { BulkSettings, bulkIngest } from '../rescore/bulk';
import { Connector, openOrg } from '../rescore/connect';
import { IngestFileWriter } from '../rescore/ingestFile';
import { API_BUDGET, OrgClient, orgError } from '../rescore/orgClient';
import { OrgReader, Via } from '../rescore/orgReads';
import { RestWriter } from '../rescore/restWriter';
import { writeCollection } from '../rescore/rest';
import { RetryPolicy } from '../rescore/retry';
import { idList, soqlName } from '../rescore/soql';
import { OpportunityFacts, purgeable, refuseNamed } from './opportunities';
import { PurgeOptions } from './options';
import { ObjectTally, PurgeOutcome, PurgeSummary, emptyTally } from './outcome';
import { PERSONAL_DATA } from './personalData';
import { ObjectPlan, PlannedRecord } from './plan';
import { ReceiptResult, ReceiptWriter } from './receipt';

/** IN lists of this many Opportunity Ids per REST query; above READ_WHOLE_ABOVE Opportunities, read the object whole. */
const IN_LIST_SIZE = 200;
const READ_WHOLE_ABOVE = 2000;

const SPOOL_ROLE = t('the temporary upload file', '临时上传文件');

function chunk<T>(items: readonly T[], size: number): T[][] {
    const out: T[][] = [];
    for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
    return out;
}

function facts(row: RawRecord): OpportunityFacts {
    const closed = row.IsClosed;
    return {
        id: String(row.Id),
        isClosed: closed === true || String(closed).toLowerCase() === 'true',
        closeDate: row.CloseDate ? String(row.CloseDate).slice(0, 10) : null,
        stage: row.StageName ? String(row.StageName) : null
    };
}

/** The Opportunities to purge, and how many open ones with an earlier close date are kept. */
async function opportunitiesToPurge(
    reader: OrgReader,
    options: PurgeOptions,
    bulkThreshold: number
): Promise<{ ids: string[]; keptOpen: number }> {
    const before = options.closedBefore;
    if (options.opportunityIds) {
        const found = new Map<string, OpportunityFacts>();
        for (const ids of chunk(options.opportunityIds, IN_LIST_SIZE)) {
            for await (const row of reader.records(
                `SELECT Id, IsClosed, CloseDate, StageName FROM Opportunity WHERE Id IN ${idList(ids)}`,
                'rest'
            )) {
                found.set(String(row.Id), facts(row));
            }
        }
        refuseNamed(options.opportunityIds, found, before);
        return { ids: [...options.opportunityIds], keptOpen: 0 };
    }
    // CloseDate and IsClosed are what Salesforce keeps for every deal; a date literal needs no quotes.
    const closedWhere = `IsClosed = true AND CloseDate < ${before}`;
    const closed = await countWhere(reader, 'Opportunity', closedWhere);
    const keptOpen = await countWhere(reader, 'Opportunity', `IsClosed = false AND CloseDate < ${before}`);
    const via: Via =
        options.transport === 'rest' || (options.transport === 'auto' && closed <= bulkThreshold)
            ? 'rest'
            : 'bulk';
    const ids: string[] = [];
    if (closed > 0) {
        for await (const row of reader.records(
            `SELECT Id, IsClosed, CloseDate FROM Opportunity WHERE ${closedWhere}`,
            via
        )) {
            if (purgeable(facts(row), before)) ids.push(String(row.Id));
        }
    }
    return { ids, keptOpen };
}

function countWhere(reader: OrgReader, object: string, where: string): Promise<number> {
    return reader.countSoql(`SELECT COUNT() FROM ${soqlName(object)} WHERE ${where}`);
}

/** Reads the records of one personal-data object that belong to the Opportunities. */
async function readPlan(
    reader: OrgReader,
    plan: ObjectPlan,
    opportunityIds: readonly string[],
    via: Via
): Promise<void> {
    const object = soqlName(plan.entry.object);
    const parent = soqlName(plan.entry.opportunityField);
    const select = `SELECT ${plan.fields().map(soqlName).join(', ')} FROM ${object}`;
    if (opportunityIds.length > READ_WHOLE_ABOVE) {
        const wanted = new Set(opportunityIds);
        for await (const row of reader.records(select, via)) {
            if (wanted.has(String(row[plan.entry.opportunityField] ?? ''))) plan.add(row);
        }
        return;
    }
    for (const ids of chunk(opportunityIds, IN_LIST_SIZE)) {
        for await (const row of reader.records(`${select} WHERE ${parent} IN ${idList(ids)}`, 'rest'))
            plan.add(row);
    }
}

interface WriteContext {
    readonly client: OrgClient;
    readonly retry: RetryPolicy;
    readonly bulk: BulkSettings;
    readonly options: PurgeOptions;
    readonly signal: AbortSignal;
    readonly tempFile: (label: string) => string;
}

/** What became of each planned record of one object. */
type Results = Map<string, { result: ReceiptResult; code: string }>;

async function writeRest(
    ctx: WriteContext,
    plan: ObjectPlan,
    records: readonly PlannedRecord[],
    results: Results
): Promise<void> {
    const operation = plan.action === 'delete' ? 'delete' : 'update';
    const writer = new RestWriter(
        (batch) => writeCollection(ctx.client, plan.entry.object, operation, batch, ctx.retry),
        ctx.options.concurrency,
        (outcome) => {
            for (const id of outcome.succeeded) results.set(id, { result: 'done', code: '' });
            for (const f of outcome.failed) results.set(f.id, { result: 'failed', code: f.code });
        },
        ctx.signal
    );
    try {
        for (const record of records) await writer.add(plan.row(record));
        await writer.flush();
    } catch (error) {
        await writer.settle();
        throw error;
    }
}

async function writeBulk(
    ctx: WriteContext,
    plan: ObjectPlan,
    records: readonly PlannedRecord[],
    results: Results
): Promise<void> {
    const file = ctx.tempFile(plan.entry.object);
    const writer = new IngestFileWriter(file, plan.columns(), SPOOL_ROLE);
    for (const record of records) await writer.write(plan.row(record));
    await writer.close();
    throwIfAborted(ctx.signal);
    try {
        const outcome = await bulkIngest(
            ctx.client,
            {
                object: plan.entry.object,
                operation: plan.action === 'delete' ? 'delete' : 'update',
                file,
                rows: records.length,
                columns: plan.columns()
            },
            ctx.bulk,
            ctx.tempFile
        );
        const failed = new Map(outcome.failed.map((f) => [f.id, f.code]));
        for (const record of records) {
            const code = failed.get(record.id);
            results.set(
                record.id,
                code === undefined ? { result: 'done', code: '' } : { result: 'failed', code }
            );
        }
    } catch (error) {
        // Ctrl-C while the job ran: the org may finish it on its own, so these records are "unknown".
        if (error instanceof CliError && error.code === INTERRUPTED) {
            for (const record of records)
                if (!results.has(record.id)) results.set(record.id, { result: 'unknown', code: '' });
        }
        throw error;
    }
}

/**
 * Purges an org: find the Opportunities closed before the date (refusing named ones that are open
 * or too recent), read the assessments of those deals, and with --apply delete or anonymize them,
 * object by object in the table's order, by REST below --bulk-threshold records and Bulk API 2.0
 * above. The receipt lists every record planned and what became of it.
 */
export async function purgeOrg(
    options: PurgeOptions,
    signal: AbortSignal,
    receiptFile: string | null,
    connect?: Connector
): Promise<PurgeOutcome> {
    const started = Date.now();
    const { client, retry, bulk, reader, tempFile, close } = await openOrg(options, signal, connect);
    const ctx: WriteContext = { client, retry, bulk, options, signal, tempFile };
    const objects: Record<string, ObjectTally> = {};
    const warnings: LocalizedText[] = [];
    let transport: PurgeSummary['transport'] = 'none';
    let stopped: PurgeSummary['stopped'] = null;
    let opportunities = { purged: 0, keptOpen: 0 };
    const plans: Array<{ plan: ObjectPlan; records: readonly PlannedRecord[]; results: Results }> = [];
    const receipt = receiptFile ? new ReceiptWriter(receiptFile) : null;
    try {
        try {
            const found = await opportunitiesToPurge(reader, options, options.bulkThreshold);
            opportunities = { purged: found.ids.length, keptOpen: found.keptOpen };
            if (found.keptOpen > 0) {
                warnings.push(
                    fill(
                        t(
                            '{n} open Opportunities have a close date before {date}; their assessments were kept (purge never touches open deals). Close or update them in Salesforce.',
                            '{n} 个未关闭的业务机会的预计关闭日期早于 {date}；其五维评估已保留（清除从不处理未关闭的业务机会）。请在 Salesforce 中关闭或更新它们。'
                        ),
                        { n: found.keptOpen, date: options.closedBefore }
                    )
                );
            }
            const readVia: Via =
                options.transport === 'bulk' ||
                (options.transport === 'auto' && found.ids.length > READ_WHOLE_ABOVE)
                    ? 'bulk'
                    : 'rest';
            for (const entry of PERSONAL_DATA) {
                const plan = new ObjectPlan(entry, options.action);
                if (found.ids.length > 0) await readPlan(reader, plan, found.ids, readVia);
                const records = plan.records();
                objects[entry.object] = {
                    ...emptyTally(),
                    planned: records.length,
                    alreadyAnonymized: plan.alreadyAnonymized
                };
                plans.push({ plan, records, results: new Map() });
            }
            if (options.apply) {
                for (const { plan, records, results } of plans) {
                    if (records.length === 0) continue;
                    const via: Via =
                        options.transport === 'bulk' ||
                        (options.transport === 'auto' && records.length > options.bulkThreshold)
                            ? 'bulk'
                            : 'rest';
                    transport = via;
                    await (via === 'bulk' ? writeBulk : writeRest)(ctx, plan, records, results);
                }
            }
        } catch (error) {
            if (!(error instanceof CliError && (error.code === API_BUDGET || error.code === INTERRUPTED)))
                throw orgError(error);
            stopped = {
                code: error.code,
                message: say(error.text),
                resume: say(
                    t(
                        'Run the same command again to finish: records already deleted or anonymized are not found or not changed again. The receipt lists what was done.',
                        '再次运行同一命令即可完成：已删除或已匿名化的记录不会再被找到或修改。回执列出了已完成的内容。'
                    )
                )
            };
        }
        for (const { plan, records, results } of plans) {
            const tally = objects[plan.entry.object];
            for (const record of records) {
                const outcome = options.apply
                    ? (results.get(record.id) ?? { result: 'not sent' as const, code: '' })
                    : { result: 'planned' as const, code: '' };
                if (outcome.result === 'done') tally.done += 1;
                else if (outcome.result === 'failed') tally.failed += 1;
                else if (outcome.result === 'not sent') tally.notSent += 1;
                else if (outcome.result === 'unknown') tally.unknown += 1;
                await receipt?.line(plan.entry.object, record, options.action, outcome.result, outcome.code);
            }
        }
        await receipt?.close();
    } catch (error) {
        await receipt?.discard();
        throw error;
    } finally {
        close();
    }
    return {
        summary: {
            mode: options.apply ? 'apply' : 'dry-run',
            source: 'org',
            action: options.action,
            closedBefore: options.closedBefore,
            opportunities,
            objects,
            transport,
            receipt: receiptFile,
            outputDir: null,
            apiCalls: client.apiCalls,
            apiUsage: client.limitInfo,
            retries: client.retries,
            elapsedMs: Date.now() - started,
            stopped
        },
        warnings
    };
}
