import { Lang, LocalizedText, t } from './text';

/**
 * The standard values of OpportunityContactRole.Role as Salesforce ships them (the stored value is
 * the English label), with the Chinese a rep reads beside the assessment. Orgs add their own values;
 * those have no entry and are shown as stored.
 */
export const STANDARD_CONTACT_ROLES: Readonly<Record<string, LocalizedText>> = Object.freeze({
    'Business User': t('Business User', '业务用户'),
    'Decision Maker': t('Decision Maker', '决策者'),
    'Economic Buyer': t('Economic Buyer', '经济购买者'),
    'Economic Decision Maker': t('Economic Decision Maker', '经济决策者'),
    Evaluator: t('Evaluator', '评估者'),
    'Executive Sponsor': t('Executive Sponsor', '高管发起人'),
    Influencer: t('Influencer', '影响者'),
    'Technical Buyer': t('Technical Buyer', '技术购买者'),
    Other: t('Other', '其他')
});

/** A contact role in the user's language: standard values translated, org-specific ones as stored. */
export function contactRoleLabel(role: string, lang: Lang): string {
    const known = Object.prototype.hasOwnProperty.call(STANDARD_CONTACT_ROLES, role)
        ? STANDARD_CONTACT_ROLES[role]
        : undefined;
    return known ? known[lang] : role;
}
