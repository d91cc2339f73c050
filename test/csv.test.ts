/**
 * CSV export of the lists (src/server/csv.ts): `?format=csv` or `Accept: text/csv` on a list route
 * answers every row (not one page) with the same filters and access scope, as RFC 4180 with a BOM.
 */
import { describe, expect, it } from 'vitest';
import { readCsv } from '../src/domain/csv.ts';
import { CSV_LISTS, csvField, toCsv } from '../src/server/csv.ts';
import { describeOnFastestDatabase } from './support/databases.ts';
import { anonymous, signIn } from './support/http.ts';
import { useSeedWorld } from './support/world.ts';

/** RFC 4180 → rows of fields, read by the one CSV reader (domain/csv.ts). */
function parseCsv(text: string): string[][] {
  return readCsv(text, ',');
}

function table(body: string) {
  expect(body.startsWith('\uFEFF')).toBe(true);
  expect(body.endsWith('\r\n')).toBe(true);
  const [header = [], ...rows] = parseCsv(body.slice(1));
  return { header, rows, column: (title: string) => rows.map((r) => r[header.indexOf(title)]) };
}

describe('csv helper', () => {
  it('quotes per RFC 4180, keeps numbers, defuses formulas, writes a BOM and CRLF', () => {
    expect(csvField('Sở Văn hóa, Thể thao và Du lịch')).toBe('"Sở Văn hóa, Thể thao và Du lịch"');
    expect(csvField('Nói "đúng hạn"')).toBe('"Nói ""đúng hạn"""');
    expect(csvField('hai\ndòng')).toBe('"hai\ndòng"');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField(0.25)).toBe('0.25');
    expect(csvField(null)).toBe('');
    expect(csvField(true)).toBe('có');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('-12')).toBe("'-12");
    expect(csvField(-12)).toBe('-12');
    expect(csvField("-2+3+cmd|' /C calc'!A0")).toBe("'-2+3+cmd|' /C calc'!A0");
    expect(csvField('\uFF1D1+1')).toBe("'\uFF1D1+1");
    const text = toCsv([
      { id: 1, agency: { code: 'STP', name: 'Sở Tư pháp' }, tags: ['a', 'b'] },
      { id: 2, agency: { code: 'SNV', name: 'Sở Nội vụ' }, extra: 'x' },
    ]);
    expect(text).toBe(
      '\uFEFFMã số,Mã cơ quan,Cơ quan,tags,extra\r\n1,STP,Sở Tư pháp,"a, b",\r\n2,SNV,Sở Nội vụ,,x\r\n',
    );
  });
});

describeOnFastestDatabase('lists export to CSV with the same filters and scope', (t) => {
  const seed = useSeedWorld(t, { now: () => new Date('2021-02-15T09:00:00+07:00') });

  it('every row, not a page; filters, scope and access as the JSON list', async () => {
    const office = await signIn(seed.world.app, 'vanphong');
    const stp = await signIn(seed.world.app, 'stp');
    const admin = await signIn(seed.world.app, 'quantri');

    // 68 overdue: more than a page of 50, all in the file
    const json = (await office.get('/api/statistics/items?asOf=2021-02-15&state=open_overdue')).json();
    expect(json.items).toHaveLength(50);
    const all = await office.get('/api/statistics/items?asOf=2021-02-15&state=open_overdue&format=csv');
    expect(all.statusCode).toBe(200);
    expect(all.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(all.headers['content-disposition']).toBe('attachment; filename="danh-sach-chi-tiet.csv"');
    const overdue = table(all.body);
    expect(overdue.rows).toHaveLength(68);
    expect(overdue.header).toContain('Cơ quan');
    expect(overdue.column('Trạng thái').every((s) => s === 'open_overdue')).toBe(true);
    expect(overdue.column('Cơ quan').filter((n) => n === 'Sở Văn hóa, Thể thao và Du lịch')).toHaveLength(2);

    // the same filter narrows the file; the Accept header works too
    const filtered = await office.request({
      method: 'GET',
      url: `/api/statistics/items?asOf=2021-02-15&state=open_overdue&agencyId=${seed.world.agency('STP')}`,
      headers: { accept: 'text/csv' },
    });
    expect(table(filtered.body).rows).toHaveLength(3);

    // an agency user gets its own scope, in CSV as in JSON
    const own = table(
      (await stp.get('/api/statistics/items?asOf=2021-02-15&state=open_overdue&format=csv')).body,
    );
    expect(own.rows).toHaveLength(3);
    expect(new Set(own.column('Mã cơ quan'))).toEqual(new Set(['STP']));
    expect((await stp.get('/api/audit?format=csv')).statusCode).toBe(403);
    expect((await anonymous(seed.world.app).get('/api/reminders?format=csv')).statusCode).toBe(401);

    // the other lists of the screens
    expect(table((await office.get('/api/reminders?asOf=2021-12-31&format=csv')).body).rows).toHaveLength(
      111,
    );
    const status = table((await office.get('/api/status?asOf=2021-02-15&format=csv')).body);
    expect(status.rows).toHaveLength(29);
    expect(
      status
        .column('Chưa hoàn thành – quá hạn')
        .map(Number)
        .reduce((a, b) => a + b, 0),
    ).toBe(68);
    const agencies = table((await office.get('/api/directory/agencies?format=csv')).body);
    expect(agencies.rows.length).toBeGreaterThanOrEqual(29);
    const assignments = (await office.get('/api/assignments?format=csv')).body;
    const assignmentsJson = (await office.get('/api/assignments')).json();
    expect(table(assignments).rows).toHaveLength(assignmentsJson.total);
    const scores = table((await office.get('/api/scores?year=2021&format=csv')).body);
    expect(scores.header).toContain('Xếp loại');
    expect(scores.rows.length).toBeGreaterThan(20);
    const audit = table((await admin.get('/api/audit?format=csv')).body);
    expect(audit.rows.length).toBe((await admin.get('/api/audit')).json().total);
    for (const url of ['/api/obstacles', '/api/extensions', '/api/plans', '/api/results']) {
      const reply = await office.get(`${url}?format=csv`);
      expect(reply.statusCode, url).toBe(200);
      expect(reply.body.startsWith('\uFEFF'), url).toBe(true);
    }
    // JSON is untouched without the parameter; a route without CSV ignores nothing and keeps its rules
    expect((await office.get('/api/obstacles')).headers['content-type']).toContain('application/json');
    expect(Object.keys(CSV_LISTS)).toContain('/api/audit');
  });
});
