import { readFileSync } from 'node:fs';
import type { LocalDate } from '../../domain/dates.ts';
import type { AgencyKind, Directory } from '../../domain/directory.ts';
import { AppError } from '../../shared/errors.ts';
import { REFERENCE_IDS } from '../../shared/schemas/directory.ts';

/**
 * Danh mục tham chiếu — directories shipped as data (reference/<id>.json, sources in each file's
 * `about`), so an authority that is not Tây Ninh starts from its level's agencies instead of none:
 * the Government's ministries and agencies (with the provinces), a provincial People's Committee's
 * departments, the provinces and centrally-run cities — each before and after the 2025 reorganisations.
 */
export { REFERENCE_IDS };
export type ReferenceId = (typeof REFERENCE_IDS)[number];

export interface ReferenceAgency {
  code: string;
  name: string;
  aliases: string[];
  kind: AgencyKind;
  /** informative: ministry, ministerial, government-agency, central, province, department, special, local-office */
  category?: string;
  validFrom?: LocalDate;
  validTo?: LocalDate;
}

export interface ReferenceGroup {
  name: string;
  aliases: string[];
  /** null: an open group (its members are named when assigning) */
  members: string[] | null;
  note?: string;
}

export interface ReferenceSuccessor {
  from: string;
  to: string;
  functions?: string;
  effectiveOn: LocalDate;
}

export interface ReferenceDirectory {
  id: ReferenceId;
  about: string;
  agencies: ReferenceAgency[];
  groups: ReferenceGroup[];
  successors: ReferenceSuccessor[];
}

export function isReferenceId(id: string): id is ReferenceId {
  return (REFERENCE_IDS as readonly string[]).includes(id);
}

/** The reference directory `id` as shipped; an unknown id is refused with the list of known ones. */
export function loadReferenceDirectory(id: string): ReferenceDirectory {
  if (!isReferenceId(id)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Không có danh mục tham chiếu "${id}": chọn một trong ${REFERENCE_IDS.join(', ')}.`,
    );
  }
  const file = JSON.parse(readFileSync(new URL(`./reference/${id}.json`, import.meta.url), 'utf8')) as Omit<
    ReferenceDirectory,
    'id'
  >;
  return {
    id,
    about: file.about,
    agencies: file.agencies,
    groups: file.groups,
    successors: file.successors ?? [],
  };
}

/** "tỉnh" as a word (not inside another word), any case of its first letter. */
const PROVINCE_WORD = /(?<![\p{L}\p{N}])([Tt])ỉnh(?![\p{L}\p{N}])/gu;

/** A name of a province's reference as a centrally-run city writes it: "Thanh tra tỉnh" → "Thanh tra thành phố". */
export function cityName(name: string): string {
  return name
    .replace(/^Tỉnh đoàn\b/u, 'Thành đoàn')
    .replace(PROVINCE_WORD, (_, t: string) => (t === 'T' ? 'Thành phố' : 'thành phố'));
}

/**
 * The reference as an authority uses it: for a centrally-run city (its name says "thành phố"), the
 * provincial names read "thành phố" where they say "tỉnh"; other references are unchanged.
 */
export function localiseReference(reference: ReferenceDirectory, authorityName: string): ReferenceDirectory {
  const isCity = /thành phố|\bTP\b/iu.test(authorityName);
  if (reference.id !== 'provincial-departments' || !isCity) return reference;
  return {
    ...reference,
    agencies: reference.agencies.map((a) => ({
      ...a,
      name: cityName(a.name),
      aliases: a.aliases.map(cityName),
    })),
    groups: reference.groups.map((g) => ({ ...g, name: cityName(g.name), aliases: g.aliases.map(cityName) })),
  };
}

/** The reference as the importer's `Directory` (validity kept), for the authority of `place`. */
export function referenceAsDirectory(reference: ReferenceDirectory, place?: string): Directory {
  return {
    ...(place ? { place } : {}),
    agencies: reference.agencies.map((a) => ({
      code: a.code,
      name: a.name,
      aliases: a.aliases,
      kind: a.kind,
      validFrom: a.validFrom ?? null,
      validTo: a.validTo ?? null,
    })),
    groups: reference.groups.map((g) => ({ name: g.name, aliases: g.aliases, members: g.members })),
  };
}
