// @salesforce/i18n/locale for the preview (see i18n.ts).
import { previewLang } from './i18n';

export default previewLang();
