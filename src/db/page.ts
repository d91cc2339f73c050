import { type SelectQueryBuilder, sql } from 'kysely';

/** Which page of a list to read: `page` counts from 1. */
export interface PageRequest {
  page: number;
  pageSize: number;
}

/** The column of the page's rows holding the count of the whole list (selectPage). */
const PAGE_TOTAL = '__page_total';

/**
 * One page of a list and the count of all its rows, from one filtered query: `base` holds the FROM,
 * joins and WHERE that both share, `pick` adds the columns and the order of the rows shown.
 * One statement: the count is a column of the page's rows (an uncorrelated scalar subquery, which
 * PostgreSQL runs once as an InitPlan, planned as the count alone was), so a list costs one round
 * trip, not two (issue #18). Only an empty page past the first asks for the count on its own.
 */
export async function selectPage<DB, TB extends keyof DB, O, Row>(
  base: SelectQueryBuilder<DB, TB, O>,
  page: PageRequest,
  pick: (query: SelectQueryBuilder<DB, TB, O>) => SelectQueryBuilder<DB, TB, Row>,
): Promise<{ rows: Row[]; total: number }> {
  // Kysely cannot name the selected column over a generic DB, hence the casts; count(*) is a bigint.
  const count = base.select(sql<number>`count(*)`.as('total'));
  const counted = await pick(base)
    .select(() => count.as(PAGE_TOTAL) as never)
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .$castTo<Row & { [PAGE_TOTAL]: number | string }>()
    .execute();
  const first = counted[0];
  if (!first) {
    // nothing on the first page: nothing at all; past it, the count says how many there are
    if (page.page <= 1) return { rows: [], total: 0 };
    const { total } = await count.$castTo<{ total: number | string }>().executeTakeFirstOrThrow();
    return { rows: [], total: Number(total) };
  }
  const total = Number(first[PAGE_TOTAL]);
  const rows = counted.map((row) => {
    const { [PAGE_TOTAL]: _total, ...rest } = row;
    return rest as unknown as Row;
  });
  return { rows, total };
}

/** A page as every list answers it: `{ items, total, page, pageSize }` (pageOf in shared/schemas/common.ts). */
export function pageAnswer<Item>(page: PageRequest, items: Item[], total: number) {
  return { items, total, page: page.page, pageSize: page.pageSize };
}
