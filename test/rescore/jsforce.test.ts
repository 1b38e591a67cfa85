import { readFileSync, writeFileSync } from 'node:fs';
import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import path from 'node:path';
import { AddressInfo } from 'node:net';
import { Connection as CoreConnection } from '@salesforce/core';
import { Connection } from '@jsforce/jsforce-node';
import { MODEL_VERSION } from 'c/dealControlModel';
import { FakeOrg } from '../fakeOrg';
import { bulkIngest, bulkQuery } from '../../scripts/rescore/bulk';
import { OrgClient } from '../../scripts/rescore/orgClient';
import { CLIENT_ID, Connector, connectOrg } from '../../scripts/rescore/orgRun';
import { parseOptions } from '../../scripts/rescore/options';
import { restCount } from '../../scripts/rescore/rest';
import { SA, SC, addDeal, rescore, tempDir, withOrg } from './harness';

const RETRY = { maxRetries: 3, baseDelayMs: 1, maxDelayMs: 1 };

function clientFor(conn: Connection, maxRetries = RETRY.maxRetries): OrgClient {
    return new OrgClient(conn, {
        apiVersion: '66.0',
        retry: { ...RETRY, maxRetries },
        maxApiCalls: null,
        reservePercent: 10
    });
}

/** A Connection like the one @salesforce/core gives for sf CLI auth: it can get a new token. */
function renewable(org: FakeOrg, token: () => string, onRefresh: () => void = () => undefined): Connector {
    return async () =>
        new Connection({
            instanceUrl: org.url,
            accessToken: 'stale-token',
            version: '66.0',
            refreshFn: (_conn, callback) => {
                onRefresh();
                callback(null, token());
            }
        });
}

describe('one copy of jsforce', () => {
    it('the script loads the same @jsforce/jsforce-node as @salesforce/core (the transport reaches into its internals)', () => {
        const fromCore = require.resolve('@jsforce/jsforce-node', {
            paths: [path.dirname(require.resolve('@salesforce/core'))]
        });
        expect(require.resolve('@jsforce/jsforce-node')).toBe(fromCore);
        // Pinned exactly: a minor release may change the internals MeteredTransport overrides.
        const pkg = JSON.parse(readFileSync(path.join(__dirname, '../../package.json'), 'utf8'));
        expect(pkg.devDependencies['@jsforce/jsforce-node']).toMatch(/^\d+\.\d+\.\d+$/);
        expect(pkg.devDependencies.jsforce).toBeUndefined();
    });
});

describe('requests go through jsforce', () => {
    let server: Server;
    const seen: Array<{ method: string; url: string; headers: Record<string, unknown> }> = [];
    afterEach(() => new Promise((resolve) => server.close(resolve)));

    it('with the access token, the script as client (Sforce-Call-Options) and the org limits read back', async () => {
        server = createServer((req, res) => {
            seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
            res.setHeader('Content-Type', 'application/json');
            res.setHeader('Sforce-Limit-Info', 'api-usage=123/5000');
            res.end(JSON.stringify({ totalSize: 42, done: true, records: [] }));
        });
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
        const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        const options = parseOptions([], { SF_INSTANCE_URL: url, SF_ACCESS_TOKEN: 'token-1' }, '.');
        const client = clientFor(await connectOrg(options));

        expect(await restCount(client, 'SELECT COUNT() FROM C139_Scorecard__c')).toBe(42);
        expect(seen).toHaveLength(1);
        expect(seen[0].method).toBe('GET');
        // The explicit API version, not jsforce's default 50.0.
        expect(seen[0].url).toBe(
            `/services/data/v66.0/query?q=${encodeURIComponent('SELECT COUNT() FROM C139_Scorecard__c')}`
        );
        expect(seen[0].headers.authorization).toBe('Bearer token-1');
        expect(seen[0].headers['sforce-call-options']).toBe(`client=${CLIENT_ID}`);
        expect(client.limitInfo).toEqual({ used: 123, max: 5000 });
        expect(client.callsByKind).toEqual({ count: 1 });
    });
});

