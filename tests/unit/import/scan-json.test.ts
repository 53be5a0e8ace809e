import { describe, expect, it } from 'vitest';
import { JsonScanner, lineColumn, locateParseError } from '../../../src/core/import/scan-json';

function scanAll(text: string, chunk = text.length, depth = 32) {
  const s = new JsonScanner(depth);
  for (let i = 0; i < text.length; i += chunk) {
    const p = s.scan(text, i, Math.min(text.length, i + chunk));
    if (p) return p;
  }
  return s.finish(text.length);
}

describe('JsonScanner', () => {
  it('passes valid JSON, including words, numbers and brackets inside strings', () => {
    const text = '{"a":[true,false,null,-1.5e+10,"NaN [} \\" Infinity"],"b":{"c":undefinedLike}}'.replace(
      'undefinedLike',
      '0',
    );
    expect(scanAll(text)).toBeUndefined();
  });

  it('gives the same answer whatever the chunk size', () => {
    const text = '{"a":[true,false,null,12345e-3,"x\\\\"],"b":NaN}';
    const whole = scanAll(text);
    expect(whole).toMatchObject({ code: 'json-non-finite', token: 'NaN' });
    for (const chunk of [1, 2, 3, 5, 7]) expect(scanAll(text, chunk)).toEqual(whole);
    const ok = '{"a":[true,false,null,12345e-3]}';
    for (const chunk of [1, 2, 3]) expect(scanAll(ok, chunk)).toBeUndefined();
  });

  it.each([
    ['[1,NaN]', 'json-non-finite', 3],
    ['[1,-Infinity]', 'json-non-finite', 4],
    ['{"a":undefined}', 'json-non-finite', 5],
    ['[1,2}', 'not-json', 4],
    ['[1,2', 'not-json', 4],
    ['{"a":"b', 'not-json', 7],
    ['{"a":nope}', 'not-json', 5],
    ['[[[[1]]]]', 'too-deep', 3],
  ])('%s → %s at %i', (text, code, position) => {
    expect(scanAll(text, text.length, 3)).toMatchObject({ code, position });
  });
});

describe('JsonScanner.numberArrays', () => {
  it('counts arrays that start with a number: an upper bound of the positions', () => {
    const s = new JsonScanner(32);
    const text = '{"coordinates":[[113.5,34.8],[ -1,2],[\n3,4]],"tags":["[1,2]"],"x":[[5]]}';
    expect(s.scan(text, 0, text.length)).toBeUndefined();
    expect(s.numberArrays).toBe(4);
  });
});

describe('positions', () => {
  it('turns offsets into 1-based lines and columns', () => {
    expect(lineColumn('ab\ncd\r\nef', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd\r\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('ab\ncd\r\nef', 8)).toEqual({ line: 3, column: 2 });
  });

  it('reads the position out of engine messages', () => {
    expect(locateParseError('Unexpected token } in JSON at position 4', 'ab\ncd')).toEqual({
      line: 2,
      column: 2,
    });
    expect(locateParseError("Expected ',' (line 3 column 7)", '')).toEqual({ line: 3, column: 7 });
    expect(locateParseError('Unexpected end of JSON input', 'ab\nc')).toEqual({ line: 2, column: 2 });
    expect(locateParseError('something else', 'abc')).toBeUndefined();
  });
});
