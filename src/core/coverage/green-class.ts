/**
 * What counts as green for the circle: the one rule. The national classification (CJJ/T 85-2017
 * 城市绿地分类标准) puts parks for people in 公园绿地 G1 (comprehensive, community and special parks,
 * 游园) and shelter belts in 防护绿地 G2, which are not for people. By default (`standard`) a G2 space
 * counts only where a source says it is open with paths (`open_access: true`); `all` counts every
 * green space. A green space with no `green_class` (data older than issue 10) counts under both
 * rules: nothing sourced says it is a shelter belt.
 */

export type GreenRule = 'standard' | 'all';
export const GREEN_RULES: readonly GreenRule[] = ['standard', 'all'];
export const DEFAULT_GREEN_RULE: GreenRule = 'standard';

export interface Classed {
  green_class?: string;
  open_access?: boolean;
}

/** Whether a green space is a destination of the circle under `rule`. */
export function countsAsGreen(p: Classed, rule: GreenRule): boolean {
  return rule === 'all' || p.green_class !== 'G2' || p.open_access === true;
}
