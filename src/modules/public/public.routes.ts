import { z } from 'zod';
import { serviceContext, type ZodApp } from '../../server/http.ts';
import { moduleRoutes } from '../../server/route.ts';
import {
  PublicAuthorityParams,
  PublicAuthoritySchema,
  PublicPlanParams,
  PublicPlanSchema,
  PublicPlansSchema,
} from '../../shared/schemas/public.ts';
import { getPlanForPublic, listAuthoritiesForPublic, listPlansForPublic } from './public.service.ts';

/** The public transparency page (public.read: anyone, no sign-in). No files, notes or user names. */
export async function publicRoutes(app: ZodApp) {
  const route = moduleRoutes(app, 'public');

  route.get('/public/authorities', {
    summary: 'Công khai: the issuing authorities (UBND tỉnh) whose plans are published',
    response: { 200: z.array(PublicAuthoritySchema) },
    handler: async (request) => {
      return listAuthoritiesForPublic(serviceContext(request));
    },
  });

  route.get('/public/authorities/:code/plans', {
    summary: 'Công khai: an authority’s plans with their progress as of today',
    params: PublicAuthorityParams,
    response: { 200: PublicPlansSchema },
    handler: async (request) => {
      return listPlansForPublic(serviceContext(request), request.params.code);
    },
  });

  route.get('/public/plans/:id', {
    summary: 'Công khai: one plan, its tasks, lead agencies, deadlines and each task’s state as of today',
    params: PublicPlanParams,
    response: { 200: PublicPlanSchema },
    handler: async (request) => {
      return getPlanForPublic(serviceContext(request), request.params.id);
    },
  });
}
