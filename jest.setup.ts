// Accessibility matchers for component tests: `await expect(element).toBeAccessible()`.
import { registerSa11yMatcher } from '@sa11y/jest';

registerSa11yMatcher();
