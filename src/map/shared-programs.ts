/**
 * Paint values written so that layers of one type share one shader program.
 *
 * MapLibre compiles a program per layer type and per way each data-driven paint property is bound:
 * a constant (a uniform), a value per feature (a vertex attribute), or a value per feature and zoom.
 * A program is compiled when first drawn, the main thread waiting on the link: 50–250 ms each with a
 * software renderer. The style's first view drew 18 programs where a bare MapLibre page of the same
 * data draws 8, most of them the same layer type bound two or three ways (a hover state or a class
 * colour per feature in one line layer, constants in the next). So a constant that shares a layer
 * type with per-feature values is written per feature, and a per-feature value that shares it with
 * zoom curves is written per zoom: the values drawn are the same.
 */
import type { ExpressionSpecification } from 'maplibre-gl';

type Value = string | number | ExpressionSpecification;

/**
 * `value` for every feature, as a per-feature expression (both branches are the same: the test on
 * a property only makes MapLibre bind it per feature). Arrays go in as ['literal', […]].
 */
export function perFeature(value: Value): ExpressionSpecification {
  return ['case', ['has', 'id'], value, value] as ExpressionSpecification;
}

/** A per-feature `value` at every zoom, as a per-feature-and-zoom expression. */
export function perZoom(value: ExpressionSpecification): ExpressionSpecification {
  return ['interpolate', ['linear'], ['zoom'], 0, value, 24, value];
}

/** A constant line width in the line layers' binding (per feature and zoom). */
export const lineWidth = (px: number): ExpressionSpecification => perZoom(perFeature(px));

/** A solid line in the line layers' binding: dashes per feature, one dash and no gap. */
export const SOLID: ExpressionSpecification = perFeature(['literal', [1, 0]]);

/** A dash pattern (in line widths) in the line layers' binding. */
export const dashes = (pattern: readonly number[]): ExpressionSpecification =>
  perFeature(['literal', [...pattern]]);
