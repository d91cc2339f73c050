import { serviceContext, type ZodApp } from '../../server/http.ts';
import { IdParamsSchema, PageQuerySchema } from '../../shared/schemas/common.ts';
import {
  AgenciesPageSchema,
  AgenciesQuery,
  AgencyCreateBody,
  AgencySchema,
  AgencyUpdateBody,
  AliasBody,
  GroupCreateBody,
  GroupMembersBody,
  GroupSchema,
  GroupsPageSchema,
  ReferenceImportBody,
  ReferenceImportSchema,
  SuccessorCreateBody,
  SuccessorSchema,
  SuccessorsPageSchema,
} from '../../shared/schemas/directory.ts';
import { addAgencyAlias, createAgency, listAgencies, updateAgency } from './directory-edit.service.ts';
import {
  createGroup,
  createSuccessor,
  listGroups,
  listSuccessors,
  setGroupMembers,
} from './directory-groups.service.ts';
import { importReferenceAgencies } from './directory-reference.service.ts';

/** Danh mục cơ quan, nhóm và cơ quan kế thừa: read by every signed-in user, edited by the Office. */
export async function directoryRoutes(app: ZodApp) {
  const tags = ['directory'];

  app.get(
    '/directory/agencies',
    {
      schema: {
        summary: 'Danh mục cơ quan (agencies) with aliases, kind, parent, validity, successors',
        tags,
        querystring: AgenciesQuery,
        response: { 200: AgenciesPageSchema },
      },
    },
    async (request) => listAgencies(serviceContext(request), request.query),
  );

  app.post(
    '/directory/agencies',
    {
      schema: {
        summary: 'Thêm cơ quan (add an agency)',
        tags,
        body: AgencyCreateBody,
        response: { 201: AgencySchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createAgency(serviceContext(request), request.body)),
  );

  app.patch(
    '/directory/agencies/:id',
    {
      schema: {
        summary: 'Sửa cơ quan (edit name, aliases, validity); version as read, else 409',
        tags,
        params: IdParamsSchema,
        body: AgencyUpdateBody,
        response: { 200: AgencySchema },
      },
    },
    async (request) => updateAgency(serviceContext(request), request.params.id, request.body),
  );

  app.post(
    '/directory/agencies/:id/aliases',
    {
      schema: {
        summary:
          'Thêm tên gọi khác (add another name of an agency); refused when it names another agency or a group',
        tags,
        params: IdParamsSchema,
        body: AliasBody,
        response: { 200: AgencySchema },
      },
    },
    async (request) => addAgencyAlias(serviceContext(request), request.params.id, request.body.alias),
  );

  app.post(
    '/directory/reference-imports',
    {
      schema: {
        summary:
          'Thêm danh mục tham chiếu (add a shipped reference directory: agencies not already there by name, groups, successors)',
        tags,
        body: ReferenceImportBody,
        response: { 200: ReferenceImportSchema },
      },
    },
    async (request) => importReferenceAgencies(serviceContext(request), request.body.reference),
  );

  app.get(
    '/directory/groups',
    {
      schema: {
        summary: 'Nhóm cơ quan (agency groups) with their members',
        tags,
        querystring: PageQuerySchema,
        response: { 200: GroupsPageSchema },
      },
    },
    async (request) => listGroups(serviceContext(request), request.query),
  );

  app.post(
    '/directory/groups',
    {
      schema: {
        summary: 'Thêm nhóm cơ quan (add a group)',
        tags,
        body: GroupCreateBody,
        response: { 201: GroupSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createGroup(serviceContext(request), request.body)),
  );

  app.put(
    '/directory/groups/:id/members',
    {
      schema: {
        summary: 'Thành viên nhóm (replace the members of a group)',
        tags,
        params: IdParamsSchema,
        body: GroupMembersBody,
        response: { 200: GroupSchema },
      },
    },
    async (request) => setGroupMembers(serviceContext(request), request.params.id, request.body),
  );

  app.get(
    '/directory/successors',
    {
      schema: {
        summary: 'Cơ quan kế thừa (successor links of reorganisations)',
        tags,
        querystring: PageQuerySchema,
        response: { 200: SuccessorsPageSchema },
      },
    },
    async (request) => listSuccessors(serviceContext(request), request.query),
  );

  app.post(
    '/directory/successors',
    {
      schema: {
        summary: 'Ghi nhận cơ quan kế thừa (record a successor, optionally for some functions)',
        tags,
        body: SuccessorCreateBody,
        response: { 201: SuccessorSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createSuccessor(serviceContext(request), request.body)),
  );
}
