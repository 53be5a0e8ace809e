/** Converts positions from the file's Chinese coordinate system to WGS-84, in place, with gcoord. */
import gcoord from 'gcoord';
import type { SourceCrs, ImportedGeometry } from './types';

const FROM = { GCJ02: gcoord.GCJ02, BD09: gcoord.BD09 } as const;

/**
 * The geometry must be owned by the import (read-geometry copies it): gcoord converts a whole
 * geometry in place, about three times faster than position by position.
 */
export function convertToWgs84(g: ImportedGeometry, crs: SourceCrs): void {
  if (crs === 'WGS84') return;
  gcoord.transform(g as Parameters<typeof gcoord.transform>[0], FROM[crs], gcoord.WGS84);
}
