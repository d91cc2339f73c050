import { signedIn, officeAndAdmin as writers } from './allow.ts';
import { listRoute } from './entry.ts';
import type { MatrixEntry } from './types.ts';

/** UBND-TN's directory shows through its department names and codes; UBND-BD has only VP and STP. */
const showsTayNinh = (body: unknown) =>
  /Sở Kế hoạch và Đầu tư|SKHDT|Các sở, ban, ngành tỉnh/.test(JSON.stringify(body));

/**
 * Danh mục: reads for every signed-in user, writes for the Office and admins. The own/other target
 * does not apply (same request both times). A new agency or group of another authority's office goes
 * into its own directory ('list': allowed, nothing of UBND-TN in the answer); ids of UBND-TN are 404.
 */
export const entries: MatrixEntry[] = [
  listRoute('GET', '/api/directory/agencies', signedIn, showsTayNinh, '/api/directory/agencies?pageSize=200'),
  listRoute('POST', '/api/directory/agencies', writers, showsTayNinh, async () => ({
    url: '/api/directory/agencies',
    payload: { code: 'PHUONG1', name: 'UBND Phường 1', kind: 'commune', validFrom: '2025-07-01' },
  })),
  {
    method: 'PATCH',
    url: '/api/directory/agencies/:id',
    request: async ({ world }) => ({
      url: `/api/directory/agencies/${world.agency('SKHDT')}`,
      payload: { aliases: ['Sở KH&ĐT', 'Sở KHĐT'], version: 1 },
    }),
    allow: writers,
  },
  listRoute('GET', '/api/directory/groups', signedIn, showsTayNinh),
  listRoute('POST', '/api/directory/groups', writers, showsTayNinh, async () => ({
    url: '/api/directory/groups',
    payload: { name: 'Các sở kinh tế', aliases: ['Sở kinh tế'] },
  })),
  {
    method: 'PUT',
    url: '/api/directory/groups/:id/members',
    request: async ({ db, world }) => {
      const group = await db
        .selectFrom('agency_group')
        .select('id')
        .where('authority_id', '=', world.authorityId)
        .where('name', '=', 'UBND cấp huyện')
        .executeTakeFirstOrThrow();
      return {
        url: `/api/directory/groups/${group.id}/members`,
        payload: { agencyIds: [world.agency('STP')] },
      };
    },
    allow: writers,
  },
  listRoute('GET', '/api/directory/successors', signedIn, showsTayNinh),
  {
    method: 'POST',
    url: '/api/directory/successors',
    request: async ({ world }) => ({
      url: '/api/directory/successors',
      payload: {
        fromAgencyId: world.agency('SCT'),
        toAgencyId: world.agency('STC'),
        effectiveOn: '2025-03-01',
      },
    }),
    allow: writers,
  },
  {
    method: 'POST',
    url: '/api/directory/agencies/:id/aliases',
    request: async ({ world }) => ({
      url: `/api/directory/agencies/${world.agency('STP')}/aliases`,
      payload: { alias: 'Sở TP' },
    }),
    allow: writers,
  },
  {
    method: 'POST',
    url: '/api/directory/reference-imports',
    request: async () => ({ url: '/api/directory/reference-imports', payload: { reference: 'provinces' } }),
    allow: writers,
    crossAuthority: 'list',
    // another authority's office adds the reference to its own directory: the answer names its own
    // agencies only (UBND-TN's districts and its group of districts would show a leak)
    leaks: (body) => /Hòa Thành|Trảng Bàng|UBND cấp huyện/.test(JSON.stringify(body)),
  },
];
