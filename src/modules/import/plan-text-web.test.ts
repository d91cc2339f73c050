import { describe, expect, it } from 'vitest';
import { parsePlanText } from './plan-text.ts';
import { normalizeWebLines } from './plan-text-web.ts';

describe('text copied from a web page', () => {
  it('turns " | " and framed "| a | b |" lines into tab-separated rows, keeping empty cells', () => {
    expect(
      normalizeWebLines([
        'Số: 12/NQ-CP | Hà Nội, ngày 05 tháng 02 năm 2024',
        '| STT | Nội dung | Chủ trì |',
        '|---|:---:|---|',
        '1 | Rà soát |  | Quý I/2024',
        'Xem tại https://example.vn/a|b và A|B',
        'Không có ô nào',
      ]),
    ).toEqual([
      'Số: 12/NQ-CP\tHà Nội, ngày 05 tháng 02 năm 2024',
      'STT\tNội dung\tChủ trì',
      '',
      '1\tRà soát\t\tQuý I/2024',
      'Xem tại https://example.vn/a|b và A|B',
      'Không có ô nào',
    ]);
  });

  it('reads a plan whose header and task table are separated by " | "', () => {
    const plan = parsePlanText(
      [
        'ỦY BAN NHÂN DÂN TỈNH TÂY NINH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Số: 64/KH-UBND | Tây Ninh, ngày 12 tháng 4 năm 2023',
        '',
        'KẾ HOẠCH',
        'Tổ chức Ngày Chuyển đổi số tỉnh Tây Ninh năm 2023',
        '',
        'STT | Nội dung công việc | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Ghi chú',
        'I | Nhiệm vụ chung | | | |',
        '1 | Xây dựng Kế hoạch | Sở Thông tin và Truyền thông | Các sở, ban, ngành tỉnh | Trước ngày 30/4/2023. |',
        '2 | Bố trí kinh phí | Sở Tài chính | | Quý II/2023. |',
      ].join('\n'),
    );
    expect(plan).toMatchObject({ number: '64/KH-UBND', issuedOn: '2023-04-12', place: 'Tây Ninh' });
    expect(plan.sections.map((s) => [s.code, s.title])).toEqual([['I', 'Nhiệm vụ chung']]);
    expect(plan.tasks.map((t) => [t.no, t.content, t.leadText, t.supportText, t.deadlineText])).toEqual([
      [
        '1',
        'Xây dựng Kế hoạch',
        'Sở Thông tin và Truyền thông',
        'Các sở, ban, ngành tỉnh',
        'Trước ngày 30/4/2023.',
      ],
      ['2', 'Bố trí kinh phí', 'Sở Tài chính', '', 'Quý II/2023.'],
    ]);
  });
});
