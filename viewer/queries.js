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
query Search($text: String!, $kinds: [NodeKind!], $filter: SearchFilter, $after: String) {
  searchPage(text: $text, kinds: $kinds, filter: $filter, first: 25, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      __typename
      ... on Document { ...DocBrief }
      ... on Task { id kind name key label taskTitle: title deadline { kind text value dueBy valid } document { ...DocBrief } }
      ... on Agency { id kind name jurisdiction level variants }
    } }
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
    citedBy {
      edge { type basis provenance { assertedBy source method evidence { start end } } }
      node { id kind name ... on Document { ...DocBrief } ... on Task { label document { ...DocBrief } } }
    }
    tasks { id }
    validity {
      relation direction
      document { ...DocBrief }
      provenance { assertedBy source method evidence { start end } }
      evidenceText
    }
  }
}
${DOC_BRIEF}`;

/** One candidate of an ambiguous reference (the API's AMBIGUOUS error lists their ids), to tell them apart. */
export const CANDIDATE = `
query Candidate($ref: String!) {
  document(ref: $ref) { ...DocBrief branch subject sources }
}
${DOC_BRIEF}`;

const TREE_PAGE = `
fragment TreePage on TreeEntryConnection {
  totalCount
  pageInfo { hasNextPage endCursor }
  edges {
    node {
      depth parentId relation repeated childCount descendantCount matches descendantMatches
      node { ...TreeNode }
    }
  }
}`;

/**
 * One entry's children in the lineage tree down (`parent` null: the root entry alone), a page at a time; with a
 * filter, only those that match or lead to a match.
 */
export const SUBTREE = `
query Subtree($ref: String!, $parent: ID, $filter: TreeFilter, $first: Int!, $after: String) {
  subtree(ref: $ref, direction: DOWN, depth: 10, parent: $parent, filter: $filter, first: $first, after: $after) {
    ...TreePage
  }
}
${TREE_PAGE}
${TREE_NODE}`;

/**
 * Pages of children of several entries in one request (aliases c0, c1…; variables $p, $a + index for the
 * parent and cursor): the API builds the tree once per request, so a level of the tree is one round trip.
 * `firsts` are the page sizes, written into the query: the API prices a `first` given as a variable at the
 * largest page, a literal at its value, so many small pages fit in one request.
 */
export function subtreeBatch(firsts) {
  const vars = ['$ref: String!', '$filter: TreeFilter'];
  const fields = firsts.map((first, i) => {
    vars.push(`$p${i}: ID`, `$a${i}: String`);
    return `  c${i}: subtree(ref: $ref, direction: DOWN, depth: 10, parent: $p${i}, filter: $filter, first: ${Number(first)}, after: $a${i}) { ...TreePage }`;
  });
  return `query SubtreeBatch(${vars.join(', ')}) {\n${fields.join('\n')}\n}\n${TREE_PAGE}\n${TREE_NODE}`;
}

/** The largest batches the viewer sends, for the contract test: 7 full pages, or 40 small ones. */
export const SUBTREE_BATCH_FULL = subtreeBatch(Array(7).fill(100));
export const SUBTREE_BATCH_SMALL = subtreeBatch(Array(40).fill(15));

/** The province names for a tree's filter (the coverage list of the document's era). */
export const TREE_PROVINCES = `
query TreeProvinces($ref: String!) {
  coverage(ref: $ref, level: PROVINCE) { covered { unit } uncovered }
}`;

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

export const TIMELINESS = `
query TimelinessPage($ref: String!, $level: Level!, $era: Era, $province: String, $asOf: Date) {
  document(ref: $ref) { ...DocBrief }
  timeliness(ref: $ref, level: $level, era: $era, province: $province, asOf: $asOf) {
    level era asOf rootDate dueBy medianLagDays
    limits { text days workingDays by addressees dueBy }
    counts { onTime late issued undated silent silentOverdue }
    units { unit status lagDays daysLate first { id kind name symbol type date } documents { id kind name symbol date } }
  }
}
${DOC_BRIEF}`;
