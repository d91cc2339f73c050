import { describe, expect, it } from 'vitest';
import { isAppError } from '../../shared/errors.ts';
import {
  assertNameFree,
  findNameOwner,
  nameKey,
  normaliseAgencyCode,
  suggestAgencyCode,
} from './agency-names.ts';

const entries = [
  { code: 'SKHDT', name: 'Sở Kế hoạch và Đầu tư', aliases: ['Sở KH&ĐT'] },
  { code: null, name: 'Các sở, ban, ngành tỉnh', aliases: ['Các sở ban ngành tỉnh'] },
];

describe('agency names', () => {
  it('treats case, spacing and & as one spelling', () => {
    expect(nameKey('  Sở  KH & ĐT ')).toBe(nameKey('sở kh và đt'));
    expect(findNameOwner(entries, 'SỞ KH và ĐT')?.code).toBe('SKHDT');
    expect(findNameOwner(entries, 'các sở ban ngành tỉnh')?.name).toBe('Các sở, ban, ngành tỉnh');
    expect(findNameOwner(entries, 'Sở KH&ĐT', 'SKHDT')).toBeUndefined();
  });

  it('refuses a name another agency or a group holds, saying who holds it', () => {
    expect(() => assertNameFree(entries, 'Sở Tư pháp')).not.toThrow();
    try {
      assertNameFree(entries, 'Sở KH&ĐT');
      expect.unreachable();
    } catch (error) {
      expect(isAppError(error) && error.code).toBe('CONFLICT');
      expect((error as Error).message).toContain('SKHDT');
    }
  });

  it('normalises codes and refuses bad ones', () => {
    expect(normaliseAgencyCode(' stp ')).toBe('STP');
    expect(() => normaliseAgencyCode('Sở TP')).toThrow(/không hợp lệ/u);
  });

  it('suggests a free code from the initials', () => {
    expect(suggestAgencyCode('Liên đoàn Lao động tỉnh', [])).toBe('LDLDT');
    expect(suggestAgencyCode('Sở Nội vụ', ['snv'])).toBe('SNV2');
    expect(suggestAgencyCode('Đắk Lắk', [])).toBe('DL');
  });
});
