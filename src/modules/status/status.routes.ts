import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parseAsOf } from '../../shared/as-of.ts';
import { AppError } from '../../shared/errors.ts';
import { resolveAuthority } from '../directory/directory.service.ts';
import { getStatus, listWrittenReminders } from './status.service.ts';

const StatusQuery = z.object({
  asOf: z.string().optional(),
  plan: z.string().optional(),
  authority: z.string().optional(),
});

/** GET /api/status and /api/reminders: the same answers as `dondoc status|reminders --json`. */
export async function statusRoutes(app: FastifyInstance) {
  app.get('/status', async (request) => {
    const query = parseQuery(request.query);
    const authority = await resolveAuthority(app.deps.db, query.authority);
    const asOf = parseAsOf(query.asOf, authority.time_zone);
    return getStatus(app.deps.db, authority.id, { asOf, plan: query.plan });
  });

  app.get('/reminders', async (request) => {
    const query = parseQuery(request.query);
    const authority = await resolveAuthority(app.deps.db, query.authority);
    const asOf = parseAsOf(query.asOf, authority.time_zone);
    const rows = await listWrittenReminders(app.deps.db, authority.id, { asOf, plan: query.plan });
    return { asOf, reminders: rows };
  });
}

function parseQuery(query: unknown) {
  const parsed = StatusQuery.safeParse(query);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', 'Tham số truy vấn không hợp lệ.');
  return parsed.data;
}
