import { z } from 'zod';
import { AssignmentRequestFields, IdTextSchema, PageQuerySchema, pageOf } from './common.ts';
import { OBSTACLE_TEXT_MAX } from './limits.ts';

/** The contracts of the obstacles routes: agencies report them, the Office or leadership answers. */

export const ObstacleStatusSchema = z.enum(['open', 'answered']);

export const ObstacleSchema = z.object({
  ...AssignmentRequestFields,
  role: z.enum(['lead', 'support']),
  reportedOn: z.string(),
  description: z.string(),
  proposal: z.string(),
  status: ObstacleStatusSchema,
  response: z.string().nullable(),
  respondedOn: z.string().nullable(),
  respondedBy: z.string().nullable(),
});

export const ObstacleReportBodySchema = z.object({
  description: z.string().trim().min(1).max(OBSTACLE_TEXT_MAX),
  proposal: z.string().trim().max(OBSTACLE_TEXT_MAX).optional(),
});

export const ObstacleListQuerySchema = PageQuerySchema.extend({
  status: ObstacleStatusSchema.optional(),
  assignmentId: IdTextSchema.optional(),
});

export const ObstacleListSchema = pageOf(ObstacleSchema);

export const ObstacleResponseBodySchema = z.object({
  response: z.string().trim().min(1).max(OBSTACLE_TEXT_MAX),
});

export type ObstacleStatus = z.infer<typeof ObstacleStatusSchema>;
export type ObstacleItem = z.infer<typeof ObstacleSchema>;
export type ObstacleList = z.infer<typeof ObstacleListSchema>;
export type ObstacleReportBody = z.infer<typeof ObstacleReportBodySchema>;
export type ObstacleResponseBody = z.infer<typeof ObstacleResponseBodySchema>;
