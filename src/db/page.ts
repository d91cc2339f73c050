import { type SelectQueryBuilder, sql } from 'kysely';

/** Which page of a list to read: `page` counts from 1. */
export interface PageRequest {
  page: number;
  pageSize: number;
}

/**
 * One page of a list and the count of all its rows, from one filtered query: `base` holds the FROM,
 * joins and WHERE that both share, `pick` adds the columns and the order of the rows shown.
 */
export async function selectPage<DB, TB extends keyof DB, O, Row>(
  base: SelectQueryBuilder<DB, TB, O>,
  page: PageRequest,
  pick: (query: SelectQueryBuilder<DB, TB, O>) => SelectQueryBuilder<DB, TB, Row>,
): Promise<{ rows: Row[]; total: number }> {
  // Kysely cannot name the selected column over a generic DB, hence the cast; count(*) is a bigint.
  const { total } = await base
    .select(sql<number>`count(*)`.as('total'))
    .$castTo<{ total: number | string }>()
    .executeTakeFirstOrThrow();
  const rows = await pick(base)
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  return { rows, total: Number(total) };
}

/** A page as every list answers it: `{ items, total, page, pageSize }` (pageOf in shared/schemas/common.ts). */
export function pageAnswer<Item>(page: PageRequest, items: Item[], total: number) {
  return { items, total, page: page.page, pageSize: page.pageSize };
}
