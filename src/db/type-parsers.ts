/**
 * The same value types from both drivers: int8 and numeric → number (ids, counts, scores),
 * date → 'YYYY-MM-DD' string (calendar dates, never shifted by a time zone).
 */
export const PG_OID = { INT8: 20, NUMERIC: 1700, DATE: 1082 } as const;

export const typeParsers: Record<number, (value: string) => unknown> = {
  [PG_OID.INT8]: (value) => Number(value),
  [PG_OID.NUMERIC]: (value) => Number(value),
  [PG_OID.DATE]: (value) => value,
};
