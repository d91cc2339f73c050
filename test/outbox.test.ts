import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FollowupConfig, loadConfig } from '../src/config.ts';
import { registerLetter } from '../src/modules/followup/letters.service.ts';
import { backoffMs, deliverOutbox, MAX_ATTEMPTS, smtpMailer } from '../src/modules/followup/outbox.ts';
import { startFollowupScheduler } from '../src/modules/followup/scheduler.ts';
import { sweepUpTo } from '../src/modules/followup/sweep.service.ts';
import { describeEachDatabase } from './support/databases.ts';
import { loadFollowupDemo, sweepContext } from './support/followup.ts';
import { serverBuild } from './support/server-build.ts';
import { startSmtpCapture, unreachableSmtpUrl } from './support/smtp.ts';
import { type Snapshot, takeSnapshot } from './support/snapshot.ts';

const FROM = 'dondoc <dondoc@tayninh.gov.vn>';
const MINUTE = 60_000;

describe('follow-up configuration', () => {
  // the server's start below runs the run's build (test/support/server-build.ts), made in the background
  let build = '';
  beforeAll(async () => {
    build = await serverBuild();
  });

  it('refuses a bad schedule, offsets, threshold or SMTP URL with the list of what is wrong', () => {
    const bad = () =>
      loadConfig({
        DONDOC_SWEEP_TIME: '7h',
        DONDOC_NOTICE_OFFSETS: '7;3',
        DONDOC_ESCALATE_AFTER_DAYS: '0',
        DONDOC_SCHEDULER: 'maybe',
        SMTP_URL: 'http://mail.example.vn',
      });
    expect(bad).toThrow(/invalid configuration/);
    for (const name of [
      'DONDOC_SWEEP_TIME',
      'DONDOC_NOTICE_OFFSETS',
      'DONDOC_ESCALATE_AFTER_DAYS',
      'SMTP_URL',
    ]) {
      expect(bad).toThrow(new RegExp(`- ${name}: `));
    }
    expect(loadConfig({ DONDOC_NOTICE_OFFSETS: '0, 3,7,1' }).followup).toMatchObject({
      sweepTime: '07:00',
      noticeOffsets: [7, 3, 1, 0],
      escalateAfterDays: 30,
      scheduler: true,
      smtpUrl: null,
      notificationRetentionDays: 180,
    });
    expect(loadConfig({ DONDOC_NOTIFICATION_RETENTION_DAYS: '30' }).followup.notificationRetentionDays).toBe(
      30,
    );
    expect(() => loadConfig({ DONDOC_NOTIFICATION_RETENTION_DAYS: '0' })).toThrow(
      /- DONDOC_NOTIFICATION_RETENTION_DAYS: /,
    );
  });

  it('the server refuses to start on an invalid schedule, saying what is wrong, without a stack trace', async () => {
    // the run's build of these sources (test/support/server-build.ts), not tsx: a third of the CPU
    const child = await run(process.execPath, [join(build, 'dist/server/main.js')], {
      env: {
        ...process.env,
        DONDOC_SWEEP_TIME: '25:99',
        DONDOC_DATA_DIR: join(tmpdir(), 'dondoc-never-opened'),
      },
    });
    expect(child.code).toBe(1);
    expect(child.stderr).toContain('Cấu hình không hợp lệ (invalid configuration):');
    expect(child.stderr).toContain(
      '- DONDOC_SWEEP_TIME: must be a local time HH:MM between 00:00 and 23:59, e.g. 07:00',
    );
    expect(child.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(join(tmpdir(), 'dondoc-never-opened'))).toBe(false); // nothing opened
  });
});

/** Runs a process to its end; its exit code and output. */
function run(command: string, args: string[], options: { env: NodeJS.ProcessEnv }) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    execFile(command, args, options, (error, stdout, stderr) => {
      const code = error ? ((error as { code?: number | string }).code ?? null) : 0;
      if (typeof code === 'string') reject(error);
      else resolve({ code, stdout, stderr });
    });
  });
}

