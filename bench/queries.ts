// Bench: the GraphQL questions the API benchmarks time (the viewer asks the same shapes).

/** Lineage down with what a tree view shows: every node with its depth, every edge with its provenance. */
export const LINEAGE_DEPTH = 10;

export const LINEAGE_QUERY = `query Lineage($ref: String!) {
  lineage(ref: $ref, direction: DOWN, depth: ${LINEAGE_DEPTH}) {
    nodes { depth node { id kind name } }
    edges { id type fromId toId provenance { assertedBy source method confidence evidence { start end } } }
  }
}`;

/** Every path up to the roots, with the edges of each step. */
export const CHAIN_QUERY = `query Chain($ref: String!) {
  chain(ref: $ref) {
    nodes { id kind name }
    steps { fromId toId edges { id type provenance { assertedBy method evidence { start end } } } }
  }
}`;

/** One page of a full lineage tree, as a lazy viewer asks for it (follow `endCursor` for the next). */
export const LINEAGE_PAGE_QUERY = `query LineagePage($ref: String!, $after: String) {
  lineage(ref: $ref, direction: DOWN, depth: ${LINEAGE_DEPTH}) {
    treeSize
    treePage(first: 100, after: $after) {
      edges { cursor node { depth parentId childCount descendantCount repeated node { id kind name } } }
      pageInfo { endCursor hasNextPage }
    }
  }
}`;
