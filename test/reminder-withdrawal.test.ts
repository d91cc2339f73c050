import { expect, it } from 'vitest';
import type { AgencyScore } from '../src/domain/scoring.ts';
import { submitResult } from '../src/modules/results/results.service.ts';
import { auditColumns, auditEntries } from './support/audit.ts';
import { submitSeedResult, systemContextFor } from './support/context.ts';
import { describeOnFastestDatabase } from './support/databases.ts';
import { useSeedWorld } from './support/world.ts';

const PLAN = '87/KH-UBND';
/** 26/01/2021 10:00 in Tây Ninh: the 2021 scores are provisional, read as of today. */
const JAN_26 = () => new Date('2021-01-26T10:00:00+07:00');

/**
 * docs/domain-rules.md §5–§6: a result counts from its receipt (submission) date once accepted, and a reminder is
 * due only for a deadline that passed "without an accepted result received by then". A result received
 * on or before the deadline but accepted after the sweep recorded the reminder makes the task done on
 * time: the recorded reminder is withdrawn (kept, with the reason, counted nowhere).
 */
describeOnFastestDatabase(
  'withdrawing a recorded reminder when a result received on time is accepted late',
  (t) => {
    const seed = useSeedWorld(t, { now: JAN_26, signedIn: { office: 'vanphong', stp: 'stp' } });

    const recorded = (agency: string) =>
      t.db
        .selectFrom('written_reminder as w')
        .innerJoin('assignment as a', 'a.id', 'w.assignment_id')
        .innerJoin('task as k', 'k.id', 'a.task_id')
        .innerJoin('agency as g', 'g.id', 'w.agency_id')
        .select(['w.id', 'k.ref', 'w.due_on', 'w.letter_id', 'w.withdrawn_at', 'w.withdrawn_reason'])
        .where('g.code', '=', agency)
        .orderBy('k.ref')
        .execute();
    const statusOf = async (code: string) =>
      (await seed.office.get('/api/status?asOf=2021-01-25'))
        .json()
        .agencies.find((a: { code: string }) => a.code === code);
    const remindersOf = async (code: string) =>
      (await seed.office.get('/api/reminders?asOf=2021-01-25'))
        .json()
        .reminders.filter((r: { agency: string }) => r.agency === code)
        .map((r: { task: string }) => r.task);
    const scoreOf = async (code: string): Promise<AgencyScore> =>
      (await seed.office.get('/api/scores?year=2021'))
        .json()
        .agencies.find((a: AgencyScore) => a.code === code);

    it('received 19/01 for a 20/01 deadline, accepted 26/01: the reminder of 21/01 is withdrawn, count and score follow', async () => {
      // Sở Tư pháp sends I.3's report on 19/01; the Office has not accepted it when the sweep runs
      const { resultId } = await submitSeedResult(t.db, seed.world.authorityId, 'I.3', 'STP', '2021-01-19', {
        accept: false,
      });
      const sweep = await seed.office.post('/api/sweeps', { asOf: '2021-01-25' });
      // VP's I.1 on 14/01 and the 33 of 21/01 (I.3–I.8), Sở Tư pháp's I.3 among them
      expect(sweep.json()).toMatchObject({ reminders: 34 });
      const letterBefore = (await seed.stp.get('/api/letters')).json().items;
      expect(letterBefore).toHaveLength(1);
      expect(letterBefore[0].tasks.map((x: { task: string }) => x.task)).toEqual(['I.3', 'I.8']);

      // before: two reminders (I.3, I.8) recorded and counted; 2 − 0.5 × 2 = 1 point (provisional)
      expect((await recorded('STP')).map((r) => [r.ref, r.withdrawn_at])).toEqual([
        ['I.3', null],
        ['I.8', null],
      ]);
      expect(await statusOf('STP')).toMatchObject({ reminders: 2, open_overdue: 2, done_on_time: 0 });
      expect(await remindersOf('STP')).toEqual(['I.3', 'I.8']);
      expect(await scoreOf('STP')).toMatchObject({ reminders: 2, points: 1 });

      const accepted = await seed.office.post(`/api/results/${resultId}/accept`);
      expect(accepted.statusCode, accepted.body).toBe(200);

      // after: I.3 is done on time; its reminder is kept, marked withdrawn with the reason, counted nowhere
      const [i3, i8] = await recorded('STP');
      expect(i3?.withdrawn_at).toBeInstanceOf(Date);
      expect(i3?.withdrawn_reason).toBe(
        'Kết quả nhận ngày 19/01/2021, trong thời hạn (20/01/2021), đã được tiếp nhận: ' +
          'nhiệm vụ hoàn thành đúng hạn, không tính nhắc nhở bằng văn bản.',
      );
      expect(i3?.letter_id).toBe(letterBefore[0].id); // the letter that listed it stays as drafted
      expect(i8?.withdrawn_at).toBeNull();
      expect(await statusOf('STP')).toMatchObject({ reminders: 1, open_overdue: 1, done_on_time: 1 });
      expect(await remindersOf('STP')).toEqual(['I.8']);
      const score = await scoreOf('STP');
      expect(score).toMatchObject({ reminders: 1, points: 1.5 });
      expect(score.lost.map((l) => l.because[0]?.task)).toEqual(['I.8']);
      const letters = (await seed.stp.get('/api/letters')).json().items;
      expect(letters[0].tasks).toEqual([
        {
          agency: 'Sở Tư pháp',
          plan: PLAN,
          task: 'I.3',
          dueOn: '2021-01-20',
          withdrawnAt: expect.any(String),
          withdrawnReason: i3?.withdrawn_reason,
        },
        {
          agency: 'Sở Tư pháp',
          plan: PLAN,
          task: 'I.8',
          dueOn: '2021-01-20',
          withdrawnAt: null,
          withdrawnReason: null,
        },
      ]);
      const audit = await auditColumns(t.db, { action: 'reminder.withdraw' }, [
        'actor',
        'entity_id',
        'data',
        'after',
      ]);
      expect(audit).toEqual([
        {
          actor: 'vanphong',
          entity_id: String(i3?.id),
          data: expect.objectContaining({ task: 'I.3', dueOn: '2021-01-20', resultReceivedOn: '2021-01-19' }),
          after: { withdrawnAt: expect.any(String), reason: i3?.withdrawn_reason },
        },
      ]);

      // a result received after the deadline does not withdraw anything (docs/domain-rules.md §6: a late result
      // does not erase the reminder)
      await submitSeedResult(t.db, seed.world.authorityId, 'I.8', 'STP', '2021-01-25');
      expect((await recorded('STP')).map((r) => [r.ref, r.withdrawn_at === null])).toEqual([
        ['I.3', false],
        ['I.8', true],
      ]);
      expect(await scoreOf('STP')).toMatchObject({ reminders: 1, points: 1.5 });

      // the next day's sweep records nothing again for I.3; every row is kept
      const rows = await t.db.selectFrom('written_reminder').select('id').execute();
      await seed.office.post('/api/sweeps', { asOf: '2021-01-26' });
      expect((await recorded('STP')).map((r) => r.ref)).toEqual(['I.3', 'I.8']);
      expect((await t.db.selectFrom('written_reminder').select('id').execute()).length).toBe(rows.length + 1); // 26/01: one new
    });

    it('the Office recording an on-time receipt accepted at once withdraws too; the sweep withdraws what slipped past', async () => {
      await seed.office.post('/api/sweeps', { asOf: '2021-01-21' });
      expect(await scoreOf('SNV')).toMatchObject({ reminders: 2, points: 1 }); // I.6, I.8
      // the CLI / Office path: a receipt dated 20/01 entered on 26/01, accepted at once
      await submitResult(systemContextFor(t.db, seed.world.authorityId, { name: 'cli' }), {
        plan: PLAN,
        task: 'I.8',
        agency: 'SNV',
        submittedOn: '2021-01-20',
        accept: true,
      });
      expect((await recorded('SNV')).map((r) => [r.ref, r.withdrawn_at === null])).toEqual([
        ['I.6', true],
        ['I.8', false],
      ]);
      expect(await scoreOf('SNV')).toMatchObject({ reminders: 1, points: 1.5 });

      // a result accepted without passing through the services (as if during a sweep that was recording):
      // the next swept day withdraws VP's I.1 reminder (due 13/01) all the same, as the system
      const [vpI1] = await t.db
        .selectFrom('assignment as a')
        .innerJoin('task as k', 'k.id', 'a.task_id')
        .innerJoin('agency as g', 'g.id', 'a.agency_id')
        .select('a.id')
        .where('k.ref', '=', 'I.1')
        .where('g.code', '=', 'VP')
        .execute();
      await t.db
        .insertInto('result_submission')
        .values({
          authority_id: seed.world.authorityId,
          assignment_id: vpI1?.id as number,
          submitted_on: '2021-01-13',
          document_number: null,
          status: 'accepted',
          decided_on: '2021-01-22',
          decided_by: 'vanphong',
          return_reason: null,
        })
        .execute();
      expect((await recorded('VP')).find((r) => r.ref === 'I.1')?.withdrawn_at).toBeNull();
      await seed.office.post('/api/sweeps', { asOf: '2021-01-22' });
      const i1 = (await recorded('VP')).find((r) => r.ref === 'I.1');
      expect(i1?.withdrawn_reason).toContain('Kết quả nhận ngày 13/01/2021, trong thời hạn (13/01/2021)');
      const actors = await auditEntries(t.db, 'reminder.withdraw');
      expect(actors.map((a) => a.actor)).toEqual(['cli', 'system']);
    });
  },
);
