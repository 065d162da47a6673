// Test fixture: hand-built DocumentFacts shaped like the seeds' lineage (36-NQ/TW → 57-CTr/TU → 1693/KH-UBND → Ia H'Drai task III.6.h; 42 → 93 → 167; 569 ← Lào Cai).
import type { Level } from '../../src/model/extraction.ts';
import {
  type AgencyFields,
  agencyId,
  type DocumentFacts,
  type DocumentFields,
  documentId,
  type EdgeFields,
  emptyDocumentFields,
  type Method,
  type TaskFields,
  taskId,
} from '../../src/model/graph.ts';

export const EXTRACTOR = '0.1.0';

export const SRC = {
  iaHDrai: 'seeds/000_5f6ac51fd7d22cf5.txt',
  laoCai: 'seeds/001_ffb4562998a4ed83.txt',
  qn167: 'seeds/003_241023ceb20e6f40.txt',
  konTum: 'seeds/004_4621c10ea01442bf.txt',
  nq36of2018: 'fixture/36-NQ-TW-2018.txt',
  iaToi: 'fixture/ia-toi-commune-plan.txt',
  kh88: 'fixture/88-KH-SKHCN-lao-cai.txt',
} as const;

/** The strategy 569/QĐ-TTg promulgated, as texts name it. */
export const STRATEGY = 'Chiến lược phát triển khoa học, công nghệ và đổi mới sáng tạo đến năm 2030';

export const ID = {
  nq36: documentId({ symbol: '36-NQ/TW', jurisdiction: null, date: '2023-01-30' }),
  nq36of2018: documentId({ symbol: '36-NQ/TW', jurisdiction: null, date: '2018-10-22' }),
  ctr57: documentId({ symbol: '57-CTr/TU', jurisdiction: 'Kon Tum', date: '2023-04-28' }),
  kh1693: documentId({ symbol: '1693/KH-UBND', jurisdiction: 'Kon Tum', date: '2023-06-07' }),
  kh4485: documentId({ symbol: '4485/KH-UBND', jurisdiction: 'Kon Tum', date: '2020-12-03' }),
  iaHDrai: documentId({
    symbol: null,
    label: 'KH-UBND 000_5f6ac51fd7d22cf5',
    jurisdiction: "Ia H'Drai",
    date: null,
  }),
  iaToi: documentId({ symbol: null, label: 'KH-UBND ia-toi', jurisdiction: 'Ia Tơi', date: null }),
  kl93: documentId({ symbol: '93-KL/TW', jurisdiction: null, date: '2020-11-20' }),
  ct42: documentId({ symbol: '42-CT/TW', jurisdiction: null, date: '2010-04-16' }),
  cv186: documentId({ symbol: '186-CV/TU', jurisdiction: 'Quảng Ngãi', date: '2021-01-04' }),
  kh167: documentId({ symbol: '167/KH-UBND', jurisdiction: 'Quảng Ngãi', date: '2021-11-29' }),
  qd569: documentId({ symbol: '569/QĐ-TTg', jurisdiction: null, date: '2022-05-11' }),
  laoCai: documentId({
    symbol: null,
    label: 'KH-UBND 001_ffb4562998a4ed83',
    jurisdiction: 'Lào Cai',
    date: '2024-04',
  }),
  // Placeholders the identity merges are about (not in `allFacts`):
  /** 569/QĐ-TTg cited without its date. */
  qd569undated: documentId({ symbol: '569/QĐ-TTg', jurisdiction: null, date: null }),
  /** The strategy referred to by name. */
  strategy: documentId({ symbol: null, label: STRATEGY, jurisdiction: null, date: null }),
  /** Seed 004 as its own text gives it (no number, no date), before it is recognised as 1693/KH-UBND. */
  konTumUnnumbered: documentId({
    symbol: null,
    label: 'KH-UBND 004_4621c10ea01442bf',
    jurisdiction: 'Kon Tum',
    date: null,
  }),
  /** An invented Lào Cai department plan citing 569 without date and the strategy by name. */
  kh88: documentId({ symbol: '88/KH-SKHCN', jurisdiction: 'Lào Cai', date: '2024-05-20' }),
};

