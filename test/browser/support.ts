import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import pg from 'pg';
import {
  type Browser,
  type BrowserContext,
  type ConsoleMessage,
  chromium,
  type Locator,
  type Page,
} from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { type Database, openDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import type { DB } from '../../src/db/schema.ts';
import { buildApp } from '../../src/server/app.ts';
import type { HttpOptions } from '../../src/server/http.ts';
import { backendNames, createScratchDatabase, openTestDatabase } from '../support/databases.ts';
import { buildWorld, DEMO_PASSWORD, type World } from '../support/http.ts';

/**
 * How long a browser test waits for the page (a locator, a poll). A passing wait returns as soon as the
 * page is ready, so this only bounds a failure: long enough for a machine under heavy load (a run beside
 * other suites with load averages of 15–20 on 2 cores timed out at 15 s).
 */
export const UI_TIMEOUT = 120_000;

/**
 * Browser tests: the real server (API + built SPA) on 127.0.0.1 over the seed world, driven by
 * Debian's chromium through playwright-core (one browser per vitest worker, a fresh context — no
 * cookies, no cache — per page). One world per test file; screenshots go to test-results/. vitest's
 * `expect` has no Playwright matchers: wait with `locator.waitFor()` / `filter({ hasText })`, then
 * assert plain values. The tests compile without DOM types: pass `page.evaluate` a string
 * ('document.title') or use only what Node also has (fetch). Never downloads a browser:
 * /usr/bin/chromium or CHROMIUM_PATH.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(process.cwd(), 'test-results');

/**
 * Flags of every launch: no GPU, sandbox, sync, updates or background traffic — a test machine has none
 * of them, and each costs CPU in a browser that only renders the SPA.
 */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

let launched: Promise<Browser> | undefined;

/**
 * One chromium per vitest worker, launched by the first browser file the worker runs and kept for the
 * next ones (the browser project has isolate: false, so this module and its browser outlive a file):
 * a launch costs about a CPU-second, a new context (openPage) a few milliseconds, and contexts share
 * nothing (cookies, storage, cache). Playwright closes it when the worker exits (vitest ends a worker
 * with SIGTERM; chromium also quits when its pipe to the worker closes). A browser that crashed or
 * disconnected is launched again by the next file.
 */
function workerBrowser(): Promise<Browser> {
  if (!launched) {
    const launching = chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
    });
    launched = launching;
    launching.then(
      (browser) =>
        browser.on('disconnected', () => {
          if (launched === launching) launched = undefined;
        }),
      () => {
        if (launched === launching) launched = undefined;
      },
    );
  }
  return launched;
}

export interface BrowserWorld {
  world: World;
  db: Kysely<DB>;
  baseUrl: string;
  browser: Browser;
  close: () => Promise<void>;
}

/** The seed world served on a free port, on PostgreSQL when TEST_DATABASE_URL is set (faster), else PGlite. */
export async function startBrowserWorld(
  options: { now?: () => Date; http?: Partial<HttpOptions> } = {},
): Promise<BrowserWorld> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`chromium not found at ${CHROMIUM}: apt-get install -y chromium (.ci/run does it)`);
  }
  const { world, database, drop } = backendNames().includes('postgres')
    ? await worldOnPostgres(options)
    : await worldOnPglite(options);
  const app: FastifyInstance = world.app;
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await workerBrowser();
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    world,
    db: database.db,
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    // the worker's chromium stays open for the next file (workerBrowser); only this file's contexts close
    close: async () => {
      await Promise.all(browser.contexts().map((context) => context.close().catch(() => {})));
      await app.close();
      await database.close();
      await drop?.();
    },
  };
}

type WorldOptions = NonNullable<Parameters<typeof startBrowserWorld>[0]>;
type OpenedWorld = { world: World; database: Database; drop: () => Promise<void> };

async function worldOnPglite(options: WorldOptions): Promise<OpenedWorld> {
  const { database, drop } = await openTestDatabase('pglite', { poolSize: 6 });
  const world = await buildWorld({ db: database.db, backend: 'pglite', url: undefined }, options);
  return { world, database, drop };
}

/** Prefix of the worker's seed-world databases; the project's global setup drops them after the run. */
export const WORLD_TEMPLATE_PREFIX = 'dondoc_bworld_';

interface WorldTemplate {
  name: string;
  authorityId: number;
  otherAuthorityId: number;
}

