/**
 * The forms of the letter (docs/domain-rules.md §6.1): who issues and signs it, its number from the
 * register, one letter to several agencies, and the correction notice.
 */
import { describe, expect, it } from 'vitest';
import { cellText, openDocx, paragraphs, tables } from '../../../test/support/docx-xml.ts';
import { LETTER_FORM_PRESETS, numberLine, signatureProblem } from '../../shared/letter-forms.ts';
import { effectiveLetterSettings, parseLetterSettings } from '../followup/letter-settings.ts';
import { correctionNoticeText, renderCorrectionNotice } from './correction-notice.ts';
import { romanNumeral } from './letter-blocks.ts';
import { reminderLetterText, renderReminderLetter } from './reminder-letter.ts';
import { sampleCombinedLetter, sampleCorrectionNotice } from './sample-letter.ts';

const TAY_NINH = { name: 'Ủy ban nhân dân tỉnh Tây Ninh', place: 'Tây Ninh' };

describe('§6.1 the issuer and the signature', () => {
  it("defaults to the Office's own letter: UBND TỈNH TÂY NINH / VĂN PHÒNG, VP-KSTT, KT. CHÁNH VĂN PHÒNG", () => {
    const s = effectiveLetterSettings(TAY_NINH, {});
    expect(s).toMatchObject({
      form: 'office',
      division: 'KSTT',
      combined: true,
      officeAgency: 'VP',
      authority: 'UBND tỉnh',
      issuer: { parent: 'UBND TỈNH TÂY NINH', name: 'VĂN PHÒNG', place: 'Tây Ninh' },
      symbol: 'VP-KSTT',
      signer: { authority: 'KT. CHÁNH VĂN PHÒNG', title: 'PHÓ CHÁNH VĂN PHÒNG', name: '' },
    });
  });

  it("gives the UBND's forms: TL. CHỦ TỊCH / CHÁNH VĂN PHÒNG and TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH", () => {
    const tl = effectiveLetterSettings(TAY_NINH, { form: 'ubnd-tl', division: 'TH' });
    expect(tl).toMatchObject({
      issuer: { parent: '', name: 'ỦY BAN NHÂN DÂN\nTỈNH TÂY NINH' },
      symbol: 'UBND-TH',
      signer: { authority: 'TL. CHỦ TỊCH', title: 'CHÁNH VĂN PHÒNG' },
    });
    const kt = effectiveLetterSettings(TAY_NINH, { form: 'ubnd-kt', signer: { name: 'Nguyễn Mạnh Hùng' } });
    expect(kt.signer).toEqual({
      authority: 'TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH',
      title: 'PHÓ CHỦ TỊCH',
      name: 'Nguyễn Mạnh Hùng',
    });
    expect(kt.symbol).toBe('UBND-KSTT');
  });

  it('never signs "CHỦ TỊCH" alone, nor for the Chairman on a letter of the Office', () => {
    expect(signatureProblem('ubnd-kt', { authority: '', title: 'Chủ tịch' })).toMatch(/CHỦ TỊCH.*một mình/);
    expect(signatureProblem('ubnd-kt', { authority: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH' })).toBeNull();
    expect(signatureProblem('office', { authority: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH' })).toMatch(
      /Văn phòng/,
    );
    expect(signatureProblem('office', { authority: '', title: '' })).toBe('Thiếu chức vụ người ký.');
    for (const [form, preset] of Object.entries(LETTER_FORM_PRESETS)) {
      expect(signatureProblem(form as keyof typeof LETTER_FORM_PRESETS, preset.signer)).toBeNull();
    }
    expect(() => parseLetterSettings({ signer: { authority: '', title: 'CHỦ TỊCH' } })).toThrow(
      /signer: Không ghi "CHỦ TỊCH" một mình/,
    );
    expect(() => parseLetterSettings({ form: 'office', signer: { authority: 'KT. CHỦ TỊCH' } })).toThrow(
      /không ký thay Chủ tịch/,
    );
  });
});

describe('§6.1 the number from the outgoing register', () => {
  it('pads numbers below 10 and leaves room for the văn thư without one', () => {
    expect(numberLine(4, 'VP-KSTT')).toBe('Số: 04/VP-KSTT');
    expect(numberLine(12, 'VP-KSTT')).toBe('Số: 12/VP-KSTT');
    expect(numberLine(null, 'VP-KSTT')).toBe('Số:        /VP-KSTT');
  });
});

describe('§6.1 one letter a day to several agencies (a draft)', () => {
  it('lists the addressees under Kính gửi and groups the table by agency', async () => {
    const input = sampleCombinedLetter();
    const doc = (await openDocx(await renderReminderLetter(input))).document;
    const texts = paragraphs(doc).map((p) => p.text);
    const at = texts.indexOf('Kính gửi:');
    expect(texts.slice(at, at + 3)).toEqual(['Kính gửi:', '- Sở Tư pháp;', '- Sở Nội vụ.']);
    const [header, overdue, foot] = tables(doc);
    const [[issuer] = [], [number, date] = []] = header?.rows ?? [];
    expect(cellText(issuer)).toBe('ỦY BAN NHÂN DÂN\nTỈNH TÂY NINH\n');
    expect(issuer?.slice(0, 2).every((p) => p.runs[0]?.bold)).toBe(true);
    expect(cellText(number).split('\n')[0]).toBe('Số:        /UBND-KSTT');
    expect(cellText(date)).toBe('Tây Ninh, ngày      tháng      năm 2021');
    expect(overdue?.rows.slice(1).map((r) => [cellText(r[0]), cellText(r[1]).slice(0, 36)])).toEqual([
      ['I', 'Sở Tư pháp'],
      ['1', 'Kế hoạch số 87/KH-UBND, nhiệm vụ I.3'],
      ['2', 'Kế hoạch số 87/KH-UBND, nhiệm vụ I.8'],
      ['3', 'Kế hoạch số 87/KH-UBND, nhiệm vụ I.2'],
      ['II', 'Sở Nội vụ'],
      ['1', 'Kế hoạch số 87/KH-UBND, nhiệm vụ I.4'],
    ]);
    expect(foot?.rows[0]?.[1]?.map((p) => p.text)).toEqual([
      'TM. ỦY BAN NHÂN DÂN',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
      'Nguyễn Mạnh Hùng',
    ]);
    const { body } = reminderLetterText(input);
    expect(body[0]).toContain('UBND tỉnh đã giao các cơ quan, đơn vị chủ trì thực hiện');
    expect(body).toContain(
      '4. Sở Nội vụ: Nhiệm vụ I.4 tại Kế hoạch số 87/KH-UBND: Báo cáo đánh giá kết quả thực hiện công tác ' +
        'cải cách tổ chức bộ máy hành chính nhà nước giai đoạn 2015-2020 và đề xuất, kiến nghị mục tiêu, ' +
        'nhiệm vụ, giải pháp trọng tâm thực hiện giai đoạn 2021-2025 gửi UBND tỉnh (thời hạn 20/01/2021, quá hạn 26 ngày).',
    );
    expect(body.at(-1)).toMatch(/^Đề nghị các cơ quan, đơn vị khẩn trương hoàn thành các nhiệm vụ nêu trên/);
  });

  it('numbers agency rows in Roman numerals', () => {
    expect([1, 4, 9, 10, 14, 29, 30].map(romanNumeral)).toEqual(['I', 'IV', 'IX', 'X', 'XIV', 'XXIX', 'XXX']);
  });
});

describe('§6.1 the correction notice of a withdrawn reminder', () => {
  const notice = sampleCorrectionNotice();

  it('cites the letter it corrects and the reason, and keeps the rest of that letter', () => {
    const { abstract, body } = correctionNoticeText(notice);
    expect(abstract).toBe('V/v điều chỉnh nội dung Công văn số 04/VP-KSTT ngày 15/02/2021');
    expect(body[0]).toBe(
      'Tại Công văn số 04/VP-KSTT ngày 15/02/2021 về việc đôn đốc thực hiện nhiệm vụ tại Kế hoạch số ' +
        '87/KH-UBND, Văn phòng UBND tỉnh đã đôn đốc Sở Tư pháp thực hiện nhiệm vụ dưới đây và tính là nhắc nhở bằng văn bản.',
    );
    expect(body[2]).toMatch(/^- Nhiệm vụ I\.3 tại Kế hoạch số 87\/KH-UBND: Kết quả nhận ngày 19\/01\/2021/);
    expect(body.at(-1)).toBe(
      'Văn phòng UBND tỉnh điều chỉnh: không tính nhiệm vụ nêu trên là nhắc nhở bằng văn bản đối với ' +
        'Sở Tư pháp; các nội dung khác tại Công văn số 04/VP-KSTT ngày 15/02/2021 giữ nguyên./.',
    );
  });

  it('is laid out as a công văn: number 07, date, Kính gửi, Nơi nhận and the signature', async () => {
    const doc = (await openDocx(await renderCorrectionNotice(notice))).document;
    const [header, foot] = tables(doc);
    expect(cellText(header?.rows[1]?.[0])).toBe(
      'Số: 07/VP-KSTT\nV/v điều chỉnh nội dung Công văn số 04/VP-KSTT ngày 15/02/2021',
    );
    expect(cellText(header?.rows[1]?.[1])).toBe('Tây Ninh, ngày 20 tháng 02 năm 2021');
    expect(paragraphs(doc).some((p) => p.text === 'Kính gửi: Sở Tư pháp.')).toBe(true);
    expect(foot?.rows[0]?.[0]?.at(-1)?.text).toBe('- Lưu: VT, KSTT.');
    expect(foot?.rows[0]?.[1]?.map((p) => p.text)).toEqual([
      'KT. CHÁNH VĂN PHÒNG',
      'PHÓ CHÁNH VĂN PHÒNG',
      'Nguyễn Văn Tâm',
    ]);
  });
});
