import { toDealSnapshot } from 'c/dealControlData';
import dealVitaminErp from '../../dealControlData/__tests__/data/dealVitaminErp.json';
import {
    NEW_PERSON_ID,
    RelationRow,
    draftOf,
    isChanged,
    mapAfter,
    mergeStoredRows,
    pendingOperations,
    relationRowsOf
} from '../relationships';

const snapshot = toDealSnapshot(dealVitaminErp);
const QIU_MING = 'a01000000000002AAA';
const WANG_CHENG = 'a01000000000005AAA';
const rowsOfQiu = (): RelationRow[] => relationRowsOf(snapshot.links, QIU_MING);

describe('relationRowsOf', () => {
    it("reads the person's links of the three kinds from the person's side, in either Id form", () => {
        expect(rowsOfQiu().map((r) => [r.kind, r.other, r.strength])).toEqual([
            ['reportsTo', 'a01000000000001AAA', 'Strong'],
            ['influencedBy', 'a01000000000004AAA', 'Weak']
        ]);
        expect(relationRowsOf(snapshot.links, QIU_MING.slice(0, 15))).toHaveLength(2);
        expect(relationRowsOf(snapshot.links, null)).toEqual([]);
    });
});

describe('pendingOperations', () => {
    it('sends removals, then changes, then new links; unchanged rows and dropped new rows send nothing', () => {
        const [reportsTo, influencedBy] = rowsOfQiu();
        const rows: RelationRow[] = [
            { ...reportsTo, other: WANG_CHENG },
            { ...influencedBy, removed: true },
            {
                key: 'new-1',
                kind: 'actsFor',
                stored: null,
                other: WANG_CHENG,
                strength: null,
                evidence: null,
                removed: false
            },
            {
                key: 'new-2',
                kind: 'actsFor',
                stored: null,
                other: null,
                strength: null,
                evidence: null,
                removed: true
            }
        ];
        expect(pendingOperations(rows).map((o) => [o.op, o.row.key])).toEqual([
            ['delete', influencedBy.key],
            ['update', reportsTo.key],
            ['create', 'new-1']
        ]);
        expect(pendingOperations(rowsOfQiu())).toEqual([]);
    });

    it('counts a cleared strength as a change, the same strength as none', () => {
        const [, influencedBy] = rowsOfQiu();
        expect(isChanged({ ...influencedBy, strength: 'Weak' })).toBe(false);
        expect(isChanged({ ...influencedBy, strength: '' })).toBe(true);
    });
});

describe('mergeStoredRows', () => {
    it("keeps the rep's edit against the newer stored version, takes untouched rows as they are now", () => {
        const [reportsTo, influencedBy] = rowsOfQiu();
        const edited = { ...reportsTo, strength: 'Weak' };
        const touched = new Set([reportsTo.key, influencedBy.key]);
        const newerLinks = snapshot.links.map((l) => {
            return touched.has(l.Id) ? { ...l, LastModifiedDate: 'later', Strength__c: 'Medium' } : l;
        });
        const merged = mergeStoredRows([edited, influencedBy], relationRowsOf(newerLinks, QIU_MING));
        expect(merged[0]).toMatchObject({ strength: 'Weak', stored: { LastModifiedDate: 'later' } });
        expect(merged[1]).toMatchObject({ strength: 'Medium', stored: { LastModifiedDate: 'later' } });
    });

    it('turns an edited row whose link someone removed into a new link, and drops an untouched one', () => {
        const [reportsTo, influencedBy] = rowsOfQiu();
        const merged = mergeStoredRows([{ ...reportsTo, other: WANG_CHENG }, influencedBy], []);
        expect(merged).toHaveLength(1);
        expect(merged[0]).toMatchObject({ stored: null, other: WANG_CHENG, key: `new-${reportsTo.key}` });
    });

    it('adds links someone else recorded meanwhile', () => {
        expect(mergeStoredRows([], rowsOfQiu())).toHaveLength(2);
    });
});

describe('mapAfter', () => {
    it('scores a person not yet created under a stand-in Id, with the links being added', () => {
        const zhangTao = 'a01000000000004AAA';
        const row: RelationRow = {
            key: 'new-1',
            kind: 'influencedBy',
            stored: null,
            other: zhangTao,
            strength: 'Strong',
            evidence: null,
            removed: false
        };
        expect(draftOf(row, NEW_PERSON_ID)).toMatchObject({
            from: zhangTao,
            to: NEW_PERSON_ID,
            type: 'Influences'
        });
        const map = mapAfter(
            snapshot.assessments,
            snapshot.links,
            [row],
            { Name: '夏宏' },
            '006000000000001AAA'
        );
        expect(map.issues).toEqual([]);
        expect(map.opposingPullers.get(NEW_PERSON_ID)?.map((p) => p.name)).toEqual(['张涛']);
    });
});
