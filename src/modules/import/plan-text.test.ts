import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type ParsedPlan, parsePlanText } from './plan-text.ts';
import { fixOcr } from './plan-text-header.ts';

const SEED = readFileSync(
  new URL('../demo/seed/ke-hoach-87-KH-UBND-2021-tay-ninh.txt', import.meta.url),
  'utf8',
);

const VP = 'Văn phòng UBND tỉnh';
const ALL_COMMA = 'Các sở, ban, ngành tỉnh và UBND cấp huyện';
const ALL = 'Các sở ban ngành tỉnh, UBND cấp huyện';
const RELATED = 'Các đơn vị có liên quan';

/** Every task of the seed appendix: [section, STT, chủ trì, phối hợp, thời gian hoàn thành]. */
const SEED_TASKS: ReadonlyArray<readonly [string, string, string, string, string]> = [
  ['I', '1', VP, ALL_COMMA, 'Trước ngày 13/1/2021.'],
  ['I', '2', ALL_COMMA, RELATED, 'Trong tháng 1/2021.'],
  ['I', '3', 'Sở Tư pháp', ALL_COMMA, 'Trước ngày 20/1/2021.'],
  ['I', '4', 'Sở Thông tin và Truyền thông', ALL_COMMA, 'Trước ngày 20/1/2021.'],
  ['I', '5', 'Sở Tài chính', VP, 'Trước ngày 20/1/2021.'],
  ['I', '6', 'Sở Nội vụ', 'Các sở ban ngành tỉnh', 'Trước ngày 20/1/2021.'],
  ['I', '7', VP, ALL, 'Trước ngày 20/1/2021.'],
  ['I', '8', ALL, VP, 'Trước ngày 20/1/2021.'],
  ['I', '9', VP, ALL, 'Trước ngày 25/1/2021.'],
  ['I', '10', VP, ALL, 'Trước ngày 29/1/2021.'],
  ['I', '11', VP, ALL, 'Trước ngày 4/2/2021.'],
  ['I', '12', VP, ALL, 'Trước ngày 10/2/2021.'],
  ['I', '13', VP, ALL, 'Trước ngày 12/2/2021.'],
  ['I', '14', VP, ALL, 'Trước ngày 18/2/2021.'],
  ['I', '15', VP, RELATED, 'Trước ngày 25/2/2021.'],
  ['II', '1', VP, ALL, 'Trước ngày 01/4/2021.'],
  ['II', '2', 'Sở Kế hoạch và Đầu tư', ALL, 'Trước ngày 12/4/2021.'],
  ['II', '3', 'Sở Nội vụ', ALL, 'Trước ngày 12/4/2021.'],
  ['II', '4', 'Sở Thông tin và Truyền thông', ALL, 'Trước ngày 12/4/2021.'],
  ['II', '5', VP, ALL, 'Trước ngày 12/4/2021.'],
  ['II', '6', ALL, VP, 'Trước ngày 12/4/2021.'],
  ['II', '7', VP, ALL, 'Trước ngày 16/4/2021.'],
  ['II', '8', VP, ALL, 'Trước ngày 20/4/2021.'],
  ['II', '9', VP, ALL, 'Trước ngày 23/4/2021.'],
  ['II', '10', VP, ALL, 'Trước ngày 29/4/2021.'],
  ['II', '11', VP, ALL, 'Trước ngày 4/5/2021.'],
  ['II', '12', VP, ALL, 'Trước ngày 12/5/2021.'],
  ['II', '13', VP, RELATED, 'Trước ngày 20/5/2021.'],
  ['II', '14', VP, RELATED, 'Trước ngày 25/5/2021.'],
];

