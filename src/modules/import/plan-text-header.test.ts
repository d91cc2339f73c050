import { describe, expect, it } from 'vitest';
import { parsePlanText } from './plan-text.ts';

const BODY = [
  '',
  'I. NHIỆM VỤ',
  '1. Rà soát văn bản',
  '- Cơ quan chủ trì: Bộ Tư pháp.',
  '- Thời hạn: Quý I/2024.',
];

describe('the header of a plan as published', () => {
  it('reads a title written in capitals over several lines after the document type', () => {
    const plan = parsePlanText(
      [
        'CHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'Số: 12/NQ-CP | Hà Nội, ngày 05 tháng 02 năm 2024',
        '',
        'NGHỊ QUYẾT',
        'BAN HÀNH CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ',
        'THỰC HIỆN NGHỊ QUYẾT SỐ 41-NQ/TW',
        'CHÍNH PHỦ',
        'Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;',
        ...BODY,
      ].join('\n'),
    );
    expect(plan).toMatchObject({
      docType: 'NQ',
      number: '12/NQ-CP',
      issuedOn: '2024-02-05',
      place: 'Hà Nội',
      title: 'BAN HÀNH CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ THỰC HIỆN NGHỊ QUYẾT SỐ 41-NQ/TW',
    });
    expect(plan.warnings.map((w) => w.code)).toEqual([]);
  });

  it('splits the number from the place and date written on the same line with single spaces', () => {
    const plan = parsePlanText(
      [
        'Số: 52/KH-UBND Bình Định, ngày 08 tháng 4 năm 2022',
        '',
        'KẾ HOẠCH',
        'Phát triển du lịch năm 2022',
        ...BODY,
      ].join('\n'),
    );
    expect(plan).toMatchObject({
      number: '52/KH-UBND',
      place: 'Bình Định',
      issuedOn: '2022-04-08',
      title: 'Phát triển du lịch năm 2022',
    });
  });

  it('warns, without failing, when the document states no title', () => {
    const plan = parsePlanText(['Số: 52/KH-UBND', 'Bình Định, ngày 08 tháng 4 năm 2022', ...BODY].join('\n'));
    expect(plan.title).toBeNull();
    expect(plan.tasks).toHaveLength(1);
    expect(plan.warnings).toContainEqual({
      line: 0,
      code: 'missing_title',
      message: expect.stringContaining('trích yếu'),
    });
  });
});

describe('the signature after a table in the body', () => {
  it('finds Nơi nhận and the signer below a table that has no PHỤ LỤC heading', () => {
    const plan = parsePlanText(
      [
        'Số: 1850/KH-UBND',
        'Tây Ninh, ngày 08 tháng 6 năm 2022',
        'KẾ HOẠCH',
        'Chuyển đổi số tỉnh Tây Ninh năm 2022',
        '',
        'STT\tNội dung công việc\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành',
        '1\tNâng cấp Trung tâm dữ liệu tỉnh\tSở Thông tin và Truyền thông\tCông an tỉnh\tQuý III/2022',
        '',
        'Nơi nhận:',
        '- Như trên;',
        '- Lưu: VT.',
        'KT. CHỦ TỊCH',
        'PHÓ CHỦ TỊCH',
        '',
        'Trần Văn Minh',
      ].join('\n'),
    );
    expect(plan).toMatchObject({ signer: 'Trần Văn Minh', recipients: ['Như trên', 'Lưu: VT'] });
    expect(plan.tasks).toHaveLength(1);
  });
});
