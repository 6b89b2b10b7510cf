import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const core = fileURLToPath(new URL('./packages/core/src/index.ts', import.meta.url));

// One run covers core and server; the web app is checked by the browser journeys in e2e/.
export default defineConfig({
  resolve: { alias: { '@kith/core': core } },
  test: {
    include: ['packages/*/src/**/*.test.ts'],
    // *.postgres.test.ts need a server's several connections: they run in the PostgreSQL pass.
    exclude: process.env.TEST_DATABASE_URL ? ['**/node_modules/**'] : ['**/node_modules/**', '**/*.postgres.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: process.env.CI ? ['default', 'junit'] : ['default'],
    outputFile: { junit: `reports/vitest-${process.env.KITH_TEST_LABEL ?? 'pglite'}.xml` },
  },
});
