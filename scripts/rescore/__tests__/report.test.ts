import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { ReportWriter } from '../report';

describe('the --report file', () => {
    it('quotes long values only up to 200 characters (a 20 MB cell must not become a 20 MB line), and says how long they were', async () => {
        const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'report-')), 'report.csv');
        const report = new ReportWriter(file);
        await report.problem('data', {
            object: 'Stakeholder_Assessment__c',
            id: 'a01',
            code: 'UNKNOWN_VALUE',
            field: 'Influence__c',
            value: 'x'.repeat(5000)
        });
        await report.problem('failure', { object: 'C139_Scorecard__c', id: null, code: 'MISSING_ID' });
        await report.finish(true);
        const rows = parse(readFileSync(file, 'utf8'), { columns: true }) as Array<Record<string, string>>;
        expect(rows[0].detail).toBe(`Influence__c="${'x'.repeat(186)}… (5015 chars)`);
        expect(rows[1]).toEqual({
            kind: 'failure',
            object: 'C139_Scorecard__c',
            id: '',
            opportunity_id: '',
            fields: '',
            code: 'MISSING_ID',
            detail: ''
        });
    });

    it('finish(false) leaves no file behind', async () => {
        const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'report-')), 'report.csv');
        const report = new ReportWriter(file);
        await report.problem('data', { object: 'C139_Scorecard__c', id: 'a02', code: 'NOT_A_BOOLEAN' });
        await report.finish(false);
        expect(() => readFileSync(file)).toThrow();
    });
});
