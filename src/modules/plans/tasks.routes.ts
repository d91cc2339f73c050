import { ctx, type ZodApp } from '../../server/http.ts';
import { IdParamsSchema } from '../../shared/schemas/common.ts';
import {
  CancelBodySchema,
  TaskPatchSchema,
  TaskViewSchema,
  UpdatedTaskSchema,
} from '../../shared/schemas/plan.ts';
import { cancelTask, updateTask } from './tasks.service.ts';

/** Nhiệm vụ: the Office's edits of one task of a plan (registered by plansRoutes). */
export async function tasksRoutes(app: ZodApp) {
  app.patch(
    '/tasks/:id',
    {
      schema: {
        summary:
          'Sửa nhiệm vụ (content, note, the Office’s due date for its open assignments; `version` required, 409 if stale)',
        tags: ['plans'],
        params: IdParamsSchema,
        body: TaskPatchSchema,
        response: { 200: UpdatedTaskSchema },
      },
    },
    async (request) => updateTask(ctx(request), request.params.id, request.body),
  );

  app.post(
    '/tasks/:id/cancel',
    {
      schema: {
        summary: 'Hủy nhiệm vụ (withdraw one task from a date: its assignments become cancelled)',
        tags: ['plans'],
        params: IdParamsSchema,
        body: CancelBodySchema.nullish(),
        response: { 200: TaskViewSchema },
      },
    },
    async (request) => cancelTask(ctx(request), request.params.id, request.body ?? {}),
  );
}
