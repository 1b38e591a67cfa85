import { objectNamed } from '../schema';
import { SaveError } from '../values';
import { collectionBody, deserialize, saveResults } from './collections';
import { HandlerContext, HttpError, sendJson } from './context';
import { UpsertWrite, externalIdField, notAnExternalId, planUpsert, repeatedKeys } from './upsert';

/**
 * PATCH /composite/sobjects/{type}/{externalIdField}: up to 200 records of that one type, matched
 * on the external id; one UpsertResult per record in request order, `created` saying whether it
 * was created (true) or updated (false); failed results carry no id; allOrNone rollback.
 */
export function collectionsUpsert(ctx: HandlerContext, typeName: string, fieldName: string): void {
    const object = objectNamed(typeName);
    if (!object) throw new HttpError(404, 'NOT_FOUND', 'The requested resource does not exist');
    const field = externalIdField(object, fieldName);
    if (!field) throw notAnExternalId(fieldName);
    const { records, allOrNone } = collectionBody(ctx);
    const parsed = records.map((raw) => deserialize(raw));
    for (const record of parsed) {
        if (record.object.name !== object.name) {
            throw new HttpError(
                400,
                'INVALID_TYPE',
                `This collection holds ${object.name} records only, not ${record.object.name}`
            );
        }
        if (record.id !== undefined) {
            throw new HttpError(
                400,
                'INVALID_FIELD',
                `An upsert on ${field.name} matches records by that field: leave the record Id out`
            );
        }
    }

    const table = ctx.store.table(object.name);
    const repeated = repeatedKeys(
        field,
        parsed.map((p) => p.values[field.name])
    );
    const claimed = new Map<string, string>();
    const plans: Array<UpsertWrite | SaveError[]> = parsed.map(({ values }) =>
        planUpsert(ctx.store, table, field, values, repeated, claimed, ctx.fault)
    );
    // saveResults wants an id per planned record; a record to create gets its id when written.
    const { results, failed } = saveResults(
        plans.map((p) => (Array.isArray(p) ? p : { id: p.kind === 'update' ? p.id : '' })),
        allOrNone
    );
    if (allOrNone && failed) {
        sendJson(
            ctx.res,
            200,
            results.map((r) => ({ ...r, created: false }))
        );
        return;
    }
    const updates = plans.filter(
        (p): p is Extract<UpsertWrite, { kind: 'update' }> => !Array.isArray(p) && p.kind === 'update'
    );
    if (updates.length > 0)
        ctx.hooks.beforeWrite?.(
            object.name,
            updates.map((u) => u.id)
        );
    const at = ctx.store.clock.tick();
    sendJson(
        ctx.res,
        200,
        plans.map((plan, i) => {
            if (Array.isArray(plan)) return { ...results[i], created: false };
            if (plan.kind === 'update') {
                ctx.store.write(table, plan.sequence, plan.values, at);
                return { id: plan.id, success: true, errors: [], created: false };
            }
            return { id: ctx.store.create(table, plan.values, at), success: true, errors: [], created: true };
        })
    );
}