describe('API calls are counted exactly, retries neither doubled nor hidden', () => {
    let org: FakeOrg;
    afterEach(() => org.close());

    it('a GET that keeps failing is sent 1 + --max-retries times, not multiplied by jsforce retrying it too', async () => {
        org = await withOrg();
        // jsforce's transport on its own retries a GET on 503 five times; here only the script retries.
        org.faults.add({ kind: 'query', times: 10, response: 'http503' });
        const client = clientFor(
            new Connection({ instanceUrl: org.url, accessToken: org.accessToken, version: '66.0' }),
            1
        );
        await expect(restCount(client, 'SELECT COUNT() FROM C139_Scorecard__c')).rejects.toMatchObject({
            status: 503,
            errorCode: 'SERVER_UNAVAILABLE'
        });
        expect(org.log.filter((e) => e.kind === 'query')).toHaveLength(2);
        expect(client.apiCalls).toBe(2);
        expect(client.retries).toBe(1);
    });

    it.each([['--rest'], ['--bulk']])(
        "every request the org saw is in the run's API call count (%s, with faults on reads and writes)",
        async (transport) => {
            org = await withOrg({ bulkJobPollsUntilComplete: 1 });
            for (let i = 0; i < 3; i += 1)
                addDeal(org, [{ Attitude_To_Us__c: 'Mentor' }], { Coach__c: 'Identified' });
            const faults =
                transport === '--rest'
                    ? [
                          { kind: 'query', times: 1, response: 'http503' as const },
                          { kind: 'collectionsUpdate', times: 1, response: 'resetConnection' as const },
                          { kind: 'queryMore', times: 1, response: 'http500' as const }
                      ]
                    : [
                          { kind: 'bulkQueryResults', times: 2, response: 'http503' as const },
                          { kind: 'bulkQueryPoll', times: 1, response: 'resetConnection' as const },
                          { kind: 'ingestUpload', times: 1, response: 'http500' as const }
                      ];
            for (const fault of faults) org.faults.add(fault);
            const r = await rescore(org, [transport, '--apply', '--json', '--state-dir', tempDir('state')]);
            expect(r.code).toBe(0);
            const sent = org.log.filter((e) => e.kind !== 'versions');
            expect(r.json.result.apiCalls).toBe(sent.length);
            const faulted = org.log.filter((e) => e.fault).length;
            // A fault on a queryMore that never happens (one page) is not used: count what was.
            expect(r.json.result.retries).toBe(faulted);
            expect(faulted).toBeGreaterThanOrEqual(2);
            const kinds = r.json.result.apiCallsByKind as Record<string, number>;
            expect(Object.values(kinds).reduce((a, b) => a + b, 0)).toBe(sent.length);
            // The fake names kinds its own way; the writes, retried ones included, must match one to one.
            const fakeWrites = org.log.filter((e) =>
                /^(collectionsUpdate|ingestUpload)$/.test(e.kind)
            ).length;
            expect((kinds.collections ?? 0) + (kinds.bulkIngestUpload ?? 0)).toBe(fakeWrites);
        }
    );
});

