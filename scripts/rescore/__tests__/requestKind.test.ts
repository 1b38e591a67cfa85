import { FREE_KINDS, requestKind } from '../requestKind';

const BASE = 'https://acme.my.salesforce.com/services/data/v66.0';
const JOB = '750R0000000zlh9IAA';

describe('requestKind', () => {
    it.each([
        ['GET', 'https://acme.my.salesforce.com/services/data/', 'versions'],
        ['GET', `${BASE}/query?q=${encodeURIComponent('SELECT COUNT() FROM C139_Scorecard__c')}`, 'count'],
        [
            'GET',
            `${BASE}/query?q=${encodeURIComponent('select count() from Stakeholder_Assessment__c')}`,
            'count'
        ],
        ['GET', `${BASE}/query?q=${encodeURIComponent('SELECT Id FROM C139_Scorecard__c')}`, 'query'],
        ['GET', `${BASE}/query/01gR0000000abcDIAQ-2000`, 'queryMore'],
        ['PATCH', `${BASE}/composite/sobjects`, 'collections'],
        ['PATCH', `${BASE}/composite/sobjects/Control_Snapshot__c/Snapshot_Key__c`, 'collectionsUpsert'],
        ['POST', `${BASE}/jobs/query`, 'bulkQueryCreate'],
        ['GET', `${BASE}/jobs/query/${JOB}`, 'bulkQueryPoll'],
        ['GET', `${BASE}/jobs/query/${JOB}/results?maxRecords=250000&locator=MjUwMDAw`, 'bulkQueryResults'],
        ['POST', `${BASE}/jobs/ingest`, 'bulkIngestCreate'],
        ['PUT', `${BASE}/jobs/ingest/${JOB}/batches`, 'bulkIngestUpload'],
        ['PATCH', `${BASE}/jobs/ingest/${JOB}`, 'bulkIngestClose'],
        ['GET', `${BASE}/jobs/ingest/${JOB}`, 'bulkIngestPoll'],
        ['GET', `${BASE}/jobs/ingest/${JOB}/successfulResults/`, 'bulkIngestSucceeded'],
        ['GET', `${BASE}/jobs/ingest/${JOB}/failedResults/`, 'bulkIngestFailed'],
        ['GET', `${BASE}/jobs/ingest/${JOB}/unprocessedrecords/`, 'bulkIngestUnprocessed'],
        ['GET', `${BASE}/sobjects/Account/describe`, 'other'],
        ['GET', '/services/data/v66.0/query/01gR0000000abcDIAQ-4000', 'queryMore']
    ])('%s %s is %s', (method, url, kind) => {
        expect(requestKind(method, url)).toBe(kind);
    });

    it('only the version list is free (Salesforce does not count it)', () => {
        expect([...FREE_KINDS]).toEqual(['versions']);
    });
});
