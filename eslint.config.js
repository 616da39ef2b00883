// Lint rules for the whole repository. The import boundaries below keep the
// architecture one-way: web → contracts → clinical; server → contracts, clinical;
// clinical → nothing (pure functions, no I/O, no framework).
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const testFiles = ['**/*.test.ts', '**/*.test.tsx', '**/test/**'];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.tools/**', 'data/**', '**/drizzle/meta/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['eslint.config.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['packages/clinical/src/**/*.ts', 'packages/server/src/**/*.ts'],
    ignores: testFiles,
    rules: { '@typescript-eslint/explicit-module-boundary-types': 'error' },
  },
  {
    // The clinical core is pure: relative imports only, no clock, no randomness, no I/O.
    files: ['packages/clinical/src/**/*.ts'],
    ignores: testFiles,
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ regex: '^(?!\\.{1,2}/)', message: 'packages/clinical is pure: relative imports only (no I/O, no framework, no other workspace).' }],
      }],
      'no-restricted-globals': ['error',
        { name: 'process', message: 'No environment access in the clinical core; pass configuration in.' },
        { name: 'fetch', message: 'No I/O in the clinical core.' },
        { name: 'setTimeout', message: 'No timers in the clinical core.' },
        { name: 'setInterval', message: 'No timers in the clinical core.' },
        { name: 'console', message: 'No logging in the clinical core; return explanations instead.' },
      ],
      'no-restricted-properties': ['error',
        { object: 'Date', property: 'now', message: 'Pass the current time in; the clinical core has no clock.' },
        { object: 'Math', property: 'random', message: 'The clinical core is deterministic.' },
      ],
    },
  },
  {
    files: ['packages/contracts/src/**/*.ts'],
    ignores: testFiles,
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ regex: '^(?!(\\.{1,2}/|zod$|zod/|@glia/clinical$))', message: 'contracts may import only zod and @glia/clinical.' }],
      }],
    },
  },
  {
    files: ['packages/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '^@glia/(server|e2e)', message: 'The web app talks to the server over HTTP only; import types from @glia/contracts.' },
          { regex: '^(node:|pg$|drizzle-orm|@electric-sql/|fastify)', message: 'No server-side modules in the browser bundle.' },
        ],
      }],
    },
  },
  {
    files: ['packages/server/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ regex: '^(@glia/web|react|@mantine/)', message: 'The server does not import the web app.' }],
      }],
    },
  },
);
