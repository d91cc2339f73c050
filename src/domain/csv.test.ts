import { describe, expect, it } from 'vitest';
import { defuseCsvText, guessCsvSeparator, quoteCsvField, readCsv } from './csv.ts';

describe('readCsv', () => {
  it('reads fields, quoted fields, doubled quotes and quoted line breaks', () => {
    expect(readCsv('a,"b, c","say ""hi""","x\r\ny"\r\n', ',')).toEqual([['a', 'b, c', 'say "hi"', 'x\r\ny']]);
  });

  it('ends a record at CRLF, LF or CR, and adds none for a trailing line break', () => {
    expect(readCsv('a;b\r\nc;d\ne;f\rg;h\n', ';')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
    ]);
    expect(readCsv('a\n\nb', ',')).toEqual([['a'], [''], ['b']]);
    expect(readCsv('', ',')).toEqual([]);
    expect(readCsv('a,', ',')).toEqual([['a', '']]);
  });

  it('opens a quoted field after spaces only, and keeps a quote inside an unquoted field', () => {
    expect(readCsv('x,  "a,b" ,c', ',')).toEqual([['x', 'a,b ', 'c']]);
    expect(readCsv('5" disk,b', ',')).toEqual([['5" disk', 'b']]);
  });

  it('tells its hooks of every cell and record, so a reader can stop at a limit', () => {
    const cells: Array<[number, boolean]> = [];
    const records: number[] = [];
    readCsv('a,b\nc', ',', {
      onCell: (n, ends) => cells.push([n, ends]),
      onRecord: (_, n) => records.push(n),
    });
    expect(cells).toEqual([
      [1, false],
      [2, true],
      [1, true],
    ]);
    expect(records).toEqual([1, 2]);
    expect(() =>
      readCsv('a\nb\nc', ',', {
        onRecord: (_, n) => {
          if (n > 1) throw new Error('too many');
        },
      }),
    ).toThrow('too many');
  });
});

describe('guessCsvSeparator', () => {
  it('takes the separator that splits the first non-empty line into the most cells', () => {
    expect(guessCsvSeparator('\n\na;b;c,d\n1,2,3,4,5')).toBe(';');
    expect(guessCsvSeparator('a\tb\tc')).toBe('\t');
    expect(guessCsvSeparator('a;b,c')).toBe(',');
    expect(guessCsvSeparator('')).toBe(',');
  });
});

describe('writing', () => {
  it('defuses formula starts and quotes what RFC 4180 asks', () => {
    expect(defuseCsvText('=1+2')).toBe("'=1+2");
    expect(defuseCsvText('＝1')).toBe("'＝1");
    expect(defuseCsvText('Sở Nội vụ')).toBe('Sở Nội vụ');
    expect(quoteCsvField('a;b')).toBe('"a;b"');
    expect(quoteCsvField('say "hi"')).toBe('"say ""hi"""');
    expect(quoteCsvField('plain')).toBe('plain');
  });
});
