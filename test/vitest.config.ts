import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * One run for every tier: unit specs beside the code (libs/, apps/) and
 * cross-node e2e specs (test/) that start real node processes from dist/.
 */
export default defineConfig({
  root,
  resolve: {
    tsconfigPaths: true,
    // Node loads graphql's CommonJS build for @nestjs/graphql; our sources must get the same copy, or
    // `instanceof GraphQLScalarType` fails across the two (the dual-package hazard).
    alias: [{ find: /^graphql$/, replacement: `${root}node_modules/graphql/index.js` }],
  },
  test: {
    include: ['libs/**/*.spec.ts', 'apps/**/*.spec.ts', 'scripts/**/*.spec.ts', 'test/**/*.e2e-spec.ts'],
    reporters: ['default', './test/support/summary-reporter.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
  },
});
