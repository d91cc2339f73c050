import { z } from 'zod';
import type { ZodApp } from '../../server/http.ts';
import { moduleRoutes } from '../../server/route.ts';
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
  const route = moduleRoutes(app, 'users');

  route.get('/users', {
    summary: 'Danh sách tài khoản (accounts of the authority, without password hashes)',
    querystring: PageQuerySchema,
    response: { 200: UsersPageSchema },
    handler: async (request) => listUsers(accountContext(request), request.query),
  });

  route.post('/users', {
    summary: 'Tạo tài khoản (create an account)',
    body: UserCreateBody,
    response: { 201: UserSchema },
    handler: async (request) => createUser(accountContext(request), request.body),
  });

  route.patch('/users/:id', {
    summary:
      'Sửa tài khoản (name, role, agency, disabled, e-mail, agency head); disabling signs the user out',
    params: IdParamsSchema,
    body: UserUpdateBody,
    response: { 200: UserSchema },
    handler: async (request) => updateUser(accountContext(request), request.params.id, request.body),
  });

  route.post('/users/:id/password', {
    summary: 'Đặt lại mật khẩu (reset the password); signs the user out',
    params: IdParamsSchema,
    body: PasswordResetBody,
    response: { 204: z.null() },
    handler: async (request) => resetPassword(accountContext(request), request.params.id, request.body),
  });
}
