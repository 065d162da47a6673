// Model: the zod schemas of what extraction yields for one document. Single source of the
// TypeScript types (z.infer); the CLI validates every entry against these before printing.
import { z } from 'zod';

/** A half-open range [start, end) of UTF-16 offsets into the ORIGINAL input text. */
export const Span = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });
export type Span = z.infer<typeof Span>;

export const DocType = z.enum([
  'NGHI_QUYET',
  'QUYET_DINH',
  'QUY_DINH',
  'CHI_THI',
  'KET_LUAN',
  'THONG_BAO',
  'KE_HOACH',
  'CHUONG_TRINH',
  'CONG_VAN',
  'TO_TRINH',
  'THONG_TU',
  'NGHI_DINH',
  'HUONG_DAN',
  'BAO_CAO',
  'DE_AN',
  'QUY_CHE',
  'LUAT',
  'OTHER',
]);
export type DocType = z.infer<typeof DocType>;

export const Branch = z.enum(['PARTY', 'STATE']);
export type Branch = z.infer<typeof Branch>;

export const Level = z.enum(['CENTRAL', 'PROVINCE', 'DISTRICT', 'COMMUNE']);
export type Level = z.infer<typeof Level>;

/** Who issued a document. `jurisdiction` is the most specific unit (province or district name), null for central bodies. */
export const Issuer = z.object({
  name: z.string(),
  branch: Branch,
  level: Level,
  jurisdiction: z.string().nullable(),
  /** The province that contains `jurisdiction` when the issuer is below province level. */
  province: z.string().nullable(),
  /** Party congress term ("X" of "Bộ Chính trị khóa X"), when printed: Party numbering restarts per term. */
  term: z.string().nullable(),
});
export type Issuer = z.infer<typeof Issuer>;

/**
 * A date as written. `value` is ISO with the precision the text gives ("2021-11-29", "2024-04", "2024"),
 * null when the text is blank or impossible; `valid` is false only for impossible dates (31/6/2022).
 */
export const DateValue = z.object({
  text: z.string(),
  value: z.string().nullable(),
  valid: z.boolean(),
});
export type DateValue = z.infer<typeof DateValue>;

export const DocumentHeader = z.object({
  symbol: z.string().nullable(),
  type: DocType,
  issuer: Issuer.nullable(),
  date: DateValue.nullable(),
  /** Place printed on the date line ("Quảng Ngãi"); not necessarily the jurisdiction (central bodies print "Hà Nội"). */
  place: z.string().nullable(),
  title: z.string().nullable(),
  signer: z.string().nullable(),
  /** The signer's title lines above the name, as printed, joined with " / " ("TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"); null when none. */
  signerTitle: z.string().nullable(),
});
export type DocumentHeader = z.infer<typeof DocumentHeader>;

export const Reference = z.object({
  id: z.string(),
  /** Canonical symbol ("57-CTr/TU" for "57-Ctr/TU"), null for references by name or short form only. */
  symbol: z.string().nullable(),
  /** Name for references without a number ("Nghị quyết Trung ương 2 (khóa VIII)") or known only by a short form ("Chỉ thị 42"). */
  name: z.string().nullable(),
  /** The document number as printed ("04" of "04-Ctr/TU"), null for named references. */
  number: z.string().nullable(),
  type: DocType,
  date: DateValue.nullable(),
  issuer: Issuer.nullable(),
  subject: z.string().nullable(),
  aliases: z.array(z.string()),
  mentions: z.array(Span),
  /** Reference id of the document that promulgated this one ("Quyết định 569 ban hành Chiến lược ..."). */
  promulgatedBy: z.string().nullable(),
});
export type Reference = z.infer<typeof Reference>;

/** What a document does to another's force (DOMAIN §2 "validity"): amends, replaces, repeals or guides it. */
export const ValidityType = z.enum(['AMENDS', 'REPLACES', 'REPEALS', 'GUIDES']);
export type ValidityType = z.infer<typeof ValidityType>;

export const RelationType = z.enum(['IMPLEMENTS', 'CITES', ...ValidityType.options]);
export type RelationType = z.infer<typeof RelationType>;

export const Basis = z.enum(['CAN_CU', 'DE_NGHI', 'CHI_DAO']);
export type Basis = z.infer<typeof Basis>;

/** `from`/`to`: "SELF" (the document itself), a reference id ("r1") or a task ("task:II.4.h"). */
export const Relation = z.object({
  from: z.string(),
  to: z.string(),
  type: RelationType,
  basis: Basis.nullable(),
  evidence: Span,
  /** Validity relations of part of the target only: the printed scope ("Điều 5", "khoản 2 Điều 3"). */
  scope: z.string().optional(),
});
export type Relation = z.infer<typeof Relation>;