describeEachDatabase('e-mail outbox', (t) => {
  let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
  beforeAll(async () => {
    smtp = await startSmtpCapture();
  });
  afterAll(() => smtp.close());
  // the follow-up demo loaded once; each test starts from it as loaded, its ids included (the rows and
  // sequences put back by test/support/snapshot.ts instead of the database emptied and the demo loaded again)
  let demo: { id: number; snapshot: Snapshot } | undefined;
  beforeAll(async () => {
    const id = await loadFollowupDemo(t.db);
    demo = { id, snapshot: await takeSnapshot(t.db) };
    t.rowsRestoredBeforeEach?.(true);
  });
  afterAll(async () => {
    t.rowsRestoredBeforeEach?.(false);
    await demo?.snapshot.drop();
  });
  const loadFollowupDemoAgain = async () => {
    if (!demo) throw new Error('the follow-up demo is not loaded yet');
    await demo.snapshot.restore();
    return demo.id;
  };
  const captured = () => smtp.mails.splice(0);
  const outbox = () => t.db.selectFrom('outbox_message').selectAll().orderBy('id').execute();

  it('delivers every queued e-mail exactly once, the reminder letter attached', async () => {
    captured();
    const id = await loadFollowupDemoAgain();
    // the notices of 13/01 … 20/01; 21/01's letter, registered: then sent with the letter attached (§6.1)
    await sweepUpTo(sweepContext(t.db, id), '2021-01-21');
    const draft = await t.db.selectFrom('reminder_letter').select('id').executeTakeFirstOrThrow();
    await registerLetter(sweepContext(t.db, id, new Date('2021-01-22T09:00:00+07:00')), draft.id, {
      number: 4,
      issuedOn: '2021-01-22',
    });
    const queued = await outbox();
    expect(queued.length).toBeGreaterThan(20);
    const mailer = smtpMailer(smtp.url, FROM);
    try {
      expect(await deliverOutbox(t.db, mailer, { now: () => new Date() })).toEqual({
        sent: queued.length,
        retrying: 0,
        dead: 0,
        lastError: null,
      });
      expect(await deliverOutbox(t.db, mailer, { now: () => new Date() })).toMatchObject({ sent: 0 });
    } finally {
      mailer.close();
    }
    const mails = captured();
    expect(mails).toHaveLength(queued.length);
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(queued.length);
    expect((await outbox()).every((m) => m.status === 'sent' && m.attempts === 1 && m.sent_at)).toBe(true);
    const letter = mails.find((m) => m.key === `mail.letter.l${draft.id}.u${userId(queued, 'stp')}`);
    expect(letter?.to).toEqual(['stp@tayninh.gov.vn']);
    expect(letter?.raw).toContain('Cong-van-don-doc-04-UBND-KSTT-2021-01-22.docx');
    expect(letter?.raw).toMatch(/^From: dondoc <dondoc@tayninh\.gov\.vn>/m);
  });

  it('sends one digest per recipient per day', async () => {
    captured();
    const id = await loadFollowupDemoAgain();
    // digests on 21 and 22/01; none on Saturday 23/01 (nothing is sent on a day off: docs/domain-rules.md §11)
    await sweepUpTo(sweepContext(t.db, id), '2021-01-23', { notifyWindowDays: 2 });
    const mailer = smtpMailer(smtp.url, FROM);
    await deliverOutbox(t.db, mailer, { now: () => new Date() }).finally(() => mailer.close());
    const digests = captured().filter((m) => m.key.startsWith('mail.digest.'));
    const perRecipientDay = new Map<string, number>();
    for (const m of digests) {
      const key = `${m.to.join()}|${m.key.split('.')[2]}`;
      perRecipientDay.set(key, (perRecipientDay.get(key) ?? 0) + 1);
    }
    expect([...perRecipientDay.values()].every((n) => n === 1)).toBe(true);
    // 21/01: VP (I.1) and the 28 agencies of I.8 …: every agency user gets one each day
    expect(digests).toHaveLength(2 * 29);
  });

  it('an unreachable server: retries after 1, 2, 4 … 64 minutes, dead after 8 attempts, nothing lost', async () => {
    const id = await loadFollowupDemoAgain();
    await sweepUpTo(sweepContext(t.db, id), '2021-01-13');
    const queued = await outbox();
    const broken = smtpMailer(await unreachableSmtpUrl(), FROM);
    let clock = Date.now(); // queued at the database's now(); the clock then runs ahead of it
    const now = () => new Date(clock);
    try {
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        const s = await deliverOutbox(t.db, broken, { now });
        const last = attempt === MAX_ATTEMPTS;
        expect(s).toMatchObject({
          sent: 0,
          retrying: last ? 0 : queued.length,
          dead: last ? queued.length : 0,
        });
        expect(s.lastError).toMatch(/ECONNREFUSED/);
        const rows = await outbox();
        expect(rows.every((m) => m.attempts === attempt && m.status === (last ? 'dead' : 'pending'))).toBe(
          true,
        );
        const waited = (rows[0]?.next_attempt_at.getTime() ?? 0) - clock;
        expect(waited).toBe(backoffMs(attempt)); // 1, 2, 4, 8, 16, 32, 64 … minutes
        expect((await deliverOutbox(t.db, broken, { now })).retrying).toBe(0); // not due again yet
        clock += waited;
      }
    } finally {
      broken.close();
    }
    expect(backoffMs(1)).toBe(MINUTE);
    expect(backoffMs(7)).toBe(64 * MINUTE);
    const dead = await outbox();
    expect(dead).toHaveLength(queued.length); // the dead-letter state keeps every message and its error
    expect(dead.every((m) => m.status === 'dead' && m.last_error?.includes('ECONNREFUSED'))).toBe(true);

    // the server is back: dead letters stay dead (no duplicate), new mail flows
    captured();
    await sweepUpTo(sweepContext(t.db, id), '2021-01-14');
    const fresh = (await outbox()).filter((m) => m.status === 'pending');
    const mailer = smtpMailer(smtp.url, FROM);
    await deliverOutbox(t.db, mailer, { now: () => new Date(clock + 365 * 86_400_000) }).finally(() =>
      mailer.close(),
    );
    expect(
      captured()
        .map((m) => m.key)
        .sort(),
    ).toEqual(fresh.map((m) => m.business_key.replace(/:/g, '.')).sort());
  });

  it('reclaims a lease that ran out, leaves a live one alone; two deliverers send each message once', async () => {
    captured();
    const id = await loadFollowupDemoAgain();
    await sweepUpTo(sweepContext(t.db, id), '2021-01-14');
    const [stale, live] = await outbox();
    const minutes = (n: number) => new Date(Date.now() + n * MINUTE);
    const sending = { status: 'sending' as const, attempts: 1 };
    await t.db
      .updateTable('outbox_message')
      .set({ ...sending, lease_until: minutes(-1) })
      .where('id', '=', stale?.id ?? 0)
      .execute();
    await t.db
      .updateTable('outbox_message')
      .set({ ...sending, lease_until: minutes(5) })
      .where('id', '=', live?.id ?? 0)
      .execute();
    const [m1, m2] = [smtpMailer(smtp.url, FROM), smtpMailer(smtp.url, FROM)];
    try {
      const [a, b] = await Promise.all([
        deliverOutbox(t.db, m1, { batchSize: 3, now: () => new Date() }),
        deliverOutbox(t.db, m2, { batchSize: 3, now: () => new Date() }),
      ]);
      const queued = await outbox();
      expect(a.sent + b.sent).toBe(queued.length - 1);
    } finally {
      m1.close();
      m2.close();
    }
    const mails = captured();
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(mails.length);
    expect(mails.some((m) => m.messageId.startsWith(`<outbox-${stale?.id}.`))).toBe(true);
    expect(mails.some((m) => m.messageId.startsWith(`<outbox-${live?.id}.`))).toBe(false);
    const rows = await outbox();
    expect(rows.find((m) => m.id === stale?.id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(rows.find((m) => m.id === live?.id)).toMatchObject({ status: 'sending', attempts: 1 });
  });

  it('the scheduler sweeps at 07:00 local time, then delivers; an unreachable server is named in the log', async () => {
    captured();
    await loadFollowupDemoAgain();
    const lines: string[] = [];
    const log = {
      info: (m: string) => lines.push(`info ${m}`),
      warn: (m: string) => lines.push(`warn ${m}`),
      error: (_: unknown, m?: string) => lines.push(`error ${m}`),
    };
    let clock = new Date('2021-01-21T06:59:00+07:00').getTime(); // 20/01 23:59 UTC
    const followup = { ...loadConfig({}).followup, smtpUrl: smtp.url };
    const scheduler = startFollowupScheduler({
      db: t.db,
      followup,
      log: log as never,
      now: () => new Date(clock),
      tickMs: 3_600_000,
    });
    try {
      await scheduler.tick();
      const lastDay = async () =>
        (await t.db.selectFrom('sweep_day').select('day').orderBy('day', 'desc').executeTakeFirst())?.day;
      expect(await lastDay()).toBe('2021-01-20'); // before 07:00: up to yesterday
      clock += 61_000;
      await scheduler.tick();
      expect(await lastDay()).toBe('2021-01-21');
      expect(lines).toContain(
        // one letter to 28 agencies (§6.1): their 28 users told, VP's told inside, and each one's digest
        'info reminder sweep UBND-TN 2021-01-21 (1 day): 33 new written reminders, 1 letters drafted, 58 notifications, 58 e-mails queued',
      );
      const pending = await t.db
        .selectFrom('outbox_message')
        .select('id')
        .where('status', '<>', 'sent')
        .execute();
      expect(pending).toEqual([]);
      expect(lines).toContain('info e-mail: 58 sent, 0 failed and will be retried, 0 dead');
      // before: 63 of 13/01–20/01 and 28 notices of 18/01 (I.3–I.8's 3-day notices, Sunday 17/01, sent
      // on Monday: docs/domain-rules.md §11)
      expect(captured()).toHaveLength(63 + 28 + 58);
    } finally {
      await scheduler.stop();
    }

    const broken = { ...followup, smtpUrl: await unreachableSmtpUrl() };
    const second = startFollowupScheduler({
      db: t.db,
      followup: broken,
      log: log as never,
      now: () => new Date(clock + 86_400_000),
      tickMs: 3_600_000,
    });
    await second.tick();
    await second.stop();
    expect(
      lines.some(
        (l) =>
          l.startsWith('warn e-mail: 0 sent') && l.includes(broken.smtpUrl) && l.includes('ECONNREFUSED'),
      ),
    ).toBe(true);
    expect(lines.some((l) => l.includes('is not reachable'))).toBe(true);
  });
});

describeEachDatabase('notification retention', (t) => {
  it('the daily sweep deletes the notifications read and older than the retention (default 180 days), never unread ones', async () => {
    const id = await loadFollowupDemo(t.db);
    await sweepUpTo(sweepContext(t.db, id), '2021-01-20');
    const [oldRead, oldUnread, midRead, newRead] = await t.db
      .selectFrom('notification')
      .select('id')
      .orderBy('id')
      .limit(4)
      .execute();
    let clock = new Date('2021-01-21T07:05:00+07:00').getTime();
    const age = async (row: { id: number } | undefined, days: number, read: boolean) => {
      const created = new Date(clock - days * 86_400_000);
      await sql`update notification set created_at = ${created}, read_at = ${read ? created : null}
        where id = ${row?.id ?? 0}`.execute(t.db);
    };
    await age(oldRead, 200, true);
    await age(oldUnread, 200, false);
    await age(midRead, 60, true);
    await age(newRead, 1, true);
    const left = async () =>
      (
        await t.db
          .selectFrom('notification')
          .select('id')
          .where('id', '<=', newRead?.id ?? 0)
          .execute()
      )
        .map((r) => r.id)
        .sort((a, b) => a - b);
    const lines: string[] = [];
    const log = { info: (m: string) => lines.push(m), warn: () => {}, error: () => {} };
    const tickOnce = async (followup: FollowupConfig) => {
      const scheduler = startFollowupScheduler({
        db: t.db,
        followup,
        log: log as never,
        now: () => new Date(clock),
      });
      await scheduler.tick();
      await scheduler.stop();
    };
    const followup = loadConfig({}).followup;
    await tickOnce(followup); // sweeps 21/01, then the clean-up
    expect(await left()).toEqual([oldUnread?.id, midRead?.id, newRead?.id]);
    expect(lines).toContain('notifications UBND-TN: 1 read more than 180 days ago deleted');
    // a shorter retention, the next day: the one read 61 days ago goes too; the unread one stays
    clock += 86_400_000;
    await tickOnce({ ...followup, notificationRetentionDays: 30 });
    expect(await left()).toEqual([oldUnread?.id, newRead?.id]);
    expect(lines).toContain('notifications UBND-TN: 1 read more than 30 days ago deleted');
  });
});

function userId(rows: { business_key: string; to_address: string }[], username: string): string {
  const row = rows.find((r) => r.to_address === `${username}@tayninh.gov.vn`);
  return /:u(\d+)$/.exec(row?.business_key ?? '')?.[1] ?? '?';
}
