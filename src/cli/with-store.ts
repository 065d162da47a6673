// CLI support: opens the store the environment selects for one command and always closes it.
import { createStore, type GraphStore } from '../store/create-store.ts';

/** `writer`: the command writes (its name is shown to a second writer, which is refused). */
export async function withStore<T>(work: (store: GraphStore) => Promise<T>, writer?: string): Promise<T> {
  const store = createStore(writer === undefined ? {} : { writer });
  await store.init();
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
