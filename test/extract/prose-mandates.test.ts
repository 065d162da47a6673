// Mandates written as prose: "X chủ trì, phối hợp với Y …", "Giao X chủ trì …; hoàn thành trong quý …",
// "X và Y thực hiện, báo cáo … trước ngày …", recurring reports; pieces of sentences never become agencies
// or groups, and background sections assign nothing (DOMAIN §3, §4). The plans below are made up.
import { describe, expect, it } from 'vitest';
import type { ExtractedDocument, Task } from '../../src/model/extraction.ts';
import { parseAssignment } from '../../src/pipeline/extract/agencies.ts';
import { findInlineDeadline } from '../../src/pipeline/extract/deadlines.ts';
import { groupLength, isAgencyName } from '../../src/pipeline/extract/mandate-vocabulary.ts';
import { extractDocument } from '../../src/pipeline/extract-document.ts';
import { normalize } from '../../src/pipeline/normalize.ts';
import { classifySection } from '../../src/pipeline/segment.ts';
import { fold } from '../../src/text/fold.ts';
import { seed } from './helpers.ts';

const districtPlan = `ỦY BAN NHÂN DÂN
HUYỆN BẢO THẮNG
Số: 12/KH-UBND
Bảo Thắng, ngày 08 tháng 3 năm 2024

KẾ HOẠCH
Số hóa thư viện và tài liệu lưu trữ trên địa bàn huyện năm 2024

Thực hiện Kế hoạch số 45/KH-UBND ngày 10/01/2024 của Ủy ban nhân dân tỉnh, Ủy ban nhân dân huyện ban hành Kế hoạch như sau:

I. THỰC TRẠNG
1. Năm 2023, Phòng Văn hóa và Thông tin chủ trì, phối hợp với Phòng Nội vụ khảo sát 14 thư viện xã.
2. Tập trung các nguồn lực cho thư viện trung tâm còn hạn chế.

II. NHIỆM VỤ VÀ GIẢI PHÁP
1. Số hóa tài liệu lưu trữ
Phòng Văn hóa và Thông tin chủ trì, phối hợp với Phòng Nội vụ và UBND các xã thực hiện. Thời gian hoàn thành: trước ngày 30/6/2024.
2. Nâng cấp đường truyền
Giao Phòng Kinh tế và Hạ tầng chủ trì nâng cấp đường truyền cho thư viện xã; hoàn thành trong quý III/2024.
3. Truyền thông về thư viện số
Trung tâm Y tế huyện và Phòng Giáo dục và Đào tạo thực hiện, báo cáo kết quả trước ngày 15/12/2024.
4. Chế độ báo cáo
a) Phòng Tài chính - Kế hoạch tổng hợp kinh phí, báo cáo trước ngày 20 của tháng cuối quý.
b) Phòng Nội vụ báo cáo định kỳ 6 tháng về Ủy ban nhân dân huyện.
c) Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện theo dõi, báo cáo hằng tháng.
d) Phòng Tư pháp hằng năm trước ngày 15/12 báo cáo kết quả thực hiện.
5. Ban hành chính sách khen thưởng đối với thư viện xã có nhiều bạn đọc
6. Tập trung các nguồn lực xã hội cho thư viện; đẩy mạnh các hoạt động đọc sách.

III. TỔ CHỨC THỰC HIỆN
1. Phòng Văn hóa và Thông tin chủ trì, phối hợp với các cơ quan, đơn vị có liên quan theo dõi việc thực hiện Kế hoạch.
2. Ủy ban nhân dân các xã cụ thể hóa các nhiệm vụ của Kế hoạch vào chương trình công tác hằng năm.

TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Lê Văn Mẫu
`;

