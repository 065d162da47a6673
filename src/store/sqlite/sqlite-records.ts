// SQLite adapter: rows to and from the shared record codecs (records.ts). SQLite has no lists or booleans:
// lists are JSON arrays of strings, booleans 0 or 1; everything else is the record as both graph databases hold it.

import type { AgencyNode, TaskNode } from '../../model/graph.ts';
import { nameKey } from '../../text/fold.ts';
import {
  agencyFromRecord,
  agencyToRecord,
  documentFromRecord,
  documentToRecord,
  type Row,
  taskFromRecord,
  taskToRecord,
} from '../records.ts';
import type { DocumentRow, StoredDocument } from '../store-ops.ts';

const DOCUMENT_LISTS = ['sources', 'mergedIds', 'identityNotes', 'assertedFrom'] as const;
const TASK_LISTS = ['groups', 'sources'] as const;
const AGENCY_LISTS = ['variants', 'sources'] as const;

function encode(
  record: Record<string, unknown>,
  lists: readonly string[],
  flags: readonly string[],
): Record<string, unknown> {
  const out = { ...record };
  for (const k of lists) out[k] = JSON.stringify(record[k] ?? []);
  for (const k of flags) out[k] = record[k] ? 1 : 0;
  return out;
}

function decode(row: Row, lists: readonly string[], flags: readonly string[]): Row {
  const out: Record<string, unknown> = { ...row };
  for (const k of lists) {
    const v = row[k];
    // A malformed list is left as text: the codec then names the property and the value.
    if (typeof v === 'string') {
      try {
        out[k] = JSON.parse(v);
      } catch {
        out[k] = v;
      }
    }
  }
  for (const k of flags) out[k] = row[k] === 1 ? true : row[k] === 0 ? false : row[k];
  return out;
}

/** The part of a task id before '#' (ids are "<document id>#<key>"). */
export function documentIdOfTask(taskId: string): string {
  return taskId.slice(0, taskId.indexOf('#'));
}

export function documentParams(n: number, row: DocumentRow): Record<string, unknown> {
  const d = row.node;
  return {
    ...encode(documentToRecord(row), DOCUMENT_LISTS, ['dateValid']),
    titleKey: d.title === null ? null : nameKey(d.title),
    promulgatesKey: d.promulgates === null ? null : nameKey(d.promulgates),
    n,
  };
}

export function documentFromRow(row: Row): StoredDocument {
  return documentFromRecord(decode(row, DOCUMENT_LISTS, ['dateValid']));
}

export function taskParams(n: number, task: TaskNode): Record<string, unknown> {
  const record = encode(taskToRecord(task), TASK_LISTS, ['deadlineValid']);
  // The document id is stored only when the task id does not already say it.
  const documentId = task.documentId === documentIdOfTask(task.id) ? null : task.documentId;
  return { ...record, documentId, n };
}

export function taskFromRow(row: Row): TaskNode {
  const decoded = decode(row, TASK_LISTS, ['deadlineValid']);
  const id = decoded.id;
  const documentId = decoded.documentId ?? (typeof id === 'string' ? documentIdOfTask(id) : null);
  return taskFromRecord({ ...decoded, documentId });
}

export function agencyParams(n: number, agency: AgencyNode): Record<string, unknown> {
  return { ...encode(agencyToRecord(agency), AGENCY_LISTS, []), n };
}

export function agencyFromRow(row: Row): AgencyNode {
  return agencyFromRecord(decode(row, AGENCY_LISTS, []));
}
