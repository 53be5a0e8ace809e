/** Building and collecting import issues. */
import { importMessage, type ImportCode } from './messages';
import type { ImportIssue } from './types';
import { MAX_LISTED_ISSUES } from './limits';

export type Params = Record<string, string | number>;

/** An issue before it is attached to a feature: what geometry and property checks return. */
export interface Finding {
  code: ImportCode;
  params: Params;
}

export function issue(
  code: ImportCode,
  params: Params = {},
  where: { featureIndex?: number; featureId?: string } = {},
): ImportIssue {
  const out: ImportIssue = { code, params, message: importMessage(code, params) };
  if (where.featureIndex !== undefined) out.featureIndex = where.featureIndex;
  if (where.featureId !== undefined) out.featureId = where.featureId;
  return out;
}

/**
 * A list that keeps the first MAX_LISTED_ISSUES of each code and counts the rest, so ten thousand
 * unnamed features give a readable list, not ten thousand lines.
 */
export class IssueList {
  readonly items: ImportIssue[] = [];
  private readonly perCode = new Map<ImportCode, number>();
  private hidden = 0;

  add(item: ImportIssue): void {
    const n = (this.perCode.get(item.code) ?? 0) + 1;
    this.perCode.set(item.code, n);
    if (n <= MAX_LISTED_ISSUES) this.items.push(item);
    else this.hidden++;
  }

  get size(): number {
    return this.items.length + this.hidden;
  }

  /** The listed issues, plus one "and N more" when some were not listed. */
  toArray(): ImportIssue[] {
    return this.hidden > 0 ? [...this.items, issue('more-issues', { count: this.hidden })] : [...this.items];
  }
}
