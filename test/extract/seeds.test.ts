// Golden tests: every fact of ../shared/SEEDS.md that one document can show, checked on the extraction.
import { describe, expect, it } from 'vitest';
import { coordNames, k, leadNames, ref, seed, task, triples } from './helpers.ts';

describe('000 — Ia H’Drai district plan (Kon Tum)', () => {
  const doc = seed('000');
  it('reads the header: a district People’s Committee plan without number or date', () => {
    expect(doc.document).toMatchObject({
      symbol: null,
      type: 'KE_HOACH',
      date: null,
      signer: 'Nguyễn Tiến Dũng',
      signerTitle: 'TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH',
      issuer: { branch: 'STATE', level: 'DISTRICT', jurisdiction: "Ia H'Drai", province: 'Kon Tum' },
    });
  });
  it('implements 2629/KH-UBND, which implements the 2030 strategy (by name)', () => {
    expect(ref(doc, '2629/KH-UBND')).toMatchObject({
      date: { value: '2023-08-15' },
      issuer: { level: 'PROVINCE', jurisdiction: 'Kon Tum', branch: 'STATE' },
    });
    const t = triples(doc, 'IMPLEMENTS');
    expect(t).toContain('SELF IMPLEMENTS 2629/KH-UBND');
    expect(t).toContain(
      '2629/KH-UBND IMPLEMENTS Chiến lược phát triển khoa học, công nghệ và đổi mới sáng tạo đến năm 2030',
    );
  });
  it.each([
    // [symbol, date, level, jurisdiction, branch]
    ['569/QĐ-TTg', null, 'CENTRAL', null, 'STATE'],
    ['4485/KH-UBND', '2020-12-03', 'PROVINCE', 'Kon Tum', 'STATE'],
    ['1693/KH-UBND', '2023-06-07', 'PROVINCE', 'Kon Tum', 'STATE'], // "của Ủy ban nhân dân tỉnh" in a district's text
    ['57-CTr/TU', '2023-04-28', 'PROVINCE', 'Kon Tum', 'PARTY'],
    ['36-NQ/TW', '2023-01-30', 'CENTRAL', null, 'PARTY'],
    ['2667/QĐ-BKH-CN', '2022-12-28', 'CENTRAL', null, 'STATE'], // footnote
    ['938/BKH-CN-KHTC', '2023-04-06', 'CENTRAL', null, 'STATE'], // footnote, a letter without type code
  ])('cites %s', (symbol, date, level, jurisdiction, branch) => {
    const r = ref(doc, symbol);
    expect(r.date?.value ?? null).toBe(date);
    expect(r.issuer).toMatchObject({ level, jurisdiction, branch });
    expect(doc.relations.some((x) => x.from === 'SELF' && x.to === r.id)).toBe(true);
  });
  it('states the chain 1693 → 57 → 36 between two other documents', () => {
    const t = triples(doc, 'IMPLEMENTS');
    expect(t).toContain('1693/KH-UBND IMPLEMENTS 57-CTr/TU');
    expect(t).toContain('57-CTr/TU IMPLEMENTS 36-NQ/TW');
  });
  it('has tasks III.1–III.9 and III.6.a–h; III.6.h implements 1693 and is assigned to a group', () => {
    const keys = doc.tasks.map((t) => t.key);
    for (const key of ['III.1', 'III.5', 'III.9', 'III.6.a', 'III.6.đ', 'III.6.g', 'III.6.h'])
      expect(keys).toContain(key);
    expect(task(doc, 'III.6.h')).toMatchObject({ parent: 'III.6', lead: [] });
    expect(task(doc, 'III.6.h').groups.length).toBeGreaterThan(0);
    expect(triples(doc, 'IMPLEMENTS')).toContain('task:III.6.h IMPLEMENTS 1693/KH-UBND');
  });
  it.each([
    // [task, lead (canonical)]
    ['III.1', 'Phòng Kinh tế và Hạ tầng'],
    ['III.3', 'Phòng Tài chính - Kế hoạch'],
    ['III.4', 'Phòng Lao động - Thương binh và Xã hội'],
    ['III.6.b', 'Phòng Nông nghiệp và Phát triển Nông thôn'],
    ['III.6.b', 'Phòng Kinh tế và Hạ tầng'], // the second duty
    ['III.6.c', 'Phòng Giáo dục và Đào tạo'],
    ['III.6.đ', 'Phòng Tài nguyên và Môi trường'],
    ['III.6.g', 'Trung tâm Y tế huyện'],
    ['III.9', 'Phòng Kinh tế và Hạ tầng'],
  ])('task %s is led by %s of Ia H’Drai, ongoing', (key, lead) => {
    const t = task(doc, key);
    expect(leadNames(t)).toContain(k(lead));
    expect(t.lead.every((a) => a.jurisdiction === "Ia H'Drai")).toBe(true);
    expect(t.deadline?.kind).toBe('ONGOING');
  });
  it('merges the printed variants of Phòng Kinh tế và Hạ tầng into one agency, keeping the printed form', () => {
    const all = doc.tasks.flatMap((t) => [...t.lead, ...t.coordinators]);
    const variants = all.filter((a) => /kinh te.*ha tang/.test(k(a.printed)));
    expect(new Set(variants.map((a) => a.printed)).size).toBeGreaterThanOrEqual(2);
    expect(new Set(variants.map((a) => a.name))).toEqual(new Set(['Phòng Kinh tế và Hạ tầng']));
    expect(coordNames(task(doc, 'III.3'))).toEqual([k('Phòng Kinh tế và Hạ tầng')]);
  });
  it('reads the recurring reports of section IV', () => {
    expect(task(doc, 'IV.1')).toMatchObject({
      deadline: { kind: 'RECURRING', value: '--12-05', recurrence: 'YEARLY' },
    });
    expect(leadNames(task(doc, 'IV.1'))).toEqual([k('Phòng Kinh tế và Hạ tầng')]);
    expect(task(doc, 'IV.3')).toMatchObject({ deadline: { kind: 'RECURRING', value: '--11-20' } });
  });
});

