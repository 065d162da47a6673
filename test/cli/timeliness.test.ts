// `policy-graph timeliness` end to end on documents written for the test: a Politburo resolution giving the
// provinces 60 days, one province's programme inside them, one after, every other province silent — as a table,
// as CSV and as JSON, with the lags counted from the resolution's date.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../support/cli-run.ts';

const RESOLUTION = `BAN CHẤP HÀNH TRUNG ƯƠNG
ĐẢNG CỘNG SẢN VIỆT NAM
*
Số 91-NQ/TW
Hà Nội, ngày 10 tháng 3 năm 2023

NGHỊ QUYẾT
CỦA BỘ CHÍNH TRỊ
về phát triển kinh tế tập thể trong giai đoạn mới

I. NHIỆM VỤ, GIẢI PHÁP
1. Hoàn thiện thể chế phát triển kinh tế tập thể.

II. TỔ CHỨC THỰC HIỆN
Các tỉnh ủy, thành ủy, ban cán sự đảng, đảng đoàn xây dựng chương trình hành động thực hiện Nghị quyết này trong thời hạn 60 ngày kể từ ngày ký.

T/M BỘ CHÍNH TRỊ
TỔNG BÍ THƯ
`;

function programme(province: string, number: string, date: string): string {
  const [d, m, y] = date.split('/');
  return `ĐẢNG BỘ TỈNH ${province.toUpperCase()}
TỈNH ỦY
*
Số ${number}-CTr/TU
${province}, ngày ${d} tháng ${m} năm ${y}

CHƯƠNG TRÌNH HÀNH ĐỘNG
thực hiện Nghị quyết số 91-NQ/TW ngày 10/3/2023 của Bộ Chính trị về phát triển kinh tế tập thể trong giai đoạn mới

I. NHIỆM VỤ
1. Ban Tuyên giáo Tỉnh ủy chủ trì tuyên truyền Nghị quyết.

T/M TỈNH ỦY
BÍ THƯ
`;
}

const dir = mkdtempSync(join(tmpdir(), 'pg-cli-timeliness-'));
const cwd = process.cwd();

const run = runCliCaptured;

beforeAll(async () => {
  mkdirSync(join(dir, 'docs'));
  writeFileSync(join(dir, 'docs', 'nq91.txt'), RESOLUTION);
  writeFileSync(join(dir, 'docs', 'kontum.txt'), programme('Kon Tum', '12', '20/4/2023')); // day 41
  writeFileSync(join(dir, 'docs', 'gialai.txt'), programme('Gia Lai', '30', '28/6/2023')); // day 110
  process.env.POLICY_GRAPH_STORE = join(dir, 'store');
  // Sources are read back relative to the working directory, as `npm start` stores them.
  process.chdir(dir);
  const r = await run('ingest', 'docs');
  expect(r.code, r.stderr).toBe(0);
});
afterAll(() => {
  process.chdir(cwd);
  delete process.env.POLICY_GRAPH_STORE;
  rmSync(dir, { recursive: true, force: true });
});

describe('policy-graph timeliness', () => {
  it('a table: the limit, the due day, each province’s status and lag', async () => {
    const r = await run('timeliness', '91-NQ/TW', '--as-of', '2024-01-01');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('time limit: due 2023-05-09');
    expect(r.stdout).toMatch(/Kon Tum +on time +12-CTr\/TU 2023-04-20 +lag 41 d/);
    expect(r.stdout).toMatch(/Gia Lai +LATE +30-CTr\/TU 2023-06-28 +lag 110 d +50 d late/);
    expect(r.stdout).toMatch(/1 on time, 1 late, 0 issued \(not judged\), 61 silent and overdue/);
  });

  it('CSV and JSON carry the same figures', async () => {
    const csv = await run('timeliness', '91-NQ/TW', '--as-of', '2024-01-01', '--csv');
    // The exports' CSV: a byte-order mark for Excel, CRLF records, Vietnamese headers and status labels.
    expect(csv.stdout.startsWith('\uFEFF')).toBe(true);
    const lines = csv.stdout.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('Đơn vị,Tình trạng,Văn bản đầu tiên,Ngày,Độ trễ (ngày),Quá hạn (ngày),Số văn bản');
    expect(lines).toContain('Gia Lai,Chậm,30-CTr/TU,2023-06-28,110,50,1');
    expect(lines).toContain('Kon Tum,Đúng hạn,12-CTr/TU,2023-04-20,41,,1');
    expect(lines).toHaveLength(64);
    const json = JSON.parse((await run('timeliness', '91-NQ/TW', '--as-of', '2023-04-01', '--json')).stdout);
    expect(json.dueBy).toBe('2023-05-09');
    expect(json.counts.SILENT).toBe(61); // before the due day: silent, not overdue
  });

  it('refuses a level it cannot judge and a malformed date, with exit 2', async () => {
    expect((await run('timeliness', '91-NQ/TW', '--level', 'COMMUNE')).code).toBe(2);
    expect((await run('timeliness', '91-NQ/TW', '--as-of', '1/1/2024')).code).toBe(2);
  });
});
