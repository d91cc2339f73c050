import { z } from 'zod';
import { ctx, type ZodApp } from '../../server/http.ts';
import { moduleRoutes } from '../../server/route.ts';
import {
  IdParams,
  IndexQuery,
  LinkBody,
  LinkQuery,
  LinkSchema,
  OwnerBody,
  OwnerSchema,
  TargetBody,
  TargetSchema,
} from '../../shared/schemas/indices.ts';
import {
  deleteIndexOwner,
  deleteIndexTarget,
  listIndexOwners,
  listIndexTargets,
  saveIndexTarget,
  setIndexOwner,
} from './indices-config.service.ts';
import { createIndexLink, deleteIndexLink, listIndexLinks } from './indices-links.service.ts';

/** Mục tiêu, cơ quan chủ trì và liên kết nhiệm vụ của các chỉ số. */
export async function indicesConfigRoutes(app: ZodApp) {
  const route = moduleRoutes(app, 'indices');

  route.get('/indices/targets', {
    summary:
      'Mục tiêu chỉ số (targets: score, rank/top-N, group, per year range; component null = whole index)',
    querystring: IndexQuery,
    response: { 200: z.array(TargetSchema) },
    handler: async (request) => listIndexTargets(ctx(request), request.query.index),
  });

  route.post('/indices/targets', {
    summary: 'Đặt mục tiêu — the Office, or the owner agency where the Office allows it',
    body: TargetBody,
    response: { 201: TargetSchema },
    handler: async (request) => saveIndexTarget(ctx(request), request.body),
  });

  route.put('/indices/targets/:id', {
    summary: 'Sửa mục tiêu (replace)',
    params: IdParams,
    body: TargetBody,
    response: { 200: TargetSchema },
    handler: async (request) => saveIndexTarget(ctx(request), request.body, request.params.id),
  });

  route.delete('/indices/targets/:id', {
    summary: 'Xóa mục tiêu',
    params: IdParams,
    response: { 204: z.null() },
    handler: async (request) => deleteIndexTarget(ctx(request), request.params.id),
  });

  route.get('/indices/owners', {
    summary: 'Cơ quan chủ trì theo dõi chỉ số (owner agency per index and per component)',
    querystring: IndexQuery,
    response: { 200: z.array(OwnerSchema) },
    handler: async (request) => listIndexOwners(ctx(request), request.query.index),
  });

  route.put('/indices/owners', {
    summary:
      'Giao cơ quan chủ trì for an index or component (replaces it); ownerCanEdit lets that agency enter results and targets',
    body: OwnerBody,
    response: { 200: OwnerSchema },
    handler: async (request) => setIndexOwner(ctx(request), request.body),
  });

  route.delete('/indices/owners/:id', {
    summary: 'Bỏ cơ quan chủ trì',
    params: IdParams,
    response: { 204: z.null() },
    handler: async (request) => deleteIndexOwner(ctx(request), request.params.id),
  });

  route.get('/indices/links', {
    summary: 'Liên kết: plans, tasks, assignments serving an index or component (filter by any)',
    querystring: LinkQuery,
    response: { 200: z.array(LinkSchema) },
    handler: async (request) => listIndexLinks(ctx(request), request.query),
  });

  route.post('/indices/links', {
    summary:
      'Gắn kế hoạch / nhiệm vụ / nhiệm vụ được giao với chỉ số (exactly one of planId, taskId, assignmentId)',
    body: LinkBody,
    response: { 201: LinkSchema },
    handler: async (request) => createIndexLink(ctx(request), request.body),
  });

  route.delete('/indices/links/:id', {
    summary: 'Bỏ liên kết',
    params: IdParams,
    response: { 204: z.null() },
    handler: async (request) => deleteIndexLink(ctx(request), request.params.id),
  });
}