export const AG = {
  ubndKonTum: agencyId({ name: 'Ủy ban nhân dân tỉnh Kon Tum', jurisdiction: 'Kon Tum' }),
  skhdtKonTum: agencyId({ name: 'Sở Kế hoạch và Đầu tư', jurisdiction: 'Kon Tum' }),
  skhcnKonTum: agencyId({ name: 'Sở Khoa học và Công nghệ', jurisdiction: 'Kon Tum' }),
  ubndIaHDrai: agencyId({ name: "Ủy ban nhân dân huyện Ia H'Drai", jurisdiction: "Ia H'Drai" }),
  pktht: agencyId({ name: 'Phòng Kinh tế và Hạ tầng', jurisdiction: "Ia H'Drai" }),
  ptckh: agencyId({ name: 'Phòng Tài chính - Kế hoạch', jurisdiction: "Ia H'Drai" }),
  ubndIaToi: agencyId({ name: 'Ủy ban nhân dân xã Ia Tơi', jurisdiction: 'Ia Tơi' }),
  lhhQuangNgai: agencyId({ name: 'Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh', jurisdiction: 'Quảng Ngãi' }),
  skhcnQuangNgai: agencyId({ name: 'Sở Khoa học và Công nghệ', jurisdiction: 'Quảng Ngãi' }),
  ubndLaoCai: agencyId({ name: 'Ủy ban nhân dân tỉnh Lào Cai', jurisdiction: 'Lào Cai' }),
  bchtw: agencyId({ name: 'Ban Chấp hành Trung ương', jurisdiction: null }),
  thuTuong: agencyId({ name: 'Thủ tướng Chính phủ', jurisdiction: null }),
  skhcnLaoCai: agencyId({ name: 'Sở Khoa học và Công nghệ', jurisdiction: 'Lào Cai' }),
};

export const TASK = {
  iii6: taskId(ID.iaHDrai, 'III.6'),
  iii6h: taskId(ID.iaHDrai, 'III.6.h'),
  iii3: taskId(ID.iaHDrai, 'III.3'),
  ii1: taskId(ID.kh1693, 'II.1'),
  ii1a: taskId(ID.kh1693, 'II.1.a'),
  ii3b: taskId(ID.kh1693, 'II.3.b'),
  ii4: taskId(ID.kh167, 'II.4'),
  ii4d: taskId(ID.kh167, 'II.4.d'),
  ii4d2: taskId(ID.kh167, 'II.4.d~2'),
};

function doc(id: string, fields: Partial<DocumentFields>): DocumentFields {
  return {
    ...emptyDocumentFields(id, 'KE_HOACH'),
    ...fields,
  };
}

function agency(
  id: string,
  name: string,
  jurisdiction: string | null,
  level: Level,
  variants: string[] = [],
): AgencyFields {
  return { id, name, variants, jurisdiction, level };
}

function task(
  docId: string,
  key: string,
  parentKey: string | null,
  title: string,
  deadline?: Partial<TaskFields>,
): TaskFields {
  return {
    id: taskId(docId, key),
    documentId: docId,
    key,
    label: key.replace(/~\d+$/, ''),
    parentKey,
    title,
    text: `${title} (nội dung)`,
    groups: [],
    deadlineKind: null,
    deadlineValue: null,
    deadlineText: null,
    deadlineValid: true,
    deadlineDates: [],
    deadlineCondition: null,
    deadlineRecurrence: null,
    ...deadline,
  };
}