const provincePlan = `ỦY BAN NHÂN DÂN
TỈNH HÀ GIANG
Số: 88/KH-UBND
Hà Giang, ngày 02 tháng 4 năm 2024

KẾ HOẠCH
Phát triển dữ liệu mở năm 2024

Căn cứ Luật Giao dịch điện tử; Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
1. Sở Thông tin và Truyền thông chủ trì, phối hợp với các sở bảo đảm dữ liệu được công bố đúng hạn.

II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2023
1. Sở Tài chính chủ trì, phối hợp với Sở Nội vụ rà soát danh mục dữ liệu; hoàn thành trước ngày 30/11/2023.

III. NHIỆM VỤ TRỌNG TÂM
1. Xây dựng danh mục dữ liệu mở
Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính, Sở Nội vụ và các cơ quan liên quan tham mưu Ủy ban nhân dân tỉnh ban hành danh mục dữ liệu mở. Thời hạn hoàn thành: trong quý II/2024.
2. Công bố dữ liệu
Sở Thông tin và Truyền thông chủ trì, phối hợp với các sở, ban, ngành và Ủy ban nhân dân các huyện, thành phố công bố dữ liệu trên cổng dữ liệu của tỉnh. Thời gian thực hiện: hằng năm trước ngày 15/12.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Trần Văn Mẫu
`;

const district = extractDocument(districtPlan, { source: 'district' });
const province = extractDocument(provincePlan, { source: 'province' });

const task = (doc: ExtractedDocument, key: string): Task => {
  const t = doc.tasks.find((x) => x.key === key);
  if (!t) throw new Error(`no task ${key}: ${doc.tasks.map((x) => x.key).join(' ')}`);
  return t;
};
const names = (list: { name: string }[]) => list.map((a) => a.name);
const deadlineOf = (t: Task) =>
  t.deadline ? [t.deadline.kind, t.deadline.value, t.deadline.recurrence] : null;

describe('prose mandates in a district plan', () => {
  it.each([
    // key, lead, coordinators, groups, [kind, value, recurrence]
    [
      'II.1',
      ['Phòng Văn hóa và Thông tin'],
      ['Phòng Nội vụ'],
      ['UBND các xã'],
      ['BY_DATE', '2024-06-30', null],
    ],
    ['II.2', ['Phòng Kinh tế và Hạ tầng'], [], [], ['BY_QUARTER', '2024-Q3', null]],
    ['II.3', ['Trung tâm Y tế huyện', 'Phòng Giáo dục và Đào tạo'], [], [], ['BY_DATE', '2024-12-15', null]],
    ['II.4.a', ['Phòng Tài chính - Kế hoạch'], [], [], ['RECURRING', null, 'QUARTERLY']],
    ['II.4.b', ['Phòng Nội vụ'], [], [], ['RECURRING', null, 'HALF_YEARLY']],
    [
      'II.4.c',
      ['Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện'],
      [],
      [],
      ['RECURRING', null, 'MONTHLY'],
    ],
    ['II.4.d', ['Phòng Tư pháp'], [], [], ['RECURRING', '--12-15', 'YEARLY']],
    ['III.1', ['Phòng Văn hóa và Thông tin'], [], ['các cơ quan, đơn vị có liên quan'], null],
    ['III.2', [], [], ['Ủy ban nhân dân các xã'], null],
  ])('%s: lead %j, coordinators %j, groups %j, deadline %j', (key, lead, coordinators, groups, deadline) => {
    const t = task(district, key);
    expect(names(t.lead)).toEqual(lead);
    expect(names(t.coordinators)).toEqual(coordinators);
    expect(t.groups).toEqual(groups);
    expect(deadlineOf(t)).toEqual(deadline);
  });

  it('places district units in the district', () => {
    expect(task(district, 'II.1').lead[0]).toMatchObject({ jurisdiction: 'Bảo Thắng', level: 'DISTRICT' });
  });

  it('reads no assignee out of sentences that assign nobody', () => {
    for (const key of ['II.5', 'II.6']) {
      const t = task(district, key);
      expect([...names(t.lead), ...names(t.coordinators), ...t.groups]).toEqual([]);
    }
  });

  it('takes no task from the background section', () => {
    expect(district.tasks.map((t) => t.section)).not.toContain('I');
  });
});

