import { describe, expect, it } from 'vitest';
import { findAddressee, findAssignment, matchAttributes, splitAssignee } from './plan-prose-clause.ts';
import { type ParsedPlan, parsePlanText } from './plan-text.ts';

const HEAD = [
  'ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'TỈNH TÂY NINH\tĐộc lập - Tự do - Hạnh phúc',
  'Số: 120/KH-UBND\tTây Ninh, ngày 15 tháng 3 năm 2021',
  '',
  'KẾ HOẠCH',
  'Thực hiện công tác cải cách hành chính năm 2021',
  '',
];
const TAIL = [
  '',
  'Nơi nhận:',
  '- Như trên;',
  '- Lưu: VT.',
  '',
  'KT. CHỦ TỊCH',
  'PHÓ CHỦ TỊCH',
  '',
  'Trần Văn Hai',
];
const plan = (body: string[]) => parsePlanText([...HEAD, ...body, ...TAIL].join('\n'));
const rows = (parsed: ParsedPlan) =>
  parsed.tasks.map((t) => [`${t.sectionCode}.${t.no}`, t.content, t.leadText, t.supportText, t.deadlineText]);

describe('prose plans: items that assign work are tasks', () => {
  const parsed = plan([
    'I. MỤC ĐÍCH, YÊU CẦU',
    '1. Mục đích',
    '- Nâng cao hiệu quả công tác cải cách hành chính; xác định rõ trách nhiệm của từng cơ quan.',
    'II. NHIỆM VỤ CỤ THỂ',
    '1. Tổ chức tập huấn nghiệp vụ cho công chức làm công tác cải cách hành chính',
    '- Cơ quan thực hiện: Sở Lao động - Thương binh và Xã hội chủ trì, phối hợp với Sở Tài chính; UBND cấp huyện.',
    '- Thời gian hoàn thành: Trong năm 2021.',
    '- Sản phẩm: Kế hoạch tập huấn.',
    '2. Rà soát thủ tục hành chính',
    'a) Rà soát quy định về thủ tục hành chính lĩnh vực đất đai',
    '- Đơn vị chủ trì: Sở Tài nguyên và Môi trường.',
    '- Đơn vị phối hợp: Sở Tư pháp.',
    '- Thời hạn: Quý II/2021.',
    'b) Công bố danh mục thủ tục hành chính trên Cổng Dịch vụ công.',
    '3. Kiện toàn tổ chức bộ máy; giao Sở Nội vụ chủ trì, phối hợp với các cơ quan liên quan thực hiện, hoàn thành trước ngày 30/6/2021.',
    '4. Đẩy mạnh chuyển đổi số, trong đó:',
    '- Xây dựng kho dữ liệu dùng chung, giao Sở Thông tin và Truyền thông chủ trì, phối hợp với các sở, ngành thực hiện, hoàn thành trong năm 2021.',
    '- Tuyên truyền về chuyển đổi số trên các phương tiện thông tin đại chúng.',
    '- Phát triển nền tảng số của tỉnh',
    '- Cơ quan chủ trì: Sở Thông tin và Truyền thông.',
    '- Tiến độ: Quý IV/2021.',
    'III. TỔ CHỨC THỰC HIỆN',
    '1. Các cơ quan, đơn vị căn cứ Kế hoạch này triển khai thực hiện.',
  ]);

  it('reads each assigning item with its lead, support and deadline as written', () => {
    expect(rows(parsed)).toEqual([
      [
        'II.1',
        'Tổ chức tập huấn nghiệp vụ cho công chức làm công tác cải cách hành chính',
        'Sở Lao động - Thương binh và Xã hội',
        'Sở Tài chính; UBND cấp huyện',
        'Trong năm 2021.',
      ],
      [
        'II.2a',
        'Rà soát quy định về thủ tục hành chính lĩnh vực đất đai',
        'Sở Tài nguyên và Môi trường',
        'Sở Tư pháp',
        'Quý II/2021.',
      ],
      ['II.3', 'Kiện toàn tổ chức bộ máy', 'Sở Nội vụ', 'các cơ quan liên quan', 'trước ngày 30/6/2021'],
      [
        'II.4.1',
        'Xây dựng kho dữ liệu dùng chung',
        'Sở Thông tin và Truyền thông',
        'các sở, ngành',
        'trong năm 2021',
      ],
      ['II.4.2', 'Phát triển nền tảng số của tỉnh', 'Sở Thông tin và Truyền thông', '', 'Quý IV/2021.'],
    ]);
  });

  it('keeps the product, the item line and its raw lines (attribute lines included)', () => {
    expect(parsed.tasks[0]).toMatchObject({ product: 'Kế hoạch tập huấn', note: '', extra: {}, line: 12 });
    expect(parsed.tasks[0]?.raw.split('\n')).toHaveLength(4);
    expect(parsed.tasks[2]?.product).toBe('');
  });

  it('lists only the sections that hold tasks, titles as written', () => {
    expect(parsed.sections.map((s) => [s.code, s.title])).toEqual([['II', 'NHIỆM VỤ CỤ THỂ']]);
  });

  it('warns once about the numbered items of those sections that assign nothing', () => {
    const warning = parsed.warnings.find((w) => w.code === 'prose_items_without_lead');
    expect(warning?.message).toContain('1 mục');
    expect(warning?.message).toContain('II.2b');
    expect(parsed.warnings.map((w) => w.code)).not.toContain('no_table');
    expect(parsed.warnings.map((w) => w.code)).not.toContain('number_gap');
  });

  it('reads the header and leaves the Nơi nhận list and the signature out of the tasks', () => {
    expect(parsed).toMatchObject({ number: '120/KH-UBND', issuedOn: '2021-03-15', signer: 'Trần Văn Hai' });
    expect(parsed.tasks.some((t) => /Như trên|CHỦ TỊCH/u.test(t.raw))).toBe(false);
  });
});

