// Extraction worker (see extract-pool.ts): a thread of its own needs tsx registered again before it can load
// the TypeScript pipeline, so this entry stays JavaScript.
import { register } from 'tsx/esm/api';

register();
const { readDocument } = await import('./read-document.ts');
const { extractDocument } = await import('../pipeline/extract-document.ts');

/**
 * One file, `{ source, maxFileBytes? }` (a bare path is read with the defaults), read and extracted; or one text,
 * `{ text, source }`, extracted (createTextExtractor).
 */
export default function extract(task) {
  if (typeof task === 'string') return readDocument(task);
  if (typeof task.text === 'string') return extractDocument(task.text, { source: task.source });
  return readDocument(task.source, task);
}