describe('prose mandates in a provincial plan', () => {
  it('splits lead, coordinators and the catch-all of "A chủ trì, phối hợp với B, C và các cơ quan liên quan"', () => {
    const t = task(province, 'III.1');
    expect(names(t.lead)).toEqual(['Sở Khoa học và Công nghệ']);
    expect(names(t.coordinators)).toEqual(['Sở Tài chính', 'Sở Nội vụ']);
    expect(t.groups).toEqual(['các cơ quan liên quan']);
    expect(t.lead[0]).toMatchObject({ jurisdiction: 'Hà Giang', level: 'PROVINCE' });
    expect(deadlineOf(t)).toEqual(['BY_QUARTER', '2024-Q2', null]);
  });
  it('keeps groups whole and yearly deadlines recurring', () => {
    const t = task(province, 'III.2');
    expect(names(t.lead)).toEqual(['Sở Thông tin và Truyền thông']);
    expect(t.coordinators).toEqual([]);
    expect(t.groups).toEqual(['các sở, ban, ngành', 'Ủy ban nhân dân các huyện, thành phố']);
    expect(deadlineOf(t)).toEqual(['RECURRING', '--12-15', 'YEARLY']);
  });
  it('takes tasks from the task section only, not from purposes or last year’s results', () => {
    expect([...new Set(province.tasks.map((t) => t.section))]).toEqual(['III']);
  });
});

describe('section kinds', () => {
  it.each([
    ['NHIỆM VỤ', 'TASKS'],
    ['GIẢI PHÁP THỰC HIỆN', 'TASKS'],
    ['NHIỆM VỤ VÀ GIẢI PHÁP', 'TASKS'],
    ['NHIỆM VỤ TRỌNG TÂM', 'TASKS'],
    ['NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU', 'TASKS'],
    ['TRÁCH NHIỆM CỦA CÁC CƠ QUAN', 'TASKS'],
    ['MỤC TIÊU, NHIỆM VỤ VÀ GIẢI PHÁP', 'TASKS'],
    ['TỔ CHỨC THỰC HIỆN', 'ORGANISATION'],
    ['PHÂN CÔNG NHIỆM VỤ', 'ORGANISATION'],
    ['KẾT QUẢ THỰC HIỆN NĂM 2023 VÀ NHIỆM VỤ, GIẢI PHÁP NĂM 2024', 'TASKS'],
    ['HIỆN TRẠNG', 'OTHER'],
    ['THỰC TRẠNG', 'OTHER'],
    ['KẾT QUẢ ĐẠT ĐƯỢC', 'OTHER'],
    ['KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2023', 'OTHER'], // was TASKS: "nhiệm vụ" overrode "kết quả"
    ['ĐÁNH GIÁ TÌNH HÌNH TRIỂN KHAI THỰC HIỆN', 'OTHER'], // was ORGANISATION
    ['TÌNH HÌNH THỰC HIỆN NHIỆM VỤ', 'OTHER'], // was TASKS
    ['BỐI CẢNH', 'OTHER'],
    ['MỤC ĐÍCH, YÊU CẦU', 'OTHER'],
    ['QUAN ĐIỂM', 'OTHER'],
    ['MỤC TIÊU', 'OTHER'],
    ['KINH PHÍ THỰC HIỆN', 'OTHER'],
  ])('%s → %s', (title, kind) => {
    expect(classifySection(fold(title))).toBe(kind);
  });
});

