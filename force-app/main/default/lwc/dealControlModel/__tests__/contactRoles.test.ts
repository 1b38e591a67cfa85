import { STANDARD_CONTACT_ROLES, contactRoleLabel } from 'c/dealControlModel';

describe('contact roles', () => {
    it('shows the standard OpportunityContactRole values in Chinese and keeps the stored English', () => {
        expect(contactRoleLabel('Influencer', 'zh')).toBe('影响者');
        expect(contactRoleLabel('Economic Buyer', 'zh')).toBe('经济购买者');
        expect(contactRoleLabel('Influencer', 'en')).toBe('Influencer');
        for (const [value, label] of Object.entries(STANDARD_CONTACT_ROLES)) {
            expect(label.en).toBe(value);
            expect(label.zh).toMatch(/\p{Script=Han}/u);
        }
    });

    it('shows an org-specific value as stored, in either language', () => {
        expect(contactRoleLabel('Procurement Lead', 'zh')).toBe('Procurement Lead');
        expect(contactRoleLabel('采购联络人', 'en')).toBe('采购联络人');
        // Names of Object.prototype members are not roles.
        expect(contactRoleLabel('constructor', 'zh')).toBe('constructor');
    });
});
