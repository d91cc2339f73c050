import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { loadDemo } from '../src/modules/demo/demo.service.ts';
import { describeEachDatabase } from './support/databases.ts';

describeEachDatabase('the audit log is append-only', (t) => {
  it('refuses to update or delete an audit row, even in SQL', async () => {
    await loadDemo(t.db);
    const before = await t.db.selectFrom('audit_log').selectAll().orderBy('id').execute();
    expect(before.length).toBeGreaterThan(0);
    await expect(sql`update audit_log set actor = 'someone else'`.execute(t.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_log`.execute(t.db)).rejects.toThrow(/append-only/);
    expect(await t.db.selectFrom('audit_log').selectAll().orderBy('id').execute()).toEqual(before);
  });

  it('lets only a demo reset purge the demo authority’s rows', async () => {
    await loadDemo(t.db);
    await loadDemo(t.db, { reset: true });
    const actions = await t.db.selectFrom('audit_log').select('action').execute();
    expect(actions.filter((a) => a.action === 'demo.load')).toHaveLength(1);
  });
});
