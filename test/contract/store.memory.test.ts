import { createMemoryStore } from '#shared/adapters/memory/store.ts';
import { storeContract } from './store.contract.ts';

storeContract('in memory', async () => ({ store: createMemoryStore(), close: async () => {} }));