describe('001 — Lào Cai provincial plan', () => {
  const doc = seed('001');
  it('keeps the blank number as null with a warning, and a month-precision date', () => {
    expect(doc.document).toMatchObject({
      symbol: null,
      type: 'KE_HOACH',
      signer: 'Giàng Thị Dung',
      signerTitle: 'TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH',
      date: { value: '2024-04', valid: true },
      issuer: { branch: 'STATE', level: 'PROVINCE', jurisdiction: 'Lào Cai' },
    });
    expect(doc.warnings.map((w) => w.code)).toContain('BLANK_NUMBER');
  });
  it('implements 569/QĐ-TTg, which promulgated the 2030 strategy', () => {
    const r569 = ref(doc, '569/QĐ-TTg');
    expect(r569).toMatchObject({
      date: { value: '2022-05-11' },
      issuer: { level: 'CENTRAL', branch: 'STATE' },
    });
    expect(r569.subject).toMatch(/^ban hành Chiến lược phát triển khoa học/);
    expect(triples(doc, 'IMPLEMENTS')).toContain('SELF IMPLEMENTS 569/QĐ-TTg');
    const strategy = ref(doc, 'Chiến lược phát triển khoa học, công nghệ và đổi mới sáng tạo đến năm 2030');
    expect(strategy.promulgatedBy).toBe(r569.id);
  });
  it('keeps both sections numbered III: nine tasks, then funding', () => {
    const first = doc.tasks.filter((t) => t.section === 'III');
    expect(first.map((t) => t.key)).toEqual([
      'III.1',
      'III.2',
      'III.3',
      'III.4',
      'III.5',
      'III.6',
      'III.7',
      'III.8',
      'III.9',
    ]);
    expect(first.every((t) => t.lead.length === 0)).toBe(true);
    expect(doc.warnings.some((w) => w.code === 'DUPLICATE_NUMBERING' && w.message.includes('III'))).toBe(
      true,
    );
  });
  it.each([
    ['IV.1', 'Sở Khoa học và Công nghệ'],
    ['IV.2', 'Sở Kế hoạch và Đầu tư'],
    ['IV.3', 'Sở Tài chính'],
    ['IV.4', 'Sở Giáo dục và Đào tạo'],
    ['IV.5', 'Sở Lao động - Thương binh và Xã hội'],
    ['IV.6', 'Sở Nội vụ'],
    ['IV.7', 'Sở Thông tin và Truyền thông'],
    ['IV.8', 'Sở Ngoại vụ'],
  ])('duty %s belongs to %s of Lào Cai', (key, lead) => {
    const t = task(doc, key);
    expect(leadNames(t)).toEqual([k(lead)]);
    expect(t.lead[0]?.jurisdiction).toBe('Lào Cai');
  });
  it('reads the yearly report before 10/12', () => {
    expect(doc.tasks.some((t) => t.deadline?.kind === 'RECURRING' && t.deadline.value === '--12-10')).toBe(
      true,
    );
  });
});

