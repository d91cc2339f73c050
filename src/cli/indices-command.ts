import { resolveAuthority } from '../modules/directory/directory.service.ts';
import { INDEX_CODES } from '../modules/indices/definitions.ts';
import { listIndexResults } from '../modules/indices/indices-results.service.ts';
import { AppError } from '../shared/errors.ts';
import type { Command } from './commands.ts';
import { cliContext } from './context.ts';
import { str } from './flags.ts';
import { renderTable } from './table.ts';

/**
 * `dondoc indices [--year 2023] [--json]`: the latest result of each index up to that year (as the
 * system actor) with its source. --json prints the same items as GET /api/indices/results.
 */
export const indicesCommand: Command = async (db, flags, print, _positionals, config) => {
  const year = flags.year === undefined ? undefined : Number(flags.year);
  if (year !== undefined && !(Number.isInteger(year) && year >= 1990 && year <= 2100))
    throw new AppError('VALIDATION_FAILED', `Năm "${String(flags.year)}" không hợp lệ (ví dụ --year 2023).`);
  const authority = await resolveAuthority(db, str(flags.authority));
  const results = await listIndexResults(await cliContext(db, config, authority.id, ['index.read']), {});
  const latest = INDEX_CODES.map((code) =>
    results.filter((r) => r.index === code && (year === undefined || r.year <= year)).at(-1),
  ).filter((r) => r !== undefined);
  if (flags.json) return print(JSON.stringify(latest, null, 2));
  if (latest.length === 0) return print('Chưa có kết quả chỉ số nào.');
  const score = (r: (typeof latest)[number]) =>
    r.score === null ? '—' : r.unit === 'percent' ? `${r.score}%` : String(r.score);
  print(`Kết quả chỉ số gần nhất${year === undefined ? '' : ` đến năm ${year}`}:`);
  print(
    renderTable(
      ['Chỉ số', 'Năm', 'Điểm', 'Thứ hạng', 'Nhóm', 'Nguồn'],
      latest.map((r) => [
        r.index,
        r.year,
        score(r),
        r.rank === null ? '—' : `${r.rank}${r.rankedOf === null ? '' : `/${r.rankedOf}`}`,
        r.group ?? '—',
        r.sourceNote,
      ]),
    ),
  );
};
