// @salesforce/i18n/timeZone for the preview (see i18n.ts).
import { previewTimeZone } from './i18n';

export default previewTimeZone();
