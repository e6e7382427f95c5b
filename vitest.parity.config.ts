import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

/**
 * `npm run test:parity`: the store contract, integration and end-to-end tests with every embedded store on AWS's
 * DynamoDB Local instead of dynalite (test/support/parity-setup.ts).
 */
export default mergeConfig(
  base,
  defineConfig({
    test: {
      globalSetup: ['test/support/parity-setup.ts'],
      // DynamoDB Local answers slower than dynalite in this process.
      testTimeout: 60_000,
      hookTimeout: 120_000,
    },
  }),
);
