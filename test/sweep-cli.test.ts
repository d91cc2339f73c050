import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useCliWorkspace } from './support/cli.ts';
import { fastestBackendNames } from './support/databases.ts';
import { startSmtpCapture, unreachableSmtpUrl } from './support/smtp.ts';

/** `dondoc sweep` as cron runs it, on a real data folder (PGlite) and on a scratch PostgreSQL database. */
for (const backend of fastestBackendNames()) {
  describe(`dondoc sweep [${backend}]`, () => {
    const { cliWith: cli, withDatabase } = useCliWorkspace(backend, 'sweep-cli', { migrated: true });
    let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;

    beforeAll(async () => {
      smtp = await startSmtpCapture();
    });
    afterAll(() => smtp.close());

    it('sweeps up to a date, delivers through SMTP_URL, repeats nothing, and says clearly what is wrong', async () => {
      expect((await cli({}, 'demo')).code).toBe(0);
      await withDatabase((db) =>
        db.updateTable('app_user').set({ email: sql<string>`username || '@tayninh.gov.vn'` }).execute(),
      );

      const first = await cli({ SMTP_URL: smtp.url }, 'sweep', '--as-of', '2021-01-14', '--deliver');
      expect(first.err).toBe('');
      expect(first.code).toBe(0);
      expect(first.out).toContain(
        'Quét nhắc việc UBND-TN đến ngày 14/01/2021: 2 ngày (13/01/2021 – 14/01/2021); ' +
          // 14/01: VP's I.1, told inside, in no letter (docs/domain-rules.md §6.1)
          '1 nhắc nhở bằng văn bản mới, 0 dự thảo công văn đôn đốc',
      );
      const sent = Number(/Gửi email: (\d+) đã gửi, 0 sẽ gửi lại, 0 không gửi được\./.exec(first.out)?.[1]);
      expect(sent).toBeGreaterThan(20);
      expect(smtp.mails).toHaveLength(sent);

      const again = JSON.parse((await cli({}, 'sweep', '--as-of', '2021-01-14', '--json')).out);
      expect(again.sweeps).toEqual([
        {
          authority: 'UBND-TN',
          asOf: '2021-01-14',
          days: [],
          reminders: 0,
          letters: 0,
          notifications: 0,
          emails: 0,
        },
      ]);

      const future = await cli({}, 'sweep', '--as-of', '2999-01-01');
      expect(future.code).toBe(1);
      expect(future.err).toContain('INVALID_DATE');

      // an unreachable server: the day is swept all the same, the e-mails wait, the exit code says so
      const down = await cli(
        { SMTP_URL: await unreachableSmtpUrl() },
        'sweep',
        '--as-of',
        '2021-01-15',
        '--deliver',
      );
      expect(down.code).toBe(1);
      expect(down.out).toContain('Quét nhắc việc UBND-TN đến ngày 15/01/2021: 1 ngày');
      expect(down.err).toMatch(/Không gửi được \d+ email qua smtp:\/\/127\.0\.0\.1:\d+: .*ECONNREFUSED/);

      const unset = await cli({}, 'sweep', '--as-of', '2021-01-15', '--deliver');
      expect(unset.code).toBe(1);
      expect(unset.err).toContain('Chưa cấu hình SMTP_URL');

      const badTime = await cli({ DONDOC_SWEEP_TIME: '25:00' }, 'sweep');
      expect(badTime.code).toBe(1);
      expect(badTime.err).toContain('DONDOC_SWEEP_TIME: must be a local time HH:MM');
      expect(smtp.mails).toHaveLength(sent); // nothing sent twice
    });
  });
}
