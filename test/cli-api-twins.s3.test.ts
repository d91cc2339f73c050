import type { Kysely } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import { agenciesCommand } from '../src/cli/agencies-command.ts';
import type { Flags } from '../src/cli/commands.ts';
import { tokenCommand } from '../src/cli/token-command.ts';
import { userCommand } from '../src/cli/user-command.ts';
import type { Config } from '../src/config.ts';
import type { DB } from '../src/db/schema.ts';
import { describeOnFastestDatabase } from './support/databases.ts';
import { buildWorld, signIn, type World } from './support/http.ts';

/**
 * The CLI and the API write through the same use cases (issue #17): each `dondoc` write of the
 * directory, accounts and tokens, and its API twin, run on the same starting data, write the same
 * rows — the domain rows and their audit rows, ids, timestamps, secrets and actor names aside.
 * The CLI's write runs in a transaction that is rolled back, so the API's starts from the same data.
 */

type Command = (
  db: Kysely<DB>,
  flags: Flags,
  print: (s: string) => void,
  args: string[],
  config?: Config,
) => Promise<unknown>;

const ROLLBACK = new Error('rollback: the CLI twin leaves the data as it found it');

/** What a write added: the rows with an id above the marks taken before it, as `snapshot` reads them. */
type Snapshot = Record<string, unknown[]>;

