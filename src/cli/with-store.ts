// CLI support: opens the store the environment selects for one command and always closes it.
import { createStore, type GraphStore } from '../store/create-store.ts';

export async function withStore<T>(work: (store: GraphStore) => Promise<T>): Promise<T> {
  const store = createStore();
  await store.init();
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