describe("session renewal through the Connection's refresh delegate (--target-org auth)", () => {
    let org: FakeOrg;
    afterEach(() => org.close());

    it.each([
        ['--rest', 'collectionsUpdate'],
        ['--bulk', 'bulkQueryResults'],
        ['--bulk', 'ingestUpload']
    ])('%s: a session that expires during %s is renewed and the run carries on', async (transport, kind) => {
        org = await withOrg();
        const deal = addDeal(org, [{ Attitude_To_Us__c: 'Mentor' }], { Coach__c: 'Identified' });
        let refreshes = 0;
        org.faults.add({ kind, times: 1, response: 'expiredSession' });
        const r = await rescore(org, [transport, '--apply', '--json', '--state-dir', tempDir('state')], {
            connect: renewable(
                org,
                () => org.accessToken,
                () => (refreshes += 1)
            )
        });
        expect(r.code).toBe(0);
        // One renewal for the stale token the run starts with, one for the session that expired mid-run.
        expect(refreshes).toBe(2);
        expect(r.json.result.sessionRefreshes).toBe(2);
        expect(org.store.get(SA, deal.stakeholderIds[0])!.Support_Index__c).toBe(2);
        expect(org.store.get(SC, deal.scorecardId)!.Model_Version__c).toBe(MODEL_VERSION);
    });

    it('a session the org refuses even after a renewal ends with exit 3 and the login command', async () => {
        org = await withOrg();
        addDeal(org, [{ Attitude_To_Us__c: 'Mentor' }], {});
        let refreshes = 0;
        const r = await rescore(org, ['--rest', '--state-dir', tempDir('state'), '--lang', 'en'], {
            connect: renewable(
                org,
                () => 'still-wrong',
                () => (refreshes += 1)
            )
        });
        expect(r.code).toBe(3);
        expect(r.stderr).toContain('refused the session even after a refresh');
        expect(r.stderr).toContain('sf org login web');
        // The two counts go out side by side: each is refused, one renewal serves both, each is
        // refused once more, and that is the end (no renewal loop).
        expect(refreshes).toBe(1);
        const sent = org.log.filter((e) => e.kind !== 'versions');
        expect(sent.every((e) => e.status === 401)).toBe(true);
        expect(sent.length).toBeLessThanOrEqual(4);
        for (const object of [SA, SC]) {
            expect(sent.filter((e) => e.path.includes(object)).length).toBeLessThanOrEqual(2);
        }
    });
});

describe("@salesforce/core's Connection (what --target-org uses)", () => {
    let org: FakeOrg;
    afterEach(() => org.close());

    /**
     * The class org.getConnection() returns (it extends @jsforce/jsforce-node's Connection and adds
     * the sf CLI's headers to conn.request), built here from a stub AuthInfo because the fake org
     * has no OAuth endpoints for Org.create to resolve a username. In real use the refreshFn comes
     * from the CLI's stored auth.
     */
    function coreConnector(onRefresh: () => void): Connector {
        return async () => {
            const conn = new CoreConnection({
                authInfo: { getUsername: () => 'admin@example.com' } as never,
                connectionOptions: {
                    instanceUrl: org.url,
                    accessToken: 'stale-token',
                    version: '66.0',
                    refreshFn: (_conn: unknown, callback: (error: Error | null, token?: string) => void) => {
                        onRefresh();
                        callback(null, org.accessToken);
                    }
                }
            });
            await conn.init();
            return conn as unknown as Connection;
        };
    }

    it.each([['--rest'], ['--bulk']])(
        '%s --apply runs on it, renews its session, and counts every request',
        async (transport) => {
            org = await withOrg();
            const deal = addDeal(org, [{ Attitude_To_Us__c: 'Mentor' }], { Coach__c: 'Identified' });
            org.faults.add({
                kind: transport === '--rest' ? 'collectionsUpdate' : 'ingestUpload',
                times: 1,
                response: 'expiredSession'
            });
            let refreshes = 0;
            const r = await rescore(org, [transport, '--apply', '--json', '--state-dir', tempDir('state')], {
                connect: coreConnector(() => (refreshes += 1))
            });
            expect(r.code).toBe(0);
            expect(refreshes).toBe(2);
            expect(r.json.result.apiCalls).toBe(org.log.filter((e) => e.kind !== 'versions').length);
            expect(org.store.get(SA, deal.stakeholderIds[0])!.Support_Index__c).toBe(2);
            expect(org.store.get(SC, deal.scorecardId)!.Model_Version__c).toBe(MODEL_VERSION);
        }
    );
});

