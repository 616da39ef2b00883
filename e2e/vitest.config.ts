// End-to-end tests: each spec file starts the real server (node main.ts) on a
// throwaway embedded database and drives Debian's Chromium with playwright-core.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'e2e',
    include: ['specs/**/*.e2e.test.ts'],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    globalSetup: ['support/global-setup.ts'],
  },
});