describe('002 — An Giang action plan', () => {
  const doc = seed('002');
  it('finds the issuer from the body: the provincial People’s Committee of An Giang', () => {
    expect(doc.document).toMatchObject({
      symbol: null,
      date: null,
      signer: null,
      signerTitle: null,
      type: 'KE_HOACH',
      issuer: { branch: 'STATE', level: 'PROVINCE', jurisdiction: 'An Giang' },
    });
  });
  it('implements 26-KH/TU (named in the title by type and issuer), which implements 234-TB/TW', () => {
    expect(ref(doc, '26-KH/TU')).toMatchObject({
      date: { value: '2009-11-13' },
      issuer: { branch: 'PARTY', level: 'PROVINCE', jurisdiction: 'An Giang' },
    });
    expect(ref(doc, '234-TB/TW')).toMatchObject({
      type: 'THONG_BAO',
      issuer: { branch: 'PARTY', level: 'CENTRAL', term: 'X' },
    });
    const t = triples(doc, 'IMPLEMENTS');
    expect(t).toContain('SELF IMPLEMENTS 26-KH/TU');
    expect(t).toContain('26-KH/TU IMPLEMENTS 234-TB/TW');
  });
  it('keeps named resolutions without number, khoá and khóa alike', () => {
    expect(triples(doc)).toContain('234-TB/TW CITES Nghị quyết Trung ương 2 (khóa VIII)');
    expect(ref(doc, 'Nghị quyết Trung ương 7 (khóa X)').issuer).toMatchObject({
      level: 'CENTRAL',
      branch: 'PARTY',
    });
    expect(ref(doc, 'Nghị quyết Trung ương 2 (khóa X)')).toBeTruthy();
  });
  it('has tasks under II and III, with “ê)” and the repeated section III', () => {
    const keys = doc.tasks.map((t) => t.key);
    expect(keys).toEqual(
      expect.arrayContaining(['II.1', 'II.4', 'III.4.a', 'III.4.c', 'III.5.a', 'III.5.ê', 'III.5.h']),
    );
    expect(keys.filter((x) => /^III\.5\.[a-zđê]$/.test(x))).toEqual([
      'III.5.a',
      'III.5.b',
      'III.5.c',
      'III.5.d',
      'III.5.đ',
      'III.5.e',
      'III.5.ê',
      'III.5.g',
      'III.5.h',
    ]);
    expect(keys.some((x) => x.startsWith('III~2.'))).toBe(true);
  });
});

