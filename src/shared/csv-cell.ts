/**
 * Ô CSV an toàn — the one escaper of every CSV dondoc writes (issue #16, finding 3). A spreadsheet
 * runs a cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return as a formula
 * (`-2+3+cmd|' /C calc'!A0`, `=HYPERLINK(…)`), and some also read the full-width forms
 * (＝ ＋ － ＠); such a text gets a leading apostrophe, as OWASP's CSV-injection advice says.
 * Numbers stay numbers: only text is defused.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/u;

export function defuseCsvText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** RFC 4180: quoted when it holds a comma, semicolon, quote, CR or LF; quotes doubled. */
export function quoteCsvField(text: string): string {
  return /[",;\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}
