import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuild } from '../scripts/ensure-web-build.ts';
import { DEMO_PASSWORD } from '../src/modules/demo/demo.service.ts';
import { pgliteFolderFromTemplate } from './support/cli.ts';
import { freePort } from './support/net.ts';
import { serverBuild } from './support/server-build.ts';

/**
 * What production runs (issue #15): the compiled output in the Dockerfile's layout — dist/ from
 * `npm run build`, web/dist, package.json, node_modules — started with `node dist/server/main.js`
 * on an empty embedded database, with and without the demo. (No Docker engine here: this is the
 * image's content without the image; docs/operations.md.) Built once per run and sources.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
};

let app: string;

beforeAll(async () => {
  app = mkdtempSync(join(tmpdir(), 'dondoc-compiled-'));
  // the JavaScript `npm run build` emits, without its type check (the types are checked apart: tsc
  // --noEmit): the run's build of these sources (test/support/server-build.ts, scripts/build.ts's
  // buildServer), copied so that this file's databases are written in its own folder
  cpSync(join(await serverBuild(), 'dist'), join(app, 'dist'), { recursive: true });
  ensureWebBuild({ quiet: true });
  cpSync(join(ROOT, 'package.json'), join(app, 'package.json'));
  cpSync(join(ROOT, 'web/dist'), join(app, 'web/dist'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(app, 'node_modules'), 'dir');
});

afterAll(() => rmSync(app, { recursive: true, force: true }));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The package an import specifier names ('@scope/name/sub' → '@scope/name'); null for relative and node: */
function packageOf(specifier: string): string | null {
  if (specifier.startsWith('.') || specifier.startsWith('node:') || builtinModules.includes(specifier))
    return null;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? null);
}

interface Started {
  child: ChildProcess;
  base: string;
  log: () => string;
}

/** This process's environment without DATABASE_URL: the compiled code then opens its embedded database. */
function withoutDatabaseUrl(): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  return inherited;
}