/** Builds edges asserted by one document, with evidence spans that advance through its text. */
function asserter(assertedBy: string, source: string, extractorVersion = EXTRACTOR) {
  let offset = 100;
  const provenance = (method: Method = 'STATED') => {
    const start = offset;
    offset += 40;
    return {
      assertedBy,
      source,
      evidence: { start, end: start + 30 },
      method,
      confidence: 0.9,
      extractorVersion,
    };
  };
  return {
    implements: (from: string, to: string, method?: Method): EdgeFields => ({
      type: 'IMPLEMENTS',
      from,
      to,
      provenance: provenance(method),
    }),
    cites: (
      to: string,
      basis: 'CAN_CU' | 'DE_NGHI' | 'CHI_DAO' | null = null,
      method?: Method,
    ): EdgeFields => ({
      type: 'CITES',
      from: assertedBy,
      to,
      basis,
      provenance: provenance(method),
    }),
    assigns: (from: string, to: string, role: 'LEAD' | 'COORDINATOR'): EdgeFields => ({
      type: 'ASSIGNS',
      from,
      to,
      role,
      provenance: provenance(),
    }),
    issuedBy: (to: string, from = assertedBy): EdgeFields => ({
      type: 'ISSUED_BY',
      from,
      to,
      provenance: provenance(),
    }),
    hasTask: (to: string): EdgeFields => ({
      type: 'HAS_TASK',
      from: assertedBy,
      to,
      provenance: provenance(),
    }),
    partOf: (from: string, to: string): EdgeFields => ({
      type: 'PART_OF',
      from,
      to,
      provenance: provenance(),
    }),
  };
}

const nq36Cited = doc(ID.nq36, {
  symbol: '36-NQ/TW',
  type: 'NGHI_QUYET',
  issuerName: 'Bộ Chính trị',
  branch: 'PARTY',
  level: 'CENTRAL',
  dateValue: '2023-01-30',
  dateText: '30/01/2023',
  year: 2023,
  subject:
    'phát triển và ứng dụng công nghệ sinh học phục vụ phát triển bền vững đất nước trong tình hình mới',
});

const ctr57Cited = doc(ID.ctr57, {
  symbol: '57-CTr/TU',
  type: 'CHUONG_TRINH',
  issuerName: 'Ban Thường vụ Tỉnh ủy Kon Tum',
  branch: 'PARTY',
  level: 'PROVINCE',
  jurisdiction: 'Kon Tum',
  province: 'Kon Tum',
  dateValue: '2023-04-28',
  dateText: '28/4/2023',
  year: 2023,
});

/**
 * Seed 004: the Kon Tum plan, printed without number or date; the resolver bound it to 1693/KH-UBND.
 * With another `id` (ID.konTumUnnumbered) it is the plan as its own text alone identifies it; `printed`
 * adds header fields (a date the copy shows).
 */
export function konTumPlan(id: string = ID.kh1693, printed: Partial<DocumentFields> = {}): DocumentFacts {
  const a = asserter(id, SRC.konTum);
  const t = (key: string) => taskId(id, key);
  return {
    source: SRC.konTum,
    contentHash: 'sha256:004-v1',
    extractorVersion: EXTRACTOR,
    document: doc(id, {
      issuerName: 'Ủy ban nhân dân tỉnh Kon Tum',
      branch: 'STATE',
      level: 'PROVINCE',
      jurisdiction: 'Kon Tum',
      province: 'Kon Tum',
      title: 'Kế hoạch triển khai thực hiện Chương trình số 57-CTr/TU của Ban Thường vụ Tỉnh ủy',
      signer: 'Nguyễn Hữu Tháp',
      signerTitle: 'TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH',
      ...printed,
    }),
    mentioned: [ctr57Cited, nq36Cited],
    agencies: [
      agency(AG.ubndKonTum, 'Ủy ban nhân dân tỉnh Kon Tum', 'Kon Tum', 'PROVINCE'),
      agency(AG.skhdtKonTum, 'Sở Kế hoạch và Đầu tư', 'Kon Tum', 'PROVINCE'),
      agency(AG.skhcnKonTum, 'Sở Khoa học và Công nghệ', 'Kon Tum', 'PROVINCE', ['Sở KH&CN']),
    ],
    tasks: [
      task(id, 'II.1', null, 'Nâng cao nhận thức'),
      task(id, 'II.1.a', 'II.1', 'Tuyên truyền', {
        deadlineKind: 'BY_QUARTER',
        deadlineValue: '2023-Q2',
        deadlineText: 'quý II/2023',
      }),
      task(id, 'II.3.b', null, 'Thu hút đầu tư', {
        deadlineKind: 'BY_QUARTER',
        deadlineValue: '2024-Q2',
        deadlineText: 'quý II/2024',
      }),
    ],
    edges: [
      a.implements(id, ID.ctr57),
      a.implements(ID.ctr57, ID.nq36),
      a.issuedBy(AG.ubndKonTum),
      a.hasTask(t('II.1')),
      a.hasTask(t('II.1.a')),
      a.hasTask(t('II.3.b')),
      a.partOf(t('II.1.a'), t('II.1')),
      a.assigns(t('II.1.a'), AG.skhcnKonTum, 'LEAD'),
      a.assigns(t('II.3.b'), AG.skhdtKonTum, 'LEAD'),
      a.assigns(t('II.3.b'), AG.skhcnKonTum, 'COORDINATOR'),
    ],
  };
}

