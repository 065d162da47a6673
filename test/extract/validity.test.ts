// Validity hints (extract/validity.ts): what a document states it amends, replaces, repeals or guides. Openings
// written for these tests in the shapes national texts take (titles, "… này thay thế …", "hết hiệu lực kể từ ngày
// … này có hiệu lực", lists, "Bãi bỏ Điều 5 của …"), and mentions that are no act of the document itself.
import { describe, expect, it } from 'vitest';
import { ExtractedDocument } from '../../src/model/extraction.ts';
import { extractDocument } from '../../src/pipeline/extract-document.ts';

const VALIDITY = new Set(['AMENDS', 'REPLACES', 'REPEALS', 'GUIDES']);

/** Validity relations as "FROM TYPE TO [scope]", FROM and TO by symbol or name ("SELF" for the document). */
function hints(text: string): string[] {
  const doc = ExtractedDocument.parse(extractDocument(text, { source: 'test.txt' }));
  const label = (id: string) => {
    const r = doc.references.find((x) => x.id === id);
    return r ? (r.symbol ?? r.name ?? id) : id;
  };
  return doc.relations
    .filter((r) => VALIDITY.has(r.type))
    .map((r) => `${label(r.from)} ${r.type} ${label(r.to)}${r.scope ? ` [${r.scope}]` : ''}`)
    .sort();
}

const DECREE_HEAD = `CHÍNH PHỦ
Số: 45/2021/NĐ-CP
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 10 tháng 5 năm 2021

NGHỊ ĐỊNH
`;
const DECISION_HEAD = `ỦY BAN NHÂN DÂN
TỈNH NGHỆ AN
Số: 31/2022/QĐ-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Nghệ An, ngày 20 tháng 6 năm 2022

QUYẾT ĐỊNH
`;
const CIRCULAR_HEAD = `BỘ Y TẾ
Số: 05/2021/TT-BYT
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 12 tháng 3 năm 2021

THÔNG TƯ
`;
const PLAN_HEAD = `ỦY BAN NHÂN DÂN
TỈNH NGHỆ AN
Số: 120/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Nghệ An, ngày 03 tháng 3 năm 2023

KẾ HOẠCH
`;

/** Articles enough to push a consolidated text's own symbol, printed at its end, past its first 3,000 characters. */
const FILLER = 'Điều 1. Hồ sơ tự công bố sản phẩm gồm bản tự công bố và kết quả kiểm nghiệm.\n'.repeat(45);

const AMENDING_DECREE = `${DECREE_HEAD}Sửa đổi, bổ sung một số điều của Nghị định số 15/2018/NĐ-CP ngày 02 tháng 02 năm 2018
của Chính phủ quy định chi tiết thi hành một số điều của Luật An toàn thực phẩm

Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;
Theo đề nghị của Bộ trưởng Bộ Y tế;
Chính phủ ban hành Nghị định sửa đổi, bổ sung một số điều của Nghị định số 15/2018/NĐ-CP.

Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 15/2018/NĐ-CP
1. Sửa đổi khoản 2 Điều 3 như sau:
“2. Hồ sơ gồm bản tự công bố sản phẩm.”
Điều 2. Hiệu lực thi hành
Nghị định này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2021.
`;

