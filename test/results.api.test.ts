import { readdirSync } from 'node:fs';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.ts';
import { leadAssignmentId, multipart, SMALL_PDF, smallDocx } from './matrix/results.matrix.ts';
import { auditColumns } from './support/audit.ts';
import { describeOnFastestDatabase } from './support/databases.ts';
import { anonymous, buildWorld, type Client, expectReply, signIn, type World } from './support/http.ts';

/** 19/01/2021 10:00 in Tây Ninh: the day before I.3 (Sở Tư pháp) is due. */
const JAN_19 = () => new Date('2021-01-19T10:00:00+07:00');

const stpLine = async (office: Client, asOf: string) =>
  (await office.get(`/api/status?asOf=${asOf}`))
    .json()
    .agencies.find((a: { code: string }) => a.code === 'STP');

function filesOnDisk(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name);
}

describeOnFastestDatabase('HTTP API: results', (t) => {
  let world: World;
  let office: Client;
  let stp: Client;
  let i3: number;
  beforeEach(async () => {
    world = await buildWorld(t, { now: JAN_19 });
    office = await signIn(world.app, 'vanphong');
    stp = await signIn(world.app, 'stp');
    i3 = await leadAssignmentId(t.db, world.authorityId, 'I.3', 'STP');
  });
  afterEach(() => world.app.close());

  const submit = async (
    client: Client,
    fields: Record<string, string>,
    files: { name: string; bytes: Uint8Array }[] = [{ name: 'bao-cao.pdf', bytes: SMALL_PDF }],
  ) =>
    client.request({
      method: 'POST',
      url: `/api/assignments/${i3}/results`,
      ...(await multipart(fields, files)),
    });

  it('takes a result with a PDF and a .docx; accepting it makes I.3 done on time for Sở Tư pháp', async () => {
    const before = await stpLine(office, '2021-01-19');
    expect(before).toMatchObject({ done_on_time: 0 });
    const docx = await smallDocx();
    const reply = await submit(stp, { documentNumber: '15/BC-STP', note: 'Báo cáo cải cách thể chế' }, [
      { name: 'Báo cáo.pdf', bytes: SMALL_PDF },
      { name: 'Phụ lục số liệu.docx', bytes: docx },
    ]);
    expect(reply.statusCode).toBe(201);
    const result = reply.json();
    expect(result).toMatchObject({
      assignmentId: i3,
      agencyCode: 'STP',
      task: 'I.3',
      submittedOn: '2021-01-19',
      documentNumber: '15/BC-STP',
      status: 'pending',
      parentAssignmentId: null,
    });
    expect(
      result.files.map((f: { fileName: string; mediaType: string }) => [f.fileName, f.mediaType]),
    ).toEqual([
      ['Báo cáo.pdf', 'application/pdf'],
      ['Phụ lục số liệu.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ]);
    expect(filesOnDisk(world.filesDir)).toHaveLength(2);
    // a pending result does not count
    expect(await stpLine(office, '2021-01-19')).toMatchObject({ done_on_time: 0 });

    const accepted = await office.post(`/api/results/${result.id}/accept`);
    expectReply(accepted, 200, {
      status: 'accepted',
      decidedOn: '2021-01-19',
      decidedBy: 'vanphong',
    });
    expect(await stpLine(office, '2021-01-19')).toMatchObject({
      done_on_time: 1,
      open_on_time: before.open_on_time - 1,
    });
    const feb15 = await stpLine(office, '2021-02-15');
    expect(feb15).toMatchObject({ done_on_time: 1, open_overdue: 2, reminders: 2 });

    const [audit] = await auditColumns(t.db, { action: 'result.accept' }, ['actor', 'before', 'after']);
    expect(audit).toMatchObject({
      actor: 'vanphong',
      before: { status: 'pending' },
      after: { status: 'accepted' },
    });
  });

  it('refuses a second result while one is pending or accepted (409)', async () => {
    const first = (await submit(stp, { documentNumber: '1/BC' })).json();
    const again = await submit(stp, { documentNumber: '2/BC' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'CONFLICT', details: { reason: 'pending' } });
    await office.post(`/api/results/${first.id}/accept`);
    expect((await submit(stp, { documentNumber: '3/BC' })).json().error.details.reason).toBe('accepted');
    expect((await office.post(`/api/results/${first.id}/accept`)).statusCode).toBe(409);
    expect(
      (await office.post(`/api/results/${first.id}/return`, { reason: 'Thiếu số liệu' })).statusCode,
    ).toBe(409);
  });

  it('of two simultaneous submissions, takes one and refuses the other', async () => {
    const replies = await Promise.all([
      submit(stp, { documentNumber: '1/BC' }),
      submit(office, { documentNumber: '2/BC' }),
    ]);
    expect(replies.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(await t.db.selectFrom('result_submission').select('id').execute()).toHaveLength(1);
  });

  it('a returned result does not count; the agency submits again and that one is accepted', async () => {
    const first = (await submit(stp, { documentNumber: '1/BC' })).json();
    expect((await office.post(`/api/results/${first.id}/return`, { reason: ' Sai ' })).statusCode).toBe(400);
    const returned = await office.post(`/api/results/${first.id}/return`, {
      reason: 'Thiếu phụ lục số liệu',
    });
    expect(returned.json()).toMatchObject({ status: 'returned', returnReason: 'Thiếu phụ lục số liệu' });
    expect(await stpLine(office, '2021-01-19')).toMatchObject({ done_on_time: 0 });
    const second = await submit(stp, { documentNumber: '1b/BC', note: 'Bổ sung phụ lục' });
    expect(second.statusCode).toBe(201);
    expect((await office.post(`/api/results/${second.json().id}/accept`)).statusCode).toBe(200);
    expect(await stpLine(office, '2021-01-19')).toMatchObject({ done_on_time: 1 });
    const [audit] = await auditColumns(t.db, { action: 'result.return' }, ['after']);
    expect(audit?.after).toMatchObject({ status: 'returned', returnReason: 'Thiếu phụ lục số liệu' });
  });

  it('lets only the Office record a past receipt date, and record and accept at once', async () => {
    const byAgency = await submit(stp, { documentNumber: '1/BC', submittedOn: '2021-01-15' });
    expect(byAgency.statusCode).toBe(403);
    expect((await submit(stp, { documentNumber: '1/BC', accept: 'true' })).statusCode).toBe(403);
    expect((await submit(office, { documentNumber: '1/BC', submittedOn: '2021-01-20' })).statusCode).toBe(
      400,
    );
    // docs/domain-rules.md §5: no result is dated before the plan was issued (13/01/2021)
    const beforePlan = await submit(office, { documentNumber: '1/BC', submittedOn: '2021-01-12' });
    expect([beforePlan.statusCode, beforePlan.json().error]).toEqual([
      400,
      expect.objectContaining({
        code: 'VALIDATION_FAILED',
        message: 'Ngày nhận kết quả phải từ ngày ban hành kế hoạch đến hôm nay.',
      }),
    ]);
    const recorded = await submit(office, {
      documentNumber: '1/BC',
      submittedOn: '2021-01-15',
      accept: 'true',
    });
    expectReply(recorded, 201, {
      submittedOn: '2021-01-15',
      status: 'accepted',
      decidedOn: '2021-01-19',
    });
    expect(await stpLine(office, '2021-01-15')).toMatchObject({ done_on_time: 1 });
  });

  it('accepts JSON without files too, and validates the fields', async () => {
    const json = await stp.post(`/api/assignments/${i3}/results`, {
      documentNumber: '7/BC-STP',
      note: 'Không kèm tệp',
    });
    expect(json.statusCode).toBe(201);
    expect(json.json().files).toEqual([]);
    expect((await stp.post(`/api/assignments/${i3}/results`, { note: 'thiếu số' })).json().error.code).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('decides who may submit and decide', async () => {
    const snv = await signIn(world.app, 'snv');
    const leader = await signIn(world.app, 'lanhdao');
    const other = await signIn(world.app, 'bd.vanphong');
    expect((await submit(snv, { documentNumber: '1/BC' })).statusCode).toBe(403);
    expect((await submit(leader, { documentNumber: '1/BC' })).statusCode).toBe(403);
    expect((await submit(anonymous(world.app), { documentNumber: '1/BC' })).statusCode).toBe(401);
    expect((await submit(other, { documentNumber: '1/BC' })).statusCode).toBe(404);
    const result = (await submit(stp, { documentNumber: '1/BC' })).json();
    expect((await stp.post(`/api/results/${result.id}/accept`)).statusCode).toBe(403);
    expect((await leader.post(`/api/results/${result.id}/accept`)).statusCode).toBe(403);
    expect((await other.post(`/api/results/${result.id}/accept`)).statusCode).toBe(404);
    expect(
      (await anonymous(world.app).post(`/api/results/${result.id}/return`, { reason: 'Thiếu số liệu' }))
        .statusCode,
    ).toBe(401);
  });

  it('refuses a file whose content is not allowed, whatever its name (415), and stores nothing', async () => {
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(64, 0)]);
    const reply = await submit(stp, { documentNumber: '1/BC' }, [{ name: 'bao-cao.pdf', bytes: exe }]);
    expect(reply.statusCode).toBe(415);
    expect(reply.json().error.code).toBe('FILE_TYPE_NOT_ALLOWED');
    const zipNamedDocx = await new JSZip().file('a.txt', 'x').generateAsync({ type: 'nodebuffer' });
    expect(
      (await submit(stp, { documentNumber: '1/BC' }, [{ name: 'a.docx', bytes: zipNamedDocx }])).statusCode,
    ).toBe(415);
    expect(await t.db.selectFrom('result_submission').select('id').execute()).toEqual([]);
    expect(filesOnDisk(world.filesDir)).toEqual([]);
  });

  it('refuses more than five files (400)', async () => {
    const six = Array.from({ length: 6 }, (_, n) => ({
      name: `tep-${n}.txt`,
      bytes: Buffer.from(`tệp số ${n}`),
    }));
    const reply = await submit(stp, { documentNumber: '1/BC' }, six);
    expect(reply.statusCode).toBe(400);
  });

  it('refuses a file over the upload limit with FILE_TOO_LARGE (413)', async () => {
    const app = await buildApp({
      db: t.db,
      databaseKind: t.backend,
      http: { filesDir: world.filesDir, maxUploadBytes: 1024 },
      now: JAN_19,
    });
    try {
      const client = await signIn(app, 'stp');
      const big = Buffer.concat([SMALL_PDF, Buffer.alloc(2048, 0x20)]);
      const reply = await client.request({
        method: 'POST',
        url: `/api/assignments/${i3}/results`,
        ...(await multipart({ documentNumber: '1/BC' }, [{ name: 'lon.pdf', bytes: big }])),
      });
      expect(reply.statusCode).toBe(413);
      expect(reply.json().error).toMatchObject({ code: 'FILE_TOO_LARGE', details: { maxBytes: 1024 } });
      expect(await t.db.selectFrom('result_submission').select('id').execute()).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('GET /results: the Office sees the queue; an agency only its own', async () => {
    const snv = await signIn(world.app, 'snv');
    const i6 = await leadAssignmentId(t.db, world.authorityId, 'I.6', 'SNV');
    await submit(stp, { documentNumber: '1/BC-STP' });
    const snvResult = await snv.request({
      method: 'POST',
      url: `/api/assignments/${i6}/results`,
      ...(await multipart({ documentNumber: '1/BC-SNV' })),
    });
    await office.post(`/api/results/${snvResult.json().id}/accept`);
    const pending = (await office.get('/api/results?status=pending')).json();
    expect(pending).toMatchObject({ total: 1, page: 1, pageSize: 50 });
    expect(pending.items.map((r: { agencyCode: string }) => r.agencyCode)).toEqual(['STP']);
    const all = (await office.get('/api/results?pageSize=1&page=2')).json();
    expect(all).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(all.items).toHaveLength(1);
    const mine = (await stp.get('/api/results')).json();
    expect(mine.items.map((r: { agencyCode: string }) => r.agencyCode)).toEqual(['STP']);
    expect(mine.total).toBe(1);
    expect((await stp.get(`/api/results?assignmentId=${i6}`)).statusCode).toBe(403);
    expect((await (await signIn(world.app, 'lanhdao')).get('/api/results')).json().total).toBe(2);
    expect((await (await signIn(world.app, 'bd.vanphong')).get('/api/results')).json().total).toBe(0);
    expect((await anonymous(world.app).get('/api/results')).statusCode).toBe(401);
  });
});

describe('minimal .docx', () => {
  it('is a zip holding [Content_Types].xml', async () => {
    const bytes = await smallDocx();
    expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    expect(Object.keys((await JSZip.loadAsync(bytes)).files)).toContain('[Content_Types].xml');
  });
});
