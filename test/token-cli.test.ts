import { describe, expect, it } from 'vitest';
import { resolveActor } from '../src/modules/auth/auth.service.ts';
import { expectPrinted, useCliWorkspace } from './support/cli.ts';
import { fastestBackendNames } from './support/databases.ts';

const DAY_MS = 86_400_000;

/** `dondoc token list|create|revoke` against each database, checked with the request-side lookup. */
for (const backend of fastestBackendNames()) {
  describe(`dondoc token [${backend}]`, () => {
    const { cli, cliWith, withDatabase } = useCliWorkspace(backend, 'token-cli', { demo: true });

    /** Who a request with this bearer token would act as (or the refusal's code), on a database opened after the CLI closed it. */
    function actorOf(token: string): Promise<string> {
      return withDatabase((db) =>
        resolveActor(db, { bearer: token }, new Date()).then(
          ({ actor }) => (actor.kind === 'user' ? actor.username : actor.kind),
          (error: { code: string }) => error.code,
        ),
      );
    }

    it('creates a token for an account (printed once, lifetime from --days or DONDOC_TOKEN_DAYS), lists it, revokes it', async () => {
      const before = Date.now();
      const created = await cli('token', 'create', '--user', 'STP', '--name', 'Phần mềm một cửa', '--json');
      expect(created.code).toBe(0);
      const { id, token, expiresAt } = JSON.parse(created.out);
      expect(token).toMatch(/^dd_/);
      expect(Date.parse(expiresAt)).toBeGreaterThanOrEqual(before + 90 * DAY_MS);
      expect(Date.parse(expiresAt)).toBeLessThanOrEqual(Date.now() + 90 * DAY_MS);
      expect(await actorOf(token)).toBe('stp');

      const short = await cliWith(
        { DONDOC_TOKEN_DAYS: '10' },
        'token',
        'create',
        '--user',
        'stp',
        '--name',
        'Mười ngày',
      );
      expectPrinted(short, 'Mã (chỉ hiện một lần');
      const week = JSON.parse(
        (await cli('token', 'create', '--user', 'stp', '--name', 'Một tuần', '--days', '7', '--json')).out,
      );
      expect(Date.parse(week.expiresAt)).toBeLessThanOrEqual(Date.now() + 7 * DAY_MS);

      const listed = JSON.parse((await cli('token', 'list', '--user', 'stp', '--json')).out);
      expect(listed.map((t: { name: string; state: string }) => [t.name, t.state])).toEqual([
        ['Một tuần', 'active'],
        ['Mười ngày', 'active'],
        ['Phần mềm một cửa', 'active'],
      ]);
      const tenDays = listed.find((t: { name: string }) => t.name === 'Mười ngày');
      expect(Date.parse(tenDays.expiresAt)).toBeLessThanOrEqual(Date.now() + 10 * DAY_MS);
      expect(Date.parse(tenDays.expiresAt)).toBeGreaterThan(before + 9 * DAY_MS);
      expect(JSON.stringify(listed)).not.toContain(token);
      const table = await cli('token', 'list', '--user', 'stp');
      expect(table.out).toContain('Phần mềm một cửa');
      expect(table.out).toContain('còn hiệu lực');

      const revoked = await cli('token', 'revoke', '--id', String(id));
      expectPrinted(revoked, `Đã thu hồi mã truy cập số ${id} "Phần mềm một cửa" của "stp"`);
      expect(await actorOf(token)).toBe('UNAUTHENTICATED');
      expect(await actorOf(week.token)).toBe('stp');

      const all = await cli('token', 'revoke', '--user', 'stp', '--all');
      expect(all.out).toContain('Đã thu hồi 2 mã truy cập của "stp"');
      expect(await actorOf(week.token)).toBe('UNAUTHENTICATED');
      const after = JSON.parse((await cli('token', 'list', '--user', 'stp', '--json')).out);
      expect(after.every((t: { state: string }) => t.state === 'revoked')).toBe(true);
    });

    it('refuses what it cannot do, with the reason', async () => {
      for (const [argv, code] of [
        [['token', 'create', '--user', 'khongco', '--name', 'x'], 'NOT_FOUND'],
        [['token', 'create', '--user', 'stp'], 'VALIDATION_FAILED'],
        [['token', 'create', '--user', 'stp', '--name', 'x', '--days', '400'], 'VALIDATION_FAILED'],
        [
          ['token', 'create', '--user', 'stp', '--name', 'x', '--scopes', 'index.write,moon.landing'],
          'VALIDATION_FAILED',
        ],
        [['token', 'revoke', '--id', '987654'], 'NOT_FOUND'],
        [['token', 'frobnicate'], 'VALIDATION_FAILED'],
      ] as const) {
        const run = await cli(...argv);
        expect(run.code, argv.join(' ')).toBe(1);
        expect(run.err, argv.join(' ')).toContain(code);
      }
      const scoped = JSON.parse(
        (
          await cli(
            'token',
            'create',
            '--user',
            'vanphong',
            '--name',
            'Chỉ số',
            '--scopes',
            'index.write',
            '--json',
          )
        ).out,
      );
      const listed = JSON.parse((await cli('token', 'list', '--user', 'vanphong', '--json')).out);
      expect(listed).toMatchObject([{ id: scoped.id, scopes: ['index.write'] }]);
    });
  });
}
