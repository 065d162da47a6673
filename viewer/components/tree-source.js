// Where a lazy tree's entries come from: the API's `subtree`, pages of children of several entries in one
// request (aliases), so a level of the tree is one round trip whatever its width.
import { gql } from '../api.js';
import { subtreeBatch } from '../queries.js';

/** Points one `subtree` field of `first` entries costs under the API's rule (6 × first + 13), with a margin. */
const pageCost = (first) => 6.2 * first + 15;
const MAX_COST = 4_900; // the API's default limit is 5,000
const MAX_FIELDS = 40; // keeps the query text well under the API's 20,000 characters

/** A filter without its empty criteria, or null when none is left. */
export function cleanFilter(filter) {
  const out = {};
  for (const [k, v] of Object.entries(filter ?? {}))
    if (v !== null && v !== undefined && v !== '') out[k] = v;
  return Object.keys(out).length > 0 ? out : null;
}

/** Requests packed into batches within the cost limit (a full page of 100 counts for an eighth of it). */
export function packBatches(requests) {
  const batches = [];
  let batch = [];
  let cost = 0;
  for (const r of requests) {
    const c = pageCost(r.first);
    if (batch.length > 0 && (cost + c > MAX_COST || batch.length >= MAX_FIELDS)) {
      batches.push(batch);
      batch = [];
      cost = 0;
    }
    batch.push(r);
    cost += c;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

/**
 * The source for the tree down from `ref` (a document or task reference): pages(requests, filter) answers
 * [{ parent (null: the root entry alone), first, after }] with one TreeEntryConnection each, in order.
 */
export function apiTreeSource(ref) {
  return {
    async pages(requests, filter) {
      const answers = await Promise.all(
        packBatches(requests).map(async (batch) => {
          const variables = { ref, filter };
          batch.forEach((r, i) => {
            variables[`p${i}`] = r.parent;
            variables[`a${i}`] = r.after ?? null;
          });
          const data = await gql(subtreeBatch(batch.map((r) => r.first)), variables);
          return batch.map((_, i) => data[`c${i}`]);
        }),
      );
      return answers.flat();
    },
  };
}
