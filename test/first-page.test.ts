import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.ts';
import { FIRST_ANSWERS_ID, jsonForHtml } from '../src/server/first-page.ts';
import { describeOnFastestDatabase } from './support/databases.ts';
import { signIn } from './support/http.ts';
import { useSeedWorld } from './support/world.ts';

const HOSTILE = "</script><script>alert(1)</script><!-- \u2028\u2029 & > $& $' $` $$";

describe('jsonForHtml', () => {
  it('leaves no way out of a <script> element and reads back as the same value', () => {
    const text = jsonForHtml({ name: HOSTILE, nested: [HOSTILE] });
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual({ name: HOSTILE, nested: [HOSTILE] });
  });
});

/** The answers embedded in an index.html (status and body by URL), or null when it has none. */
function embedded(reply: LightMyRequestResponse): Record<string, { status: number; body: unknown }> | null {
  const found = reply.body.match(
    new RegExp(`<script type="application/json" id="${FIRST_ANSWERS_ID}">([^<]*)</script>`),
  );
  return found?.[1] ? (JSON.parse(found[1]) as Record<string, { status: number; body: unknown }>) : null;
}

const itemsOf = (list: unknown) => (list as { items: { agencyId: number }[] } | undefined)?.items ?? [];

const INBOX_LIST = '/api/assignments?role=all&state=open_on_time&order=asc&sort=dueOn&page=1&pageSize=20';

