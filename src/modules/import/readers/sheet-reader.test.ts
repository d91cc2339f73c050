import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors.ts';
import { parsePlanText } from '../plan-text.ts';
import { CELL_LINE_BREAK as LB } from '../plan-text-format.ts';
import { csvToPlanText, xlsxToPlanText } from './sheet-reader.ts';

const HEADER = ['Lĩnh vực', 'STT', 'Nội dung công việc', 'Sản phẩm', 'Cơ quan chủ trì', 'Cơ quan phối hợp'];
const TTTT = 'Sở Thông tin và Truyền thông';

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A cover sheet without a table, then the appendix: table from column B, reordered columns, merges. */
async function planWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Bìa').getCell('A1').value = 'Danh mục các phụ lục';
  const sheet = workbook.addWorksheet('Phụ lục');
  const put = (row: number, values: ExcelJS.CellValue[]) =>
    values.forEach((value, i) => {
      sheet.getCell(row, i + 2).value = value;
    });
  put(1, ['PHỤ LỤC']);
  sheet.mergeCells('B1:H1');
  put(2, ['Kế hoạch số 12/KH-UBND ngày 05/3/2021 của UBND tỉnh']);
  sheet.mergeCells('B2:H2');
  put(4, [...HEADER, 'Thời gian\nhoàn thành']);
  put(5, ['I. Cải cách thủ tục hành chính']);
  sheet.mergeCells('B5:H5');
  put(6, [
    'CCHC',
    1,
    'Rà soát TTHC',
    'Báo cáo',
    'Sở Tư pháp',
    'Sở Nội vụ\nVăn phòng UBND tỉnh',
    new Date(Date.UTC(2021, 5, 30)),
  ]);
  put(7, ['CCHC', 2, 'Công bố TTHC', 'Quyết định', null, '', 'Quý III/2021']);
  put(8, ['CCHC', 3, 'Số hóa hồ sơ', null, null, null, 2022]);
  sheet.mergeCells('F6:F8');
  put(9, [null, 'II', 'Chuyển đổi số']);
  put(10, [
    'CNTT',
    1,
    { richText: [{ text: 'Nâng cấp ', font: { bold: true } }, { text: 'cổng dịch vụ công' }] },
    { formula: 'B2', result: 'Cổng mới' },
    { formula: '"Sở Thông tin"&" và Truyền thông"', result: TTTT },
    { text: 'Các sở, ban, ngành', hyperlink: 'https://example.org' },
    new Date(Date.UTC(2021, 11, 31)),
  ]);
  return bytesOf(workbook);
}

describe('xlsxToPlanText', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  it('emits the title rows as paragraphs, then the table of the first sheet that has one', async () => {
    const text = await xlsxToPlanText(await planWorkbook());
    expect(text.split('\n')).toEqual([
      'PHỤ LỤC',
      'Kế hoạch số 12/KH-UBND ngày 05/3/2021 của UBND tỉnh',
      '',
      '',
      [...HEADER, `Thời gian${LB}hoàn thành`].join('\t'),
      'I. Cải cách thủ tục hành chính\t\t\t\t\t\t',
      `CCHC\t1\tRà soát TTHC\tBáo cáo\tSở Tư pháp\tSở Nội vụ${LB}Văn phòng UBND tỉnh\t30/06/2021`,
      'CCHC\t2\tCông bố TTHC\tQuyết định\tSở Tư pháp\t\tQuý III/2021',
      'CCHC\t3\tSố hóa hồ sơ\t\tSở Tư pháp\t\t2022',
      '\tII\tChuyển đổi số\t\t\t\t',
      `CNTT\t1\tNâng cấp cổng dịch vụ công\tCổng mới\t${TTTT}\tCác sở, ban, ngành\t31/12/2021`,
      '',
    ]);
  });

  it('gives a plan text the parser reads into sections and tasks with every field', async () => {
    const plan = parsePlanText(await xlsxToPlanText(await planWorkbook()));
    expect(plan).toMatchObject({ docType: 'KH', number: '12/KH-UBND', issuedOn: '2021-03-05' });
    expect(plan.sections.map((s) => [s.code, s.title])).toEqual([
      ['I', 'Cải cách thủ tục hành chính'],
      ['II', 'Chuyển đổi số'],
    ]);
    expect(
      plan.tasks.map((t) => [
        t.sectionCode,
        t.no,
        t.content,
        t.product,
        t.leadText,
        t.supportText,
        t.deadlineText,
      ]),
    ).toEqual([
      ['I', '1', 'Rà soát TTHC', 'Báo cáo', 'Sở Tư pháp', 'Sở Nội vụ\nVăn phòng UBND tỉnh', '30/06/2021'],
      ['I', '2', 'Công bố TTHC', 'Quyết định', 'Sở Tư pháp', '', 'Quý III/2021'],
      ['I', '3', 'Số hóa hồ sơ', '', 'Sở Tư pháp', '', '2022'],
      ['II', '1', 'Nâng cấp cổng dịch vụ công', 'Cổng mới', TTTT, 'Các sở, ban, ngành', '31/12/2021'],
    ]);
    expect(plan.tasks.map((t) => t.extra)).toEqual([
      { 'Lĩnh vực': 'CCHC' },
      { 'Lĩnh vực': 'CCHC' },
      { 'Lĩnh vực': 'CCHC' },
      { 'Lĩnh vực': 'CNTT' },
    ]);
    // a bare appendix sheet states no title (trích yếu): the reviewer types it in
    expect(plan.warnings.map((w) => w.code)).toEqual(['missing_title']);
  });

  it('reads dates by their UTC parts, whatever the local time zone', async () => {
    process.env.TZ = 'America/New_York';
    const text = await xlsxToPlanText(await planWorkbook());
    expect(text).toContain('\t30/06/2021');
    expect(text).toContain('\t31/12/2021');
  });

  it('drops the second row of a block merge and keeps the columns of a two-row header', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('KH');
    sheet.addRows([
      ['STT', 'Nhiệm vụ', 'Cơ quan thực hiện', null, 'Thời hạn'],
      [null, null, 'Chủ trì', 'Phối hợp', null],
      ['A. NHIỆM VỤ CHUNG'],
      [],
      [1, 'Kiểm tra', 'Sở Nội vụ', 'Sở Y tế', 'Quý II'],
    ]);
    for (const range of ['A1:A2', 'B1:B2', 'C1:D1', 'E1:E2', 'A3:E4']) sheet.mergeCells(range);
    const text = await xlsxToPlanText(await bytesOf(workbook));
    expect(text.split('\n')).toEqual([
      '',
      'STT\tNhiệm vụ\tCơ quan thực hiện\t\tThời hạn',
      'STT\tNhiệm vụ\tChủ trì\tPhối hợp\tThời hạn',
      'A. NHIỆM VỤ CHUNG\t\t\t\t',
      '1\tKiểm tra\tSở Nội vụ\tSở Y tế\tQuý II',
      '',
    ]);
    const plan = parsePlanText(text);
    expect(plan.sections.map((s) => s.code)).toEqual(['A']);
    expect(plan.tasks[0]).toMatchObject({ sectionCode: 'A', leadText: 'Sở Nội vụ', supportText: 'Sở Y tế' });
  });

  it('emits a workbook without a task table as paragraphs (the parser then says no_table)', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Ghi chú').addRows([['Danh sách'], ['Sở Nội vụ', 'Sở Y tế']]);
    const text = await xlsxToPlanText(await bytesOf(workbook));
    expect(text).toBe('Danh sách\nSở Nội vụ\tSở Y tế');
    expect(parsePlanText(text).warnings.map((w) => w.code)).toContain('no_table');
  });

  it.each([
    ['a file that is not a zip', new TextEncoder().encode('STT,Nội dung'), /không phải \.xlsx hợp lệ/u],
    [
      'a password-protected (OLE) file',
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      /mật khẩu/u,
    ],
  ])('refuses %s with IMPORT_UNREADABLE', async (_, bytes, reason) => {
    const error = await xlsxToPlanText(bytes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'IMPORT_UNREADABLE', status: 422 });
    expect((error as AppError).message).toMatch(/^Không đọc được tệp Excel: /u);
    expect((error as AppError).message).toMatch(reason);
  });
});

