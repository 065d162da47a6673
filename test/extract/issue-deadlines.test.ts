// The time a document gives its addressees for issuing their implementing documents: found in the sentences that
// ask for a programme or plan, with who is asked and the offsets of the limit's words; a report's due date, an
// administrative procedure's time or "Bộ Kế hoạch và Đầu tư" are not such a limit.
import { describe, expect, it } from 'vitest';
import { findIssueDeadlines } from '../../src/pipeline/extract/issue-deadlines.ts';
import { normalize } from '../../src/pipeline/normalize.ts';

const find = (text: string) => findIssueDeadlines(normalize(text));

describe('issue deadlines', () => {
  it('a number of days, with the addressees and the offsets of the limit', () => {
    const text =
      'IV. TỔ CHỨC THỰC HIỆN\nCác tỉnh ủy, thành ủy, ban cán sự đảng, đảng đoàn xây dựng chương trình hành động thực hiện Nghị quyết này trong thời hạn 60 ngày kể từ ngày ký.\nNghị quyết này phổ biến đến chi bộ.';
    const [d, ...rest] = find(text);
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ days: 60, workingDays: false, by: null });
    expect(d?.addressees).toBe('Các tỉnh ủy, thành ủy, ban cán sự đảng, đảng đoàn');
    expect(text.slice(d?.span.start, d?.span.end)).toBe('trong thời hạn 60 ngày');
    expect(d?.text).toMatch(/^Các tỉnh ủy.*kể từ ngày ký$/);
  });

  it('working days, the limit before the verb', () => {
    const [d] = find(
      'Chậm nhất trong vòng 30 ngày làm việc, Ủy ban nhân dân các huyện xây dựng kế hoạch triển khai thực hiện Kế hoạch này.',
    );
    expect(d).toMatchObject({ days: 30, workingDays: true });
  });

  it('a date, and a month', () => {
    const [byDay] = find(
      'Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương ban hành kế hoạch triển khai thực hiện Quyết định này trước ngày 30/6/2023.',
    );
    expect(byDay?.by?.value).toBe('2023-06-30');
    expect(byDay?.days).toBeNull();
    const [byMonth] = find(
      'Giao các sở, ngành xây dựng kế hoạch thực hiện Chương trình hành động của Tỉnh ủy, trình UBND tỉnh trong tháng 01/2021.',
    );
    expect(byMonth?.by?.value).toBe('2021-01');
  });

  it('the same text without diacritics, and decomposed (NFD), gives the same limit', () => {
    const plain =
      'Cac tinh uy, thanh uy xay dung chuong trinh hanh dong thuc hien Nghi quyet trong thoi han 45 ngay ke tu ngay ky.';
    expect(find(plain)[0]?.days).toBe(45);
    const nfd =
      'Các tỉnh ủy xây dựng chương trình hành động thực hiện Nghị quyết trong thời hạn 90 ngày.'.normalize(
        'NFD',
      );
    const [d] = find(nfd);
    expect(d?.days).toBe(90);
    expect(nfd.slice(d?.span.start, d?.span.end).normalize('NFC')).toBe('trong thời hạn 90 ngày');
  });

  it.each([
    ['a report', 'Bộ Kế hoạch và Đầu tư báo cáo Thủ tướng Chính phủ trước ngày 15 tháng 4 hằng năm.'],
    [
      'a procedure',
      'Trong thời hạn 03 ngày làm việc kể từ ngày ban hành văn bản xác nhận, cơ quan tiếp nhận trả kết quả.',
    ],
    [
      'a ministry named Kế hoạch',
      'Bộ Kế hoạch và Đầu tư trong thời hạn 07 ngày làm việc kể từ ngày phê duyệt kế hoạch.',
    ],
    ['an investment plan', 'Ngân hàng ban hành kế hoạch đầu tư hằng tháng chậm nhất vào ngày 27 của tháng.'],
    ['a plan without a limit', 'Các tỉnh ủy, thành ủy xây dựng chương trình hành động thực hiện Nghị quyết.'],
  ])('not a limit: %s', (_what, text) => {
    expect(find(text)).toEqual([]);
  });
});
