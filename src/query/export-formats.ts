// Query: the whole graph in exchange formats — JSON (the export as stored), GraphML (graph tools such as Gephi,
// yEd) and a Cypher script (to load into another Neo4j). Values are escaped or passed as parameters, never
// interpreted.
import type { GraphExport } from '../model/graph.ts';
import { cypherScript } from './cypher-script.ts';
import { graphml } from './graphml.ts';

export type ExportFormat = 'json' | 'graphml' | 'cypher';

export interface ExportOptions {
  /** The schema statements a Cypher script starts with (cypherSchemaStatements()); required for `cypher`. */
  cypherSchema?: readonly string[];
}

export function renderExport(graph: GraphExport, format: ExportFormat, options: ExportOptions = {}): string {
  if (format === 'json') return `${JSON.stringify(graph, null, 2)}\n`;
  if (format === 'graphml') return graphml(graph);
  if (options.cypherSchema === undefined) throw new TypeError('a Cypher export needs the schema statements');
  return cypherScript(graph, options.cypherSchema);
}
