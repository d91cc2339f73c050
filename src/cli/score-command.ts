import { formatVietnameseDate } from '../domain/dates.ts';
import { formatPercent, formatPoints } from '../domain/scoring.ts';
import { resolveAuthority } from '../modules/directory/directory.service.ts';
import { listCommendations, scoreYear } from '../modules/scoring/scoring.service.ts';
import { AppError } from '../shared/errors.ts';
import type { Command } from './commands.ts';
import { cliContext } from './context.ts';
import { str } from './flags.ts';
import { renderTable } from './table.ts';

/**
 * `dondoc score --year 2021 [--json]`: the year's scores of every scored agency (as the system actor),
 * then the year's commendation and criticism lists. --json prints the same answer as GET /api/scores
 * with the lists under `commendations`.
 */
export const scoreCommand: Command = async (db, flags, print, _positionals, config) => {
  const year = parseYear(flags.year);
  const authority = await resolveAuthority(db, str(flags.authority));
  // the same use cases as GET /api/scores and /api/commendations, for the system actor 'cli'
  const ctx = await cliContext(db, config, authority.id, ['stats.read']);
  const scores = await scoreYear(ctx, { year });
  const lists = await listCommendations(ctx, { from: `${year}-01-01`, to: `${year}-12-31` });
  if (flags.json) return print(JSON.stringify({ ...scores, commendations: lists }, null, 2));

  print(
    `Kết quả chấm điểm năm ${year} — ${scores.ruleSet.name}` +
      (scores.ruleSet.source === 'default' ? ' [mặc định]' : ` [phiên bản ${scores.ruleSet.version}]`),
  );
  print(
    scores.provisional
      ? `TẠM TÍNH đến ngày ${formatVietnameseDate(scores.asOf)}: năm chưa kết thúc, kết quả còn thay đổi.`
      : `Trạng thái nhiệm vụ tính đến ngày ${formatVietnameseDate(scores.asOf)}.`,
  );
  print(
    `Chấm ${scores.agencies.length} cơ quan (sở, ban, ngành tỉnh và UBND cấp huyện)` +
      (scores.ruleSet.excluded.length > 0
        ? `, không chấm: ${scores.ruleSet.excluded.join(', ')}.`
        : ', kể cả Văn phòng UBND tỉnh.'),
  );
  print('');
  print(
    renderTable(
      ['Mã', 'Cơ quan', 'Điểm tối đa', 'Điểm', 'Tỷ lệ', 'Xếp loại', 'Số lần nhắc nhở'],
      scores.agencies.map((a) => [
        a.code,
        a.name,
        formatPoints(a.max),
        formatPoints(a.points),
        formatPercent(a.rate),
        a.grade,
        a.reminders,
      ]),
    ),
  );
  print('');
  const list = (title: string, rows: string[]) => {
    print(`${title}: ${rows.length === 0 ? '(không có)' : rows.length}`);
    for (const row of rows) print(`  - ${row}`);
  };
  list(
    'Biểu dương (có nhiệm vụ đến hạn, tất cả hoàn thành đúng hạn)',
    lists.commended.map((a) => `${a.name} (${a.due} nhiệm vụ)`),
  );
  list(
    `Phê bình (từ ${lists.threshold} lần nhắc nhở trở lên)`,
    lists.criticised.map((a) => `${a.name} (${a.reminders} lần)`),
  );
  print('Chi tiết điểm bị trừ (nhiệm vụ, hạn, ngày nhắc nhở): dondoc score --year NĂM --json, mục "lost".');
};

function parseYear(value: string | boolean | undefined): number {
  const year = typeof value === 'string' && /^\d{4}$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!(year >= 2000 && year <= 2100)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Năm chấm điểm không hợp lệ: cần --year NĂM (ví dụ --year 2021).`,
      {
        value: value ?? null,
      },
    );
  }
  return year;
}