describe('csvToPlanText', () => {
  it('reads a comma-separated file with BOM, CRLF, title rows and quoted commas, quotes and line breaks', () => {
    const csv = [
      '\uFEFFPHỤ LỤC,,,,',
      '"Kế hoạch số 12/KH-UBND ngày 05/3/2021",,,,',
      'STT,Nội dung công việc,Cơ quan chủ trì,Cơ quan phối hợp,"Thời gian',
      'hoàn thành"',
      '1,"Kiểm tra ""Một cửa"", báo cáo",Sở Nội vụ,"Sở Y tế',
      'Sở Tài chính",Quý II/2021',
      '2,Tổng kết,Sở Nội vụ,,',
    ].join('\r\n');
    const text = csvToPlanText(csv);
    expect(text.split('\n')).toEqual([
      'PHỤ LỤC',
      'Kế hoạch số 12/KH-UBND ngày 05/3/2021',
      '',
      `STT\tNội dung công việc\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian${LB}hoàn thành`,
      `1\tKiểm tra "Một cửa", báo cáo\tSở Nội vụ\tSở Y tế${LB}Sở Tài chính\tQuý II/2021`,
      '2\tTổng kết\tSở Nội vụ\t\t',
      '',
    ]);
    const plan = parsePlanText(text);
    expect(plan).toMatchObject({ number: '12/KH-UBND', issuedOn: '2021-03-05' });
    expect(plan.tasks.map((t) => [t.no, t.content, t.supportText, t.deadlineText])).toEqual([
      ['1', 'Kiểm tra "Một cửa", báo cáo', 'Sở Y tế\nSở Tài chính', 'Quý II/2021'],
      ['2', 'Tổng kết', '', ''],
    ]);
  });

  it('detects ";" as the separator from the header line, commas then stay inside cells', () => {
    const csv = [
      'STT;Nhiệm vụ;Đơn vị chủ trì;Đơn vị phối hợp;Thời hạn;Sản phẩm',
      '1;Kiểm tra, đánh giá;Sở Nội vụ;Sở Y tế, Sở Tài chính;30/6/2021;Báo cáo',
      '',
    ].join('\n');
    const plan = parsePlanText(csvToPlanText(csv));
    expect(
      plan.tasks.map((t) => [t.no, t.content, t.leadText, t.supportText, t.deadlineText, t.product]),
    ).toEqual([['1', 'Kiểm tra, đánh giá', 'Sở Nội vụ', 'Sở Y tế, Sở Tài chính', '30/6/2021', 'Báo cáo']]);
  });

  it('reads a file without a table header as paragraphs, and an empty file as ""', () => {
    expect(csvToPlanText('Ghi chú;Không có bảng\n')).toBe('Ghi chú\tKhông có bảng');
    expect(csvToPlanText('')).toBe('');
    expect(csvToPlanText('\uFEFF')).toBe('');
  });
});
