// Error messages in Vietnamese: every code the API (src/api/errors.ts, Apollo) or the client (api.js) can give, as a
// title and a sentence for the reader. The API's own messages are English and for developers: they are never the
// main text, only kept (with the code) in small print for support.
import { ApiError } from './api.js';
import { h } from './dom.js';

const AGAIN = 'Hãy thử lại sau ít phút.';

/**
 * code → { title, text }; `text` may be a function of the context ({ ref, error }) for messages that name what
 * was asked.
 */
const MESSAGES = {
  NOT_FOUND: {
    title: 'Không tìm thấy',
    text: ({ ref }) =>
      ref
        ? `Không có văn bản, nhiệm vụ hay cơ quan nào ứng với “${ref}” trong đồ thị. Kiểm tra lại số, ký hiệu (ví dụ 36-NQ/TW hoặc 36-NQ/TW@2023), hoặc tìm bằng ô tìm kiếm.`
        : 'Không có mục này trong đồ thị.',
  },
  NO_SUCH_PAGE: {
    title: 'Không có trang này',
    text: 'Địa chỉ này không ứng với trang nào của trình xem. Về trang đầu hoặc tìm bằng ô tìm kiếm.',
  },
  AMBIGUOUS: {
    title: 'Ký hiệu này ứng với nhiều văn bản',
    text: ({ ref }) =>
      `“${ref ?? ''}” ứng với nhiều văn bản trong đồ thị. Chọn một văn bản, hoặc thêm năm hay ngày ban hành (ví dụ 36-NQ/TW@2023).`,
  },
  BAD_USER_INPUT: {
    title: 'Tham chiếu hoặc bộ lọc không hợp lệ',
    text: ({ ref, error, subject }) => badInput(error?.extensions?.field, ref, subject),
  },
  NOT_A_DOCUMENT: {
    title: 'Không phải một văn bản',
    text: ({ ref }) =>
      `“${ref ?? ''}” là một nhiệm vụ hoặc cơ quan, không phải văn bản: trang này chỉ dành cho văn bản.`,
  },
  DEPTH_LIMIT_EXCEEDED: {
    title: 'Yêu cầu quá sâu',
    text: 'Câu hỏi gửi tới máy chủ lồng quá nhiều cấp nên bị từ chối. Hãy xem ít cấp hơn.',
  },
  COST_LIMIT_EXCEEDED: {
    title: 'Yêu cầu quá lớn',
    text: 'Câu hỏi gửi tới máy chủ đòi quá nhiều dữ liệu một lần nên bị từ chối. Hãy lọc bớt hoặc xem từng phần.',
  },
  EXPENSIVE_FIELDS_LIMIT_EXCEEDED: {
    title: 'Yêu cầu quá lớn',
    text: 'Câu hỏi gửi tới máy chủ hỏi quá nhiều cây, chuỗi hoặc tìm kiếm cùng một lúc nên bị từ chối. Hãy hỏi từng phần.',
  },
  EXTRACTION_TIMEOUT: {
    title: 'Văn bản quá dài để đọc',
    text: 'Máy chủ không đọc xong văn bản gửi lên trong thời gian cho phép nên chưa lưu gì. Hãy tách văn bản hoặc gửi lại sau.',
  },
  REQUEST_TIMEOUT: {
    title: 'Máy chủ trả lời quá lâu',
    text: `Yêu cầu vượt thời gian cho phép và đã được dừng lại. Hãy thu hẹp câu hỏi (ít cấp hơn, lọc theo tỉnh). ${AGAIN}`,
  },
  PAGE_SIZE_LIMIT_EXCEEDED: {
    title: 'Yêu cầu quá lớn',
    text: 'Một trang kết quả được hỏi quá dài. Hãy xem từng trang.',
  },
  QUERY_TOO_LARGE: {
    title: 'Yêu cầu quá lớn',
    text: 'Câu hỏi gửi tới máy chủ dài quá giới hạn nên bị từ chối.',
  },
  PAYLOAD_TOO_LARGE: {
    title: 'Dữ liệu gửi đi quá lớn',
    text: 'Máy chủ từ chối vì dữ liệu gửi lên vượt giới hạn kích thước.',
  },
  RATE_LIMITED: {
    title: 'Quá nhiều yêu cầu',
    text: `Máy chủ đang nhận quá nhiều yêu cầu từ bạn. ${AGAIN}`,
  },
  UNAUTHENTICATED: {
    title: 'Cần đăng nhập',
    text: 'Thao tác này cần mã truy cập hợp lệ. Xem dữ liệu thì không cần.',
  },
  FORBIDDEN: {
    title: 'Không được phép',
    text: 'Bạn không có quyền thực hiện thao tác này.',
  },
  MUTATIONS_DISABLED: {
    title: 'Không được phép ghi',
    text: 'Máy chủ này chỉ cho xem; việc nạp văn bản mới đang tắt.',
  },
  WRITE_FAILED: {
    title: 'Không ghi được',
    text: `Máy chủ không lưu được thay đổi; không có gì bị ghi dở. ${AGAIN}`,
  },
  SERVICE_UNAVAILABLE: {
    title: 'Máy chủ tạm thời không phục vụ được',
    text: `Kho dữ liệu đồ thị đang không trả lời. ${AGAIN}`,
  },
  INTERNAL_SERVER_ERROR: {
    title: 'Lỗi máy chủ',
    text: `Máy chủ gặp lỗi khi trả lời. Lỗi đã được ghi lại; ${AGAIN.toLowerCase()}`,
  },
  BAD_REQUEST: {
    title: 'Yêu cầu không hợp lệ',
    text: 'Máy chủ không hiểu yêu cầu của trình xem. Tải lại trang; nếu vẫn lỗi, trình xem có thể đã cũ hơn máy chủ.',
  },
  GRAPHQL_PARSE_FAILED: {
    title: 'Yêu cầu không hợp lệ',
    text: 'Máy chủ không đọc được câu hỏi của trình xem. Tải lại trang để lấy trình xem mới nhất.',
  },
  GRAPHQL_VALIDATION_FAILED: {
    title: 'Trình xem và máy chủ không khớp nhau',
    text: 'Câu hỏi của trình xem không hợp với máy chủ hiện tại. Tải lại trang để lấy trình xem mới nhất.',
  },
  NETWORK: {
    title: 'Không kết nối được máy chủ',
    text: 'Không gửi được yêu cầu tới máy chủ. Kiểm tra kết nối mạng, rồi tải lại trang.',
  },
  HTTP_ERROR: {
    title: 'Máy chủ trả lời bất thường',
    text: ({ error }) => httpText(error?.status),
  },
  UNKNOWN: {
    title: 'Đã có lỗi',
    text: `Có lỗi không xác định khi tải trang. ${AGAIN}`,
  },
};

