import { z } from 'zod';
import { ASSIGNMENT_STATES } from '../../domain/state.ts';
import { serviceContext, type ZodApp } from '../../server/http.ts';
import { IdTextSchema } from '../../shared/schemas/common.ts';
import { getPlanForPublic, listAuthoritiesForPublic, listPlansForPublic } from './public.service.ts';

const ProgressSchema = z.object({
  asOf: z.string(),
  counts: z.object({
    done_on_time: z.number(),
    done_late: z.number(),
    open_on_time: z.number(),
    open_overdue: z.number(),
    ongoing: z.number(),
    cancelled: z.number(),
    total: z.number(),
  }),
  onTimeRate: z.number().nullable(),
});

const AuthoritySchema = z.object({ code: z.string(), name: z.string() });

/** The public transparency page (public.read: anyone, no sign-in). No files, notes or user names. */
export async function publicRoutes(app: ZodApp) {
  app.get(
    '/public/authorities',
    {
      schema: {
        summary: 'Công khai: the issuing authorities (UBND tỉnh) whose plans are published',
        tags: ['public'],
        response: { 200: z.array(AuthoritySchema) },
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
        params: z.object({ code: z.string().min(1).max(40) }),
        response: {
          200: z.object({
            authority: AuthoritySchema,
            asOf: z.string(),
            plans: z.array(
              z.object({
                id: z.number(),
                docType: z.string(),
                number: z.string(),
                title: z.string(),
                issuedOn: z.string(),
                progress: ProgressSchema,
              }),
            ),
          }),
        },
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
        params: z.object({ id: IdTextSchema }),
        response: {
          200: z.object({
            asOf: z.string(),
            plan: z.object({
              id: z.number(),
              authority: AuthoritySchema,
              docType: z.string(),
              number: z.string(),
              title: z.string(),
              issuedOn: z.string(),
              signer: z.string(),
              progress: ProgressSchema,
            }),
            sections: z.array(z.object({ code: z.string(), title: z.string() })),
            tasks: z.array(
              z.object({
                stt: z.string(),
                ref: z.string(),
                section: z.string().nullable(),
                content: z.string(),
                leadAgencies: z.array(z.string()),
                deadline: z.string(),
                state: z.enum(ASSIGNMENT_STATES).nullable(),
                stateLabel: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      return getPlanForPublic(serviceContext(request), request.params.id);
    },
  );
}
