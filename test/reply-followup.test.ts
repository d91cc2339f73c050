import { expect, it } from 'vitest';
import { registerLetter } from '../src/modules/followup/letters.service.ts';
import { escalationKey } from '../src/modules/followup/notices.ts';
import { submitResult } from '../src/modules/results/results.service.ts';
import { systemContextFor } from './support/context.ts';
import { describeOnFastestDatabase } from './support/databases.ts';
import { loadFollowupDemo, sweepEveryDay } from './support/followup.ts';
import { assignmentOf, userIdOf } from './support/lookups.ts';
import { serverZoneUtc } from './support/sweep-suite.ts';

serverZoneUtc();

/**
 * The reply deadline of a reminder letter (docs/domain-rules.md §10): `reportWithinDays` (7) working
 * days after the letter; the first sweep after it proposes a second reminder to the Office for the
 * tasks still without a result and tells the leader in charge; the §6 count does not grow.
 */
describeOnFastestDatabase('the reply deadline of a reminder letter', (t) => {
  it('is tracked in working days, followed up once, to the Office and the leader in charge of the task', async () => {
    const id = await loadFollowupDemo(t.db);
    // a second Phó Chủ tịch, in charge of I.6; the other tasks have no leader in charge
    const { id: pct } = await t.db
      .insertInto('app_user')
      .values({
        authority_id: id,
        username: 'pct.noichinh',
        display_name: 'Phó Chủ tịch phụ trách nội chính',
        role: 'leader',
        agency_id: null,
        password_hash: 'x',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const lanhdao = await userIdOf(t.db, 'lanhdao');
    const office = await userIdOf(t.db, 'vanphong');
    await t.db.updateTable('task').set({ leader_user_id: pct }).where('ref', '=', 'I.6').execute();

    // one letter per agency, so each agency's reply is followed up on its own letter (§6.1 `combined`)
    const authority = await t.db
      .selectFrom('authority')
      .select('settings')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const settings = authority.settings as Record<string, unknown>;
    await t.db
      .updateTable('authority')
      .set({
        settings: JSON.stringify({
          ...settings,
          letters: { ...(settings.letters as object), combined: false },
        }),
      })
      .where('id', '=', id)
      .execute();
    // the Office registers each day's drafts the day they are drafted (a working day here): a letter's
    // reply deadline runs from its registration (docs/domain-rules.md §6.1, §10)
    const registerDrafts = async () => {
      const drafts = await t.db
        .selectFrom('reminder_letter')
        .select(['id', 'sweep_day'])
        .where('status', '=', 'draft')
        .orderBy('id')
        .execute();
      const office = systemContextFor(t.db, id, { now: new Date('2021-12-31T03:00:00Z') });
      for (const d of drafts) await registerLetter(office, d.id, { number: null, issuedOn: d.sweep_day });
    };
    await sweepEveryDay(t.db, id, '2021-01-13', '2021-01-14');
    await registerDrafts();
    await sweepEveryDay(t.db, id, '2021-01-15', '2021-01-21');
    await registerDrafts();
    const letterOf = (code: string) =>
      t.db
        .selectFrom('reminder_letter as l')
        .innerJoin('reminder_letter_agency as la', 'la.letter_id', 'l.id')
        .innerJoin('agency as g', 'g.id', 'la.agency_id')
        .select(['l.id', 'l.issued_on', 'l.reply_due_on', 'l.reply_followed_up_on'])
        .where('g.code', '=', code)
        .where('l.issued_on', '=', '2021-01-21')
        .executeTakeFirstOrThrow();
    // Thursday 21/01/2021 + 7 working days (Saturdays and Sundays off) = Monday 01/02/2021
    expect(await letterOf('SNV')).toMatchObject({ reply_due_on: '2021-02-01', reply_followed_up_on: null });

    // Sở Nội vụ answers I.8 within the reply deadline, not I.6; Sở Tư pháp answers everything listed
    const results = systemContextFor(t.db, id);
    await submitResult(results, {
      plan: '87/KH-UBND',
      task: 'I.8',
      agency: 'SNV',
      submittedOn: '2021-01-29',
      accept: true,
    });
    const stpListed = await t.db
      .selectFrom('written_reminder as w')
      .innerJoin('assignment as a', 'a.id', 'w.assignment_id')
      .innerJoin('task as k', 'k.id', 'a.task_id')
      .select('k.ref')
      .where('w.letter_id', '=', (await letterOf('STP')).id)
      .execute();
    for (const { ref } of stpListed) {
      await submitResult(results, {
        plan: '87/KH-UBND',
        task: ref,
        agency: 'STP',
        submittedOn: '2021-02-01',
        accept: true,
      });
    }

    await sweepEveryDay(t.db, id, '2021-01-22', '2021-02-01');
    // the letters of 21/01 (reply deadline 01/02); the letter of 14/01 is followed up on 26/01
    const day21 = new Set(
      (
        await t.db.selectFrom('reminder_letter').select('id').where('issued_on', '=', '2021-01-21').execute()
      ).map((l) => l.id),
    );
    const allFollowUps = () =>
      t.db
        .selectFrom('notification')
        .select(['user_id', 'kind', 'business_key', 'title', 'body'])
        .where((eb) =>
          eb.or([
            eb('business_key', 'like', 'second_reminder:%'),
            eb('business_key', 'like', 'reply_escalation:%'),
          ]),
        )
        .orderBy('id')
        .execute();
    const followUps = async () =>
      (await allFollowUps()).filter((n) => day21.has(Number(/:l(\d+):/.exec(n.business_key)?.[1])));
    expect(day21.size).toBeGreaterThan(2);
    expect(await followUps()).toEqual([]); // their reply deadline has not passed yet
    // 14/01's only reminder is the Office's own I.1: no letter, so no reply deadline (§6.1)
    expect(
      await t.db.selectFrom('reminder_letter').select('id').where('sweep_day', '=', '2021-01-14').execute(),
    ).toEqual([]);

    await sweepEveryDay(t.db, id, '2021-02-02', '2021-02-02');
    const snv = await letterOf('SNV');
    expect(snv.reply_followed_up_on).toBe('2021-02-02');
    expect((await letterOf('STP')).reply_followed_up_on).toBe('2021-02-02');
    const all = await followUps();
    const ofLetter = (letterId: number) => all.filter((n) => n.business_key.includes(`:l${letterId}:`));
    // Sở Nội vụ: only I.6 is open; the Office is proposed a second letter, I.6's leader is told
    expect(ofLetter(snv.id).map((n) => [n.kind, n.user_id])).toEqual([
      ['overdue_list', office],
      ['escalation', pct],
    ]);
    const proposal = ofLetter(snv.id)[0];
    expect(proposal?.title).toContain('Đề nghị đôn đốc lần 2: Sở Nội vụ');
    expect(proposal?.body).toContain('Nhiệm vụ I.6');
    expect(proposal?.body).not.toContain('I.8');
    expect(proposal?.body).toContain('trước ngày 01/02/2021');
    // Sở Tư pháp answered everything by the reply deadline: nothing to follow up
    expect(ofLetter((await letterOf('STP')).id)).toEqual([]);
    // a letter whose tasks have no leader in charge goes to every leader
    const other = all.find((n) => n.kind === 'escalation' && !n.business_key.includes(`:l${snv.id}:`));
    expect(
      all.filter((n) => n.business_key === other?.business_key.replace(/:u\d+$/, `:u${lanhdao}`)),
    ).toHaveLength(1);
    expect(
      all.filter((n) => n.business_key === other?.business_key.replace(/:u\d+$/, `:u${pct}`)),
    ).toHaveLength(1);
    // a second letter is not a second written reminder (§10, ours): I.6 keeps its one
    const i6 = await assignmentOf(t.db, 'SNV', 'I.6');
    const remindersOfI6 = () =>
      t.db.selectFrom('written_reminder').select('due_on').where('assignment_id', '=', i6.id).execute();
    expect(await remindersOfI6()).toEqual([{ due_on: '2021-01-20' }]);

    // once only: the next days add nothing; 30 days overdue, I.6 is escalated to its leader too
    await sweepEveryDay(t.db, id, '2021-02-03', '2021-02-19');
    expect(await followUps()).toHaveLength(all.length);
    expect(await remindersOfI6()).toHaveLength(1);
    const escalated = await t.db
      .selectFrom('notification')
      .select('title')
      .where('business_key', '=', escalationKey(i6.id, '2021-01-20', pct))
      .execute();
    expect(escalated).toHaveLength(1);
  });
});
