import { z } from 'zod';
import { ctx, type ZodApp } from '../../server/http.ts';
import { IdParamsSchema, IdSchema, PageQuerySchema } from '../../shared/schemas/common.ts';
import { createUserFor, listUsersFor, resetPassword, updateUser } from './users.service.ts';

const Role = z.enum(['admin', 'office', 'leader', 'agency']);
/** checked in the service (a Vietnamese message); '' or null: no e-mail */
const EmailField = z.string().max(320).nullable().optional().describe('địa chỉ email; null hoặc "" để bỏ');

const UserSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  agencyId: z.number().nullable(),
  agencyCode: z.string().nullable(),
  disabled: z.boolean(),
  /** where the follow-up e-mails go; null: in-app notifications only */
  email: z.string().nullable(),
  /** thủ trưởng cơ quan: receives the escalations of its agency (agency accounts only) */
  isHead: z.boolean(),
  lockedUntil: z.string().nullable(),
  passwordChangedAt: z.string(),
  createdAt: z.string(),
});

/** Tài khoản người dùng: admins list, create, edit, disable accounts and reset passwords. */
export async function usersRoutes(app: ZodApp) {
  const tags = ['users'];

  app.get(
    '/users',
    {
      schema: {
        summary: 'Danh sách tài khoản (accounts of the authority, without password hashes)',
        tags,
        querystring: PageQuerySchema,
        response: {
          200: z.object({
            items: z.array(UserSchema),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
          }),
        },
      },
    },
    async (request) => listUsersFor(ctx(request), request.query),
  );

  app.post(
    '/users',
    {
      schema: {
        summary: 'Tạo tài khoản (create an account)',
        tags,
        body: z.object({
          username: z.string().trim().min(3).max(64),
          displayName: z.string().trim().min(1).max(200),
          role: Role,
          agencyId: IdSchema.nullable().optional(),
          password: z.string().min(1).max(256),
          email: EmailField,
          isHead: z.boolean().optional(),
        }),
        response: { 201: UserSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createUserFor(ctx(request), request.body)),
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        summary:
          'Sửa tài khoản (name, role, agency, disabled, e-mail, agency head); disabling signs the user out',
        tags,
        params: IdParamsSchema,
        body: z.object({
          displayName: z.string().trim().min(1).max(200).optional(),
          role: Role.optional(),
          agencyId: IdSchema.nullable().optional(),
          disabled: z.boolean().optional(),
          email: EmailField,
          isHead: z.boolean().optional().describe('thủ trưởng cơ quan; only for agency accounts'),
        }),
        response: { 200: UserSchema },
      },
    },
    async (request) => updateUser(ctx(request), request.params.id, request.body),
  );

  app.post(
    '/users/:id/password',
    {
      schema: {
        summary: 'Đặt lại mật khẩu (reset the password); signs the user out',
        tags,
        params: IdParamsSchema,
        body: z.object({ newPassword: z.string().min(1).max(256) }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await resetPassword(ctx(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );
}
