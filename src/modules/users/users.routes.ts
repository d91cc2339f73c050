import { z } from 'zod';
import type { ZodApp } from '../../server/http.ts';
import { IdParamsSchema, PageQuerySchema } from '../../shared/schemas/common.ts';
import {
  PasswordResetBody,
  UserCreateBody,
  UserSchema,
  UsersPageSchema,
  UserUpdateBody,
} from '../../shared/schemas/users.ts';
import { accountContext } from '../auth/auth.hooks.ts';
import { createUser, listUsers, resetPassword, updateUser } from './users.service.ts';

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
        response: { 200: UsersPageSchema },
      },
    },
    async (request) => listUsers(accountContext(request), request.query),
  );

  app.post(
    '/users',
    {
      schema: {
        summary: 'Tạo tài khoản (create an account)',
        tags,
        body: UserCreateBody,
        response: { 201: UserSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createUser(accountContext(request), request.body)),
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        summary:
          'Sửa tài khoản (name, role, agency, disabled, e-mail, agency head); disabling signs the user out',
        tags,
        params: IdParamsSchema,
        body: UserUpdateBody,
        response: { 200: UserSchema },
      },
    },
    async (request) => updateUser(accountContext(request), request.params.id, request.body),
  );

  app.post(
    '/users/:id/password',
    {
      schema: {
        summary: 'Đặt lại mật khẩu (reset the password); signs the user out',
        tags,
        params: IdParamsSchema,
        body: PasswordResetBody,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await resetPassword(accountContext(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );
}
