import { serviceContext, type ZodApp } from '../../server/http.ts';
import { moduleRoutes } from '../../server/route.ts';
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
  const route = moduleRoutes(app, 'directory');

  route.get('/directory/agencies', {
    summary: 'Danh mục cơ quan (agencies) with aliases, kind, parent, validity, successors',
    querystring: AgenciesQuery,
    response: { 200: AgenciesPageSchema },
    handler: async (request) => listAgencies(serviceContext(request), request.query),
  });

  route.post('/directory/agencies', {
    summary: 'Thêm cơ quan (add an agency)',
    body: AgencyCreateBody,
    response: { 201: AgencySchema },
    handler: async (request) => createAgency(serviceContext(request), request.body),
  });

  route.patch('/directory/agencies/:id', {
    summary: 'Sửa cơ quan (edit name, aliases, validity); version as read, else 409',
    params: IdParamsSchema,
    body: AgencyUpdateBody,
    response: { 200: AgencySchema },
    handler: async (request) => updateAgency(serviceContext(request), request.params.id, request.body),
  });

  route.post('/directory/agencies/:id/aliases', {
    summary:
      'Thêm tên gọi khác (add another name of an agency); refused when it names another agency or a group',
    params: IdParamsSchema,
    body: AliasBody,
    response: { 200: AgencySchema },
    handler: async (request) =>
      addAgencyAlias(serviceContext(request), request.params.id, request.body.alias),
  });

  route.post('/directory/reference-imports', {
    summary:
      'Thêm danh mục tham chiếu (add a shipped reference directory: agencies not already there by name, groups, successors)',
    body: ReferenceImportBody,
    response: { 200: ReferenceImportSchema },
    handler: async (request) => importReferenceAgencies(serviceContext(request), request.body.reference),
  });

  route.get('/directory/groups', {
    summary: 'Nhóm cơ quan (agency groups) with their members',
    querystring: PageQuerySchema,
    response: { 200: GroupsPageSchema },
    handler: async (request) => listGroups(serviceContext(request), request.query),
  });

  route.post('/directory/groups', {
    summary: 'Thêm nhóm cơ quan (add a group)',
    body: GroupCreateBody,
    response: { 201: GroupSchema },
    handler: async (request) => createGroup(serviceContext(request), request.body),
  });

  route.put('/directory/groups/:id/members', {
    summary: 'Thành viên nhóm (replace the members of a group)',
    params: IdParamsSchema,
    body: GroupMembersBody,
    response: { 200: GroupSchema },
    handler: async (request) => setGroupMembers(serviceContext(request), request.params.id, request.body),
  });

  route.get('/directory/successors', {
    summary: 'Cơ quan kế thừa (successor links of reorganisations)',
    querystring: PageQuerySchema,
    response: { 200: SuccessorsPageSchema },
    handler: async (request) => listSuccessors(serviceContext(request), request.query),
  });

  route.post('/directory/successors', {
    summary: 'Ghi nhận cơ quan kế thừa (record a successor, optionally for some functions)',
    body: SuccessorCreateBody,
    response: { 201: SuccessorSchema },
    handler: async (request) => createSuccessor(serviceContext(request), request.body),
  });
}
