/**
 * The reminder letter (công văn đôn đốc, issue #5, #14 §2): one letter a sweep day to the agencies
 * concerned (or one per agency), listing their newly overdue tasks and the plan's consequence sentence, laid out as Nghị định 30/2020/NĐ-CP
 * (Phụ lục I) lays out a công văn. Pure: input in, .docx bytes out; no I/O, no clock.
 */
import type { Paragraph, Table } from 'docx';
import { line, renderOfficialDocx, SIZE } from './docx-style.ts';
import { bodyParagraph, footTable, headerTable, overdueTable, salutation } from './letter-blocks.ts';
import type { ReminderLetterInput } from './letter-input.ts';
import { type LetterParts, letterParts } from './letter-text.ts';

export { reminderLetterText } from './letter-text.ts';

export type { ReminderLetterInput };

/** NĐ 30: pages numbered from the second, centred in the top margin, 13–14 pt; none on the first. */
function letterChildren(input: ReminderLetterInput, parts: LetterParts): (Paragraph | Table)[] {
  return [
    headerTable(input, parts),
    ...salutation(parts.salutation),
    bodyParagraph(parts.opening),
    bodyParagraph(parts.lead),
    overdueTable(input),
    line('', { size: 8 }, { after: 120 }),
    ...(parts.consequence === '' ? [] : [bodyParagraph(parts.consequence)]),
    bodyParagraph(parts.request, true),
    line('', { size: SIZE.body }, { keepNext: true }),
    footTable(input, parts),
  ];
}

/** Renders the letter as .docx bytes. */
export async function renderReminderLetter(input: ReminderLetterInput): Promise<Uint8Array> {
  const parts = letterParts(input);
  return renderOfficialDocx({
    creator: `${input.issuer.parent} ${input.issuer.name}`.replace(/\s+/gu, ' ').trim(),
    title: `${parts.numberLine} — ${parts.abstract}`,
    children: letterChildren(input, parts),
  });
}