describeOnFastestDatabase('CLI and API twins: directory, accounts, tokens', (t) => {
  let world: World;
  let config: Config;
  beforeEach(async () => {
    world = await buildWorld(t);
    config = { files: { kind: 'local', dir: world.filesDir }, http: { tokenDays: 90 } } as unknown as Config;
  });

  /** The ids above which a write's rows are new, per table. */
  async function marks(db: Kysely<DB>) {
    const top = async (table: 'agency' | 'app_user' | 'api_token' | 'audit_log') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.max('id').as('id'))
            .executeTakeFirst()
        )?.id ?? 0,
      );
    return {
      agency: await top('agency'),
      app_user: await top('app_user'),
      api_token: await top('api_token'),
      audit_log: await top('audit_log'),
    };
  }

  /** The rows written since `since` (and the agency `agencyCode` as it now reads), ids and times aside. */
  async function snapshot(
    db: Kysely<DB>,
    since: Awaited<ReturnType<typeof marks>>,
    agencyCode?: string,
  ): Promise<Snapshot> {
    const agencies = await db
      .selectFrom('agency')
      .select([
        'authority_id',
        'code',
        'name',
        'aliases',
        'kind',
        'parent_id',
        'valid_from',
        'valid_to',
        'version',
      ])
      .where((eb) => eb.or([eb('id', '>', since.agency), eb('code', '=', agencyCode ?? '')]))
      .where('authority_id', '=', world.authorityId)
      .orderBy('code')
      .execute();
    const users = await db
      .selectFrom('app_user')
      .select([
        'authority_id',
        'username',
        'display_name',
        'role',
        'agency_id',
        'disabled',
        'email',
        'is_head',
      ])
      .where('id', '>', since.app_user)
      .execute();
    const tokens = await db
      .selectFrom('api_token')
      .select(['authority_id', 'user_id', 'name', 'scopes', 'revoked_at', 'last_used_at'])
      .where('id', '>', since.api_token)
      .execute();
    const audit = await db
      .selectFrom('audit_log')
      .select(['authority_id', 'action', 'entity', 'data', 'before', 'after'])
      .where('id', '>', since.audit_log)
      // sign-ins of the API's own client are not the write under test
      .where('action', 'not like', 'auth.login%')
      .orderBy('id')
      .execute();
    return { agencies, users, tokens, audit: audit.map(withoutMoments) };
  }

  /** Runs the CLI command on the world, returns what it wrote, and rolls it back. */
  async function viaCli(command: Command, args: string[], flags: Flags, agencyCode?: string) {
    let written: Snapshot | undefined;
    await t.db
      .transaction()
      .execute(async (trx) => {
        const since = await marks(trx);
        await command(trx, { ...flags, authority: 'UBND-TN', json: true }, () => {}, args, config);
        written = await snapshot(trx, since, agencyCode);
        throw ROLLBACK;
      })
      .catch((error) => {
        if (error !== ROLLBACK) throw error;
      });
    if (!written) throw new Error('the CLI wrote nothing');
    return written;
  }

  /** Runs the API request, returns what it wrote. */
  async function viaApi(write: () => Promise<{ statusCode: number; body: string }>, agencyCode?: string) {
    const since = await marks(t.db);
    const reply = await write();
    expect(reply.statusCode, reply.body).toBeLessThan(300);
    return snapshot(t.db, since, agencyCode);
  }

  it('agencies add = POST /api/directory/agencies', async () => {
    const office = await signIn(world.app, 'vanphong');
    const cli = await viaCli(agenciesCommand, ['add'], {
      code: 'SDTTG',
      name: 'Sở Dân tộc và Tôn giáo',
      kind: 'province',
      alias: ['Sở DTTG'],
      'valid-from': '2025-03-01',
    } as unknown as Flags);
    const api = await viaApi(() =>
      office.post('/api/directory/agencies', {
        code: 'SDTTG',
        name: 'Sở Dân tộc và Tôn giáo',
        kind: 'province',
        aliases: ['Sở DTTG'],
        validFrom: '2025-03-01',
      }),
    );
    expect(cli.agencies).toHaveLength(1);
    expect((cli.audit ?? []).map((a) => (a as { action: string }).action)).toEqual([
      'directory.agency_create',
    ]);
    expect(api).toEqual(cli);
  });

  it('agencies alias = POST /api/directory/agencies/:id/aliases', async () => {
    const office = await signIn(world.app, 'vanphong');
    const cli = await viaCli(agenciesCommand, ['alias', 'STP', 'Sở TP'], {}, 'STP');
    const api = await viaApi(
      () => office.post(`/api/directory/agencies/${world.agency('STP')}/aliases`, { alias: 'Sở TP' }),
      'STP',
    );
    expect(cli.agencies).toMatchObject([{ code: 'STP', aliases: ['Sở TP'] }]);
    expect(cli.audit).toHaveLength(1);
    expect(api).toEqual(cli);
  });

  it('user add = POST /api/users', async () => {
    const admin = await signIn(world.app, 'quantri');
    const cli = await viaCli(userCommand, ['add'], {
      username: 'daumoi.stp',
      name: 'Đầu mối Sở Tư pháp',
      role: 'agency',
      agency: 'STP',
      password: 'mat-khau-dau-moi-2021',
      email: 'daumoi.stp@tayninh.gov.vn',
      head: true,
    });
    const api = await viaApi(() =>
      admin.post('/api/users', {
        username: 'daumoi.stp',
        displayName: 'Đầu mối Sở Tư pháp',
        role: 'agency',
        agencyId: world.agency('STP'),
        password: 'mat-khau-dau-moi-2021',
        email: 'daumoi.stp@tayninh.gov.vn',
        isHead: true,
      }),
    );
    expect(cli.users).toMatchObject([
      { username: 'daumoi.stp', agency_id: world.agency('STP'), is_head: true },
    ]);
    expect((cli.audit ?? []).map((a) => (a as { action: string }).action)).toEqual([
      'user.create',
      'user.update',
    ]);
    expect(api).toEqual(cli);
  });

  it('token create = POST /api/auth/tokens (the account’s own)', async () => {
    const stp = await signIn(world.app, 'stp');
    const cli = await viaCli(tokenCommand, ['create'], {
      user: 'stp',
      name: 'Hệ thống báo cáo',
      days: '30',
      scopes: 'index.write,index.read',
    });
    const api = await viaApi(() =>
      stp.post('/api/auth/tokens', {
        name: 'Hệ thống báo cáo',
        days: 30,
        scopes: ['index.write', 'index.read'],
      }),
    );
    expect(cli.tokens).toMatchObject([{ name: 'Hệ thống báo cáo', scopes: ['index.write', 'index.read'] }]);
    expect((cli.audit ?? []).map((a) => (a as { action: string }).action)).toEqual(['auth.token_create']);
    expect(api).toEqual(cli);
  });
});

/** An audit row without the instants it records (a token's expiry is computed from the clock). */
function withoutMoments(row: { data: unknown }) {
  const data = { ...(row.data as Record<string, unknown>) };
  delete data.expiresAt;
  return { ...row, data };
}
