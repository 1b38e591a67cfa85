import '../fakeOrg/jestNodeShim';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { FakeOrg } from '../fakeOrg';
import { main } from '../../scripts/purge/main';
import { SA, SC } from '../rescore/harness';

export { SA, SC };
export const LINK = 'Stakeholder_Link__c';

/** "Today" for every purge test: a --closed-before of this day or later is refused. */
export const NOW = new Date('2026-11-30T12:00:00Z');
export const CLOSED_BEFORE = '2024-01-01';

const CONTACT = '003000000000001AAA';

export interface PurgeDeal {
    readonly opportunityId: string;
    readonly stakeholderIds: string[];
    readonly scorecardId: string;
    /** The political-map link between the first two people, when there are two. */
    readonly linkIds: string[];
}

/** A deal with stakeholders whose personal fields are filled, and a scorecard. */
export function addDeal(
    org: FakeOrg,
    opportunity: { StageName: string; CloseDate: string; Name?: string },
    people = 2
): PurgeDeal {
    const [opportunityId] = org.store.insert('Opportunity', [{ Name: 'Deal', ...opportunity }]);
    const stakeholderIds = org.store.insert(
        SA,
        Array.from({ length: people }, (_, i) => ({
            Name: `王${i + 1}`,
            Opportunity__c: opportunityId,
            Contact__c: CONTACT,
            Title__c: 'CFO',
            Evidence__c: 'Told us at dinner',
            Notes__c: 'Prefers the competitor',
            Next_Action__c: 'Call him',
            Verification__c: 'Asked his deputy',
            Favored_Vendor__c: 'Rival Inc.',
            Attitude_To_Us__c: i === 0 ? 'Mentor' : 'Opponent',
            Support_Index__c: i === 0 ? 2 : -2,
            Completeness__c: 20
        }))
    );
    const [scorecardId] = org.store.insert(SC, [
        {
            Opportunity__c: opportunityId,
            Opportunity_Key__c: opportunityId,
            Coach__c: 'Identified',
            Control_Score__c: 35
        }
    ]);
    const linkIds =
        people < 2
            ? []
            : org.store.insert(LINK, [
                  {
                      Opportunity__c: opportunityId,
                      From_Stakeholder__c: stakeholderIds[0],
                      To_Stakeholder__c: stakeholderIds[1],
                      Link_Type__c: 'Rival',
                      Evidence__c: 'They argued in the steering meeting'
                  }
              ]);
    return { opportunityId, stakeholderIds, scorecardId, linkIds };
}

export interface PurgeRun {
    readonly code: number;
    readonly stdout: string;
    readonly stderr: string;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read the JSON the script prints
    readonly json: any;
}

/** `npm run purge -- argv` in-process against the fake org (env sign-in), with "today" fixed. */
export async function purge(
    org: FakeOrg | null,
    argv: readonly string[],
    signal: AbortSignal = new AbortController().signal
): Promise<PurgeRun> {
    let stdout = '';
    let stderr = '';
    const code = await main(
        org ? ['--retry-delay', '1', '--poll-interval', '1', ...argv] : argv,
        org ? { SF_INSTANCE_URL: org.url, SF_ACCESS_TOKEN: org.accessToken } : {},
        { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), progressStream: null, width: 120 },
        signal,
        undefined,
        NOW
    );
    return { code, stdout, stderr, json: argv.includes('--json') ? JSON.parse(stdout) : null };
}

export type ReceiptRow = Record<'object' | 'id' | 'opportunity_id' | 'action' | 'result' | 'code', string>;

export function readReceipt(file: string): ReceiptRow[] {
    return parse(readFileSync(file, 'utf8'), { columns: true }) as ReceiptRow[];
}