let worldTemplate: Promise<WorldTemplate> | undefined;

/**
 * The seed world (buildWorld's rows) in a PostgreSQL database of this worker, built by the worker's
 * first browser file and copied by each file (`create database … template …`): a copy costs the
 * server a file copy, where the demo's load is thousands of statements. Named after the run
 * (the vitest process, this worker's parent) so that the global setup's teardown drops it.
 */
function seedWorldTemplate(): Promise<WorldTemplate> {
  worldTemplate ??= (async () => {
    const name = `${WORLD_TEMPLATE_PREFIX}${process.ppid}_${process.pid}`;
    const migrated = inject('databaseTemplate').postgres;
    await adminStatement(`drop database if exists ${name}`);
    await adminStatement(`create database ${name}${migrated ? ` template ${migrated}` : ''}`);
    const url = new URL(process.env.TEST_DATABASE_URL as string);
    url.pathname = `/${name}`;
    const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 2 });
    try {
      if (!migrated) await migrateToLatest(database.db as Kysely<unknown>);
      const world = await buildWorld({ db: database.db, backend: 'postgres', url: undefined });
      await world.app.close();
      rmSync(world.filesDir, { recursive: true, force: true });
      return { name, authorityId: world.authorityId, otherAuthorityId: world.otherAuthorityId };
    } finally {
      // a template must have no open connection while it is copied
      await database.close();
    }
  })();
  worldTemplate.catch(() => {
    worldTemplate = undefined;
  });
  return worldTemplate;
}

