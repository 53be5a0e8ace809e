/**
 * geodata/standards.json, fetched and parsed once for the whole app (the core's one parser, loaded
 * on demand): the coverage worker and the map's what-if radius discs both get the parsed standard.
 */
import type { ServiceRadiusStandard } from '../core/coverage/radius';
import { loadJson } from './geodata';

let file: Promise<unknown> | null = null;

/** The raw file, or undefined when absent or unreadable (the core then uses its defaults). */
export function standardsJson(): Promise<unknown> {
  file ??= loadJson('standards.json').catch(() => undefined);
  return file;
}

let parsed: Promise<ServiceRadiusStandard> | null = null;

/** The parsed standard, once; the parser (zod) loads on demand, out of the first load. */
export function loadStandard(): Promise<ServiceRadiusStandard> {
  parsed ??= Promise.all([standardsJson(), import('../core/coverage/standard-parse')]).then(
    ([json, { parseStandard }]) => parseStandard(json),
  );
  return parsed;
}
