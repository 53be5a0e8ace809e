/**
 * Contract of geodata/indicators.json: every figure of the 2015 work report, 2014 results and 2015
 * targets, each with its unit and the report's sentence it comes from, verbatim.
 */
import { z } from 'zod';

export const IndicatorKind = z.enum(['result', 'target']);
/** How the report qualifies the number: 约 (about), 突破/超过/多 (over), 以上 (at least). */
export const IndicatorQualifier = z.enum(['about', 'over', 'at_least']);

export const Indicator = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  label_zh: z.string().min(1),
  label_en: z.string().min(1),
  value: z.number().finite(),
  unit_zh: z.string().min(1),
  unit_en: z.string().min(1),
  /** 2014 for the year's results, 2015 for the plan's targets (and goals it works toward). */
  year: z.union([z.literal(2014), z.literal(2015)]),
  kind: IndicatorKind,
  /** Year-on-year growth the report states, in percent (e.g. 15 for '增长15%'). */
  growth_pct: z.number().finite().optional(),
  qualifier: IndicatorQualifier.optional(),
  /** The report's sentence (or list line) containing the figure, verbatim. */
  sentence: z.string().min(4),
  note: z.string().optional(),
});
export type Indicator = z.infer<typeof Indicator>;

export const IndicatorsFile = z
  .object({
    about: z.string(),
    source: z.string(),
    indicators: z.array(Indicator).min(1),
  })
  .refine((f) => new Set(f.indicators.map((i) => i.id)).size === f.indicators.length, {
    message: 'indicator ids must be unique',
  })
  .refine((f) => f.indicators.every((i) => (i.kind === 'result') === (i.year === 2014)), {
    message: '2014 figures are results and 2015 figures are targets',
  });
export type IndicatorsFile = z.infer<typeof IndicatorsFile>;
