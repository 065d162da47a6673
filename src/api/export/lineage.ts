// API exports: the lineage tree of a document or task as a table — one row per entry of the tree the API and the
// viewer show (lineageDownTree: documents and tasks under what they implement, sub-tasks under their task,
// agencies under their tasks; a node met again is listed, marked repeated, without its children), with its path
// from the root and how the edge to the entry above was found.
import type { GraphNode } from '../../model/graph.ts';
import { type Column, oneLine, type Row, type TableExport } from '../../query/table.ts';
import { dueBy } from '../deadlines.ts';
import type { TreeEntryView } from '../mappers.ts';
import { lineageDownTree } from '../tree.ts';
import {
  distinct,
  ExportInputError,
  type ExportSource,
  fileSlug,
  KIND,
  LEVEL,
  METHOD,
  nodeOfRef,
  RELATION,
  shortLabel,
} from './common.ts';

const COLUMNS: Column[] = [
  { key: 'no', header: 'STT', type: 'int', width: 6 },
  { key: 'depth', header: 'Độ sâu', type: 'int', width: 8 },
  { key: 'path', header: 'Đường dẫn từ gốc', type: 'text', width: 60 },
  { key: 'kind', header: 'Loại', type: 'text', labels: KIND },
  { key: 'label', header: 'Số, ký hiệu / Mục / Tên', type: 'text', width: 30 },
  { key: 'title', header: 'Trích yếu / Nội dung', type: 'text', width: 60 },
  { key: 'level', header: 'Cấp', type: 'text', labels: LEVEL },
  { key: 'jurisdiction', header: 'Địa bàn', type: 'text' },
  { key: 'date', header: 'Ngày ban hành', type: 'date' },
  { key: 'deadlineText', header: 'Thời hạn (nguyên văn)', type: 'text', width: 36 },
  { key: 'dueBy', header: 'Hạn chót', type: 'date' },
  { key: 'relation', header: 'Quan hệ với mục trên', type: 'text', labels: RELATION },
  { key: 'basis', header: 'Căn cứ xác định', type: 'text', width: 30 },
  { key: 'confidence', header: 'Độ tin cậy', type: 'number' },
  { key: 'source', header: 'Tệp nguồn', type: 'text' },
  { key: 'evidence', header: 'Vị trí trong tệp (ký tự)', type: 'text' },
  { key: 'repeated', header: 'Đã liệt kê ở trên', type: 'bool' },
  { key: 'id', header: 'Mã', type: 'text' },
];

/** Level and place of a node: a task's are its document's. */
function where(
  n: GraphNode,
  nodes: ReadonlyMap<string, GraphNode>,
): { level: string | null; place: string | null } {
  const holder = n.kind === 'TASK' ? nodes.get(n.documentId) : n;
  if (holder === undefined || holder.kind === 'TASK') return { level: null, place: null };
  return { level: holder.level, place: holder.jurisdiction };
}

function entryRow(no: number, e: TreeEntryView, path: string, nodes: ReadonlyMap<string, GraphNode>): Row {
  const n = e.node;
  const { level, place } = where(n, nodes);
  const edges = e.edges;
  return {
    no,
    depth: e.depth,
    path,
    kind: n.kind,
    label: shortLabel(n),
    title: n.kind === 'DOCUMENT' ? n.title : n.kind === 'TASK' ? oneLine(n.title || n.text) : n.name,
    level,
    jurisdiction: place,
    date: n.kind === 'DOCUMENT' ? n.dateValue : null,
    deadlineText: n.kind === 'TASK' && n.deadlineText !== null ? oneLine(n.deadlineText) : null,
    dueBy: n.kind === 'TASK' ? dueBy(n.deadlineKind, n.deadlineValue, n.deadlineValid) : null,
    relation: e.relation,
    basis: edges.length === 0 ? null : distinct(edges.map((x) => METHOD[x.provenance.method])).join('; '),
    confidence: edges.length === 0 ? null : Math.min(...edges.map((x) => x.provenance.confidence)),
    source: edges.length === 0 ? null : distinct(edges.map((x) => x.provenance.source)).join('; '),
    evidence:
      edges.length === 0
        ? null
        : edges.map((x) => `${x.provenance.evidence.start}–${x.provenance.evidence.end}`).join('; '),
    repeated: e.repeated,
    id: n.id,
  };
}

export async function lineageExport(src: ExportSource, q: { ref: string | null }): Promise<TableExport> {
  const root = await nodeOfRef(src.store, q.ref);
  if (root.kind === 'AGENCY')
    throw new ExportInputError('ref', `${q.ref} is an agency; a lineage starts from a document or a task`);
  const lineage = await src.store.lineageDown(root.id, src.maxLineageDepth);
  const nodes = new Map<string, GraphNode>(lineage.nodes.map((n) => [n.id, n]));
  nodes.set(root.id, root);
  const tree = lineageDownTree(lineage, Number.POSITIVE_INFINITY);
  const paths: string[] = [];
  const rows = tree.entries.map((e, i) => {
    // Pre-order: an entry's parent is listed, and its path made, before it.
    const up = tree.parent[i] ?? -1;
    const path = up < 0 ? shortLabel(e.node) : `${paths[up]} › ${shortLabel(e.node)}`;
    paths.push(path);
    return entryRow(i + 1, e, path, nodes);
  });
  return {
    name: `cay-trien-khai_${fileSlug(shortLabel(root))}`,
    meta: { ref: q.ref, root: root.id, depth: src.maxLineageDepth, rows: rows.length },
    tables: [{ sheet: 'Cây triển khai', columns: COLUMNS, rows }],
  };
}