describe('003 — Quảng Ngãi 167/KH-UBND', () => {
  const doc = seed('003');
  it('reads the header', () => {
    expect(doc.document).toMatchObject({
      symbol: '167/KH-UBND',
      type: 'KE_HOACH',
      date: { value: '2021-11-29', valid: true },
      signer: 'Trần Phước Hiền',
      signerTitle: 'KT. CHỦ TỊCH / PHÓ CHỦ TỊCH',
      issuer: {
        name: 'Ủy ban nhân dân tỉnh Quảng Ngãi',
        branch: 'STATE',
        level: 'PROVINCE',
        jurisdiction: 'Quảng Ngãi',
      },
    });
  });
  it('states the chain 42 → 93 → 167 and 186 → 93, with the instruction and the proposal as bases', () => {
    const t = triples(doc);
    expect(t).toEqual(
      expect.arrayContaining([
        'SELF IMPLEMENTS 93-KL/TW',
        '93-KL/TW IMPLEMENTS 42-CT/TW',
        '186-CV/TU IMPLEMENTS 93-KL/TW',
        'SELF CITES(CHI_DAO) 186-CV/TU',
        'SELF CITES(DE_NGHI) 1667/TTr-SKHCN',
      ]),
    );
  });
  it.each([
    // [symbol, date, level, jurisdiction, branch, type]
    ['93-KL/TW', '2020-11-20', 'CENTRAL', null, 'PARTY', 'KET_LUAN'],
    ['42-CT/TW', '2010-04-16', 'CENTRAL', null, 'PARTY', 'CHI_THI'],
    ['186-CV/TU', '2021-01-04', 'PROVINCE', 'Quảng Ngãi', 'PARTY', 'CONG_VAN'], // issuer stated before: "chỉ đạo của ... tại"
    ['1667/TTr-SKHCN', '2021-11-22', 'PROVINCE', 'Quảng Ngãi', 'STATE', 'TO_TRINH'],
    ['04-CTr/TU', '2010-12-15', 'PROVINCE', 'Quảng Ngãi', 'PARTY', 'CHUONG_TRINH'], // printed "04-Ctr/TU"
    ['1521/QĐ-UBND', '2021-09-29', 'PROVINCE', 'Quảng Ngãi', 'STATE', 'QUYET_DINH'],
    ['03/CT-UBND', '2019-01-15', 'PROVINCE', 'Quảng Ngãi', 'STATE', 'CHI_THI'],
    ['11/2015/TT-BTC', '2015-01-29', 'CENTRAL', null, 'STATE', 'THONG_TU'],
  ])('reference %s', (symbol, date, level, jurisdiction, branch, type) => {
    expect(ref(doc, symbol)).toMatchObject({
      date: { value: date },
      type,
      issuer: { level, jurisdiction, branch },
    });
  });
  it.each([
    ['Công văn số 186', '186-CV/TU'],
    ['Công văn 186', '186-CV/TU'],
    ['Chỉ thị 42', '42-CT/TW'],
    ['Kết luận 93', '93-KL/TW'],
    ['Chương trình hành động 04', '04-CTr/TU'],
  ])('alias “%s” resolves to %s, one reference with many mentions', (alias, symbol) => {
    const r = ref(doc, symbol);
    expect(r.aliases).toContain(alias);
    expect(r.mentions.length).toBeGreaterThan(2);
    expect(doc.references.filter((x) => x.symbol === symbol)).toHaveLength(1);
    expect(doc.references.some((x) => x.symbol === null && x.name === alias)).toBe(false);
  });
  it('names the two congress resolutions', () => {
    expect(ref(doc, 'Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII').issuer?.level).toBe('CENTRAL');
    expect(ref(doc, 'Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XX').issuer).toMatchObject({
      level: 'PROVINCE',
      jurisdiction: 'Quảng Ngãi',
    });
  });
  it('has every task, the two items “d)” kept apart', () => {
    const keys = doc.tasks.map((t) => t.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'II.1',
        'II.2.a',
        'II.2.d',
        'II.3.a',
        'II.3.đ',
        'II.4.a',
        'II.4.d',
        'II.4.d~2',
        'II.4.h',
        'II.5.b',
      ]),
    );
    expect(task(doc, 'II.4.d').title).not.toBe(task(doc, 'II.4.d~2').title);
  });
  it.each([
    ['II.1', 'Ban Tuyên giáo Tỉnh ủy'],
    ['II.2.a', 'Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh'],
    ['II.2.c', 'Sở Tài chính'],
    ['II.3.b', 'Sở Nội vụ'],
    ['II.3.c', 'Sở Nội vụ'],
    ['II.5.a', 'Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh'],
  ])('task %s is led by %s', (key, lead) => {
    expect(leadNames(task(doc, key))).toContain(k(lead));
  });
  it('splits coordinators and groups out of “X chủ trì phối hợp với ...”', () => {
    const t = task(doc, 'II.2.c');
    expect(coordNames(t)).toEqual(
      expect.arrayContaining([k('Sở Nội vụ'), k('Sở Khoa học và Công nghệ'), k('Kho bạc Nhà nước tỉnh')]),
    );
    expect(t.groups.some((g) => /các sở, ngành liên quan/.test(g))).toBe(true);
    // "Liên hiệp Hội" (short form) is the same agency.
    expect(coordNames(task(doc, 'II.3.c'))).toContain(k('Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh'));
  });
  it.each([
    ['II.1', 'BY_DATE', '2022-03-31'],
    ['II.2.d', 'BY_DATE', '2022-06-30'],
    ['II.3.a', 'BY_DATE', '2022-12-30'],
    ['II.3.b', 'BY_DATE', '2021-12-30'],
    ['II.2.a', 'RECURRING', null],
    ['II.4.g', 'START', '2022-05-18'],
  ])('task %s is due %s %s', (key, kind, value) => {
    expect(task(doc, key).deadline).toMatchObject({ kind, value });
  });
  it('keeps the condition of II.3.a and both start dates of II.4.g', () => {
    expect(task(doc, 'II.3.a').deadline?.condition).toMatch(/Đề án tổ chức bộ máy/);
    expect(task(doc, 'II.4.g').deadline?.dates.map((d) => d.value)).toEqual(['2022-05-18', '2023-05-18']);
  });
  it('keeps the impossible 31/6/2022 as written, invalid, with a warning — never 1 July', () => {
    const d = task(doc, 'II.4.h').deadline;
    expect(d).toMatchObject({ kind: 'BY_DATE', value: null, valid: false });
    expect(d?.text).toContain('31/6/2022');
    expect(JSON.stringify(doc)).not.toContain('2022-07-01');
    expect(doc.warnings.some((w) => w.code === 'INVALID_DATE' && w.message.includes('31/6/2022'))).toBe(true);
  });
});

