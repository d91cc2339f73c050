import { readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentDisposition, sanitiseFileName, sniffFileKind } from '../src/modules/files/file-store.ts';
import { leadAssignmentId, multipart, SMALL_PDF, smallDocx } from './matrix/results.matrix.ts';
import { describeOnFastestDatabase } from './support/databases.ts';
import { anonymous, buildWorld, type Client, signIn, type World } from './support/http.ts';

const JAN_19 = () => new Date('2021-01-19T10:00:00+07:00');

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const JPEG = Buffer.from('ffd8ffe000104a464946', 'hex');
const OLE = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504, 0)]);

function filesOnDisk(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name);
}

describe('file content and names', () => {
  it('recognises the allowed kinds by content, not by name', async () => {
    expect(sniffFileKind(SMALL_PDF, 'x.doc')).toBe('pdf');
    expect(sniffFileKind(PNG, 'anh')).toBe('png');
    expect(sniffFileKind(JPEG, 'anh.png')).toBe('jpeg');
    expect(sniffFileKind(await smallDocx(), 'bao-cao.docx')).toBe('docx');
    expect(sniffFileKind(await smallDocx(), 'bao-cao.zip')).toBeNull();
    expect(sniffFileKind(OLE, 'so-lieu.xls')).toBe('xls');
    expect(sniffFileKind(OLE, 'thu.msg')).toBeNull();
    expect(sniffFileKind(Buffer.from('Báo cáo số 15, ngày 19/01/2021\n'), 'ghi-chu.txt')).toBe('text');
    expect(sniffFileKind(Buffer.from([0x61, 0x00, 0x62]), 'nul.txt')).toBeNull();
    expect(sniffFileKind(Buffer.from([0xc3, 0x28]), 'latin.txt')).toBeNull();
    expect(sniffFileKind(Buffer.from('MZ\x90\x00', 'latin1'), 'setup.pdf')).toBeNull();
  });

  it('sanitises names: no folders, control or reserved characters, Vietnamese kept, 150 characters', () => {
    expect(sanitiseFileName('../../etc/Báo cáo: "quý I".pdf', 'pdf')).toBe('Báo cáo quý I.pdf');
    expect(sanitiseFileName('C:\\Users\\a\\Kế hoạch.docx', 'docx')).toBe('Kế hoạch.docx');
    expect(sanitiseFileName('hoa-don\u202Efdp.exe', 'pdf')).toBe('hoa-don fdp.exe.pdf');
    expect(sanitiseFileName('trang.html', 'text')).toBe('trang.html.txt');
    expect(sanitiseFileName('CON.txt', 'text')).toBe('_CON.txt');
    expect(sanitiseFileName('...', 'pdf')).toBe('tep-dinh-kem.pdf');
    const long = sanitiseFileName(`${'Báo cáo '.repeat(40)}.pdf`, 'pdf');
    expect(Array.from(long).length).toBeLessThanOrEqual(150);
    expect(long.endsWith('.pdf')).toBe(true);
    expect(sanitiseFileName('Ba\u0301o ca\u0301o.pdf', 'pdf')).toBe('Báo cáo.pdf'); // NFD → NFC
  });

  it('offers the name as an ASCII fallback and RFC 5987 filename*', () => {
    expect(contentDisposition('Báo cáo (đợt 1).pdf')).toBe(
      `attachment; filename="Bao cao (dot 1).pdf"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20%28%C4%91%E1%BB%A3t%201%29.pdf`,
    );
  });
});

describeOnFastestDatabase('HTTP API: files', (t) => {
  let world: World;
  let stp: Client;
  let i3: number;
  beforeEach(async () => {
    world = await buildWorld(t, { now: JAN_19 });
    stp = await signIn(world.app, 'stp');
    i3 = await leadAssignmentId(t.db, world.authorityId, 'I.3', 'STP');
  });
  afterEach(() => world.app.close());

  const submit = async (client: Client, files: { name: string; bytes: Uint8Array }[]) =>
    client.request({
      method: 'POST',
      url: `/api/assignments/${i3}/results`,
      ...(await multipart({ documentNumber: '15/BC-STP' }, files)),
    });

  it('lets whoever may read the assignment download the file; others get 403, 401 or 404', async () => {
    const result = (await submit(stp, [{ name: 'Báo cáo tháng 1.pdf', bytes: SMALL_PDF }])).json();
    const url = `/api/files/${result.files[0].id}`;
    const reply = await stp.get(url);
    expect(reply.statusCode).toBe(200);
    expect(reply.rawPayload.equals(SMALL_PDF)).toBe(true);
    expect(reply.headers['content-type']).toBe('application/pdf');
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['content-disposition']).toBe(
      `attachment; filename="Bao cao thang 1.pdf"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20th%C3%A1ng%201.pdf`,
    );
    for (const user of ['vanphong', 'lanhdao', 'quantri']) {
      expect((await (await signIn(world.app, user)).get(url)).statusCode).toBe(200);
    }
    expect((await (await signIn(world.app, 'snv')).get(url)).statusCode).toBe(403);
    expect((await anonymous(world.app).get(url)).statusCode).toBe(401);
    const other = await (await signIn(world.app, 'bd.vanphong')).get(url);
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('FILE_NOT_FOUND');
    expect((await stp.get('/api/files/999999')).statusCode).toBe(404);
  });

  it('stores the same content once on disk, however often it is uploaded', async () => {
    const office = await signIn(world.app, 'vanphong');
    const first = (await submit(stp, [{ name: 'bao-cao.pdf', bytes: SMALL_PDF }])).json();
    await office.post(`/api/results/${first.id}/return`, { reason: 'Thiếu chữ ký' });
    const second = await submit(stp, [
      { name: 'bao-cao (bổ sung).pdf', bytes: SMALL_PDF },
      { name: 'ban-sao.pdf', bytes: SMALL_PDF },
    ]);
    expect(second.statusCode).toBe(201);
    const rows = await t.db.selectFrom('stored_file').select(['sha256', 'file_name', 'size_bytes']).execute();
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((r) => r.sha256)).size).toBe(1);
    const onDisk = filesOnDisk(world.filesDir);
    expect(onDisk).toEqual([rows[0]?.sha256]);
    const hash = rows[0]?.sha256 ?? '';
    expect(readdirSync(`${world.filesDir}/${hash.slice(0, 2)}/${hash.slice(2, 4)}`)).toEqual([hash]);
    for (const file of second.json().files) {
      expect((await stp.get(`/api/files/${file.id}`)).rawPayload.equals(SMALL_PDF)).toBe(true);
    }
  });

  it('serves text as text/plain with a safe name, and images as images', async () => {
    const result = (
      await submit(stp, [
        { name: '<script>.html', bytes: Buffer.from('<script>alert(1)</script>') },
        { name: 'anh-chup.png', bytes: PNG },
      ])
    ).json();
    expect(
      result.files.map((f: { fileName: string; mediaType: string }) => [f.fileName, f.mediaType]),
    ).toEqual([
      ['script.html.txt', 'text/plain; charset=utf-8'],
      ['anh-chup.png', 'image/png'],
    ]);
    const text = await stp.get(`/api/files/${result.files[0].id}`);
    expect(text.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(text.headers['content-disposition']).toMatch(/^attachment;/);
  });
});
