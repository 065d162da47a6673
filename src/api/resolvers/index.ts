// API resolvers: the complete map, checked against the generated types (every field without a compatible property has a resolver).
import type { Resolvers } from '../generated/resolver-types.ts';
import { ExtractionWarning, GraphEdge, Lineage, LineageStep, Reference, TreeEntry } from './graph.ts';
import { CoveredUnit, Mandate, Mutation, OutsideUnit } from './lists.ts';
import { Agency, Document, Node, SearchHit, Task } from './nodes.ts';
import { Query } from './query.ts';
import { DateScalar } from './scalars.ts';

export const resolvers: Resolvers = {
  Query,
  Mutation,
  Document,
  Task,
  Agency,
  Node,
  SearchHit,
  GraphEdge,
  Lineage,
  TreeEntry,
  LineageStep,
  Reference,
  ExtractionWarning,
  Mandate,
  CoveredUnit,
  OutsideUnit,
  Date: DateScalar,
  // Every field of these types is a property of the object behind it.
  AgencyConnection: {},
  AgencyEdge: {},
  Citation: {},
  CitationConnection: {},
  CitationEdge: {},
  GraphEdgeConnection: {},
  GraphEdgeEdge: {},
  LineageEntryConnection: {},
  LineageEntryEdge: {},
  ReferenceConnection: {},
  ReferenceEdge: {},
  SearchConnection: {},
  SearchHitEdge: {},
  TreeEntryConnection: {},
  TreeEntryEdge: {},
  Coverage: {},
  Deadline: {},
  DocumentConnection: {},
  DocumentEdge: {},
  IngestResult: {},
  LineageEntry: {},
  LineagePath: {},
  MandateConnection: {},
  MandateEdge: {},
  Merge: {},
  PageInfo: {},
  Provenance: {},
  Span: {},
};
