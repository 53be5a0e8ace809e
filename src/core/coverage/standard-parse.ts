/**
 * geodata/standards.json read by its one parser (the zod contract in src/core/geodata/standards.ts),
 * apart from radius.ts so that only whoever reads the file loads zod: the app imports this on
 * demand and hands the coverage worker the parsed standard.
 */
import { StandardsFile } from '../geodata/standards';
import { DEFAULT_STANDARD, standardOf, type ServiceRadiusStandard } from './radius';

/** The file's default scheme; a file that breaks the contract falls back to DEFAULT_STANDARD. */
export function parseStandard(json: unknown): ServiceRadiusStandard {
  const file = StandardsFile.safeParse(json);
  return file.success ? standardOf(file.data) : DEFAULT_STANDARD;
}
