import { describe, expect, it } from 'vitest';
import { useCliWorkspace } from './support/cli.ts';
import { fastestBackendNames } from './support/databases.ts';

/** `dondoc calendar list|add|remove` (docs/domain-rules.md §4a). */
for (const backend of fastestBackendNames()) {
  describe(`dondoc calendar [${backend}]`, () => {
    const { cli } = useCliWorkspace(backend, 'calendar-cli', { demo: true });

    it('lists a year, adds a day off and a Saturday worked, removes a day; refuses bad input', async () => {
      const listed = await cli('calendar', 'list', '--year', '2021');
      expect(listed.err).toBe('');
      expect(listed.out).toContain(
        'Lịch làm việc năm 2021 của Ủy ban nhân dân tỉnh Tây Ninh (theo thông báo của Chính phủ):',
      );
      expect(listed.out).toMatch(/10\/02\/2021 +│? *Thứ Tư +│? *nghỉ +│? *Tết Nguyên đán +│? *dondoc/);

      const off = await cli(
        'calendar',
        'add',
        '2021-03-08',
        '--off',
        '--name',
        'Nghỉ theo quyết định của tỉnh',
      );
      expect(off.out).toBe('Đã lưu ngày 08/03/2021 (Thứ Hai): nghỉ — Nghỉ theo quyết định của tỉnh.');
      const working = await cli('calendar', 'add', '2021-03-13', '--working', '--name', 'Làm việc bù');
      expect(working.out).toContain('13/03/2021 (Thứ Bảy): làm việc — Làm việc bù.');
      const json = JSON.parse((await cli('calendar', 'list', '--year', '2021', '--json')).out);
      expect(json.days).toContainEqual({
        date: '2021-03-13',
        kind: 'working_day',
        name: 'Làm việc bù',
        source: 'office',
      });

      const removed = await cli('calendar', 'remove', '2021-03-08');
      expect(removed.out).toContain(
        'Đã xóa ngày 08/03/2021 (Nghỉ theo quyết định của tỉnh) khỏi lịch làm việc.',
      );

      // docs/domain-rules.md §4a, "Hạn rơi vào ngày nghỉ": I.2, I.12, I.13 of the demo move
      expect((await cli('calendar', 'due-shift')).out).toBe('Hạn rơi vào ngày nghỉ: giữ nguyên.');
      expect((await cli('calendar', 'due-shift', 'next-working-day')).out).toBe(
        'Đã lưu: hạn rơi vào ngày nghỉ — lùi sang ngày làm việc tiếp theo; 87 hạn đã tính lại.',
      );
      expect((await cli('calendar', 'due-shift')).out).toBe(
        'Hạn rơi vào ngày nghỉ: lùi sang ngày làm việc tiếp theo.',
      );

      for (const [args, message] of [
        [['add', '2021-03-09', '--name', 'x'], 'Cần đúng một trong --off'],
        [['add', '2021-03-09', '--off'], 'Thiếu --name'],
        [['add', '2021-02-30', '--off', '--name', 'x'], 'Ngày "2021-02-30" không hợp lệ'],
        [['add', '2021-03-09', '--working', '--name', 'x'], 'là ngày thường'],
        [['remove', '2021-03-09'], 'Lịch làm việc không có ngày 09/03/2021.'],
        [['list', '--year', 'hai'], 'Năm không hợp lệ'],
        [['show'], 'Cách dùng: dondoc calendar'],
        [['due-shift', 'move'], 'cần keep hoặc next-working-day'],
      ] as const) {
        const refused = await cli('calendar', ...args);
        expect([args.join(' '), refused.code]).toEqual([args.join(' '), 1]);
        expect(refused.err).toContain(message);
      }
    });
  });
}
