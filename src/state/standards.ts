/**
 * geodata/standards.json, fetched once for the whole app: the coverage worker gets the raw file
 * (and reads it with the core's one parser), the map's what-if radius discs get the parsed standard.
 */
import { parseStandard, type ServiceRadiusStandard } from '../core/coverage/radius';
import { loadJson } from './geodata';

let file: Promise<unknown> | null = null;

/** The raw file, or undefined when absent or unreadable (the core then uses its defaults). */
export function standardsJson(): Promise<unknown> {
  file ??= loadJson('standards.json').catch(() => undefined);
  return file;
}

export async function loadStandard(): Promise<ServiceRadiusStandard> {
  return parseStandard(await standardsJson());
}
