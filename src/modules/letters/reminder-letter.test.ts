import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  attr,
  bodyElements,
  cellText,
  openDocx,
  paragraphs,
  tables,
  type XmlParagraph,
  type XmlTable,
} from '../../../test/support/docx-xml.ts';
import { type ReminderLetterInput, reminderLetterText, renderReminderLetter } from './reminder-letter.ts';
import { CONSEQUENCE_87, PLAN_87, sampleReminderLetter } from './sample-letter.ts';

const ABSTRACT = 'V/v đôn đốc thực hiện nhiệm vụ tại Kế hoạch số 87/KH-UBND';
const CONSEQUENCE = CONSEQUENCE_87.slice(0, -1); // printed after 'đã lưu ý:', the final stop re-added
const I3 = 'Báo cáo đánh giá kết quả thực hiện công tác cải cách thể chế giai đoạn 2015-2020';

describe('renderReminderLetter — the .docx of Sở Tư pháp, 3 tasks of 87/KH-UBND overdue on 15/02/2021', () => {
  let bytes: Uint8Array;
  let xml: string;
  let header: XmlTable;
  let overdue: XmlTable;
  let foot: XmlTable;
  let paras: XmlParagraph[];
  const para = (text: string) => {
    const found = paras.find((p) => p.text === text);
    if (!found) throw new Error(`no paragraph "${text}"`);
    return found;
  };

  beforeAll(async () => {
    bytes = await renderReminderLetter(sampleReminderLetter());
    xml = (await openDocx(bytes)).document;
    paras = paragraphs(xml);
    const [h, o, f, ...rest] = tables(xml);
    if (!h || !o || !f || rest.length > 0) throw new Error('expected exactly three tables');
    [header, overdue, foot] = [h, o, f];
  });

  it('is A4 portrait with the NĐ 30 margins (top/bottom 20 mm, left 30 mm, right 15 mm)', () => {
    const sect = /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(xml)?.[0] ?? '';
    expect(attr(sect, 'w:pgSz', 'w:w')).toBe('11906');
    expect(attr(sect, 'w:pgSz', 'w:h')).toBe('16838');
    expect(attr(sect, 'w:pgSz', 'w:orient')).toBe('portrait');
    const mm = (side: string) => (Number(attr(sect, 'w:pgMar', `w:${side}`)) * 25.4) / 1440;
    expect(mm('top')).toBeCloseTo(20, 0);
    expect(mm('bottom')).toBeCloseTo(20, 0);
    expect(mm('left')).toBeCloseTo(30, 0);
    expect(mm('right')).toBeCloseTo(15, 0);
    expect(attr(sect, 'w:pgMar', 'w:top')).toBe('1134');
    expect(attr(sect, 'w:pgMar', 'w:left')).toBe('1701');
    expect(attr(sect, 'w:pgMar', 'w:right')).toBe('850');
    expect(sect).toContain('<w:titlePg/>'); // no page number on page 1
  });

  it('sets every run in Times New Roman, body 14 pt, header 13 pt', () => {
    const runs = paras.flatMap((p) => p.runs);
    expect(runs.length).toBeGreaterThan(30);
    expect(new Set(runs.map((r) => r.font))).toEqual(new Set(['Times New Roman']));
    expect(para('Kính gửi: Sở Tư pháp.').runs[0]?.size).toBe(28);
    expect(para('Số: 04/VP-KSTT').runs[0]?.size).toBe(26);
  });

  it('opens with the header table: issuer, number and trích yếu left; Quốc hiệu, Tiêu ngữ and date right', () => {
    expect(bodyElements(xml)[0]).toBe(header.xml);
    expect(header.xml).toContain('<w:top w:val="none"');
    expect(header.xml).toContain('<w:insideV w:val="none"');
    const [[issuer, nation] = [], [number, date] = []] = header.rows;
    // the Office's own letter (§6.1): its parent body in regular type above, its name in bold
    expect(cellText(issuer)).toBe('UBND TỈNH TÂY NINH\nVĂN PHÒNG\n');
    expect(cellText(nation)).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n');
    expect(cellText(number)).toBe(`Số: 04/VP-KSTT\n${ABSTRACT}`);
    expect(cellText(date)).toBe('Tây Ninh, ngày 15 tháng 02 năm 2021');

    const [parent, name, issuerRule] = issuer ?? [];
    expect(parent?.runs[0]).toMatchObject({ bold: false, italics: false, size: 26 });
    expect(name?.runs[0]).toMatchObject({ bold: true, size: 26 });
    expect([parent?.align, name?.align]).toEqual(['center', 'center']);
    const [national, motto, mottoRule] = nation ?? [];
    expect(national?.runs[0]).toMatchObject({ bold: true, size: 24 });
    expect(motto?.runs[0]).toMatchObject({ bold: true, size: 26 });
    // the short rules: an empty paragraph with a solid top border narrowed by its indents
    for (const rule of [issuerRule, mottoRule]) {
      expect(rule?.xml).toMatch(/<w:pBdr><w:top w:val="single"/);
      expect(Number(attr(rule?.xml ?? '', 'w:ind', 'w:left'))).toBeGreaterThan(500);
    }
    const abstract = number?.[1];
    expect(abstract?.align).toBe('center');
    expect(abstract?.runs[0]).toMatchObject({ bold: false, size: 24 });
    expect(date?.[0]?.runs[0]).toMatchObject({ italics: true, bold: false, size: 28 });
    expect(date?.[0]?.align).toBe('center');
  });

  it('addresses the agency, then cites the plan and the day of the check in justified 14 pt paragraphs', () => {
    expect(para('Kính gửi: Sở Tư pháp.').align).toBe('center');
    const body = paras.filter((p) => attr(p.xml, 'w:ind', 'w:firstLine') === '720');
    expect(body.map((p) => p.text.slice(0, 24))).toEqual([
      'Tại Kế hoạch số 87/KH-UB',
      'Theo dõi của Văn phòng U',
      'Kế hoạch số 87/KH-UBND đ',
      'Đề nghị Sở Tư pháp khẩn ',
    ]);
    for (const p of body) {
      expect(p.align).toBe('both');
      expect(p.runs.every((r) => r.size === 28)).toBe(true);
      expect(attr(p.xml, 'w:spacing', 'w:after')).toBe('120');
      expect(attr(p.xml, 'w:spacing', 'w:line')).toBe('276');
    }
    expect(body[0]?.text).toContain('87/KH-UBND ngày 13/01/2021 về xây dựng Chương trình hành động');
    expect(body[1]?.text).toBe(
      'Theo dõi của Văn phòng UBND tỉnh, đến ngày 15/02/2021, các nhiệm vụ sau đã quá thời hạn ' +
        'nhưng UBND tỉnh chưa nhận được kết quả:',
    );
    expect(body[2]?.text).toBe(`Kế hoạch số 87/KH-UBND đã lưu ý: ${CONSEQUENCE}.`);
    expect(body[3]?.text).toContain('trước ngày 22/02/2021');
    expect(body[3]?.text).toContain('khó khăn, vướng mắc');
    expect(body[3]?.text.endsWith('./.')).toBe(true);
  });

  it('lists the overdue tasks in a bordered table with a repeated bold header row', () => {
    expect(overdue.xml).toContain('<w:top w:val="single"');
    expect(overdue.xml).toContain('<w:insideH w:val="single"');
    const [head, ...rows] = overdue.rows;
    expect(head?.map(cellText)).toEqual(['STT', 'Nhiệm vụ', 'Thời hạn', 'Số ngày quá hạn']);
    expect(head?.every((c) => c[0]?.runs.every((r) => r.bold && r.size === 26))).toBe(true);
    const firstRow = /<w:tr>[\s\S]*?<\/w:trPr>/.exec(overdue.xml)?.[0] ?? '';
    expect(firstRow).toContain('<w:tblHeader/>');
    expect(
      rows.map((r) => [cellText(r[0]), cellText(r[1]).slice(0, 37), cellText(r[2]), cellText(r[3])]),
    ).toEqual([
      ['1', 'Kế hoạch số 87/KH-UBND, nhiệm vụ I.3:', '20/01/2021', '26'],
      ['2', 'Kế hoạch số 87/KH-UBND, nhiệm vụ I.8:', '20/01/2021', '26'],
      ['3', 'Kế hoạch số 87/KH-UBND, nhiệm vụ I.2:', '31/01/2021', '15'],
    ]);
    expect(cellText(rows[0]?.[1])).toContain(I3);
    expect(cellText(rows[2]?.[1])).toContain('Phổ biến, tổ chức quán triệt');
    expect(
      rows
        .flat()
        .flatMap((c) => c.flatMap((p) => p.runs))
        .every((r) => r.size === 26),
    ).toBe(true);
  });

  it('ends with Nơi nhận on the left and the signature block on the right', () => {
    expect(bodyElements(xml).at(-1)).toBe(foot.xml);
    expect(foot.xml).toContain('<w:insideV w:val="none"');
    const [left, right] = foot.rows[0] ?? [];
    const [label, ...items] = left ?? [];
    expect(label?.text).toBe('Nơi nhận:');
    expect(label?.runs[0]).toMatchObject({ bold: true, italics: true, size: 24 });
    expect(items.map((p) => p.text)).toEqual([
      '- Như trên;',
      '- Chủ tịch, các PCT UBND tỉnh (b/c);',
      '- CVP, các PCVP;',
      '- Lưu: VT, KSTT.',
    ]);
    expect(items.every((p) => p.runs[0]?.size === 22)).toBe(true);
    expect(right?.map((p) => p.text)).toEqual([
      'KT. CHÁNH VĂN PHÒNG',
      'PHÓ CHÁNH VĂN PHÒNG',
      'Nguyễn Văn Tâm',
    ]);
    expect(right?.every((p) => p.align === 'center' && p.runs[0]?.bold)).toBe(true);
    expect(Number(attr(right?.[2]?.xml ?? '', 'w:spacing', 'w:before'))).toBeGreaterThanOrEqual(1400);
  });

  it('numbers the pages from the second, centred at the top', async () => {
    const { zip } = await openDocx(bytes);
    const headers = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /^word\/header\d+\.xml$/.test(n))
        .map((n) => zip.file(n)?.async('string') ?? ''),
    );
    expect(headers.filter((h) => /PAGE/.test(h))).toHaveLength(1);
    expect(xml).toMatch(/<w:headerReference w:type="first"/);
  });

  it("reads in order in mammoth's raw text", async () => {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    const order = [
      'UBND TỈNH TÂY NINH',
      'VĂN PHÒNG',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 04/VP-KSTT',
      ABSTRACT,
      'Tây Ninh, ngày 15 tháng 02 năm 2021',
      'Kính gửi: Sở Tư pháp.',
      'Tại Kế hoạch số 87/KH-UBND ngày 13/01/2021',
      'các nhiệm vụ sau đã quá thời hạn',
      'Số ngày quá hạn',
      I3,
      '20/01/2021',
      '26',
      'nhiệm vụ I.8',
      'nhiệm vụ I.2',
      '31/01/2021',
      '15',
      CONSEQUENCE,
      'trước ngày 22/02/2021',
      'Nơi nhận:',
      '- Như trên;',
      '- Lưu: VT, KSTT.',
      'KT. CHÁNH VĂN PHÒNG',
      'PHÓ CHÁNH VĂN PHÒNG',
      'Nguyễn Văn Tâm',
    ];
    let from = 0;
    for (const text of order) {
      const at = value.indexOf(text, from);
      expect(at, `"${text}" after position ${from}`).toBeGreaterThanOrEqual(from);
      from = at + text.length;
    }
  });

  it('lets the Chairman sign for the UBND without "KT." and keeps a given filing line last', async () => {
    const input: ReminderLetterInput = {
      ...sampleReminderLetter(),
      signer: { authority: 'TM. Ủy ban nhân dân', title: 'Chủ tịch', name: 'Nguyễn Thanh Ngọc' },
      recipients: ['- Lưu: VT, VP.UBND tỉnh.', 'Như trên;', 'TT: TU, HĐND tỉnh'],
      consequence: '',
    };
    const doc = (await openDocx(await renderReminderLetter(input))).document;
    const [left, right] = tables(doc)[2]?.rows[0] ?? [];
    expect(right?.map((p) => p.text)).toEqual(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Nguyễn Thanh Ngọc']);
    expect(left?.map((p) => p.text)).toEqual([
      'Nơi nhận:',
      '- Như trên;',
      '- TT: TU, HĐND tỉnh;',
      '- Lưu: VT, VP.UBND tỉnh.',
    ]);
    expect(paragraphs(doc).some((p) => p.text.includes('đã lưu ý'))).toBe(false);
  });
});

