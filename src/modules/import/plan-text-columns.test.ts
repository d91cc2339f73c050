import { describe, expect, it } from 'vitest';
import { type ParsedPlan, parsePlanText } from './plan-text.ts';
import { CELL_LINE_BREAK as LB } from './plan-text-format.ts';

const HEAD = [
  'KẾ HOẠCH',
  'Kiểm tra công tác cải cách hành chính năm 2021',
  '',
  'PHỤ LỤC',
  '(Ban hành kèm theo Kế hoạch số 15/KH-UBND ngày 02/3/2021)',
];
const STANDARD = 'STT\tNội dung công việc\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\tGhi chú';
const doc = (header: string, rows: string[]) => [...HEAD, header, ...rows].join('\n');
const fields = (plan: ParsedPlan) =>
  plan.tasks.map((t) => [t.sectionCode, t.no, t.content, t.leadText, t.supportText, t.deadlineText, t.note]);
const codes = (plan: ParsedPlan) => plan.warnings.map((w) => w.code);

describe('parsePlanText: columns found by their titles', () => {
  it('reads a Sản phẩm column and keeps unknown columns in extra, keyed by their title', () => {
    const plan = parsePlanText(
      doc('STT\tLĩnh vực\tNội dung công việc\tSản phẩm\tCơ quan chủ trì\tThời hạn\tGhi chú', [
        '1\tCCHC\tKiểm tra Sở Y tế\tBáo cáo kết quả\tSở Nội vụ\tQuý II/2021\tĐột xuất',
        '2\t\tViết báo cáo\t\tSở Nội vụ\tQuý III/2021\t',
      ]),
    );
    expect(
      plan.tasks.map((t) => [t.no, t.content, t.product, t.extra, t.leadText, t.deadlineText, t.note]),
    ).toEqual([
      [
        '1',
        'Kiểm tra Sở Y tế',
        'Báo cáo kết quả',
        { 'Lĩnh vực': 'CCHC' },
        'Sở Nội vụ',
        'Quý II/2021',
        'Đột xuất',
      ],
      ['2', 'Viết báo cáo', '', { 'Lĩnh vực': '' }, 'Sở Nội vụ', 'Quý III/2021', ''],
    ]);
    expect(plan.warnings).toEqual([]);
  });

  it.each([['Sản phẩm đầu ra'], ['Kết quả'], ['SẢN PHẨM']])('reads %j as the product column', (title) => {
    const plan = parsePlanText(
      doc(`STT\tNhiệm vụ\t${title}\tĐơn vị chủ trì`, ['1\tKiểm tra\tBáo cáo\tSở Nội vụ']),
    );
    expect(plan.tasks[0]).toMatchObject({
      content: 'Kiểm tra',
      product: 'Báo cáo',
      leadText: 'Sở Nội vụ',
      extra: {},
    });
  });

  it('gives product "" and extra {} for the standard six columns', () => {
    const plan = parsePlanText(doc(STANDARD, ['1\tKiểm tra\tSở Nội vụ\tSở Y tế\tQuý II/2021\t']));
    expect(plan.tasks[0]).toMatchObject({ product: '', extra: {} });
  });

  it('reads columns in any order, STT not first', () => {
    const plan = parsePlanText(
      doc('Lĩnh vực\tSTT\tNhiệm vụ\tĐơn vị phối hợp\tĐơn vị chủ trì\tTiến độ\tGhi chú', [
        'CCHC\t1\tKiểm tra Sở Y tế\tSở Y tế\tSở Nội vụ\tQuý II/2021\t',
        '\tII\tNHIỆM VỤ CỤ THỂ\t\t\t\t',
        'CCHC\t1\tKiểm tra Sở Tài chính\t\tSở Nội vụ\tQuý III/2021\tx',
        '\t\tvà các đơn vị trực thuộc\t\t\t\t',
      ]),
    );
    expect(fields(plan)).toEqual([
      ['', '1', 'Kiểm tra Sở Y tế', 'Sở Nội vụ', 'Sở Y tế', 'Quý II/2021', ''],
      ['II', '1', 'Kiểm tra Sở Tài chính và các đơn vị trực thuộc', 'Sở Nội vụ', '', 'Quý III/2021', 'x'],
    ]);
    expect(plan.sections).toEqual([{ code: 'II', title: 'NHIỆM VỤ CỤ THỂ', line: HEAD.length + 3 }]);
    expect(plan.tasks.map((t) => t.extra)).toEqual([{ 'Lĩnh vực': 'CCHC' }, { 'Lĩnh vực': 'CCHC' }]);
    expect(plan.warnings).toEqual([]);
  });

  it('keeps columns titled like Object properties (toString, constructor, __proto__) as extra columns', () => {
    // fast-check's counterexample: a column titled «toString» made the parser read Object.prototype.toString
    const plan = parsePlanText(
      doc('STT\tNội dung công việc\ttoString\tconstructor\t__proto__\tCơ quan chủ trì\tThời hạn', [
        '1\tKiểm tra Sở Y tế\ta\tb\tc\tSở Nội vụ\tQuý II/2021',
        '\tvà các đơn vị trực thuộc\td\t\t\t\t',
        '2\tViết báo cáo\t\t\t\tSở Nội vụ\tQuý III/2021',
      ]),
    );
    expect(plan.warnings).toEqual([]);
    expect(plan.tasks.map((t) => [t.no, t.content, { ...t.extra }])).toEqual([
      [
        '1',
        'Kiểm tra Sở Y tế và các đơn vị trực thuộc',
        { toString: 'a d', constructor: 'b', ['__proto__']: 'c' },
      ],
      ['2', 'Viết báo cáo', { toString: '', constructor: '', ['__proto__']: '' }],
    ]);
    // stored as JSON: the three titles are three keys
    expect(JSON.stringify(plan.tasks[0]?.extra)).toBe('{"toString":"a d","constructor":"b","__proto__":"c"}');
  });

  it('reads a section merged from the left, but not an "X" mark in a column before STT', () => {
    const plan = parsePlanText(
      doc('Ưu tiên\tSTT\tNội dung\tCơ quan chủ trì\tThời hạn', [
        'I. Nhiệm vụ trọng tâm\t\t\t\t',
        'X\t1\tKiểm tra\tSở Nội vụ\tQuý II',
        'V\t2\tBáo cáo\tSở Nội vụ\tQuý III',
      ]),
    );
    expect(plan.sections.map((s) => s.code)).toEqual(['I']);
    expect(plan.tasks.map((t) => [t.sectionCode, t.no, t.extra])).toEqual([
      ['I', '1', { 'Ưu tiên': 'X' }],
      ['I', '2', { 'Ưu tiên': 'V' }],
    ]);
  });

  it.each([
    ['case and diacritics', 'stt\tNOI DUNG CONG VIEC\tco quan chu tri\tCO QUAN PHOI HOP\tthoi han'],
    ['Số TT and Đơn vị', 'Số TT\tNội dung\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian hoàn thành'],
    [
      'line breaks in header cells',
      `TT\tNội dung${LB}công việc\tCơ quan${LB}chủ trì\tCơ quan${LB}phối hợp\tThời gian${LB}hoàn thành`,
    ],
  ])('recognises the header despite %s', (_, header) => {
    const plan = parsePlanText(doc(header, ['1\tKiểm tra\tSở Nội vụ\tSở Y tế\tQuý II/2021']));
    expect(fields(plan)).toEqual([['', '1', 'Kiểm tra', 'Sở Nội vụ', 'Sở Y tế', 'Quý II/2021', '']]);
    expect(plan.warnings).toEqual([]);
  });

  it('prefers "Thời gian hoàn thành" over another "Thời gian …" column', () => {
    const plan = parsePlanText(
      doc('STT\tNội dung\tThời gian bắt đầu\tCơ quan chủ trì\tThời gian hoàn thành', [
        '1\tKiểm tra\tQuý I/2021\tSở Nội vụ\tQuý II/2021',
      ]),
    );
    expect(plan.tasks[0]).toMatchObject({
      deadlineText: 'Quý II/2021',
      extra: { 'Thời gian bắt đầu': 'Quý I/2021' },
    });
  });

  it('keeps the fixed order when the header has no cells (single spaces)', () => {
    const header = 'STT Nội dung công việc Cơ quan chủ trì Cơ quan phối hợp Thời gian hoàn thành Ghi chú';
    const plan = parsePlanText(doc(header, ['1\tKiểm tra\tSở Nội vụ\tSở Y tế\tQuý II/2021\tx']));
    expect(fields(plan)).toEqual([['', '1', 'Kiểm tra', 'Sở Nội vụ', 'Sở Y tế', 'Quý II/2021', 'x']]);
  });

  it('gives "no_table" and no tasks when no header is recognisable', () => {
    const plan = parsePlanText(doc('Số\tViệc\tNgười làm\tHạn', ['1\tKiểm tra\tSở Nội vụ\tQuý II/2021']));
    expect(plan.tasks).toEqual([]);
    expect(codes(plan)).toContain('no_table');
  });

  it('merges a second header row ("Cơ quan thực hiện" over "Chủ trì | Phối hợp") and skips it when repeated', () => {
    const sub = 'STT\tNội dung\tChủ trì\tPhối hợp\tThời hạn';
    const plan = parsePlanText(
      doc('STT\tNội dung\tCơ quan thực hiện\t\tThời hạn', [
        sub,
        '1\tKiểm tra\tSở Nội vụ\tSở Y tế\tQuý II/2021',
        'STT\tNội dung\tCơ quan thực hiện\t\tThời hạn',
        sub,
        '2\tBáo cáo\tSở Nội vụ\t\tQuý III/2021',
      ]),
    );
    expect(fields(plan)).toEqual([
      ['', '1', 'Kiểm tra', 'Sở Nội vụ', 'Sở Y tế', 'Quý II/2021', ''],
      ['', '2', 'Báo cáo', 'Sở Nội vụ', '', 'Quý III/2021', ''],
    ]);
    expect(plan.warnings).toEqual([]);
  });

  it('gives the cells under a merged header cell to the column the title spans', () => {
    const plan = parsePlanText(
      doc('STT\tNội dung công việc\t\tCơ quan chủ trì\tThời hạn', [
        '1\tKiểm tra\tSở Y tế\tSở Nội vụ\tQuý II',
      ]),
    );
    expect(plan.tasks[0]).toMatchObject({ content: 'Kiểm tra Sở Y tế', leadText: 'Sở Nội vụ', extra: {} });
  });

  it('does not take a data row with a "TT" cell for a repeated header', () => {
    const plan = parsePlanText(doc(STANDARD, ['1\tRà soát nhiệm vụ\tTT\t\tQuý II']));
    expect(fields(plan)).toEqual([['', '1', 'Rà soát nhiệm vụ', 'TT', '', 'Quý II', '']]);
  });
});

