// What to tell a rep about a failed load or save (service component): a plain sentence by kind of
// failure, plain messages at fields, and the raw platform text kept apart for the details.
import { Lang } from 'c/dealControlModel';
import {
    errorKindOf,
    fieldErrorCodesOf,
    fieldErrorsOf,
    reduceErrors,
    userMessagesOf
} from 'c/dealControlData';
import { ADVICE, FIELD_ADVICE, PANEL } from './labels';

export interface ExplainedError {
    /** What happened and what to do, in the rep's language. */
    advice: string;
    /** Messages written for users (validation rules), shown as they are. */
    userMessages: string[];
    /** The platform's own text, for the details disclosure and the console. */
    details: string[];
}

export function explainError(error: unknown, lang: Lang): ExplainedError {
    return {
        advice: ADVICE[errorKindOf(error)][lang],
        userMessages: userMessagesOf(error),
        details: reduceErrors(error)
    };
}

/**
 * Field API name → the message to show at that field: a validation rule's own message (written for
 * users), otherwise a plain sentence for the platform's error code.
 */
export function fieldMessagesOf(error: unknown, lang: Lang): Record<string, string> {
    const messages = fieldErrorsOf(error);
    const codes = fieldErrorCodesOf(error);
    const plain: Record<string, string> = {};
    for (const [field, message] of Object.entries(messages)) {
        const code = codes[field];
        if (code === 'FIELD_CUSTOM_VALIDATION_EXCEPTION' || code === undefined) plain[field] = message;
        else if (code in FIELD_ADVICE) plain[field] = FIELD_ADVICE[code as keyof typeof FIELD_ADVICE][lang];
        else plain[field] = FIELD_ADVICE.other[lang];
    }
    return plain;
}

export function detailsLabel(lang: Lang): string {
    return PANEL.details[lang];
}
