import '../fakeOrg/jestNodeShim';
import { writeFileSync } from 'node:fs';
import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { Connection } from '@jsforce/jsforce-node';
import { bulkIngest, bulkQuery } from '../../scripts/rescore/bulk';
import { OrgClient } from '../../scripts/rescore/orgClient';
import { tempDir } from './harness';

/**
 * Bulk API 2.0 answers the fake org does not give but a real org (or a proxy) can: an ingest job
 * that fails before processing anything and lists no unprocessed record, results pages with more
 * rows than announced, pages that add up to less than the job processed. A minimal server plays
 * the org; each test says what it answers.
 */

const JOB = '750000000000001AAA';
let server: Server;
afterEach(() => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
});

type Answer = (req: IncomingMessage, res: ServerResponse, body: string) => void;

async function org(answer: Answer): Promise<OrgClient> {
    server = createServer((req, res) => {
        let body = '';
        req.on('data', (d) => (body += d));
        req.on('end', () => {
            res.setHeader('Sforce-Limit-Info', 'api-usage=1/100000');
            answer(req, res, body);
        });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return new OrgClient(new Connection({ instanceUrl: url, accessToken: 't', version: '66.0' }), {
        apiVersion: '66.0',
        retry: { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 1 },
        maxApiCalls: null,
        reservePercent: 10
    });
}

const json = (res: ServerResponse, body: unknown): void => {
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify(body));
};

const settings = {
    retry: { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 1 },
    pollIntervalMs: 1,
    pageSize: 1000,
    signal: new AbortController().signal
};

describe('an ingest job that fails before processing anything and lists nothing', () => {
    it('is sent again as a whole, then each of its rows is reported failed with the org message', async () => {
        const uploads: string[] = [];
        const client = await org((req, res, body) => {
            if (req.method === 'POST') return json(res, { id: JOB, state: 'Open' });
            if (req.method === 'PUT') {
                uploads.push(body);
                res.writeHead(201).end();
                return;
            }
            if (req.method === 'PATCH') return json(res, { id: JOB, state: 'UploadComplete' });
            if (req.url!.includes('unprocessedrecords')) {
                res.setHeader('Content-Type', 'text/csv');
                res.end('"Id","Name"\n');
                return;
            }
            json(res, {
                id: JOB,
                state: 'Failed',
                errorMessage: 'InvalidBatch : Field name not found : Name',
                numberRecordsProcessed: 0,
                numberRecordsFailed: 0
            });
        });
        const file = path.join(tempDir('ingest'), 'rows.csv');
        writeFileSync(file, 'Id,Name\na01000000000001AAA,Stakeholder 1\na01000000000002AAA,Stakeholder 2\n');
        const outcome = await bulkIngest(
            client,
            {
                object: 'Stakeholder_Assessment__c',
                operation: 'update',
                file,
                rows: 2,
                columns: ['Id', 'Name']
            },
            settings,
            (label) => path.join(tempDir('spool'), `${label}.csv`)
        );
        expect(uploads).toHaveLength(2);
        expect(uploads[1]).toBe(uploads[0]);
        expect(outcome.succeeded).toBe(0);
        expect(outcome.failed).toEqual(
            ['a01000000000001AAA', 'a01000000000002AAA'].map((id) => ({
                id,
                code: 'BULK_JOB_FAILED',
                message: 'InvalidBatch : Field name not found : Name'
            }))
        );
        expect(client.retries).toBe(1);
    });
});

describe('results that do not add up', () => {
    async function query(
        pages: Array<{ rows: string[]; declared: number }>,
        processed: number
    ): Promise<OrgClient> {
        let page = 0;
        return org((req, res) => {
            if (req.method === 'POST') return json(res, { id: JOB, state: 'UploadComplete' });
            if (!req.url!.includes('/results'))
                return json(res, { id: JOB, state: 'JobComplete', numberRecordsProcessed: processed });
            const current = pages[Math.min(page, pages.length - 1)];
            page += 1;
            res.writeHead(200, {
                'Content-Type': 'text/csv',
                'Sforce-Locator': page < pages.length ? String(page) : 'null',
                'Sforce-NumberOfRecords': String(current.declared)
            });
            res.end(`"Id"\n${current.rows.map((r) => `"${r}"`).join('\n')}\n`);
        });
    }

    async function read(client: OrgClient): Promise<string[]> {
        const ids: string[] = [];
        for await (const row of bulkQuery(client, 'SELECT Id FROM C139_Scorecard__c', settings))
            ids.push(String(row.Id));
        return ids;
    }

    it('a page with more rows than it announces is refused before its extra row is used', async () => {
        const client = await query([{ rows: ['a1', 'a2', 'a3'], declared: 2 }], 3);
        await expect(read(client)).rejects.toMatchObject({ code: 'BULK_RESULTS_INCOMPLETE' });
    });

    it('pages that each match their count but add up to less than the job processed stop the run', async () => {
        const client = await query(
            [
                { rows: ['a1'], declared: 1 },
                { rows: ['a2'], declared: 1 }
            ],
            3
        );
        await expect(read(client)).rejects.toMatchObject({
            code: 'BULK_RESULTS_INCOMPLETE',
            text: { en: expect.stringContaining('2 rows where the org announced 3') }
        });
    });
});