/** Seed 000, first version: the Ia H'Drai district plan. Version 2 drops task III.3, the 4485 citation and one statement. */
export function iaHDraiPlan(version: 1 | 2 = 1): DocumentFacts {
  const a = asserter(ID.iaHDrai, SRC.iaHDrai);
  const v1 = version === 1;
  return {
    source: SRC.iaHDrai,
    contentHash: `sha256:000-v${version}`,
    extractorVersion: EXTRACTOR,
    document: doc(ID.iaHDrai, {
      issuerName: "Ủy ban nhân dân huyện Ia H'Drai",
      branch: 'STATE',
      level: 'DISTRICT',
      jurisdiction: "Ia H'Drai",
      province: 'Kon Tum',
      title:
        'Kế hoạch thực hiện Chiến lược phát triển khoa học, công nghệ và đổi mới sáng tạo trên địa bàn huyện',
      signer: 'Nguyễn Tiến Dũng',
    }),
    mentioned: [
      doc(ID.kh1693, {
        symbol: '1693/KH-UBND',
        issuerName: 'UBND tỉnh Kon Tum',
        branch: 'STATE',
        level: 'PROVINCE',
        jurisdiction: 'Kon Tum',
        province: 'Kon Tum',
        dateValue: '2023-06-07',
        dateText: '07/6/2023',
        year: 2023,
        subject: 'triển khai thực hiện Chương trình số 57-CTr/TU',
      }),
      ctr57Cited,
      nq36Cited,
      ...(v1
        ? [
            doc(ID.kh4485, {
              symbol: '4485/KH-UBND',
              issuerName: 'UBND tỉnh Kon Tum',
              branch: 'STATE',
              level: 'PROVINCE',
              jurisdiction: 'Kon Tum',
              dateValue: '2020-12-03',
              dateText: 'ngày 03 tháng 12 năm 2020',
              year: 2020,
            }),
          ]
        : []),
    ],
    agencies: [
      agency(AG.ubndIaHDrai, "Ủy ban nhân dân huyện Ia H'Drai", "Ia H'Drai", 'DISTRICT'),
      agency(AG.pktht, 'Phòng Kinh tế và Hạ tầng', "Ia H'Drai", 'DISTRICT', [
        'phòng Kinh tế - Hạ tầng',
        'phòng Kinh tế Hạ tầng',
      ]),
      ...(v1 ? [agency(AG.ptckh, 'Phòng Tài chính - Kế hoạch', "Ia H'Drai", 'DISTRICT')] : []),
    ],
    tasks: [
      task(ID.iaHDrai, 'III.6', null, 'Phát triển công nghệ theo ngành, lĩnh vực', {
        deadlineKind: 'ONGOING',
        deadlineText: 'Thường xuyên',
      }),
      {
        ...task(ID.iaHDrai, 'III.6.h', 'III.6', 'Công nghệ sinh học', {
          deadlineKind: 'ONGOING',
          deadlineText: 'Thường xuyên',
        }),
        groups: ['Các đơn vị, địa phương được giao nhiệm vụ tại Kế hoạch'],
      },
      ...(v1 ? [task(ID.iaHDrai, 'III.3', null, 'Huy động nguồn lực tài chính')] : []),
    ],
    edges: [
      a.cites(ID.kh1693),
      a.cites(ID.ctr57),
      a.cites(ID.nq36),
      ...(v1 ? [a.cites(ID.kh4485), a.implements(ID.ctr57, ID.nq36)] : []),
      a.implements(ID.kh1693, ID.ctr57),
      a.implements(TASK.iii6h, ID.kh1693),
      a.issuedBy(AG.ubndIaHDrai),
      a.hasTask(TASK.iii6),
      a.hasTask(TASK.iii6h),
      a.partOf(TASK.iii6h, TASK.iii6),
      a.assigns(TASK.iii6, AG.pktht, 'LEAD'),
      ...(v1
        ? [
            a.hasTask(TASK.iii3),
            a.assigns(TASK.iii3, AG.ptckh, 'LEAD'),
            a.assigns(TASK.iii3, AG.pktht, 'COORDINATOR'),
          ]
        : []),
    ],
  };
}

