/**
 * A sample reminder letter from the seed plan (Kế hoạch 87/KH-UBND, Tây Ninh, 13/01/2021): Sở Tư pháp's
 * three lead tasks overdue as of 15/02/2021. Used by the tests and by scripts/render-sample-letter.ts.
 */
import type { CorrectionNoticeInput } from './correction-text.ts';
import type { ReminderLetterInput } from './letter-input.ts';

export const PLAN_87 = {
  number: '87/KH-UBND',
  issuedOn: '2021-01-13',
  title:
    'Xây dựng Chương trình hành động thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI nhiệm kỳ ' +
    '2020-2025 về công tác CCHC và Đề án nâng cao các Chỉ số PCI, ICT, PAPI, PAR Index của tỉnh',
};

/** The plan's 'Lưu ý' sentence, as written. */
export const CONSEQUENCE_87 =
  'Nếu quá thời hạn nêu trên mà UBND tỉnh không nhận được các kết quả như kế hoạch đã nêu thì được tính ' +
  'là 01 lần nhắc nhở bằng văn bản để chấm điểm chỉ số CCHC hàng năm đối với các sở, ban ngành tỉnh và ' +
  'UBND cấp huyện ở mục "Thực hiện các nhiệm vụ được Chủ tịch, UBND tỉnh giao bằng văn bản liên quan ' +
  'đến công tác CCHC".';

const REPORT_TAIL =
  'giai đoạn 2015-2020 và đề xuất, kiến nghị mục tiêu, nhiệm vụ, giải pháp trọng tâm thực hiện giai đoạn ' +
  '2021-2025 gửi UBND tỉnh';

/** The letter of the Office (docs/domain-rules.md §6.1's default form), n° 04, to Sở Tư pháp alone. */
export function sampleReminderLetter(): ReminderLetterInput {
  return {
    issuer: { parent: 'UBND TỈNH TÂY NINH', name: 'VĂN PHÒNG', place: 'Tây Ninh' },
    authority: 'UBND tỉnh',
    number: 4,
    symbol: 'VP-KSTT',
    issuedOn: '2021-02-15',
    addressees: ['Sở Tư pháp'],
    plans: [PLAN_87],
    items: [
      {
        agency: 'Sở Tư pháp',
        plan: '87/KH-UBND',
        task: 'I.3',
        content: `Báo cáo đánh giá kết quả thực hiện công tác cải cách thể chế ${REPORT_TAIL}`,
        dueOn: '2021-01-20',
        daysOverdue: 26,
      },
      {
        agency: 'Sở Tư pháp',
        plan: '87/KH-UBND',
        task: 'I.8',
        content: `Báo cáo đánh giá kết quả thực hiện công tác CCHC ${REPORT_TAIL}.`,
        dueOn: '2021-01-20',
        daysOverdue: 26,
      },
      {
        agency: 'Sở Tư pháp',
        plan: '87/KH-UBND',
        task: 'I.2',
        content:
          'Phổ biến, tổ chức quán triệt nội dung Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI, nhiệm kỳ ' +
          '2020-2025 và Chương trình hành động số 13-CTr/TU ngày 22/12/2020 của Tỉnh ủy thực hiện Nghị quyết ' +
          'Đại hội Đảng bộ tỉnh lần thứ XI liên quan công tác CCHC đến toàn thể CBCCVC và Nhân dân trên địa ' +
          'bàn tỉnh',
        dueOn: '2021-01-31',
        daysOverdue: 15,
      },
    ],
    consequence: CONSEQUENCE_87,
    signer: { authority: 'KT. CHÁNH VĂN PHÒNG', title: 'PHÓ CHÁNH VĂN PHÒNG', name: 'Nguyễn Văn Tâm' },
    recipients: ['Như trên', 'Chủ tịch, các PCT UBND tỉnh (b/c)', 'CVP, các PCVP'],
    division: 'KSTT',
    asOf: '2021-02-15',
    reportBy: '2021-02-22',
  };
}

/**
 * The day's one letter to several agencies (§6.1, the default): Sở Tư pháp's three tasks and Sở Nội vụ's
 * I.4, a draft of the UBND signed by a Vice-Chairman — no number or date yet, for the văn thư.
 */
export function sampleCombinedLetter(): ReminderLetterInput {
  const stp = sampleReminderLetter();
  return {
    ...stp,
    issuer: { parent: '', name: 'ỦY BAN NHÂN DÂN\nTỈNH TÂY NINH', place: 'Tây Ninh' },
    number: null,
    symbol: 'UBND-KSTT',
    issuedOn: null,
    addressees: ['Sở Tư pháp', 'Sở Nội vụ'],
    items: [
      ...stp.items,
      {
        agency: 'Sở Nội vụ',
        plan: '87/KH-UBND',
        task: 'I.4',
        content:
          'Báo cáo đánh giá kết quả thực hiện công tác cải cách tổ chức bộ máy hành chính nhà nước ' +
          REPORT_TAIL,
        dueOn: '2021-01-20',
        daysOverdue: 26,
      },
    ],
    signer: {
      authority: 'TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH',
      title: 'PHÓ CHỦ TỊCH',
      name: 'Nguyễn Mạnh Hùng',
    },
    recipients: ['Như trên', 'CT, các PCT UBND tỉnh', 'LĐVP'],
  };
}

/** The correction notice n° 07 of 20/02/2021: Sở Tư pháp's I.3, received on time, withdrawn from letter n° 04. */
export function sampleCorrectionNotice(): CorrectionNoticeInput {
  return {
    ...sampleReminderLetter(),
    writer: 'Văn phòng UBND tỉnh',
    number: 7,
    issuedOn: '2021-02-20',
    draftedOn: '2021-02-19',
    addressee: 'Sở Tư pháp',
    corrected: {
      number: 4,
      symbol: 'VP-KSTT',
      issuedOn: '2021-02-15',
      abstract: 'V/v đôn đốc thực hiện nhiệm vụ tại Kế hoạch số 87/KH-UBND',
    },
    items: [
      {
        plan: '87/KH-UBND',
        task: 'I.3',
        reason:
          'Kết quả nhận ngày 19/01/2021, trong thời hạn (20/01/2021), đã được tiếp nhận: nhiệm vụ hoàn thành ' +
          'đúng hạn, không tính nhắc nhở bằng văn bản.',
      },
    ],
  };
}