describeOnFastestDatabase('index.html with the first answers of a signed-in user (issue #18 goal 5)', (t) => {
  const now = () => new Date('2021-02-15T09:00:00+07:00');
  const seed = useSeedWorld(t, { now });
  let root: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    // a build folder of its own: index.html and the manifest naming the inbox's chunks
    root = `${mkdtempSync(join(tmpdir(), 'dondoc-first-page-'))}/`;
    mkdirSync(`${root}.vite`);
    writeFileSync(
      `${root}index.html`,
      '<!doctype html>\n<html>\n  <head>\n    <script type="module" crossorigin src="/assets/index-1.js"></script>\n  </head>\n  <body><div id="root"></div></body>\n</html>\n',
    );
    writeFileSync(
      `${root}.vite/manifest.json`,
      JSON.stringify({
        'index.html': { file: 'assets/index-1.js', isEntry: true, imports: ['_shared-1.js'] },
        '_shared-1.js': { file: 'assets/shared-1.js' },
        'src/pages/inbox/InboxPage.tsx': {
          file: 'assets/InboxPage-1.js',
          imports: ['_shared-1.js', '_list-1.js'],
        },
        '_list-1.js': { file: 'assets/list-1.js' },
        'src/pages/LoginPage.tsx': { file: 'assets/LoginPage-1.js', imports: ['_shared-1.js'] },
      }),
    );
    app = await buildApp({ db: t.db, databaseKind: t.backend, now, web: { root } });
  });
  afterAll(async () => {
    await app?.close();
    rmSync(root, { recursive: true, force: true });
  });

  const page = (url: string, cookie?: string) =>
    app.inject({ method: 'GET', url, ...(cookie ? { headers: { cookie } } : {}) });
  const cookieOf = async (username: string) => {
    const reply = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: 'dondoc-87-KH-2021' },
    });
    return `dondoc_session=${reply.cookies.find((c) => c.name === 'dondoc_session')?.value}`;
  };

  it("sends the public the session's 401 alone, nothing of anyone", async () => {
    const reply = await page('/');
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['cache-control']).toBe('no-cache');
    const answers = embedded(reply);
    expect(Object.keys(answers ?? {}).sort()).toEqual(['/api/auth/providers', '/api/auth/session']);
    expect(answers?.['/api/auth/session']).toMatchObject({
      status: 401,
      body: { error: { code: expect.any(String) } },
    });
    expect(answers?.['/api/auth/providers']?.status).toBe(200);
    // the sign-in page's chunk preloaded, not the inbox's; nothing for the public pages
    expect(reply.body).toContain('<link rel="modulepreload" crossorigin href="/assets/LoginPage-1.js">');
    expect(reply.body).not.toContain('href="/assets/InboxPage-1.js"');
    expect((await page('/cong-khai')).body).not.toContain('href="/assets/LoginPage-1.js"');
    // a cookie that opens no session is the public too
    const forged = embedded(await page('/', 'dondoc_session=forged'));
    expect(forged?.['/api/auth/session']?.status).toBe(401);
    // a chunk of an older build: a 404, not the page (nor the API requests it would carry)
    const missing = await page('/assets/InboxPage-old.js');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).not.toContain(FIRST_ANSWERS_ID);
  });

  it("puts an agency's own session and inbox lists in its page, as its API answers them, never stored", async () => {
    const cookie = await cookieOf('stp');
    const reply = await page('/', cookie);
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['cache-control']).toBe('private, no-store');
    expect(String(reply.headers.vary)).toMatch(/cookie/i);
    // compressed for a browser that takes brotli, and the same page once decompressed
    const br = await app.inject({
      method: 'GET',
      url: '/',
      headers: { cookie, 'accept-encoding': 'gzip, br' },
    });
    expect(br.headers['content-encoding']).toBe('br');
    const text = brotliDecompressSync(br.rawPayload).toString('utf8');
    expect(text).toContain(`id="${FIRST_ANSWERS_ID}"`);
    expect(br.rawPayload.length).toBeLessThan(text.length / 2);
    const answers = embedded(reply);
    expect(answers?.['/api/auth/session']).toMatchObject({
      status: 200,
      body: { user: { username: 'stp', role: 'agency' } },
    });
    const stp = await signIn(app, 'stp');
    const list = await stp.get(INBOX_LIST);
    expect(list.statusCode).toBe(200);
    expect(answers?.[INBOX_LIST]).toEqual({ status: 200, body: list.json() });
    const stpId = seed.world.agency('STP');
    const items = itemsOf(answers?.[INBOX_LIST]?.body);
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((item) => item.agencyId === stpId)).toBe(true);
    // the inbox's chunks beyond the entry's, preloaded
    expect(reply.body).toContain('<link rel="modulepreload" crossorigin href="/assets/InboxPage-1.js">');
    expect(reply.body).toContain('<link rel="modulepreload" crossorigin href="/assets/list-1.js">');
    expect(reply.body).not.toContain('href="/assets/shared-1.js"');
    expect(reply.body).not.toContain('href="/assets/LoginPage-1.js"');
  });

  it("gives the Office its session alone (no agency's lists), and another agency only its own", async () => {
    const office = embedded(await page('/', await cookieOf('vanphong')));
    expect(Object.keys(office ?? {})).toEqual(['/api/auth/session']);
    const snv = embedded(await page('/viec-cua-don-vi', await cookieOf('snv')));
    expect(snv?.['/api/auth/session']?.body).toMatchObject({ user: { username: 'snv' } });
    const items = itemsOf(snv?.[INBOX_LIST]?.body);
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((item) => item.agencyId === seed.world.agency('SNV'))).toBe(true);
    // another tab of the inbox asks other lists: the session and the frame's answers only
    const otherTab = embedded(await page('/viec-cua-don-vi?tab=qua-han', await cookieOf('snv')));
    expect(otherTab?.[INBOX_LIST]).toBeUndefined();
  });

  it('escapes what a user wrote: a name holding </script> stays inside the JSON', async () => {
    await t.db.updateTable('app_user').set({ display_name: HOSTILE }).where('username', '=', 'stp').execute();
    const reply = await page('/', await cookieOf('stp'));
    expect(reply.body).not.toContain('<script>alert(1)');
    expect(reply.body.match(/<\/script>/g)).toHaveLength(2); // the entry's and the answers'
    expect(embedded(reply)?.['/api/auth/session']?.body).toMatchObject({ user: { displayName: HOSTILE } });
  });
});
