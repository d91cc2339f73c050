import { expect, it } from 'vitest';
import { ASSIGNMENT_STATES } from '../src/domain/state.ts';
import { foldVietnamese } from '../src/domain/vietnamese-text.ts';
import { submitResult } from '../src/modules/results/results.service.ts';
import { submitSeedResult, systemContextFor } from './support/context.ts';
import { describeOnFastestDatabase } from './support/databases.ts';
import { anonymous, type Client, signIn } from './support/http.ts';
import { useSeedWorld } from './support/world.ts';

type Item = {
  id: number;
  planNumber: string;
  taskRef: string;
  taskContent: string;
  agencyId: number;
  agencyCode: string;
  agencyName: string;
  role: string;
  currentDueOn: string | null;
  state: string;
  daysOverdue: number;
  doneOn: string | null;
};

describeOnFastestDatabase('HTTP API: the work list and one assignment', (t) => {
  const seed = useSeedWorld(t, {
    now: () => new Date('2021-02-15T03:00:00Z'),
    signedIn: { office: 'vanphong' },
  });

  const list = async (client: Client, query: string) => {
    const reply = await client.get(`/api/assignments?${query}`);
    expect(reply.statusCode, reply.body).toBe(200);
    return reply.json() as { asOf: string; items: Item[]; total: number; page: number; pageSize: number };
  };
  const totalsByState = async (client: Client, asOf: string) => {
    const totals: Record<string, number> = {};
    for (const state of ASSIGNMENT_STATES)
      totals[state] = (await list(client, `asOf=${asOf}&state=${state}`)).total;
    return totals;
  };
  const leadId = async (ref: string, code: string) =>
    (
      await list(
        seed.office,
        `q=${encodeURIComponent(ref === 'I.3' ? 'cải cách thể chế' : 'tổ chức bộ máy')}&role=lead`,
      )
    ).items.find((i) => i.taskRef === ref && i.agencyCode === code)?.id ?? 0;

  it('lists the seed: 111 lead assignments, 68 overdue as of 2021-02-15, as the status counts them', async () => {
    const all = await list(seed.office, 'asOf=2021-02-15&pageSize=200');
    expect(all.total).toBe(111);
    expect(new Set(all.items.map((i) => i.role))).toEqual(new Set(['lead']));
    const overdue = await list(seed.office, 'asOf=2021-02-15&state=open_overdue&pageSize=200');
    expect(overdue.total).toBe(68);
    expect(overdue.items.every((i) => i.state === 'open_overdue' && i.daysOverdue > 0)).toBe(true);
    const status = (await seed.office.get('/api/status?asOf=2021-02-15')).json();
    const totals = await totalsByState(seed.office, '2021-02-15');
    for (const state of ASSIGNMENT_STATES) expect(totals[state]).toBe(status.totals[state]);
    expect(Object.values(totals).reduce((a, b) => a + b, 0)).toBe(all.total);
  });

  it('agrees with the status for every state once results are in and a task is cancelled', async () => {
    const base = { plan: '87/KH-UBND', accept: true };
    await submitResult(systemContextFor(t.db, seed.world.authorityId), {
      ...base,
      task: 'I.3',
      agency: 'STP',
      submittedOn: '2021-01-19',
    });
    await submitResult(systemContextFor(t.db, seed.world.authorityId), {
      ...base,
      task: 'I.6',
      agency: 'SNV',
      submittedOn: '2021-02-01',
    });
    await submitResult(systemContextFor(t.db, seed.world.authorityId), {
      ...base,
      task: 'II.2',
      agency: 'SKHDT',
      submittedOn: '2021-02-10',
    });
    const i4 = (await list(seed.office, 'q=hiện đại hóa nền hành chính')).items[0];
    const i4Task = (await seed.office.get(`/api/assignments/${i4?.id}`)).json().task.id;
    expect(
      (await seed.office.post(`/api/tasks/${i4Task}/cancel`, { cancelledOn: '2021-01-25' })).statusCode,
    ).toBe(200);
    for (const asOf of ['2021-01-20', '2021-02-15', '2021-06-30', '2021-12-31']) {
      const status = (await seed.office.get(`/api/status?asOf=${asOf}`)).json();
      const totals = await totalsByState(seed.office, asOf);
      for (const state of ASSIGNMENT_STATES)
        expect([asOf, state, totals[state]]).toEqual([asOf, state, status.totals[state]]);
    }
    const done = await list(seed.office, 'asOf=2021-02-15&state=done_on_time');
    expect(done.items.map((i) => [i.taskRef, i.agencyCode, i.doneOn])).toEqual([
      ['I.3', 'STP', '2021-01-19'],
      ['II.2', 'SKHDT', '2021-02-10'],
    ]);
    const late = await list(seed.office, 'asOf=2021-02-15&state=done_late');
    expect(late.items.map((i) => [i.taskRef, i.agencyCode, i.daysOverdue])).toEqual([['I.6', 'SNV', 0]]);
    // before its submission date a result does not count
    expect((await list(seed.office, 'asOf=2021-01-31&state=done_late')).total).toBe(0);
  });

  it('pages with stable totals and no item twice', async () => {
    const pages: Awaited<ReturnType<typeof list>>[] = [];
    for (const page of [1, 2, 3, 4])
      pages.push(await list(seed.office, `asOf=2021-02-15&pageSize=50&page=${page}`));
    expect(pages.map((p) => p.total)).toEqual([111, 111, 111, 111]);
    expect(pages.map((p) => p.items.length)).toEqual([50, 50, 11, 0]);
    const ids = pages.flatMap((p) => p.items.map((i) => i.id));
    expect(new Set(ids).size).toBe(111);
    const dues = ids.map(
      (id) => pages.flatMap((p) => p.items).find((i) => i.id === id)?.currentDueOn ?? '9999',
    );
    expect(dues).toEqual([...dues].sort());
    // nothing on the first page: nothing at all (the count rides on the page's rows)
    expect(await list(seed.office, 'asOf=2021-02-15&q=khong-co-viec-nao-nhu-the')).toMatchObject({
      total: 0,
      items: [],
    });
  });

  it('sorts by due date, agency or plan, either way', async () => {
    const desc = (await list(seed.office, 'asOf=2021-02-15&pageSize=200&sort=dueOn&order=desc')).items;
    const dues = desc.map((i) => i.currentDueOn ?? '');
    expect(dues).toEqual([...dues].sort().reverse());
    const byAgency = (await list(seed.office, 'asOf=2021-02-15&pageSize=200&sort=agency')).items.map(
      (i) => i.agencyId,
    );
    expect(byAgency).toEqual([...byAgency].sort((a, b) => a - b));
    expect(byAgency[0]).toBe(seed.world.agency('VP'));
    const byAgencyDesc = (await list(seed.office, 'asOf=2021-02-15&pageSize=200&sort=agency&order=desc'))
      .items;
    expect(byAgencyDesc[0]?.agencyId).toBe(Math.max(...byAgency));
  });

  it('searches task content, plan number and agency name without diacritics', async () => {
    const snv = await list(seed.office, 'asOf=2021-02-15&pageSize=200&q=so%20noi%20vu');
    const accented = await list(
      seed.office,
      `asOf=2021-02-15&pageSize=200&q=${encodeURIComponent('Sở Nội vụ')}`,
    );
    expect(snv.total).toBeGreaterThan(0);
    expect(snv.total).toBe(accented.total);
    expect(snv.items.some((i) => i.taskRef === 'I.6' && i.agencyCode === 'SNV')).toBe(true);
    for (const item of snv.items) {
      expect(foldVietnamese(`${item.taskContent} ${item.planNumber} ${item.agencyName}`)).toContain(
        'so noi vu',
      );
    }
    const content = await list(seed.office, 'asOf=2021-02-15&q=CAI%20CACH%20THE%20CHE');
    expect(content.items.map((i) => [i.taskRef, i.agencyCode])).toEqual([['I.3', 'STP']]);
    expect((await list(seed.office, 'asOf=2021-02-15&q=87%2FKH')).total).toBe(111);
    expect((await list(seed.office, 'asOf=2021-02-15&q=%25')).total).toBe(0); // '%' is a character, not a wildcard
  });

  it('filters by agency, plan, role and due dates', async () => {
    const stp = await list(seed.office, `asOf=2021-02-15&agencyId=${seed.world.agency('STP')}`);
    expect(new Set(stp.items.map((i) => i.agencyCode))).toEqual(new Set(['STP']));
    const planId = (await seed.office.get('/api/plans')).json().items[0].id;
    expect((await list(seed.office, `asOf=2021-02-15&planId=${planId}`)).total).toBe(111);
    expect((await list(seed.office, 'asOf=2021-02-15&planId=999999')).total).toBe(0);
    const support = (await list(seed.office, 'asOf=2021-02-15&role=support')).total;
    const all = (await list(seed.office, 'asOf=2021-02-15&role=all')).total;
    expect(support).toBeGreaterThan(0);
    expect(all).toBe(111 + support);
    const january = await list(
      seed.office,
      'asOf=2021-02-15&pageSize=200&dueFrom=2021-01-20&dueTo=2021-01-31',
    );
    expect(january.total).toBeGreaterThan(0);
    expect(
      january.items.every(
        (i) => i.currentDueOn !== null && i.currentDueOn >= '2021-01-20' && i.currentDueOn <= '2021-01-31',
      ),
    ).toBe(true);
  });

  it('shows an agency its own scope only', async () => {
    const stp = await signIn(seed.world.app, 'stp');
    const mine = await list(stp, 'asOf=2021-02-15&pageSize=200&role=all');
    expect(mine.total).toBeGreaterThan(0);
    expect(new Set(mine.items.map((i) => i.agencyCode))).toEqual(new Set(['STP']));
    expect((await list(stp, 'asOf=2021-02-15&state=open_overdue')).total).toBe(3);
    expect(
      (await list(stp, 'asOf=2021-02-15&q=so%20noi%20vu')).items.every((i) => i.agencyCode === 'STP'),
    ).toBe(true);
    const other = await stp.get(`/api/assignments?agencyId=${seed.world.agency('SNV')}`);
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('FORBIDDEN');
    const own = await stp.get(`/api/assignments/${await leadId('I.3', 'STP')}`);
    expect(own.statusCode).toBe(200);
    const snv = await stp.get(`/api/assignments/${await leadId('I.6', 'SNV')}`);
    expect([403, 404]).toContain(snv.statusCode);
  });

  it('shows one assignment with its task, plan header and results', async () => {
    await submitSeedResult(t.db, seed.world.authorityId, 'I.3', 'STP', '2021-01-19', {
      documentNumber: '15/BC-STP',
    });
    const id = await leadId('I.3', 'STP');
    const before = (await seed.office.get(`/api/assignments/${id}?asOf=2021-01-18`)).json();
    expect(before.assignment).toMatchObject({
      state: 'open_on_time',
      doneOn: null,
      currentDueOn: '2021-01-20',
    });
    const body = (await seed.office.get(`/api/assignments/${id}?asOf=2021-02-15`)).json();
    expect(body.assignment).toMatchObject({
      id,
      agencyCode: 'STP',
      role: 'lead',
      state: 'done_on_time',
      doneOn: '2021-01-19',
    });
    expect(body.task).toMatchObject({ ref: 'I.3', leadText: 'Sở Tư pháp', dueOn: '2021-01-20' });
    expect(body.plan).toMatchObject({ number: '87/KH-UBND', issuedOn: '2021-01-13' });
    expect(body.results).toEqual([
      expect.objectContaining({ status: 'accepted', documentNumber: '15/BC-STP', files: [] }),
    ]);
    expect(body.extensions).toEqual([]);
    expect(body.obstacles).toEqual([]);
    expect((await seed.office.get('/api/assignments/999999')).json().error.code).toBe('ASSIGNMENT_NOT_FOUND');
  });

  it('keeps another authority out', async () => {
    const bd = await signIn(seed.world.app, 'bd.vanphong');
    const theirs = await list(bd, 'asOf=2021-12-31&pageSize=200');
    expect(theirs.items.map((i) => i.planNumber)).toEqual(['52/KH-UBND']);
    expect((await list(bd, `asOf=2021-12-31&agencyId=${seed.world.agency('STP')}`)).total).toBe(0);
    expect((await list(bd, 'asOf=2021-12-31&q=87')).total).toBe(0);
    const reply = await bd.get(`/api/assignments/${await leadId('I.3', 'STP')}`);
    expect(reply.statusCode).toBe(404);
  });

  it.each([
    ['state=late', 400],
    ['pageSize=500', 400],
    ['page=0', 400],
    ['sort=title', 400],
    ['dueFrom=2021-02-30', 400],
    ['asOf=15/02/2021', 400],
  ])('refuses %s', async (query, status) => {
    const reply = await seed.office.get(`/api/assignments?${query}`);
    expect(reply.statusCode).toBe(status);
    expect(reply.json().error.message).toMatch(/[À-ỹ]/);
  });

  it('asks the public to sign in', async () => {
    expect((await anonymous(seed.world.app).get('/api/assignments')).statusCode).toBe(401);
    expect((await anonymous(seed.world.app).get('/api/assignments/1')).statusCode).toBe(401);
  });
});
