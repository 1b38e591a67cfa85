// @salesforce/i18n/lang for the preview (see i18n.ts).
import { previewLang } from './i18n';

export default previewLang();
