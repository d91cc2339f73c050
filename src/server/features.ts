import { assignmentsRoutes } from '../modules/assignments/assignments.routes.ts';
import { auditRoutes } from '../modules/audit/audit.routes.ts';
import { authRoutes } from '../modules/auth/auth.routes.ts';
import { oidcRoutes } from '../modules/auth/oidc.routes.ts';
import { tokensRoutes } from '../modules/auth/tokens.routes.ts';
import { calendarRoutes } from '../modules/calendar/calendar.routes.ts';
import { directoryRoutes } from '../modules/directory/directory.routes.ts';
import { extensionsRoutes } from '../modules/extensions/extensions.routes.ts';
import { filesRoutes } from '../modules/files/files.routes.ts';
import { followupRoutes } from '../modules/followup/followup.routes.ts';
import { healthRoutes } from '../modules/health/health.routes.ts';
import { indicesRoutes } from '../modules/indices/indices.routes.ts';
import { obstaclesRoutes } from '../modules/obstacles/obstacles.routes.ts';
import { plansRoutes } from '../modules/plans/plans.routes.ts';
import { publicRoutes } from '../modules/public/public.routes.ts';
import { reorganisationRoutes } from '../modules/reorganisation/reorganisation.routes.ts';
import { reportsRoutes } from '../modules/reports/reports.routes.ts';
import { resultsRoutes } from '../modules/results/results.routes.ts';
import { scoringRoutes } from '../modules/scoring/scoring.routes.ts';
import { statisticsRoutes } from '../modules/statistics/statistics.routes.ts';
import { statusRoutes } from '../modules/status/status.routes.ts';
import { subassignRoutes } from '../modules/subassign/subassign.routes.ts';
import { usersRoutes } from '../modules/users/users.routes.ts';
import { csvExports } from './csv.ts';
import type { ZodApp } from './http.ts';

/** Every feature's routes, each a plugin registered under /api (one line per module). */
export const FEATURES: ((app: ZodApp) => Promise<void>)[] = [
  csvExports, // first: ?format=csv on the list routes registered after it (src/server/csv.ts)
  healthRoutes,
  authRoutes,
  oidcRoutes,
  tokensRoutes,
  statusRoutes,
  directoryRoutes,
  reorganisationRoutes,
  usersRoutes,
  plansRoutes,
  assignmentsRoutes,
  resultsRoutes,
  filesRoutes,
  subassignRoutes,
  extensionsRoutes,
  obstaclesRoutes,
  statisticsRoutes,
  scoringRoutes,
  auditRoutes,
  publicRoutes,
  followupRoutes,
  calendarRoutes,
  indicesRoutes,
  reportsRoutes,
];
