import { describe, expect, it } from 'vitest';
import { useCliWorkspace } from './support/cli.ts';
import { fastestBackendNames } from './support/databases.ts';

/** `dondoc score` against each database: a real data folder for PGlite, a scratch database on PostgreSQL. */
for (const backend of fastestBackendNames()) {
  describe(`dondoc score [${backend}]`, () => {
    const { cli } = useCliWorkspace(backend, 'score');

    it('prints the 2021 scores as a Vietnamese table and as JSON, and refuses a bad year', async () => {
      expect((await cli('demo')).code).toBe(0);

      const json = await cli('score', '--year', '2021', '--json');
      expect(json.code, json.err).toBe(0);
      const body = JSON.parse(json.out);
      expect(body).toMatchObject({
        year: 2021,
        asOf: '2021-12-31',
        provisional: false,
        ruleSet: { source: 'default' },
      });
      expect(body.agencies).toHaveLength(29);
      const reminders = JSON.parse((await cli('reminders', '--as-of', '2022-01-01', '--json')).out) as {
        agency: string;
        dueOn: string;
      }[];
      const total = body.agencies.reduce((n: number, a: { reminders: number }) => n + a.reminders, 0);
      expect(total).toBe(reminders.filter((r) => r.dueOn.startsWith('2021')).length);
      expect(total).toBe(111);
      const stp = body.agencies.find((a: { code: string }) => a.code === 'STP');
      const stpReminders = reminders.filter((r) => r.agency === 'STP').length;
      expect(stp).toMatchObject({
        max: 2,
        points: Math.max(0, 2 - 0.5 * stpReminders),
        reminders: stpReminders,
      });
      expect(stp.lost[0].because[0]).toMatchObject({
        plan: '87/KH-UBND',
        task: 'I.3',
        remindedOn: '2021-01-21',
      });
      // every agency but the Office, which is scored but does not propose itself (docs/domain-rules.md §7)
      expect(body.commendations.criticised).toHaveLength(28);
      expect(body.commendations.criticised.map((a: { code: string }) => a.code)).not.toContain('VP');

      const table = await cli('score', '--year', '2021');
      expect(table.code, table.err).toBe(0);
      expect(table.out).toContain('Kết quả chấm điểm năm 2021');
      expect(table.out).toMatch(/Mã\s+Cơ quan\s+Điểm tối đa\s+Điểm\s+Tỷ lệ\s+Xếp loại\s+Số lần nhắc nhở/);
      expect(table.out).toMatch(/TPTN\s+UBND thành phố Tây Ninh\s+2\s+0,5\s+25%\s+Yếu\s+3/);
      expect(table.out).toContain('kể cả Văn phòng UBND tỉnh');
      expect(table.out).toContain('Phê bình (từ 3 lần nhắc nhở trở lên)');

      for (const args of [['--year', '21'], []]) {
        const bad = await cli('score', ...args);
        expect(bad.code, args.join(' ')).toBe(1);
        expect(bad.err).toContain('Năm chấm điểm không hợp lệ');
      }
      expect((await cli('help')).out).toContain('dondoc score --year 2021 [--json]');
    });
  });
}
