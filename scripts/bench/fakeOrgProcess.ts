/**
 * Runs the fake org in its own process for the benchmark, so the rescore script's peak memory is
 * measured alone. Prints one JSON line { url, accessToken } when ready; stops on SIGTERM.
 */
import { startFakeOrg } from '../../test/fakeOrg';

async function run(): Promise<void> {
    const scorecards = Number(process.argv[2]);
    const stakeholdersPerScorecard = Number(process.argv[3] ?? 5);
    const linksPerScorecard = Number(process.argv[4] ?? 0);
    const org = await startFakeOrg({ seed: 42, dailyApiLimit: 10_000_000, bulkJobPollsUntilComplete: 2 });
    org.store.addSynthetic({ scorecards, stakeholdersPerScorecard, linksPerScorecard, seed: 42 });
    // Let the org's clock pass the next second, so the records look older than the run (as in a
    // real org) and "modified since the run began" means modified by the run.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    process.stdout.write(`${JSON.stringify({ url: org.url, accessToken: org.accessToken })}\n`);
    process.on('SIGTERM', () => {
        void org.close().then(() => process.exit(0));
    });
}

void run();