/** `node dist/server/main.js` in the app folder, as the Dockerfile's CMD and the systemd unit run it. */
async function startCompiled(env: Record<string, string>): Promise<Started> {
  const port = await freePort();
  const { DONDOC_DEMO: _demo, ...inherited } = withoutDatabaseUrl();
  const child = spawn(process.execPath, ['dist/server/main.js'], {
    cwd: app,
    env: { ...inherited, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const base = `http://127.0.0.1:${port}`;
  // no clock: wait as long as the machine needs (the file's timeout bounds it) for health or an exit
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { child, base, log: () => output };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function stop(started: Started): Promise<number | null> {
  const exited = new Promise<number | null>((r) => started.child.once('exit', (code) => r(code)));
  started.child.kill('SIGTERM');
  return exited;
}

async function login(base: string, username: string, password: string) {
  return fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
}

describe('the compiled output (npm run build, node dist/server/main.js)', () => {
  it('holds every module and seed file, and imports only runtime dependencies (npm ci --omit=dev suffices)', () => {
    const files = filesUnder(join(app, 'dist')).map((f) => f.slice(app.length + 1));
    expect(files).toContain('dist/server/main.js');
    expect(files).toContain('dist/cli/main.js');
    expect(files).toContain('dist/modules/import/parse-worker.js');
    expect(files).toContain('dist/modules/demo/seed/ke-hoach-87-KH-UBND-2021-tay-ninh.txt');
    expect(files).toContain('dist/modules/demo/seed/tay-ninh-2021-directory.json');
    expect(files.filter((f) => f.endsWith('.ts'))).toEqual([]);
    const imported = new Set<string>();
    for (const file of files.filter((f) => f.endsWith('.js'))) {
      const text = readFileSync(join(app, file), 'utf8');
      expect(text, file).not.toMatch(/from '\.{1,2}\/[^']*\.ts'/); // relative imports rewritten to .js
      // imports and re-exports (one line each, as tsc emits them), import('…'), require('…') and resolve('…')
      const specifiers = [
        /^\s*(?:import|export)\b[^;'"\n]*?\bfrom\s*'([^']+)';?\s*$/gm,
        /^\s*import\s*'([^']+)';?\s*$/gm,
        /\bimport\(\s*'([^']+)'\s*\)/g,
        /\brequire(?:\.resolve)?\(\s*'([^']+)'\s*\)/g,
        /\.resolve\(\s*'([^']+)'\s*\)/g,
      ];
      for (const match of specifiers.flatMap((pattern) => [...text.matchAll(pattern)])) {
        const name = packageOf(match[1] ?? '');
        if (name) imported.add(name);
      }
    }
    expect(imported.size).toBeGreaterThan(10);
    expect([...imported].filter((name) => !(name in pkg.dependencies))).toEqual([]);
    for (const spa of ['react', 'react-dom', 'antd', 'echarts', 'mammoth', 'vite']) {
      expect(pkg.dependencies).not.toHaveProperty(spa);
    }
  });

  it('starts on an empty database without the demo: serves health and the SPA, no demo account, the log says how to create the first administrator', async () => {
    const data = join(app, 'data-off');
    const server = await startCompiled({ DONDOC_DATA_DIR: data, DONDOC_DEMO: 'off' });
    try {
      const health = await fetch(`${server.base}/api/health`);
      expect(health.status).toBe(200);
      const page = await fetch(`${server.base}/`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(await page.text()).toContain('<div id="root">');
      expect((await login(server.base, 'quantri', DEMO_PASSWORD)).status).toBe(401);
      expect(server.log()).toContain('dondoc user add --role admin');
      expect(server.log()).not.toContain('demo loaded');
    } finally {
      expect(await stop(server)).toBe(0);
    }
    // the embedded database's files: the service's user only
    for (const path of [data, ...filesUnder(data)]) {
      const mode = statSync(path).mode & 0o777;
      expect([path, mode.toString(8)]).toEqual([path, statSync(path).isDirectory() ? '700' : '600']);
    }
  });

  it('with DONDOC_DEMO=on loads the demo from the copied seed files, reads an upload in its worker thread', async () => {
    // a migrated folder (the run's template): initdb and the migrations of the compiled code are the test above's
    await pgliteFolderFromTemplate(join(app, 'data-on'), 'migrated');
    const server = await startCompiled({ DONDOC_DATA_DIR: join(app, 'data-on'), DONDOC_DEMO: 'on' });
    try {
      expect(server.log()).toContain('demo loaded: plan 87/KH-UBND, 29 tasks');
      const signedIn = await login(server.base, 'vanphong', DEMO_PASSWORD);
      expect(signedIn.status).toBe(200);
      const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
      const form = new FormData();
      const text = readFileSync(join(app, 'dist/modules/demo/seed/ke-hoach-87-KH-UBND-2021-tay-ninh.txt'));
      form.append('file', new Blob([text], { type: 'text/plain' }), 'ke-hoach.txt');
      const preview = await fetch(`${server.base}/api/plans/import/preview`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrfToken },
        body: form,
      });
      expect(preview.status).toBe(200);
      expect(JSON.stringify(await preview.json())).toContain('87/KH-UBND');

      // the compiled CLI beside the running server: its command runs in the server (src/cli/cli-socket.ts),
      // where opening the folder itself would be refused (the server holds it)
      const cli = spawnSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          "const { runCli } = await import('./dist/cli/main.js'); process.exitCode = await runCli(process.argv.slice(1));",
          'status',
          '--as-of',
          '2021-02-15',
          '--json',
        ],
        {
          cwd: app,
          env: { ...process.env, DATABASE_URL: '', DONDOC_DATA_DIR: join(app, 'data-on') },
          encoding: 'utf8',
        },
      );
      expect(cli.stderr).toBe('');
      expect(cli.status).toBe(0);
      expect(JSON.parse(cli.stdout)).toMatchObject({ asOf: '2021-02-15' });
    } finally {
      expect(await stop(server)).toBe(0);
    }
    expect(readdirSync(join(app, 'data-on'))).not.toContain('dondoc.sock');
  });
});
