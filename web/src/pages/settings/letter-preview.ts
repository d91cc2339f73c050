/**
 * The few rules of the reminder letter's text the preview needs, as src/modules/letters/letter-text.ts
 * applies them (kept in step by hand: the web does not import server code).
 */

/** NĐ 30/2020: days below 10 and the months 1 and 2 take a leading zero. '2021-02-05' → 'ngày 05 tháng 02 năm 2021'. */
export function dateInWords(date: string): string {
  const [year = '', month = '1', day = '1'] = date.split('-');
  const m = Number(month);
  return `ngày ${day.padStart(2, '0')} tháng ${m <= 2 ? String(m).padStart(2, '0') : String(m)} năm ${year}`;
}

function withoutFinalStop(text: string): string {
  return text.trim().replace(/[\s.;]+$/u, '');
}

/** Nơi nhận as printed: '- Như trên;' … ending with the filing line '- Lưu: VT, VP.' (added when missing). */
export function recipientLines(recipients: string[], division = 'VP'): string[] {
  const clean = recipients
    .map((r) => withoutFinalStop((r ?? '').replace(/^\s*[-–•]\s*/u, '')))
    .filter((r) => r !== '');
  const isFiling = (r: string) => /^lưu\s*:/iu.test(r);
  const filing = clean.filter(isFiling).at(-1) ?? `Lưu: VT, ${division}`;
  const list = [...clean.filter((r) => !isFiling(r)), filing];
  return list.map((r, i) => `- ${r}${i === list.length - 1 ? '.' : ';'}`);
}
