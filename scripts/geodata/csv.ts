/**
 * Minimal RFC 4180 CSV reading and writing for the geodata build scripts (quoted fields, doubled
 * quotes, commas and newlines inside quotes). The files are small; no streaming.
 */

/** Parses CSV text into rows of objects keyed by the header row. */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows.filter((r) => r.length > 1 || r[0] !== '');
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

function quote(value: string | number): string {
  const s = String(value);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Writes rows as CSV with the given column order; a leading '#' comment block is allowed. */
export function toCsv(columns: string[], rows: Record<string, string | number>[], comment?: string): string {
  const lines = comment ? comment.split('\n').map((l) => `# ${l}`) : [];
  lines.push(columns.join(','));
  for (const r of rows) lines.push(columns.map((c) => quote(r[c] ?? '')).join(','));
  return lines.join('\n') + '\n';
}

/** Strips leading '#' comment lines before parsing. */
export function parseCommentedCsv(text: string): Record<string, string>[] {
  return parseCsv(
    text
      .split('\n')
      .filter((l) => !l.startsWith('#'))
      .join('\n'),
  );
}
