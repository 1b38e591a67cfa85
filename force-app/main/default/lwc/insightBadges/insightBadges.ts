import { LightningElement, api } from 'lwc';

export interface InsightBadge {
    code: string;
    /** Short text on the badge ("Key person, no contact"). */
    label: string;
    /** The model's full message and action, for screen readers and on hover. */
    message: string;
}

/** A person's insight badges: short on screen, the full message for screen readers and on hover. */
export default class InsightBadges extends LightningElement {
    @api insights: InsightBadge[] = [];
    /** Names the list for screen readers ("Insights for 王总"). */
    @api label = '';
}
