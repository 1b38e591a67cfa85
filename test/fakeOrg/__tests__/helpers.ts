import '../jestNodeShim';
import { Connection } from '@jsforce/jsforce-node';
import { FakeOrg } from '../index';

/** A jsforce connection to the fake, exactly as the rescore script builds one from env variables. */
export function connect(org: FakeOrg, version = '66.0'): Connection {
    return new Connection({ instanceUrl: org.url, accessToken: org.accessToken, version });
}

/** GET/PATCH/... with the org's token; returns status, headers and parsed JSON (or text). */
export async function call(
    org: FakeOrg,
    path: string,
    init: { method?: string; body?: unknown; headers?: Record<string, string>; token?: string | null } = {}
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests assert on untyped JSON
): Promise<{ status: number; headers: Headers; body: any; text: string }> {
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    if (init.token !== null) headers.Authorization = `Bearer ${init.token ?? org.accessToken}`;
    let body: string | undefined;
    if (init.body !== undefined) {
        body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
        headers['Content-Type'] ??= 'application/json';
    }
    const res = await fetch(org.url + path, { method: init.method ?? 'GET', headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    if ((res.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    return { status: res.status, headers: res.headers, body: parsed, text };
}

export const V = '/services/data/v66.0';

export function q(soql: string): string {
    return `${V}/query?q=${encodeURIComponent(soql)}`;
}