describe('parsePlanText on Kế hoạch 87/KH-UBND (seed)', () => {
  const plan = parsePlanText(SEED);

  it('reads the header: number, type, place, date, title, signer', () => {
    expect(plan).toMatchObject({
      docType: 'KH',
      number: '87/KH-UBND',
      issuedOn: '2021-01-13',
      place: 'Tây Ninh',
      signer: 'Nguyễn Mạnh Hùng',
      title:
        'Xây dựng Chương trình hành động thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI nhiệm kỳ ' +
        '2020-2025 về công tác CCHC và Đề án nâng cao các Chỉ số PCI, ICT, PAPI, PAR Index của tỉnh',
    });
  });

  it('reads the legal bases (căn cứ) without the trailing ";"', () => {
    expect(plan.bases).toEqual([
      'Căn cứ Chương trình hành động số 13-CTr/TU ngày 22 tháng 12 năm 2020 của Tỉnh ủy về việc thực hiện ' +
        'Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI, nhiệm kỳ 2020-2025',
      'Căn cứ Quyết định số 03/QĐ-UBND ngày 04 tháng 01 năm 2021 của UBND tỉnh về việc ban hành Chương trình ' +
        'công tác của Ủy ban nhân dân tỉnh năm 2021',
    ]);
  });

  it('reads the recipients (nơi nhận), dropping the drafter mark "(Tấn)"', () => {
    expect(plan.recipients).toEqual([
      'TT: TU, HĐND tỉnh',
      'CT, các Phó CT. UBND tỉnh',
      'Các sở, ban, ngành tỉnh',
      'UBND các huyện, thị xã, thành phố',
      'LĐVP; KSTT',
      'Lưu: VT, VP.UBND tỉnh',
    ]);
  });

  it('reads both sections, fixing the OCR slip "Churong"', () => {
    expect(plan.sections).toEqual([
      {
        code: 'I',
        title:
          'Chương trình hành động thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI nhiệm kỳ 2020-2025 về công tác CCHC',
        line: 76,
      },
      {
        code: 'II',
        title:
          'Đề án nâng cao Chỉ số năng lực cạnh tranh cấp tỉnh (PCI), Chỉ số sẵn sàng ứng dụng CNTT (ICT), Chỉ số ' +
          'hiệu quả quản trị và hành chính công cấp tỉnh (PAPI), Chỉ số CCHC (PAR index) giai đoạn 2021-2025',
        line: 97,
      },
    ]);
  });

  it('finds 29 tasks: 15 in section I, 14 in section II', () => {
    expect(plan.tasks).toHaveLength(29);
    expect(plan.tasks.filter((t) => t.sectionCode === 'I')).toHaveLength(15);
    expect(plan.tasks.filter((t) => t.sectionCode === 'II')).toHaveLength(14);
    expect(plan.tasks.every((t) => t.note === '' && t.content !== '')).toBe(true);
    expect(plan.tasks.every((t) => t.product === '' && Object.keys(t.extra).length === 0)).toBe(true);
  });

  it.each(SEED_TASKS.map((row, index) => [index, ...row] as const))(
    'task #%i is %s.%s with the exact cells',
    (index, section, no, lead, support, deadline) => {
      expect(plan.tasks[index]).toMatchObject({
        sectionCode: section,
        no,
        leadText: lead,
        supportText: support,
        deadlineText: deadline,
      });
    },
  );

  it.each([
    [
      'I',
      '3',
      79,
      'Báo cáo đánh giá kết quả thực hiện công tác cải cách thể chế giai đoạn 2015-2020 và đề xuất, kiến nghị ' +
        'mục tiêu, nhiệm vụ, giải pháp trọng tâm thực hiện giai đoạn 2021-2025 gửi UBND tỉnh',
    ],
    [
      'I',
      '7',
      85,
      'Báo cáo đánh giá kết quả thực hiện công tác cải cách TTHC gắn với thực hiện cơ chế một cửa, một cửa liên ' +
        'thông giai đoạn 2015-2020 và đề xuất, kiến nghị mục tiêu, nhiệm vụ, giải pháp trọng tâm thực hiện ' +
        'giai đoạn 2021-2025 gửi UBND tỉnh',
    ],
    [
      'II',
      '2',
      99,
      'Báo cáo đánh giá kết quả đối với Chỉ số PCI và đề đề xuất, kiến nghị mục tiêu, nhiệm vụ, giải pháp ' +
        'trọng tâm để cải thiện trong giai đoạn 2021-2025',
    ],
  ])('merges the page-broken row %s.%s (line %i)', (section, no, line, content) => {
    const task = plan.tasks.find((t) => t.sectionCode === section && t.no === no);
    expect(task).toMatchObject({ line, content, deadlineText: expect.stringMatching(/^Trước ngày/u) });
    expect(task?.raw.split('\n')).toHaveLength(2);
    expect(task?.raw.split('\n')[1]).toMatch(/^\t/u);
  });

  it('fixes "Chuong trình" in task contents and keeps the rest verbatim', () => {
    expect(plan.tasks[0]?.content).toContain('tham mưu Chương trình hành động');
    expect(plan.tasks[1]?.content).toContain('và Chương trình hành động số 13-CTr/TU');
    expect(plan.tasks.some((t) => /Chu(r)?ong/u.test(t.content))).toBe(false);
  });

  it('warns only about the garbled appendix date, keeping the heading date', () => {
    expect(plan.warnings).toEqual([
      {
        line: 73,
        code: 'garbled_appendix_date',
        message: expect.stringContaining('ngày //3 tháng 01 năm 2021'),
      },
    ]);
  });

  it('gives the same result for CRLF line endings', () => {
    expect(parsePlanText(SEED.replace(/\n/gu, '\r\n'))).toEqual(plan);
  });
});

