// Contract tests for identity merges (mergeDocuments) and the reconcile read implementsTargets; called from the shared contract suite, so every adapter runs them.
import { describe, expect, it } from 'vitest';
import {
  DocumentNode,
  type GraphEdge,
  type GraphExport,
  type IdentityNote,
  MergeResult,
  taskId,
  withEdgeId,
} from '../../src/model/graph.ts';
import type { GraphStore, MergeStep, StoreHooks } from '../../src/store/graph-store.ts';
import {
  AG,
  ID,
  iaHDraiPlan,
  konTumPlan,
  laoCaiDepartmentPlan,
  SRC,
  STRATEGY,
  TASK,
} from './lineage-fixture.ts';
import { expectStoreError, ids } from './store-assertions.ts';

const UNDATED: IdentityNote = {
  method: 'IDENTITY_INFERRED',
  reason: 'same symbol 569/QĐ-TTg and issuer; the only dated candidate',
};
const BY_SUBJECT: IdentityNote = {
  method: 'SUBJECT_INFERRED',
  reason: `"${STRATEGY}" is the instrument 569/QĐ-TTg promulgated`,
};
const UNNUMBERED: IdentityNote = {
  method: 'IDENTITY_INFERRED',
  reason: 'same issuer (Kon Tum), type (KE_HOACH) and implemented document (57-CTr/TU)',
};
const noteLine = (from: string, n: IdentityNote) => `${n.method} ${from}: ${n.reason}`;

