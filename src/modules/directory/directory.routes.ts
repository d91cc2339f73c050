import { z } from 'zod';
import { ctx, type ZodApp } from '../../server/http.ts';
import { IdParamsSchema, IdSchema, LocalDateSchema, PageQuerySchema } from '../../shared/schemas/common.ts';
import { addAgencyAlias, createAgency, listAgenciesFor, updateAgency } from './directory-edit.service.ts';
import {
  createGroup,
  createSuccessor,
  listGroupsFor,
  listSuccessorsFor,
  setGroupMembers,
} from './directory-groups.service.ts';
import { importReferenceAgencies } from './directory-reference.service.ts';
import { REFERENCE_IDS } from './reference-directories.ts';

const Names = z.array(z.string().trim().min(1).max(300)).max(50);
const AgencyKind = z.enum(['province', 'district', 'commune', 'unit']);
const AgencyRef = z.object({ id: z.number(), code: z.string(), name: z.string() });
const Link = z.object({
  agencyId: z.number(),
  code: z.string(),
  name: z.string(),
  functions: z.string().nullable(),
  effectiveOn: z.string(),
});

const AgencySchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  kind: AgencyKind,
  parentId: z.number().nullable(),
  parentCode: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  isMonitor: z.boolean(),
  version: z.number(),
  successors: z.array(Link),
  predecessors: z.array(Link),
});

const GroupSchema = z.object({
  id: z.number(),
  name: z.string(),
  aliases: z.array(z.string()),
  isOpen: z.boolean(),
  note: z.string().nullable(),
  version: z.number(),
  members: z.array(AgencyRef),
});

const SuccessorSchema = z.object({
  id: z.number(),
  from: AgencyRef,
  to: AgencyRef,
  functions: z.string().nullable(),
  effectiveOn: z.string(),
});

const ReferenceImportSchema = z.object({
  reference: z.string(),
  added: z.array(z.object({ code: z.string(), name: z.string() })),
  skipped: z.array(z.object({ name: z.string(), existingCode: z.string() })),
  groupsAdded: z.array(z.string()),
  groupsSkipped: z.array(z.string()),
  aliasesDropped: z.array(z.object({ alias: z.string(), code: z.string() })),
  successorsAdded: z.number(),
});

const page = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });

/** Danh mục cơ quan, nhóm và cơ quan kế thừa: read by every signed-in user, edited by the Office. */
export async function directoryRoutes(app: ZodApp) {
  const tags = ['directory'];

  app.get(
    '/directory/agencies',
    {
      schema: {
        summary: 'Danh mục cơ quan (agencies) with aliases, kind, parent, validity, successors',
        tags,
        querystring: PageQuerySchema.extend({
          validOn: LocalDateSchema.optional().describe('only agencies that exist on this date'),
        }),
        response: { 200: page(AgencySchema) },
      },
    },
    async (request) => listAgenciesFor(ctx(request), request.query),
  );

  app.post(
    '/directory/agencies',
    {
      schema: {
        summary: 'Thêm cơ quan (add an agency)',
        tags,
        body: z.object({
          code: z
            .string()
            .trim()
            .toUpperCase()
            .regex(
              /^[A-Z0-9_.-]{1,32}$/,
              'Mã cơ quan gồm 1–32 ký tự A-Z, 0-9, dấu chấm, gạch ngang, gạch dưới.',
            ),
          name: z.string().trim().min(1).max(300),
          aliases: Names.optional(),
          kind: AgencyKind,
          parentId: IdSchema.nullable().optional(),
          validFrom: LocalDateSchema.nullable().optional(),
          validTo: LocalDateSchema.nullable().optional(),
        }),
        response: { 201: AgencySchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createAgency(ctx(request), request.body)),
  );

  app.patch(
    '/directory/agencies/:id',
    {
      schema: {
        summary: 'Sửa cơ quan (edit name, aliases, validity); version as read, else 409',
        tags,
        params: IdParamsSchema,
        body: z.object({
          name: z.string().trim().min(1).max(300).optional(),
          aliases: Names.optional(),
          validFrom: LocalDateSchema.nullable().optional(),
          validTo: LocalDateSchema.nullable().optional(),
          version: IdSchema.optional(),
        }),
        response: { 200: AgencySchema },
      },
    },
    async (request) => updateAgency(ctx(request), request.params.id, request.body),
  );

  app.post(
    '/directory/agencies/:id/aliases',
    {
      schema: {
        summary:
          'Thêm tên gọi khác (add another name of an agency); refused when it names another agency or a group',
        tags,
        params: IdParamsSchema,
        body: z.object({ alias: z.string().trim().min(1).max(300) }),
        response: { 200: AgencySchema },
      },
    },
    async (request) => addAgencyAlias(ctx(request), request.params.id, request.body.alias),
  );

  app.post(
    '/directory/reference-imports',
    {
      schema: {
        summary:
          'Thêm danh mục tham chiếu (add a shipped reference directory: agencies not already there by name, groups, successors)',
        tags,
        body: z.object({ reference: z.enum(REFERENCE_IDS) }),
        response: { 200: ReferenceImportSchema },
      },
    },
    async (request) => importReferenceAgencies(ctx(request), request.body.reference),
  );

  app.get(
    '/directory/groups',
    {
      schema: {
        summary: 'Nhóm cơ quan (agency groups) with their members',
        tags,
        querystring: PageQuerySchema,
        response: { 200: page(GroupSchema) },
      },
    },
    async (request) => listGroupsFor(ctx(request), request.query),
  );

  app.post(
    '/directory/groups',
    {
      schema: {
        summary: 'Thêm nhóm cơ quan (add a group)',
        tags,
        body: z.object({
          name: z.string().trim().min(1).max(300),
          aliases: Names.optional(),
          isOpen: z.boolean().optional(),
          note: z.string().trim().max(2000).optional(),
          agencyIds: z.array(IdSchema).max(1000).optional(),
        }),
        response: { 201: GroupSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createGroup(ctx(request), request.body)),
  );

  app.put(
    '/directory/groups/:id/members',
    {
      schema: {
        summary: 'Thành viên nhóm (replace the members of a group)',
        tags,
        params: IdParamsSchema,
        body: z.object({
          agencyIds: z.array(IdSchema).max(1000),
          version: IdSchema.optional(),
        }),
        response: { 200: GroupSchema },
      },
    },
    async (request) => setGroupMembers(ctx(request), request.params.id, request.body),
  );

  app.get(
    '/directory/successors',
    {
      schema: {
        summary: 'Cơ quan kế thừa (successor links of reorganisations)',
        tags,
        querystring: PageQuerySchema,
        response: { 200: page(SuccessorSchema) },
      },
    },
    async (request) => listSuccessorsFor(ctx(request), request.query),
  );

  app.post(
    '/directory/successors',
    {
      schema: {
        summary: 'Ghi nhận cơ quan kế thừa (record a successor, optionally for some functions)',
        tags,
        body: z.object({
          fromAgencyId: IdSchema,
          toAgencyId: IdSchema,
          functions: z.string().trim().min(1).max(1000).optional(),
          effectiveOn: LocalDateSchema,
        }),
        response: { 201: SuccessorSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createSuccessor(ctx(request), request.body)),
  );
}