describe('what is and is not an agency', () => {
  it.each([
    'Sở Tài chính',
    'phòng Kinh tế - Hạ tầng',
    'Ủy ban nhân dân huyện',
    'UBND tỉnh',
    'Công an tỉnh',
    'Tỉnh đoàn',
    'Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh',
    'Kho bạc Nhà nước tỉnh',
    'Bảo hiểm xã hội tỉnh',
    'Thanh tra tỉnh',
    'Đoàn thanh niên Cộng sản Hồ Chí Minh tỉnh',
    'Đài Phát thanh - Truyền hình tỉnh',
    'Bộ Chỉ huy Quân sự tỉnh',
    'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh',
    'Cục Thuế tỉnh',
    'Trường Đại học Sông Mây',
    'Bệnh viện đa khoa tỉnh',
    'Ban Tuyên giáo Tỉnh ủy',
    'Báo Đất Mới',
    'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
  ])('%s is an agency', (text) => {
    expect(isAgencyName(text)).toBe(true);
  });
  it.each([
    'Ban hành chính sách khen thưởng đối', // the verb "ban hành", not the head word "Ban"
    'Báo cáo kết quả thực hiện',
    'Hội nghị sơ kết',
    'Đoàn kết các dân tộc',
    'Thanh tra', // "Thanh tra, kiểm tra …": a verb when nothing names the body
    'Đội ngũ cán bộ',
    'Trường hợp cần thiết',
    'Bộ máy tổ chức',
    'Tập trung các nguồn lực',
    'BAN HÀNH QUY CHẾ',
  ])('%s is not an agency', (text) => {
    expect(isAgencyName(text)).toBe(false);
  });
});

describe('what is and is not a group', () => {
  it.each([
    ['UBND các xã', 'UBND các xã'],
    ['các sở, ban, ngành', 'các sở, ban, ngành'],
    ['các đơn vị có liên quan', 'các đơn vị có liên quan'],
    ['Các tổ chức chính trị - xã hội', 'Các tổ chức chính trị - xã hội'],
    ['Thủ trưởng các đơn vị có liên quan lồng ghép các nội dung', 'Thủ trưởng các đơn vị có liên quan'],
    [
      'Ủy ban nhân dân các huyện, thành phố, thị xã cụ thể hóa các mục tiêu',
      'Ủy ban nhân dân các huyện, thành phố, thị xã',
    ],
    [
      'Các đơn vị, địa phương được giao nhiệm vụ tại Kế hoạch',
      'Các đơn vị, địa phương được giao nhiệm vụ tại Kế hoạch',
    ],
  ])('%s → group %s', (text, group) => {
    expect(text.slice(0, groupLength(text))).toBe(group);
  });
  it.each([
    'Tập trung các nguồn lực',
    'Đẩy mạnh các hoạt động đổi mới sáng tạo',
    'Các',
    'các sản phẩm chủ lực của tỉnh',
    'Nâng cao tính tự chủ của các cơ quan',
    'Trên cơ sở những nội dung, nhiệm vụ chủ yếu',
    'Sở Tài chính hướng dẫn các sở',
  ])('%s is not a group', (text) => {
    expect(groupLength(text)).toBe(0);
  });
});

