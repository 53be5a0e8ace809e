/**
 * The printable one-page report: a snapshot of the map (taken when the report is opened, from the
 * map's preserved drawing buffer) with the legend, statistics, date and sources. Shown on screen
 * first; the print stylesheet then prints only the report.
 */
import { app } from '../../state/app.svelte';

class ReportState {
  open = $state(false);
  /** PNG data URL of the map when the report was opened. */
  image = $state<string | null>(null);
  /** When the report was opened, as epoch milliseconds. */
  at = $state(0);
}

export const report = new ReportState();

export function openReport(): void {
  const canvas = app.map?.getCanvas();
  try {
    report.image = canvas ? canvas.toDataURL('image/png') : null;
  } catch {
    report.image = null;
  }
  report.at = Date.now();
  report.open = true;
}

export function closeReport(): void {
  report.open = false;
  report.image = null;
}
