import { to18 } from '../ids';
import { objectOfPrefix } from '../schema';
import { SaveError } from '../values';
import { MAX_COLLECTION_RECORDS } from './collections';
import { HandlerContext, HttpError, sendJson } from './context';

interface PlannedDelete {
    readonly object: string;
    readonly id: string;
}

/**
 * DELETE /composite/sobjects?ids=…&allOrNone=…: up to 200 Ids of any objects, one SaveResult per
 * Id in request order (failed ones carry no id), deleted records go to the recycle bin.
 */
export function collectionsDelete(ctx: HandlerContext): void {
    const raw = ctx.url.searchParams.get('ids');
    if (raw === null || raw.trim() === '') {
        throw new HttpError(400, 'MISSING_ARGUMENT', 'ids: Required parameter is missing');
    }
    const ids = raw.split(',');
    ctx.records = ids.length;
    if (ids.length > MAX_COLLECTION_RECORDS) {
        throw new HttpError(
            400,
            'EXCEEDED_ID_LIMIT',
            `record limit reached. cannot submit more than ${MAX_COLLECTION_RECORDS} records into this call`
        );
    }
    const allOrNone = ctx.url.searchParams.get('allOrNone') === 'true';
    const seen = new Set<string>();
    const plans: Array<PlannedDelete | SaveError[]> = ids.map((id) => {
        const id18 = to18(id.trim());
        const object = id18 ? objectOfPrefix(id18.slice(0, 3)) : undefined;
        if (!id18 || !object) {
            return [{ statusCode: 'MALFORMED_ID', message: `malformed id ${id}`, fields: [] }];
        }
        const table = ctx.store.table(object.name);
        const sequence = table.sequenceOfId(id18);
        if (sequence === null) {
            return [
                {
                    statusCode: 'INVALID_CROSS_REFERENCE_KEY',
                    message: 'invalid cross reference id',
                    fields: []
                }
            ];
        }
        if (table.isDeleted(sequence)) {
            return [{ statusCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [] }];
        }
        if (seen.has(id18)) {
            return [{ statusCode: 'DUPLICATE_VALUE', message: `Duplicate id in list: ${id18}`, fields: [] }];
        }
        seen.add(id18);
        if (
            ctx.fault?.response === 'unableToLockRow' &&
            (!ctx.fault.recordIds || ctx.fault.recordIds.has(id18))
        ) {
            return [
                {
                    statusCode: 'UNABLE_TO_LOCK_ROW',
                    message: `unable to obtain exclusive access to this record or 1 records: ${id18}`,
                    fields: []
                }
            ];
        }
        return { object: object.name, id: id18 };
    });
    const failed = plans.some((p) => Array.isArray(p));
    const results = plans.map((p) => {
        if (Array.isArray(p)) return { success: false, errors: p };
        if (allOrNone && failed) {
            return {
                success: false,
                errors: [
                    {
                        statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
                        message:
                            'Record rolled back because not all records were valid and the request was using AllOrNone header',
                        fields: []
                    }
                ]
            };
        }
        return { id: p.id, success: true, errors: [] };
    });
    if (!(allOrNone && failed)) {
        const deletes = plans.filter((p): p is PlannedDelete => !Array.isArray(p));
        const byObject = new Map<string, string[]>();
        for (const d of deletes) byObject.set(d.object, [...(byObject.get(d.object) ?? []), d.id]);
        for (const [object, list] of byObject) ctx.hooks.beforeWrite?.(object, list);
        const at = ctx.store.clock.tick();
        for (const d of deletes) ctx.store.delete(d.object, d.id, at);
    }
    sendJson(ctx.res, 200, results);
}
