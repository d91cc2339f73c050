import { describe, expect, it } from 'vitest';
import { login } from '../src/modules/auth/auth.service.ts';
import { expectPrinted, expectRefused, useCliWorkspace } from './support/cli.ts';
import { fastestBackendNames } from './support/databases.ts';

/** `dondoc user add` and `dondoc user set` against each database. */
for (const backend of fastestBackendNames()) {
  describe(`dondoc user add [${backend}]`, () => {
    const { cli, withDatabase } = useCliWorkspace(backend, 'user-cli', { demo: true });

    /** Signs in with the service, on a database opened after the CLI closed it. */
    function signsIn(username: string, password: string): Promise<boolean> {
      return withDatabase((db) =>
        login(db, { username, password }, { sessionHours: 1, now: new Date() }).then(
          () => true,
          () => false,
        ),
      );
    }

    it('creates an account with a given password', async () => {
      const added = await cli(
        'user',
        'add',
        '--username',
        'CV.Theodoi',
        '--name',
        'Chuyên viên theo dõi',
        '--role',
        'office',
        '--password',
        'mat-khau-dai-1',
      );
      expectPrinted(added, 'Đã tạo tài khoản "cv.theodoi" (office)');
      expect(added.out).not.toContain('Mật khẩu');
      expect(await signsIn('cv.theodoi', 'mat-khau-dai-1')).toBe(true);
      const again = await cli(
        'user',
        'add',
        '--username',
        'cv.theodoi',
        '--name',
        'x',
        '--role',
        'office',
        '--password',
        'mat-khau-dai-1',
      );
      expectRefused(again, 'USER_EXISTS');
    });

    it('generates a password when none is given and prints it once', async () => {
      const added = await cli(
        'user',
        'add',
        '--username',
        'daumoi.stp',
        '--name',
        'Đầu mối Sở Tư pháp',
        '--role',
        'agency',
        '--agency',
        'stp',
      );
      expect(added.code).toBe(0);
      const password = /Mật khẩu \(chỉ hiện một lần[^)]*\): (\S+)/.exec(added.out)?.[1];
      expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/);
      expect(await signsIn('daumoi.stp', password ?? '')).toBe(true);
      const json = JSON.parse(
        (await cli('user', 'add', '--username', 'lanhdao2', '--name', 'PCT', '--role', 'leader', '--json'))
          .out,
      );
      expect(json).toMatchObject({ username: 'lanhdao2', role: 'leader', password: expect.any(String) });
    });

    it('records an e-mail and the agency-head flag; `user set` changes them, validated like the API', async () => {
      const added = await cli(
        'user',
        'add',
        '--username',
        'giamdoc.snv',
        '--name',
        'Giám đốc Sở Nội vụ',
        '--role',
        'agency',
        '--agency',
        'SNV',
        '--email',
        'giamdoc.snv@tayninh.gov.vn',
        '--head',
        '--password',
        'mat-khau-dai-1',
      );
      expect(added.err).toBe('');
      expect(added.out).toContain(
        'Đã tạo tài khoản "giamdoc.snv" (agency) cho Ủy ban nhân dân tỉnh Tây Ninh; email giamdoc.snv@tayninh.gov.vn, thủ trưởng cơ quan.',
      );
      const set = await cli(
        'user',
        'set',
        '--username',
        'STP',
        '--email',
        'stp@tayninh.gov.vn',
        '--head',
        '--json',
      );
      expect(JSON.parse(set.out)).toMatchObject({
        username: 'stp',
        email: 'stp@tayninh.gov.vn',
        isHead: true,
      });
      const unset = await cli('user', 'set', '--username', 'stp', '--email', '', '--no-head');
      expect(unset.out).toBe('Đã cập nhật tài khoản "stp": email (không có); thủ trưởng cơ quan: không.');
      const rows = await readUsers(['giamdoc.snv', 'stp']);
      expect(rows).toEqual([
        { username: 'giamdoc.snv', email: 'giamdoc.snv@tayninh.gov.vn', is_head: true },
        { username: 'stp', email: null, is_head: false },
      ]);
      for (const [args, message] of [
        [['--username', 'stp', '--email', 'stp@'], 'Địa chỉ email "stp@" không hợp lệ'],
        [['--username', 'vanphong', '--head'], 'Chỉ tài khoản của cơ quan (vai trò agency)'],
        [['--username', 'stp', '--head', '--no-head'], 'không dùng cả hai'],
        [['--username', 'stp'], 'Không có gì để sửa'],
        [['--username', 'khong.co', '--head'], 'Không tìm thấy tài khoản "khong.co"'],
      ] as const) {
        const refused = await cli('user', 'set', ...args);
        expect([args.join(' '), refused.code]).toEqual([args.join(' '), 1]);
        expect(refused.err).toContain(message);
      }
      expect(await readUsers(['stp'])).toEqual([{ username: 'stp', email: null, is_head: false }]);
    });

    function readUsers(usernames: string[]) {
      return withDatabase((db) =>
        db
          .selectFrom('app_user')
          .select(['username', 'email', 'is_head'])
          .where('username', 'in', usernames)
          .orderBy('username')
          .execute(),
      );
    }

    it.each([
      [['--username', 'u1', '--name', 'x', '--role', 'boss'], 'VALIDATION_FAILED'],
      [['--username', 'u1', '--name', 'x', '--role', 'agency'], 'VALIDATION_FAILED'],
      [['--username', 'u1', '--name', 'x', '--role', 'agency', '--agency', 'XYZ'], 'AGENCY_NOT_FOUND'],
      [['--username', 'u1', '--name', 'x', '--role', 'office', '--agency', 'STP'], 'VALIDATION_FAILED'],
      [['--username', 'u1', '--role', 'office'], 'VALIDATION_FAILED'],
      [['--username', 'u1', '--name', 'x', '--role', 'office', '--password', 'ngan'], 'WEAK_PASSWORD'],
    ])('refuses %j with %s', async (args, code) => {
      const refused = await cli('user', 'add', ...args);
      expectRefused(refused, code);
    });

    it('explains its usage', async () => {
      expect((await cli('user', 'remove')).code).toBe(1);
      expect((await cli('help')).out).toContain('dondoc user add');
      expect((await cli('help')).out).toContain('dondoc user set --username TÊN');
    });
  });
}
