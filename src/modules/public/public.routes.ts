import { z } from 'zod';
import { serviceContext, type ZodApp } from '../../server/http.ts';
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
  app.get(
    '/public/authorities',
    {
      schema: {
        summary: 'Công khai: the issuing authorities (UBND tỉnh) whose plans are published',
        tags: ['public'],
        response: { 200: z.array(PublicAuthoritySchema) },
      },
    },
    async (request) => {
      return listAuthoritiesForPublic(serviceContext(request));
    },
  );

  app.get(
    '/public/authorities/:code/plans',
    {
      schema: {
        summary: 'Công khai: an authority’s plans with their progress as of today',
        tags: ['public'],
        params: PublicAuthorityParams,
        response: { 200: PublicPlansSchema },
      },
    },
    async (request) => {
      return listPlansForPublic(serviceContext(request), request.params.code);
    },
  );

  app.get(
    '/public/plans/:id',
    {
      schema: {
        summary: 'Công khai: one plan, its tasks, lead agencies, deadlines and each task’s state as of today',
        tags: ['public'],
        params: PublicPlanParams,
        response: { 200: PublicPlanSchema },
      },
    },
    async (request) => {
      return getPlanForPublic(serviceContext(request), request.params.id);
    },
  );
}