/** Codes with the same meaning under another name (Apollo's, proxies', other servers'). */
const ALIASES = {
  TOO_MANY_REQUESTS: 'RATE_LIMITED',
  RATE_LIMIT_EXCEEDED: 'RATE_LIMITED',
  OPERATION_RESOLUTION_FAILURE: 'BAD_REQUEST',
  PERSISTED_QUERY_NOT_FOUND: 'BAD_REQUEST',
  PERSISTED_QUERY_NOT_SUPPORTED: 'BAD_REQUEST',
};

function badInput(field, ref, subject) {
  if ((field === undefined || field === null) && subject === 'filter')
    return 'Bộ lọc không hợp lệ: một giá trị (tỉnh, cấp, loại hoặc chữ) không có trong dữ liệu.';
  switch (field) {
    case 'ref':
    case undefined:
    case null:
      return ref
        ? `“${ref}” không phải một tham chiếu hợp lệ. Hãy dùng số, ký hiệu (36-NQ/TW, 36-NQ/TW@2023), mã của một mục, hoặc <văn bản>#<số nhiệm vụ>.`
        : 'Tham chiếu không hợp lệ.';
    case 'province':
      return 'Không có tỉnh, thành phố này trong danh mục.';
    case 'level':
      return 'Cấp không hợp lệ (trung ương, tỉnh, huyện, xã).';
    case 'type':
      return 'Loại văn bản cần có chữ (NQ, KH, QĐ…).';
    case 'text':
      return 'Hãy gõ ít nhất một chữ hoặc số.';
    case 'after':
    case 'cursor':
      return 'Danh sách đã thay đổi từ lúc tải trang. Tải lại trang để xem danh sách mới.';
    default:
      return `Giá trị của “${field}” không hợp lệ.`;
  }
}

function httpText(status) {
  if (status === 429) return `Máy chủ đang nhận quá nhiều yêu cầu. ${AGAIN}`;
  if (status === 413) return 'Yêu cầu quá lớn nên bị máy chủ từ chối.';
  if (status === 401 || status === 403) return 'Máy chủ từ chối yêu cầu này.';
  if (status === 404) return 'Không tìm thấy địa chỉ API của máy chủ (/graphql).';
  if (status >= 500) return `Máy chủ hoặc cổng trung gian đang gặp sự cố. ${AGAIN}`;
  return `Máy chủ trả lời không đúng dạng. ${AGAIN}`;
}

/** The code an error is filed under (a code of MESSAGES). */
export function errorCode(error) {
  if (!(error instanceof ApiError)) return 'UNKNOWN';
  const code = ALIASES[error.code] ?? error.code;
  if (code === 'HTTP_ERROR' && error.status === 429) return 'RATE_LIMITED';
  return MESSAGES[code] ? code : 'UNKNOWN';
}

/**
 * { code, title, text, detail, status } of an error in Vietnamese: `code` as the API or client gave it (for
 * support), `detail` the original (English) message, never to be shown as the main text. `ref` is what the page
 * asked for; `subject: 'filter'` when the request was a filter's (an input error is then the filter's).
 */
export function describeError(error, { ref = null, subject = null } = {}) {
  const key = errorCode(error);
  const message = MESSAGES[key];
  const text = typeof message.text === 'function' ? message.text({ ref, error, subject }) : message.text;
  const code = error instanceof ApiError ? error.code : 'UNKNOWN';
  const detail = error instanceof Error ? error.message : String(error ?? '');
  const status = error instanceof ApiError ? error.status : null;
  return { code, title: message.title, text, detail, status };
}

/** One short Vietnamese sentence for an error inside a page (a tree's row, a filter): "Máy chủ …". */
export function errorSentence(error, context) {
  return describeError(error, context).text;
}

/** The small print under an error: its code, and the technical message folded away for support. */
export function errorFootnote({ code, detail, status }) {
  return h(
    'details',
    { class: 'error-code' },
    h('summary', {}, `Mã lỗi: ${code}${status ? ` · HTTP ${status}` : ''}`),
    detail ? h('code', {}, detail) : null,
  );
}

/** Every code with a message, for tests and for the README's table. */
export const MESSAGE_CODES = [...Object.keys(MESSAGES), ...Object.keys(ALIASES)];
