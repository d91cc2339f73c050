import { ctx, type ZodApp } from '../../server/http.ts';
import { moduleRoutes } from '../../server/route.ts';
import { IdParamsSchema } from '../../shared/schemas/common.ts';
import {
  CancelBodySchema,
  LeaderListSchema,
  TaskPatchSchema,
  TaskViewSchema,
  UpdatedTaskSchema,
} from '../../shared/schemas/plan.ts';
import { listLeadersFor } from './task-leaders.ts';
import { cancelTask, updateTask } from './tasks.service.ts';

/** Nhiệm vụ: the Office's edits of one task of a plan (registered by plansRoutes). */
export async function tasksRoutes(app: ZodApp) {
  const route = moduleRoutes(app, 'plans');

  route.patch('/tasks/:id', {
    summary:
      'Sửa nhiệm vụ (content, note, the Office’s due date for its open assignments; `version` required, 409 if stale)',
    params: IdParamsSchema,
    body: TaskPatchSchema,
    response: { 200: UpdatedTaskSchema },
    handler: async (request) => updateTask(ctx(request), request.params.id, request.body),
  });

  route.get('/leaders', {
    summary: 'Lãnh đạo UBND tỉnh (the leader accounts a task can be put in the charge of)',
    response: { 200: LeaderListSchema },
    handler: async (request) => listLeadersFor(ctx(request)),
  });

  route.post('/tasks/:id/cancel', {
    summary: 'Hủy nhiệm vụ (withdraw one task from a date: its assignments become cancelled)',
    params: IdParamsSchema,
    body: CancelBodySchema.nullish(),
    response: { 200: TaskViewSchema },
    handler: async (request) => cancelTask(ctx(request), request.params.id, request.body ?? {}),
  });
}
