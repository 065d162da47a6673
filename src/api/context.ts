// API context: the long-lived services a server is built with, and the per-request context resolvers receive.
import type { ExtractedDocument } from '../model/extraction.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { type RequestBudget, requestBudget } from './budget.ts';
import type { Catalog } from './catalog.ts';
import type { ApiLimits } from './limits.ts';
import { Loaders } from './loaders.ts';
import type { Logger } from './logger.ts';
import type { RateLimiter } from './rate-limit.ts';
import type { ExtractionMemo } from './references.ts';
import type { TextProvider } from './text-provider.ts';

export interface ApiServices {
  /** The port every resolver talks to (possibly behind the answer cache). */
  store: GraphStore;
  logger: Logger;
  limits: ApiLimits;
  texts: TextProvider;
  extractions: ExtractionMemo;
  catalog: Catalog;
  /** Extracts an ingested text off the event loop, within limits.extractTimeoutMs (rejects with ExtractionTimeoutError). */
  extract(text: string, source: string): Promise<ExtractedDocument>;
  /** Runs a write alone, then drops every cached read (catalog, answers). */
  write<T>(work: () => Promise<T>): Promise<T>;
  /** Cost points per client and minute (null: no rate limit). */
  rate: RateLimiter | null;
}

/** What the HTTP layer knows of a request before GraphQL sees it. */
export interface RequestInfo {
  /** The client's address: the key of its rate limit. */
  client: string;
  budget: RequestBudget;
}

export interface ApiContext {
  services: ApiServices;
  store: GraphStore;
  loaders: Loaders;
  /** The request's Authorization header (checked for mutations before execution). */
  authorization: string | null;
  /** The client's address (rate limits); '' when not known. */
  client: string;
  /** The request's time budget: long resolvers check it between slices of work. */
  budget: RequestBudget;
  /**
   * What the request turned out to be, for the HTTP layer: an error-free query may be reused for an identical
   * request. An object, because Apollo hands plugins a shallow copy of the context.
   */
  outcome: { cacheable: boolean };
}

export function createContext(
  services: ApiServices,
  authorization: string | null,
  request: RequestInfo = { client: '', budget: requestBudget(0) },
): ApiContext {
  return {
    services,
    store: services.store,
    loaders: new Loaders(services.store, request.budget),
    authorization,
    client: request.client,
    budget: request.budget,
    outcome: { cacheable: false },
  };
}
