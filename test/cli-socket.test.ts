import { statSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CliRequest,
  cliSocketPath,
  forwardToServer,
  requestOf,
  serveCliSocket,
} from '../src/cli/cli-socket.ts';
import { runForwardedOn } from '../src/cli/main.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { knownMigrationNames } from '../src/db/migrate.ts';
import { cliWorkspace, firstAdministrator, runCaptured } from './support/cli.ts';

/**
 * The CLI beside a server on the embedded database (src/cli/cli-socket.ts): while the server holds the
 * data folder, a command goes over the socket and runs on the server's open database, printing what
 * it prints when it opens the database itself; a stale socket or none: the CLI opens the folder.
 */
let env: NodeJS.ProcessEnv;
let dataDir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ env, cleanup } = await cliWorkspace('pglite', 'socket', { migrated: true }));
  dataDir = env.DONDOC_DATA_DIR as string;
  // an authority and its first administrator: what a status has to count in
  const first = await runCaptured(
    env,
    firstAdministrator('TN', 'UBND tỉnh Tây Ninh', 'provincial-departments'),
  );
  expect(first).toMatchObject({ code: 0, err: '' });
});
afterAll(() => cleanup());

const STATUS = ['status', '--as-of', '2021-02-15'];

/** The server's side for the test: the data folder opened (its lock taken) and the socket served. */
async function serving() {
  const database = await openDatabase({ kind: 'pglite', dataDir });
  const seen: CliRequest[] = [];
  const run = runForwardedOn(database.db, loadConfig(env));
  const server = await serveCliSocket(dataDir, (request, out, err) => {
    seen.push(request);
    return run(request, out, err);
  });
  if (!server) throw new Error('no socket');
  return {
    database,
    seen,
    async stop() {
      await server.close();
      await database.close();
    },
  };
}

function rawExchange(line: string): Promise<unknown[]> {
  return new Promise((done, fail) => {
    const socket = createConnection(cliSocketPath(dataDir), () => socket.write(line));
    socket.once('error', fail);
    const answers: unknown[] = [];
    createInterface({ input: socket })
      .on('line', (l) => answers.push(JSON.parse(l)))
      .on('close', () => done(answers));
  });
}

describe('dondoc beside a running server on the embedded database', () => {
  it('runs the command in the server and prints what the command prints on its own', async () => {
    const alone = await runCaptured(env, STATUS);
    expect(alone).toMatchObject({ code: 0, err: '' });
    const server = await serving();
    try {
      const via = await runCaptured(env, STATUS);
      expect(server.seen).toEqual([
        { values: { 'as-of': '2021-02-15' }, positionals: ['status'], schema: knownMigrationNames().at(-1) },
      ]);
      expect(via).toEqual(alone);
      // the socket: for the account that owns the data folder only
      expect(statSync(cliSocketPath(dataDir)).mode & 0o777).toBe(0o600);

      // a write, visible at once to the server's own connection
      const added = await runCaptured(env, [
        'user',
        'add',
        '--username',
        'socketclerk',
        '--name',
        'Nguyễn Văn Sóc',
        '--role',
        'office',
        '--password',
        'mat-khau-du-dai-2026',
      ]);
      expect(added.code).toBe(0);
      const row = await server.database.db
        .selectFrom('app_user')
        .select(['username', 'display_name'])
        .where('username', '=', 'socketclerk')
        .executeTakeFirst();
      expect(row).toEqual({ username: 'socketclerk', display_name: 'Nguyễn Văn Sóc' });

      // a refusal comes back as the command's own error and exit code
      const refused = await runCaptured(env, [...STATUS, '--plan', '999/KH-KHONGCO']);
      expect(refused.code).toBe(1);
      expect(refused.err).toMatch(/^Lỗi \[PLAN_NOT_FOUND\]/);
    } finally {
      await server.stop();
    }
    // the server gone, its socket with it: the CLI opens the folder itself again
    expect(() => statSync(cliSocketPath(dataDir))).toThrow();
    expect(await runCaptured(env, STATUS)).toEqual(alone);
  });

  it('refuses a CLI of another version, a command the server does not run, and a request that is not one', async () => {
    const server = await serving();
    try {
      const latest = knownMigrationNames().at(-1);
      // a CLI older or newer than the server; backup and restore copy or replace the folder itself, and
      // the demo's reset empties it: never run inside the server that has it open
      for (const [schema, command, code] of [
        ['2000-01-01T0000-old', 'status', 'DATABASE_AHEAD'],
        ['2999-01-01T0000-new', 'status', 'DATABASE_BEHIND'],
        [latest, 'backup', 'VALIDATION_FAILED'],
        [latest, 'demo', 'CONFLICT'],
      ] as const) {
        const errors: string[] = [];
        const request = { values: { reset: true }, positionals: [command], schema };
        expect(await forwardToServer(dataDir, request, { out: () => {}, err: (s) => errors.push(s) })).toBe(
          1,
        );
        expect(errors.join('\n')).toMatch(new RegExp(`^Lỗi \\[${code}\\]`));
      }

      expect(await rawExchange('not json\n')).toEqual([
        { err: expect.stringMatching(/^Lỗi: /) },
        { exit: 1 },
      ]);
      expect(await rawExchange('{"values":{},"positionals":[1]}\n')).toEqual([
        { err: 'Lỗi: yêu cầu không hợp lệ (bad request)' },
        { exit: 1 },
      ]);
      // a request past 1 MB without its end of line: the connection is cut, nothing answered or run
      const cut = await new Promise<string>((done) => {
        let received = '';
        const socket = createConnection(cliSocketPath(dataDir), () => socket.write('x'.repeat(1_100_000)));
        socket.on('error', () => {}); // the server cuts while this side still writes: ECONNRESET
        socket.on('data', (chunk) => {
          received += chunk;
        });
        socket.on('close', () => done(received));
      });
      expect(cut).toBe('');
      expect(server.seen).toHaveLength(4);
    } finally {
      await server.stop();
    }
  });

  it('opens the folder itself when the socket file is left by a server that is gone', async () => {
    const alone = await runCaptured(env, STATUS);
    writeFileSync(cliSocketPath(dataDir), ''); // not a listening socket: the connection is refused
    expect(await runCaptured(env, STATUS)).toEqual(alone);
  });

  it('sends the paths made absolute against the directory the command was typed in', () => {
    const cwd = '/home/clerk/kế hoạch';
    expect(requestOf({ out: 'bao-cao.docx', format: 'docx' }, ['report'], cwd, 'x')).toEqual({
      values: { out: join(cwd, 'bao-cao.docx'), format: 'docx' },
      positionals: ['report'],
      schema: 'x',
    });
    expect(requestOf({ 'dry-run': true }, ['import', 'kh.pdf'], cwd, 'x').positionals).toEqual([
      'import',
      join(cwd, 'kh.pdf'),
    ]);
    expect(requestOf({}, ['agencies', 'import', '../co-quan.csv'], cwd, 'x').positionals).toEqual([
      'agencies',
      'import',
      '/home/clerk/co-quan.csv',
    ]);
    expect(requestOf({ out: '/tmp/a.xlsx' }, ['appendix'], cwd, 'x').values.out).toBe('/tmp/a.xlsx');
    expect(requestOf({}, ['agencies', 'alias', 'STP', 'Sở TP'], cwd, 'x').positionals).toEqual([
      'agencies',
      'alias',
      'STP',
      'Sở TP',
    ]);
  });
});
