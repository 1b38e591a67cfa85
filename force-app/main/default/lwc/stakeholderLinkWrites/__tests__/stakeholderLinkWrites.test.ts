import { createRecord, deleteRecord, updateRecord } from 'lightning/uiRecordApi';
import {
    checkLinkDraft,
    createLink,
    deleteLink,
    draftMessages,
    explainLinkError,
    updateLink
} from 'c/stakeholderLinkWrites';
import { explainError } from 'c/dealControlErrors';
import { toDealSnapshot } from 'c/dealControlData';
import dealVitaminErp from '../../dealControlData/__tests__/data/dealVitaminErp.json';
import saveConflict from '../../dealControlData/__tests__/data/saveConflict.json';
import networkError from '../../dealControlData/__tests__/data/networkError.json';
import duplicateLink from './data/duplicateLink.json';
import selfLinkRule from './data/selfLinkRule.json';
import otherOpportunityRule from './data/otherOpportunityRule.json';
import linkDeleted from './data/linkDeleted.json';

const mockedCreate = createRecord as unknown as jest.Mock;
const mockedUpdate = updateRecord as unknown as jest.Mock;
const mockedDelete = deleteRecord as unknown as jest.Mock;

const OPPORTUNITY_ID = '006000000000001AAA';
const WANG_JIAN = 'a01000000000001AAA';
const QIU_MING = 'a01000000000002AAA';
const ZHANG_TAO = 'a01000000000004AAA';
const WANG_CHENG = 'a01000000000005AAA';
const map = toDealSnapshot(dealVitaminErp).politicalMap;
// The first stored link: 仇明 reports to 王建.
const QIU_REPORTS_TO_WANG = { Id: 'a03000000000001AAA', LastModifiedDate: '2026-03-02T02:01:00.000Z' };

afterEach(() => jest.clearAllMocks());

describe('checkLinkDraft', () => {
    it('accepts a new link between two people of the Opportunity', () => {
        expect(checkLinkDraft({ from: ZHANG_TAO, to: WANG_JIAN, type: 'Influences' }, map)).toEqual({});
    });

    it('asks for both people and a known type', () => {
        expect(checkLinkDraft({ from: ' ', to: null, type: 'Sponsor' }, map)).toEqual({
            From_Stakeholder__c: 'missingPerson',
            To_Stakeholder__c: 'missingPerson',
            Link_Type__c: 'missingType'
        });
    });

    it('refuses a self-link, in the 15- or 18-character form of the Id', () => {
        expect(checkLinkDraft({ from: WANG_JIAN, to: WANG_JIAN.slice(0, 15), type: 'Allied' }, map)).toEqual({
            To_Stakeholder__c: 'selfLink'
        });
    });

    it('refuses someone not assessed on this Opportunity, at either end', () => {
        expect(
            checkLinkDraft({ from: 'a01000000000099AAA', to: 'a01000000000098AAA', type: 'Rival' }, map)
        ).toEqual({ From_Stakeholder__c: 'notOnOpportunity', To_Stakeholder__c: 'notOnOpportunity' });
    });

    it('refuses a link the map holds, in either order for Allied and Rival only', () => {
        expect(checkLinkDraft({ from: QIU_MING, to: WANG_JIAN, type: 'Reports_To' }, map)).toEqual({
            Link_Type__c: 'duplicate'
        });
        // 王建 and 王乘 are rivals: the same link read from the other end.
        expect(checkLinkDraft({ from: WANG_CHENG, to: WANG_JIAN, type: 'Rival' }, map)).toEqual({
            Link_Type__c: 'duplicate'
        });
        // Reports to is directed: 王建 reporting to 仇明 is another link.
        expect(checkLinkDraft({ from: WANG_JIAN, to: QIU_MING, type: 'Reports_To' }, map)).toEqual({});
    });

    it('lets a link be saved unchanged or changed without finding itself a duplicate', () => {
        expect(
            checkLinkDraft({ from: QIU_MING, to: WANG_JIAN, type: 'Reports_To' }, map, QIU_REPORTS_TO_WANG.Id)
        ).toEqual({});
    });

    it('says each problem in English and Chinese', () => {
        const problems = checkLinkDraft({ from: WANG_JIAN, to: WANG_JIAN, type: null }, map);
        expect(draftMessages(problems, 'en')).toEqual({
            To_Stakeholder__c: 'A person cannot be linked to themselves. Choose someone else.',
            Link_Type__c: 'Choose the type of link.'
        });
        expect(draftMessages(problems, 'zh')).toEqual({
            To_Stakeholder__c: '不能把一个人与其本人关联。请选择其他人。',
            Link_Type__c: '请选择关系类型。'
        });
    });
});

