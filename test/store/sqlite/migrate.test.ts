// A store written by schema version 1 (before signer titles, Party terms and deadline details were kept) opens
// with this code: migration 002 adds the columns, old rows read with the new facts unknown (null, empty), and a
// document ingested afterwards keeps them. The version-1 store is made here as the old code made it: migration 001
// only, then rows through the version-1 statements (sql/document-put.sql and sql/task-put.sql as they were).
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { taskId } from '../../../src/model/graph.ts';
import { APPLICATION_ID } from '../../../src/store/sqlite/open-database.ts';
import { SQL_DIR } from '../../../src/store/sqlite/sql-files.ts';
import { DATABASE_FILE, SQLITE_SCHEMA_VERSION, SqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';
import { ID, konTumPlan } from '../../support/lineage-fixture.ts';
import { VID, validityFacts } from '../../support/validity-fixture.ts';

const root = mkdtempSync(join(tmpdir(), 'policy-graph-sqlite-migrate-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const V1_DOCUMENT_PUT = `INSERT OR REPLACE INTO document (n, symbol, symbol_key, type, issuer_name, branch, level, jurisdiction,
  jurisdiction_key, province, date_value, date_text, date_valid, year, title, subject, promulgates, signer,
  status, sources, content_hash, extractor_version, search_text, subject_text, title_key, promulgates_key,
  merged_ids, identity_notes, asserted_from)
VALUES (@n, @symbol, @symbolKey, @type, @issuerName, @branch, @level, @jurisdiction, @jurisdictionKey,
  @province, @dateValue, @dateText, @dateValid, @year, @title, @subject, @promulgates, @signer, @status,
  @sources, @contentHash, @extractorVersion, @searchText, @subjectText, @titleKey, @promulgatesKey,
  @mergedIds, @identityNotes, @assertedFrom)`;
const V1_TASK_PUT = `INSERT OR REPLACE INTO task (n, document_id, key, label, parent_key, title, text, groups, deadline_kind,
  deadline_value, deadline_text, deadline_valid, sources)
VALUES (@n, @documentId, @key, @label, @parentKey, @title, @text, @groups, @deadlineKind, @deadlineValue,
  @deadlineText, @deadlineValid, @sources)`;

const OLD_DOC = 'doc:42-ct/tw@central@2010-04-16';
const OLD_TASK = 'doc:167/kh-ubnd@quang-ngai@2021-11-29#II.4.g';
const OLD_PLAN = 'doc:167/kh-ubnd@quang-ngai@2021-11-29';

/** A version-1 store: a cited Party directive, a plan and one task of it with its HAS_TASK edge. */
function writeVersion1(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const db = new Database(join(dir, DATABASE_FILE));
  db.pragma('journal_mode = WAL');
  db.exec(readFileSync(new URL('migrations/001-initial.sql', SQL_DIR), 'utf8'));
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.pragma('user_version = 1');
  const node = db.prepare('INSERT INTO node (id, kind) VALUES (?, ?) RETURNING n').pluck();
  const doc = (n: number, id: string, fields: Record<string, unknown>) =>
    db.prepare(V1_DOCUMENT_PUT).run({
      n,
      symbol: null,
      symbolKey: null,
      type: 'OTHER',
      issuerName: null,
      branch: null,
      level: null,
      jurisdiction: null,
      jurisdictionKey: 'central',
      province: null,
      dateValue: null,
      dateText: null,
      dateValid: 1,
      year: null,
      title: null,
      subject: null,
      promulgates: null,
      signer: null,
      status: 'CITED_ONLY',
      sources: '["old.txt"]',
      contentHash: null,
      extractorVersion: null,
      searchText: ` ${id} `,
      subjectText: '',
      titleKey: null,
      promulgatesKey: null,
      mergedIds: '[]',
      identityNotes: '[]',
      assertedFrom: '[]',
      ...fields,
    });
  const directive = Number(node.get(OLD_DOC, 'DOCUMENT'));
  doc(directive, OLD_DOC, {
    symbol: '42-CT/TW',
    symbolKey: '42-ct/tw',
    type: 'CHI_THI',
    issuerName: 'Bộ Chính trị',
    branch: 'PARTY',
    level: 'CENTRAL',
    dateValue: '2010-04-16',
    dateText: '16/4/2010',
    year: 2010,
  });
  const plan = Number(node.get(OLD_PLAN, 'DOCUMENT'));
  doc(plan, OLD_PLAN, {
    symbol: '167/KH-UBND',
    symbolKey: '167/kh-ubnd',
    type: 'KE_HOACH',
    jurisdiction: 'Quảng Ngãi',
    jurisdictionKey: 'quang-ngai',
    signer: 'Trần Phước Hiền',
    status: 'FULL_TEXT',
    contentHash: 'sha256:003-v1',
    extractorVersion: '1.0.0',
    assertedFrom: JSON.stringify([OLD_PLAN]),
  });
  const task = Number(node.get(OLD_TASK, 'TASK'));
  db.prepare(V1_TASK_PUT).run({
    n: task,
    documentId: null,
    key: 'II.4.g',
    label: 'II.4.g',
    parentKey: null,
    title: 'Tôn vinh trí thức',
    text: 'Bắt đầu … 18/5/2022 … 18/5/2023',
    groups: '[]',
    deadlineKind: 'START',
    deadlineValue: '2022-05-18',
    deadlineText: 'Bắt đầu … 18/5/2022 … 18/5/2023',
    deadlineValid: 1,
    sources: '["old.txt"]',
  });
  const str = db.prepare('INSERT INTO string (value) VALUES (?) RETURNING s').pluck();
  const [by, source, version] = [OLD_PLAN, 'old.txt', '1.0.0'].map((v) => Number(str.get(v)));
  db.prepare(
    `INSERT INTO edge (from_n, type, to_n, asserted_by, qualifier, source, evidence_start, evidence_end, method,
       confidence, extractor_version) VALUES (?, 'HAS_TASK', ?, ?, '', ?, 0, 10, 'STATED', 0.95, ?)`,
  ).run(plan, task, by, source, version);
  db.close();
}

describe('a version-1 store', () => {
  it('opens, migrates to the latest version, and reads old rows with the new facts unknown', async () => {
    const dir = join(root, 'v1');
    writeVersion1(dir);
    for (const memory of [true, false]) {
      const store = new SqliteStore({ directory: dir, memoryIndex: memory });
      await store.init();
      expect(await store.getDocument(OLD_DOC)).toMatchObject({
        symbol: '42-CT/TW',
        term: null,
        signerTitle: null,
      });
      expect(await store.getDocument(OLD_PLAN)).toMatchObject({
        signer: 'Trần Phước Hiền',
        signerTitle: null,
      });
      expect(await store.getNode(OLD_TASK)).toMatchObject({
        deadlineKind: 'START',
        deadlineValue: '2022-05-18',
        deadlineDates: [],
        deadlineCondition: null,
        deadlineRecurrence: null,
      });
      expect((await store.lineageDown(OLD_PLAN, 1)).nodes.map((n) => n.id)).toEqual([OLD_PLAN, OLD_TASK]);
      await store.close();
    }
    const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SQLITE_SCHEMA_VERSION);
    expect(SQLITE_SCHEMA_VERSION).toBe(3);
    const columns = (table: string) =>
      (db.pragma(`table_info(${table})`) as Array<{ name: string }>).map((c) => c.name);
    expect(columns('document')).toEqual(expect.arrayContaining(['signer_title', 'term']));
    expect(columns('task')).toEqual(
      expect.arrayContaining(['deadline_dates', 'deadline_condition', 'deadline_recurrence']),
    );
    db.close();
  });

  it('after the migration, new documents keep the new facts beside the old rows', async () => {
    const dir = join(root, 'v1-then-ingest');
    writeVersion1(dir);
    const store = new SqliteStore({ directory: dir });
    await store.init();
    const plan = konTumPlan();
    plan.document = { ...plan.document, term: null };
    plan.tasks = plan.tasks.map((t) =>
      t.key === 'II.1.a'
        ? {
            ...t,
            deadlineDates: [{ text: 'quý II/2023', value: '2023-Q2', valid: true }],
            deadlineCondition: 'hoặc đột xuất',
            deadlineRecurrence: 'QUARTERLY',
          }
        : t,
    );
    await store.applyDocument(plan);
    await store.close();
    const reopened = new SqliteStore({ directory: dir });
    await reopened.init();
    expect(await reopened.getDocument(ID.kh1693)).toMatchObject({
      signerTitle: 'TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH',
    });
    expect(await reopened.getNode(taskId(ID.kh1693, 'II.1.a'))).toMatchObject({
      deadlineDates: [{ text: 'quý II/2023', value: '2023-Q2', valid: true }],
      deadlineCondition: 'hoặc đột xuất',
      deadlineRecurrence: 'QUARTERLY',
    });
    expect(await reopened.getDocument(OLD_DOC)).toMatchObject({ term: null });
    await reopened.close();
  });

  it('after migration 003, the rebuilt edge table keeps the old edges and takes validity edges', async () => {
    const dir = join(root, 'v1-then-validity');
    writeVersion1(dir);
    const store = new SqliteStore({ directory: dir });
    await store.init();
    // Version 1's CHECK on edge.type refused these types; the copied table still holds the old HAS_TASK edge.
    for (const facts of validityFacts()) await store.applyDocument(facts);
    expect((await store.stats()).edges).toMatchObject({
      HAS_TASK: 1,
      AMENDS: 1,
      REPLACES: 1,
      REPEALS: 1,
      GUIDES: 1,
    });
    expect((await store.validity(VID.nd15, 'IN')).citations.map((c) => c.edge.type)).toEqual([
      'AMENDS',
      'GUIDES',
    ]);
    await store.close();
    const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
    const indexes = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'edge'")
      .pluck()
      .all();
    expect(indexes).toContain('edge_to');
    db.close();
  });
});