describe('reminderLetterText — the text the in-app notice reuses', () => {
  it('gives the trích yếu and the body, one line per task', () => {
    const { abstract, body } = reminderLetterText(sampleReminderLetter());
    expect(abstract).toBe(ABSTRACT);
    expect(body).toHaveLength(7);
    expect(body[0]).toBe(
      `Tại Kế hoạch số 87/KH-UBND ngày 13/01/2021 về xây dựng${PLAN_87.title.slice('Xây dựng'.length)}, ` +
        'UBND tỉnh đã giao Sở Tư pháp chủ trì thực hiện các nhiệm vụ với thời hạn hoàn thành cụ thể.',
    );
    expect(body[2]).toBe(
      `1. Nhiệm vụ I.3 tại Kế hoạch số 87/KH-UBND: ${I3} và đề xuất, kiến nghị mục tiêu, nhiệm vụ, giải pháp ` +
        'trọng tâm thực hiện giai đoạn 2021-2025 gửi UBND tỉnh (thời hạn 20/01/2021, quá hạn 26 ngày).',
    );
    expect(body[3]).toMatch(
      /^2\. Nhiệm vụ I\.8 .* gửi UBND tỉnh \(thời hạn 20\/01\/2021, quá hạn 26 ngày\)\.$/,
    );
    expect(body[4]).toMatch(/^3\. Nhiệm vụ I\.2 .*\(thời hạn 31\/01\/2021, quá hạn 15 ngày\)\.$/);
    expect(body[5]).toBe(`Kế hoạch số 87/KH-UBND đã lưu ý: ${CONSEQUENCE}.`);
  });

  it('cites several plans, of one kind or several, once each', () => {
    const base = sampleReminderLetter();
    const plan120 = { number: '120/KH-UBND', issuedOn: '2021-03-02', title: 'Triển khai Đề án 06 năm 2021' };
    const decision = {
      number: '03/QĐ-UBND',
      issuedOn: '2021-01-04',
      title: 'Chương trình công tác năm 2021.',
    };
    const item = (plan: string, task: string) => ({
      agency: 'Sở Tư pháp',
      plan,
      task,
      content: 'Báo cáo',
      dueOn: '2021-03-31',
      daysOverdue: 5,
    });
    const two = reminderLetterText({
      ...base,
      plans: [PLAN_87, plan120, PLAN_87],
      items: [...base.items, item('120/KH-UBND', '2')],
    });
    expect(two.abstract).toBe('V/v đôn đốc thực hiện nhiệm vụ tại các Kế hoạch số 87/KH-UBND, 120/KH-UBND');
    expect(two.body[0]).toMatch(
      /^Tại Kế hoạch số 87\/KH-UBND ngày 13\/01\/2021 về xây dựng .*; Kế hoạch số 120\/KH-UBND ngày 02\/03\/2021 về triển khai Đề án 06 năm 2021, UBND tỉnh đã giao/,
    );
    expect(two.body).toContain(`Các văn bản nêu trên đã lưu ý: ${CONSEQUENCE}.`);
    expect(two.body).toContain(
      '4. Nhiệm vụ 2 tại Kế hoạch số 120/KH-UBND: Báo cáo (thời hạn 31/03/2021, quá hạn 5 ngày).',
    );

    const mixed = reminderLetterText({
      ...base,
      plans: [PLAN_87, plan120, decision],
      items: [item('03/QĐ-UBND', '1')],
    });
    expect(mixed.abstract).toBe(
      'V/v đôn đốc thực hiện nhiệm vụ tại các Kế hoạch số 87/KH-UBND, 120/KH-UBND và Quyết định số 03/QĐ-UBND',
    );
    expect(mixed.body[0]).toContain(
      '; Quyết định số 03/QĐ-UBND ngày 04/01/2021 về chương trình công tác năm 2021,',
    );
    expect(mixed.body[1]).toContain('nhiệm vụ sau đã quá thời hạn'); // one task: singular
    expect(mixed.body.at(-1)).toMatch(/^Đề nghị Sở Tư pháp khẩn trương hoàn thành nhiệm vụ nêu trên/);
  });
});
