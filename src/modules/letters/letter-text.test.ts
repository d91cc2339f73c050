import { describe, expect, it } from 'vitest';
import { readParagraph } from '../../../test/support/docx-xml.ts';
import { citePlans, dateInWords, documentKind, recipientLines, shortAuthority } from './letter-text.ts';
import { reminderLetterText } from './reminder-letter.ts';
import { sampleReminderLetter } from './sample-letter.ts';

describe('letter text helpers', () => {
  it('writes dates in words as NĐ 30 does: a leading 0 for days below 10 and for months 1 and 2', () => {
    expect(dateInWords('2021-02-15')).toBe('ngày 15 tháng 02 năm 2021');
    expect(dateInWords('2021-01-05')).toBe('ngày 05 tháng 01 năm 2021');
    expect(dateInWords('2021-03-05')).toBe('ngày 05 tháng 3 năm 2021');
    expect(dateInWords('2021-12-31')).toBe('ngày 31 tháng 12 năm 2021');
  });

  it('names the kind of document from its symbol', () => {
    expect(documentKind('87/KH-UBND')).toBe('Kế hoạch');
    expect(documentKind('03/QĐ-UBND')).toBe('Quyết định');
    expect(documentKind('123/UBND-VP')).toBe('Công văn');
    expect(citePlans(['87/KH-UBND'])).toBe('Kế hoạch số 87/KH-UBND');
    expect(citePlans(['87/KH-UBND', '03/QĐ-UBND', '87/KH-UBND'])).toBe(
      'Kế hoạch số 87/KH-UBND và Quyết định số 03/QĐ-UBND',
    );
  });

  it('refers to the issuer the way a body does', () => {
    expect(shortAuthority({ parent: 'ỦY BAN NHÂN DÂN', name: 'TỈNH TÂY NINH' })).toBe('UBND tỉnh');
    expect(shortAuthority({ parent: 'Ủy ban nhân dân', name: 'Thành phố Hà Nội' })).toBe('UBND thành phố');
    expect(shortAuthority({ parent: 'UỶ BAN NHÂN DÂN', name: 'XÃ TÂN BIÊN' })).toBe('UBND xã');
  });

  it('ends Nơi nhận with the filing line, added when missing, punctuated ; and .', () => {
    expect(recipientLines(['Như trên', 'LĐVP'])).toEqual(['- Như trên;', '- LĐVP;', '- Lưu: VT, VP.']);
    expect(recipientLines(['- Lưu: VT, TH.', ' - Như trên; ', ''])).toEqual([
      '- Như trên;',
      '- Lưu: VT, TH.',
    ]);
    expect(recipientLines([])).toEqual(['- Lưu: VT, VP.']);
  });

  it('takes the day of the check and the reporting date when given', () => {
    const { body } = reminderLetterText({
      ...sampleReminderLetter(),
      asOf: '2021-02-14',
      reportBy: '2021-03-01',
    });
    expect(body[1]).toContain('đến ngày 14/02/2021');
    expect(body.at(-1)).toContain('trước ngày 01/03/2021');
  });

  it('reads docx XML text with its entities decoded (test support)', () => {
    expect(readParagraph('<w:p><w:r><w:t>A &amp; B &quot;C&quot;</w:t></w:r></w:p>').text).toBe('A & B "C"');
  });
});