describe('Bulk result pages are streamed, not buffered', () => {
    let server: Server;
    afterEach(() => {
        server.closeAllConnections();
        return new Promise((resolve) => server.close(resolve));
    });

    /** A minimal Bulk API 2.0 query endpoint whose result body comes in two parts, the second on demand. */
    async function bulkServer(
        secondPart: (send: () => void, attempt: number, breakConnection: () => void) => void
    ): Promise<string> {
        let attempts = 0;
        server = createServer((req, res) => {
            res.setHeader('Sforce-Limit-Info', 'api-usage=1/100000');
            if (req.method === 'POST') {
                res.setHeader('Content-Type', 'application/json');
                res.end(JSON.stringify({ id: '750000000000001AAA', state: 'UploadComplete' }));
            } else if (!req.url!.includes('/results')) {
                res.setHeader('Content-Type', 'application/json');
                res.end(JSON.stringify({ id: '750000000000001AAA', state: 'JobComplete' }));
            } else {
                attempts += 1;
                res.writeHead(200, { 'Content-Type': 'text/csv', 'Sforce-Locator': 'null' });
                res.write('"Id","Name"\n"a1","First"\n"a2","Second"\n"a3","Third"\n');
                secondPart(
                    () => res.end('"a4","Fourth"\n'),
                    attempts,
                    () => res.socket?.destroy()
                );
            }
        });
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
        return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    }

    const settings = (bodyIdleTimeoutMs?: number) => ({
        retry: RETRY,
        pollIntervalMs: 1,
        pageSize: 1000,
        signal: new AbortController().signal,
        bodyIdleTimeoutMs
    });

    it('yields the first rows of a page while the org is still sending it', async () => {
        const held: { release: (() => void) | null } = { release: null };
        const url = await bulkServer((send) => (held.release = send));
        const client = clientFor(new Connection({ instanceUrl: url, accessToken: 't', version: '66.0' }));
        const names: string[] = [];
        let sentWhenFirstRowArrived: boolean | null = null;
        for await (const row of bulkQuery(client, 'SELECT Id, Name FROM C139_Scorecard__c', settings())) {
            names.push(String(row.Name));
            // The page is not complete yet: a buffering client could not have handed out this row.
            sentWhenFirstRowArrived ??= held.release === null;
            held.release?.();
            held.release = null;
        }
        expect(sentWhenFirstRowArrived).toBe(false);
        expect(names).toEqual(['First', 'Second', 'Third', 'Fourth']);
        expect(client.callsByKind).toEqual({ bulkQueryCreate: 1, bulkQueryPoll: 1, bulkQueryResults: 1 });
    });

    it('a page whose body stalls is fetched again and the rows already read are skipped', async () => {
        // First attempt: the second part never comes. Second attempt: the whole page.
        const url = await bulkServer((send, attempt) => {
            if (attempt > 1) send();
        });
        const client = clientFor(new Connection({ instanceUrl: url, accessToken: 't', version: '66.0' }));
        const names: string[] = [];
        for await (const row of bulkQuery(client, 'SELECT Id, Name FROM C139_Scorecard__c', settings(200))) {
            names.push(String(row.Name));
        }
        expect(names).toEqual(['First', 'Second', 'Third', 'Fourth']);
        expect(client.callsByKind.bulkQueryResults).toBe(2);
        expect(client.retries).toBe(1);
    });

    it('a connection that breaks half-way through a page is retried, not fatal', async () => {
        const url = await bulkServer((send, attempt, breakConnection) =>
            attempt > 1 ? send() : setTimeout(breakConnection, 20)
        );
        const client = clientFor(new Connection({ instanceUrl: url, accessToken: 't', version: '66.0' }));
        const names: string[] = [];
        for await (const row of bulkQuery(client, 'SELECT Id, Name FROM C139_Scorecard__c', settings())) {
            names.push(String(row.Name));
        }
        expect(names).toEqual(['First', 'Second', 'Third', 'Fourth']);
        expect(client.callsByKind.bulkQueryResults).toBe(2);
    });
});

/**
 * Bulk API 2.0 answers the fake org does not give but a real org (or a proxy) can: an ingest job
 * that fails before processing anything and lists no unprocessed record, results pages with more
 * rows than announced, pages that add up to less than the job processed. A minimal server plays
 * the org; each test says what it answers.
 */

describe('Bulk API 2.0 answers the fake org does not give', () => {
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
            writeFileSync(
                file,
                'Id,Name\na01000000000001AAA,Stakeholder 1\na01000000000002AAA,Stakeholder 2\n'
            );
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
});
