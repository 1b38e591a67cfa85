import { LinkType, SYMMETRIC_LINK_TYPES } from 'c/dealControlModel';

export interface LinkEnds {
    readonly opportunityId: string;
    readonly from: string;
    readonly to: string;
    readonly type: string;
}

/**
 * Stakeholder_Link__c.Link_Key__c as the before-save flow Stakeholder_Link_Set_Key writes it:
 * Opportunity:First:Second:Type, the two people in a fixed order for the symmetric types. In the
 * org the order comes from sorting the two Ids in a query; any fixed order gives the same equality.
 */
export function linkKeyOf(link: LinkEnds): string {
    const ends = [link.from, link.to];
    if (SYMMETRIC_LINK_TYPES.includes(link.type as LinkType)) ends.sort();
    return [link.opportunityId, ...ends, link.type].join(':');
}
