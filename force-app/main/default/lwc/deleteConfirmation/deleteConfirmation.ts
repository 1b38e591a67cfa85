import { LightningElement, api } from 'lwc';

/** "Delete the assessment of 张工?" with Delete and Keep: nothing is deleted without this answer. */
export default class DeleteConfirmation extends LightningElement {
    @api question = '';
    @api confirmLabel = '';
    @api keepLabel = '';
    /** A delete is under way: Delete waits. */
    @api busy = false;

    handleConfirm(): void {
        this.dispatchEvent(new CustomEvent('confirm'));
    }

    handleKeep(): void {
        this.dispatchEvent(new CustomEvent('keep'));
    }
}
