/**
 * Export actions and report sections that features contribute. The data tab lists every
 * registered action as a button; the printable report shows every registered section. Features
 * (coverage bands and gaps, statistics CSV, …) register at module load and stay decoupled:
 *
 * @example
 * registerExport({ id: 'coverage-csv', labelKey: 'coverage.exportCsv', run: () =>
 *   exportFile(`coverage-${dateStamp()}.csv`, 'text/csv', statsToCsv(stats)) });
 * registerReportSection({ id: 'coverage', titleKey: 'coverage.title', rows: () => [['覆盖率', '82%']] });
 */
export interface ExportAction {
  id: string;
  /** i18n key of the button label. */
  labelKey: string;
  /** Whether the action has something to export now (e.g. coverage computed). Default: always. */
  available?: () => boolean;
  run: () => void | Promise<void>;
}

export interface ReportSection {
  id: string;
  /** i18n key of the section heading. */
  titleKey: string;
  /** Label and value pairs, already formatted and translated; empty means "leave the section out". */
  rows: () => [string, string][];
}

class ExportRegistry {
  actions = $state.raw<ExportAction[]>([]);
  sections = $state.raw<ReportSection[]>([]);
}

export const exportRegistry = new ExportRegistry();

/** Adds (or replaces, by id) an export action. Returns a function that removes it. */
export function registerExport(action: ExportAction): () => void {
  exportRegistry.actions = [...exportRegistry.actions.filter((a) => a.id !== action.id), action];
  return () => (exportRegistry.actions = exportRegistry.actions.filter((a) => a !== action));
}

/** Adds (or replaces, by id) a section of the printable report. Returns a function that removes it. */
export function registerReportSection(section: ReportSection): () => void {
  exportRegistry.sections = [...exportRegistry.sections.filter((s) => s.id !== section.id), section];
  return () => (exportRegistry.sections = exportRegistry.sections.filter((s) => s !== section));
}
