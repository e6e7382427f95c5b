import { describe, expect, inject, it } from 'vitest';
import { testRuntime } from '../../support/runtime.ts';

/**
 * The parity run really is on DynamoDB Local: a test runtime's store, started as every integration test starts
 * it, is on the run's DynamoDB Local. (Only in `npm run test:parity`.)
 */
const endpoint = inject('parityEndpoint');

describe.runIf(endpoint)('The parity run', () => {
  it('puts the test runtime’s store on DynamoDB Local, not dynalite', async () => {
    // Act
    const { runtime, ports } = await testRuntime();
    try {
      const claim = await ports.cycles.claimLiveSlot(
        { municipalityId: 'bg-parity', templateId: 'romact' },
        'cyc-parity',
      );

      // Assess
      expect(runtime.dynamo?.endpoint).toBe(endpoint);
      expect(claim).toEqual({ claimed: true });
    } finally {
      await runtime.close();
    }
  });
});