describe('parsePlanText: line breaks inside cells', () => {
  it('turns CELL_LINE_BREAK into a space, or into "\\n" between agencies and in raw', () => {
    const row = [
      '1',
      `Kiểm tra${LB}Sở Y tế`,
      `Sở Nội vụ${LB}Văn phòng UBND tỉnh`,
      `Sở Y tế;${LB} Sở Tài chính`,
      `Trước ngày${LB}30/6/2021`,
      `Báo cáo${LB}UBND tỉnh`,
      `Báo cáo${LB}kết quả`,
      `CCHC${LB}năm 2021`,
    ].join('\t');
    const header = 'STT\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp\tThời hạn\tGhi chú\tSản phẩm\tLĩnh vực';
    const plan = parsePlanText(doc(header, [`I.${LB}Kiểm tra\t\t\t\t\t\t\t`, row]));
    expect(plan.sections[0]?.title).toBe('Kiểm tra');
    expect(plan.tasks[0]).toEqual({
      sectionCode: 'I',
      no: '1',
      content: 'Kiểm tra Sở Y tế',
      leadText: 'Sở Nội vụ\nVăn phòng UBND tỉnh',
      supportText: 'Sở Y tế;\nSở Tài chính',
      deadlineText: 'Trước ngày 30/6/2021',
      note: 'Báo cáo UBND tỉnh',
      product: 'Báo cáo kết quả',
      extra: { 'Lĩnh vực': 'CCHC năm 2021' },
      raw: row.replaceAll(LB, '\n'),
      line: HEAD.length + 3,
    });
  });
});

