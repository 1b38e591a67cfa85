import { to18 } from '../ids';
import { objectOfPrefix } from '../schema';
import { SaveError } from '../values';
import { MAX_COLLECTION_RECORDS, existingRecord, recordFault, saveResults } from './collections';
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
        const found = existingRecord(ctx.store.table(object.name), id18, seen);
        if (Array.isArray(found)) return found;
        const locked = recordFault(ctx.fault, id18);
        return locked.length > 0 ? locked : { object: object.name, id: id18 };
    });
    const { results, failed } = saveResults(plans, allOrNone);
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
