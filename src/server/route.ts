import type {
  ContextConfigDefault,
  FastifyContextConfig,
  onRequestHookHandler,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
  RouteGenericInterface,
  RouteHandlerMethod,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ZodApp } from './http.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One route: what the OpenAPI document says of it (prose and zod schemas, less the module's tags),
 * its handler — typed by Fastify from those schemas: params, query and body parsed, the reply
 * checked — and, for a few, a route config or the onRequest guard of an upload.
 */
export interface RouteDefinition<Params, Query, Body, Response> {
  summary: string;
  description?: string;
  consumes?: string[];
  produces?: string[];
  params?: Params;
  querystring?: Query;
  body?: Body;
  response?: Response;
  /** the OpenAPI tags when not the module's */
  tags?: string[];
  handler: RouteHandlerMethod<
    RawServerDefault,
    RawRequestDefaultExpression,
    RawReplyDefaultExpression,
    RouteGenericInterface,
    ContextConfigDefault,
    { params: Params; querystring: Query; body: Body; response: Response },
    ZodTypeProvider
  >;
  config?: FastifyContextConfig;
  /** the `uploadGuard(…)` of an upload route (src/server/body-guards.ts) */
  guard?: { onRequest: onRequestHookHandler };
}

/**
 * The routes of one module, all under its OpenAPI tags: `route.post(url, { summary, params, body,
 * response, handler })` registers what `app.post(url, { schema: {…, tags} }, handler)` did.
 * A response whose one success code is not 200 (201 Created, 204 No Content) sets that status
 * before the handler runs: the handler returns the body, the reply goes out with that code; for
 * 204 the handler returns nothing and the reply has no body.
 */
export function moduleRoutes(app: ZodApp, ...tags: string[]) {
  const add =
    (method: Method) =>
    <Params, Query, Body, Response>(
      url: string,
      definition: RouteDefinition<Params, Query, Body, Response>,
    ) => {
      const { handler, config, guard, tags: ownTags, ...schema } = definition;
      // the typed handler, as Fastify calls any handler (its types were checked against the schema above)
      const handle = handler as RouteHandlerMethod;
      app.route({
        method,
        url,
        ...(config ? { config } : {}),
        ...guard,
        schema: { ...schema, tags: ownTags ?? tags },
        handler: replyingWith(successStatus(schema.response), handle),
      });
    };
  return { get: add('GET'), post: add('POST'), put: add('PUT'), patch: add('PATCH'), delete: add('DELETE') };
}

/** The handler, answering with `status`: 204 drops what it returns (No Content has no body). */
function replyingWith(status: number, handle: RouteHandlerMethod): RouteHandlerMethod {
  if (status === 200) return handle;
  if (status === 204) {
    return async function (request, reply) {
      reply.status(status);
      await handle.call(this, request, reply);
      return null;
    };
  }
  return function (request, reply) {
    reply.status(status);
    return handle.call(this, request, reply);
  };
}

/** The one 2xx code of a response schema; 200 when there are several or none. */
function successStatus(response: unknown): number {
  const codes = Object.keys(response ?? {})
    .map(Number)
    .filter((code) => code >= 200 && code < 300);
  return codes.length === 1 ? (codes[0] as number) : 200;
}
