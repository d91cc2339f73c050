import { z } from 'zod';
import { IdSchema, pageOf } from './common.ts';
import { DISPLAY_NAME_MAX, EMAIL_MAX, PASSWORD_MAX, USERNAME_MAX } from './limits.ts';

/** Request and response bodies of tài khoản người dùng (src/modules/users/users.routes.ts). */

export const RoleSchema = z.enum(['admin', 'office', 'leader', 'agency']);
const AgencyId = IdSchema;
/** checked in the service (a Vietnamese message); '' or null: no e-mail */
const EmailField = z
  .string()
  .max(EMAIL_MAX)
  .nullable()
  .optional()
  .describe('địa chỉ email; null hoặc "" để bỏ');

export const UserSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
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

export const UsersPageSchema = pageOf(UserSchema);

export const UserCreateBody = z.object({
  username: z.string().trim().min(3).max(USERNAME_MAX),
  displayName: z.string().trim().min(1).max(DISPLAY_NAME_MAX),
  role: RoleSchema,
  agencyId: AgencyId.nullable().optional(),
  password: z.string().min(1).max(PASSWORD_MAX),
  email: EmailField,
  isHead: z.boolean().optional(),
});

export const UserUpdateBody = z.object({
  displayName: z.string().trim().min(1).max(DISPLAY_NAME_MAX).optional(),
  role: RoleSchema.optional(),
  agencyId: AgencyId.nullable().optional(),
  disabled: z.boolean().optional(),
  email: EmailField,
  isHead: z.boolean().optional().describe('thủ trưởng cơ quan; only for agency accounts'),
});

export const PasswordResetBody = z.object({ newPassword: z.string().min(1).max(PASSWORD_MAX) });

/** GET /api/users → items */
export type User = z.infer<typeof UserSchema>;
export type UsersPage = z.infer<typeof UsersPageSchema>;
export type UserCreateInput = z.input<typeof UserCreateBody>;
export type UserUpdateInput = z.input<typeof UserUpdateBody>;
export type PasswordResetInput = z.input<typeof PasswordResetBody>;
