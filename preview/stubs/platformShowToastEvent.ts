// lightning/platformShowToastEvent for the preview: the same event the platform listens for; the
// preview page draws it as an SLDS toast.
export class ShowToastEvent extends CustomEvent<unknown> {
    constructor(detail: { title?: string; message?: string; variant?: string; mode?: string }) {
        super('lightning__showtoast', { bubbles: true, composed: true, cancelable: true, detail });
    }
}
