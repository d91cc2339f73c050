/**
 * The correction notice (docs/domain-rules.md §6.1): a reminder withdrawn after the letter that carried
 * it was issued (its result was received on time, or the task cancelled in time) is corrected in
 * writing to the agency, as a công văn laid out like the letter. Pure: input in, .docx out (its text:
 * correction-text.ts).
 */
import type { Paragraph, Table } from 'docx';
import { type CorrectionNoticeInput, correctionParts } from './correction-text.ts';
import { line, renderOfficialDocx, SIZE } from './docx-style.ts';
import { bodyParagraph, footTable, headerTable, salutation } from './letter-blocks.ts';

export { type CorrectionNoticeInput, correctionNoticeText, correctionParts } from './correction-text.ts';

export async function renderCorrectionNotice(input: CorrectionNoticeInput): Promise<Uint8Array> {
  const parts = correctionParts(input);
  const children: (Paragraph | Table)[] = [
    headerTable(input, parts),
    ...salutation(parts.salutation),
    ...parts.body.map((text, i) => bodyParagraph(text, i === parts.body.length - 1)),
    line('', { size: SIZE.body }, { keepNext: true }),
    footTable(input, parts),
  ];
  return renderOfficialDocx({
    creator: `${input.issuer.parent} ${input.issuer.name}`.replace(/\s+/gu, ' ').trim(),
    title: `${parts.numberLine} — ${parts.abstract}`,
    children,
  });
}
