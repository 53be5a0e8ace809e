/** Importing users' GeoJSON: validation, conversion to WGS-84, messages in Chinese and English. */
export { parseAndValidate } from './parse-and-validate';
export { importMessage, IMPORT_CODES, type ImportCode } from './messages';
export * from './limits';
export type * from './types';
