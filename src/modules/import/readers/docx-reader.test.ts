import { Document, Packer, Paragraph, Table, TableBorders, TableCell, TableRow, TextRun } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors.ts';
import { parsePlanText } from '../plan-text.ts';
import { CELL_LINE_BREAK as LB } from '../plan-text-format.ts';
import { docxToPlanText } from './docx-reader.ts';

type CellSpec = string | string[] | { text: string | string[]; columnSpan?: number; rowSpan?: number };

function cell(spec: CellSpec): TableCell {
  const options = typeof spec === 'object' && !Array.isArray(spec) ? spec : { text: spec };
  const texts = Array.isArray(options.text) ? options.text : [options.text];
  return new TableCell({
    children: texts.map((text) => new Paragraph(text)),
    ...(options.columnSpan ? { columnSpan: options.columnSpan } : {}),
    ...(options.rowSpan ? { rowSpan: options.rowSpan } : {}),
  });
}

function table(rows: CellSpec[][], layout = false): Table {
  return new Table({
    ...(layout ? { borders: TableBorders.NONE } : {}),
    rows: rows.map(
      (cells, i) => new TableRow({ children: cells.map(cell), tableHeader: !layout && i === 0 }),
    ),
  });
}

const HEADER = [
  'STT',
  'Nội dung công việc',
  'Cơ quan chủ trì',
  'Cơ quan phối hợp',
  'Thời gian hoàn thành',
  'Ghi chú',
];
const TTTT = 'Sở Thông tin và Truyền thông';
const p = (text: string) => new Paragraph(text);

