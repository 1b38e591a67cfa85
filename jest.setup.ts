// Accessibility matchers for component tests: `await expect(element).toBeAccessible()`.
import { registerSa11yMatcher } from '@sa11y/jest';

registerSa11yMatcher();

// The error panel logs the platform's raw error text for admins on purpose ("Deal Control: …");
// keep it out of the test output. Its own tests assert that it logs.
const consoleError = console.error.bind(console);
beforeEach(() => {
    jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
        if (typeof args[0] === 'string' && args[0].startsWith('Deal Control: ')) return;
        consoleError(...args);
    });
});
