// Test fixture: hand-built DocumentFacts with validity hints — a decree (15/2018/NĐ-CP), a decree amending it and
// repealing a decision (123/2020/NĐ-CP), and a circular guiding the decree and replacing an older circular.
import {
  type DocumentFacts,
  type DocumentFields,
  documentId,
  type EdgeFields,
  type EdgeType,
  emptyDocumentFields,
} from '../../src/model/graph.ts';

export const VSRC = {
  nd15: 'fixture/nd-15-2018.txt',
  nd123: 'fixture/nd-123-2020.txt',
  tt05: 'fixture/tt-05-2021.txt',
} as const;

export const VID = {
  nd15: documentId({ symbol: '15/2018/NĐ-CP', jurisdiction: null, date: '2018-02-02' }),
  nd123: documentId({ symbol: '123/2020/NĐ-CP', jurisdiction: null, date: '2020-10-19' }),
  tt05: documentId({ symbol: '05/2021/TT-BYT', jurisdiction: null, date: '2021-03-12' }),
  qd99: documentId({ symbol: '99/2015/QĐ-TTg', jurisdiction: null, date: null, year: 2015 }),
  tt01: documentId({ symbol: '01/2019/TT-BYT', jurisdiction: null, date: null, year: 2019 }),
};

function central(id: string, fields: Partial<DocumentFields>): DocumentFields {
  return { ...emptyDocumentFields(id, 'NGHI_DINH'), branch: 'STATE', level: 'CENTRAL', ...fields };
}

const nd15Fields = () =>
  central(VID.nd15, {
    symbol: '15/2018/NĐ-CP',
    dateValue: '2018-02-02',
    year: 2018,
    issuerName: 'Chính phủ',
  });

function stated(assertedBy: string, source: string) {
  let at = 200;
  return (type: EdgeType, from: string, to: string): EdgeFields => {
    const start = at;
    at += 80;
    const provenance = {
      assertedBy,
      source,
      evidence: { start, end: start + 60 },
      method: 'STATED' as const,
      confidence: 0.95,
      extractorVersion: '1.2.0',
    };
    return type === 'CITES'
      ? { type, from, to, basis: 'CAN_CU', provenance }
      : ({ type, from, to, provenance } as EdgeFields);
  };
}

export function nd15(): DocumentFacts {
  return {
    source: VSRC.nd15,
    contentHash: 'sha256:nd15',
    extractorVersion: '1.2.0',
    document: { ...nd15Fields(), title: 'Quy định chi tiết thi hành một số điều của Luật An toàn thực phẩm' },
    mentioned: [],
    agencies: [],
    tasks: [],
    edges: [],
  };
}

/** Amends 15/2018 and repeals 99/2015/QĐ-TTg; `withAmends: false` is a new version that no longer states the amendment. */
export function nd123(withAmends = true): DocumentFacts {
  const e = stated(VID.nd123, VSRC.nd123);
  return {
    source: VSRC.nd123,
    contentHash: withAmends ? 'sha256:nd123' : 'sha256:nd123-v2',
    extractorVersion: '1.2.0',
    document: central(VID.nd123, {
      symbol: '123/2020/NĐ-CP',
      dateValue: '2020-10-19',
      year: 2020,
      issuerName: 'Chính phủ',
      title: 'Sửa đổi, bổ sung một số điều của Nghị định số 15/2018/NĐ-CP',
    }),
    mentioned: [
      nd15Fields(),
      central(VID.qd99, {
        symbol: '99/2015/QĐ-TTg',
        type: 'QUYET_DINH',
        year: 2015,
        issuerName: 'Thủ tướng Chính phủ',
      }),
    ],
    agencies: [],
    tasks: [],
    edges: [
      e('CITES', VID.nd123, VID.nd15),
      ...(withAmends ? [e('AMENDS', VID.nd123, VID.nd15)] : []),
      e('REPEALS', VID.nd123, VID.qd99),
    ],
  };
}

/** Guides 15/2018 and replaces 01/2019/TT-BYT. */
export function tt05(): DocumentFacts {
  const e = stated(VID.tt05, VSRC.tt05);
  return {
    source: VSRC.tt05,
    contentHash: 'sha256:tt05',
    extractorVersion: '1.2.0',
    document: central(VID.tt05, {
      symbol: '05/2021/TT-BYT',
      type: 'THONG_TU',
      dateValue: '2021-03-12',
      year: 2021,
      issuerName: 'Bộ Y tế',
    }),
    mentioned: [nd15Fields(), central(VID.tt01, { symbol: '01/2019/TT-BYT', type: 'THONG_TU', year: 2019 })],
    agencies: [],
    tasks: [],
    edges: [e('GUIDES', VID.tt05, VID.nd15), e('REPLACES', VID.tt05, VID.tt01)],
  };
}

export const validityFacts = (): DocumentFacts[] => [nd15(), nd123(), tt05()];
