// Vietnamese labels for the API's enums, and dates written the way Vietnamese documents write them (dd/mm/yyyy).

export const DOC_TYPE = {
  NGHI_QUYET: 'Nghị quyết',
  QUYET_DINH: 'Quyết định',
  QUY_DINH: 'Quy định',
  CHI_THI: 'Chỉ thị',
  KET_LUAN: 'Kết luận',
  THONG_BAO: 'Thông báo',
  KE_HOACH: 'Kế hoạch',
  CHUONG_TRINH: 'Chương trình',
  CONG_VAN: 'Công văn',
  TO_TRINH: 'Tờ trình',
  THONG_TU: 'Thông tư',
  NGHI_DINH: 'Nghị định',
  HUONG_DAN: 'Hướng dẫn',
  BAO_CAO: 'Báo cáo',
  DE_AN: 'Đề án',
  QUY_CHE: 'Quy chế',
  LUAT: 'Luật',
  OTHER: 'Văn bản',
};

export const LEVEL = {
  CENTRAL: 'Trung ương',
  PROVINCE: 'Cấp tỉnh',
  DISTRICT: 'Cấp huyện',
  COMMUNE: 'Cấp xã',
};
export const BRANCH = { PARTY: 'Đảng', STATE: 'Nhà nước' };
export const ROLE = { LEAD: 'Chủ trì', COORDINATOR: 'Phối hợp' };
export const STATUS = { FULL_TEXT: 'Có toàn văn', CITED_ONLY: 'Chỉ biết qua trích dẫn' };
export const EDGE = {
  IMPLEMENTS: 'Triển khai',
  CITES: 'Dẫn chiếu',
  AMENDS: 'Sửa đổi, bổ sung',
  REPLACES: 'Thay thế',
  REPEALS: 'Bãi bỏ',
  GUIDES: 'Hướng dẫn',
};
/** Validity hints as a document page says them: what this document does (OUT), what is done to it (IN). */
export const VALIDITY = {
  OUT: {
    AMENDS: 'Sửa đổi, bổ sung',
    REPLACES: 'Thay thế',
    REPEALS: 'Bãi bỏ',
    GUIDES: 'Hướng dẫn thi hành',
  },
  IN: {
    AMENDS: 'Được sửa đổi, bổ sung bởi',
    REPLACES: 'Được thay thế bởi',
    REPEALS: 'Bị bãi bỏ bởi',
    GUIDES: 'Được hướng dẫn bởi',
  },
};
export const BASIS = { CAN_CU: 'Căn cứ', DE_NGHI: 'Đề nghị', CHI_DAO: 'Chỉ đạo' };
export const METHOD = {
  STATED: 'nêu trong văn bản',
  ALIAS_RESOLVED: 'qua tên gọi tắt',
  IDENTITY_INFERRED: 'suy ra là cùng một văn bản',
  SUBJECT_INFERRED: 'suy ra từ nội dung trích yếu',
};
export const RELATION = {
  IMPLEMENTS: 'triển khai',
  HAS_TASK: 'nhiệm vụ',
  PART_OF: 'nhiệm vụ con',
  LEAD: 'chủ trì',
  COORDINATOR: 'phối hợp',
};
export const KIND = { DOCUMENT: 'Văn bản', TASK: 'Nhiệm vụ', AGENCY: 'Cơ quan' };

const ROMAN = ['I', 'II', 'III', 'IV'];

/** "2023-01-30" → "30/01/2023", "2024-04" → "tháng 04/2024", "2023" → "năm 2023"; anything else as given. */
export function formatDate(iso) {
  if (!iso) return '';
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  m = /^(\d{4})-(\d{2})$/.exec(iso);
  if (m) return `tháng ${m[2]}/${m[1]}`;
  m = /^(\d{4})-Q([1-4])$/.exec(iso);
  if (m) return `quý ${ROMAN[Number(m[2]) - 1]}/${m[1]}`;
  m = /^--(\d{2})-(\d{2})$/.exec(iso);
  if (m) return `${m[2]}/${m[1]} hằng năm`;
  if (/^\d{4}$/.test(iso)) return `năm ${iso}`;
  return iso;
}

/** A deadline in a few words; an impossible printed date is shown as printed and flagged (never shifted). */
export function formatDeadline(d) {
  if (!d) return '';
  if (!d.valid) return `${d.text ?? d.value ?? '?'} (ngày không hợp lệ)`;
  switch (d.kind) {
    case 'ONGOING':
      return 'Thường xuyên';
    case 'BY_DATE':
      return d.value ? `Trước ${formatDate(d.value)}` : (d.text ?? '');
    case 'BY_QUARTER':
      return d.value ? `Trong ${formatDate(d.value)}` : (d.text ?? '');
    case 'RECURRING':
      return d.value ? `Trước ${formatDate(d.value)}` : 'Định kỳ';
    case 'START':
      return d.value ? `Từ ${formatDate(d.value)}` : (d.text ?? '');
    default:
      return d.text ?? 'Không rõ';
  }
}

/** Today in the user's time zone as YYYY-MM-DD (what a date input holds). */
export function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Where a document comes from: "Kon Tum", "Ia H'Drai (Kon Tum)", "Trung ương". The unit word (tỉnh, thành phố,
 * huyện, thị xã…) is not in the data, so none is guessed; the level is shown beside it where it matters.
 */
export function placeOf(doc) {
  if (!doc) return '';
  if (doc.level === 'CENTRAL') return 'Trung ương';
  const where = doc.jurisdiction ?? '';
  const province = doc.province && doc.province !== where ? ` (${doc.province})` : '';
  return `${where}${province}`;
}
