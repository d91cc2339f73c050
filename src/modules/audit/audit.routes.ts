import type { ZodApp } from '../../server/http.ts';

/** PLACEHOLDER — to be written (issue #4). */
export async function auditRoutes(_app: ZodApp) {}