describe('assignment sentences', () => {
  const ctx = { place: { province: 'Đất Mới', district: null }, writerLevel: 'PROVINCE' as const };
  const read = (s: string) => {
    const n = normalize(s);
    const a = parseAssignment(n, 0, n.text.length, ctx);
    return { lead: names(a.lead), coordinators: names(a.coordinators), groups: a.groups };
  };
  it.each([
    [
      'Sở A chủ trì, phối hợp với Sở Tài chính, Sở Nội vụ và các cơ quan liên quan tham mưu',
      { lead: ['Sở A'], coordinators: ['Sở Tài chính', 'Sở Nội vụ'], groups: ['các cơ quan liên quan'] },
    ],
    [
      // never the whole clause as the agency's name
      'Phòng Văn hóa và Thông tin chủ trì tổ chức hội thi',
      { lead: ['Phòng Văn hóa và Thông tin'], coordinators: [], groups: [] },
    ],
    [
      // a known name that holds "và" before another head word stays one agency
      'Văn phòng HĐND và UBND huyện chủ trì, phối hợp với Phòng Nội vụ theo dõi',
      {
        lead: ['Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện'],
        coordinators: ['Phòng Nội vụ'],
        groups: [],
      },
    ],
    [
      // a time word ends the subject: "Phòng Tư pháp hằng năm …" is Phòng Tư pháp
      'Phòng Tư pháp hằng năm trước ngày 15/12 báo cáo kết quả',
      { lead: ['Phòng Tư pháp'], coordinators: [], groups: [] },
    ],
    ['Ban hành chính sách khen thưởng đối với tập thể', { lead: [], coordinators: [], groups: [] }],
    ['Tập trung các nguồn lực cho khoa học', { lead: [], coordinators: [], groups: [] }],
    [
      // a modal or another verb ends the name: "phải", "lãnh đạo", "công bố", "xử lý"
      'Sở Tài chính phải mở sổ kế toán chi tiết',
      { lead: ['Sở Tài chính'], coordinators: [], groups: [] },
    ],
    ['Tỉnh ủy lãnh đạo, chỉ đạo các cấp ủy', { lead: ['Tỉnh ủy'], coordinators: [], groups: [] }],
    ['Sở Công Thương công bố đến các đơn vị', { lead: ['Sở Công Thương'], coordinators: [], groups: [] }],
    [
      // a PDF wrapped "xã hội": still the head word "Bảo hiểm xã hội", the next line's "hội" not "Hội"
      'Bảo hiểm xã hội Việt Nam, Bảo hiểm xã\nhội Quân đội thực hiện',
      { lead: ['Bảo hiểm xã hội Việt Nam', 'Bảo hiểm xã hội Quân đội'], coordinators: [], groups: [] },
    ],
  ])('%s', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });
});

describe('deadlines inside sentences', () => {
  it.each([
    ['thực hiện. Thời gian hoàn thành: trước ngày 30/6/2024.', 'BY_DATE', '2024-06-30', null],
    ['chủ trì nâng cấp; hoàn thành trong quý III/2024', 'BY_QUARTER', '2024-Q3', null],
    ['thực hiện, báo cáo kết quả trước ngày 15/12/2024', 'BY_DATE', '2024-12-15', null],
    ['báo cáo trước ngày 20 của tháng cuối quý', 'RECURRING', null, 'QUARTERLY'],
    ['báo cáo định kỳ 6 tháng', 'RECURRING', null, 'HALF_YEARLY'],
    ['theo dõi, báo cáo hàng tháng', 'RECURRING', null, 'MONTHLY'],
    ['hằng năm trước ngày 15/12 báo cáo kết quả', 'RECURRING', '--12-15', 'YEARLY'],
    ['Thời gian thực hiện: hằng năm trước ngày 15/12', 'RECURRING', '--12-15', 'YEARLY'],
  ])('%s → %s %s %s', (text, kind, value, recurrence) => {
    expect(findInlineDeadline(text)).toMatchObject({ kind, value, recurrence });
  });
  it.each([
    'hoàn thành trong 6 tháng đầu năm 2024', // a first half-year, once: not recurring
  ])('%s is not recurring', (text) => {
    expect(findInlineDeadline(text)?.kind).not.toBe('RECURRING');
  });
  it('finds nothing in a sentence without a time', () => {
    expect(findInlineDeadline('Phòng Nội vụ chủ trì thực hiện')).toBeNull();
  });
});

describe('the seeds’ assignees', () => {
  // Today's seeds held "Ban hành chính sách khen thưởng đối" as a lead and a dozen groups such as
  // "Tập trung các nguồn lực" or "UBND các huyện, thành phố, thị xã cụ thể hóa các mục tiêu …".
  it.each(['000', '001', '002', '003', '004'])(
    'seed %s: every agency is a name, every group a whole group',
    (p) => {
      const doc = seed(p);
      for (const t of doc.tasks) {
        for (const a of [...t.lead, ...t.coordinators]) expect(isAgencyName(a.printed), a.printed).toBe(true);
        for (const g of t.groups) expect(g.slice(0, groupLength(g)), g).toBe(g);
      }
    },
  );
});
