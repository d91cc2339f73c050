import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../shared/errors.ts';

/** The shape of reorganisation-2025.json: successor agencies of the 2025 reorganisation. */
export interface ReorganisationFile {
  effective: string;
  newAgencies: { code: string; name: string }[];
  successors: { from: string; to: { code: string; functions?: string }[] }[];
  districtsEnded?: string;
}

/**
 * Records the 2025 reorganisation in the directory: new agencies valid from the effective date,
 * merged agencies valid until it, district committees until they ended, and who succeeds whom.
 * Assignments are not moved here: that is a decision the Office takes per plan.
 */
export async function applyReorganisation(trx: Kysely<DB>, authorityId: number, file: ReorganisationFile) {
  for (const agency of file.newAgencies) {
    await trx
      .insertInto('agency')
      .values({
        authority_id: authorityId,
        code: agency.code,
        name: agency.name,
        aliases: [],
        kind: 'province',
        parent_id: null,
        valid_from: file.effective,
        valid_to: null,
      })
      .execute();
  }
  const agencies = await trx
    .selectFrom('agency')
    .select(['id', 'code'])
    .where('authority_id', '=', authorityId)
    .execute();
  const idOf = (code: string) => {
    const found = agencies.find((a) => a.code === code);
    if (!found) throw new AppError('AGENCY_NOT_FOUND', `Sơ đồ sắp xếp 2025 nhắc tới mã cơ quan lạ: ${code}.`);
    return found.id;
  };
  for (const { from, to } of file.successors) {
    await trx.updateTable('agency').set({ valid_to: file.effective }).where('id', '=', idOf(from)).execute();
    for (const successor of to) {
      await trx
        .insertInto('agency_successor')
        .values({
          authority_id: authorityId,
          from_agency_id: idOf(from),
          to_agency_id: idOf(successor.code),
          functions: successor.functions ?? null,
          effective_on: file.effective,
        })
        .execute();
    }
  }
  if (file.districtsEnded) {
    await trx
      .updateTable('agency')
      .set({ valid_to: file.districtsEnded })
      .where('authority_id', '=', authorityId)
      .where('kind', '=', 'district')
      .execute();
  }
  // New provincial agencies join the provincial group; expansion only takes members valid on a plan's date.
  const provincial = await trx
    .selectFrom('agency_group')
    .select('id')
    .where('authority_id', '=', authorityId)
    .where('name', '=', 'Các sở, ban, ngành tỉnh')
    .executeTakeFirst();
  if (provincial) {
    for (const agency of file.newAgencies) {
      await trx
        .insertInto('agency_group_member')
        .values({ authority_id: authorityId, group_id: provincial.id, agency_id: idOf(agency.code) })
        .execute();
    }
  }
}