describe('004 — Kon Tum provincial plan (= 1693/KH-UBND)', () => {
  const doc = seed('004');
  it('places the issuer by the body (“tỉnh Kon Tum”)', () => {
    expect(doc.document).toMatchObject({
      symbol: null,
      signer: 'Nguyễn Hữu Tháp',
      signerTitle: 'TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH',
      issuer: { name: 'Ủy ban nhân dân tỉnh Kon Tum', level: 'PROVINCE', jurisdiction: 'Kon Tum' },
    });
  });
  it('implements 57-CTr/TU, which implements 36-NQ/TW; cites the footnote decision', () => {
    const t = triples(doc, 'IMPLEMENTS');
    expect(t).toContain('SELF IMPLEMENTS 57-CTr/TU');
    expect(t).toContain('57-CTr/TU IMPLEMENTS 36-NQ/TW');
    expect(ref(doc, '57-CTr/TU')).toMatchObject({
      date: { value: '2023-04-28' },
      issuer: { branch: 'PARTY', level: 'PROVINCE', jurisdiction: 'Kon Tum' },
    });
    expect(ref(doc, '1017/QĐ-UBND')).toMatchObject({
      date: { value: '2019-09-23' },
      issuer: { level: 'PROVINCE', jurisdiction: 'Kon Tum' },
    });
  });
  it('reads the tasks, their leads by sector and their deadlines', () => {
    expect(task(doc, 'II.1.a').deadline).toMatchObject({ kind: 'BY_QUARTER', value: '2023-Q2' });
    const sectors = leadNames(task(doc, 'II.3.a'));
    for (const lead of [
      'Sở Nông nghiệp và Phát triển nông thôn',
      'Sở Khoa học và Công nghệ',
      'Sở Công Thương',
      'Sở Y tế',
      'Sở Tài nguyên và Môi trường',
      'Sở Kế hoạch và Đầu tư',
    ])
      expect(sectors).toContain(k(lead));
    expect(task(doc, 'II.3.a').duties.length).toBeGreaterThanOrEqual(6);
    expect(task(doc, 'II.3.b')).toMatchObject({ deadline: { kind: 'BY_QUARTER', value: '2024-Q2' } });
    expect(leadNames(task(doc, 'II.3.b'))).toEqual([k('Sở Kế hoạch và Đầu tư')]);
  });
  it('reads the yearly reports: agencies before 20/11, the department before 20/12', () => {
    expect(task(doc, 'IV.1').deadline).toMatchObject({ kind: 'RECURRING', value: '--11-20' });
    expect(task(doc, 'IV.2').deadline).toMatchObject({ kind: 'RECURRING', value: '--12-20' });
    expect(leadNames(task(doc, 'IV.2'))).toEqual([k('Sở Khoa học và Công nghệ')]);
  });
});

describe('validity hints in the seeds', () => {
  // The seeds are plans and a Party conclusion implementing and citing others: none amends, replaces, repeals or
  // guides anything, though they print "sửa đổi", "bổ sung", "hướng dẫn" and "thay thế" in other senses.
  it.each(['000', '001', '002', '003', '004'])('%s states none', (prefix) => {
    const doc = seed(prefix);
    const validity = ['AMENDS', 'REPLACES', 'REPEALS', 'GUIDES'].flatMap((t) =>
      triples(doc, t as 'AMENDS' | 'REPLACES' | 'REPEALS' | 'GUIDES'),
    );
    expect(validity).toEqual([]);
  });
});
