// National corpus (write): documents one at a time from the plan, streamed to disk — each text to its file, its
// expected entry as one line of expected.json — so that memory holds the plan, never the texts.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CENTRAL } from '../../src/model/graph.ts';
import type { ExpectedDoc, ExpectedTask } from './expected.ts';
import { buildPlan, type Plan, type PlannedDoc } from './plan.ts';
import { renderDocument } from './render.ts';
import { isoOf } from './util.ts';

export interface GeneratedDocument {
  index: number;
  file: string;
  text: string;
  expected: ExpectedDoc;
}

export function expectedOf(doc: PlannedDoc, tasks: ExpectedTask[]): ExpectedDoc {
  return {
    file: doc.file,
    level: doc.level,
    symbol: doc.draft ? null : doc.symbol,
    jurisdiction:
      doc.level === 'CENTRAL'
        ? CENTRAL
        : ((doc.commune ?? doc.district?.name ?? doc.province?.name) as string),
    province: doc.province?.name ?? null,
    date: doc.draft ? null : isoOf(doc.day),
    implements: [...doc.parents],
    tasks,
  };
}

/** The documents of a corpus in order, rendered on demand. */
export function* generateDocuments(plan: Plan): Generator<GeneratedDocument> {
  for (const doc of plan.docs) {
    const { text, tasks } = renderDocument(plan, doc);
    yield { index: doc.index, file: doc.file, text, expected: expectedOf(doc, tasks) };
  }
}

/** One line of expected.json: empty `implements` and `coordinators` are left out (the schema restores them). */
export function expectedLine(d: ExpectedDoc): string {
  const tasks = d.tasks.map((t) => ({
    key: t.key,
    lead: t.lead,
    ...(t.coordinators.length > 0 ? { coordinators: t.coordinators } : {}),
    ...(t.implements.length > 0 ? { implements: t.implements } : {}),
  }));
  return JSON.stringify({
    file: d.file,
    level: d.level,
    symbol: d.symbol,
    jurisdiction: d.jurisdiction,
    province: d.province,
    date: d.date,
    ...(d.implements.length > 0 ? { implements: d.implements } : {}),
    tasks,
  });
}

export interface WriteResult {
  documents: number;
  /** UTF-8 bytes of all texts. */
  textBytes: number;
  seconds: number;
}

const TEXT_BYTES_WIDTH = 16;

/**
 * Writes `<out>/docs/<tree>/<file>.txt` and `<out>/expected.json`. The header's textBytes is written as spaces
 * first and filled in at the end (JSON allows the padding), so the file streams in one pass.
 */
export function writeCorpus(options: {
  seed: number;
  documents: number;
  out: string;
  /** Called with each document after it is written (to verify it, say). */
  onDocument?: (g: GeneratedDocument) => void;
}): WriteResult {
  const started = performance.now();
  const plan = buildPlan(options.seed, options.documents);
  mkdirSync(options.out, { recursive: true });
  const fd = openSync(join(options.out, 'expected.json'), 'w');
  const headStart = `{"version":1,"seed":${options.seed},"documents":${options.documents},"textBytes":`;
  writeSync(fd, `${headStart}${' '.repeat(TEXT_BYTES_WIDTH)},"docs":[\n`);
  let textBytes = 0;
  let dirMade = '';
  let first = true;
  for (const g of generateDocuments(plan)) {
    const path = join(options.out, g.file);
    const dir = dirname(path);
    if (dir !== dirMade) {
      mkdirSync(dir, { recursive: true });
      dirMade = dir;
    }
    const bytes = Buffer.from(g.text, 'utf8');
    const f = openSync(path, 'w');
    writeSync(f, bytes);
    closeSync(f);
    textBytes += bytes.length;
    writeSync(fd, `${first ? '' : ',\n'}${expectedLine(g.expected)}`);
    first = false;
    options.onDocument?.(g);
  }
  writeSync(fd, '\n]}\n');
  const padded = String(textBytes).padStart(TEXT_BYTES_WIDTH, ' ');
  writeSync(fd, padded, Buffer.byteLength(headStart));
  closeSync(fd);
  return { documents: plan.docs.length, textBytes, seconds: (performance.now() - started) / 1000 };
}
