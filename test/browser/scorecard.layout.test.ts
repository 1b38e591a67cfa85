import { LAYOUT_CASES, checkLayout } from './support/layoutMatrix';

describe('scorecard: every language × width × state', () => {
    test.concurrent.each(LAYOUT_CASES)('%s at %i px, state %s', (lang, width, state) =>
        checkLayout('scorecard', lang, width, state)
    );
});