describe('parsePlanText: section rows', () => {
  const task = '1\tKiểm tra\tSở Nội vụ\t\tQuý II/2021';
  it.each([
    ['I Churong trình hành động', 'I', 'Chương trình hành động'],
    ['I.\tChương trình hành động\t\t\t\t', 'I', 'Chương trình hành động'],
    ['II. Đề án nâng cao chỉ số', 'II', 'Đề án nâng cao chỉ số'],
    ['Phần I\tNhiệm vụ chung', 'I', 'Nhiệm vụ chung'],
    ['PHẦN III: NHIỆM VỤ CỤ THỂ', 'III', 'NHIỆM VỤ CỤ THỂ'],
    ['Mục II. Đề án', 'II', 'Đề án'],
    ['II\tĐề án nâng cao chỉ số\t\t\t\t', 'II', 'Đề án nâng cao chỉ số'],
    ['III.\t\tNhiệm vụ chung', 'III', 'Nhiệm vụ chung'],
    ['IV. Chương trình hành động\t\t\t\t\t', 'IV', 'Chương trình hành động'],
    ['A. NHIỆM VỤ CHUNG', 'A', 'NHIỆM VỤ CHUNG'],
    ['B\tNHIỆM VỤ CỤ THỂ\t\t\t\t', 'B', 'NHIỆM VỤ CỤ THỂ'],
    ['Phần C: Tổ chức thực hiện\t\t\t\t\t', 'C', 'Tổ chức thực hiện'],
    ['H)\tKhác\t\t\t\t', 'H', 'Khác'],
  ])('reads %j', (row, code, title) => {
    const plan = parsePlanText(doc(STANDARD, [row, task]));
    expect(plan.sections).toEqual([{ code, title, line: HEAD.length + 2 }]);
    expect(plan.tasks.map((t) => [t.sectionCode, t.no])).toEqual([[code, '1']]);
  });

  it('reads letter sections, then lettered tasks: lowercase, or capital with a chủ trì / thời hạn', () => {
    const plan = parsePlanText(
      doc(STANDARD, [
        'A. NHIỆM VỤ CHUNG\t\t\t\t\t',
        'a\tKiểm tra Sở Y tế\tSở Nội vụ\t\tQuý II/2021\t',
        'b\tKiểm tra Sở Tài chính\tSở Nội vụ\t\tQuý III/2021\t',
        'B\tBáo cáo tổng hợp\tSở Nội vụ\t\t\t',
        'C\tTổng kết\t\t\tQuý IV/2021\t',
        'I. Nội dung khác\t\t\t\t\t',
        '1\tTập huấn\tSở Nội vụ\t\tQuý IV/2021\t',
      ]),
    );
    expect(plan.sections.map((s) => [s.code, s.title])).toEqual([
      ['A', 'NHIỆM VỤ CHUNG'],
      ['I', 'Nội dung khác'],
    ]);
    expect(plan.tasks.map((t) => [t.sectionCode, t.no, t.content])).toEqual([
      ['A', 'a', 'Kiểm tra Sở Y tế'],
      ['A', 'b', 'Kiểm tra Sở Tài chính'],
      ['A', 'B', 'Báo cáo tổng hợp'],
      ['A', 'C', 'Tổng kết'],
      ['I', '1', 'Tập huấn'],
    ]);
  });
});