/** An invented commune plan implementing the Ia H'Drai plan: what it asserts must survive a new version of 000. */
export function iaToiPlan(): DocumentFacts {
  const a = asserter(ID.iaToi, SRC.iaToi);
  return {
    source: SRC.iaToi,
    contentHash: 'sha256:ia-toi-v1',
    extractorVersion: EXTRACTOR,
    document: doc(ID.iaToi, {
      issuerName: 'Ủy ban nhân dân xã Ia Tơi',
      branch: 'STATE',
      level: 'COMMUNE',
      jurisdiction: 'Ia Tơi',
      province: 'Kon Tum',
      title: 'Kế hoạch thực hiện trên địa bàn xã',
    }),
    mentioned: [
      doc(ID.iaHDrai, { issuerName: "UBND huyện Ia H'Drai", jurisdiction: "Ia H'Drai", level: 'DISTRICT' }),
    ],
    agencies: [agency(AG.ubndIaToi, 'Ủy ban nhân dân xã Ia Tơi', 'Ia Tơi', 'COMMUNE')],
    tasks: [],
    edges: [a.implements(ID.iaToi, ID.iaHDrai), a.issuedBy(AG.ubndIaToi)],
  };
}

/** Seed 003: 167/KH-UBND of Quảng Ngãi; states 93 → 42 and 186 → 93; two distinct items "d)". */
export function quangNgaiPlan(): DocumentFacts {
  const a = asserter(ID.kh167, SRC.qn167);
  return {
    source: SRC.qn167,
    contentHash: 'sha256:003-v1',
    extractorVersion: EXTRACTOR,
    document: doc(ID.kh167, {
      symbol: '167/KH-UBND',
      issuerName: 'Ủy ban nhân dân tỉnh Quảng Ngãi',
      branch: 'STATE',
      level: 'PROVINCE',
      jurisdiction: 'Quảng Ngãi',
      province: 'Quảng Ngãi',
      dateValue: '2021-11-29',
      dateText: 'ngày 29 tháng 11 năm 2021',
      year: 2021,
      title: 'Kế hoạch thực hiện Kết luận số 93-KL/TW của Ban Bí thư',
      signer: 'Trần Phước Hiền',
    }),
    mentioned: [
      doc(ID.kl93, {
        symbol: '93-KL/TW',
        type: 'KET_LUAN',
        issuerName: 'Ban Bí thư',
        branch: 'PARTY',
        level: 'CENTRAL',
        dateValue: '2020-11-20',
        dateText: '20/11/2020',
        year: 2020,
      }),
      doc(ID.ct42, {
        symbol: '42-CT/TW',
        type: 'CHI_THI',
        issuerName: 'Bộ Chính trị',
        branch: 'PARTY',
        level: 'CENTRAL',
        dateValue: '2010-04-16',
        dateText: '16/4/2010',
        year: 2010,
        term: 'X', // "Chỉ thị 42-CT/TW ngày 16/4/2010 của Bộ Chính trị khóa X"
      }),
      doc(ID.cv186, {
        symbol: '186-CV/TU',
        type: 'CONG_VAN',
        issuerName: 'Ban Thường vụ Tỉnh ủy',
        branch: 'PARTY',
        level: 'PROVINCE',
        jurisdiction: 'Quảng Ngãi',
        dateValue: '2021-01-04',
        dateText: '04/01/2021',
        year: 2021,
      }),
    ],
    agencies: [
      agency(AG.lhhQuangNgai, 'Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh', 'Quảng Ngãi', 'PROVINCE', [
        'Liên hiệp Hội tỉnh',
      ]),
      agency(AG.skhcnQuangNgai, 'Sở Khoa học và Công nghệ', 'Quảng Ngãi', 'PROVINCE'),
    ],
    tasks: [
      task(ID.kh167, 'II.4', null, 'Nhiệm vụ của Liên hiệp Hội'),
      task(ID.kh167, 'II.4.d', 'II.4', 'Tư vấn, phản biện', {
        deadlineKind: 'BY_DATE',
        deadlineValue: '2022-06-30',
        deadlineText: 'Trước ngày 30/6/2022 (sau khi Đề án được phê duyệt)',
        deadlineDates: [{ text: '30/6/2022', value: '2022-06-30', valid: true }],
        deadlineCondition: 'sau khi Đề án được phê duyệt',
      }),
      task(ID.kh167, 'II.4.d~2', 'II.4', 'Hoạt động hội', {
        deadlineKind: 'BY_DATE',
        deadlineValue: null,
        deadlineText: 'Trước ngày 31/6/2022',
        deadlineValid: false,
        deadlineDates: [{ text: '31/6/2022', value: null, valid: false }],
      }),
    ],
    edges: [
      a.implements(ID.kh167, ID.kl93, 'ALIAS_RESOLVED'),
      a.implements(ID.kl93, ID.ct42, 'ALIAS_RESOLVED'),
      a.implements(ID.cv186, ID.kl93),
      a.cites(ID.cv186, 'CHI_DAO'),
      a.hasTask(TASK.ii4),
      a.hasTask(TASK.ii4d),
      a.hasTask(TASK.ii4d2),
      a.partOf(TASK.ii4d, TASK.ii4),
      a.partOf(TASK.ii4d2, TASK.ii4),
      a.assigns(TASK.ii4d, AG.lhhQuangNgai, 'LEAD'),
      a.assigns(TASK.ii4d2, AG.skhcnQuangNgai, 'LEAD'),
    ],
  };
}

