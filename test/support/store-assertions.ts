// Test support: assertions and helpers shared by the store contract suites (typed errors, applying fixture batches).
import { expect } from 'vitest';
import { ApplyResult, type DocumentFacts } from '../../src/model/graph.ts';
import { type GraphStore, isStoreError, type StoreErrorCode } from '../../src/store/graph-store.ts';
import { allFacts } from './lineage-fixture.ts';

/** Awaits a call that must fail with a StoreError of `code`; returns its details. */
export async function expectStoreError(
  promise: Promise<unknown>,
  code: StoreErrorCode,
): Promise<Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    expect(isStoreError(error), `a StoreError, got ${String(error)}`).toBe(true);
    if (isStoreError(error)) {
      expect(error.code, error.message).toBe(code);
      return { ...error.details };
    }
  }
  throw new Error(`expected a StoreError ${code}, but the call succeeded`);
}

export async function applyAll(
  store: GraphStore,
  facts: DocumentFacts[] = allFacts(),
): Promise<ApplyResult[]> {
  const results: ApplyResult[] = [];
  for (const f of facts) results.push(ApplyResult.parse(await store.applyDocument(f)));
  return results;
}

export const ids = (xs: ReadonlyArray<{ id: string }>) => xs.map((x) => x.id);
