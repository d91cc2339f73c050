import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import { expect, it } from 'vitest';
import type { Flags } from '../src/cli/commands.ts';
import { settingsCommand } from '../src/cli/settings-command.ts';
import { sweepCommand } from '../src/cli/sweep-command.ts';
import { type Config, loadConfig } from '../src/config.ts';
import type { DB } from '../src/db/schema.ts';
import { describeOnFastestDatabase } from './support/databases.ts';
import { FOLLOWUP_TABLES } from './support/followup.ts';
import { buildWorld, signIn } from './support/http.ts';

/**
 * Issue #17: the CLI and the API call the same use cases. Each CLI write of the follow-up lane runs
 * on the same starting data as its API twin, and both write the same domain rows (ids, timestamps
 * and the actor's name aside): `dondoc sweep` and POST /api/sweeps, `dondoc settings letters` and
 * PUT /api/settings/letters.
 */

/**
 * Columns that differ between two equal writes: generated ids, links to them (a draft letter's `input`
 * lists its reminders' ids), instants, file bytes.
 */
const VOLATILE = new Set(['id', 'letter_id', 'correction_id', 'input', 'content', 'actor', 'ip']);

function comparable(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).filter(
      ([key, value]) => !VOLATILE.has(key) && !key.endsWith('_at') && !(value instanceof Date),
    ),
  );
}

/** The audit log is append-only: each run's audit rows are those after the last one before it. */
async function lastAuditId(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

/** Every row of the tables given, and the audit rows after `auditAfter`, comparable and in one order. */
async function rowsWritten(db: Kysely<DB>, tables: readonly string[], auditAfter: number) {
  // a letter is named by its number, not its id, wherever a row links to it
  const letters = await db.selectFrom('reminder_letter').select(['id', 'sweep_day', 'number']).execute();
  const letterName = new Map(letters.map((l) => [String(l.id), `${l.sweep_day}-${l.number}`]));
  const named = (text: string) =>
    text.replace(/(\/letters\/|reminder:l|"letterId":)(\d+)/g, (_, link: string, id: string) =>
      link === '"letterId":' ? `${link}"${letterName.get(id)}"` : `${link}${letterName.get(id)}`,
    );
  const out: Record<string, string[]> = {};
  for (const table of tables) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db);
    out[table] = rows.map((r) => named(JSON.stringify(comparable(r)))).sort();
  }
  const audit = await db.selectFrom('audit_log').selectAll().where('id', '>', auditAfter).execute();
  out.audit_log = audit.map((r) => JSON.stringify(comparable(r))).sort();
  return out;
}

function cliConfig(): Config {
  const files = mkdtempSync(join(tmpdir(), 'dondoc-twins-'));
  return { ...loadConfig({}), files: { kind: 'local', dir: files } };
}

const quiet = () => {};

describeOnFastestDatabase('CLI and API twins: follow-up (issue #17)', (t) => {
  const now = () => new Date('2021-01-20T10:00:00+07:00');

  it('dondoc sweep --as-of and POST /api/sweeps write the same reminders, letters, notifications and e-mails', async () => {
    // 21/01: the day's letter to the agencies (a draft) and VP's own reminders told inside (§6.1)
    const world = await buildWorld(t, { now: () => new Date('2021-01-22T10:00:00+07:00') });
    await t.db.updateTable('app_user').set({ email: sql<string>`username || '@tayninh.gov.vn'` }).execute();
    const flags: Flags = { 'as-of': '2021-01-21', authority: 'UBND-TN' };
    const beforeCli = await lastAuditId(t.db);
    await sweepCommand(t.db, flags, quiet, [], cliConfig());
    const byCli = await rowsWritten(t.db, FOLLOWUP_TABLES, beforeCli);
    expect(byCli.written_reminder?.length).toBeGreaterThan(0);
    expect(byCli.reminder_letter?.length).toBeGreaterThan(0);

    // the same starting data again: nothing the sweep wrote is left
    for (const table of [...FOLLOWUP_TABLES].reverse())
      await sql`delete from ${sql.table(table)}`.execute(t.db);
    const office = await signIn(world.app, 'vanphong');
    const beforeApi = await lastAuditId(t.db); // after the sign-in, which is audited too
    const reply = await office.post('/api/sweeps', { asOf: '2021-01-21' });
    expect(reply.statusCode, reply.body).toBe(200);
    expect(await rowsWritten(t.db, FOLLOWUP_TABLES, beforeApi)).toEqual(byCli);
  });

  it('dondoc settings letters and PUT /api/settings/letters store the same settings and audit the same change', async () => {
    const world = await buildWorld(t, { now });
    const [authority] = await t.db
      .selectFrom('authority')
      .select('settings')
      .where('code', '=', 'UBND-TN')
      .execute();
    const flags: Flags = {
      authority: 'UBND-TN',
      'signer-name': 'Nguyễn Văn An',
      'signer-title': 'PHÓ CHỦ TỊCH',
      recipients: 'Như trên;Lưu: VT',
      symbol: 'UBND-VP',
      'report-within-days': '10',
    };
    const beforeCli = await lastAuditId(t.db);
    await settingsCommand(t.db, flags, quiet, ['letters'], cliConfig());
    const byCli = await rowsWritten(t.db, [], beforeCli);
    const settingsByCli = await t.db
      .selectFrom('authority')
      .select(['code', 'settings'])
      .orderBy('id')
      .execute();

    await t.db
      .updateTable('authority')
      .set({ settings: JSON.stringify(authority?.settings ?? {}) })
      .where('code', '=', 'UBND-TN')
      .execute();
    const office = await signIn(world.app, 'vanphong');
    const beforeApi = await lastAuditId(t.db); // after the sign-in, which is audited too
    // as the settings page does: the stored settings as read, with the same fields changed
    const read = (await office.get('/api/settings/letters')).json() as {
      settings: { signer?: Record<string, string> };
      version: number;
    };
    const reply = await office.put('/api/settings/letters', {
      ...read.settings,
      signer: { ...read.settings.signer, name: 'Nguyễn Văn An', title: 'PHÓ CHỦ TỊCH' },
      recipients: ['Như trên', 'Lưu: VT'],
      symbol: 'UBND-VP',
      reportWithinDays: 10,
      version: read.version,
    });
    expect(reply.statusCode, reply.body).toBe(200);
    expect(await t.db.selectFrom('authority').select(['code', 'settings']).orderBy('id').execute()).toEqual(
      settingsByCli,
    );
    expect(await rowsWritten(t.db, [], beforeApi)).toEqual(byCli);
  });
});
