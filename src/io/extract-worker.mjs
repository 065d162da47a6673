// Extraction worker (see extract-pool.ts): a thread of its own needs tsx registered again before it can load
// the TypeScript pipeline, so this entry stays JavaScript.
import { register } from 'tsx/esm/api';

register();
const { readDocument } = await import('./read-document.ts');

/** One file: `{ source, maxFileBytes? }` (a bare path is read with the defaults). */
export default function extract(task) {
  return typeof task === 'string' ? readDocument(task) : readDocument(task.source, task);
}