/** ~10 KB of UTF-8: larger than a database page (SQLite's are 4 KB), so it is stored across overflow pages. */
export const LONG_TASK_TEXT = 'Tư vấn, phản biện và giám định xã hội về khoa học và công nghệ. '.repeat(120);

/** Seed 003 with one task text as long as some real tasks are (seed 004's II.3.a is ~8 KB). */
export function quangNgaiPlanWithLongTask(): DocumentFacts {
  const plan = quangNgaiPlan();
  return { ...plan, tasks: plan.tasks.map((t, i) => (i === 1 ? { ...t, text: LONG_TASK_TEXT } : t)) };
}

/** Seed 001: the Lào Cai plan (month-precision date) implementing 569/QĐ-TTg, which issued the strategy. */
export function laoCaiPlan(): DocumentFacts {
  const a = asserter(ID.laoCai, SRC.laoCai);
  return {
    source: SRC.laoCai,
    contentHash: 'sha256:001-v1',
    extractorVersion: EXTRACTOR,
    document: doc(ID.laoCai, {
      issuerName: 'Ủy ban nhân dân tỉnh Lào Cai',
      branch: 'STATE',
      level: 'PROVINCE',
      jurisdiction: 'Lào Cai',
      province: 'Lào Cai',
      dateValue: '2024-04',
      dateText: 'tháng 4 năm 2024',
      year: 2024,
      title: 'Kế hoạch thực hiện Chiến lược phát triển khoa học, công nghệ và đổi mới sáng tạo',
      signer: 'Giàng Thị Dung',
    }),
    mentioned: [
      doc(ID.qd569, {
        symbol: '569/QĐ-TTg',
        type: 'QUYET_DINH',
        issuerName: 'Thủ tướng Chính phủ',
        branch: 'STATE',
        level: 'CENTRAL',
        dateValue: '2022-05-11',
        dateText: '11/5/2022',
        year: 2022,
        promulgates: 'Chiến lược phát triển khoa học, công nghệ và đổi mới sáng tạo đến năm 2030',
      }),
    ],
    agencies: [agency(AG.ubndLaoCai, 'Ủy ban nhân dân tỉnh Lào Cai', 'Lào Cai', 'PROVINCE')],
    tasks: [],
    edges: [a.implements(ID.laoCai, ID.qd569), a.issuedBy(AG.ubndLaoCai)],
  };
}

