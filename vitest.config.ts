// One `npm test` for the whole repository. Server integration tests
// (*.int.test.ts) run once on a fresh embedded PGlite per file and, when
// TEST_DATABASE_URL is set (CI always sets it), a second time on PostgreSQL.
import { defineConfig } from 'vitest/config';
import type { TestProjectInlineConfiguration } from 'vitest/config';

const integration = 'packages/server/**/*.int.test.ts';

const projects: TestProjectInlineConfiguration[] = [
  { test: { name: 'clinical', include: ['packages/clinical/**/*.test.ts'] } },
  { test: { name: 'contracts', include: ['packages/contracts/**/*.test.ts'] } },
  { test: { name: 'server-unit', include: ['packages/server/**/*.test.ts'], exclude: [integration, '**/node_modules/**'] } },
  {
    test: {
      name: 'server-pglite',
      include: [integration],
      env: { GLIA_TEST_DB: 'pglite' },
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  },
];

if (process.env.GLIA_CI === '1' && !process.env.TEST_DATABASE_URL) {
  throw new Error('CI (GLIA_CI=1) must set TEST_DATABASE_URL: the PostgreSQL run is never skipped in CI.');
}

if (process.env.TEST_DATABASE_URL) {
  projects.push({
    test: {
      name: 'server-postgres',
      include: [integration],
      env: { GLIA_TEST_DB: 'postgres' },
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  });
}

export default defineConfig({
  test: {
    projects,
    passWithNoTests: false,
  },
});
