// Stops what globalSetup started: the browser, the server, the temporary build.
export default async function globalTeardown(): Promise<void> {
    const running =
        (globalThis as unknown as { __dealControlBrowser?: Array<{ close(): Promise<void> }> })
            .__dealControlBrowser ?? [];
    for (const item of running) await item.close();
}
