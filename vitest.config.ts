import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The web app is built once before any server process starts (each would otherwise build it on start).
    globalSetup: ['test/support/web-build-setup.ts'],
    env: {
      POWERTOOLS_LOG_LEVEL: 'CRITICAL',
      AWS_REGION: 'eu-central-1',
      AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
      // Node 20 is supported on purpose (README, Development): the SDK's Node 22 notice is not for the suite.
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
  },
});