describe('parsePlanText: the document named on a title line of the appendix', () => {
  it('reads "Kế hoạch số 12/KH-UBND ngày 05/3/2021" under PHỤ LỤC (a spreadsheet title row)', () => {
    const text = ['PHỤ LỤC', 'Kế hoạch số 12/KH-UBND ngày 05/3/2021 của UBND tỉnh', '', STANDARD].join('\n');
    const plan = parsePlanText(`${text}\n1\tKiểm tra\tSở Nội vụ\t\tQuý II/2021`);
    expect(plan).toMatchObject({ docType: 'KH', number: '12/KH-UBND', issuedOn: '2021-03-05' });
    expect(plan.tasks).toHaveLength(1);
  });
});

describe('parsePlanText: a table aligned with spaces (a web page copied as text)', () => {
  const header = `STT   ${'Nội dung công việc'.padEnd(30)}${'Cơ quan chủ trì'.padEnd(24)}${'Cơ quan phối hợp'.padEnd(22)}Thời gian hoàn thành`;
  const row = (...cells: string[]) =>
    [cells[0]?.padEnd(6), cells[1]?.padEnd(30), cells[2]?.padEnd(24), cells[3]?.padEnd(22), cells[4]]
      .join('')
      .trimEnd();

  it('puts each wrapped run under the column it stands in, and an empty cell stays empty', () => {
    const plan = parsePlanText(
      doc(header, [
        row('1', 'Số hóa hồ sơ thủ tục', 'Các sở, ban, ngành và', 'Sở Thông tin và', 'Tháng 6/2022 và tháng'),
        row('', 'hành chính', 'UBND cấp huyện', 'Truyền thông', '12/2022'),
        row('2', 'Bố trí kinh phí', 'Sở Tài chính', '', 'Quý II/2022.'),
      ]),
    );
    expect(fields(plan)).toEqual([
      [
        '',
        '1',
        'Số hóa hồ sơ thủ tục hành chính',
        'Các sở, ban, ngành và UBND cấp huyện',
        'Sở Thông tin và Truyền thông',
        'Tháng 6/2022 và tháng 12/2022',
        '',
      ],
      ['', '2', 'Bố trí kinh phí', 'Sở Tài chính', '', 'Quý II/2022.', ''],
    ]);
  });
});

