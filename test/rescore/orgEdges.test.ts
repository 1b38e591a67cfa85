import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { FakeOrg } from '../fakeOrg';
import { addDeal, rescore, tempDir, withOrg } from './harness';

/** Org runs that cannot start or cannot go on: each ends with exit 3, one line, and what to do. */

let org: FakeOrg;
let stateDir: string;
beforeEach(async () => {
    org = await withOrg();
    stateDir = tempDir('state');
    addDeal(org, [{ Attitude_To_Us__c: 'Mentor' }], { Coach__c: 'Identified' });
});
afterEach(() => org.close());

function stateFile(): string {
    return path.join(
        stateDir,
        `${org.url.replace(/^https?:\/\//, '').replace(/[^A-Za-z0-9.-]+/g, '_')}.json`
    );
}

it('an org nobody answers at: UNREACHABLE with the address', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((resolve) => closed.close(resolve));
    const r = await rescore(org, ['--state-dir', stateDir, '--lang', 'en'], {
        env: { SF_INSTANCE_URL: url }
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(
        new RegExp(`^Error \\(UNREACHABLE\\): Cannot reach ${url}: ECONNREFUSED\\. Check the network`)
    );
});

it('an answer no retry fixes and no record owns: ORG_ERROR with the org code, not an unexpected error', async () => {
    org.faults.add({ kind: 'query', times: 10, response: 'http500' });
    const r = await rescore(org, ['--max-retries', '0', '--state-dir', stateDir, '--lang', 'en']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(
        /^Error \(ORG_ERROR\): The org refused count: HTTP 500 UNKNOWN_EXCEPTION An unexpected error occurred\./
    );
    expect(r.stderr.split('\n')).toHaveLength(2);
});

it('a damaged state file stops --since last instead of guessing a start', async () => {
    mkdirSync(stateDir, { recursive: true });
    writeFileSync(stateFile(), '{ "lastSuccessfulRunStart": ');
    const r = await rescore(org, ['--since', 'last', '--json', '--state-dir', stateDir]);
    expect(r.code).toBe(3);
    expect(r.json).toMatchObject({ name: 'BAD_STATE' });
    expect(r.json.actions[0]).toContain('Delete it and run once without --since');
});

it('a state file without its start time is damaged too', async () => {
    mkdirSync(stateDir, { recursive: true });
    writeFileSync(stateFile(), '{}');
    const r = await rescore(org, ['--since', 'last', '--json', '--state-dir', stateDir]);
    expect(r.json).toMatchObject({
        name: 'BAD_STATE',
        message: expect.stringContaining('no lastSuccessfulRunStart')
    });
});

it('--state-dir naming a file is refused before any API call when the run would record state', async () => {
    const file = path.join(tempDir('file'), 'state');
    writeFileSync(file, 'x');
    const r = await rescore(org, ['--apply', '--json', '--state-dir', file]);
    expect(r.code).toBe(3);
    expect(r.json).toMatchObject({ name: 'NOT_A_FOLDER' });
    expect(org.log).toEqual([]);
});
