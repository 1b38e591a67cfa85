// What a rep is told when a link between two people cannot be saved, in English and Simplified
// Chinese: each message says what to do. The platform's own text stays in the error panel's details.
import { LocalizedText, t } from 'c/dealControlModel';

export const LINK_MESSAGES = {
    missingPerson: t('Choose the person.', '请选择采购决策者。'),
    missingType: t('Choose the type of link.', '请选择关系类型。'),
    selfLink: t(
        'A person cannot be linked to themselves. Choose someone else.',
        '不能把一个人与其本人关联。请选择其他人。'
    ),
    notOnOpportunity: t(
        "This person is not assessed on this Opportunity. Choose someone from this deal's stakeholder assessments, or assess the person first.",
        '此人尚未在本业务机会中做五维评估。请从本业务机会的五维评估中选择，或先评估此人。'
    ),
    duplicate: t(
        'This link is already recorded between these two people. Change the existing link instead of adding it again.',
        '这两人之间已记录了相同类型的关系。请修改已有的关系，不要重复添加。'
    ),
    conflict: t(
        'Someone changed this link after you opened it. Check the relationships as they are now, then save again.',
        '在你打开之后，他人修改了此关系。请核对当前的关系，然后重新保存。'
    )
} satisfies Record<string, LocalizedText>;

export type LinkMessageKey = keyof typeof LINK_MESSAGES;
