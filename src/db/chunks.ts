/**
 * PostgreSQL takes at most 65,535 parameters per statement: a multi-row insert of a province's
 * backlog (tens of thousands of reminders on the first sweep, say) must go in slices. 1,000 rows of
 * up to 10 columns stay well below the limit.
 */
export const ROWS_PER_STATEMENT = 1_000;

/** Runs `write` on consecutive slices of `rows` and concatenates what each returns. */
export async function inSlices<T, R>(
  rows: readonly T[],
  write: (slice: T[]) => Promise<R[]>,
  size = ROWS_PER_STATEMENT,
): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < rows.length; i += size) out.push(...(await write(rows.slice(i, i + size))));
  return out;
}
