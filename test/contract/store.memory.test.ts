import { createMemoryStore } from '#shared/adapters/memory/store.ts';
import { storeContract } from './store.contract.ts';

storeContract('in memory', async () => {
  const store = createMemoryStore();
  // One list in memory: the sweep has no shards, so any number of them reads the same data.
  return { store, withSweepShards: () => store, close: async () => {} };
});
