import type { InjectOptions } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.ts';
import type { World } from '../support/http.ts';

/**
 * One route of the authorisation matrix (test/authorization-matrix.test.ts). Every route the app
 * registers must have an entry; the runner fails on a route without one.
 *
 * The runner calls `request(ctx, target)` on a fresh seed world for each caller and checks:
 * - denied  ⇔ status 401, 403 or 404;  allowed ⇔ any other status below 500 (a 409 is "allowed");
 * - callers: admin (quantri), office (vanphong), leader (lanhdao), agency (stp = Sở Tư pháp) and the
 *   public, each on target 'own' (data of Sở Tư pháp in UBND-TN); the agency again on target 'other'
 *   (data of Sở Nội vụ); and the other authority's office (bd.vanphong) on target 'own', which must be
 *   denied — or, for a list route, answered without any UBND-TN data (`crossAuthority: 'list'` and
 *   `leaks(body)` saying whether UBND-TN data appears).
 */
export type Target = 'own' | 'other';

export interface MatrixContext {
  world: World;
  db: Kysely<DB>;
}

export interface MatrixEntry {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** the route exactly as registered, e.g. '/api/assignments/:id' */
  url: string;
  /** the concrete request: url with ids filled in, payload; may create data through services first */
  request: (
    ctx: MatrixContext,
    target: Target,
  ) => Promise<Pick<InjectOptions, 'url' | 'payload' | 'headers'>>;
  allow: {
    admin: boolean;
    office: boolean;
    leader: boolean;
    agencyOwn: boolean;
    agencyOther: boolean;
    public: boolean;
  };
  /** build the request anew for every caller (a DELETE consumes its target; default: once per target) */
  fresh?: boolean;
  /** how the other authority's office must be answered on UBND-TN data (default 'deny') */
  crossAuthority?: 'deny' | 'list';
  /** for crossAuthority 'list': true when the body contains UBND-TN data */
  leaks?: (body: unknown) => boolean;
}
