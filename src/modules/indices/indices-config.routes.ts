import { z } from 'zod';
import { ctx, type ZodApp } from '../../server/http.ts';
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
  app.get(
    '/indices/targets',
    {
      schema: {
        summary:
          'Mục tiêu chỉ số (targets: score, rank/top-N, group, per year range; component null = whole index)',
        tags: ['indices'],
        querystring: IndexQuery,
        response: { 200: z.array(TargetSchema) },
      },
    },
    async (request) => listIndexTargets(ctx(request), request.query.index),
  );

  app.post(
    '/indices/targets',
    {
      schema: {
        summary: 'Đặt mục tiêu — the Office, or the owner agency where the Office allows it',
        tags: ['indices'],
        body: TargetBody,
        response: { 201: TargetSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await saveIndexTarget(ctx(request), request.body)),
  );

  app.put(
    '/indices/targets/:id',
    {
      schema: {
        summary: 'Sửa mục tiêu (replace)',
        tags: ['indices'],
        params: IdParams,
        body: TargetBody,
        response: { 200: TargetSchema },
      },
    },
    async (request) => saveIndexTarget(ctx(request), request.body, request.params.id),
  );

  app.delete(
    '/indices/targets/:id',
    {
      schema: { summary: 'Xóa mục tiêu', tags: ['indices'], params: IdParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await deleteIndexTarget(ctx(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/indices/owners',
    {
      schema: {
        summary: 'Cơ quan chủ trì theo dõi chỉ số (owner agency per index and per component)',
        tags: ['indices'],
        querystring: IndexQuery,
        response: { 200: z.array(OwnerSchema) },
      },
    },
    async (request) => listIndexOwners(ctx(request), request.query.index),
  );

  app.put(
    '/indices/owners',
    {
      schema: {
        summary:
          'Giao cơ quan chủ trì for an index or component (replaces it); ownerCanEdit lets that agency enter results and targets',
        tags: ['indices'],
        body: OwnerBody,
        response: { 200: OwnerSchema },
      },
    },
    async (request) => setIndexOwner(ctx(request), request.body),
  );

  app.delete(
    '/indices/owners/:id',
    {
      schema: {
        summary: 'Bỏ cơ quan chủ trì',
        tags: ['indices'],
        params: IdParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteIndexOwner(ctx(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/indices/links',
    {
      schema: {
        summary: 'Liên kết: plans, tasks, assignments serving an index or component (filter by any)',
        tags: ['indices'],
        querystring: LinkQuery,
        response: { 200: z.array(LinkSchema) },
      },
    },
    async (request) => listIndexLinks(ctx(request), request.query),
  );

  app.post(
    '/indices/links',
    {
      schema: {
        summary:
          'Gắn kế hoạch / nhiệm vụ / nhiệm vụ được giao với chỉ số (exactly one of planId, taskId, assignmentId)',
        tags: ['indices'],
        body: LinkBody,
        response: { 201: LinkSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createIndexLink(ctx(request), request.body)),
  );

  app.delete(
    '/indices/links/:id',
    {
      schema: { summary: 'Bỏ liên kết', tags: ['indices'], params: IdParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await deleteIndexLink(ctx(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
