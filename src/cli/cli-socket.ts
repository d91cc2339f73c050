import { chmodSync, existsSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Socket } from 'node:net';
import { isAbsolute, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Print } from './commands.ts';
import type { Flags } from './flags.ts';

/**
 * The CLI beside a running server on the embedded database (issue #18, goal 4). PGlite is one process's
 * database: while `npm start` holds ./data, a second process cannot open it (src/db/lock.ts), and
 * opening it costs ≈ 1 CPU-s anyway. So the server listens on a Unix socket in its data folder, and
 * `dondoc status` (any command but backup and restore) sends its parsed arguments there and prints what
 * the server's run of the same command prints: the command runs on the server's open database, with
 * the server's code and configuration, in the time of the command itself.
 *
 * Who may connect: the socket is created 0600 inside the data folder (0700, src/db/private-files.ts),
 * so only the account that can read the database files — who could open the database itself — reaches
 * it. Over it, the CLI is the system actor, as it is on the files.
 *
 * Protocol, one JSON object per line: the client sends `CliRequest`; the server answers `{ out }` and
 * `{ err }` lines as the command prints, then `{ exit }` (0 ok, 1 refused or failed) and closes.
 */
export interface CliRequest {
  /** the parsed flags and the words after `dondoc`, paths already absolute (the server has another cwd) */
  readonly values: Flags;
  readonly positionals: readonly string[];
  /** the client's newest known migration: a client of another version than the server is refused */
  readonly schema: string | undefined;
}

type Answer = { out: string } | { err: string } | { exit: number };

export const CLI_SOCKET = 'dondoc.sock';

/** Unix socket paths are at most 107 bytes on Linux; past it the server does without the socket. */
const MAX_SOCKET_PATH = 107;

export function cliSocketPath(dataDir: string): string {
  return join(resolve(dataDir), CLI_SOCKET);
}

export type RunForwarded = (request: CliRequest, out: Print, err: Print) => Promise<number>;

/** A request is one line of a few hundred bytes: a longer one, or none within a minute, is dropped. */
const MAX_REQUEST_BYTES = 1 << 20;
const REQUEST_WAIT_MS = 60_000;
/** At shutdown, how long the commands running are given to finish before their connections are cut. */
const SHUTDOWN_WAIT_MS = 10_000;

export interface CliSocket {
  /** Stops taking commands, waits up to 10 s for those running, then cuts them and removes the socket. */
  close(): Promise<void>;
}

/**
 * Serves CLI commands on `<dataDir>/dondoc.sock` until closed; null when the path is too long for a
 * socket (the CLI then says the database is in use, as before). A socket left by a killed server is
 * replaced: only the process holding the data folder's lock gets here.
 */
export async function serveCliSocket(
  dataDir: string,
  run: RunForwarded,
  warn: (message: string) => void = (m) => process.emitWarning(m),
): Promise<CliSocket | null> {
  const path = cliSocketPath(dataDir);
  if (Buffer.byteLength(path) > MAX_SOCKET_PATH) return null;
  rmSync(path, { force: true });
  const running = new Map<Socket, Promise<void>>();
  const server = createServer((socket) => {
    const answered = answer(socket, run).finally(() => running.delete(socket));
    running.set(socket, answered);
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(path, () => {
      server.off('error', fail);
      done();
    });
  });
  chmodSync(path, 0o600);
  // an accept that fails (EMFILE …) must not end the server: said in the log, the API serves on
  server.on('error', (error) => warn(`CLI socket: ${error.message}`));
  return {
    async close() {
      server.close();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled(running.values()),
        new Promise((done) => {
          timer = setTimeout(done, SHUTDOWN_WAIT_MS);
        }),
      ]);
      clearTimeout(timer);
      for (const socket of running.keys()) socket.destroy();
      rmSync(path, { force: true });
    },
  };
}

