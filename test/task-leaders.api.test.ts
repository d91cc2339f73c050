import { expect, it } from 'vitest';
import { describeOnFastestDatabase } from './support/databases.ts';
import { userIdOf } from './support/lookups.ts';
import { useSeedWorld } from './support/world.ts';

/**
 * Lãnh đạo phụ trách (docs/domain-rules.md §10): each task has the leader in charge — a field the
 * Office sets, a filter of the work list, a column of the report's overdue list. The filter is SQL,
 * so on both databases.
 */
describeOnFastestDatabase('the leader in charge of a task (lãnh đạo phụ trách)', (t) => {
  const seed = useSeedWorld(t, {
    now: () => new Date('2021-02-15T03:00:00Z'),
    signedIn: { office: 'vanphong', leader: 'lanhdao', agency: 'snv' },
  });

  /** Task I.6 of the seed plan (lead: Sở Nội vụ, due 20/01/2021). */
  const taskI6 = () =>
    t.db
      .selectFrom('task')
      .select(['id', 'version', 'plan_id'])
      .where('ref', '=', 'I.6')
      .where('authority_id', '=', seed.world.authorityId)
      .executeTakeFirstOrThrow();

  it('is set by the Office to a leader account, shown on the plan, filters the work list and names the report’s overdue rows', async () => {
    const leaderId = await userIdOf(t.db, 'lanhdao');
    expect((await seed.office.get('/api/leaders')).json().items).toEqual([
      { id: leaderId, displayName: 'Phó Chủ tịch UBND tỉnh' },
    ]);
    const task = await taskI6();
    const refused = await seed.office.patch(`/api/tasks/${task.id}`, {
      version: task.version,
      leaderUserId: await userIdOf(t.db, 'snv'),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toContain('Lãnh đạo phụ trách');
    expect(
      (await seed.leader.patch(`/api/tasks/${task.id}`, { version: task.version, leaderUserId: leaderId }))
        .statusCode,
    ).toBe(403);

    const set = await seed.office.patch(`/api/tasks/${task.id}`, {
      version: task.version,
      leaderUserId: leaderId,
    });
    expect(set.statusCode).toBe(200);
    expect(set.json().task).toMatchObject({ ref: 'I.6', leaderUserId: leaderId });

    const plan = (await seed.leader.get(`/api/plans/${task.plan_id}`)).json();
    const tasks = plan.tasks as { ref: string; leader: unknown }[];
    expect(tasks.find((x) => x.ref === 'I.6')?.leader).toEqual({
      id: leaderId,
      name: 'Phó Chủ tịch UBND tỉnh',
    });
    expect(tasks.filter((x) => x.leader !== null)).toHaveLength(1);

    const mine = (await seed.leader.get(`/api/assignments?leaderUserId=${leaderId}&asOf=2021-02-15`)).json();
    expect(mine.total).toBeGreaterThan(0);
    expect(new Set(mine.items.map((i: { taskRef: string }) => i.taskRef))).toEqual(new Set(['I.6']));

    const report = (await seed.office.get('/api/reports?from=2021-01-01&to=2021-02-15')).json();
    const overdue = report.overdue as { task: { ref: string }; leader: string | null }[];
    expect(overdue.filter((o) => o.task.ref === 'I.6').map((o) => o.leader)).toContain(
      'Phó Chủ tịch UBND tỉnh',
    );
    expect(overdue.filter((o) => o.task.ref !== 'I.6').every((o) => o.leader === null)).toBe(true);

    const cleared = await seed.office.patch(`/api/tasks/${task.id}`, {
      version: set.json().task.version,
      leaderUserId: null,
    });
    expect(cleared.json().task.leaderUserId).toBeNull();
    expect((await seed.leader.get(`/api/assignments?leaderUserId=${leaderId}`)).json().total).toBe(0);
  });
});
