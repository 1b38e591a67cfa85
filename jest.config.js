// Three Jest projects share one run and one coverage report:
// - "components": Lightning Web Components and the shared model, in jsdom through sfdx-lwc-jest
//   (its transformer compiles .ts components and tests directly);
// - "node": the rescore script, the fake org and the metadata checks, in a Node environment;
// - "browser": the components in a real Chromium through the local preview (test/browser), in a
//   Node environment that drives the browser with playwright-core. Its globalSetup builds the
//   preview once and starts one browser for all its test files.
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

// Plain TypeScript for Node code: the LWC transform would inject `import 'lwc'` into classes with
// fields, which is meaningless (and breaks) outside components.
const nodeTypeScript = {
    '^.+\\.ts$': [
        'babel-jest',
        {
            babelrc: false,
            configFile: false,
            presets: [['@babel/preset-typescript', { allowDeclareFields: true }]],
            plugins: ['@babel/plugin-transform-modules-commonjs', '@babel/plugin-transform-dynamic-import']
        }
    ]
};

const lwcDir = '<rootDir>/force-app/main/default/lwc';

// `npm test` runs Jest as two processes side by side (scripts/tooling/run-tests.cjs): V8's precise
// coverage slows everything a worker executes about twofold (Babel, jsdom, the LWC engine), so
// coverage is collected only where thresholds guard it. DEAL_CONTROL_TESTS picks the part:
// - "covered": the model's tests and the scripts' tests (scripts/**/__tests__, test/rescore,
//   test/fakeOrg), with coverage of the model and the scripts;
// - "rest": everything else (components, metadata, docs, language, browser), without coverage;
// - unset: every test in one run (what `npx jest` and `npm run test:unit` do).
const part = process.env.DEAL_CONTROL_TESTS || 'all';
if (!['all', 'covered', 'rest'].includes(part)) {
    throw new Error(`DEAL_CONTROL_TESTS must be "covered" or "rest" (or unset), not "${part}"`);
}
const COVERED_TESTS = {
    components: ['/lwc/dealControlModel/__tests__/'],
    node: ['<rootDir>/scripts/', '<rootDir>/test/rescore/', '<rootDir>/test/fakeOrg/']
};
/** testMatch and testPathIgnorePatterns of a project for the part being run. */
function partOf(projectName, testMatch, ignored) {
    const covered = COVERED_TESTS[projectName] || [];
    if (part === 'covered') {
        // Only the covered folders: every other test path is ignored by one negative lookahead.
        const only = `^(?!.*(${covered.map((c) => c.replace('<rootDir>', escapeRegExp(__dirname))).join('|')}))`;
        return { testMatch, testPathIgnorePatterns: [...ignored, only] };
    }
    if (part === 'rest') return { testMatch, testPathIgnorePatterns: [...ignored, ...covered] };
    return { testMatch, testPathIgnorePatterns: ignored };
}
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

module.exports = {
    // Jest's default leaves one core to its parent process: on a 2-core machine that is one worker
    // for 60+ suites. The parent mostly waits, so use every core.
    maxWorkers: '100%',
    // jsdom suites grow a worker's heap until collection stalls it; a fresh worker is faster.
    workerIdleMemoryLimit: '512MB',
    coverageProvider: 'v8',
    testTimeout: 30000,
    coverageReporters: ['text-summary', 'text', 'lcov'],
    collectCoverageFrom: [
        // The covered part measures what its tests exercise: the model and the scripts.
        ...(part === 'covered'
            ? ['force-app/main/default/lwc/dealControlModel/**/*.ts']
            : ['force-app/main/default/lwc/**/*.ts']),
        'scripts/**/*.ts',
        '!**/__tests__/**',
        '!**/*.d.ts',
        // Only `export *` lines: Babel's re-export helpers add branches that no test can take.
        '!force-app/main/default/lwc/dealControlModel/dealControlModel.ts',
        '!scripts/bench/**'
    ],
    coverageThreshold: {
        './force-app/main/default/lwc/dealControlModel/': { lines: 95, branches: 95 },
        // The admin scripts' org and CSV paths (issue 11): every error path is a promise to an admin.
        './scripts/rescore/': { lines: 90, branches: 90 }
    },
    projects: [
        {
            ...jestConfig,
            displayName: 'components',
            ...partOf('components', ['<rootDir>/force-app/**/__tests__/**/*.test.ts'], ['/node_modules/']),
            setupFilesAfterEnv: [...(jestConfig.setupFilesAfterEnv || []), '<rootDir>/jest.setup.ts'],
            moduleNameMapper: {
                // Modules sfdx-lwc-jest does not stub; typed in types/, stubbed in test/stubs/.
                '^@salesforce/i18n/(.*)$': '<rootDir>/test/stubs/i18n/$1',
                // Helpers shared by component tests (never deployed: they live outside force-app).
                '^test-utils/(.*)$': '<rootDir>/test/lwc/$1'
            }
        },
        {
            displayName: 'node',
            testEnvironment: 'node',
            rootDir: __dirname,
            ...partOf(
                'node',
                ['<rootDir>/scripts/**/__tests__/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
                ['/node_modules/', '<rootDir>/test/browser/']
            ),
            moduleFileExtensions: ['ts', 'js', 'json'],
            transform: nodeTypeScript,
            // Node 22 adds Symbol.dispose only to its main realm; jsforce (undici) needs it in Jest's.
            setupFiles: ['<rootDir>/test/fakeOrg/jestNodeShim.ts'],
            moduleNameMapper: { '^c/(.*)$': `${lwcDir}/$1/$1` }
        },
        {
            displayName: 'browser',
            testEnvironment: 'node',
            rootDir: __dirname,
            testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
            moduleFileExtensions: ['ts', 'js', 'json'],
            transform: nodeTypeScript,
            setupFilesAfterEnv: ['<rootDir>/test/browser/support/setup.ts'],
            globalSetup: '<rootDir>/test/browser/support/globalSetup.ts',
            globalTeardown: '<rootDir>/test/browser/support/globalTeardown.ts'
        }
    ].filter((project) => part !== 'covered' || project.displayName !== 'browser')
};
