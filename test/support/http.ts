import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { SYSTEM_ACTOR, systemActor } from '../../src/modules/access/access.ts';
import { DEMO_PASSWORD, loadDemo } from '../../src/modules/demo/demo.service.ts';
import { createAuthorityFromDirectory } from '../../src/modules/directory/directory.service.ts';
import type { FileStore } from '../../src/modules/files/file-store.ts';
import { createPlan } from '../../src/modules/plans/plans.service.ts';
import { setPlanPublished } from '../../src/modules/plans/plans-publish.service.ts';
import { createUser } from '../../src/modules/users/users.service.ts';
import { buildApp } from '../../src/server/app.ts';
import type { HttpOptions } from '../../src/server/http.ts';
import { systemContextFor, testContext } from './context.ts';
import type { TestDatabase } from './databases.ts';

export { DEMO_PASSWORD };

/**
 * The seed world for API tests: the demo authority (UBND-TN, plan 87/KH-UBND, demo users quantri,
 * vanphong, lanhdao and one per agency: stp, snv, vp …) and a second authority (UBND-BD) with its
 * own plan and users bd.vanphong (office) and bd.stp (agency), to prove no data crosses authorities.
 */
export interface World {
  app: FastifyInstance;
  authorityId: number;
  otherAuthorityId: number;
  /** agency id by code in UBND-TN */
  agency: (code: string) => number;
  filesDir: string;
}

export async function buildWorld(
  t: TestDatabase,
  options: { now?: () => Date; http?: Partial<HttpOptions>; files?: FileStore } = {},
): Promise<World> {
  const { authorityId } = await loadDemo(t.db, { users: true });
  const system = { db: t.db, actor: SYSTEM_ACTOR };
  const otherAuthorityId = await createAuthorityFromDirectory(system, {
    authority: { code: 'UBND-BD', name: 'Ủy ban nhân dân tỉnh Bình Định', place: 'Bình Định' },
    agencies: [
      { code: 'VP', name: 'Văn phòng UBND tỉnh', kind: 'province' },
      { code: 'STP', name: 'Sở Tư pháp', kind: 'province' },
    ],
    groups: [],
    monitor: 'VP',
  });
  const asOtherSystem = systemContextFor(t.db, otherAuthorityId);
  const { planId: otherPlanId } = await createPlan(asOtherSystem, {
    docType: 'KH',
    number: '52/KH-UBND',
    issuedOn: '2021-04-08',
    title: 'Kế hoạch của tỉnh khác',
    tasks: [
      {
        no: '1',
        content: 'Báo cáo của Sở Tư pháp Bình Định',
        leadText: 'Sở Tư pháp',
        deadlineText: 'Trước ngày 30/4/2021',
      },
    ],
  });
  // published, as the demo publishes its seed plan (docs/domain-rules.md §11)
  await setPlanPublished(asOtherSystem, otherPlanId, { published: true });
  const otherAgencies = await t.db
    .selectFrom('agency')
    .select(['id', 'code'])
    .where('authority_id', '=', otherAuthorityId)
    .execute();
  const otherStp = otherAgencies.find((a) => a.code === 'STP')?.id ?? null;
  const base = { password: DEMO_PASSWORD };
  const asOther = testContext(t.db, systemActor(otherAuthorityId));
  await createUser(asOther, {
    ...base,
    username: 'bd.vanphong',
    displayName: 'Văn phòng Bình Định',
    role: 'office',
    agencyId: null,
  });
  await createUser(asOther, {
    ...base,
    username: 'bd.stp',
    displayName: 'Sở Tư pháp Bình Định',
    role: 'agency',
    agencyId: otherStp,
  });
  const agencies = await t.db
    .selectFrom('agency')
    .select(['id', 'code'])
    .where('authority_id', '=', authorityId)
    .execute();
  const filesDir = mkdtempSync(join(tmpdir(), 'dondoc-files-'));
  const app = await buildApp({
    db: t.db,
    databaseKind: t.backend,
    http: { filesDir, loginAttemptsPerIp: 10_000, ...options.http },
    ...(options.files ? { files: options.files } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  return {
    app,
    authorityId,
    otherAuthorityId,
    agency: (code) => {
      const found = agencies.find((a) => a.code === code);
      if (!found) throw new Error(`no agency ${code}`);
      return found.id;
    },
    filesDir,
  };
}

/**
 * The reply has `status` and a JSON body holding at least what `expected` says (toMatchObject); a
 * wrong status shows the body (the error's code and message).
 */
export function expectReply(reply: LightMyRequestResponse, status: number, expected: object): void {
  expect(reply.statusCode, reply.body).toBe(status);
  expect(reply.json()).toMatchObject(expected);
}

/** A signed-in browser: sends the session cookie and, on writes, the CSRF header. */
export interface Client {
  username: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

export async function signIn(
  app: FastifyInstance,
  username: string,
  password = DEMO_PASSWORD,
): Promise<Client> {
  const reply = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (reply.statusCode !== 200)
    throw new Error(`sign-in of ${username} failed: ${reply.statusCode} ${reply.body}`);
  const cookie = reply.cookies.find((c) => c.name === 'dondoc_session');
  if (!cookie) throw new Error('no session cookie');
  const csrf = reply.json().csrfToken as string;
  const request = (options: InjectOptions) =>
    app.inject({
      ...options,
      cookies: { ...(options.cookies ?? {}), dondoc_session: cookie.value },
      headers: { 'x-csrf-token': csrf, ...(options.headers ?? {}) },
    });
  return clientOf(username, request);
}

/** The public: no cookie, no token. */
export function anonymous(app: FastifyInstance): Client {
  return clientOf('public', (options) => app.inject(options));
}

/** A Client whose calls all go through `request` (which adds the caller's credentials, if any). */
function clientOf(username: string, request: Client['request']): Client {
  const send = (method: 'POST' | 'PATCH' | 'PUT', url: string, body: unknown) =>
    request({ method, url, ...(body === undefined ? {} : { payload: body as object }) });
  return {
    username,
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, body) => send('POST', url, body),
    patch: (url, body) => send('PATCH', url, body),
    put: (url, body) => send('PUT', url, body),
    delete: (url) => request({ method: 'DELETE', url }),
  };
}