export const AgencyMention = z.object({
  /** Canonical name ("Phòng Kinh tế và Hạ tầng" for "phòng Kinh tế - Hạ tầng"). */
  name: z.string(),
  /** The form printed in the text. */
  printed: z.string(),
  jurisdiction: z.string().nullable(),
  level: Level.nullable(),
  span: Span,
});
export type AgencyMention = z.infer<typeof AgencyMention>;

export const DeadlineKind = z.enum(['ONGOING', 'BY_DATE', 'BY_QUARTER', 'RECURRING', 'START', 'UNKNOWN']);
export type DeadlineKind = z.infer<typeof DeadlineKind>;

/** How often a recurring duty falls due ("hằng năm", "6 tháng", "hằng quý", "hằng tháng"). */
export const Recurrence = z.enum(['YEARLY', 'HALF_YEARLY', 'QUARTERLY', 'MONTHLY']);
export type Recurrence = z.infer<typeof Recurrence>;

/**
 * `value`: ISO date of the given precision for BY_DATE/START ("2022-03-31", "2024-04", "2024"),
 * "2023-Q2" for BY_QUARTER, "--12-05" (month-day) for a yearly RECURRING duty with a day; null otherwise
 * or when the date is impossible (then `valid` is false).
 */
export const Deadline = z.object({
  text: z.string(),
  kind: DeadlineKind,
  value: z.string().nullable(),
  valid: z.boolean(),
  recurrence: Recurrence.nullable(),
  /** Every date written in the deadline text, in order (a start and a second milestone, say). */
  dates: z.array(DateValue),
  /** A condition attached to the deadline ("Ngay sau khi Đề án ... được phê duyệt"). */
  condition: z.string().nullable(),
});
export type Deadline = z.infer<typeof Deadline>;

/** One assignment inside a task: a task can carry several ("+ Phòng A chủ trì ...; + Phòng B chủ trì ..."). */
export const Duty = z.object({
  lead: z.array(AgencyMention),
  coordinators: z.array(AgencyMention),
  groups: z.array(z.string()),
  deadline: Deadline.nullable(),
  span: Span,
});
export type Duty = z.infer<typeof Duty>;

export const Task = z.object({
  /** Section and item numbers: "II.4.h"; a number repeated in the source gets "~2" ("II.4.d~2"). */
  key: z.string(),
  parent: z.string().nullable(),
  /** The printed label path, without disambiguation ("II.4.d"). */
  label: z.string(),
  section: z.string(),
  title: z.string(),
  text: z.string(),
  lead: z.array(AgencyMention),
  coordinators: z.array(AgencyMention),
  groups: z.array(z.string()),
  deadline: Deadline.nullable(),
  duties: z.array(Duty),
  span: Span,
});
export type Task = z.infer<typeof Task>;

/**
 * A time the text gives its addressees for issuing their own implementing documents: "trong thời hạn 60 ngày kể
 * từ ngày ký", "chậm nhất trong vòng 30 ngày làm việc", "trước ngày 30/6/2023" in a sentence asking them to
 * build or issue a programme or plan. Counted from the document's own date.
 */
export const IssueDeadline = z.object({
  /** The sentence as printed. */
  text: z.string(),
  days: z.number().int().positive().nullable(),
  workingDays: z.boolean(),
  by: DateValue.nullable(),
  /** Who is to issue ("Các tỉnh ủy, thành ủy, …"), as printed; null when the sentence names nobody before its verb. */
  addressees: z.string().nullable(),
  /** The time limit's own words ("trong thời hạn 60 ngày"). */
  span: Span,
});
export type IssueDeadline = z.infer<typeof IssueDeadline>;

export const WarningCode = z.enum([
  'INVALID_DATE',
  'BLANK_NUMBER',
  'BLANK_DATE',
  'DUPLICATE_NUMBERING',
  'UNPARSED_TEXT',
  'AMBIGUOUS_MENTION',
  'UNRESOLVED_ALIAS',
  'NO_HEADER',
  'NO_ISSUER',
  'LEGACY_ENCODING',
  'NO_TEXT_LAYER',
  'EMPTY_DOCUMENT',
]);
export type WarningCode = z.infer<typeof WarningCode>;

export const ExtractionWarning = z.object({
  code: WarningCode,
  message: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type ExtractionWarning = z.infer<typeof ExtractionWarning>;

export const ExtractedDocument = z.object({
  source: z.string(),
  /** Version of the extractor that produced this entry (recorded as provenance in the graph). */
  extractor: z.string(),
  document: DocumentHeader,
  references: z.array(Reference),
  relations: z.array(Relation),
  tasks: z.array(Task),
  /** Times given for issuing implementing documents (timeliness of the units that implement this one). */
  issueDeadlines: z.array(IssueDeadline),
  warnings: z.array(ExtractionWarning),
});
export type ExtractedDocument = z.infer<typeof ExtractedDocument>;

export const ExtractionOutput = z.object({ documents: z.array(ExtractedDocument) });
export type ExtractionOutput = z.infer<typeof ExtractionOutput>;
