// lightning/actions for the preview: the quick action's close request, which the page reports.
export class CloseActionScreenEvent extends CustomEvent<unknown> {
    constructor() {
        super('lightning__closeactionscreen', { bubbles: true, composed: true });
    }
}