/** A Kế hoạch as a province would write it: issuer block and signer block in borderless tables. */
async function planDocx(): Promise<Uint8Array> {
  const doc = new Document({
    sections: [
      {
        children: [
          table(
            [
              [
                ['ỦY BAN NHÂN DÂN', 'TỈNH BÌNH DƯƠNG'],
                ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
              ],
              ['Số: 45/KH-UBND', 'Bình Dương, ngày 05 tháng 3 năm 2022'],
            ],
            true,
          ),
          new Paragraph({ children: [new TextRun({ text: 'KẾ HOẠCH', bold: true })] }),
          p('Triển khai Chương trình chuyển đổi số tỉnh Bình Dương năm 2022'),
          p(''),
          p('Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;'),
          p('Căn cứ Nghị quyết số 11/NQ-HĐND ngày 10 tháng 12 năm 2021 của HĐND tỉnh;'),
          p('Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:'),
          p('I. MỤC ĐÍCH, YÊU CẦU'),
          table(
            [
              [
                ['Nơi nhận:', '- Bộ Thông tin và Truyền thông;', '- TT: TU, HĐND tỉnh;', '- Lưu: VT.'],
                ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', '', 'Nguyễn Lộc Hà'],
              ],
            ],
            true,
          ),
          new Paragraph({ text: 'PHỤ LỤC', pageBreakBefore: true }),
          p('(Ban hành kèm theo Kế hoạch số 45/KH-UBND ngày 05 tháng 3 năm 2022 của UBND tỉnh)'),
          table([
            HEADER,
            [{ text: 'I. HOÀN THIỆN THỂ CHẾ', columnSpan: 6 }],
            [
              '1',
              ['Xây dựng Kế hoạch chuyển đổi số', 'giai đoạn 2022-2025'],
              { text: TTTT, rowSpan: 3 },
              ['Sở Tài chính', 'Sở Kế hoạch và Đầu tư'],
              'Quý II/2022',
              '',
            ],
            ['2', 'Ban hành Quy chế quản lý nền tảng số', 'Văn phòng UBND tỉnh', 'Tháng 6/2022', ''],
            ['3', 'Tập huấn kỹ năng số cho công chức', 'Sở Nội vụ', 'Năm 2022', 'Hằng quý'],
          ]),
          p(''),
          table([
            HEADER,
            [{ text: 'II. PHÁT TRIỂN HẠ TẦNG SỐ', columnSpan: 6 }],
            ['1', 'Nâng cấp Trung tâm dữ liệu tỉnh', TTTT, 'Các sở, ban, ngành', '31/12/2022', ''],
          ]),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

const H = HEADER.join('\t');
const EXPECTED = [
  'ỦY BAN NHÂN DÂN',
  'TỈNH BÌNH DƯƠNG',
  '',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  '',
  'Số: 45/KH-UBND',
  '',
  'Bình Dương, ngày 05 tháng 3 năm 2022',
  '',
  'KẾ HOẠCH',
  'Triển khai Chương trình chuyển đổi số tỉnh Bình Dương năm 2022',
  '',
  'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;',
  'Căn cứ Nghị quyết số 11/NQ-HĐND ngày 10 tháng 12 năm 2021 của HĐND tỉnh;',
  'Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:',
  'I. MỤC ĐÍCH, YÊU CẦU',
  '',
  'Nơi nhận:',
  '- Bộ Thông tin và Truyền thông;',
  '- TT: TU, HĐND tỉnh;',
  '- Lưu: VT.',
  '',
  'TM. ỦY BAN NHÂN DÂN',
  'KT. CHỦ TỊCH',
  'PHÓ CHỦ TỊCH',
  '',
  'Nguyễn Lộc Hà',
  '',
  'PHỤ LỤC',
  '(Ban hành kèm theo Kế hoạch số 45/KH-UBND ngày 05 tháng 3 năm 2022 của UBND tỉnh)',
  '',
  H,
  'I. HOÀN THIỆN THỂ CHẾ\t\t\t\t\t',
  `1\tXây dựng Kế hoạch chuyển đổi số${LB}giai đoạn 2022-2025\t${TTTT}\tSở Tài chính${LB}Sở Kế hoạch và Đầu tư\tQuý II/2022\t`,
  `2\tBan hành Quy chế quản lý nền tảng số\t${TTTT}\tVăn phòng UBND tỉnh\tTháng 6/2022\t`,
  `3\tTập huấn kỹ năng số cho công chức\t${TTTT}\tSở Nội vụ\tNăm 2022\tHằng quý`,
  '',
  H,
  'II. PHÁT TRIỂN HẠ TẦNG SỐ\t\t\t\t\t',
  `1\tNâng cấp Trung tâm dữ liệu tỉnh\t${TTTT}\tCác sở, ban, ngành\t31/12/2022\t`,
];

/** A .docx whose document.xml body is written by hand (what `docx` cannot produce). */
async function rawDocx(body: string, prefix = 'w'): Promise<Uint8Array> {
  const zip = new JSZip();
  const ns = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const mc = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${prefix}:document xmlns:${prefix}="${ns}" xmlns:mc="${mc}"><${prefix}:body>${body.replaceAll('w:', `${prefix}:`)}</${prefix}:body></${prefix}:document>`;
  zip.file('word/document.xml', xml);
  return zip.generateAsync({ type: 'uint8array' });
}
const run = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const para = (...runs: string[]) => `<w:p>${runs.join('')}</w:p>`;
const tc = (inner: string, pr = '') => `<w:tc><w:tcPr>${pr}</w:tcPr>${inner}</w:tc>`;

async function readError(bytes: Uint8Array): Promise<AppError> {
  const error = await docxToPlanText(bytes).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('IMPORT_UNREADABLE');
  return error as AppError;
}

describe('docxToPlanText', () => {
  it('reads a plan: layout tables as lines, the task table as tab-joined rows', async () => {
    expect((await docxToPlanText(await planDocx())).split('\n')).toEqual(EXPECTED);
  });

  it('produces plan text the parser reads', async () => {
    const plan = parsePlanText(await docxToPlanText(await planDocx()));
    expect(plan).toMatchObject({
      docType: 'KH',
      number: '45/KH-UBND',
      issuedOn: '2022-03-05',
      place: 'Bình Dương',
      title: 'Triển khai Chương trình chuyển đổi số tỉnh Bình Dương năm 2022',
      signer: 'Nguyễn Lộc Hà',
      recipients: ['Bộ Thông tin và Truyền thông', 'TT: TU, HĐND tỉnh', 'Lưu: VT'],
    });
    expect(plan.bases).toHaveLength(2);
    expect(plan.sections.map((s) => [s.code, s.title])).toEqual([
      ['I', 'HOÀN THIỆN THỂ CHẾ'],
      ['II', 'PHÁT TRIỂN HẠ TẦNG SỐ'],
    ]);
    // the parser turns CELL_LINE_BREAK into ' ' in content and '\n' in chủ trì / phối hợp
    expect(plan.tasks.map((t) => [t.sectionCode, t.no, t.content, t.leadText, t.supportText])).toEqual([
      [
        'I',
        '1',
        'Xây dựng Kế hoạch chuyển đổi số giai đoạn 2022-2025',
        TTTT,
        'Sở Tài chính\nSở Kế hoạch và Đầu tư',
      ],
      ['I', '2', 'Ban hành Quy chế quản lý nền tảng số', TTTT, 'Văn phòng UBND tỉnh'],
      ['I', '3', 'Tập huấn kỹ năng số cho công chức', TTTT, 'Sở Nội vụ'],
      ['II', '1', 'Nâng cấp Trung tâm dữ liệu tỉnh', TTTT, 'Các sở, ban, ngành'],
    ]);
    expect(plan.tasks.map((t) => t.deadlineText)).toEqual([
      'Quý II/2022',
      'Tháng 6/2022',
      'Năm 2022',
      '31/12/2022',
    ]);
    expect(plan.tasks[2]?.note).toBe('Hằng quý');
    expect(plan.warnings).toEqual([]);
  });

  it('keeps inserted text, drops deleted, hidden and field-code text, decodes entities, normalises to NFC', async () => {
    const box = (text: string) => `<w:txbxContent>${para(run(text))}</w:txbxContent>`;
    const body = [
      para(
        run('Số: 12/'),
        '<w:ins><w:r><w:t>KH</w:t></w:r></w:ins>',
        '<w:del><w:r><w:delText>QĐ</w:delText></w:r></w:del>',
        run('-UBND'),
      ),
      para(run('A &amp; B &lt;C&gt; Vi&#x1EC7;t &#78;am')),
      para(run('Te\u0302n'), '<w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn</w:t></w:r>'),
      para(
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>',
        run('7'),
      ),
      '<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>' +
        para(run('Trong điều khiển')) +
        '</w:sdtContent></w:sdt>',
      para(run('Dòng một'), '<w:r><w:br/></w:r>', run('Dòng\u00a0hai'), '<w:r><w:tab/></w:r>', run('cột')),
      para(
        `<w:r><mc:AlternateContent><mc:Choice Requires="wps">${box('Hộp văn bản')}</mc:Choice><mc:Fallback>${box('Hộp văn bản')}</mc:Fallback></mc:AlternateContent></w:r>`,
      ),
    ].join('');
    const expected = [
      'Số: 12/KH-UBND',
      'A & B <C> Việt Nam',
      'Tên',
      '7',
      'Trong điều khiển',
      'Dòng một',
      'Dòng hai\tcột',
      '',
      'Hộp văn bản',
    ];
    expect((await docxToPlanText(await rawDocx(body))).split('\n')).toEqual(expected);
    expect((await docxToPlanText(await rawDocx(body, 'ns0'))).split('\n')).toEqual(expected);
  });

  it('aligns gridBefore, spans and vertical merges; flattens nested tables; skips deleted rows', async () => {
    const cells = (...texts: string[]) => texts.map((t) => tc(para(run(t)))).join('');
    const nested = `<w:tbl><w:tr>${cells('Sở Y tế', 'Sở Giáo dục')}</w:tr></w:tbl>`;
    const body = `<w:tbl><w:tblGrid>${'<w:gridCol/>'.repeat(5)}</w:tblGrid>${[
      `<w:tr>${cells('TT', 'Nhiệm vụ', 'Chủ trì', 'Phối hợp', 'Thời hạn')}</w:tr>`,
      `<w:tr>${cells('1', 'Việc một')}${tc(para(run('Sở Tư pháp')), '<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>')}${cells('2022')}</w:tr>`,
      `<w:tr><w:trPr><w:del/></w:trPr>${cells('x', 'đã xoá', '', '', '')}</w:tr>`,
      `<w:sdt><w:sdtContent><w:tr>${cells('2', 'Việc hai')}${tc('<w:p/>', '<w:gridSpan w:val="2"/><w:vMerge/>')}${cells('2023')}</w:tr></w:sdtContent></w:sdt>`,
      `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${cells('Việc ba')}${tc(para(run('UBND')) + nested)}${cells('', '2024')}</w:tr>`,
    ].join('')}</w:tbl>`;
    expect((await docxToPlanText(await rawDocx(body))).split('\n')).toEqual([
      'TT\tNhiệm vụ\tChủ trì\tPhối hợp\tThời hạn',
      '1\tViệc một\tSở Tư pháp\t\t2022',
      '2\tViệc hai\tSở Tư pháp\t\t2023',
      `\tViệc ba\tUBND${LB}Sở Y tế${LB}Sở Giáo dục\t\t2024`,
    ]);
  });

  it('refuses what is not a readable .docx', async () => {
    const notWord = 'Tệp không phải là tài liệu Word (.docx) hợp lệ.';
    expect((await readError(new Uint8Array(0))).message).toBe(notWord);
    const random = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);
    expect((await readError(random)).message).toBe(notWord);
    const other = new JSZip();
    other.file('xl/workbook.xml', '<workbook/>');
    expect((await readError(await other.generateAsync({ type: 'uint8array' }))).message).toBe(notWord);

    const ole = new Uint8Array(2048);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect((await readError(ole)).message).toBe(
      'Tệp Word cũ (.doc) hoặc có mật khẩu: hãy lưu lại dưới dạng .docx không mật khẩu.',
    );
    ole.set(new TextEncoder().encode('E\0n\0c\0r\0y\0p\0t\0i\0o\0n\0I\0n\0f\0o\0'), 1024);
    expect((await readError(ole)).message).toBe(
      'Tệp Word được bảo vệ bằng mật khẩu: hãy bỏ mật khẩu rồi nhập lại.',
    );
  });
});
