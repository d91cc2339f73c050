import { describe, expect, it } from 'vitest';
import { definitionFor, INDEX_DEFINITIONS } from './definitions.ts';
import { assertValidResult, checkTarget } from './indices.rules.ts';

const pci = definitionFor('PCI', 2021);
if (!pci) throw new Error('no PCI');
const base = { score: 60, rank: 20, rankedOf: 63, group: 'Khá', components: [] };

describe('index definitions', () => {
  it('has one method version per index and year, and the versions §9 names', () => {
    for (const def of INDEX_DEFINITIONS) {
      const overlapping = INDEX_DEFINITIONS.filter(
        (d) =>
          d !== def &&
          d.code === def.code &&
          d.validFrom <= (def.validTo ?? 9999) &&
          def.validFrom <= (d.validTo ?? 9999),
      );
      expect(overlapping, def.code).toEqual([]);
      expect(new Set(def.components.map((c) => c.code)).size).toBe(def.components.length);
    }
    expect(pci.components).toHaveLength(10);
    expect(definitionFor('PAPI', 2017)?.components).toHaveLength(6);
    expect(definitionFor('PAPI', 2018)?.components).toHaveLength(8);
    expect(definitionFor('PAR', 2022)?.components).toHaveLength(8);
    expect(definitionFor('ICT', 2021)).toBeUndefined();
    expect(definitionFor('DTI', 2021)?.components.map((c) => c.nameVi)).toEqual([
      'Chính quyền số',
      'Kinh tế số',
      'Xã hội số',
    ]);
  });
});

describe('assertValidResult', () => {
  it('accepts a result within the scale', () => {
    expect(() =>
      assertValidResult(pci, 2021, { ...base, components: [{ code: 'transparency', score: 10 }] }),
    ).not.toThrow();
  });
  it.each([
    [{ ...base, score: 100.01 }, 'INDEX_SCORE_OUT_OF_RANGE'],
    [{ ...base, score: -1 }, 'INDEX_SCORE_OUT_OF_RANGE'],
    [{ ...base, rank: 64 }, 'INDEX_RANK_INVALID'],
    [{ ...base, rank: 0 }, 'INDEX_RANK_INVALID'],
    [{ ...base, group: 'Xuất sắc' }, 'INDEX_GROUP_UNKNOWN'],
    [{ ...base, components: [{ code: 'nope', score: 1 }] }, 'INDEX_COMPONENT_UNKNOWN'],
    [{ ...base, components: [{ code: 'transparency', score: 10.5 }] }, 'INDEX_SCORE_OUT_OF_RANGE'],
    [{ ...base, score: null, rank: null }, 'VALIDATION_FAILED'],
  ])('refuses %o with %s', (values, code) => {
    expect(() => assertValidResult(pci, 2021, values)).toThrow(expect.objectContaining({ code }));
  });
});

describe('checkTarget', () => {
  it('meets a group target in that group or a better one', () => {
    const target = { score: null, rank: null, group: 'Tốt' };
    expect(checkTarget(pci, { score: 70, rank: 5, group: 'Rất tốt' }, target).met).toBe(true);
    expect(checkTarget(pci, { score: 66, rank: 12, group: 'Tốt' }, target).met).toBe(true);
    expect(checkTarget(pci, { score: 64, rank: 24, group: 'Khá' }, target).met).toBe(false);
    expect(checkTarget(pci, { score: 64, rank: 24, group: null }, target)).toEqual({
      score: null,
      rank: null,
      group: null,
      met: null,
    });
  });
  it('meets a top-N target at rank N or better, and needs every criterion', () => {
    expect(
      checkTarget(pci, { score: 1, rank: 10, group: null }, { score: null, rank: 10, group: null }).met,
    ).toBe(true);
    expect(
      checkTarget(pci, { score: 1, rank: 11, group: null }, { score: null, rank: 10, group: null }).met,
    ).toBe(false);
    const both = { score: 65, rank: 10, group: null };
    expect(checkTarget(pci, { score: 66, rank: 9, group: null }, both).met).toBe(true);
    expect(checkTarget(pci, { score: 64, rank: 9, group: null }, both)).toMatchObject({
      score: false,
      rank: true,
      met: false,
    });
    expect(checkTarget(pci, null, both).met).toBeNull();
  });
});