describe('prose plans: layout variants', () => {
  it('joins a wrapped line to the item or the attribute it continues (a PDF line)', () => {
    const parsed = plan([
      'II. NHIỆM VỤ',
      '1. Rà soát, sắp xếp các phòng chuyên môn thuộc sở, ban, ngành tỉnh và các cơ quan',
      'chuyên môn thuộc UBND cấp huyện',
      '- Cơ quan thực hiện: Sở Nội vụ chủ trì, phối hợp với Sở Tài chính, Sở Kế hoạch và',
      'Đầu tư.',
      '- Thời gian hoàn thành: Quý IV/2021.',
      'Các nhiệm vụ khác do các cơ quan tự triển khai.',
    ]);
    expect(rows(parsed)).toEqual([
      [
        'II.1',
        'Rà soát, sắp xếp các phòng chuyên môn thuộc sở, ban, ngành tỉnh và các cơ quan chuyên môn thuộc UBND cấp huyện',
        'Sở Nội vụ',
        'Sở Tài chính, Sở Kế hoạch và Đầu tư',
        'Quý IV/2021.',
      ],
    ]);
  });

  it('keeps a name broken at its dash by a wrapped line ("Sở Lao động" / "- Thương binh và Xã hội")', () => {
    const parsed = plan([
      'II. NHIỆM VỤ',
      '1. Rà soát quy trình giải quyết thủ tục hành chính lĩnh vực lao động',
      '- Cơ quan thực hiện: Sở Lao động',
      '- Thương binh và Xã hội chủ trì, phối hợp với Đài Phát thanh',
      '- Truyền hình tỉnh.',
      '- Thời gian hoàn thành: Trong năm 2021.',
    ]);
    expect(rows(parsed)).toEqual([
      [
        'II.1',
        'Rà soát quy trình giải quyết thủ tục hành chính lĩnh vực lao động',
        'Sở Lao động - Thương binh và Xã hội',
        'Đài Phát thanh - Truyền hình tỉnh',
        'Trong năm 2021.',
      ],
    ]);
  });

  it('reads "X chủ trì, phối hợp với Y <action>" when the lead opens the item', () => {
    const parsed = plan([
      'II. NHIỆM VỤ',
      '1. Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với Đài Phát thanh - Truyền hình tỉnh tổ chức tuyên truyền, hoàn thành trong quý III/2021.',
    ]);
    expect(rows(parsed)).toEqual([
      [
        'II.1',
        'tổ chức tuyên truyền',
        'Sở Văn hóa, Thể thao và Du lịch',
        'Đài Phát thanh - Truyền hình tỉnh',
        'trong quý III/2021',
      ],
    ]);
  });

  it('gives a "+" attribute line to the dash item above it, and reads items before any section', () => {
    const parsed = plan([
      '1. Cải cách thủ tục hành chính',
      '- Số hóa hồ sơ thủ tục hành chính',
      '+ Cơ quan chủ trì: Văn phòng UBND tỉnh; Thời hạn: Trong năm 2021.',
    ]);
    expect(rows(parsed)).toEqual([
      ['.1.1', 'Số hóa hồ sơ thủ tục hành chính', 'Văn phòng UBND tỉnh', '', 'Trong năm 2021.'],
    ]);
    expect(parsed.sections).toEqual([]);
  });

  it('reads a line with a double space inside as text, not as table cells', () => {
    const parsed = plan([
      'II. NHIỆM VỤ',
      '1. Rà soát văn bản quy phạm pháp luật.  Kiến nghị sửa đổi văn bản không còn phù hợp',
      '- Cơ quan chủ trì: Sở Tư pháp.',
    ]);
    expect(parsed.tasks[0]?.content).toBe(
      'Rà soát văn bản quy phạm pháp luật. Kiến nghị sửa đổi văn bản không còn phù hợp',
    );
  });

  it('reads an item in capitals, "a." letters, a number alone on its line, and drops page numbers', () => {
    const parsed = plan([
      'II. NHIỆM VỤ',
      '1. CẢI CÁCH THỂ CHẾ',
      'a. Rà soát văn bản quy phạm pháp luật',
      '- Cơ quan, đơn vị thực hiện: Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ.',
      '- 7 -',
      '- Thời gian thực hiện: Quý II/2021.',
      '2.',
      'Kiểm tra công tác cải cách hành chính',
      '12',
      '- Cơ quan chủ trì, phối hợp: Sở Nội vụ chủ trì; Văn phòng UBND tỉnh phối hợp.',
      '- Kết quả/sản phẩm: Báo cáo kiểm tra.',
    ]);
    expect(
      parsed.tasks.map((t) => [t.no, t.content, t.leadText, t.supportText, t.deadlineText, t.product]),
    ).toEqual([
      ['1a', 'Rà soát văn bản quy phạm pháp luật', 'Sở Tư pháp', 'Sở Nội vụ', 'Quý II/2021.', ''],
      [
        '2',
        'Kiểm tra công tác cải cách hành chính',
        'Sở Nội vụ',
        'Văn phòng UBND tỉnh',
        '',
        'Báo cáo kiểm tra',
      ],
    ]);
  });

  it('reads items addressed to an agency ("1. Sở Y tế: …"), the duties under it when the line ends there', () => {
    const parsed = plan([
      'II. NHIỆM VỤ, GIẢI PHÁP',
      '1. Sở Y tế: Chủ trì, phối hợp với Sở Tài chính, Bảo hiểm xã hội tỉnh kiểm tra việc cung ứng thuốc, hoàn thành trước ngày 30/6/2024.',
      '2. Công an tỉnh:',
      '- Tăng cường kiểm tra an ninh mạng',
      '- Xử lý nghiêm các vi phạm',
      '3. Cải cách thể chế: rà soát văn bản quy phạm pháp luật.',
    ]);
    expect(rows(parsed)).toEqual([
      [
        'II.1',
        'Kiểm tra việc cung ứng thuốc',
        'Sở Y tế',
        'Sở Tài chính, Bảo hiểm xã hội tỉnh',
        'trước ngày 30/6/2024',
      ],
      ['II.2', 'Tăng cường kiểm tra an ninh mạng; Xử lý nghiêm các vi phạm', 'Công an tỉnh', '', ''],
    ]);
  });

  it('reads the action of an addressed item: without "Chủ trì, phối hợp với …" and its closing deadline clause', () => {
    const parsed = plan([
      '1. Sở Nông nghiệp và Phát triển nông thôn: chủ trì, phối hợp với Sở Công Thương, Hội Nông dân tỉnh tăng cường kiểm tra chất lượng vật tư nông nghiệp, hoàn thành xong trong quý III/2022.',
      '2. Công an tỉnh: Chủ trì tổ chức tuần tra, kiểm soát tại các chợ đầu mối, thực hiện liên tục.',
      '3. Sở Tư pháp: Phối hợp với Sở Nội vụ thẩm định hồ sơ trình UBND tỉnh; gửi báo cáo về Văn phòng UBND tỉnh chậm nhất ngày 10 hằng quý.',
      '4. Đài Phát thanh và Truyền hình tỉnh: Mở chuyên mục về an toàn thực phẩm năm 2022, định kỳ hằng tuần.',
      '5. Ban Dân tộc: Chủ trì, phối hợp với các cơ quan liên quan.',
    ]);
    expect(rows(parsed)).toEqual([
      [
        '.1',
        'Tăng cường kiểm tra chất lượng vật tư nông nghiệp',
        'Sở Nông nghiệp và Phát triển nông thôn',
        'Sở Công Thương, Hội Nông dân tỉnh',
        'trong quý III/2022',
      ],
      ['.2', 'Tổ chức tuần tra, kiểm soát tại các chợ đầu mối', 'Công an tỉnh', '', 'liên tục'],
      [
        '.3',
        'Phối hợp với Sở Nội vụ thẩm định hồ sơ trình UBND tỉnh; gửi báo cáo về Văn phòng UBND tỉnh',
        'Sở Tư pháp',
        'Sở Nội vụ',
        'chậm nhất ngày 10 hằng quý',
      ],
      [
        '.4',
        'Mở chuyên mục về an toàn thực phẩm năm 2022',
        'Đài Phát thanh và Truyền hình tỉnh',
        '',
        'định kỳ hằng tuần',
      ],
      ['.5', 'Chủ trì, phối hợp với các cơ quan liên quan', 'Ban Dân tộc', 'các cơ quan liên quan', ''],
    ]);
  });

  it("leaves the document's closing paragraph out of the last task", () => {
    const items = [
      '1. Sở Nội vụ: Rà soát biên chế công chức các sở, hoàn thành trước ngày 31/5/2022.',
      '2. Thanh tra tỉnh: Kiểm tra công vụ đột xuất tại các đơn vị, báo cáo kết quả trước ngày',
      '20/12/2022.',
    ];
    const closing = 'Giám đốc các sở, ngành căn cứ nhiệm vụ được giao khẩn trương thực hiện;';
    const wrapped = 'trong quá trình thực hiện, có vướng mắc báo cáo UBND tỉnh để chỉ đạo./.';
    const expected = [
      [
        '.2',
        'Kiểm tra công vụ đột xuất tại các đơn vị, báo cáo kết quả',
        'Thanh tra tỉnh',
        '',
        'trước ngày 20/12/2022',
      ],
    ];
    // a new sentence right after the last item, a paragraph after a blank line, and before a heading
    expect(rows(plan([...items, closing, wrapped])).slice(1)).toEqual(expected);
    expect(rows(plan([...items, '', 'Các đơn vị nghiêm túc thực hiện'])).slice(1)).toEqual(expected);
    expect(rows(plan(['II. NHIỆM VỤ', ...items, closing, 'III. KINH PHÍ'])).slice(1)).toEqual([
      ['II.2', ...(expected[0] ?? []).slice(1)],
    ]);
    // a paragraph that continues an item before the next item stays part of it
    const between = plan([items[0] ?? '', 'Đồng thời đề xuất phương án sắp xếp.', ...items.slice(1)]);
    expect(between.tasks[0]?.content).toBe(
      'Rà soát biên chế công chức các sở, hoàn thành trước ngày 31/5/2022. Đồng thời đề xuất phương án sắp xếp',
    );
  });

  it('keeps a paragraph after the last item when only it assigns the work', () => {
    const parsed = plan([
      'II. NHIỆM VỤ',
      '1. Số hóa hồ sơ đất đai.',
      'Giao Sở Tài nguyên và Môi trường chủ trì thực hiện, hoàn thành trong năm 2023.',
    ]);
    expect(rows(parsed)).toEqual([
      ['II.1', 'Số hóa hồ sơ đất đai', 'Sở Tài nguyên và Môi trường', '', 'trong năm 2023'],
    ]);
  });

  it('reads numbered sub-items "1.1." as their own numbers', () => {
    const parsed = plan([
      'II. NHIỆM VỤ',
      '1. Cải cách thể chế',
      '1.1. Rà soát văn bản quy phạm pháp luật',
      '- Cơ quan chủ trì: Sở Tư pháp.',
      '- Thời hạn: Quý II/2021.',
      '1.2. Kiểm tra văn bản',
      '- Cơ quan chủ trì: Sở Tư pháp.',
      '- Thời hạn: Quý III/2021.',
    ]);
    expect(parsed.tasks.map((t) => t.no)).toEqual(['1.1', '1.2']);
  });

  it('says so when the text has neither a task table nor an assigning item', () => {
    const parsed = plan(['I. MỤC ĐÍCH', '1. Nâng cao hiệu quả công tác cải cách hành chính.']);
    expect(parsed.tasks).toEqual([]);
    expect(parsed.warnings.map((w) => w.code)).toContain('no_table');
    expect(parsed.warnings.map((w) => w.code)).not.toContain('prose_items_without_lead');
  });

  it('reads prose items before a task table, then the table', () => {
    const parsed = plan([
      'I. NHIỆM VỤ CHUNG',
      '1. Tổ chức hội nghị triển khai Kế hoạch',
      '- Cơ quan chủ trì: Văn phòng UBND tỉnh.',
      '- Thời hạn: Trước ngày 31/3/2021.',
      '',
      'PHỤ LỤC',
      'STT\tNội dung công việc\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\tGhi chú',
      'II\tNhiệm vụ cụ thể',
      '1\tRà soát thủ tục hành chính\tSở Tư pháp\tSở Nội vụ\tQuý II/2021.\t',
    ]);
    expect(rows(parsed)).toEqual([
      ['I.1', 'Tổ chức hội nghị triển khai Kế hoạch', 'Văn phòng UBND tỉnh', '', 'Trước ngày 31/3/2021.'],
      ['II.1', 'Rà soát thủ tục hành chính', 'Sở Tư pháp', 'Sở Nội vụ', 'Quý II/2021.'],
    ]);
    expect(parsed.sections.map((s) => s.code)).toEqual(['I', 'II']);
  });
});

