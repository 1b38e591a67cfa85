import { caseSafeSuffix, makeId, sequenceOf, to18 } from '../ids';
import { FakeStore } from '../store';

describe('Salesforce Ids', () => {
    it('adds the case-safe suffix Salesforce documents for known Ids', () => {
        expect(to18('0015000000Gv7qJ')).toBe('0015000000Gv7qJAAR');
        expect(to18('001A0000006Vm9r')).toBe('001A0000006Vm9rIAC');
        expect(to18('a0D30000001n7Pi')).toBe('a0D30000001n7PiEAI');
    });

    it('rejects malformed Ids and 18-character Ids with a wrong suffix', () => {
        expect(to18('001')).toBeNull();
        expect(to18('0015000000Gv7qJ-AR')).toBeNull();
        expect(to18('0015000000Gv7qJAAA')).toBeNull();
        expect(to18("0015000000Gv7q'")).toBeNull();
    });

    it('mints Ids whose string order is creation order and whose sequence can be read back', () => {
        const ids = [0, 1, 61, 62, 3843, 1000000].map((n) => makeId('a02', n));
        expect([...ids].sort()).toEqual(ids);
        expect(ids.map((id) => sequenceOf(id, 'a02'))).toEqual([0, 1, 61, 62, 3843, 1000000]);
        for (const id of ids) {
            expect(id).toHaveLength(18);
            expect(id.slice(15)).toBe(caseSafeSuffix(id.slice(0, 15)));
        }
        expect(sequenceOf(ids[0], '006')).toBeNull();
    });
});

describe('FakeStore', () => {
    it('inserts records with the key prefix of each object and the system fields', () => {
        const store = new FakeStore();
        const [opp] = store.insert('Opportunity', [{ Name: 'Acme', StageName: 'Closed Won' }]);
        const [sh] = store.insert('Stakeholder_Assessment__c', [{ Name: 'Ann', Opportunity__c: opp }]);
        const [sc] = store.insert('C139_Scorecard__c', [{ Opportunity__c: opp, Opportunity_Key__c: opp }]);
        expect(opp.slice(0, 3)).toBe('006');
        expect(sh.slice(0, 3)).toBe('a01');
        expect(sc.slice(0, 3)).toBe('a02');
        const record = store.get('Opportunity', opp)!;
        expect(record.IsClosed).toBe(true);
        expect(record.IsDeleted).toBe(false);
        expect(record.CreatedDate).toBe(record.LastModifiedDate);
        expect(store.get('C139_Scorecard__c', sc)!.Name).toBe('C139-000001');
        expect(store.get('Stakeholder_Assessment__c', sh)!.Top_Decision_Maker__c).toBe(false);
    });

    it('derives IsWon from the stage, as the platform does on every save', () => {
        const store = new FakeStore();
        const [won, lost, open] = store.insert('Opportunity', [
            { Name: 'W', StageName: 'Closed Won' },
            { Name: 'L', StageName: 'Closed Lost' },
            { Name: 'O', StageName: 'Negotiation/Review' }
        ]);
        expect(
            [won, lost, open].map((id) => [
                store.get('Opportunity', id)!.IsClosed,
                store.get('Opportunity', id)!.IsWon
            ])
        ).toEqual([
            [true, true],
            [true, false],
            [false, false]
        ]);
        store.update('Opportunity', open, { StageName: 'Closed Won' });
        expect(store.get('Opportunity', open)!.IsWon).toBe(true);
    });

    it('keeps control snapshots (a04) with an auto-number name and Days_To_Close__c from their two dates', () => {
        const store = new FakeStore();
        const [opp] = store.insert('Opportunity', [{ Name: 'A', StageName: 'Prospecting' }]);
        const [snap, undated] = store.insert('Control_Snapshot__c', [
            {
                Opportunity__c: opp,
                Snapshot_Date__c: '2026-02-20',
                Close_Date__c: '2026-03-31',
                Control_Score__c: 55
            },
            { Opportunity__c: opp, Close_Date__c: '2026-03-31' }
        ]);
        expect(snap.slice(0, 3)).toBe('a04');
        const record = store.get('Control_Snapshot__c', snap)!;
        // 8 days left in February 2026 plus 31 in March.
        expect([record.Name, record.Days_To_Close__c]).toEqual(['SNAP-0000000001', 39]);
        expect(store.get('Control_Snapshot__c', undated)!.Days_To_Close__c).toBeNull();
    });

    it('accepts multi-select arrays, 15-character references and Date objects', () => {
        const store = new FakeStore();
        const [opp] = store.insert('Opportunity', [{ Name: 'A' }]);
        const [sh] = store.insert('Stakeholder_Assessment__c', [
            {
                Opportunity__c: opp.slice(0, 15),
                Other_Needs__c: ['Safety', 'Esteem'],
                Assessed_On__c: new Date('2026-03-04T10:00:00Z')
            }
        ]);
        const record = store.get('Stakeholder_Assessment__c', sh)!;
        expect(record.Opportunity__c).toBe(opp);
        expect(record.Other_Needs__c).toBe('Safety;Esteem');
        expect(record.Assessed_On__c).toBe('2026-03-04');
    });

    it('refuses unknown objects and fields so test typos fail loudly', () => {
        const store = new FakeStore();
        expect(() => store.insert('Account', [{}])).toThrow(/no object Account/);
        expect(() => store.insert('Opportunity', [{ Nmae: 'x' }])).toThrow(/no field Nmae/);
    });

    it('updates like a rep: bumps LastModifiedDate and SystemModstamp, keeps CreatedDate', () => {
        const store = new FakeStore();
        const [opp] = store.insert('Opportunity', [{ Name: 'A', StageName: 'Prospecting' }]);
        const before = store.get('Opportunity', opp)!;
        store.clock.advance(60000);
        store.update('Opportunity', opp, { StageName: 'Closed Lost' });
        const after = store.get('Opportunity', opp)!;
        expect(after.StageName).toBe('Closed Lost');
        expect(after.IsClosed).toBe(true);
        expect(after.CreatedDate).toBe(before.CreatedDate);
        expect(
            Date.parse(after.LastModifiedDate as string) - Date.parse(before.LastModifiedDate as string)
        ).toBeGreaterThanOrEqual(60000);
        expect(after.SystemModstamp).toBe(after.LastModifiedDate);
    });

    it('deletes into the recycle bin: gone from all() and count(), still readable with IsDeleted', () => {
        const store = new FakeStore();
        const ids = store.insert('Opportunity', [{ Name: 'A' }, { Name: 'B' }]);
        store.delete('Opportunity', ids[0]);
        expect(store.all('Opportunity').map((r) => r.Name)).toEqual(['B']);
        expect(store.count('Opportunity')).toBe(1);
        expect(store.get('Opportunity', ids[0])!.IsDeleted).toBe(true);
        expect(() => store.update('Opportunity', ids[0], { Name: 'x' })).toThrow(/No live Opportunity/);
    });

    it('has a clock that never repeats a timestamp and only moves forward', () => {
        const store = new FakeStore();
        const stamps = Array.from({ length: 50 }, () => store.clock.tick());
        expect(new Set(stamps).size).toBe(50);
        expect([...stamps].sort()).toEqual(stamps);
        store.clock.set('2030-01-01T00:00:00.000Z');
        expect(store.clock.tick()).toBe('2030-01-01T00:00:00.000Z');
        expect(() => store.clock.set('2029-01-01T00:00:00.000Z')).toThrow(/only moves forward/);
    });
});
