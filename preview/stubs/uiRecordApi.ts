// lightning/uiRecordApi for the preview: saves go to the in-memory record store.
import { session } from './session';

export function createRecord(recordInput: { apiName?: string; fields: Record<string, unknown> }) {
    return session().store.create(recordInput);
}

export function updateRecord(
    recordInput: { fields: Record<string, unknown> },
    clientOptions?: { ifUnmodifiedSince?: string }
) {
    return session().store.update(recordInput, clientOptions);
}

export function deleteRecord(recordId: string): Promise<void> {
    return session().store.remove(recordId);
}

export async function notifyRecordUpdateAvailable(): Promise<void> {
    // The record page's other components would refresh; the preview has none.
}

export function getFieldValue(
    record: { fields?: Record<string, { value: unknown }> },
    field: string | { fieldApiName: string }
) {
    const name = typeof field === 'string' ? field.split('.').pop()! : field.fieldApiName;
    return record?.fields?.[name]?.value;
}

export class getRecord {
    constructor(private readonly callback: (value: unknown) => void) {}
    update(): void {
        this.callback({
            data: undefined,
            error: { body: { message: 'getRecord is not used by Deal Control' } }
        });
    }
    connect(): void {}
    disconnect(): void {}
}
