import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import * as core from './migrations/2026-11-27T1200-core.ts';
import * as planSource from './migrations/2026-11-27T1300-plan-source.ts';
import * as api from './migrations/2026-11-27T1400-api.ts';
import * as directoryVersion from './migrations/2026-11-27T1500-directory-version.ts';
import * as scoring from './migrations/2026-11-27T1600-scoring.ts';
import * as followup from './migrations/2026-11-27T1700-followup.ts';
import * as auditAppendOnly from './migrations/2026-11-27T1800-audit-append-only.ts';
import * as indices from './migrations/2026-11-27T1900-indices.ts';
import * as reports from './migrations/2026-11-27T2000-reports.ts';
import * as followupAdmin from './migrations/2026-11-27T2100-followup-admin.ts';
import * as indexLinkCascade from './migrations/2026-11-27T2300-index-link-cascade.ts';
import * as assignmentDoneOn from './migrations/2026-11-28T0100-assignment-done-on.ts';
import * as assignmentOpenIndex from './migrations/2026-11-28T0400-assignment-open-index.ts';
import * as security from './migrations/2026-12-06T1000-security.ts';
import * as oidc from './migrations/2026-12-06T1100-oidc.ts';
import * as tokensResults from './migrations/2026-12-06T1200-tokens-results.ts';
import * as calendar from './migrations/2026-12-07T1000-calendar.ts';
import * as letters from './migrations/2026-12-07T1100-letters.ts';
import * as decisions from './migrations/2026-12-07T1200-decisions.ts';
import * as publish from './migrations/2026-12-07T1400-publish.ts';
import * as dueShift from './migrations/2026-12-07T1500-due-shift.ts';
import * as oldPlans from './migrations/2026-12-08T0100-old-plans.ts';
import * as reminderRecordedOn from './migrations/2026-12-08T0200-reminder-recorded-on.ts';
import * as letterDraftsRenderedOnRead from './migrations/2026-12-08T0500-letter-drafts-rendered-on-read.ts';
import * as statisticCounts from './migrations/2026-12-08T0600-statistic-counts.ts';
import * as reportCounts from './migrations/2026-12-09T0100-report-counts.ts';
import * as planNumberUpper from './migrations/2026-12-09T0200-plan-number-upper.ts';
import * as countTriggersByAuthority from './migrations/2026-12-10T0100-count-triggers-by-authority.ts';

/** Every migration, by its timestamped name. Migrations never import application code. */
const migrations: Record<string, Migration> = {
  '2026-11-27T1200-core': core,
  '2026-11-27T1300-plan-source': planSource,
  '2026-11-27T1400-api': api,
  '2026-11-27T1500-directory-version': directoryVersion,
  '2026-11-27T1600-scoring': scoring,
  '2026-11-27T1700-followup': followup,
  '2026-11-27T1800-audit-append-only': auditAppendOnly,
  '2026-11-27T1900-indices': indices,
  '2026-11-27T2000-reports': reports,
  '2026-11-27T2100-followup-admin': followupAdmin,
  '2026-11-27T2300-index-link-cascade': indexLinkCascade,
  '2026-11-28T0100-assignment-done-on': assignmentDoneOn,
  '2026-11-28T0400-assignment-open-index': assignmentOpenIndex,
  '2026-12-06T1000-security': security,
  '2026-12-06T1100-oidc': oidc,
  '2026-12-06T1200-tokens-results': tokensResults,
  '2026-12-07T1000-calendar': calendar,
  '2026-12-07T1100-letters': letters,
  '2026-12-07T1200-decisions': decisions,
  '2026-12-07T1400-publish': publish,
  '2026-12-07T1500-due-shift': dueShift,
  '2026-12-08T0100-old-plans': oldPlans,
  '2026-12-08T0200-reminder-recorded-on': reminderRecordedOn,
  '2026-12-08T0500-letter-drafts-rendered-on-read': letterDraftsRenderedOnRead,
  '2026-12-08T0600-statistic-counts': statisticCounts,
  '2026-12-09T0100-report-counts': reportCounts,
  '2026-12-09T0200-plan-number-upper': planNumberUpper,
  '2026-12-10T0100-count-triggers-by-authority': countTriggersByAuthority,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * Brings the schema up to date; throws with the failing migration's name. A database already up to
 * date (every start but the first after an upgrade) is told by one read of kysely_migration instead of
 * the Migrator's round (its tables ensured, its lock taken in a transaction): on PGlite 0.19 instead of
 * 0.66 CPU-s of the start (issue #18, docs/benchmarks.md). Anything else — behind, ahead, no table —
 * goes to the Migrator, which migrates under its lock or refuses.
 */
export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  if (await isUpToDate(db)) return [];
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    const name = failed ? ` (${failed.migrationName})` : '';
    throw new Error(`migration failed${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Whether the database has run exactly the code's migrations (false without the table). */
async function isUpToDate(db: Kysely<unknown>): Promise<boolean> {
  const { rows } = await sql<{ present: boolean }>`
    select to_regclass('kysely_migration') is not null as present`.execute(db);
  if (!rows[0]?.present) return false;
  const { rows: applied } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
  const known = new Set(knownMigrationNames());
  return applied.length === known.size && applied.every((row) => known.has(row.name));
}

/** Which of the code's migrations the database has applied, which are pending, and any it has that the code does not know (a newer server's). */
export async function migrationStatus(
  db: Kysely<unknown>,
): Promise<{ applied: string[]; pending: string[]; unknown: string[] }> {
  const migrator = new Migrator({ db, provider });
  const known = await migrator.getMigrations();
  const applied = known.filter((m) => m.executedAt !== undefined).map((m) => m.name);
  const pending = known.filter((m) => m.executedAt === undefined).map((m) => m.name);
  const names = new Set(known.map((m) => m.name));
  const rows = await sql<{ name: string }>`select name from kysely_migration`
    .execute(db)
    .then((r) => r.rows)
    .catch(() => [] as { name: string }[]);
  return { applied, pending, unknown: rows.map((r) => r.name).filter((name) => !names.has(name)) };
}

/** The names of the code's migrations, oldest first (a backup names the newest its database had). */
export function knownMigrationNames(): string[] {
  return Object.keys(migrations).sort();
}