/** 36-NQ/TW of 2018-10-22 (marine economy): same symbol as the 2023 resolution, another document. */
export function nq36of2018(): DocumentFacts {
  const a = asserter(ID.nq36of2018, SRC.nq36of2018);
  return {
    source: SRC.nq36of2018,
    contentHash: 'sha256:36-2018',
    extractorVersion: EXTRACTOR,
    document: doc(ID.nq36of2018, {
      symbol: '36-NQ/TW',
      type: 'NGHI_QUYET',
      issuerName: 'Ban Chấp hành Trung ương',
      branch: 'PARTY',
      level: 'CENTRAL',
      dateValue: '2018-10-22',
      dateText: '22/10/2018',
      year: 2018,
      title: 'Về Chiến lược phát triển bền vững kinh tế biển Việt Nam đến năm 2030, tầm nhìn đến năm 2045',
    }),
    mentioned: [],
    agencies: [agency(AG.bchtw, 'Ban Chấp hành Trung ương', null, 'CENTRAL')],
    tasks: [],
    edges: [a.issuedBy(AG.bchtw)],
  };
}

/**
 * An invented Lào Cai department plan (not in `allFacts`): cites 569/QĐ-TTg without its date (a
 * placeholder node, also said to be issued by the Prime Minister) and the strategy by name. Version 2
 * drops the strategy and the statement about 569's issuer.
 */
export function laoCaiDepartmentPlan(version: 1 | 2 = 1): DocumentFacts {
  const a = asserter(ID.kh88, SRC.kh88);
  const v1 = version === 1;
  return {
    source: SRC.kh88,
    contentHash: `sha256:88-v${version}`,
    extractorVersion: EXTRACTOR,
    document: doc(ID.kh88, {
      symbol: '88/KH-SKHCN',
      issuerName: 'Sở Khoa học và Công nghệ tỉnh Lào Cai',
      branch: 'STATE',
      level: 'PROVINCE',
      jurisdiction: 'Lào Cai',
      province: 'Lào Cai',
      dateValue: '2024-05-20',
      dateText: 'ngày 20 tháng 5 năm 2024',
      year: 2024,
      title: 'Kế hoạch triển khai Chiến lược phát triển khoa học, công nghệ và đổi mới sáng tạo năm 2024',
    }),
    mentioned: [
      doc(ID.qd569undated, {
        symbol: '569/QĐ-TTg',
        type: 'QUYET_DINH',
        issuerName: 'Thủ tướng Chính phủ',
        branch: 'STATE',
        level: 'CENTRAL',
        subject: `ban hành ${STRATEGY}`,
      }),
      ...(v1 ? [doc(ID.strategy, { type: 'OTHER', level: 'CENTRAL', title: STRATEGY })] : []),
    ],
    agencies: [
      agency(AG.skhcnLaoCai, 'Sở Khoa học và Công nghệ', 'Lào Cai', 'PROVINCE'),
      ...(v1 ? [agency(AG.thuTuong, 'Thủ tướng Chính phủ', null, 'CENTRAL')] : []),
    ],
    tasks: [],
    edges: [
      a.implements(ID.kh88, ID.qd569undated),
      a.cites(ID.qd569undated, 'CAN_CU'),
      a.issuedBy(AG.skhcnLaoCai),
      ...(v1
        ? [a.issuedBy(AG.thuTuong, ID.qd569undated), a.implements(ID.kh88, ID.strategy), a.cites(ID.strategy)]
        : []),
    ],
  };
}

/** The whole fixture in one ingestion order (the Ia H'Drai plan first, so 1693 starts CITED_ONLY). */
export function allFacts(): DocumentFacts[] {
  return [iaHDraiPlan(1), konTumPlan(), quangNgaiPlan(), laoCaiPlan(), nq36of2018(), iaToiPlan()];
}
