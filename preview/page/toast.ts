// Draws the toasts the components ask for (lightning__showtoast), as the record page would.
const VARIANTS = new Set(['success', 'warning', 'error', 'info']);

export function listenForToasts(target: HTMLElement): void {
    document.addEventListener('lightning__showtoast', (event) => {
        const detail = ((event as CustomEvent).detail ?? {}) as {
            title?: string;
            message?: string;
            variant?: string;
        };
        const variant = VARIANTS.has(detail.variant ?? '') ? detail.variant : 'info';
        const toast = document.createElement('div');
        toast.className = `slds-notify slds-notify_toast slds-theme_${variant}`;
        toast.setAttribute('role', 'status');
        toast.dataset.preview = 'toast';
        toast.dataset.variant = variant;
        const body = document.createElement('div');
        body.className = 'slds-notify__content';
        const title = document.createElement('h2');
        title.className = 'slds-text-heading_small';
        title.textContent = detail.title ?? '';
        body.append(title);
        if (detail.message) {
            const message = document.createElement('p');
            message.textContent = detail.message;
            body.append(message);
        }
        toast.append(body);
        target.append(toast);
    });
}

/** Notes a quick action's request to close, which its host (the Aura action) would act on. */
export function noteClose(target: HTMLElement, saved: boolean): void {
    const note = document.createElement('p');
    note.dataset.preview = 'closed';
    note.className = 'slds-text-color_weak slds-p-around_x-small';
    note.textContent = saved
        ? 'The quick action saved and asked to close.'
        : 'The quick action asked to close.';
    target.append(note);
}
