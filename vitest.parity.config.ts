import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

/**
 * `npm run test:parity`: the store contract suite and every integration and end-to-end test that touches the
 * store, with each embedded store on AWS's DynamoDB Local instead of dynalite (test/support/parity-setup.ts).
 * Left out: tests with no store (the ASL on the interpreter, `cdk synth`), and those that pin their servers and
 * run in `npm test` anyway (the DynamoDB Local smoke test, write units, empty index keys, and the bench, whose
 * `--store` says where it runs).
 */
export default defineConfig({
  test: {
    ...base.test,
    include: ['test/contract/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'],
    exclude: [
      'test/e2e/cdk-synth.test.ts',
      'test/integration/workflows/**',
      'test/integration/shared/adapters/local/**',
      'test/integration/support/dynamodb-local.test.ts',
      'test/integration/shared/adapters/dynamodb/capacity.test.ts',
      'test/integration/shared/adapters/dynamodb/table.test.ts',
      'test/integration/bench/**',
    ],
    globalSetup: ['test/support/parity-setup.ts'],
    // DynamoDB Local, in another process, answers slower than dynalite in this one.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
