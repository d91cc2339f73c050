/**
 * Correction notices (docs/domain-rules.md §6.1): a step of the transaction that withdraws reminders
 * (reminder-withdrawal.ts), not a use case of its own. A reminder withdrawn after its letter was
 * issued is corrected in writing: one draft notice per (letter, agency), registered like a letter.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type LocalDate, localDateOf } from '../../domain/dates.ts';
import { LETTER_FORM_PRESETS } from '../../shared/letter-forms.ts';
import { findAuthorityById } from '../directory/directory.repo.ts';
import type { CorrectionNoticeInput } from '../letters/correction-text.ts';
import { citePlans } from '../letters/letter-text.ts';
import { letterFileName } from './letter-issue.ts';
import { letterSettingsOf } from './letter-settings.ts';
import { insertDraftLetter, linkRemindersToCorrection, listIssuedLetters } from './letters.repo.ts';

export interface WithdrawnFromLetter {
  reminderId: number;
  letterId: number | null;
  agencyId: number;
  plan: string;
  task: string;
  reason: string;
}

/** Drafts the correction notices the withdrawals call for (those of issued letters); returns how many. */
export async function draftCorrectionNotices(
  trx: Kysely<DB>,
  authorityId: number,
  now: Date,
  withdrawn: WithdrawnFromLetter[],
): Promise<number> {
  const letterIds = [...new Set(withdrawn.flatMap((w) => (w.letterId === null ? [] : [w.letterId])))];
  const letters = await listIssuedLetters(trx, authorityId, letterIds);
  if (letters.length === 0) return 0;
  const authority = await findAuthorityById(trx, authorityId);
  const settings = letterSettingsOf(authority);
  const day = localDateOf(now, authority.time_zone);
  let drafted = 0;
  for (const letter of letters) {
    const byAgency = new Map<number, WithdrawnFromLetter[]>();
    for (const w of withdrawn.filter((x) => x.letterId === letter.id)) {
      byAgency.set(w.agencyId, [...(byAgency.get(w.agencyId) ?? []), w]);
    }
    for (const [agencyId, items] of byAgency) {
      const agency = letter.agencies.find((a) => a.id === agencyId);
      if (!agency) continue;
      const notice: CorrectionNoticeInput = {
        issuer: settings.issuer,
        authority: settings.authority,
        writer: LETTER_FORM_PRESETS[settings.form].byOffice
          ? `Văn phòng ${settings.authority}`
          : settings.authority,
        symbol: settings.symbol,
        signer: settings.signer,
        recipients: settings.recipients,
        division: settings.division,
        number: null,
        issuedOn: null,
        draftedOn: day,
        addressee: agency.name,
        corrected: {
          number: letter.number,
          symbol: letter.symbol,
          issuedOn: letter.issued_on as LocalDate,
          abstract: `V/v đôn đốc thực hiện nhiệm vụ tại ${citePlans(items.map((i) => i.plan))}`,
        },
        items: items.map((i) => ({ plan: i.plan, task: i.task, reason: i.reason })),
      };
      const id = await insertDraftLetter(
        trx,
        {
          authority_id: authorityId,
          kind: 'correction',
          symbol: settings.symbol,
          sweep_day: day,
          // rendered on its first download, as the sweep's drafts (letter-issue.ts renderDraft)
          content: null,
          file_name: letterFileName('correction', null, [agency.code], day),
          input: JSON.stringify({ correction: notice }),
          corrects_id: letter.id,
        },
        [agencyId],
      );
      await linkRemindersToCorrection(
        trx,
        id,
        items.map((i) => i.reminderId),
      );
      drafted++;
    }
  }
  return drafted;
}