describe('parsePlanText: a table written in the body', () => {
  const body = (after: string[]) =>
    [
      'KẾ HOẠCH',
      'Cải cách hành chính năm 2026',
      'II. NHIỆM VỤ CỤ THỂ',
      '',
      STANDARD,
      'I\tCẢI CÁCH THỂ CHẾ\t\t\t\t',
      '1\tRà soát văn bản\tSở Tư pháp\t\tQuý II/2026\t',
      'II\tCẢI CÁCH THỦ TỤC HÀNH CHÍNH\t\t\t\t',
      '1\tCông bố thủ tục\tVăn phòng UBND tỉnh\t\tQuý III/2026\t',
      '',
      ...after,
    ].join('\n');

  it('ends at the body heading that follows it ("III. TỔ CHỨC THỰC HIỆN" after a blank line)', () => {
    const plan = parsePlanText(
      body(['III. TỔ CHỨC THỰC HIỆN', 'Các sở, ban, ngành tổ chức thực hiện Kế hoạch này.']),
    );
    expect(plan.sections.map((s) => s.code)).toEqual(['I', 'II']);
    expect(plan.tasks.map((t) => `${t.sectionCode}.${t.no}`)).toEqual(['I.1', 'II.1']);
    expect(codes(plan)).not.toContain('orphan_continuation');
  });

  it('keeps reading the table when the next section row follows', () => {
    const plan = parsePlanText(
      body(['III\tCẢI CÁCH CÔNG VỤ\t\t\t\t', '1\tBồi dưỡng công chức\tSở Nội vụ\t\tHằng năm\t']),
    );
    expect(plan.sections.map((s) => s.code)).toEqual(['I', 'II', 'III']);
    expect(plan.tasks).toHaveLength(3);
  });
});
