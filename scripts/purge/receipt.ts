import { t } from 'c/dealControlModel';
import { CsvFileWriter } from '../shared/csvWriter';
import { PurgeAction } from './options';
import { PlannedRecord } from './plan';

export const RECEIPT_COLUMNS = ['object', 'id', 'opportunity_id', 'action', 'result', 'code'] as const;

export const RECEIPT_ROLE = t('the receipt', '回执文件');

/**
 * What happened to a record: done, failed (with the org's code), planned (a dry run or CSV mode),
 * not sent (the run stopped first) or unknown (a Bulk job was still running at Ctrl-C).
 */
export type ReceiptResult = 'done' | 'failed' | 'planned' | 'not sent' | 'unknown';

/**
 * The purge's receipt: one CSV line per record it deleted, anonymized or would have (Ids only,
 * never a name or a value, so the receipt itself holds no personal data), written to a temporary
 * file and renamed into place when complete.
 */
export class ReceiptWriter {
    private readonly out: CsvFileWriter;

    constructor(readonly file: string) {
        this.out = new CsvFileWriter(file, RECEIPT_COLUMNS, RECEIPT_ROLE);
    }

    line(
        object: string,
        record: PlannedRecord,
        action: PurgeAction,
        result: ReceiptResult,
        code = ''
    ): Promise<void> {
        return this.out.write([object, record.id, record.opportunityId, action, result, code]);
    }

    close(): Promise<void> {
        return this.out.close();
    }

    discard(): Promise<void> {
        return this.out.discard();
    }
}
