import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { getLetterForDownload } from '../src/modules/followup/letters.service.ts';
import { expectPrinted, useCliWorkspace } from './support/cli.ts';
import { systemContextFor } from './support/context.ts';
import { fastestBackendNames } from './support/databases.ts';
import { docxText, expectToContainAll } from './support/docx-xml.ts';

/** `dondoc settings letters` on a data folder (PGlite) and on a scratch PostgreSQL database. */
for (const backend of fastestBackendNames()) {
  describe(`dondoc settings letters [${backend}]`, () => {
    const { cli, withDatabase } = useCliWorkspace(backend, 'settings-cli', { demo: true });

    it('shows the settings, changes the signer and Nơi nhận, and the next letter carries them', async () => {
      const shown = await cli('settings', 'letters');
      expectPrinted(shown, 'Người ký: TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / Nguyễn Mạnh Hùng');
      expect(shown.out).toContain('Hình thức: Công văn của UBND tỉnh (KT. Chủ tịch, Phó Chủ tịch ký)');
      expect(shown.out).toContain('  - Lưu: VT, KSTT. (mặc định)');
      expect(shown.out).toContain(
        'Nơi nhận (mặc định):\n  - Như trên;\n  - CT, các PCT UBND tỉnh;\n  - LĐVP;',
      );
      expect(shown.out).toContain('Phiên bản: 0');

      const changed = await cli(
        'settings',
        'letters',
        '--signer-authority',
        'KT. CHỦ TỊCH',
        '--signer-title',
        'PHÓ CHỦ TỊCH',
        '--signer-name',
        'Trần Văn Chiến',
        '--recipients',
        'Như trên; TT. Tỉnh ủy ;LĐVP;',
      );
      expect(changed.err).toBe('');
      expect(changed.out).toContain(
        'Đã lưu cấu hình công văn đôn đốc của Ủy ban nhân dân tỉnh Tây Ninh (phiên bản 1).',
      );
      expect(changed.out).toContain('Người ký: KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Trần Văn Chiến');
      const json = JSON.parse((await cli('settings', 'letters', '--symbol', 'VP-UBND', '--json')).out);
      expect(json).toMatchObject({
        version: 2,
        settings: {
          form: 'ubnd-kt',
          signer: { authority: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Trần Văn Chiến' },
          recipients: ['Như trên', 'TT. Tỉnh ủy', 'LĐVP'],
          symbol: 'VP-UBND',
        },
        effective: { symbol: 'VP-UBND', reportWithinDays: 7 },
      });

      // bad values: refused with the field named, nothing saved
      for (const [args, message] of [
        [['--report-within-days', '0'], 'reportWithinDays'],
        [['--report-within-days', 'bảy'], '--report-within-days "bảy"'],
        [['--symbol', 'VP UBND/1'], 'symbol: chỉ gồm chữ, số'],
        [['--form', 'ubnd'], 'form'],
        [['--combined', 'có'], '--combined "có"'],
        [['--signer-authority', '', '--signer-title', 'CHỦ TỊCH'], 'Không ghi "CHỦ TỊCH" một mình'],
      ] as const) {
        const refused = await cli('settings', 'letters', ...args);
        expect([args.join(' '), refused.code]).toEqual([args.join(' '), 1]);
        expect(refused.err).toContain(message);
      }
      expect((await cli('settings', 'signers')).code).toBe(1);
      expect(JSON.parse((await cli('settings', 'letters', '--json')).out).version).toBe(2);

      // an old read notification, to be purged by the sweep (retention 180 days)
      await withDatabase(async (db) => {
        const user = await db
          .selectFrom('app_user')
          .select(['id', 'authority_id'])
          .where('username', '=', 'stp')
          .executeTakeFirstOrThrow();
        await sql`insert into notification (authority_id, user_id, kind, business_key, title, created_at, read_at)
          values (${user.authority_id}, ${user.id}, 'digest', 'old:read', 'x', now() - interval '200 days',
            now() - interval '199 days')`.execute(db);
      });
      // 14/01: VP's I.1, in no letter (§6.1); 21/01: one draft letter to the 28 other agencies
      const sweep = JSON.parse((await cli('sweep', '--as-of', '2021-01-21', '--json')).out);
      expect(sweep.sweeps[0]).toMatchObject({ reminders: 34, letters: 1 });
      expect(sweep.purgedNotifications).toBe(1);
      const text = await withDatabase(async (db) => {
        const letter = await db
          .selectFrom('reminder_letter')
          .select(['id', 'authority_id'])
          .executeTakeFirstOrThrow();
        // the draft as downloaded (the sweep leaves it to its first download to render, issue #18)
        const reader = systemContextFor(db, letter.authority_id, { rights: ['reminder.read'] });
        const { content } = await getLetterForDownload(reader, letter.id);
        return docxText(content);
      });
      expectToContainAll(text, [
        'Số:        /VP-UBND',
        'KT. CHỦ TỊCH',
        'PHÓ CHỦ TỊCH',
        'Trần Văn Chiến',
        '- TT. Tỉnh ủy;',
      ]);
      expect(text).not.toContain('Nguyễn Mạnh Hùng');

      // --reset: back to the defaults (a new version, audited like any save)
      const reset = JSON.parse((await cli('settings', 'letters', '--reset', '--json')).out);
      expect(reset).toMatchObject({
        version: 3,
        settings: {},
        effective: { form: 'office', symbol: 'VP-KSTT', signer: { name: '' } },
      });
      const audit = await withDatabase((db) =>
        db
          .selectFrom('audit_log')
          .select(['actor', 'data'])
          .where('action', '=', 'settings.letters.update')
          .orderBy('id')
          .execute(),
      );
      expect(audit.map((a) => [a.actor, (a.data as { version: number }).version])).toEqual([
        ['cli', 1],
        ['cli', 2],
        ['cli', 3],
      ]);
    });
  });
}