const HEAD = [
  'Tây Ninh, ngày 02 tháng 3 năm 2021',
  '',
  'KẾ HOẠCH',
  'Kiểm tra công tác cải cách hành chính năm 2021',
  '',
  'Căn cứ Kế hoạch số 87/KH-UBND ngày 13/01/2021 của Chủ tịch UBND tỉnh;',
  '',
  'Nơi nhận:',
  '- Như trên;',
  '- Lưu: VT.',
  '',
  'Trần Văn Hai',
  '',
  'PHỤ LỤC',
  '(Ban hành kèm theo Kế hoạch số 15/KH-UBND ngày 02 tháng 3 năm 2021)',
];
const TABLE_HEADER =
  'STT\tNội dung công việc\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\tGhi chú';
const doc = (rows: string[], head: string[] = HEAD) => [...head, TABLE_HEADER, ...rows].join('\n');
const cells = (plan: ParsedPlan) =>
  plan.tasks.map((t) => [t.sectionCode, t.no, t.content, t.leadText, t.supportText, t.deadlineText, t.note]);

describe('parsePlanText on small documents', () => {
  it('ends a table at the closing block (Nơi nhận beside the signing title), never reading it as rows', () => {
    const plan = parsePlanText(
      [
        'Số: 12/KH-UBND',
        'Tây Ninh, ngày 5 tháng 3 năm 2022',
        '',
        'KẾ HOẠCH',
        'Chuyển đổi số năm 2022',
        '',
        'STT\tNội dung công việc\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành',
        '1\tXây dựng kế hoạch\tSở Nội vụ\tSở Tư pháp\tTrước ngày 30/6/2022',
        '2\tTổ chức tập huấn\tSở Tư pháp\t\tQuý III/2022',
        '',
        'Nơi nhận:\tKT. CHỦ TỊCH',
        '- Như trên;\tPHÓ CHỦ TỊCH',
        '- Lưu: VT.',
        '\tNguyễn Văn An',
      ].join('\n'),
    );
    expect(plan.tasks.map((t) => t.no)).toEqual(['1', '2']);
    expect(plan.signer).toBe('Nguyễn Văn An');
    expect(plan.recipients).toEqual(['Như trên', 'Lưu: VT']);
    expect(plan.warnings.map((w) => w.code)).toEqual([]);
  });

  it('reads a small plan with its header and a row whose trailing cells are missing', () => {
    const plan = parsePlanText(
      doc([
        'I\tKiểm tra\t\t\t\t',
        '1\tKiểm tra Sở Y tế\tSở Nội vụ\tSở Y tế\tQuý II/2021.\t',
        '2\tViết báo cáo\tSở Nội vụ',
      ]),
    );
    expect(plan).toMatchObject({
      docType: 'KH',
      number: '15/KH-UBND',
      issuedOn: '2021-03-02',
      place: 'Tây Ninh',
      title: 'Kiểm tra công tác cải cách hành chính năm 2021',
      signer: 'Trần Văn Hai',
      bases: ['Căn cứ Kế hoạch số 87/KH-UBND ngày 13/01/2021 của Chủ tịch UBND tỉnh'],
      recipients: ['Như trên', 'Lưu: VT'],
      sections: [{ code: 'I', title: 'Kiểm tra', line: 17 }],
    });
    expect(cells(plan)).toEqual([
      ['I', '1', 'Kiểm tra Sở Y tế', 'Sở Nội vụ', 'Sở Y tế', 'Quý II/2021.', ''],
      ['I', '2', 'Viết báo cáo', 'Sở Nội vụ', '', '', ''],
    ]);
    expect(plan.warnings.map((w) => [w.line, w.code])).toEqual([[19, 'missing_deadline']]);
  });

  it('reads CRLF text like LF text', () => {
    const rows = ['1\tKiểm tra Sở Y tế\tSở Nội vụ\tSở Y tế\tQuý II/2021.', '', '\tvà Trung tâm Y tế\t\t\t'];
    const lf = parsePlanText(doc(rows));
    const crlf = parsePlanText(doc(rows).replace(/\n/gu, '\r\n'));
    expect(crlf).toEqual(lf);
    expect(crlf.tasks[0]?.content).toBe('Kiểm tra Sở Y tế và Trung tâm Y tế');
    expect(crlf.tasks[0]?.raw).not.toContain('\r');
  });

  it('splits on runs of 2+ spaces when a row has no tab', () => {
    const text = doc([
      '1   Kiểm tra Sở Y tế  Sở Nội vụ  Sở Y tế, Sở Tài chính  Quý II/2021.',
      '2  Tổng hợp kết quả kiểm tra  Văn phòng UBND tỉnh  Sở Nội vụ  Trước ngày 15/12/2021.  Báo cáo UBND tỉnh',
      '      và đề xuất khen thưởng',
    ]).replace(TABLE_HEADER, TABLE_HEADER.replace(/\t/gu, '   '));
    expect(cells(parsePlanText(text))).toEqual([
      ['', '1', 'Kiểm tra Sở Y tế', 'Sở Nội vụ', 'Sở Y tế, Sở Tài chính', 'Quý II/2021.', ''],
      [
        '',
        '2',
        'Tổng hợp kết quả kiểm tra và đề xuất khen thưởng',
        'Văn phòng UBND tỉnh',
        'Sở Nội vụ',
        'Trước ngày 15/12/2021.',
        'Báo cáo UBND tỉnh',
      ],
    ]);
  });

  it('skips the header repeated at a page top, page numbers and column-number rows', () => {
    const plan = parsePlanText(
      doc([
        '1\t2\t3\t4\t5\t6',
        '1\tKiểm tra Sở Y tế\tSở Nội vụ\t\tQuý II/2021',
        '',
        '2',
        'STT  Nội dung công việc  Cơ quan chủ trì  Cơ quan phối hợp  Thời gian hoàn thành  Ghi chú',
        '2\tKiểm tra Sở Xây dựng\tSở Nội vụ\t\tQuý III/2021',
      ]),
    );
    expect(plan.tasks.map((t) => [t.no, t.content])).toEqual([
      ['1', 'Kiểm tra Sở Y tế'],
      ['2', 'Kiểm tra Sở Xây dựng'],
    ]);
    expect(plan.warnings.map((w) => w.code)).toEqual(['stray_number']);
  });

  it('leaves sectionCode empty when the appendix has no sections', () => {
    const plan = parsePlanText(
      doc(['1\tKiểm tra\tSở Nội vụ\t\tQuý II/2021', '2\tBáo cáo\tSở Nội vụ\t\tQuý III/2021']),
    );
    expect(plan.sections).toEqual([]);
    expect(plan.tasks.map((t) => t.sectionCode)).toEqual(['', '']);
  });

  it('reads "Số: 12/QĐ-UBND" and the two-column header of a Quyết định', () => {
    const plan = parsePlanText(
      [
        'ỦY BAN NHÂN DÂN\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'TỈNH TÂY NINH\t\tĐộc lập - Tự do - Hạnh phúc',
        'Số: 12/QĐ-UBND\t\tTây Ninh, ngày 05 tháng 3 năm 2021',
        '',
        'QUYẾT ĐỊNH',
        'Về việc ban hành Kế hoạch kiểm tra công tác CCHC năm 2021',
        'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH',
        '',
        'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6',
        'năm 2015;',
        'Theo đề nghị của Giám đốc Sở Nội vụ.',
        'QUYẾT ĐỊNH:',
        'Điều 1. Ban hành kèm theo Quyết định này Kế hoạch kiểm tra.',
        'Nơi nhận:\t\tKT. CHỦ TỊCH',
        '- Như Điều 3;\t\tPHÓ CHỦ TỊCH',
        '- Lưu: VT.\t\tTrần Văn Hai',
        '',
        'PHỤ LỤC',
        '(Ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 05/3/2021)',
        TABLE_HEADER,
        '1\tKiểm tra Sở Y tế\tSở Nội vụ\tSở Y tế\tQuý II/2021',
      ].join('\n'),
    );
    expect(plan).toMatchObject({
      docType: 'QĐ',
      number: '12/QĐ-UBND',
      issuedOn: '2021-03-05',
      place: 'Tây Ninh',
      title: 'Về việc ban hành Kế hoạch kiểm tra công tác CCHC năm 2021',
      signer: 'Trần Văn Hai',
      bases: ['Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015'],
      recipients: ['Như Điều 3', 'Lưu: VT'],
      warnings: [],
    });
    expect(plan.tasks).toHaveLength(1);
  });

  it('keeps the line of years that ends a title written in capitals', () => {
    const title = (lines: string[]) =>
      parsePlanText(
        [
          'ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
          'Số: 45/QĐ-UBND\tQuảng Trị, ngày 10 tháng 01 năm 2024',
          '',
          'QUYẾT ĐỊNH',
          ...lines,
          '',
          'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH',
        ].join('\n'),
      ).title;
    expect(title(['PHÊ DUYỆT ĐỀ ÁN PHÁT TRIỂN DU LỊCH CỘNG ĐỒNG', 'GIAI ĐOẠN', '2024 – 2030'])).toBe(
      'PHÊ DUYỆT ĐỀ ÁN PHÁT TRIỂN DU LỊCH CỘNG ĐỒNG GIAI ĐOẠN 2024 – 2030',
    );
    expect(title(['KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM', '(2024-2025)'])).toBe(
      'KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM (2024-2025)',
    );
    // a page number is no part of it, nor is a line of numbers that starts the block
    expect(title(['KẾ HOẠCH CHUYỂN ĐỔI SỐ', '3'])).toBe('KẾ HOẠCH CHUYỂN ĐỔI SỐ');
  });

  it('finds Nơi nhận and the signer after a PHỤ LỤC set inside the body (a page copied from the web)', () => {
    const plan = parsePlanText(
      [
        'UBND TỈNH SÓC TRĂNG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Số: 31/KH-UBND | Sóc Trăng, ngày 08 tháng 3 năm 2023',
        '',
        'KẾ HOẠCH',
        'Phát triển thương mại điện tử năm 2023',
        '',
        'I. NHIỆM VỤ',
        '(Chi tiết tại Phụ lục kèm theo)',
        'PHỤ LỤC',
        'NHIỆM VỤ PHÁT TRIỂN THƯƠNG MẠI ĐIỆN TỬ',
        'STT | Nội dung công việc | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành',
        'I | NÂNG CAO KỸ NĂNG SỐ | | |',
        '1 | Đào tạo kỹ năng bán hàng trực tuyến | Sở Công Thương | Sở Tài chính | Quý III/2023',
        '',
        'II. TỔ CHỨC THỰC HIỆN',
        'Các sở, ngành triển khai Kế hoạch này./.',
        '',
        'Nơi nhận:',
        '- Bộ Công Thương;',
        '- Lưu: VT, KT. | KT. CHỦ TỊCH',
        'PHÓ CHỦ TỊCH',
        '',
        'Lâm Hoàng Nghiệp',
        '',
        'PHỤ LỤC II',
        'STT | Tên doanh nghiệp | Địa chỉ',
        '1 | Hồ Văn Tâm | Sóc Trăng',
      ].join('\n'),
    );
    expect(plan).toMatchObject({ signer: 'Lâm Hoàng Nghiệp', recipients: ['Bộ Công Thương', 'Lưu: VT, KT'] });
    expect(plan.tasks.map((t) => [t.no, t.leadText])).toEqual([['1', 'Sở Công Thương']]);
  });

  it('finds the signer of a signature block written above the Nơi nhận list', () => {
    const text = (block: string[]) =>
      [
        'BỘ CÔNG THƯƠNG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Số: 207/QĐ-BCT\tHà Nội, ngày 02 tháng 02 năm 2024',
        '',
        'QUYẾT ĐỊNH',
        'Về việc giao nhiệm vụ kiểm tra thị trường',
        '',
        'Điều 1. Giao Tổng cục Quản lý thị trường kiểm tra hàng giả.',
        'Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.',
        '',
        ...block,
        '',
        'Nơi nhận:',
        '- Như Điều 3;',
        '- Lưu: VT, TTTN.',
      ].join('\n');
    expect(parsePlanText(text(['KT. BỘ TRƯỞNG', 'THỨ TRƯỞNG', '(Đã ký)', '', 'Phan Thị Thắng'])).signer).toBe(
      'Phan Thị Thắng',
    );
    // a name-like line above the list with no signing title over it is no signer
    expect(parsePlanText(text(['Điều 3. Giao Vụ trưởng thi hành.', 'Hà Văn Long'])).signer).toBeNull();
  });

  it('returns no tasks and a "no_table" warning for a document without a table', () => {
    const plan = parsePlanText('Tây Ninh, ngày 13 tháng 01 năm 2021\n\nTHÔNG BÁO\nLịch làm việc tuần 3\n');
    expect(plan).toMatchObject({
      docType: 'TB',
      issuedOn: '2021-01-13',
      title: 'Lịch làm việc tuần 3',
      tasks: [],
    });
    expect(plan.warnings.map((w) => w.code)).toEqual(['no_number', 'no_table']);
  });

  it('warns about rows without a number, lines it cannot place and numbering gaps', () => {
    const plan = parsePlanText(
      doc([
        '1\tKiểm tra Sở Y tế\tSở Nội vụ\t\tQuý II/2021',
        'tiếp theo của dòng trên',
        '-\tKiểm tra Sở Xây dựng\tSở Nội vụ\t\tQuý II/2021\t',
        '3\tKiểm tra Sở Tài chính\tSở Nội vụ\t\tQuý III/2021',
        'Tổng cộng ba cuộc kiểm tra',
      ]),
    );
    expect(plan.tasks.map((t) => [t.no, t.content])).toEqual([
      ['1', 'Kiểm tra Sở Y tế tiếp theo của dòng trên'],
      ['', 'Kiểm tra Sở Xây dựng'],
      ['3', 'Kiểm tra Sở Tài chính'],
    ]);
    expect(plan.warnings.map((w) => w.code)).toEqual([
      'continuation_without_indent',
      'row_without_number',
      'number_gap',
      'unrecognised_line',
    ]);
  });

  it('warns about a garbled heading date and an appendix number that disagrees', () => {
    const head = HEAD.map((line) => line.replace('ngày 02 tháng', 'ngày /2 tháng'));
    const text = doc(['1\tKiểm tra\tSở Nội vụ\t\tQuý II/2021'], ['Số: 16/KH-UBND', ...head]);
    const plan = parsePlanText(text);
    expect(plan.issuedOn).toBeNull();
    expect(plan.warnings.map((w) => w.code)).toEqual([
      'no_issued_on',
      'garbled_date',
      'garbled_appendix_date',
      'number_mismatch',
    ]);
  });

  it.each(['', '\t\t\t', 'STT\tNội dung công việc', 'PHỤ LỤC', '\u0000\uFEFF', 'I\n\tx\n1'])(
    'never throws on odd input %j',
    (text) => {
      const plan = parsePlanText(text);
      expect(Array.isArray(plan.tasks)).toBe(true);
      expect(Array.isArray(plan.warnings)).toBe(true);
    },
  );
});

describe('fixOcr', () => {
  it.each([
    ['Churong trình hành động', 'Chương trình hành động'],
    ['tham mưu Chuong trình', 'tham mưu Chương trình'],
    ['CHURONG TRÌNH', 'CHƯƠNG TRÌNH'],
    ['churong', 'chương'],
    ['Chuong bao', 'Chuong bao'],
    ['Chương trình', 'Chương trình'],
    ['Chuông trình', 'Chuông trình'],
  ])('%j → %j', (input, expected) => {
    expect(fixOcr(input)).toBe(expected);
  });
});
