// API context: the long-lived services a server is built with, and the per-request context resolvers receive.
import type { ExtractedDocument } from '../model/extraction.ts';
import type { GraphStore } from '../store/graph-store.ts';
import type { Catalog } from './catalog.ts';
import type { ApiLimits } from './limits.ts';
import { Loaders } from './loaders.ts';
import type { Logger } from './logger.ts';
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
}

export interface ApiContext {
  services: ApiServices;
  store: GraphStore;
  loaders: Loaders;
  /** The request's Authorization header (checked for mutations before execution). */
  authorization: string | null;
  /**
   * What the request turned out to be, for the HTTP layer: an error-free query may be reused for an identical
   * request. An object, because Apollo hands plugins a shallow copy of the context.
   */
  outcome: { cacheable: boolean };
}

export function createContext(services: ApiServices, authorization: string | null): ApiContext {
  return {
    services,
    store: services.store,
    loaders: new Loaders(services.store),
    authorization,
    outcome: { cacheable: false },
  };
}