describe('createLink, updateLink, deleteLink', () => {
    it('creates a link on the Opportunity with trimmed values, blank strength and evidence as null', async () => {
        mockedCreate.mockResolvedValue({
            id: 'a03000000000009AAA',
            lastModifiedDate: '2026-03-05T12:00:00.000Z'
        });
        const saved = await createLink(OPPORTUNITY_ID, {
            from: ` ${ZHANG_TAO} `,
            to: WANG_JIAN,
            type: 'Influences',
            strength: '',
            evidence: '  '
        });
        expect(saved).toEqual({ id: 'a03000000000009AAA', lastModifiedDate: '2026-03-05T12:00:00.000Z' });
        expect(mockedCreate).toHaveBeenCalledWith({
            apiName: 'Stakeholder_Link__c',
            fields: {
                Opportunity__c: OPPORTUNITY_ID,
                From_Stakeholder__c: ZHANG_TAO,
                To_Stakeholder__c: WANG_JIAN,
                Link_Type__c: 'Influences',
                Strength__c: null,
                Evidence__c: null
            }
        });
    });

    it('never sends a strength the restricted picklist would refuse, and never the flow-owned key', async () => {
        mockedCreate.mockResolvedValue({ id: 'a03000000000009AAA' });
        await createLink(OPPORTUNITY_ID, {
            from: ZHANG_TAO,
            to: WANG_JIAN,
            type: 'Influences',
            strength: 'Huge'
        });
        const fields = mockedCreate.mock.calls[0][0].fields;
        expect(fields.Strength__c).toBeNull();
        expect(fields).not.toHaveProperty('Link_Key__c');
    });

    it('changes a link only if nobody saved it after the version the rep saw', async () => {
        mockedUpdate.mockResolvedValue({
            id: QIU_REPORTS_TO_WANG.Id,
            lastModifiedDate: '2026-03-05T12:00:01.000Z'
        });
        const saved = await updateLink(QIU_REPORTS_TO_WANG, {
            from: QIU_MING,
            to: WANG_JIAN,
            type: 'Reports_To',
            strength: 'Weak',
            evidence: 'Org chart'
        });
        expect(saved.lastModifiedDate).toBe('2026-03-05T12:00:01.000Z');
        expect(mockedUpdate).toHaveBeenCalledWith(
            {
                fields: {
                    Id: QIU_REPORTS_TO_WANG.Id,
                    From_Stakeholder__c: QIU_MING,
                    To_Stakeholder__c: WANG_JIAN,
                    Link_Type__c: 'Reports_To',
                    Strength__c: 'Weak',
                    Evidence__c: 'Org chart'
                }
            },
            { ifUnmodifiedSince: QIU_REPORTS_TO_WANG.LastModifiedDate }
        );
    });

    it('removes a link after checking nobody changed it, and not at all when someone did', async () => {
        mockedUpdate.mockResolvedValue({ id: QIU_REPORTS_TO_WANG.Id });
        mockedDelete.mockResolvedValue(undefined);
        await deleteLink(QIU_REPORTS_TO_WANG);
        expect(mockedUpdate).toHaveBeenCalledWith(
            { fields: { Id: QIU_REPORTS_TO_WANG.Id } },
            { ifUnmodifiedSince: QIU_REPORTS_TO_WANG.LastModifiedDate }
        );
        expect(mockedDelete).toHaveBeenCalledWith(QIU_REPORTS_TO_WANG.Id);
        expect(mockedUpdate.mock.invocationCallOrder[0]).toBeLessThan(
            mockedDelete.mock.invocationCallOrder[0]
        );

        jest.clearAllMocks();
        mockedUpdate.mockRejectedValue(saveConflict);
        await expect(deleteLink(QIU_REPORTS_TO_WANG)).rejects.toBe(saveConflict);
        expect(mockedDelete).not.toHaveBeenCalled();
    });

    it('counts a link someone already removed as removed, and passes other failures on', async () => {
        mockedUpdate.mockRejectedValue(linkDeleted);
        await expect(deleteLink(QIU_REPORTS_TO_WANG)).resolves.toBeUndefined();
        mockedUpdate.mockResolvedValue({});
        mockedDelete.mockRejectedValue(networkError);
        await expect(deleteLink(QIU_REPORTS_TO_WANG)).rejects.toBe(networkError);
    });
});

describe('explainLinkError', () => {
    it('turns the unique key refusal into the duplicate message at the link type, in both languages', () => {
        expect(explainLinkError(duplicateLink, 'en')).toEqual({
            kind: 'duplicate',
            message:
                'This link is already recorded between these two people. Change the existing link instead of adding it again.',
            fieldErrors: {
                Link_Type__c:
                    'This link is already recorded between these two people. Change the existing link instead of adding it again.'
            }
        });
        expect(explainLinkError(duplicateLink, 'zh').message).toBe(
            '这两人之间已记录了相同类型的关系。请修改已有的关系，不要重复添加。'
        );
    });

    it('says a conflict plainly', () => {
        expect(explainLinkError(saveConflict, 'en')).toEqual({
            kind: 'conflict',
            message:
                'Someone changed this link after you opened it. Check the relationships as they are now, then save again.',
            fieldErrors: {}
        });
    });

    it("shows the self-link rule's own message (translated by the org) at the second person", () => {
        expect(explainLinkError(selfLinkRule, 'en')).toEqual({
            kind: 'fields',
            message: '',
            fieldErrors: {
                To_Stakeholder__c:
                    'A link joins two different people. Choose someone else as the second person.'
            }
        });
    });

    it('leaves the other-Opportunity rule (page level) and a network failure to the error panel', () => {
        expect(explainLinkError(otherOpportunityRule, 'en')).toEqual({
            kind: 'other',
            message: '',
            fieldErrors: {}
        });
        expect(explainError(otherOpportunityRule, 'en').userMessages).toEqual([
            "Both people must be assessed on this link's Opportunity. Choose them from this deal's stakeholder assessments, or assess the person on this deal first."
        ]);
        expect(explainLinkError(networkError, 'zh').kind).toBe('other');
    });
});