describe('attribute lines and inline clauses', () => {
  it.each([
    ['- Cơ quan chủ trì: Bộ Công an.', [{ field: 'lead', value: 'Bộ Công an.' }]],
    ['- Đơn vị phối hợp: Sở Tư pháp, Sở Nội vụ.', [{ field: 'support', value: 'Sở Tư pháp, Sở Nội vụ.' }]],
    ['- Thời gian hoàn thành: Trong năm 2024.', [{ field: 'deadline', value: 'Trong năm 2024.' }]],
    ['- Thời hạn hoàn thành: Quý I/2024.', [{ field: 'deadline', value: 'Quý I/2024.' }]],
    ['- Tiến độ: Hằng năm.', [{ field: 'deadline', value: 'Hằng năm.' }]],
    ['- Sản phẩm: Nghị định.', [{ field: 'product', value: 'Nghị định.' }]],
    [
      '- Cơ quan thực hiện: Bộ Tư pháp chủ trì, phối hợp với VPCP.',
      [{ field: 'assignee', value: 'Bộ Tư pháp chủ trì, phối hợp với VPCP.' }],
    ],
    [
      'Cơ quan chủ trì: Bộ Tài chính; Thời hạn: Quý I/2024.',
      [
        { field: 'lead', value: 'Bộ Tài chính' },
        { field: 'deadline', value: 'Quý I/2024.' },
      ],
    ],
  ])('%s', (line, expected) => {
    expect(matchAttributes(line)).toEqual(expected);
  });

  it('is no attribute line when the label is not one ("Lưu: VT", "Mục tiêu: …")', () => {
    expect(matchAttributes('- Lưu: VT, VP.')).toBeNull();
    expect(matchAttributes('Mục tiêu: đến năm 2025 có 100% hồ sơ được số hóa.')).toBeNull();
  });

  it.each([
    [
      'Sở Tư pháp chủ trì, phối hợp với Công an tỉnh, Thanh tra tỉnh.',
      'Sở Tư pháp',
      'Công an tỉnh, Thanh tra tỉnh',
    ],
    ['Sở Nội vụ chủ trì; Sở Tài chính, Sở Tư pháp phối hợp.', 'Sở Nội vụ', 'Sở Tài chính, Sở Tư pháp'],
    ['Sở Nội vụ (chủ trì), Sở Tài chính.', 'Sở Nội vụ', 'Sở Tài chính'],
    ['Các sở, ban, ngành tỉnh; UBND cấp huyện.', 'Các sở, ban, ngành tỉnh; UBND cấp huyện', ''],
  ])('"Cơ quan thực hiện: %s" → lead %s, support %s', (value, lead, support) => {
    expect(splitAssignee(value)).toEqual({ lead, support });
  });

  it('reads an inline clause introduced by "giao", "đề nghị" or at a sentence start', () => {
    expect(
      findAssignment(
        'Rà soát, sắp xếp các phòng chuyên môn; giao Sở Nội vụ chủ trì, phối hợp với các cơ quan liên quan thực hiện, hoàn thành trước ngày 30/11/2021.',
      ),
    ).toEqual({
      content: 'Rà soát, sắp xếp các phòng chuyên môn',
      lead: 'Sở Nội vụ',
      support: 'các cơ quan liên quan',
      deadline: 'trước ngày 30/11/2021',
    });
    expect(
      findAssignment(
        'Tổ chức đối thoại với doanh nghiệp. Đề nghị Ủy ban MTTQ tỉnh chủ trì thực hiện hằng năm.',
      ),
    ).toEqual({
      content: 'Tổ chức đối thoại với doanh nghiệp',
      lead: 'Ủy ban MTTQ tỉnh',
      support: '',
      deadline: 'hằng năm',
    });
  });

  it("reads attributes written in the item's own paragraph, after a period or in brackets", () => {
    const parsed = plan([
      'II. NHIỆM VỤ',
      '1. Xây dựng Đề án kinh tế số. Cơ quan chủ trì: Sở Thông tin và Truyền thông; cơ quan phối hợp: Sở Tài chính; thời hạn: Quý II/2021.',
      '2. Sửa đổi Quy chế làm việc (cơ quan chủ trì: Văn phòng UBND tỉnh, thời gian hoàn thành: năm 2021).',
      '3. Nâng cao chất lượng phục vụ. Mục tiêu: đạt 90% hài lòng.',
    ]);
    expect(rows(parsed)).toEqual([
      ['II.1', 'Xây dựng Đề án kinh tế số', 'Sở Thông tin và Truyền thông', 'Sở Tài chính', 'Quý II/2021.'],
      ['II.2', 'Sửa đổi Quy chế làm việc', 'Văn phòng UBND tỉnh', '', 'năm 2021'],
    ]);
  });

  it('reads a clause in brackets and one introduced by "do"', () => {
    expect(
      findAssignment(
        'Xây dựng Đề án phát triển (Bộ Kế hoạch và Đầu tư chủ trì, phối hợp với Bộ Tài chính, trình Thủ tướng Chính phủ trong năm 2024).',
      ),
    ).toEqual({
      content: 'Xây dựng Đề án phát triển',
      lead: 'Bộ Kế hoạch và Đầu tư',
      support: 'Bộ Tài chính',
      deadline: 'trong năm 2024',
    });
    expect(
      findAssignment('Tổ chức tuyên truyền, do Sở Văn hóa, Thể thao và Du lịch chủ trì thực hiện.'),
    ).toEqual({
      content: 'Tổ chức tuyên truyền',
      lead: 'Sở Văn hóa, Thể thao và Du lịch',
      support: '',
      deadline: '',
    });
  });

  it.each([
    [
      'Sở Xây dựng: Hoàn thành việc rà soát quy hoạch chung trong quý II/2024.',
      'Hoàn thành việc rà soát quy hoạch chung',
      'trong quý II/2024',
    ],
    // a time word that starts an action, or a year inside the content, is no closing clause
    [
      'UBND cấp huyện: Kiểm tra tại địa phương, định kỳ 6 tháng báo cáo UBND tỉnh.',
      'Kiểm tra tại địa phương, định kỳ 6 tháng báo cáo UBND tỉnh',
      '',
    ],
    [
      'Sở Nội vụ: Hướng dẫn các cơ quan, trước mắt tập trung rà soát biên chế năm 2024.',
      'Hướng dẫn các cơ quan, trước mắt tập trung rà soát biên chế năm 2024',
      '',
    ],
    [
      'Sở Y tế: Giám sát dịch bệnh tại cửa khẩu, thực hiện trong năm 2024, 2025.',
      'Giám sát dịch bệnh tại cửa khẩu',
      'trong năm 2024, 2025',
    ],
  ])('reads the addressed item %j → content %j, deadline %j', (text, content, deadline) => {
    expect(findAddressee(text)).toMatchObject({ content, deadline });
  });

  it('finds no assignment where "chủ trì" names no agency', () => {
    expect(findAssignment('Nâng cao năng lực chủ trì, điều hành của người đứng đầu.')).toBeNull();
    expect(
      findAssignment('Thủ trưởng cơ quan được giao chủ trì chịu trách nhiệm trước UBND tỉnh.'),
    ).toBeNull();
  });
});
