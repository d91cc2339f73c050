import { readFileSync, writeFileSync } from 'node:fs';
import { isLocalDate } from '../domain/dates.ts';
import { assertAgencyKind, normaliseAgencyCode, tidyAgencyName } from '../modules/directory/agency-names.ts';
import { resolveAuthority } from '../modules/directory/directory.service.ts';
import {
  exportAgenciesCsv,
  findAgencyIdByCode,
  importAgenciesCsv,
} from '../modules/directory/directory-csv.service.ts';
import { addAgencyAlias, createAgency, listAgencies } from '../modules/directory/directory-edit.service.ts';
import { importReferenceAgencies } from '../modules/directory/directory-reference.service.ts';
import { REFERENCE_IDS } from '../modules/directory/reference-directories.ts';
import { AppError } from '../shared/errors.ts';
import type { Command, Flags } from './commands.ts';
import { cliContext } from './context.ts';
import { required, str } from './flags.ts';
import { renderTable } from './table.ts';

const USAGE =
  'Cách dùng: dondoc agencies list [--valid-on NGÀY] [--json]' +
  ' | dondoc agencies add --code MÃ --name "Tên" --kind province|district|commune [--alias "Tên khác" …] [--valid-from NGÀY] [--valid-to NGÀY]' +
  ' | dondoc agencies alias MÃ "Tên gọi khác"' +
  ' | dondoc agencies import TỆP.csv' +
  ' | dondoc agencies export [--out TỆP.csv]' +
  ` | dondoc agencies import-reference ${REFERENCE_IDS.join('|')}.`;

const KIND_LABEL = {
  province: 'cấp tỉnh',
  district: 'cấp huyện',
  commune: 'cấp xã',
  unit: 'đơn vị trực thuộc',
};

/**
 * `dondoc agencies list|add|alias|import|export|import-reference` — the directory (Danh mục cơ quan)
 * from the server's console, as the CLI's system actor of the authority (reading and editing the
 * directory, nothing else), through the web API's own checked
 * service functions (directory-edit.service.ts, directory-csv.service.ts, directory-reference.service.ts).
 */
export const agenciesCommand: Command = async (db, flags, print, args = [], config) => {
  const [sub, ...rest] = args;
  const authority = await resolveAuthority(db, str(flags.authority));
  const c = await cliContext(db, config, authority.id, ['directory.read', 'directory.write']);

  switch (sub) {
    case 'list': {
      const validOn = str(flags['valid-on']);
      if (validOn !== undefined && !isLocalDate(validOn))
        throw new AppError('INVALID_DATE', `Ngày "${validOn}" không hợp lệ: cần dạng YYYY-MM-DD.`);
      const items = [];
      for (let page = 1; ; page++) {
        const got = await listAgencies(c, { page, pageSize: 200, validOn });
        items.push(...got.items);
        if (items.length >= got.total || got.items.length === 0) break;
      }
      if (flags.json) return print(JSON.stringify(items, null, 2));
      print(
        renderTable(
          ['Mã', 'Tên', 'Cấp', 'Tên gọi khác', 'Hiệu lực'],
          items.map((a) => [
            a.code,
            a.name,
            KIND_LABEL[a.kind],
            a.aliases.join('; '),
            a.validFrom || a.validTo ? `${a.validFrom ?? '…'} – ${a.validTo ?? '…'}` : '',
          ]),
        ),
      );
      return print(`${items.length} cơ quan.`);
    }
    case 'add': {
      const agency = await createAgency(c, {
        code: normaliseAgencyCode(required(flags, 'code', 'mã cơ quan, ví dụ --code STP')),
        name: tidyAgencyName(required(flags, 'name', 'tên cơ quan')),
        kind: assertAgencyKind(required(flags, 'kind', 'province|district|commune')),
        aliases: list(flags.alias).map((a) => tidyAgencyName(a, 'Tên gọi khác')),
        validFrom: date(flags, 'valid-from'),
        validTo: date(flags, 'valid-to'),
      });
      if (flags.json) return print(JSON.stringify(agency));
      return print(`Đã thêm cơ quan ${agency.code} — ${agency.name}.`);
    }
    case 'alias': {
      const [code, alias] = rest;
      if (!code || !alias) throw new AppError('VALIDATION_FAILED', USAGE);
      const agency = await addAgencyAlias(c, await findAgencyIdByCode(c, code), alias);
      if (flags.json) return print(JSON.stringify(agency));
      return print(`Tên gọi khác của ${agency.code} (${agency.name}): ${agency.aliases.join('; ')}.`);
    }
    case 'import': {
      const [file] = rest;
      if (!file) throw new AppError('VALIDATION_FAILED', USAGE);
      const { created } = await importAgenciesCsv(c, readText(file));
      if (flags.json) return print(JSON.stringify({ created }));
      return print(`Đã thêm ${created.length} cơ quan: ${created.join(', ')}.`);
    }
    case 'export': {
      const csv = await exportAgenciesCsv(c);
      const out = str(flags.out)?.trim();
      if (!out) return print(csv.trimEnd());
      writeFileSync(out, `\uFEFF${csv}`); // the BOM lets Excel read UTF-8
      return print(`Đã ghi danh mục (${csv.trimEnd().split('\r\n').length - 1} cơ quan) vào ${out}.`);
    }
    case 'import-reference': {
      const [id] = rest;
      if (!id) throw new AppError('VALIDATION_FAILED', USAGE);
      const result = await importReferenceAgencies(c, id);
      if (flags.json) return print(JSON.stringify(result, null, 2));
      print(
        `Danh mục tham chiếu ${id}: đã thêm ${result.added.length} cơ quan, ${result.groupsAdded.length} nhóm, ` +
          `${result.successorsAdded} quan hệ kế thừa; bỏ qua ${result.skipped.length} cơ quan đã có.`,
      );
      for (const s of result.skipped) print(`  đã có: ${s.name} (${s.existingCode})`);
      for (const g of result.groupsSkipped) print(`  nhóm đã có: ${g}`);
      for (const d of result.aliasesDropped)
        print(`  bỏ tên gọi khác "${d.alias}" của ${d.code}: đã dùng cho cơ quan khác`);
      return;
    }
    default:
      throw new AppError('VALIDATION_FAILED', USAGE);
  }
};

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new AppError('VALIDATION_FAILED', `Không đọc được tệp "${file}".`);
  }
}

function date(flags: Flags, name: string): string | null {
  const value = str(flags[name])?.trim();
  if (value === undefined || value === '') return null;
  if (!isLocalDate(value))
    throw new AppError('INVALID_DATE', `--${name} "${value}" không hợp lệ: cần dạng YYYY-MM-DD.`);
  return value;
}

/** A repeatable option: parseArgs gives an array (or one string). */
function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? [value] : [];
}
