import { serviceContext, type ZodApp } from '../../server/http.ts';
import { moduleRoutes } from '../../server/route.ts';
import { ReorganisationBody, ReorganisationReplySchema } from '../../shared/schemas/reorganisation.ts';
import { reorganise } from './reorganisation.service.ts';

/** Sắp xếp tổ chức bộ máy: open assignments of an agency pass to its successors on a date. */
export async function reorganisationRoutes(app: ZodApp) {
  const route = moduleRoutes(app, 'directory');

  route.post('/reorganisations', {
    summary:
      'Sắp xếp (reorganise): move the open assignments of an agency to its successors on a date, split by task',
    description:
      'Assignments due on or after effectiveOn (or ongoing) move; those already overdue stay with the agency ' +
      'that held them at their deadline, with their written reminder. A move with taskIds takes those tasks; ' +
      'the one move without taskIds takes the rest. The from-agency ends on effectiveOn; successors are recorded.',
    body: ReorganisationBody,
    response: { 200: ReorganisationReplySchema },
    handler: async (request) => reorganise(serviceContext(request), request.body),
  });
}
