/**
 * A one-pass character scan before JSON.parse, so that hostile text is refused with a location
 * before a huge object is built: nesting beyond MAX_DEPTH, NaN / Infinity / undefined (written by
 * Python and JavaScript tools, rejected by JSON.parse without saying where), and mismatched or
 * unclosed brackets. It is not a parser: JSON.parse still decides validity.
 */

export type ScanProblem =
  | { code: 'too-deep'; position: number }
  | { code: 'json-non-finite'; position: number; token: string }
  | { code: 'not-json'; position: number; detail: string };

// Bracket kinds on the stack.
const OBJECT = 1;
const ARRAY = 2;

export class JsonScanner {
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** A word or number may run past the end of a range: the next range resumes after it. */
  private resume = 0;
  private readonly stack: Uint8Array;
  /**
   * Arrays that start with a number: every GeoJSON position is one, so this bounds the vertex count
   * from above before JSON.parse builds millions of arrays.
   */
  numberArrays = 0;

  constructor(private readonly maxDepth: number) {
    this.stack = new Uint8Array(maxDepth + 1);
  }

  /** Scans text[start, end); call with consecutive ranges. Returns the first problem found. */
  scan(text: string, start: number, end: number): ScanProblem | undefined {
    let i = Math.max(start, this.resume);
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 0x5c /* \ */) this.escaped = true;
        else if (c === 0x22 /* " */) this.inString = false;
        continue;
      }
      switch (c) {
        case 0x22:
          this.inString = true;
          break;
        case 0x7b /* { */:
        case 0x5b /* [ */:
          if (this.depth === this.maxDepth) return { code: 'too-deep', position: i };
          this.stack[this.depth++] = c === 0x7b ? OBJECT : ARRAY;
          if (c === 0x5b && startsNumber(text, i + 1)) this.numberArrays++;
          break;
        case 0x7d /* } */:
        case 0x5d /* ] */: {
          const want = c === 0x7d ? OBJECT : ARRAY;
          if (this.depth === 0 || this.stack[this.depth - 1] !== want) {
            return { code: 'not-json', position: i, detail: `unexpected "${String.fromCharCode(c)}"` };
          }
          this.depth--;
          break;
        }
        default:
          if (isNumberChar(c)) {
            // Skip the whole number, so the e in 1e5 is not read as a word.
            while (i + 1 < text.length && isNumberChar(text.charCodeAt(i + 1))) i++;
          } else if (isLetter(c)) {
            let j = i + 1;
            while (j < text.length && j - i < 16 && isLetter(text.charCodeAt(j))) j++;
            const word = text.slice(i, j);
            if (word === 'true' || word === 'false' || word === 'null') {
              i = j - 1;
            } else if (word === 'NaN' || word === 'Infinity' || word === 'undefined') {
              return { code: 'json-non-finite', position: i, token: word };
            } else {
              return { code: 'not-json', position: i, detail: `unexpected word "${word}"` };
            }
          }
      }
    }
    this.resume = i;
    return undefined;
  }

  /** Call after the last range: reports text cut short. */
  finish(length: number): ScanProblem | undefined {
    if (this.inString)
      return { code: 'not-json', position: length, detail: 'unterminated string: the file is cut short' };
    if (this.depth > 0)
      return { code: 'not-json', position: length, detail: 'unclosed brackets: the file is cut short' };
    return undefined;
  }
}

function startsNumber(text: string, from: number): boolean {
  let i = from;
  let c = text.charCodeAt(i);
  while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = text.charCodeAt(++i);
  return (c >= 0x30 && c <= 0x39) || c === 0x2d;
}

// 0-9 + - . e E: everything a JSON number is written with.
function isNumberChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2e || c === 0x65 || c === 0x45;
}

function isLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, position: number): { line: number; column: number } {
  const p = Math.max(0, Math.min(position, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < p; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: p - lineStart + 1 };
}

/** Where a JSON.parse error points, when the engine says ("at position 12", "line 3 column 5"). */
export function locateParseError(
  message: string,
  text: string,
): { line: number; column: number } | undefined {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /position (\d+)/.exec(message);
  if (pos) return lineColumn(text, Number(pos[1]));
  if (/end of (JSON )?input|unexpected end/i.test(message)) return lineColumn(text, text.length);
  return undefined;
}
