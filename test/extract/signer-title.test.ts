// The signer's title: the title lines above the signer's name, as printed, joined with " / " (DOMAIN §3: "TM. ỦY
// BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / name"; Party blocks "T/M BAN THƯỜNG VỤ / BÍ THƯ"). The plans below are
// made up; the shapes are those of the seeds and of web copies (Markdown emphasis, a "(Đã ký)" line, table cells).
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/pipeline/extract-document.ts';

const HEADER = `ỦY BAN NHÂN DÂN
TỈNH HÀ GIANG
Số: 88/KH-UBND
Hà Giang, ngày 02 tháng 4 năm 2024

KẾ HOẠCH
Phát triển dữ liệu mở năm 2024

Căn cứ Luật Giao dịch điện tử; Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:

I. NHIỆM VỤ
1. Sở Thông tin và Truyền thông chủ trì công bố dữ liệu; hoàn thành trước ngày 30/6/2024.

Nơi nhận:
- Như trên;
- Lưu: VT.
`;

const PARTY_HEADER = `TỈNH ỦY NGHỆ AN
Số 12-CTr/TU
Nghệ An, ngày 20 tháng 4 năm 2021

CHƯƠNG TRÌNH
hành động thực hiện Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII

I. NHIỆM VỤ
1. Ban Tuyên giáo Tỉnh ủy chủ trì tuyên truyền; hoàn thành trước ngày 30/6/2021.

Nơi nhận:
- Lưu: VPTU.
`;

const signed = (header: string, block: string) =>
  extractDocument(`${header}\n${block}\n`, { source: 'x.txt' }).document;

describe('signer title', () => {
  it.each([
    // [shape, signature block, title, signer]
    [
      'a vice-chairman signing for the committee',
      'TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nLê Văn Mẫu',
      'TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH',
      'Lê Văn Mẫu',
    ],
    [
      'the chairman',
      'TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nTrần Văn Mẫu',
      'TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH',
      'Trần Văn Mẫu',
    ],
    [
      'no TM. line (seed 003)',
      'KT. CHỦ TỊCH\n\nPHÓ CHỦ TỊCH\n\nTrần Văn Mẫu',
      'KT. CHỦ TỊCH / PHÓ CHỦ TỊCH',
      'Trần Văn Mẫu',
    ],
    [
      'Markdown emphasis and hard line breaks (seed 004)',
      '**TM. ỦY BAN NHÂN DÂN**  \n**KT. CHỦ TỊCH**  \n**PHÓ CHỦ TỊCH**\n\n**Nguyễn Văn Mẫu**',
      'TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH',
      'Nguyễn Văn Mẫu',
    ],
    [
      'a "(Đã ký)" line between title and name, the name in capitals',
      'TM. ỦY BAN NHÂN DÂN\nKT.  CHỦ TỊCH\nPHÓ CHỦ TỊCH\n(Đã ký)\nLÊ VĂN MẪU',
      'TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH',
      'Lê Văn Mẫu',
    ],
  ])('%s', (_shape, block, title, signer) => {
    expect(signed(HEADER, block)).toMatchObject({ signerTitle: title, signer });
  });

  it('a Party standing committee: "T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ"', () => {
    expect(signed(PARTY_HEADER, 'T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n\nHoàng Văn Mẫu')).toMatchObject({
      signerTitle: 'T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ',
      signer: 'Hoàng Văn Mẫu',
    });
    expect(signed(PARTY_HEADER, 'T/M BAN THƯỜNG VỤ\nBÍ THƯ\nHoàng Văn Mẫu').signerTitle).toBe(
      'T/M BAN THƯỜNG VỤ / BÍ THƯ',
    );
  });

  it.each([
    // [signature block, title, signer] — titles that used to be read as the signer's name
    ['T/M BỘ CHÍNH TRỊ\nTỔNG BÍ THƯ\n\nNguyễn Văn Mẫu', 'T/M BỘ CHÍNH TRỊ / TỔNG BÍ THƯ', 'Nguyễn Văn Mẫu'],
    [
      'T/M BAN BÍ THƯ\nTHƯỜNG TRỰC BAN BÍ THƯ\n\nNguyễn Văn Mẫu',
      'T/M BAN BÍ THƯ / THƯỜNG TRỰC BAN BÍ THƯ',
      'Nguyễn Văn Mẫu',
    ],
    ['KT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\n\nTrần Văn Mẫu', 'KT. THỦ TƯỚNG / PHÓ THỦ TƯỚNG', 'Trần Văn Mẫu'],
    ['KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nTrần Văn Mẫu', 'KT. BỘ TRƯỞNG / THỨ TRƯỞNG', 'Trần Văn Mẫu'],
  ])('central titles: %s', (block, title, signer) => {
    expect(signed(PARTY_HEADER, block)).toMatchObject({ signerTitle: title, signer });
  });

  it('null without a signature block; a name-less block keeps its titles', () => {
    expect(signed(HEADER, '')).toMatchObject({ signerTitle: null, signer: null });
    expect(signed(HEADER, 'TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH')).toMatchObject({
      signerTitle: 'TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH',
      signer: null,
    });
  });
});
