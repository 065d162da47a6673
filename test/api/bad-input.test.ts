// Input that names nothing — punctuation, a backslash, a NUL, a regex, an emoji, blanks — in every string argument
// that reaches a key, a reference, a cursor or a search: an input error (BAD_USER_INPUT, with the field where one
// is at fault), never an internal error, and nothing logged as an error. The server is in production mode, as
// deployed: a masked internal error would be the bug.
import { describe, expect, it } from 'vitest';
import type { Logger } from '../../src/api/logger.ts';
import { codes, gql, seededApi } from './support.ts';

const NAMELESS = ['%', '\\', '\u0000', '.*', '😀', '', '   ', "'", '_'];

const ARGUMENTS: ReadonlyArray<[string, string]> = [
  [
    'documents.issuerJurisdiction',
    'query($v: String){ documents(filter: {issuerJurisdiction: $v}) { totalCount } }',
  ],
  ['documents.after', 'query($v: String){ documents(first: 2, after: $v) { totalCount } }'],
  ['document.ref', 'query($v: String!){ document(ref: $v) { id } }'],
  ['lineage.ref', 'query($v: String!){ lineage(ref: $v) { root { id } } }'],
  ['chain.ref', 'query($v: String!){ chain(ref: $v) { __typename } }'],
  ['search.text', 'query($v: String!){ search(text: $v) { __typename } }'],
  ['searchPage.text', 'query($v: String!){ searchPage(text: $v) { totalCount } }'],
  ['agencies.text', 'query($v: String){ agencies(filter: {text: $v}) { totalCount } }'],
  ['agencies.jurisdiction', 'query($v: String){ agencies(filter: {jurisdiction: $v}) { totalCount } }'],
  ['mandates.jurisdiction', 'query($v: String){ mandates(filter: {jurisdiction: $v}) { totalCount } }'],
  ['mandates.document', 'query($v: String){ mandates(filter: {document: $v}) { totalCount } }'],
  ['mandates.under', 'query($v: String){ mandates(filter: {under: $v}) { totalCount } }'],
  [
    'coverage.province',
    'query($v: String){ coverage(ref: "36-NQ/TW", level: PROVINCE, province: $v) { __typename } }',
  ],
  [
    'subtree.province',
    'query($v: String){ subtree(ref: "36-NQ/TW", filter: {province: $v}) { totalCount } }',
  ],
];

const logged: string[] = [];
const logger: Logger = {
  info: () => {},
  warn: () => {},
  error: (message) => logged.push(message),
};
const api = seededApi({ production: true, logger });

describe('nameless input', () => {
  it.each(ARGUMENTS)('%s: BAD_USER_INPUT for each, no internal error logged', async (_name, query) => {
    for (const v of NAMELESS) {
      const r = await gql(api.url, query, { v });
      expect(codes(r), `${JSON.stringify(v)} → ${JSON.stringify(r.errors)}`).toEqual(['BAD_USER_INPUT']);
    }
    expect(logged).toEqual([]);
  });

  it('names the argument at fault', async () => {
    const r = await gql(
      api.url,
      'query($v: String){ documents(filter: {issuerJurisdiction: $v}) { totalCount } }',
      {
        v: '%',
      },
    );
    expect(r.errors?.[0]?.extensions?.field).toBe('issuerJurisdiction');
    expect(r.errors?.[0]?.message).toMatch(/issuerJurisdiction has no letters or digits/);
  });

  it('a place with words but no match is an empty answer, not an error', async () => {
    const r = await gql(
      api.url,
      'query($v: String){ documents(filter: {issuerJurisdiction: $v}) { totalCount } }',
      {
        v: '%Hà Giang%',
      },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({ documents: { totalCount: 0 } });
  });
});
