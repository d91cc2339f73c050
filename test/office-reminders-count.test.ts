import { expect, it } from 'vitest';
import { putLetterSettings } from '../src/modules/followup/letter-settings.service.ts';
import { scoreYear } from '../src/modules/scoring/scoring.service.ts';
import { getStatistics } from '../src/modules/statistics/statistics.service.ts';
import { getStatus, listWrittenReminders } from '../src/modules/status/status.service.ts';
import { systemContextFor } from './support/context.ts';
import { describeOnFastestDatabase } from './support/databases.ts';
import { sharedFollowupDemo } from './support/sweep-suite.ts';

/**
 * `officeRemindersCount` (docs/domain-rules.md §6.1, §7): whether the written reminder of a task the
 * Office (VP) leads counts. The seed check (§6): 68 reminders as of 15/02/2021, VP 8 of them.
 */
describeOnFastestDatabase('the Office’s own reminders: counted or not (a setting)', (t) => {
  const demo = sharedFollowupDemo(t);

  it('off: VP’s 8 reminders leave the status, the statistics, the reminder list and VP’s score; audited', async () => {
    const id = demo();
    const ctx = systemContextFor(t.db, id, { now: new Date('2021-02-15T03:00:00Z') });
    const figures = async () => {
      const status = await getStatus(ctx, { asOf: '2021-02-15' });
      const stats = await getStatistics(ctx, { asOf: '2021-02-15' });
      const list = (await listWrittenReminders(ctx, { asOf: '2021-02-15' })).reminders;
      const vp = (await scoreYear(ctx, { year: 2021 })).agencies.find((a) => a.code === 'VP');
      return {
        status: status.totals.reminders,
        statusVp: status.agencies.find((a) => a.code === 'VP')?.reminders,
        statistics: stats.totals.counts.reminders,
        statisticsVp: stats.groups.find((g) => g.code === 'VP')?.counts.reminders,
        list: list.length,
        listVp: list.filter((r) => r.agency === 'VP').length,
        vpPoints: vp?.points,
      };
    };
    // the default: counted, as every agency's (2 points − 0.5 per reminder, floor 0)
    expect(await figures()).toEqual({
      status: 68,
      statusVp: 8,
      statistics: 68,
      statisticsVp: 8,
      list: 68,
      listVp: 8,
      vpPoints: 0,
    });
    await putLetterSettings(ctx, { officeRemindersCount: false });
    expect(await figures()).toEqual({
      status: 60,
      statusVp: 0,
      statistics: 60,
      statisticsVp: 0,
      list: 60,
      listVp: 0,
      vpPoints: 2,
    });
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['after'])
      .where('action', '=', 'settings.letters.update')
      .execute();
    expect(audit).toEqual([{ after: { officeRemindersCount: false } }]);
  });
});
