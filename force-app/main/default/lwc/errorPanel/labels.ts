// The error panel's own texts, in English and Simplified Chinese.
import { LocalizedText, t } from 'c/dealControlModel';

export const LABELS = {
    error: t('Error', '错误'),
    warning: t('Warning', '警示')
} satisfies Record<string, LocalizedText>;
