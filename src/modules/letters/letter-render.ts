import type { CorrectionNoticeInput } from './correction-text.ts';
import type { ReminderLetterInput } from './letter-input.ts';

/**
 * The letters' .docx renderers, each loaded when a letter is first rendered: the docx package stays out
 * of the server's and the CLI's start, which load the sweep and the letters' routes but render nothing
 * (issue #18, docs/benchmarks.md). Their text halves (letter-text.ts, correction-text.ts) load as usual.
 */
export async function renderReminderLetter(input: ReminderLetterInput): Promise<Uint8Array> {
  return (await import('./reminder-letter.ts')).renderReminderLetter(input);
}

export async function renderCorrectionNotice(input: CorrectionNoticeInput): Promise<Uint8Array> {
  return (await import('./correction-notice.ts')).renderCorrectionNotice(input);
}
