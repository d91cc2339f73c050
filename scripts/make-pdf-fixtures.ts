/**
 * Generates the PDF fixtures of the PDF reader's tests (test/fixtures/pdf/) by printing small HTML
 * documents with Debian's Chromium. Run once after changing the data below, then commit the PDFs:
 *   node --import tsx scripts/make-pdf-fixtures.ts
 * The tests import the expected data (PLAN_NUMBER, FIXTURE_TASKS …) from here; they never run Chromium.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface FixtureTask {
  section: string;
  no: string;
  content: string;
  lead: string;
  support: string;
  deadline: string;
  note: string;
}

export const PLAN_NUMBER = '125/KH-UBND';
export const PLAN_ISSUED_ON = '2024-03-15';
export const PLAN_TITLE = 'Triển khai công tác cải cách hành chính năm 2024 trên địa bàn tỉnh Bình Dương';
export const HEADER_LINES = [
  'ỦY BAN NHÂN DÂN',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'KẾ HOẠCH',
  'PHỤ LỤC',
  'DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2024',
];

export const FIXTURE_SECTIONS = [
  { code: 'I', title: 'Cải cách thể chế, cải cách thủ tục hành chính và kiểm soát thủ tục hành chính' },
  { code: 'II', title: 'Hiện đại hóa nền hành chính, chuyển đổi số và nâng cao chất lượng dịch vụ công' },
];

const ACTIONS = [
  'Xây dựng kế hoạch triển khai',
  'Rà soát, đánh giá',
  'Tổ chức tập huấn nghiệp vụ về',
  'Báo cáo kết quả thực hiện',
  'Kiểm tra việc thực hiện',
  'Tham mưu UBND tỉnh ban hành quy định về',
  'Tuyên truyền, phổ biến',
];
const TOPICS = [
  'cải cách thủ tục hành chính',
  'chuyển đổi số trong cơ quan nhà nước',
  'Chỉ số PAR INDEX và SIPAS của tỉnh',
  'cơ chế một cửa, một cửa liên thông',
  'dịch vụ công trực tuyến toàn trình',
  'văn hóa công vụ, kỷ luật, kỷ cương hành chính',
  'số hóa hồ sơ, kết quả giải quyết thủ tục hành chính',
  'chế độ báo cáo định kỳ',
];
const DETAILS = [
  '',
  ', trong đó làm rõ kết quả đạt được, tồn tại, hạn chế, nguyên nhân và đề xuất giải pháp khắc phục',
  ' tại các sở, ban, ngành tỉnh và UBND các huyện, thị xã, thành phố; tổng hợp khó khăn, vướng mắc gửi Sở Nội vụ trước khi trình UBND tỉnh xem xét, quyết định theo thẩm quyền',
];
const LEADS = [
  'Sở Nội vụ',
  'Văn phòng UBND tỉnh',
  'Sở Tư pháp',
  'Sở Thông tin và Truyền thông',
  'Sở Tài chính',
  'Sở Kế hoạch và Đầu tư',
];
const SUPPORTS = [
  'Các sở, ban, ngành tỉnh',
  'UBND các huyện, thị xã, thành phố',
  'Các cơ quan, đơn vị có liên quan',
  'Sở Nội vụ, Văn phòng UBND tỉnh',
];
const DEADLINES = [
  'Trước ngày 15/4/2024',
  'Quý II/2024',
  'Thường xuyên',
  'Tháng 6/2024',
  'Trước ngày 30/9/2024',
];

/** 42 tasks: 18 in section I, 24 in section II; contents of 1 to ~6 wrapped lines. */
export const FIXTURE_TASKS: FixtureTask[] = Array.from({ length: 42 }, (_, i) => {
  const section = i < 18 ? 'I' : 'II';
  const long = i === 30 ? `${DETAILS[1]}; đồng thời${DETAILS[2]}${DETAILS[1]}` : '';
  return {
    section,
    no: String(section === 'I' ? i + 1 : i - 17),
    content: `${ACTIONS[i % ACTIONS.length]} ${TOPICS[i % TOPICS.length]}${DETAILS[i % 3]}${long}`,
    lead: LEADS[i % LEADS.length] ?? '',
    support: SUPPORTS[(i * 3) % SUPPORTS.length] ?? '',
    deadline: DEADLINES[i % DEADLINES.length] ?? '',
    note: i % 5 === 2 ? 'Báo cáo định kỳ 6 tháng, năm' : '',
  };
});

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function planHtml(): string {
  const rows: string[] = [];
  for (const section of FIXTURE_SECTIONS) {
    rows.push(`<tr class="sec"><td>${section.code}</td><td colspan="5">${esc(section.title)}</td></tr>`);
    for (const t of FIXTURE_TASKS.filter((task) => task.section === section.code)) {
      const cells = [t.no, t.content, t.lead, t.support, t.deadline, t.note];
      rows.push(`<tr>${cells.map((cell) => `<td>${esc(cell)}</td>`).join('')}</tr>`);
    }
  }
  const para = (text: string) => `<p class="body">${esc(text)}</p>`;
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><style>
@page { size: A4; margin: 20mm 15mm 20mm 25mm; @bottom-center { content: counter(page); font: 11pt 'Liberation Serif'; } }
body { font: 13pt/1.3 'Liberation Serif', 'DejaVu Serif', serif; margin: 0; }
.top { width: 100%; border-collapse: collapse; } .top td { text-align: center; vertical-align: top; padding: 0; }
h1 { font-size: 14pt; text-align: center; margin: 18pt 0 0; } .title { text-align: center; font-weight: bold; margin: 0 0 12pt; }
p.body { text-align: justify; text-indent: 24pt; margin: 0 0 6pt; }
.appendix { break-before: page; text-align: center; } .appendix p { margin: 0; }
table.tasks { width: 100%; border-collapse: collapse; font-size: 12pt; line-height: 1.25; margin-top: 12pt; }
.tasks th, .tasks td { border: 0.75pt solid #000; padding: 3pt 5pt; vertical-align: top; text-align: left; }
.tasks th { text-align: center; vertical-align: middle; }
.tasks td:first-child { text-align: center; } .tasks tr.sec td { font-weight: bold; }
</style></head><body>
<table class="top"><tr><td style="width:40%">ỦY BAN NHÂN DÂN<br><b>TỈNH BÌNH DƯƠNG</b><br>Số: ${PLAN_NUMBER}</td>
<td><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br><b>Độc lập - Tự do - Hạnh phúc</b><br><i>Bình Dương, ngày 15 tháng 3 năm 2024</i></td></tr></table>
<h1>KẾ HOẠCH</h1><p class="title">${esc(PLAN_TITLE)}</p>
${para('Căn cứ Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030;')}
${para('Căn cứ Quyết định số 3048/QĐ-UBND ngày 30 tháng 12 năm 2023 của UBND tỉnh về việc ban hành Kế hoạch cải cách hành chính giai đoạn 2021 - 2025;')}
${para('Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai công tác cải cách hành chính năm 2024 như sau:')}
<p><b>I. MỤC ĐÍCH, YÊU CẦU</b></p>
${para('Triển khai đồng bộ, hiệu quả các nhiệm vụ cải cách hành chính; nâng cao chất lượng phục vụ người dân, doanh nghiệp; cải thiện thứ hạng các chỉ số PAR INDEX, SIPAS, PAPI và PCI của tỉnh.')}
<p><b>II. NHIỆM VỤ</b></p>
${para('Các nhiệm vụ cụ thể, cơ quan chủ trì, cơ quan phối hợp và thời gian hoàn thành tại Phụ lục kèm theo Kế hoạch này.')}
<p><b>III. TỔ CHỨC THỰC HIỆN</b></p>
${para('Thủ trưởng các sở, ban, ngành tỉnh, Chủ tịch UBND các huyện, thị xã, thành phố tổ chức thực hiện Kế hoạch này; định kỳ báo cáo kết quả về Sở Nội vụ để tổng hợp, báo cáo UBND tỉnh./.')}
<table class="top" style="margin-top:12pt"><tr><td style="width:45%;text-align:left;font-size:11pt"><b><i>Nơi nhận:</i></b><br>- Bộ Nội vụ;<br>- TT. Tỉnh ủy, TT. HĐND tỉnh;<br>- Các sở, ban, ngành tỉnh;<br>- Lưu: VT.</td>
<td><b>TM. ỦY BAN NHÂN DÂN<br>CHỦ TỊCH</b><br><br><br><b>Võ Văn Minh</b></td></tr></table>
<div class="appendix"><p><b>PHỤ LỤC</b></p><p><b>${esc(HEADER_LINES[4] ?? '')}</b></p>
<p><i>(Ban hành kèm theo Kế hoạch số ${PLAN_NUMBER} ngày 15 tháng 3 năm 2024 của Ủy ban nhân dân tỉnh Bình Dương)</i></p></div>
<table class="tasks"><colgroup><col style="width:7%"><col style="width:37%"><col style="width:16%"><col style="width:16%"><col style="width:13%"><col style="width:11%"></colgroup>
<thead><tr><th>STT</th><th>Nội dung công việc</th><th>Cơ quan chủ trì</th><th>Cơ quan phối hợp</th><th>Thời gian hoàn thành</th><th>Ghi chú</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table></body></html>`;
}

/** A "scan": shapes only, no text at all. */
function noTextHtml(): string {
  const shapes = Array.from({ length: 12 }, (_, i) => {
    const y = 40 + i * 60;
    return `<rect x="40" y="${y}" width="${300 + (i % 4) * 60}" height="14" fill="#333"/><circle cx="620" cy="${y + 7}" r="9" fill="#777"/>`;
  }).join('');
  return `<!doctype html><html><head><meta charset="utf-8"><style>@page { size: A4; margin: 15mm; }</style></head>
<body><svg xmlns="http://www.w3.org/2000/svg" width="700" height="800" viewBox="0 0 700 800">${shapes}</svg></body></html>`;
}

export function printToPdf(html: string, out: string, chromium = '/usr/bin/chromium'): void {
  const dir = mkdtempSync(join(tmpdir(), 'dondoc-pdf-'));
  try {
    const page = join(dir, 'page.html');
    writeFileSync(page, html);
    execFileSync(
      chromium,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        `--user-data-dir=${join(dir, 'profile')}`,
        '--no-pdf-header-footer',
        `--print-to-pdf=${out}`,
        pathToFileURL(page).href,
      ],
      { stdio: 'ignore', timeout: 120_000 },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function main(): void {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const outDir = join(root, 'test/fixtures/pdf');
  mkdirSync(outDir, { recursive: true });
  printToPdf(planHtml(), join(outDir, 'plan-table.pdf'));
  printToPdf(noTextHtml(), join(outDir, 'no-text.pdf'));
  console.log(`fixtures written to ${outDir}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
