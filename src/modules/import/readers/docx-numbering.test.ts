import { AlignmentType, Document, LevelFormat, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../plan-text.ts';
import { listLabel, type NumberingXml, readListNumbering } from './docx-numbering.ts';
import { docxToPlanText } from './docx-reader.ts';

const el = (name: string, attrs: Record<string, string> = {}, ...children: NumberingXml[]): NumberingXml => ({
  name,
  attrs: new Map(Object.entries(attrs)),
  children,
});
const pPr = (numId: string, ilvl = '0') =>
  el('w:pPr', {}, el('w:numPr', {}, el('w:ilvl', { val: ilvl }), el('w:numId', { val: numId })));

/** A prose plan whose "I.", "1.", "a)" and "-" come from Word's list numbering, not from its text. */
async function numberedPlan(): Promise<Uint8Array> {
  const level = (index: number, format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string) => ({
    level: index,
    format,
    text,
    alignment: AlignmentType.LEFT,
  });
  const item = (text: string, reference: string, lvl: number) =>
    new Paragraph({ text, numbering: { reference, level: lvl } });
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'plan',
          levels: [
            level(0, LevelFormat.UPPER_ROMAN, '%1.'),
            level(1, LevelFormat.DECIMAL, '%2.'),
            level(2, LevelFormat.LOWER_LETTER, '%3)'),
          ],
        },
        { reference: 'dash', levels: [level(0, LevelFormat.BULLET, '-')] },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph('Số: 15/KH-UBND'),
          new Paragraph('Tây Ninh, ngày 02 tháng 3 năm 2021'),
          new Paragraph('KẾ HOẠCH'),
          new Paragraph('Cải cách hành chính năm 2021'),
          item('MỤC ĐÍCH, YÊU CẦU', 'plan', 0),
          item('Mục đích', 'plan', 1),
          item('NHIỆM VỤ', 'plan', 0),
          item('Cải cách thể chế', 'plan', 1),
          item('Rà soát văn bản quy phạm pháp luật', 'plan', 2),
          item('Cơ quan chủ trì: Sở Tư pháp.', 'dash', 0),
          item('Thời hạn: Quý II/2021.', 'dash', 0),
          item('Kiểm tra văn bản', 'plan', 2),
          item('Cơ quan chủ trì: Sở Tư pháp.', 'dash', 0),
          item('Thời hạn: Quý III/2021.', 'dash', 0),
          item('Kiện toàn bộ máy; giao Sở Nội vụ chủ trì, hoàn thành trước ngày 30/6/2021.', 'plan', 1),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('Word list numbering', () => {
  it('writes the labels Word shows before numbered paragraphs, counting per level', async () => {
    const text = await docxToPlanText(await numberedPlan());
    expect(text.split('\n').filter((line) => /^(?:[IVX]+\.|\d+\.|[a-z]\)|-) /u.test(line))).toEqual([
      'I. MỤC ĐÍCH, YÊU CẦU',
      '1. Mục đích',
      'II. NHIỆM VỤ',
      '1. Cải cách thể chế',
      'a) Rà soát văn bản quy phạm pháp luật',
      '- Cơ quan chủ trì: Sở Tư pháp.',
      '- Thời hạn: Quý II/2021.',
      'b) Kiểm tra văn bản',
      '- Cơ quan chủ trì: Sở Tư pháp.',
      '- Thời hạn: Quý III/2021.',
      '2. Kiện toàn bộ máy; giao Sở Nội vụ chủ trì, hoàn thành trước ngày 30/6/2021.',
    ]);
  });

  it('so a prose plan numbered by Word reads as one typed by hand', async () => {
    const plan = parsePlanText(await docxToPlanText(await numberedPlan()));
    expect(plan.tasks.map((t) => [`${t.sectionCode}.${t.no}`, t.leadText, t.deadlineText])).toEqual([
      ['II.1a', 'Sở Tư pháp', 'Quý II/2021.'],
      ['II.1b', 'Sở Tư pháp', 'Quý III/2021.'],
      ['II.2', 'Sở Nội vụ', 'trước ngày 30/6/2021'],
    ]);
  });

  it('continues a list across its instances, restarts one that says so, and ignores unknown lists', () => {
    const lvl = el(
      'w:lvl',
      { ilvl: '0' },
      el('w:numFmt', { val: 'decimal' }),
      el('w:lvlText', { val: '%1.' }),
    );
    const restart = el('w:lvlOverride', { ilvl: '0' }, el('w:startOverride', { val: '1' }));
    const numbering = readListNumbering(
      el(
        '#root',
        {},
        el(
          'w:numbering',
          {},
          el('w:abstractNum', { abstractNumId: '7' }, lvl),
          el('w:num', { numId: '1' }, el('w:abstractNumId', { val: '7' })),
          el('w:num', { numId: '2' }, el('w:abstractNumId', { val: '7' })),
          el('w:num', { numId: '3' }, el('w:abstractNumId', { val: '7' }), restart),
        ),
      ),
    );
    const labels = ['1', '1', '2', '3', '3', '9'].map((numId) => listLabel(numbering, pPr(numId)));
    expect(labels).toEqual(['1.', '2.', '3.', '1.', '2.', '']);
    expect(listLabel(numbering, el('w:pPr'))).toBe('');
  });
});
