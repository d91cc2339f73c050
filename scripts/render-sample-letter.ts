/**
 * Writes the sample letters (docs/domain-rules.md §6.1) to docs/samples as .docx and, to look at them
 * as the recipient would, as PDF and PNGs: through LibreOffice when installed (the .docx itself), else
 * through the reports' PDF writer (src/modules/reports/report-pdf.ts, the same blocks and layout), then
 * pdftoppm (poppler) at 60 dpi.
 *   node --import tsx scripts/render-sample-letter.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatVietnameseDate } from '../src/domain/dates.ts';
import { correctionParts, renderCorrectionNotice } from '../src/modules/letters/correction-notice.ts';
import { OVERDUE_HEADINGS, romanNumeral } from '../src/modules/letters/letter-blocks.ts';
import type { ReminderLetterInput } from '../src/modules/letters/letter-input.ts';
import { letterParts } from '../src/modules/letters/letter-text.ts';
import { renderReminderLetter } from '../src/modules/letters/reminder-letter.ts';
import {
  sampleCombinedLetter,
  sampleCorrectionNotice,
  sampleReminderLetter,
} from '../src/modules/letters/sample-letter.ts';
import { renderReportPdf } from '../src/modules/reports/report-pdf.ts';
import type { Block, ReportDocument } from '../src/modules/reports/report-text.ts';

const DIR = 'docs/samples';

function hasLibreOffice(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The overdue table as the reports' PDF writer draws it: agency rows (I, II, …) when several. */
function overdueBlock(input: ReminderLetterInput): Block {
  const [stt = '', task = '', due = '', days = ''] = OVERDUE_HEADINGS;
  const several = input.addressees.length > 1;
  const agencies = [...new Set(input.items.map((i) => i.agency))];
  const rows = agencies.flatMap((agency, g) => [
    ...(several ? [[romanNumeral(g + 1), agency, '', '']] : []),
    ...input.items
      .filter((i) => i.agency === agency)
      .map((i, n) => [
        String(n + 1),
        `Kế hoạch số ${i.plan}, nhiệm vụ ${i.task}: ${i.content.trim()}`,
        formatVietnameseDate(i.dueOn),
        String(i.daysOverdue),
      ]),
  ]);
  return {
    kind: 'table',
    columns: [
      { title: stt, width: 1.5, align: 'center' },
      { title: task, width: 9.5, align: 'left' },
      { title: due, width: 2.75, align: 'center' },
      { title: days, width: 2.75, align: 'center' },
    ],
    rows,
  };
}

type Common = Pick<ReminderLetterInput, 'issuer' | 'signer'>;
const para = (text: string): Block => ({ kind: 'para', text });

function asPdfDocument(
  input: Common,
  parts: {
    numberLine: string;
    abstract: string;
    placeAndDate: string;
    salutation: string[];
    recipientLines: string[];
  },
  blocks: Block[],
): ReportDocument {
  return {
    issuer: input.issuer,
    numberLine: parts.numberLine,
    abstract: parts.abstract,
    placeAndDate: parts.placeAndDate,
    title: '',
    subtitle: [],
    addressee: parts.salutation.join('\n'),
    blocks,
    signer: input.signer,
    recipientLines: parts.recipientLines,
    annexes: [],
    documentTitle: parts.abstract,
  };
}

async function write(name: string, docx: Uint8Array, pdf: () => Promise<Uint8Array>) {
  const file = join(DIR, `${name}.docx`);
  writeFileSync(file, docx);
  if (hasLibreOffice()) {
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', DIR, file], {
      stdio: 'inherit',
    });
  } else {
    writeFileSync(join(DIR, `${name}.pdf`), await pdf());
  }
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '60',
    '-f',
    '1',
    '-l',
    '2',
    join(DIR, `${name}.pdf`),
    join(DIR, name),
  ]);
  console.log(`wrote ${file}, ${name}.pdf and ${name}-*.png`);
}

mkdirSync(DIR, { recursive: true });

for (const [name, input] of [
  ['cong-van-don-doc-mau', sampleReminderLetter()],
  ['cong-van-don-doc-nhieu-co-quan-du-thao', sampleCombinedLetter()],
] as const) {
  const parts = letterParts(input);
  const blocks = [
    para(parts.opening),
    para(parts.lead),
    overdueBlock(input),
    ...(parts.consequence === '' ? [] : [para(parts.consequence)]),
    para(parts.request),
  ];
  await write(name, await renderReminderLetter(input), () =>
    renderReportPdf(asPdfDocument(input, parts, blocks)),
  );
}

const correction = sampleCorrectionNotice();
const cParts = correctionParts(correction);
await write('cong-van-dieu-chinh-mau', await renderCorrectionNotice(correction), () =>
  renderReportPdf(asPdfDocument(correction, cParts, cParts.body.map(para))),
);
