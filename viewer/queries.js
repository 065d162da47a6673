// GraphQL operations of the viewer, one per page need. Kept under the API's cost limit (5,000 points): a test
// (test/browser/viewer-queries.test.ts) validates each against schema.graphql and prices it with the API's own rule.

const DOC_BRIEF = `
fragment DocBrief on Document {
  id kind name symbol type date dateText level jurisdiction province issuerName status title
}`;

const TREE_NODE = `
fragment TreeNode on Node {
  id kind name
  ... on Document { symbol type date level jurisdiction province status }
  ... on Task { key label title deadline { kind text value dueBy valid } document { id symbol type jurisdiction level } }
  ... on Agency { jurisdiction }
}`;

const PATH_NODE = `
fragment PathNode on Node {
  id kind name
  ... on Document { symbol type date level jurisdiction province }
  ... on Task { key label title }
}`;

export const SEARCH = `
query Search($text: String!) {
  search(text: $text, first: 40) {
    __typename
    ... on Document { ...DocBrief }
    ... on Task { id kind name key label taskTitle: title deadline { kind text value dueBy valid } document { ...DocBrief } }
    ... on Agency { id kind name jurisdiction level variants }
  }
}
${DOC_BRIEF}`;

export const HOME = `
query Home {
  fullText: documents(filter: { status: FULL_TEXT }, first: 50) { totalCount edges { node { ...DocBrief } } }
  central: documents(filter: { central: true }, first: 50) { totalCount edges { node { ...DocBrief } } }
}
${DOC_BRIEF}`;

export const DOCUMENT = `
query DocumentPage($ref: String!) {
  document(ref: $ref) {
    ...DocBrief
    branch dateValid year subject promulgates signer sources
    text
    references {
      target { id symbol name type }
      symbol name type
      mentions { start end }
      relations { type basis provenance { method } }
    }
    citedBy { edge { type basis } node { id kind name ... on Document { ...DocBrief } ... on Task { label document { ...DocBrief } } } }
    tasks { id }
  }
}
${DOC_BRIEF}`;

/** A lineage as a pre-order tree (DOWN: what implements the node, its tasks and their agencies). */
export const LINEAGE = `
query LineageTree($ref: String!, $direction: Direction!, $depth: Int!) {
  lineage(ref: $ref, direction: $direction, depth: $depth) {
    tree { depth parentId relation repeated node { ...TreeNode } }
  }
}
${TREE_NODE}`;

/** Every path up to every root, each ordered from the start. */
export const CHAIN = `
query Chain($ref: String!) {
  chain(ref: $ref) {
    nodes { ...PathNode }
    steps { fromId toId edges { type provenance { method assertedBy } } }
  }
}
${PATH_NODE}`;

export const TASK = `
query TaskPage($id: ID!) {
  node(id: $id) {
    ... on Task {
      id kind name key label parentKey title text groups sources
      deadline { kind text value dueBy valid }
      document { ...DocBrief }
    }
  }
}
${DOC_BRIEF}`;

export const AGENCY = `
query AgencyPage($id: ID!) {
  agency(id: $id) { id kind name jurisdiction level variants sources }
}`;

/** One page of an agency's mandates with the chain that gave each (25 a page keeps the chains under the cost limit). */
export const AGENCY_MANDATES = `
query AgencyMandates($id: ID!, $after: String) {
  mandates(filter: { agency: $id }, first: 25, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      node {
        id role
        deadline { kind text value dueBy valid }
        task { id kind name key label title }
        document { ...DocBrief }
        chain { nodes { ...PathNode } }
      }
    }
  }
}
${DOC_BRIEF}
${PATH_NODE}`;

/** Which of an agency's mandates are overdue on a date (the API's definition), and which cannot be compared. */
export const AGENCY_OVERDUE = `
query AgencyOverdue($id: ID!, $on: Date!, $after: String) {
  mandates(filter: { agency: $id, overdueOn: $on }, first: 100, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id } }
    invalidDeadlines { id }
  }
}`;

export const COVERAGE = `
query CoveragePage($ref: String!, $level: Level!, $era: Era, $province: String) {
  document(ref: $ref) { ...DocBrief }
  coverage(ref: $ref, level: $level, era: $era, province: $province) {
    level era unitCount
    covered { unit documents { id kind name symbol type date } }
    uncovered
    outside { jurisdiction documents { id kind name symbol type date } }
  }
}
${DOC_BRIEF}`;
