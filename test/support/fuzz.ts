import fc from 'fast-check';
import { afterAll, expect, it } from 'vitest';
import { describeOnFastestDatabase } from './databases.ts';
import { anonymous, buildWorld, type Client, signIn, type World } from './http.ts';

/**
 * Every route's path, query and body fuzzed (200 cases each, as the Office, CSRF token included):
 * never a 5xx, always a clear 4xx with { error: { code, message } } when refused. Property names and
 * query parameters come from the OpenAPI document, so the generator reaches past the first check.
 * The routes are shared among `parts` test files (test/fuzz.test.ts, test/fuzz.part2.test.ts), each
 * with its own world and app, so that the 26,000 requests run in parallel workers.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);

interface OpenApiOperation {
  parameters?: { name: string; in: string }[];
  requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
}

const scalar = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(
    '2021-01-20',
    '2021-02-30',
    '20/01/2021',
    '-1',
    '0',
    '1',
    '999999999999',
    'I.3',
    'STP',
    '87/KH-UBND',
    '<script>',
    "' or 1=1 --",
    '%00',
    '../../etc/passwd',
  ),
);
const value = fc.oneof(
  scalar,
  fc.array(scalar, { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), scalar, { maxKeys: 3 }),
);

export function describeFuzzedRoutes(part: number, parts: number): void {
  describeOnFastestDatabase(`fuzzing every route (part ${part} of ${parts})`, (t) => {
    let world: World | undefined;
    afterAll(() => world?.app.close());

    it('answers every fuzzed request below 500', async () => {
      world = await buildWorld(t);
      const app = world.app;
      const paths: Record<string, Record<string, OpenApiOperation>> = (
        await app.inject({ url: '/api/openapi.json' })
      ).json().paths;
      expect(app.routeTable.length).toBeGreaterThan(5);
      const failures: string[] = [];
      // the Office signed in once; a route that ended its session (or changed its user) gets a new one
      let office: Client | undefined;
      const signedInOffice = async () => {
        const session = office ? await office.get('/api/auth/session') : undefined;
        if (!office || session?.statusCode !== 200 || session.json().user?.username !== 'vanphong')
          office = await signIn(app, 'vanphong');
        return office;
      };
      for (const [index, route] of app.routeTable.entries()) {
        if (index % parts !== part - 1) continue;
        const operation = paths[route.url.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()] ?? {};
        const queryNames = (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
        const bodyNames = Object.keys(
          operation.requestBody?.content?.['application/json']?.schema?.properties ?? {},
        );
        // signing out would end the session the other cases need: that route is fuzzed as the public
        const client = route.url === '/api/auth/logout' ? anonymous(app) : await signedInOffice();
        await fc
          .assert(
            fc.asyncProperty(
              fc.array(
                fc.oneof(fc.integer({ min: -5, max: 100_000 }).map(String), fc.string({ maxLength: 12 })),
                { minLength: 4, maxLength: 4 },
              ),
              fc.dictionary(fc.constantFrom(...queryNames, 'x', 'page'), scalar.map(String), { maxKeys: 4 }),
              fc.oneof(
                fc.dictionary(fc.constantFrom(...bodyNames, 'x'), value, { maxKeys: 6 }),
                value,
                fc.constant(undefined),
              ),
              async (params, query, body) => {
                let i = 0;
                const path = route.url.replace(/:(\w+)/g, () =>
                  encodeURIComponent(params[i++ % params.length] ?? '1'),
                );
                const search = new URLSearchParams(query).toString();
                const reply = await client.request({
                  method: route.method as 'GET',
                  url: search ? `${path}?${search}` : path,
                  ...(body === undefined || route.method === 'GET'
                    ? {}
                    : { payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
                });
                if (reply.statusCode >= 500) {
                  failures.push(
                    `${route.method} ${path}?${search} ${JSON.stringify(body)?.slice(0, 120)} → ${reply.statusCode} ${reply.body.slice(0, 200)}`,
                  );
                  return false;
                }
                if (reply.statusCode >= 400 && reply.headers['content-type']?.toString().includes('json')) {
                  const error = reply.json().error;
                  return typeof error?.code === 'string' && typeof error?.message === 'string';
                }
                return true;
              },
            ),
            { numRuns: RUNS },
          )
          .catch((e: Error) => failures.push(`${route.method} ${route.url}: ${e.message.split('\n')[0]}`));
      }
      expect(failures).toEqual([]);
    });
  });
}