async function adminStatement(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A copy of the worker's seed world, served by a new app with this file's clock and HTTP options (as buildWorld). */
async function worldOnPostgres(options: WorldOptions): Promise<OpenedWorld> {
  const template = await seedWorldTemplate();
  const scratch = await createScratchDatabase(template.name);
  const database = await openDatabase({ kind: 'postgres', url: scratch.url, poolSize: 6 });
  const agencies = await database.db
    .selectFrom('agency')
    .select(['id', 'code'])
    .where('authority_id', '=', template.authorityId)
    .execute();
  const filesDir = mkdtempSync(join(tmpdir(), 'dondoc-files-'));
  const app = await buildApp({
    db: database.db,
    databaseKind: 'postgres',
    http: { filesDir, loginAttemptsPerIp: 10_000, ...options.http },
    ...(options.now ? { now: options.now } : {}),
  });
  const world: World = {
    app,
    authorityId: template.authorityId,
    otherAuthorityId: template.otherAuthorityId,
    agency: (code) => {
      const found = agencies.find((a) => a.code === code);
      if (!found) throw new Error(`no agency ${code}`);
      return found.id;
    },
    filesDir,
  };
  return { world, database, drop: scratch.drop };
}

export interface OpenPage {
  page: Page;
  context: BrowserContext;
  /** console errors and uncaught page errors seen so far (a test asserts it stays empty) */
  errors: string[];
}

/**
 * The file's browser world, started before its first test (on PostgreSQL or PGlite, as
 * startBrowserWorld) and closed after its last: `const bw = useBrowserWorld(options)` inside the
 * describe. Its fields are read at test time, once the world is up.
 */
export function useBrowserWorld(options: Parameters<typeof startBrowserWorld>[0] = {}): BrowserWorld {
  let started: BrowserWorld | undefined;
  beforeAll(async () => {
    started = await startBrowserWorld(options);
  });
  afterAll(async () => {
    await started?.close();
  });
  const current = (): BrowserWorld => {
    if (!started) throw new Error('the browser world is not started yet (use it inside a test)');
    return started;
  };
  return {
    get world() {
      return current().world;
    },
    get db() {
      return current().db;
    },
    get baseUrl() {
      return current().baseUrl;
    },
    get browser() {
      return current().browser;
    },
    close: () => current().close(),
  };
}

/** A fresh browser context (no cookies) at a viewport: desktop 1366×900 by default, or a 360 px phone. */
export async function openPage(
  bw: BrowserWorld,
  { viewport = 'desktop' as 'desktop' | 'phone', lang = 'vi' as 'vi' | 'en' } = {},
): Promise<OpenPage> {
  const context = await bw.browser.newContext({
    baseURL: bw.baseUrl,
    viewport: viewport === 'phone' ? { width: 360, height: 740 } : { width: 1366, height: 900 },
    deviceScaleFactor: 1,
    locale: lang === 'en' ? 'en-US' : 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    // the app turns antd's animations off for users who ask for less motion: a click then never
    // lands on a menu or dialog still sliding into place (on a busy machine it missed its target)
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(UI_TIMEOUT);
  const errors: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return { page, context, errors };
}

/** Signs in through the login form and waits for the app frame. */
export async function signInAs(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/dang-nhap');
  await page.getByLabel(/Tên đăng nhập|Username/).fill(username);
  await page.getByLabel(/Mật khẩu|Password/).fill(password);
  await page.getByRole('button', { name: /Đăng nhập|Sign in/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/dang-nhap'));
  await page.locator('main').waitFor();
}

/**
 * Signs the page's context in through the API (POST /api/auth/login, whose session cookie the context
 * keeps), then opens `at` — by default the role's home page, where the form's sign-in lands — and waits
 * for the app frame. One page load instead of the form's three (login page, home, `at`); the tests whose
 * subject is the login form use signInAs.
 */
export async function signInByApi(
  { page, context }: Pick<OpenPage, 'page' | 'context'>,
  username: string,
  { at, password = DEMO_PASSWORD }: { at?: string; password?: string } = {},
): Promise<void> {
  const answer = await context.request.post('/api/auth/login', { data: { username, password } });
  if (answer.status() !== 200)
    throw new Error(`sign-in of ${username} failed: ${answer.status()} ${await answer.text()}`);
  await page.goto(at ?? '/');
  await page.waitForURL(
    (url) => !url.pathname.startsWith('/dang-nhap') && (at !== undefined || url.pathname !== '/'),
  );
  await page.locator('main').waitFor();
}

/** A fresh page (openPage) signed in as `username` (signInByApi), at `at` when given, else at the role's home page. */
export async function openSignedIn(
  bw: BrowserWorld,
  username: string,
  { at, ...options }: Parameters<typeof openPage>[1] & { at?: string } = {},
): Promise<OpenPage> {
  const opened = await openPage(bw, options);
  await signInByApi(opened, username, at === undefined ? {} : { at });
  return opened;
}

/** A page signed in as `username` on a 360 px phone, at `at` (else the home page). */
export function openOnPhone(bw: BrowserWorld, username: string, at?: string): Promise<OpenPage> {
  return openSignedIn(bw, username, { viewport: 'phone', ...(at === undefined ? {} : { at }) });
}

/** Chooses a file in the page's (or a dialog's) file input, as a user dropping it there would. */
export function chooseFile(
  where: Page | Locator,
  name: string,
  content: string | Buffer,
  mimeType = 'text/plain',
): Promise<void> {
  const buffer = typeof content === 'string' ? Buffer.from(content) : content;
  return where.locator('input[type="file"]').setInputFiles({ name, mimeType, buffer });
}

/** How far the page is wider than the window: 0 (or less) when nothing scrolls sideways. */
export async function sidewaysOverflow(page: Page): Promise<number> {
  return Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
}

/** The end of a test's page: nothing logged but the expected refusals (unexpectedErrors), then closed. */
export async function closeClean({ context, errors }: Pick<OpenPage, 'context' | 'errors'>): Promise<void> {
  expect(unexpectedErrors(errors)).toEqual([]);
  await context.close();
}

/**
 * Full-page screenshots for the person who looks at them: on by default, off in CI (CI=true), where no
 * one does and test-results/ is not kept. A full page lays the whole page out again at its height and
 * rasterises it: the seed plan's appendix (5,577 px) took 3.6–5.7 s against 0.3 s for the window
 * (measured on this machine under load 15), ≈ a fifth of a browser file's time. SCREENSHOTS_FULL=1 or
 * =0 decides either way.
 */
const FULL_PAGE_SCREENSHOTS =
  process.env.SCREENSHOTS_FULL === undefined ? !process.env.CI : process.env.SCREENSHOTS_FULL === '1';

/** Saves test-results/<name>.png (the full page, or the window: FULL_PAGE_SCREENSHOTS), with time to spare. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: FULL_PAGE_SCREENSHOTS, timeout: 45_000 });
  return path;
}

/**
 * Console errors that are not the app's fault: the browser logs every 4xx answer of fetch as a
 * console error, and some tests provoke refusals on purpose. Anything else is a failure.
 */
export function unexpectedErrors(errors: string[]): string[] {
  return errors.filter(
    (e) => !/Failed to load resource: the server responded with a status of 4\d\d/.test(e),
  );
}
