import { describe, expect, it } from 'vitest';
import { csvCell, statsToCsv } from '../../../src/core/export';

describe('statsToCsv', () => {
  it('starts with a UTF-8 BOM and ends rows with CRLF', () => {
    const csv = statsToCsv(['区域', '覆盖率 %'], [['高新区', 82.4]]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe('区域,覆盖率 %\r\n高新区,82.4\r\n');
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('quotes commas, quotes and newlines (RFC 4180)', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line1\nline2')).toBe('"line1\nline2"');
    expect(csvCell('cr\r')).toBe('"cr\r"');
    expect(csvCell(' padded ')).toBe('" padded "');
    expect(csvCell('plain')).toBe('plain');
  });

  it('disarms cells that spreadsheets would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe('"\'=HYPERLINK(""http://evil"",""x"")"');
    expect(csvCell('+1+1')).toBe("'+1+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('writes numbers as numbers, empty for missing or non-finite values', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(csvCell(NaN)).toBe('');
    expect(csvCell(Infinity)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(true)).toBe('true');
  });

  it('pads short rows so every row has the same number of cells', () => {
    const csv = statsToCsv(['a', 'b', 'c'], [['1'], ['1', '2', '3', '4']]);
    expect(csv.slice(1).split('\r\n')).toEqual(['a,b,c,', '1,,,', '1,2,3,4', '']);
  });

  it('round-trips through a CSV reader: each quoted cell reads back as written', () => {
    const cells = ['逗号,在内', '引号"在内', '换行\n在内', '普通'];
    const csv = statsToCsv(
      ['x'],
      cells.map((c) => [c]),
    );
    // Minimal RFC 4180 reader for the check.
    const read: string[] = [];
    const body = csv.slice(1).replace(/^x\r\n/, '');
    const re = /("(?:[^"]|"")*"|[^,\r\n]*)(?:\r\n|$)/g;
    for (const m of body.matchAll(re))
      if (m[0]) read.push(m[1].startsWith('"') ? m[1].slice(1, -1).replace(/""/g, '"') : m[1]);
    expect(read).toEqual(cells);
  });
});
