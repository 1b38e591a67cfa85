// ESLint 9 flat config: LWC rules for components (TypeScript through typescript-eslint),
// Node rules for scripts and test infrastructure, Jest rules for tests.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import lwcConfig from '@salesforce/eslint-config-lwc';
import jestPlugin from 'eslint-plugin-jest';

export default tseslint.config(
    {
        ignores: [
            'node_modules/**',
            'coverage/**',
            '.sf/**',
            '.sfdx/**',
            // Compiled component JavaScript (build output of the .ts sources).
            'force-app/**/lwc/**/*.js',
            'test/stubs/**'
        ]
    },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    ...lwcConfig.configs.recommendedTs.map((config) => ({ ...config, files: ['force-app/**/lwc/**/*.ts'] })),
    {
        files: ['force-app/**/lwc/**/*.ts'],
        languageOptions: {
            parser: tseslint.parser,
            globals: { ...globals.browser }
        },
        rules: {
            // typescript-eslint checks names with type information; the base rule misreads interfaces.
            'no-undef': 'off',
            'no-unused-vars': 'off'
        }
    },
    {
        files: ['force-app/**/lwc/dealControlModel/**/*.ts'],
        rules: {
            // The shared model runs on the platform and in Node scripts: no platform imports.
            'no-restricted-imports': ['error', { patterns: ['lwc', 'lightning/*', '@salesforce/*'] }]
        }
    },
    {
        // Aura controllers are one bare object literal that the framework evaluates, using $A.
        files: ['force-app/**/aura/**/*.js'],
        languageOptions: { sourceType: 'script', globals: { ...globals.browser, $A: 'readonly' } },
        rules: { '@typescript-eslint/no-unused-expressions': 'off' }
    },
    {
        files: ['scripts/**/*.ts', 'test/**/*.ts', '*.js', '*.mjs', '*.cjs', 'scripts/**/*.cjs'],
        languageOptions: { globals: { ...globals.node } }
    },
    {
        // The preview's build, server and CLI run in Node; its page and stubs run in the browser.
        files: ['preview/*.ts'],
        languageOptions: { globals: { ...globals.node } }
    },
    {
        files: ['preview/page/**/*.ts', 'preview/stubs/**/*.ts'],
        languageOptions: { globals: { ...globals.browser } }
    },
    {
        files: ['*.js', '*.cjs', 'scripts/**/*.cjs'],
        rules: { '@typescript-eslint/no-require-imports': 'off' }
    },
    {
        files: ['**/__tests__/**/*.ts', 'test/**/*.ts', 'jest.setup.ts'],
        ...jestPlugin.configs['flat/recommended'],
        languageOptions: { globals: { ...globals.jest, ...globals.node } },
        rules: {
            ...jestPlugin.configs['flat/recommended'].rules,
            '@lwc/lwc/no-unexpected-wire-adapter-usages': 'off',
            // The browser layout matrix asserts inside page.check (test/browser/support/layoutMatrix.ts).
            'jest/expect-expect': ['warn', { assertFunctionNames: ['expect', 'page.check'] }],
            '@typescript-eslint/no-non-null-assertion': 'off'
        }
    }
);
