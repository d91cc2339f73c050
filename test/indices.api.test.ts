import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { leadAssignmentId, multipart } from './matrix/results.matrix.ts';
import { describeOnFastestDatabase } from './support/databases.ts';
import { anonymous, expectReply, signIn, type World } from './support/http.ts';
import { useSeedWorld } from './support/world.ts';

const PCI_2021 = {
  score: 65.5,
  rank: 18,
  rankedOf: 63,
  group: 'Khá',
  sourceNote: 'Bản nhập thử',
  internalNote: 'GHI-CHU-NOI-BO',
  components: [
    { code: 'transparency', score: 6.4 },
    { code: 'market_entry', score: 7.1 },
  ],
};

async function upload(world: World, username: string, name: string, bytes: Uint8Array) {
  const client = await signIn(world.app, username);
  const body = await multipart({}, [{ name, bytes, field: 'file' }]);
  return client.request({ method: 'POST', url: '/api/indices/import', ...body });
}

describeOnFastestDatabase('indices (PCI, PAPI, PAR Index, ICT/DTI, SIPAS)', (t) => {
  const seed = useSeedWorld(t, { now: () => new Date('2021-04-13T09:00:00+07:00') });

  it('defines every index by year, keeps method changes apart, and loads Tây Ninh’s published figures', async () => {
    const office = await signIn(seed.world.app, 'vanphong');
    const y2021 = (await office.get('/api/indices/definitions?year=2021')).json();
    expect(y2021.map((d: { code: string }) => d.code).sort()).toEqual(['DTI', 'PAPI', 'PAR', 'PCI', 'SIPAS']);
    const pci = y2021.find((d: { code: string }) => d.code === 'PCI');
    expect(pci).toMatchObject({
      scaleMax: 100,
      unit: 'points',
      groups: ['Rất tốt', 'Tốt', 'Khá', 'Trung bình', 'Tương đối thấp', 'Thấp'],
    });
    expect(pci.components).toHaveLength(10);
    expect(pci.components.every((c: { max: number }) => c.max === 10)).toBe(true);
    expect(pci.components[0]).toMatchObject({ code: 'market_entry', nameVi: 'Gia nhập thị trường' });
    const papi = (year: number) =>
      office
        .get(`/api/indices/definitions?year=${year}`)
        .then((r) => r.json().find((d: { code: string }) => d.code === 'PAPI'));
    expect((await papi(2017)).components).toHaveLength(6);
    expect((await papi(2017)).scaleMax).toBe(60);
    expect((await papi(2018)).components.map((c: { nameVi: string }) => c.nameVi).at(-1)).toBe(
      'Quản trị điện tử',
    );
    expect((await papi(2018)).scaleMax).toBe(80);
    const y2019 = (await office.get('/api/indices/definitions?year=2019')).json();
    expect(y2019.find((d: { code: string }) => d.code === 'ICT')).toMatchObject({
      scaleMax: 1,
      successorCode: 'DTI',
    });
    expect(y2019.find((d: { code: string }) => d.code === 'PAR').components).toHaveLength(8);

    // the demo: PCI 2018–2020 and 2023 only, ranks 14 → 15 → 24 → 20, each with its source
    const results = (await office.get('/api/indices/results?index=PCI')).json();
    expect(
      results.map((r: { year: number; score: number | null; rank: number }) => [r.year, r.score, r.rank]),
    ).toEqual([
      [2018, null, 14],
      [2019, 67.05, 15],
      [2020, 64.16, 24],
      [2023, 67.8, 20],
    ]);
    expect(
      results.every((r: { sourceNote: string }) => r.sourceNote.includes('docs/domain-rules.md §9')),
    ).toBe(true);
    const trend = (await office.get('/api/indices/PCI/trend')).json();
    expect(trend.points.map((p: { rank: number }) => p.rank)).toEqual([14, 15, 24, 20]);
    const all = (await office.get('/api/indices/results')).json();
    expect(all).toHaveLength(12);
    expect(
      all.find((r: { index: string; year: number }) => r.index === 'SIPAS' && r.year === 2019).score,
    ).toBe(83.45);
    expect(all.find((r: { index: string; year: number }) => r.index === 'ICT' && r.year === 2019).score).toBe(
      0.4582,
    );
    expect(all.some((r: { index: string; year: number }) => r.index === 'PAPI' && r.year === 2019)).toBe(
      false,
    );

    // owners and targets of §9
    const owners = (await office.get('/api/indices/owners')).json();
    expect(
      Object.fromEntries(
        owners.map((o: { index: string; agency: { code: string } }) => [o.index, o.agency.code]),
      ),
    ).toEqual({
      ICT: 'STTTT',
      PAPI: 'SNV',
      PAR: 'VP',
      PCI: 'SKHDT',
      SIPAS: 'VP',
    });
    const targets = (await office.get('/api/indices/targets')).json();
    expect(
      targets.map((x: { index: string; group: string | null; rank: number | null }) => [
        x.index,
        x.group,
        x.rank,
      ]),
    ).toEqual([
      ['ICT', null, 10],
      ['PAPI', 'Trung bình cao', null],
      ['PCI', 'Tốt', null],
    ]);

    // section II tasks linked to the indices their text names
    const links = (await office.get('/api/indices/links')).json() as { index: string; task: string }[];
    const byTask = (ref: string) =>
      links
        .filter((l) => l.task === ref)
        .map((l) => l.index)
        .sort();
    expect(byTask('II.1')).toEqual(['ICT', 'PAPI', 'PAR', 'PCI']);
    expect(byTask('II.2')).toEqual(['PCI']);
    expect(byTask('II.3')).toEqual(['PAPI']);
    expect(byTask('II.4')).toEqual(['ICT']);
    expect(byTask('II.5')).toEqual(['PAR']);
    expect(byTask('II.14')).toEqual(['ICT', 'PAPI', 'PAR', 'PCI']);
    expect(links.every((l) => l.task.startsWith('II.'))).toBe(true);
    expect(links).toHaveLength(44);

    // every signed-in role reads; the public only through /api/public/indices
    expect((await (await signIn(seed.world.app, 'lanhdao')).get('/api/indices/results')).statusCode).toBe(
      200,
    );
    expect((await (await signIn(seed.world.app, 'stp')).get('/api/indices/PCI/overview')).statusCode).toBe(
      200,
    );
    expect((await anonymous(seed.world.app).get('/api/indices/results')).statusCode).toBe(401);
    expect((await (await signIn(seed.world.app, 'bd.vanphong')).get('/api/indices/results')).json()).toEqual(
      [],
    );
  });

  it('writes results with clear errors, lets an owner agency write only when allowed, and takes posts by a scoped API token', async () => {
    const office = await signIn(seed.world.app, 'vanphong');
    const created = await office.put('/api/indices/results/PCI/2021', PCI_2021);
    expectReply(created, 200, {
      created: true,
      result: {
        index: 'PCI',
        year: 2021,
        score: 65.5,
        rank: 18,
        group: 'Khá',
        enteredBy: 'vanphong',
        version: 1,
      },
    });
    expect(created.json().result.components.map((c: { code: string }) => c.code)).toEqual([
      'market_entry',
      'transparency',
    ]);
    const updated = await office.put('/api/indices/results/PCI/2021', {
      ...PCI_2021,
      score: 66,
      components: [],
    });
    expect(updated.json()).toMatchObject({
      created: false,
      result: { score: 66, version: 2, components: [] },
    });

    const bad = async (url: string, body: object, code: string, message: RegExp) => {
      const reply = await office.put(url, body);
      expect(reply.statusCode, reply.body).toBe(
        code === 'INDEX_NOT_FOUND' ? 404 : code === 'VALIDATION_FAILED' ? 400 : 422,
      );
      expect(reply.json().error.code).toBe(code);
      expect(reply.json().error.message).toMatch(message);
    };
    await bad(
      '/api/indices/results/PCI/2021',
      { ...PCI_2021, score: 100.5 },
      'INDEX_SCORE_OUT_OF_RANGE',
      /100,5|100\.5.*0–100 điểm/u,
    );
    await bad(
      '/api/indices/results/PCI/2021',
      { ...PCI_2021, components: [{ code: 'transparency', score: 11 }] },
      'INDEX_SCORE_OUT_OF_RANGE',
      /Tính minh bạch.*0–10/u,
    );
    await bad(
      '/api/indices/results/PCI/2021',
      { ...PCI_2021, components: [{ code: 'e_governance', score: 5 }] },
      'INDEX_COMPONENT_UNKNOWN',
      /không có chỉ số thành phần "e_governance"/u,
    );
    await bad(
      '/api/indices/results/PCI/2021',
      { ...PCI_2021, rank: 70, rankedOf: 63 },
      'INDEX_RANK_INVALID',
      /70 lớn hơn số tỉnh được xếp hạng \(63\)/u,
    );
    await bad(
      '/api/indices/results/PCI/2021',
      { ...PCI_2021, group: 'Xuất sắc' },
      'INDEX_GROUP_UNKNOWN',
      /Xuất sắc/u,
    );
    await bad(
      '/api/indices/results/PAPI/2009',
      { score: 40 },
      'INDEX_NOT_FOUND',
      /PAPI không có phương pháp cho năm 2009/u,
    );
    await bad('/api/indices/results/XYZ/2021', { score: 40 }, 'INDEX_NOT_FOUND', /Không có chỉ số "XYZ"/u);
    await bad(
      '/api/indices/results/PCI/2022',
      { score: null, rank: null },
      'VALIDATION_FAILED',
      /cần ít nhất điểm số hoặc thứ hạng/u,
    );
    // PAPI 2017 was scored on six dimensions: e-governance did not exist yet
    await bad(
      '/api/indices/results/PAPI/2017',
      { score: 40, components: [{ code: 'e_governance', score: 5 }] },
      'INDEX_COMPONENT_UNKNOWN',
      /e_governance/u,
    );
    expect(
      (
        await office.put('/api/indices/results/PAPI/2019', {
          score: 45.1,
          components: [{ code: 'e_governance', score: 2.2 }],
        })
      ).statusCode,
    ).toBe(200);
    // nothing half-written by the refusals
    const stored = (await office.get('/api/indices/results?index=PCI&year=2021')).json();
    expect(stored[0]).toMatchObject({ score: 66, version: 2 });
    expect((await office.get('/api/indices/results?index=PCI&year=2022')).json()).toEqual([]);

    // the owner agency (Sở KH&ĐT) writes only once the Office allows it; another agency never
    const skhdt = await signIn(seed.world.app, 'skhdt');
    const snv = await signIn(seed.world.app, 'snv');
    expect((await skhdt.put('/api/indices/results/PCI/2022', { score: 60 })).statusCode).toBe(403);
    expect(
      (await (await signIn(seed.world.app, 'lanhdao')).put('/api/indices/results/PCI/2022', { score: 60 }))
        .statusCode,
    ).toBe(403);
    const allow = await office.put('/api/indices/owners', {
      index: 'PCI',
      agencyId: seed.world.agency('SKHDT'),
      ownerCanEdit: true,
    });
    expect(allow.json()).toMatchObject({ index: 'PCI', agency: { code: 'SKHDT' }, ownerCanEdit: true });
    expect((await skhdt.put('/api/indices/results/PCI/2022', { score: 60 })).statusCode).toBe(200);
    expect(
      (
        await skhdt.post('/api/indices/targets', {
          index: 'PCI',
          component: 'transparency',
          fromYear: 2021,
          toYear: 2025,
          score: 7,
        })
      ).statusCode,
    ).toBe(201);
    expect((await snv.put('/api/indices/results/PCI/2022', { score: 61 })).statusCode).toBe(403);
    expect((await skhdt.put('/api/indices/results/PAPI/2022', { score: 41 })).statusCode).toBe(403);
    expect(
      (
        await skhdt.put('/api/indices/owners', {
          index: 'PCI',
          agencyId: seed.world.agency('SKHDT'),
          ownerCanEdit: true,
        })
      ).statusCode,
    ).toBe(403);
    expect((await office.delete('/api/indices/results/PCI/2022')).statusCode).toBe(204);
    expect((await office.delete('/api/indices/results/PCI/2022')).statusCode).toBe(404);

    // targets: overlapping ranges refused, unknown group refused
    const overlap = await office.post('/api/indices/targets', {
      index: 'PCI',
      fromYear: 2024,
      toYear: 2026,
      score: 70,
    });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().error.message).toMatch(/2021–2025, trùng khoảng năm/u);
    expect(
      (
        await office.post('/api/indices/targets', {
          index: 'SIPAS',
          fromYear: 2021,
          toYear: 2025,
          group: 'Tốt',
        })
      ).json().error.code,
    ).toBe('INDEX_GROUP_UNKNOWN');

    // another system posts with a token limited to index.write
    const token = await office.post('/api/auth/tokens', {
      name: 'Cổng dữ liệu VCCI',
      scopes: ['index.write'],
    });
    expect(token.statusCode).toBe(201);
    const bearer = { authorization: `Bearer ${token.json().token}` };
    const posted = await seed.world.app.inject({
      method: 'PUT',
      url: '/api/indices/results/DTI/2021',
      headers: bearer,
      payload: {
        score: 0.3821,
        rank: 40,
        rankedOf: 63,
        components: [{ code: 'digital_government', score: 0.41 }],
      },
    });
    expect(posted.statusCode, posted.body).toBe(200);
    expect(posted.json().result).toMatchObject({ index: 'DTI', enteredBy: 'vanphong', score: 0.3821 });
    for (const url of ['/api/plans', '/api/indices/results', '/api/status']) {
      expect((await seed.world.app.inject({ method: 'GET', url, headers: bearer })).statusCode).toBe(403);
    }
    const beyond = await seed.world.app.inject({
      method: 'PUT',
      url: '/api/indices/results/DTI/2022',
      headers: bearer,
      payload: { score: 2 },
    });
    expect(beyond.json().error.code).toBe('INDEX_SCORE_OUT_OF_RANGE');
  });

  it('imports the downloaded template all or nothing, with row-level errors', async () => {
    const office = await signIn(seed.world.app, 'vanphong');
    const template = await office.get('/api/indices/template.xlsx?year=2021');
    expect(template.statusCode).toBe(200);
    expect(template.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(template.rawPayload).buffer);
    const sheet = book.getWorksheet('Kết quả');
    if (!sheet) throw new Error('no sheet');
    expect(sheet.getRow(1).getCell(1).value).toBe('Chỉ số');
    const rowOf = (index: string, component: string) => {
      for (let r = 2; r <= sheet.rowCount; r++) {
        const row = sheet.getRow(r);
        if (row.getCell(1).value === index && (row.getCell(3).value ?? '') === component) return row;
      }
      throw new Error(`no row ${index} ${component}`);
    };
    expect(rowOf('PCI', 'legal_institutions').getCell(4).value).toBe('Thiết chế pháp lý');
    const total = rowOf('PCI', '');
    total.getCell(5).value = 70.1;
    total.getCell(6).value = 12;
    total.getCell(7).value = 63;
    total.getCell(8).value = 'Tốt';
    total.getCell(9).value = 'VCCI, PCI 2021 (thử)';
    rowOf('PCI', 'transparency').getCell(5).value = 6.9;
    rowOf('SIPAS', '').getCell(5).value = 84.2;
    const filled = new Uint8Array(await book.xlsx.writeBuffer());
    const imported = await upload(seed.world, 'vanphong', 'ket-qua-2021.xlsx', filled);
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json().imported).toEqual([
      { index: 'PCI', year: 2021, created: true },
      { index: 'SIPAS', year: 2021, created: true },
    ]);
    const pci = (await office.get('/api/indices/results?index=PCI&year=2021')).json()[0];
    expect(pci).toMatchObject({
      score: 70.1,
      rank: 12,
      rankedOf: 63,
      group: 'Tốt',
      sourceNote: 'VCCI, PCI 2021 (thử)',
    });
    expect(pci.components).toEqual([expect.objectContaining({ code: 'transparency', score: 6.9 })]);

    // a .csv with one good index and three bad rows: nothing written, each row named
    const csv = [
      'Chỉ số;Năm;Mã thành phần;Điểm;Thứ hạng;Số tỉnh xếp hạng;Nhóm',
      'PAR;2022;;85,5;30;63;',
      'PAPI;2022;;95;;;',
      'PAPI;2022;e_governance;3;;;',
      'PAPI;2022;khong_co;3;;;',
      'PCI;2022;;60;70;63;',
    ].join('\n');
    const rejected = await upload(seed.world, 'vanphong', 'ket-qua.csv', new TextEncoder().encode(csv));
    expect(rejected.statusCode).toBe(422);
    const error = rejected.json().error;
    expect(error.code).toBe('INDEX_IMPORT_INVALID');
    expect(error.message).toMatch(/không có kết quả nào được ghi/u);
    expect(error.details.errors.map((e: { row: number }) => e.row)).toEqual([3, 5, 6]);
    expect(error.details.errors[0].message).toMatch(/95 nằm ngoài thang 0–80/u);
    expect(error.details.errors[1].message).toMatch(/không có chỉ số thành phần "khong_co"/u);
    expect(error.details.errors[2].message).toMatch(/thứ hạng 70 lớn hơn/u);
    expect((await office.get('/api/indices/results?year=2022')).json()).toEqual([]);

    const noHeader = await upload(seed.world, 'vanphong', 'x.csv', new TextEncoder().encode('a,b\n1,2'));
    expect(noHeader.json().error.code).toBe('INDEX_IMPORT_INVALID');
    expect((await upload(seed.world, 'vanphong', 'x.pdf', new TextEncoder().encode('%PDF'))).statusCode).toBe(
      415,
    );
    // an agency that does not own the index cannot import it
    const good = new TextEncoder().encode('Chỉ số,Năm,Mã thành phần,Điểm\nPAR,2022,,85.5');
    expect((await upload(seed.world, 'stp', 'par.csv', good)).statusCode).toBe(403);
    expect((await upload(seed.world, 'vanphong', 'par.csv', good)).statusCode).toBe(200);
  });

  it('shows the overview: latest figures, change, targets met or not, owners and linked assignments with their state', async () => {
    const office = await signIn(seed.world.app, 'vanphong');
    const overview = (await office.get('/api/indices/PCI/overview?asOf=2021-04-13')).json();
    expect(overview.latest).toMatchObject({ year: 2023, score: 67.8, rank: 20, rankedOf: 63 });
    expect(overview.previous).toMatchObject({ year: 2020, score: 64.16, rank: 24 });
    expect(overview.change).toEqual({ score: 3.64, rank: 4 });
    expect(overview.target).toMatchObject({
      group: 'Tốt',
      fromYear: 2021,
      toYear: 2025,
      check: { group: null, met: null },
    });
    expect(overview.owner.agency.code).toBe('SKHDT');
    const ii2 = overview.links.find((l: { task: string }) => l.task === 'II.2');
    expect(ii2.assignments).toEqual([
      expect.objectContaining({
        agency: 'SKHDT',
        dueOn: '2021-04-12',
        state: 'open_overdue',
        stateLabel: 'Chưa hoàn thành – quá hạn',
      }),
    ]);
    expect(ii2.counts).toEqual({ open_overdue: 1 });
    const ii6 = overview.links.find((l: { task: string }) => l.task === 'II.6');
    expect(ii6.assignments.length).toBeGreaterThan(20);
    const earlier = (await office.get('/api/indices/PCI/overview?asOf=2021-04-12&year=2020')).json();
    expect(earlier.latest).toMatchObject({ year: 2020, rank: 24 });
    expect(earlier.change).toEqual({ score: -2.89, rank: -9 });
    expect(earlier.target).toBeNull();
    expect(earlier.links.find((l: { task: string }) => l.task === 'II.2').assignments[0].state).toBe(
      'open_on_time',
    );

    // a component: its target, its owner, an assignment linked to it; a result in the "Khá" group misses "Tốt"
    const assignment = await leadAssignmentId(t.db, seed.world.authorityId, 'I.7', 'VP');
    const link = await office.post('/api/indices/links', {
      index: 'PCI',
      component: 'time_costs',
      assignmentId: assignment,
    });
    expectReply(link, 201, {
      kind: 'assignment',
      task: 'I.7',
      agency: 'VP',
      component: 'time_costs',
    });
    expect(
      (
        await office.post('/api/indices/links', {
          index: 'PCI',
          component: 'time_costs',
          assignmentId: assignment,
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (await office.post('/api/indices/links', { index: 'PCI', planId: 1, taskId: 1 })).json().error.code,
    ).toBe('VALIDATION_FAILED');
    const otherTask = await t.db
      .selectFrom('task')
      .select('id')
      .where('authority_id', '=', seed.world.otherAuthorityId)
      .executeTakeFirstOrThrow();
    expect((await office.post('/api/indices/links', { index: 'PCI', taskId: otherTask.id })).statusCode).toBe(
      404,
    );
    expect(
      (
        await (
          await signIn(seed.world.app, 'skhdt')
        ).post('/api/indices/links', { index: 'PCI', assignmentId: assignment })
      ).statusCode,
    ).toBe(403);
    await office.put('/api/indices/owners', {
      index: 'PCI',
      component: 'time_costs',
      agencyId: seed.world.agency('VP'),
    });
    await office.post('/api/indices/targets', {
      index: 'PCI',
      component: 'time_costs',
      fromYear: 2021,
      toYear: 2025,
      score: 7.5,
    });
    await office.put('/api/indices/results/PCI/2024', {
      score: 66.2,
      rank: 22,
      rankedOf: 63,
      group: 'Khá',
      components: [{ code: 'time_costs', score: 6.8 }],
    });
    const now = (await office.get('/api/indices/PCI/overview?asOf=2021-04-13')).json();
    expect(now.latest).toMatchObject({ year: 2024, group: 'Khá' });
    expect(now.target.check).toEqual({ score: null, rank: null, group: false, met: false });
    const timeCosts = now.components.find((c: { code: string }) => c.code === 'time_costs');
    expect(timeCosts).toMatchObject({
      score: 6.8,
      previousScore: null,
      owner: { agency: { code: 'VP' } },
      target: { score: 7.5, check: { score: false, met: false } },
    });
    expect(timeCosts.links[0].assignments).toEqual([
      expect.objectContaining({ id: assignment, task: 'I.7', state: 'open_overdue' }),
    ]);
    expect((await office.delete(`/api/indices/links/${link.json().id}`)).statusCode).toBe(204);

    // the public sees published figures and sources, nothing internal
    await office.put('/api/indices/results/PCI/2021', { ...PCI_2021, published: false });
    await office.put('/api/indices/results/PCI/2022', { ...PCI_2021, sourceNote: 'VCCI', published: true });
    const pub = await anonymous(seed.world.app).get('/api/public/indices?authority=UBND-TN');
    expect(pub.statusCode).toBe(200);
    const body = pub.json();
    expect(body.authority).toEqual({ code: 'UBND-TN', name: expect.any(String) });
    expect(body.indices.map((i: { code: string }) => i.code).sort()).toEqual([
      'ICT',
      'PAPI',
      'PAR',
      'PCI',
      'SIPAS',
    ]);
    expect(
      body.results.some((r: { index: string; year: number }) => r.index === 'PCI' && r.year === 2021),
    ).toBe(false);
    expect(
      body.results.find((r: { index: string; year: number }) => r.index === 'PCI' && r.year === 2022)
        .components,
    ).toHaveLength(2);
    const text = pub.body;
    for (const internal of [
      'GHI-CHU-NOI-BO',
      'internalNote',
      'enteredBy',
      'vanphong',
      'published',
      'owner',
      'target',
      'assignment',
    ])
      expect(text).not.toContain(internal);
    expect((await anonymous(seed.world.app).get('/api/public/indices?authority=NOPE')).statusCode).toBe(404);
  });
});
