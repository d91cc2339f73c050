import { expect, it } from 'vitest';
import type { Actor } from '../src/modules/access/access.ts';
import { addAgencyAlias } from '../src/modules/directory/directory-edit.service.ts';
import { importReferenceAgencies } from '../src/modules/directory/directory-reference.service.ts';
import { auditColumns, auditEntries } from './support/audit.ts';
import { testContext } from './support/context.ts';
import { describeOnFastestDatabase } from './support/databases.ts';
import { anonymous, type Client, expectReply, signIn } from './support/http.ts';
import { anyAgencyOf } from './support/lookups.ts';
import { useSeedWorld } from './support/world.ts';

interface AgencyItem {
  id: number;
  code: string;
  version: number;
  validTo: string | null;
  successors: { code: string }[];
  predecessors: { code: string }[];
}

describeOnFastestDatabase('directory (danh mục)', (t) => {
  const seed = useSeedWorld(t, { signedIn: { office: 'vanphong' } });

  const agencies = async (client: Client, query = 'pageSize=200') =>
    (await client.get(`/api/directory/agencies?${query}`)).json() as { items: AgencyItem[]; total: number };

  it('lists agencies with aliases, validity and successors to every signed-in user', async () => {
    const stp = await signIn(seed.world.app, 'stp');
    const all = await agencies(stp);
    expect(all.total).toBe(30); // 20 provincial agencies, 9 districts, the 2025 Sở Nông nghiệp và Môi trường
    expect(all.items).toHaveLength(30);
    const skhdt = all.items.find((a) => a.code === 'SKHDT');
    expect(skhdt).toMatchObject({
      name: 'Sở Kế hoạch và Đầu tư',
      kind: 'province',
      aliases: expect.arrayContaining(['Sở KH&ĐT']),
      validFrom: null,
      validTo: '2025-03-01',
      parentId: null,
      version: 1,
      successors: [{ code: 'STC', name: 'Sở Tài chính', functions: null, effectiveOn: '2025-03-01' }],
    });
    expect(all.items.find((a) => a.code === 'SNV')?.predecessors.map((p) => p.code)).toEqual(['SLDTBXH']);
    const paged = await agencies(stp, 'pageSize=7&page=5');
    expect(paged).toMatchObject({ total: 30, page: 5, pageSize: 7 });
    expect(paged.items).toHaveLength(2);
    const in2025 = await agencies(stp, 'validOn=2025-08-01&pageSize=200');
    expect(in2025.items.map((a) => a.code)).toContain('SNNMT');
    expect(in2025.items.map((a) => a.code)).not.toContain('SKHDT');
    expect(in2025.total).toBe(in2025.items.length);
    expect((await anonymous(seed.world.app).get('/api/directory/agencies')).statusCode).toBe(401);
    const other = await agencies(await signIn(seed.world.app, 'bd.vanphong'));
    expect(other.items.map((a) => a.code)).toEqual(['VP', 'STP']);
  });

  it('lets the Office add and edit agencies, with the version as read', async () => {
    const created = await seed.office.post('/api/directory/agencies', {
      code: 'phuong1',
      name: 'UBND Phường 1',
      aliases: ['Phường 1'],
      kind: 'commune',
      validFrom: '2025-07-01',
    });
    expectReply(created, 201, {
      code: 'PHUONG1',
      kind: 'commune',
      validFrom: '2025-07-01',
      version: 1,
    });
    const id = created.json().id;
    expect(
      (await seed.office.post('/api/directory/agencies', { code: 'PHUONG1', name: 'x', kind: 'commune' }))
        .statusCode,
    ).toBe(409);
    expect(
      (
        await seed.office.post('/api/directory/agencies', {
          code: 'DV1',
          name: 'x',
          kind: 'unit',
          parentId: 999999,
        })
      ).statusCode,
    ).toBe(404);
    const unit = await seed.office.post('/api/directory/agencies', {
      code: 'STP-PBTTP',
      name: 'Phòng Bổ trợ tư pháp',
      kind: 'unit',
      parentId: seed.world.agency('STP'),
    });
    expect(unit.json()).toMatchObject({ parentId: seed.world.agency('STP'), parentCode: 'STP' });

    const edited = await seed.office.patch(`/api/directory/agencies/${id}`, {
      name: 'UBND phường Tân Ninh',
      version: 1,
    });
    expect(edited.json()).toMatchObject({ name: 'UBND phường Tân Ninh', aliases: ['Phường 1'], version: 2 });
    const stale = await seed.office.patch(`/api/directory/agencies/${id}`, { name: 'Tên cũ', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    expect(
      (await seed.office.patch(`/api/directory/agencies/${id}`, { validTo: '2025-01-01' })).statusCode,
    ).toBe(400);
    expect(
      (
        await seed.office.patch(`/api/directory/agencies/${id}`, { validTo: '2030-01-01', aliases: [] })
      ).json(),
    ).toMatchObject({
      validTo: '2030-01-01',
      aliases: [],
      version: 3,
    });
    const audit = await auditEntries(t.db, 'directory.agency_update');
    expect(audit[0]).toMatchObject({
      before: { name: 'UBND Phường 1', version: 1 },
      after: { name: 'UBND phường Tân Ninh', version: 2 },
    });

    for (const user of ['stp', 'lanhdao']) {
      const client = await signIn(seed.world.app, user);
      expect(
        (await client.post('/api/directory/agencies', { code: 'X1', name: 'x', kind: 'unit' })).statusCode,
      ).toBe(403);
      expect((await client.patch(`/api/directory/agencies/${id}`, { name: 'x' })).statusCode).toBe(403);
    }
    expect(
      (
        await (
          await signIn(seed.world.app, 'bd.vanphong')
        ).patch(`/api/directory/agencies/${id}`, { name: 'x' })
      ).statusCode,
    ).toBe(404);
  });

  it('lists groups with members and lets the Office create groups and replace members', async () => {
    const groups = (await seed.office.get('/api/directory/groups')).json();
    const provincial = groups.items.find((g: { name: string }) => g.name === 'Các sở, ban, ngành tỉnh');
    expect(provincial.members.map((m: { code: string }) => m.code)).toContain('SNNMT');
    expect(groups.total).toBe(groups.items.length);
    const open = groups.items.find((g: { isOpen: boolean }) => g.isOpen);
    expect(open.members).toEqual([]);

    const created = await seed.office.post('/api/directory/groups', {
      name: 'Các sở kinh tế',
      aliases: ['Sở kinh tế'],
      agencyIds: [seed.world.agency('SKHDT'), seed.world.agency('STC')],
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().members.map((m: { code: string }) => m.code)).toEqual(['SKHDT', 'STC']);
    expect((await seed.office.post('/api/directory/groups', { name: 'Các sở kinh tế' })).statusCode).toBe(
      409,
    );

    const id = created.json().id;
    const replaced = await seed.office.put(`/api/directory/groups/${id}/members`, {
      agencyIds: [seed.world.agency('STC'), seed.world.agency('SCT')],
      version: 1,
    });
    expect(replaced.json()).toMatchObject({ version: 2, members: [{ code: 'STC' }, { code: 'SCT' }] });
    expect(
      (await seed.office.put(`/api/directory/groups/${id}/members`, { agencyIds: [], version: 1 }))
        .statusCode,
    ).toBe(409);
    expect(
      (
        await seed.office.put(`/api/directory/groups/${open.id}/members`, {
          agencyIds: [seed.world.agency('STP')],
        })
      ).statusCode,
    ).toBe(409);
    const foreignAgency = await anyAgencyOf(t.db, seed.world.otherAuthorityId);
    expect(
      (await seed.office.put(`/api/directory/groups/${id}/members`, { agencyIds: [foreignAgency] }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await (
          await signIn(seed.world.app, 'stp')
        ).put(`/api/directory/groups/${id}/members`, { agencyIds: [] })
      ).statusCode,
    ).toBe(403);
  });

  it('lists and records successors', async () => {
    const list = (await seed.office.get('/api/directory/successors')).json();
    expect(list.total).toBe(9); // the 2025 map: six departments to nine successor links
    expect(list.items).toContainEqual(
      expect.objectContaining({
        from: expect.objectContaining({ code: 'STTTT' }),
        to: expect.objectContaining({ code: 'SVHTTDL' }),
        functions: 'báo chí, xuất bản',
      }),
    );
    const body = {
      fromAgencyId: seed.world.agency('SCT'),
      toAgencyId: seed.world.agency('STC'),
      functions: 'quản lý giá',
      effectiveOn: '2025-03-01',
    };
    const created = await seed.office.post('/api/directory/successors', body);
    expectReply(created, 201, {
      from: { code: 'SCT' },
      to: { code: 'STC' },
      functions: 'quản lý giá',
    });
    expect((await seed.office.post('/api/directory/successors', body)).statusCode).toBe(409);
    expect(
      (await seed.office.post('/api/directory/successors', { ...body, toAgencyId: body.fromAgencyId }))
        .statusCode,
    ).toBe(400);
    expect(
      (await (await signIn(seed.world.app, 'stp')).post('/api/directory/successors', body)).statusCode,
    ).toBe(403);
    expect(
      (await (await signIn(seed.world.app, 'bd.vanphong')).post('/api/directory/successors', body))
        .statusCode,
    ).toBe(404);
    expect((await seed.office.get('/api/directory/successors')).json().total).toBe(10);
  });

  it('adds a reference directory and aliases for the Office only, keeping what the directory has', async () => {
    const user = (role: 'office' | 'agency', agencyId: number | null): Actor => ({
      kind: 'user',
      userId: 1,
      username: role === 'office' ? 'vanphong' : 'stp',
      authorityId: seed.world.authorityId,
      role,
      agencyId,
      agencyScope: agencyId === null ? [] : [agencyId],
      via: 'session',
    });
    const asAgency = testContext(t.db, user('agency', seed.world.agency('STP')));
    await expect(importReferenceAgencies(asAgency, 'provincial-departments')).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(addAgencyAlias(asAgency, seed.world.agency('STP'), 'STP')).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });

    const asOffice = testContext(t.db, user('office', null));
    const result = await importReferenceAgencies(asOffice, 'provincial-departments');
    // the seed's 20 provincial agencies and the 2025 Sở Nông nghiệp và Môi trường are already there
    expect(result.skipped.map((s) => s.existingCode)).toEqual(
      expect.arrayContaining(['VP', 'SNV', 'SKHDT', 'SNNMT', 'TTT', 'BDT', 'BQLKKT']),
    );
    expect(result.skipped).toHaveLength(21);
    expect(result.added.map((a) => a.code)).toEqual(expect.arrayContaining(['SDTTG', 'CAT', 'SQHKT']));
    expect(result.groupsSkipped).toEqual([
      'Các sở, ban, ngành tỉnh',
      'UBND cấp huyện',
      'Các đơn vị có liên quan',
    ]);
    expect(result.groupsAdded).toEqual(['UBND cấp xã']);
    const all = await agencies(seed.office);
    expect(all.total).toBe(30 + result.added.length);
    // a successor link whose one side the reference added: Ban Dân tộc → Sở Dân tộc và Tôn giáo
    expect(all.items.find((a) => a.code === 'SDTTG')?.predecessors.map((p) => p.code)).toEqual(['BDT']);
    expect(all.items.filter((a) => a.code === 'STC')).toHaveLength(1);

    const stp = await addAgencyAlias(asOffice, seed.world.agency('STP'), 'Sở TP');
    expect(stp.aliases).toEqual(['Sở TP']);
    await expect(addAgencyAlias(asOffice, seed.world.agency('STP'), 'Sở KH&ĐT')).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(addAgencyAlias(asOffice, seed.world.agency('STP'), 'UBND cấp xã')).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const viaHttp = await seed.office.post(`/api/directory/agencies/${seed.world.agency('STP')}/aliases`, {
      alias: 'STP tỉnh',
    });
    expect(viaHttp.json().aliases).toEqual(['Sở TP', 'STP tỉnh']);
    const taken = await seed.office.post(`/api/directory/agencies/${seed.world.agency('STP')}/aliases`, {
      alias: 'Sở Nội vụ',
    });
    expect(taken.statusCode).toBe(409);
    const audit = await auditColumns(
      t.db,
      {
        authorityId: seed.world.authorityId,
        action: ['directory.import_reference', 'directory.agency_alias'],
      },
      ['action', 'actor'],
    );
    expect(audit).toEqual([
      { action: 'directory.import_reference', actor: 'vanphong' },
      { action: 'directory.agency_alias', actor: 'vanphong' },
      { action: 'directory.agency_alias', actor: 'vanphong' },
    ]);
  });
});
