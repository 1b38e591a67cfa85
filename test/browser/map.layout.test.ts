import { STATES } from './support/previewPage';
import { LAYOUT_GROUPS, matrixPage } from './support/layoutMatrix';

describe.each(LAYOUT_GROUPS)('map in %s at %i px', (lang, width) => {
    const page = matrixPage('map', lang, width);
    beforeAll(() => page.open());
    afterAll(() => page.close());
    test.each(STATES)('state %s', (state) => page.check(state));
});
