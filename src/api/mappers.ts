// API view models: the TypeScript object behind each GraphQL type (the generated resolver types are checked against these).
import type { MergeNote } from '../ingest/reconcile.ts';
import type { DateValue, ExtractionWarning, Level as ModelLevel, Span } from '../model/extraction.ts';
import type {
  AgencyNode,
  ApplyOutcome,
  ChainUp,
  Citation,
  DocumentNode,
  GraphEdge,
  GraphNode,
  Lineage,
  LineagePath,
  LineageStep,
  Provenance,
  TaskNode,
} from '../model/graph.ts';
import type { StatedLimit, Timeliness, UnitTimeliness } from '../query/timeliness.ts';
import type {
  DeadlineKind,
  Direction,
  DocType,
  Era,
  Method,
  Recurrence,
  Role,
  TreeRelation,
} from './generated/resolver-types.ts';

export interface LineageEntryView {
  depth: number;
  node: GraphNode;
}

export interface TreeEntryView {
  node: GraphNode;
  depth: number;
  parentId: string | null;
  relation: TreeRelation | null;
  edges: readonly GraphEdge[];
  repeated: boolean;
  /** Entries directly under it in the full tree. */
  childCount: number;
  /** Entries of its whole subtree, itself excluded. */
  descendantCount: number;
  /** With a subtree filter only (null otherwise). */
  matches: boolean | null;
  descendantMatches: number | null;
}

export interface LineageView {
  /** The store's answer the view was made from (the tree is built from it when asked for). */
  answer: { direction: 'DOWN'; lineage: Lineage } | { direction: 'UP'; chain: ChainUp };
  root: GraphNode;
  direction: Direction;
  depth: number;
  nodes: readonly LineageEntryView[];
  edges: readonly GraphEdge[];
  paths: readonly LineagePath[];
}

export interface DeadlineView {
  kind: DeadlineKind;
  text: string | null;
  value: string | null;
  valid: boolean;
  dueBy: string | null;
  dates: readonly DateValue[];
  condition: string | null;
  recurrence: Recurrence | null;
}

/** One identity note line, "<METHOD> <merged id>: <reason>", and its parts (null when the line has another form). */
export interface IdentityNoteView {
  method: Method | null;
  mergedId: string | null;
  reason: string | null;
  text: string;
}

export interface MandateView {
  /** "mandate:" + the ASSIGNS edge's id (mandate-key.ts mandateId). */
  id: string;
  kind: 'MANDATE';
  /** The ASSIGNS edge's id. */
  assignmentId: string;
  role: Role;
  agency: AgencyNode;
  task: TaskNode;
  document: DocumentNode;
  assignment: GraphEdge;
}

export interface ReferenceView {
  targetId: string | null;
  symbol: string | null;
  name: string | null;
  type: DocType | null;
  mentions: readonly Span[];
  relations: readonly GraphEdge[];
}

export interface CoverageUnitView {
  unit: string;
  documentIds: readonly string[];
  /** The covered document: its lineage holds every listed document (one round trip for all units). */
  rootId: string;
}

export interface OutsideUnitView {
  jurisdiction: string | null;
  documentIds: readonly string[];
  rootId: string;
}

export interface CoverageView {
  root: DocumentNode;
  level: ModelLevel;
  era: Era | null;
  unitCount: number;
  covered: readonly CoverageUnitView[];
  uncovered: readonly string[];
  outside: readonly OutsideUnitView[];
}

export interface IngestResultView {
  outcome: ApplyOutcome;
  document: DocumentNode;
  references: number;
  tasks: number;
  warnings: readonly ExtractionWarning[];
  merges: readonly MergeNote[];
  ambiguities: readonly string[];
  textStored: boolean;
}

export interface PageInfoView {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface EdgeView<T> {
  cursor: string;
  node: T;
}

export interface ConnectionView<T> {
  edges: readonly EdgeView<T>[];
  pageInfo: PageInfoView;
  totalCount: number;
}

export interface MandateConnectionView extends ConnectionView<MandateView> {
  invalidDeadlines: readonly MandateView[];
}

/** GraphQL type name → the object its resolvers receive as parent. */
export interface Mappers {
  Query: undefined;
  Mutation: undefined;
  Document: DocumentNode;
  Task: TaskNode;
  Agency: AgencyNode;
  GraphEdge: GraphEdge;
  Provenance: Provenance;
  Span: Span;
  Reference: ReferenceView;
  Citation: Citation;
  Lineage: LineageView;
  LineageEntry: LineageEntryView;
  TreeEntry: TreeEntryView;
  LineagePath: LineagePath;
  LineageStep: LineageStep;
  Deadline: DeadlineView;
  DateValue: DateValue;
  IdentityNote: IdentityNoteView;
  Mandate: MandateView;
  Coverage: CoverageView;
  CoveredUnit: CoverageUnitView;
  OutsideUnit: OutsideUnitView;
  IngestResult: IngestResultView;
  ExtractionWarning: ExtractionWarning;
  Merge: MergeNote;
  PageInfo: PageInfoView;
  DocumentConnection: ConnectionView<DocumentNode>;
  DocumentEdge: EdgeView<DocumentNode>;
  AgencyConnection: ConnectionView<AgencyNode>;
  AgencyEdge: EdgeView<AgencyNode>;
  MandateConnection: MandateConnectionView;
  MandateEdge: EdgeView<MandateView>;
  LineageEntryConnection: ConnectionView<LineageEntryView>;
  LineageEntryEdge: EdgeView<LineageEntryView>;
  GraphEdgeConnection: ConnectionView<GraphEdge>;
  GraphEdgeEdge: EdgeView<GraphEdge>;
  TreeEntryConnection: ConnectionView<TreeEntryView>;
  TreeEntryEdge: EdgeView<TreeEntryView>;
  ReferenceConnection: ConnectionView<ReferenceView>;
  ReferenceEdge: EdgeView<ReferenceView>;
  CitationConnection: ConnectionView<Citation>;
  CitationEdge: EdgeView<Citation>;
  ValidityHint: ValidityHintView;
  SearchConnection: ConnectionView<GraphNode>;
  SearchHitEdge: EdgeView<GraphNode>;
  Timeliness: TimelinessView;
  IssueLimit: StatedLimit;
  TimelinessUnit: UnitTimeliness;
  TimelinessCounts: Timeliness['counts'];
}

/** A validity edge seen from one of its documents: `document` is the other end. */
export interface ValidityHintView {
  relation: 'AMENDS' | 'REPLACES' | 'REPEALS' | 'GUIDES';
  direction: 'IN' | 'OUT';
  document: DocumentNode;
  edge: GraphEdge;
}

/** The timeliness answer with the question's level and era. */
export type TimelinessView = Timeliness & { level: ModelLevel; era: Era | null };
