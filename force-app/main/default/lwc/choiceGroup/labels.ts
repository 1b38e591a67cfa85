// The choice group's own texts, in English and Simplified Chinese.
import { LocalizedText, t } from 'c/dealControlModel';

export const LABELS = {
    meanings: t('What the choices mean', '各选项的含义')
} satisfies Record<string, LocalizedText>;
