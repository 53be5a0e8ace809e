/** Content types of the files the benches' own static servers hand out (the built app, the bare page). */
import { extname } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.geojson': 'application/json',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.bin': 'application/octet-stream',
  '.webmanifest': 'application/manifest+json',
};

export const contentType = (file: string): string => TYPES[extname(file)] ?? 'application/octet-stream';
