import { everyone } from './allow.ts';
import { listRoute } from './entry.ts';
import { planRow } from './plans.matrix.ts';
import type { MatrixContext, MatrixEntry } from './types.ts';

/** Keys and values that only internal pages may carry: notes, files, results, obstacles, users. */
const INTERNAL_KEYS = new Set([
  'note',
  'documentNumber',
  'document_number',
  'files',
  'fileName',
  'obstacles',
  'description',
  'reason',
  'username',
  'displayName',
  'decidedBy',
  'results',
]);
const INTERNAL_TEXT = ['Đầu mối', 'vanphong', 'quantri', 'lanhdao'];

function hasInternalKey(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasInternalKey);
  if (value && typeof value === 'object') {
    return Object.entries(value).some(([key, item]) => INTERNAL_KEYS.has(key) || hasInternalKey(item));
  }
  return false;
}

/**
 * The transparency page is public by design: UBND-TN's plan progress is for everyone, UBND-BD's office
 * included, so "leaking" here means showing what is not public (internal fields, user names).
 */
export const leaksInternalData = (body: unknown) =>
  hasInternalKey(body) || INTERNAL_TEXT.some((text) => JSON.stringify(body).includes(text));

const seedPlanId = async ({ db, world }: MatrixContext) => (await planRow(db, world.authorityId)).id;

/** Public transparency routes: public.read, no sign-in needed, the same answer for everyone. */
export const entries: MatrixEntry[] = [
  listRoute('GET', '/api/public/authorities', everyone, leaksInternalData),
  listRoute(
    'GET',
    '/api/public/authorities/:code/plans',
    everyone,
    leaksInternalData,
    '/api/public/authorities/UBND-TN/plans',
  ),
  listRoute('GET', '/api/public/plans/:id', everyone, leaksInternalData, async (ctx) => ({
    url: `/api/public/plans/${await seedPlanId(ctx)}`,
  })),
];
