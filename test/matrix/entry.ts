import type { Allow } from './allow.ts';
import type { MatrixContext, MatrixEntry, Target } from './types.ts';

type Request = MatrixEntry['request'];

/** A leak test: the body, as JSON, contains one of the texts (data only UBND-TN has). */
export const mentions =
  (...texts: string[]) =>
  (body: unknown) => {
    const json = JSON.stringify(body);
    return texts.some((text) => json.includes(text));
  };

/** For routes that answer nobody's data (health, the OpenAPI document, sign-out …). */
export const leaksNothing = () => false;

/**
 * A route another authority's office may call too (crossAuthority 'list'): it is answered with that
 * authority's own data, and `leaks(body)` says when UBND-TN's shows. `request` is the concrete URL
 * (by default the route itself) or a function that builds the request.
 */
export function listRoute(
  method: MatrixEntry['method'],
  url: string,
  allow: Allow,
  leaks: (body: unknown) => boolean,
  request: string | Request = url,
): MatrixEntry {
  return {
    method,
    url,
    request: typeof request === 'string' ? async () => ({ url: request }) : request,
    allow,
    crossAuthority: 'list',
    leaks,
  };
}

/** The request for `url` once `prepare` has written, for the target, the rows the route lists. */
export function listingAfter(
  prepare: (ctx: MatrixContext, target: Target) => Promise<unknown>,
  url: string,
): Request {
  return async (ctx, target) => {
    await prepare(ctx, target);
    return { url };
  };
}