const byId = (a: GraphEdge, b: GraphEdge) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function mergeContract(stores: {
  fresh: (hooks?: StoreHooks) => Promise<GraphStore>;
  loaded: (hooks?: StoreHooks) => Promise<GraphStore>;
}) {
  const { fresh, loaded } = stores;
  /** The fixture plus the Lào Cai department plan: 569/QĐ-TTg dated, 569 undated, and the strategy by name. */
  const withPlaceholders = async (hooks?: StoreHooks) => {
    const store = await loaded(hooks);
    await store.applyDocument(laoCaiDepartmentPlan(1));
    return store;
  };

  describe('mergeDocuments', () => {
    it('an undated placeholder merged into the dated node: one node, the edges of both citing documents', async () => {
      const store = await withPlaceholders();
      const before = await store.stats();
      expect(before.nodes.DOCUMENT).toBe(16);
      const issuedBefore = (await store.exportAll()).edges.find(
        (e) => e.type === 'ISSUED_BY' && e.from === ID.qd569undated,
      );

      const result = MergeResult.parse(await store.mergeDocuments(ID.qd569undated, ID.qd569, UNDATED));
      expect(result).toEqual({ from: ID.qd569undated, into: ID.qd569, edgesMoved: 3, edgesDropped: 0 });
      const after = await store.stats();
      expect(after.nodes.DOCUMENT).toBe(15);
      expect(after.edges).toEqual(before.edges);
      expect(ids(await store.findDocuments({ symbol: '569/QĐ-TTg' }))).toEqual([ID.qd569]);
      expect(DocumentNode.parse(await store.getDocument(ID.qd569))).toMatchObject({
        status: 'CITED_ONLY',
        dateValue: '2022-05-11', // its own
        promulgates: STRATEGY,
        subject: `ban hành ${STRATEGY}`, // it had none: the placeholder's
        sources: [SRC.kh88, SRC.laoCai].sort(),
        mergedIds: [ID.qd569undated],
        identityNotes: [noteLine(ID.qd569undated, UNDATED)],
      });

      // Both citing documents' edges now end at the survivor; the re-pointed ones say they were inferred.
      const into = (await store.citations(ID.qd569, 'IN')).citations;
      expect(
        into.map((c) => [c.edge.type, c.node.id, c.edge.provenance.method, c.edge.provenance.confidence]),
      ).toEqual([
        ['CITES', ID.kh88, 'IDENTITY_INFERRED', 0.8],
        ['IMPLEMENTS', ID.kh88, 'IDENTITY_INFERRED', 0.8],
        ['IMPLEMENTS', ID.laoCai, 'STATED', 0.9],
      ]);
      // An edge out of the placeholder moves too, with its evidence; nothing touches the placeholder any more.
      const graph = await store.exportAll();
      if (!issuedBefore) throw new Error('fixture: no ISSUED_BY at the placeholder');
      expect(graph.edges.filter((e) => e.type === 'ISSUED_BY' && e.from === ID.qd569)).toEqual([
        withEdgeId({
          ...issuedBefore,
          from: ID.qd569,
          provenance: { ...issuedBefore.provenance, method: 'IDENTITY_INFERRED', confidence: 0.8 },
        }),
      ]);
      expect(graph.edges.some((e) => e.from === ID.qd569undated || e.to === ID.qd569undated)).toBe(false);
      expect((await store.coverage(ID.qd569, 'PROVINCE', ['Lào Cai'])).covered).toEqual([
        { unit: 'Lào Cai', documentIds: [ID.kh88, ID.laoCai].sort() },
      ]);
    });

    it('a reference by name joins the document that promulgated it (SUBJECT_INFERRED); an edge already there is dropped', async () => {
      const store = await withPlaceholders();
      await store.mergeDocuments(ID.qd569undated, ID.qd569, UNDATED);
      const edgesBefore = (await store.exportAll()).edges.length;

      expect(await store.mergeDocuments(ID.strategy, ID.qd569, BY_SUBJECT)).toEqual({
        from: ID.strategy,
        into: ID.qd569,
        edgesMoved: 1,
        edgesDropped: 1,
      });
      expect((await store.exportAll()).edges.length).toBe(edgesBefore - 1);
      expect(await store.getDocument(ID.qd569)).toMatchObject({
        mergedIds: [ID.qd569undated, ID.strategy].sort(),
        identityNotes: [noteLine(ID.qd569undated, UNDATED), noteLine(ID.strategy, BY_SUBJECT)],
        title: STRATEGY, // empty fields are filled, whichever merge brings them
        type: 'QUYET_DINH', // a known type is never replaced by OTHER
      });
      const out = (await store.citations(ID.kh88, 'OUT')).citations.map((c) => c.edge);
      expect(
        out.map((e) => [e.type, e.to, e.type === 'CITES' ? e.basis : null, e.provenance.method]),
      ).toEqual([
        ['CITES', ID.qd569, null, 'SUBJECT_INFERRED'],
        ['CITES', ID.qd569, 'CAN_CU', 'IDENTITY_INFERRED'],
        // "88 implements the strategy" became the same edge as "88 implements 569": the existing one stays.
        ['IMPLEMENTS', ID.qd569, null, 'IDENTITY_INFERRED'],
      ]);
      expect(out.every((e) => e.provenance.confidence <= 0.8)).toBe(true);
    });

    it('a CITED_ONLY numbered node merged into an unnumbered full text: number and date join it, its tasks stay, in either order', async () => {
      const forward = await fresh();
      await forward.applyDocument(iaHDraiPlan(1));
      await forward.applyDocument(konTumPlan(ID.konTumUnnumbered));
      const backward = await fresh();
      await backward.applyDocument(konTumPlan(ID.konTumUnnumbered));
      await backward.applyDocument(iaHDraiPlan(1));
      for (const store of [forward, backward]) {
        expect(await store.mergeDocuments(ID.kh1693, ID.konTumUnnumbered, UNNUMBERED)).toEqual({
          from: ID.kh1693,
          into: ID.konTumUnnumbered,
          edgesMoved: 3,
          edgesDropped: 0,
        });
      }
      expect(await backward.exportAll()).toEqual(await forward.exportAll());

      expect(DocumentNode.parse(await forward.getDocument(ID.konTumUnnumbered))).toMatchObject({
        status: 'FULL_TEXT',
        symbol: '1693/KH-UBND',
        dateValue: '2023-06-07',
        dateText: '07/6/2023',
        year: 2023,
        issuerName: 'Ủy ban nhân dân tỉnh Kon Tum', // its own text, not the citation's "UBND tỉnh Kon Tum"
        signer: 'Nguyễn Hữu Tháp',
        contentHash: 'sha256:004-v1',
        sources: [SRC.konTum, SRC.iaHDrai], // its own file first
        mergedIds: [ID.kh1693],
      });
      const own = ['II.1', 'II.1.a', 'II.3.b'].map((k) => taskId(ID.konTumUnnumbered, k));
      const down = await forward.lineageDown(ID.konTumUnnumbered, 1);
      expect(ids(down.nodes.filter((n) => n.kind === 'TASK'))).toEqual([...own, TASK.iii6h]);
      const chain = await forward.chainUp(TASK.iii6h);
      expect(chain.paths.map((p) => ids(p.nodes))).toEqual([
        [TASK.iii6h, ID.konTumUnnumbered, ID.ctr57, ID.nq36],
      ]);
      // 1693 → 57 is stated by the plan itself and (re-pointed) by the district plan.
      expect(
        chain.paths[0]?.steps[1]?.edges.map((e) => [e.provenance.assertedBy, e.provenance.method]),
      ).toEqual([
        [ID.iaHDrai, 'IDENTITY_INFERRED'],
        [ID.konTumUnnumbered, 'STATED'],
      ]);
    });

    it('term and signer title through a merge: the full text’s values win, a null never overwrites', async () => {
      // The citation in the district plan says more than usual: a term, and a signer title of its own.
      const citing = iaHDraiPlan(1);
      citing.mentioned = citing.mentioned.map((m) =>
        m.id === ID.kh1693 ? { ...m, term: 'XV', signerTitle: 'KT. CHỦ TỊCH' } : m,
      );
      const silent = await fresh();
      await silent.applyDocument(citing);
      await silent.applyDocument(konTumPlan(ID.konTumUnnumbered)); // prints its signer title, no term
      await silent.mergeDocuments(ID.kh1693, ID.konTumUnnumbered, UNNUMBERED);
      expect(await silent.getDocument(ID.konTumUnnumbered)).toMatchObject({
        signerTitle: 'TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH',
        term: 'XV',
      });

      const stated = await fresh();
      await stated.applyDocument(konTumPlan(ID.konTumUnnumbered, { term: 'XVI' }));
      await stated.applyDocument(citing);
      await stated.mergeDocuments(ID.kh1693, ID.konTumUnnumbered, UNNUMBERED);
      expect(await stated.getDocument(ID.konTumUnnumbered)).toMatchObject({
        signerTitle: 'TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH',
        term: 'XVI',
      });
      // And the other way: a full text without a signer title takes none from nothing.
      const bare = await fresh();
      await bare.applyDocument(iaHDraiPlan(1));
      await bare.applyDocument(konTumPlan(ID.konTumUnnumbered, { signerTitle: null }));
      await bare.mergeDocuments(ID.kh1693, ID.konTumUnnumbered, UNNUMBERED);
      expect(await bare.getDocument(ID.konTumUnnumbered)).toMatchObject({ signerTitle: null, term: null });
    });

    it('a new version of a document whose edges were re-pointed removes exactly its own edges', async () => {
      const store = await withPlaceholders();
      await store.mergeDocuments(ID.qd569undated, ID.qd569, UNDATED);
      await store.mergeDocuments(ID.strategy, ID.qd569, BY_SUBJECT);
      const merged = await store.exportAll();

      expect((await store.applyDocument(laoCaiDepartmentPlan(2))).outcome).toBe('REPLACED');
      const after = await store.exportAll();
      const notBy88 = (g: GraphExport) => g.edges.filter((e) => e.provenance.assertedBy !== ID.kh88);
      expect(notBy88(after)).toEqual(notBy88(merged));
      expect(after.edges.filter((e) => e.provenance.assertedBy === ID.kh88)).toEqual(
        laoCaiDepartmentPlan(2).edges.map(withEdgeId).sort(byId),
      );
      // "569 is issued by the Prime Minister" was re-pointed to start at the survivor: the old version's
      // recorded edge sources must name the survivor for it to go. The agency only it named went with it.
      expect(after.edges.some((e) => e.type === 'ISSUED_BY' && e.from === ID.qd569)).toBe(false);
      await expectStoreError(store.getNode(AG.thuTuong), 'NOT_FOUND');

      // The survivor keeps what the merges recorded; the new text's undated citation is a placeholder again
      // (an exact id wins over a merged-away one) until the next reconcile merges it again.
      const notes = [noteLine(ID.qd569undated, UNDATED), noteLine(ID.strategy, BY_SUBJECT)];
      expect(await store.getDocument(ID.qd569)).toMatchObject({ identityNotes: notes });
      expect(await store.getDocument(ID.qd569undated)).toMatchObject({
        id: ID.qd569undated,
        status: 'CITED_ONLY',
      });
      expect(await store.mergeDocuments(ID.qd569undated, ID.qd569, UNDATED)).toMatchObject({
        edgesMoved: 2,
        edgesDropped: 0,
      });
      expect(await store.getDocument(ID.qd569)).toMatchObject({
        mergedIds: [ID.qd569undated, ID.strategy].sort(),
        identityNotes: notes, // the same note is not repeated
      });
    });

    it('refuses what it cannot merge, and writes nothing', async () => {
      const store = await withPlaceholders();
      const before = await store.exportAll();
      const missing = 'doc:404/qd-ttg@central@?';
      const refusals: Array<[string, string, IdentityNote, 'INVALID_ARGUMENT' | 'NOT_FOUND']> = [
        // a full text is always the survivor (its tasks are keyed by its id)
        [ID.laoCai, ID.qd569, UNDATED, 'INVALID_ARGUMENT'],
        // a node into itself
        [ID.qd569undated, ID.qd569undated, UNDATED, 'INVALID_ARGUMENT'],
        // a method that is not an inference
        [ID.qd569undated, ID.qd569, { method: 'STATED' as never, reason: 'x' }, 'INVALID_ARGUMENT'],
        // no reason
        [ID.qd569undated, ID.qd569, { method: 'IDENTITY_INFERRED', reason: ' ' }, 'INVALID_ARGUMENT'],
        // either end absent
        [missing, ID.qd569, UNDATED, 'NOT_FOUND'],
        [ID.qd569undated, missing, UNDATED, 'NOT_FOUND'],
        // either end not a document
        [ID.qd569undated, TASK.ii4d, UNDATED, 'NOT_FOUND'],
        [AG.thuTuong, ID.qd569, UNDATED, 'NOT_FOUND'],
      ];
      for (const [from, into, note, code] of refusals) {
        await expectStoreError(store.mergeDocuments(from, into, note), code);
      }
      expect(await store.exportAll()).toEqual(before);
      // Merged away, an id is no longer a node to merge (NOT_FOUND, which reconcile skips).
      await store.mergeDocuments(ID.qd569undated, ID.qd569, UNDATED);
      await expectStoreError(store.mergeDocuments(ID.qd569undated, ID.qd569, UNDATED), 'NOT_FOUND');
    });

    const steps: MergeStep[] = [
      'MERGE_READ_STATE',
      'MERGE_UPSERT_DOCUMENTS',
      'MERGE_CREATE_EDGES',
      'MERGE_DELETE_FROM',
    ];
    it.each(steps)('a failure after %s leaves the store exactly as before', async (step) => {
      let failAt: MergeStep | null = null;
      const failedOn: string[] = [];
      const store = await withPlaceholders({
        afterStep: (s, documentId) => {
          if (s !== failAt) return;
          failedOn.push(documentId);
          throw new Error(`injected failure after ${s}`);
        },
      });
      const before = await store.exportAll();
      failAt = step;
      await expectStoreError(store.mergeDocuments(ID.qd569undated, ID.qd569, UNDATED), 'WRITE_FAILED');
      expect(failedOn).toEqual([ID.qd569undated]);
      expect(await store.exportAll()).toEqual(before);
      failAt = null;
      expect(await store.mergeDocuments(ID.qd569undated, ID.qd569, UNDATED)).toMatchObject({ edgesMoved: 3 });
    });

    it('a merged-away id still finds the survivor: getNode, getDocument, findDocuments, resolveDocument, reads from an id', async () => {
      const store = await fresh();
      await store.applyDocument(iaHDraiPlan(1));
      // Printed with a month only: that date stays, so only the merged-away id says 2023-06-07.
      const printed = { dateValue: '2023-06', dateText: 'tháng 6 năm 2023', year: 2023 };
      await store.applyDocument(konTumPlan(ID.konTumUnnumbered, printed));
      await store.mergeDocuments(ID.kh1693, ID.konTumUnnumbered, UNNUMBERED);

      expect((await store.getNode(ID.kh1693)).id).toBe(ID.konTumUnnumbered);
      expect(await store.getDocument(ID.kh1693)).toMatchObject({
        id: ID.konTumUnnumbered,
        symbol: '1693/KH-UBND',
        dateValue: '2023-06',
      });
      for (const query of [
        // the day is known only from the merged-away id
        { symbol: '1693/KH-UBND', date: '2023-06-07' },
        { symbol: '1693/kh-ubnd', issuerJurisdiction: 'Kon Tum', year: 2023 },
        // its own date
        { symbol: '1693/KH-UBND', date: '2023-06' },
      ]) {
        expect(ids(await store.findDocuments(query)), JSON.stringify(query)).toEqual([ID.konTumUnnumbered]);
      }
      expect((await store.resolveDocument({ symbol: '1693/KH-UBND', date: '2023-06-07' })).id).toBe(
        ID.konTumUnnumbered,
      );
      // Another day, or the node's own status contradicting the query, still match nothing.
      expect(await store.findDocuments({ symbol: '1693/KH-UBND', date: '2023-06-08' })).toEqual([]);
      expect(await store.findDocuments({ symbol: '1693/KH-UBND', status: 'CITED_ONLY' })).toEqual([]);

      const cited = await store.citations(ID.kh1693, 'IN');
      expect([cited.node.id, ...cited.citations.map((c) => c.node.id)]).toEqual([
        ID.konTumUnnumbered,
        ID.iaHDrai,
        TASK.iii6h,
      ]);
      expect((await store.chainUp(ID.kh1693)).start.id).toBe(ID.konTumUnnumbered);
      expect(ids((await store.lineageDown(ID.kh1693, 1)).nodes)).toContain(TASK.iii6h);
      // Only documents are merged: a task id under the old document id names nothing.
      await expectStoreError(store.getNode(taskId(ID.kh1693, 'II.1')), 'NOT_FOUND');
      await expectStoreError(store.getDocument('doc:1693/kh-ubnd@kon-tum@2023-06-08'), 'NOT_FOUND');
    });
  });

  describe('implementsTargets', () => {
    it('lists, for each document, the documents it implements (document-level, any asserter), in one call', async () => {
      const store = await withPlaceholders();
      const missing = 'doc:404/qd-ttg@central@?';
      expect(
        await store.implementsTargets([ID.ctr57, ID.kh167, ID.kh88, ID.iaHDrai, ID.nq36, missing]),
      ).toEqual({
        [ID.ctr57]: [ID.nq36], // stated by two documents, listed once
        [ID.kh167]: [ID.kl93],
        [ID.kh88]: [ID.qd569undated, ID.strategy].sort(),
        [ID.iaHDrai]: [], // only one of its tasks implements something
        [ID.nq36]: [],
        [missing]: [],
      });
      expect(await store.implementsTargets([])).toEqual({});
      await expectStoreError(store.implementsTargets([TASK.iii6h]), 'INVALID_ARGUMENT');
    });
  });
}