describe('validity hints the document states of itself', () => {
  it.each<[string, string, string[]]>([
    // A decree's title amends; what the amended decree details (the law) is not amended by it.
    [
      // The title also says what the amended decree guides: a relation between two cited documents.
      'decree title, preamble and article',
      AMENDING_DECREE,
      ['15/2018/NĐ-CP GUIDES Luật An toàn thực phẩm', 'SELF AMENDS 15/2018/NĐ-CP'],
    ],
    [
      // A law amending a law named without a number, in an upper-case title.
      'law title, upper case',
      `QUỐC HỘI\nLuật số: 31/2024/QH15\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nLUẬT\nSỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT ĐẤT ĐAI\n\nCăn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\nQuốc hội ban hành Luật sửa đổi, bổ sung một số điều của Luật Đất đai.\n\nĐiều 1. Sửa đổi, bổ sung một số điều của Luật Đất đai\n`,
      ['SELF AMENDS LUẬT ĐẤT ĐAI'],
    ],
    [
      // "Về việc sửa đổi …" in a provincial decision's title.
      'decision title "về việc sửa đổi"',
      `${DECISION_HEAD}Về việc sửa đổi Quyết định số 123/QĐ-UBND ngày 15/01/2022 của UBND tỉnh Nghệ An\n\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n\nQUYẾT ĐỊNH:\nĐiều 1. Sửa đổi Điều 2 Quyết định số 123/QĐ-UBND như sau.\n`,
      // The article amends one article of it too; the whole act of the title wins (one relation per pair).
      ['SELF AMENDS 123/QĐ-UBND'],
    ],
    [
      // Final provisions: "Quyết định này thay thế …", wrapped mid-citation.
      'final provisions "… này thay thế …"',
      `${DECISION_HEAD}Ban hành Quy định về quản lý cụm công nghiệp\n\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Quy định về quản lý cụm công nghiệp.\nĐiều 2. Quyết định này có hiệu lực từ ngày 01 tháng 7 năm 2022. Quyết định này thay thế Quyết định số\n09/2019/QĐ-UBND ngày 12/4/2019 của UBND tỉnh Nghệ An.\n`,
      ['SELF REPLACES 09/2019/QĐ-UBND'],
    ],
    [
      // Two replaced decrees joined by "và".
      'replaces two, "… và …"',
      `${DECREE_HEAD}Quy định về quản lý thuốc lá\n\nCăn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\nChính phủ ban hành Nghị định quy định về quản lý thuốc lá.\n\nĐiều 9. Hiệu lực thi hành\n1. Nghị định này có hiệu lực từ ngày 01 tháng 7 năm 2021.\n2. Nghị định này thay thế Nghị định số 40/2016/NĐ-CP ngày 15 tháng 5 năm 2016 của Chính phủ và Nghị định số 41/2017/NĐ-CP ngày 05 tháng 4 năm 2017 của Chính phủ.\n`,
      ['SELF REPLACES 40/2016/NĐ-CP', 'SELF REPLACES 41/2017/NĐ-CP'],
    ],
    [
      // "X hết hiệu lực kể từ ngày … này có hiệu lực": REPEALS (nothing says this document replaces X).
      '"… hết hiệu lực kể từ ngày … này có hiệu lực"',
      `${DECISION_HEAD}Ban hành Quy chế làm việc\n\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n\nQUYẾT ĐỊNH:\nĐiều 3. Quyết định này có hiệu lực từ ngày ký.\nQuyết định số 20/2018/QĐ-UBND ngày 05/7/2018 của UBND tỉnh Nghệ An hết hiệu lực kể từ ngày Quyết định này có hiệu lực.\n`,
      ['SELF REPEALS 20/2018/QĐ-UBND'],
    ],
    [
      // An article that repeals, and an item that repeals one article (the scope is kept).
      '"Bãi bỏ …" articles and items, with a scope',
      `${CIRCULAR_HEAD}Sửa đổi một số điều của Thông tư số 11/2015/TT-BYT\n\nCăn cứ Nghị định số 95/2022/NĐ-CP ngày 15 tháng 11 năm 2022 của Chính phủ;\n\nĐiều 2. Bãi bỏ Quyết định số 567/QĐ-BYT ngày 20/3/2010 của Bộ trưởng Bộ Y tế.\nĐiều 3. Điều khoản thi hành\n1. Thông tư này có hiệu lực từ ngày 01 tháng 5 năm 2021.\n2. Bãi bỏ Điều 5 của Thông tư số 11/2015/TT-BYT ngày 20 tháng 5 năm 2015.\n`,
      ['SELF AMENDS 11/2015/TT-BYT', 'SELF REPEALS 11/2015/TT-BYT [Điều 5]', 'SELF REPEALS 567/QĐ-BYT'],
    ],
    [
      // A circular guiding a decree (title), and "quy định chi tiết và hướng dẫn thi hành" a law (scope article).
      'guides: title and "Thông tư này quy định chi tiết và hướng dẫn thi hành …"',
      `${CIRCULAR_HEAD}Hướng dẫn thi hành Nghị định số 15/2018/NĐ-CP ngày 02 tháng 02 năm 2018 của Chính phủ\n\nCăn cứ Nghị định số 95/2022/NĐ-CP ngày 15 tháng 11 năm 2022 của Chính phủ;\nBộ trưởng Bộ Y tế ban hành Thông tư hướng dẫn thi hành Nghị định số 15/2018/NĐ-CP.\n\nĐiều 1. Phạm vi điều chỉnh\nThông tư này quy định chi tiết và hướng dẫn thi hành khoản 3 Điều 7 của Luật Ngân sách nhà nước.\n`,
      ['SELF GUIDES 15/2018/NĐ-CP', 'SELF GUIDES Luật Ngân sách nhà nước [khoản 3 Điều 7]'],
    ],
    [
      // A list the clause opens: each item's first citation; what an item's subject says is not ours.
      'a list: "Các văn bản sau đây hết hiệu lực …: a) …; b) Điều 3 …"',
      `${DECREE_HEAD}Quy định về tuyển dụng viên chức\n\nCăn cứ Luật Viên chức ngày 15 tháng 11 năm 2010;\n\nĐiều 20. Hiệu lực thi hành\n1. Nghị định này có hiệu lực từ ngày 01 tháng 7 năm 2021.\n2. Các văn bản sau đây hết hiệu lực kể từ ngày Nghị định này có hiệu lực:\na) Nghị định số 68/2000/NĐ-CP ngày 17 tháng 11 năm 2000 của Chính phủ về thực hiện chế độ hợp đồng;\nb) Điều 3 Nghị định số 161/2018/NĐ-CP ngày 29 tháng 11 năm 2018 của Chính phủ sửa đổi, bổ sung một số quy định về tuyển dụng công chức.\n3. Các Bộ trưởng chịu trách nhiệm thi hành Nghị định này.\n`,
      ['SELF REPEALS 161/2018/NĐ-CP [Điều 3]', 'SELF REPEALS 68/2000/NĐ-CP'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(hints(text)).toEqual(expected);
  });

  it('reads decomposed Unicode (NFD) and Markdown noise the same, with spans into the original text', () => {
    const text =
      `${DECISION_HEAD}Ban hành Quy chế\n\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n\n**Điều 2.** Quyết định này **thay thế** Quyết định số 09/2019/QĐ-UBND ngày 12/4/2019 của UBND tỉnh Nghệ An.\n`.normalize(
        'NFD',
      );
    expect(hints(text)).toEqual(['SELF REPLACES 09/2019/QĐ-UBND']);
    const doc = extractDocument(text);
    const r = doc.relations.find((x) => x.type === 'REPLACES');
    const evidence = text.slice(r?.evidence.start, r?.evidence.end).normalize('NFC');
    expect(evidence.startsWith('Quyết định này')).toBe(true);
    expect(evidence).toContain('09/2019/QĐ-UBND');
  });
});

describe('mentions that are no act of the document', () => {
  it.each<[string, string, string[]]>([
    [
      // The issue's own example: SELF implements 15, and 123 (not SELF) amends it.
      'a plan implementing a decree "đã được sửa đổi bởi" another',
      `${PLAN_HEAD}Triển khai công tác an toàn thực phẩm năm 2023\n\nThực hiện Nghị định số 15/2018/NĐ-CP ngày 02/02/2018 của Chính phủ đã được sửa đổi bởi Nghị định số 123/2020/NĐ-CP ngày 19/10/2020 của Chính phủ, UBND tỉnh ban hành Kế hoạch như sau:\n\nI. MỤC ĐÍCH, YÊU CẦU\n1. Bảo đảm an toàn thực phẩm.\n`,
      ['123/2020/NĐ-CP AMENDS 15/2018/NĐ-CP'],
    ],
    [
      // A basis that is itself an amending law: "Căn cứ Luật sửa đổi, bổ sung …" amends nothing here.
      'a basis naming an amending law',
      `${DECISION_HEAD}Ban hành Quy định về bồi thường khi Nhà nước thu hồi đất\n\nCăn cứ Luật sửa đổi, bổ sung một số điều của Luật Đất đai ngày 29 tháng 6 năm 2024;\nCăn cứ Nghị định số 88/2024/NĐ-CP ngày 15 tháng 7 năm 2024 của Chính phủ quy định chi tiết một số điều của Luật Đất đai;\n\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Quy định về bồi thường.\n`,
      [],
    ],
    [
      // A plan's task to amend a decision later: a duty, not an amendment.
      'a plan task "Sửa đổi, bổ sung Quyết định số …"',
      `${PLAN_HEAD}Cải cách hành chính năm 2023\n\nThực hiện Quyết định số 76/QĐ-TTg ngày 15/01/2023 của Thủ tướng Chính phủ, UBND tỉnh ban hành Kế hoạch như sau:\n\nII. NHIỆM VỤ, GIẢI PHÁP\n1. Sửa đổi, bổ sung Quyết định số 12/2020/QĐ-UBND ngày 05/3/2020 của UBND tỉnh.\nCơ quan thực hiện: Sở Tư pháp.\n2. Bãi bỏ Quyết định số 13/2020/QĐ-UBND ngày 06/3/2020 của UBND tỉnh.\nCơ quan thực hiện: Sở Nội vụ.\n`,
      [],
    ],
    [
      // Someone else guides: an agency "hướng dẫn thực hiện" a decree.
      'an agency that guides',
      `${DECISION_HEAD}Ban hành Quy chế phối hợp\n\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n\nQUYẾT ĐỊNH:\nĐiều 2. Sở Tư pháp hướng dẫn thực hiện Nghị định số 15/2018/NĐ-CP ngày 02/02/2018 của Chính phủ.\n`,
      [],
    ],
    [
      // "khoản 1 Điều này thay thế cho …": an article of the text, not a document type; and a Government
      // resolution deciding that a decree be issued amends nothing itself.
      'an article as subject, and a resolution deciding a decree',
      `CHÍNH PHỦ\nSố: 105/NQ-CP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nHà Nội, ngày 10 tháng 6 năm 2023\n\nNGHỊ QUYẾT\nVề việc xây dựng văn bản quy phạm pháp luật\n\nCăn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\n\nQUYẾT NGHỊ:\n1. Chính phủ ban hành Nghị định sửa đổi, bổ sung Nghị định số 120/2020/NĐ-CP ngày 07 tháng 10 năm 2020 của Chính phủ.\n2. Báo cáo theo khoản 1 Điều này thay thế cho Báo cáo số 55/BC-BKHĐT ngày 02/3/2023.\n`,
      [],
    ],
    [
      // Amending decrees a copy only mentions in passing ("đã sửa đổi" without the document as subject).
      'a title about a policy of an amending law',
      `CHÍNH PHỦ\nSố: 141/NQ-CP\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nHà Nội, ngày 10 tháng 6 năm 2023\n\nNGHỊ QUYẾT\nVề chính sách của Luật sửa đổi, bổ sung một số điều của Luật Thương mại\n\nCăn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\n`,
      [],
    ],
    [
      // A consolidated text (văn bản hợp nhất) restates the final provisions of what it consolidates; its own
      // symbol is printed at the end. It replaces nothing itself; what it quotes as stated between others stays.
      'a consolidated text, its symbol at the end',
      `CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nTHÔNG TƯ\nQuy định về hồ sơ tự công bố\nThông tư số 05/2021/TT-BYT ngày 12 tháng 3 năm 2021 của Bộ trưởng Bộ Y tế, được sửa đổi, bổ sung bởi Thông tư số 09/2022/TT-BYT ngày 01 tháng 6 năm 2022.\n\n${FILLER}Điều 5. Hiệu lực thi hành\nThông tư này thay thế Thông tư số 01/2019/TT-BYT ngày 10 tháng 01 năm 2019.\n\nXÁC THỰC VĂN BẢN HỢP NHẤT\nSố: 12/VBHN-BYT\n`,
      ['09/2022/TT-BYT AMENDS 05/2021/TT-BYT'],
    ],
  ])('%s', (_name, text, expected) => {
    expect(hints(text)).toEqual(expected);
  });
});
