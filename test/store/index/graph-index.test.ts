// The compact index against a plain model of the same operations: any sequence of node and edge writes and
// deletes leaves the same edges, reachable from both ends, with the same counts; freed slots are reused.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EdgeType, type NodeKind } from '../../../src/model/graph.ts';
import { type EdgeRecord, GraphIndex, KINDS, QUALIFIERS } from '../../../src/store/index/graph-index.ts';

const NODES = 5;

type Op =
  | { op: 'node'; n: number; kind: NodeKind }
  | { op: 'removeNode'; n: number }
  | { op: 'edge'; edge: EdgeRecord }
  | { op: 'removeAsserted'; fromN: number; assertedBy: number };

const edgeArb = fc.record({
  fromN: fc.integer({ min: 0, max: NODES - 1 }),
  type: fc.constantFrom(...EdgeType.options),
  toN: fc.integer({ min: 0, max: NODES - 1 }),
  assertedBy: fc.integer({ min: 1, max: 2 }),
  qualifier: fc.constantFrom(...QUALIFIERS),
  source: fc.integer({ min: 1, max: 5 }),
  evidenceStart: fc.integer({ min: 0, max: 1000 }),
  evidenceEnd: fc.integer({ min: 0, max: 1000 }),
  method: fc.constantFrom('STATED', 'IDENTITY_INFERRED'),
  confidence: fc.double({ min: 0, max: 1, noNaN: true }),
  extractorVersion: fc.integer({ min: 1, max: 2 }),
});

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant('node' as const),
    n: fc.integer({ min: 0, max: NODES - 1 }),
    kind: fc.constantFrom(...KINDS),
  }),
  fc.record({ op: fc.constant('removeNode' as const), n: fc.integer({ min: 0, max: NODES - 1 }) }),
  fc.record({ op: fc.constant('edge' as const), edge: edgeArb }),
  fc.record({
    op: fc.constant('removeAsserted' as const),
    fromN: fc.integer({ min: 0, max: NODES - 1 }),
    assertedBy: fc.integer({ min: 1, max: 2 }),
  }),
);

const keyOf = (e: EdgeRecord) => `${e.fromN}|${e.type}|${e.toN}|${e.assertedBy}|${e.qualifier}`;

describe('GraphIndex', () => {
  it('holds what a plain model of the same operations holds', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 20, maxLength: 200 }), (ops) => {
        const index = new GraphIndex();
        const nodes = new Map<number, NodeKind>();
        const edges = new Map<string, EdgeRecord>();
        for (const o of ops) {
          if (o.op === 'node') {
            // A new id at a number replaces the node there (a reused rowid); the same id keeps its edges.
            const id = `${o.kind}:${o.n}`;
            if (nodes.has(o.n) && nodes.get(o.n) !== o.kind) {
              for (const [k, e] of edges) if (e.fromN === o.n || e.toN === o.n) edges.delete(k);
            }
            nodes.set(o.n, o.kind);
            index.addNode(o.n, id, o.kind);
          } else if (o.op === 'removeNode') {
            nodes.delete(o.n);
            for (const [k, e] of edges) if (e.fromN === o.n || e.toN === o.n) edges.delete(k);
            index.removeNode(o.n);
          } else if (o.op === 'edge') {
            if (!nodes.has(o.edge.fromN) || !nodes.has(o.edge.toN)) {
              expect(() => index.putEdge(o.edge)).toThrow(/does not hold/);
              continue;
            }
            edges.set(keyOf(o.edge), o.edge);
            index.putEdge(o.edge);
          } else {
            for (const [k, e] of edges)
              if (e.fromN === o.fromN && e.assertedBy === o.assertedBy) edges.delete(k);
            index.removeAsserted(o.fromN, o.assertedBy);
          }
        }
        const held = [...index.allEdges()].map((e) => index.edge(e));
        expect(new Map(held.map((e) => [keyOf(e), e]))).toEqual(edges);
        expect(held.length).toBe(edges.size);
        for (let n = 0; n < NODES; n++) {
          const out = [...index.edgesAt(n, 'out')].map((e) => keyOf(index.edge(e))).sort();
          const into = [...index.edgesAt(n, 'in')].map((e) => keyOf(index.edge(e))).sort();
          expect(out).toEqual(
            [...edges.values()]
              .filter((e) => e.fromN === n)
              .map(keyOf)
              .sort(),
          );
          expect(into).toEqual(
            [...edges.values()]
              .filter((e) => e.toN === n)
              .map(keyOf)
              .sort(),
          );
          expect(index.kindOf(n)).toBe(nodes.get(n) ?? null);
        }
        const counts = index.counts();
        for (const t of EdgeType.options)
          expect(counts.edges[t]).toBe([...edges.values()].filter((e) => e.type === t).length);
        for (const k of KINDS)
          expect(counts.nodes[k]).toBe([...nodes.values()].filter((v) => v === k).length);
      }),
      { numRuns: 300 },
    );
  });

  it('reuses the slots of deleted edges', () => {
    const index = new GraphIndex();
    index.addNode(1, 'a', 'DOCUMENT');
    index.addNode(2, 'b', 'DOCUMENT');
    const edge = (assertedBy: number): EdgeRecord => ({
      fromN: 1,
      type: 'CITES',
      toN: 2,
      assertedBy,
      qualifier: '',
      source: 1,
      evidenceStart: 0,
      evidenceEnd: 1,
      method: 'STATED',
      confidence: 0.9,
      extractorVersion: 1,
    });
    for (let round = 0; round < 100; round++) {
      index.putEdge(edge(1));
      index.putEdge(edge(2));
      index.removeAsserted(1, 1);
      index.removeAsserted(1, 2);
    }
    index.putEdge(edge(3));
    expect([...index.allEdges()]).toHaveLength(1);
    expect(index.arrayBytes()).toBeLessThan(200_000);
  });
});