/** The request's line, or null when the client sends none in time, too long a one, or goes away. */
function firstLine(socket: Socket): Promise<string | null> {
  return new Promise((resolve) => {
    let text = '';
    const finish = (line: string | null) => {
      socket.off('data', onData);
      socket.setTimeout(0);
      socket.pause();
      resolve(line);
    };
    const onData = (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const end = text.indexOf('\n');
      if (end >= 0) finish(text.slice(0, end));
      else if (Buffer.byteLength(text) > MAX_REQUEST_BYTES) finish(null);
    };
    socket.on('data', onData);
    socket.once('end', () => finish(null));
    socket.setTimeout(REQUEST_WAIT_MS, () => finish(null));
  });
}

async function answer(socket: Socket, run: RunForwarded): Promise<void> {
  const send = (a: Answer) => {
    if (!socket.destroyed) socket.write(`${JSON.stringify(a)}\n`);
  };
  socket.on('error', () => {}); // a client gone mid-answer: nothing to tell it
  let exit = 1;
  try {
    const line = await firstLine(socket);
    if (line === null) return void socket.destroy();
    const request = parseRequest(line);
    exit = await run(
      request,
      (out) => send({ out }),
      (err) => send({ err }),
    );
  } catch (error) {
    send({ err: `Lỗi: ${error instanceof Error ? error.message : String(error)}` });
  }
  send({ exit });
  socket.end();
}

function parseRequest(line: string | undefined): CliRequest {
  const request = JSON.parse(line ?? 'null') as Partial<CliRequest> | null;
  if (
    !request ||
    typeof request.values !== 'object' ||
    request.values === null ||
    !Array.isArray(request.positionals) ||
    !request.positionals.every((p) => typeof p === 'string')
  ) {
    throw new Error('yêu cầu không hợp lệ (bad request)');
  }
  return {
    values: request.values,
    positionals: request.positionals,
    schema: typeof request.schema === 'string' ? request.schema : undefined,
  };
}

/**
 * Runs the command in the server that holds `dataDir`, printing its output here; null when no server
 * answers there (none running, or one without the socket), and the caller opens the database itself.
 */
export async function forwardToServer(
  dataDir: string,
  request: CliRequest,
  { out, err }: { out: Print; err: Print },
): Promise<number | null> {
  const path = cliSocketPath(dataDir);
  if (!existsSync(path)) return null;
  let socket: Socket;
  try {
    socket = await new Promise<Socket>((done, fail) => {
      const s = createConnection(path, () => {
        s.off('error', fail);
        done(s);
      });
      s.once('error', fail);
    });
  } catch {
    return null; // a socket file left by a server that is gone: ECONNREFUSED
  }
  socket.write(`${JSON.stringify(request)}\n`);
  let exit: number | null = null;
  try {
    for await (const line of createInterface({ input: socket })) {
      const a = JSON.parse(line) as Answer;
      if ('out' in a) out(a.out);
      else if ('err' in a) err(a.err);
      else exit = a.exit;
    }
  } catch {
    // the connection broke: told below
  }
  if (exit === null) {
    err(
      'Lỗi: server dừng khi đang chạy lệnh; lệnh có thể chưa hoàn tất (the server stopped during the command).',
    );
    return 1;
  }
  return exit;
}

/**
 * The request for `values` and `positionals` as given on the command line, with the paths made absolute
 * against `cwd`: `--out` of every command, the file of `import` and of `agencies import`.
 */
export function requestOf(
  values: Flags,
  positionals: readonly string[],
  cwd: string,
  schema: string | undefined,
): CliRequest {
  const absolute = (p: string) => (isAbsolute(p) ? p : resolve(cwd, p));
  const flags: Record<string, unknown> = { ...values };
  if (typeof flags.out === 'string' && flags.out.trim() !== '') flags.out = absolute(flags.out.trim());
  const words = [...positionals];
  const [name, sub] = words;
  const fileAt = name === 'import' ? 1 : name === 'agencies' && sub === 'import' ? 2 : -1;
  const file = fileAt >= 0 ? words[fileAt] : undefined;
  if (file) words[fileAt] = absolute(file);
  return { values: flags as Flags, positionals: words, schema };
}
