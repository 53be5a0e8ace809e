/**
 * The resident check of issue 10 ("Done when"): tried as a resident at ten estates spread over the
 * zone, does the *today* answer name a real, sourced park or 游园, and does the walk look right?
 * One place for the rule, used by `npm run data:summary` (prints the table) and by
 * tests/unit/coverage/residents-today.test.ts (asserts it).
 *
 * Estates are chosen by a rule, not by hand: the listed 高新 estates (residential-estates.csv,
 * `area_label` 高新…, tier primary) that the residential build uses (estates.csv `used=yes`), spread by
 * farthest-point sampling: first the estate with the most dwelling units, then each time the estate
 * farthest (straight line) from all those already chosen. That reaches the zone's edges, where a thin
 * map fails first.
 *
 * The answer is the app's: CoverageEngine.nearest for `today` with the default parameters (the Find
 * tab's call). Its verdict:
 * - `ok`: a green space that counts today, sourced and not a guess (coverage/guesses.ts), a park or
 *   游园 (CJJ/T 85-2017 G1, not a corridor);
 * - `no-road`: no walkable road of today within reach of the estate (start.ts: MAX_OFF_NETWORK_M),
 *   so no answer at all;
 * - `unreachable`: a road is within reach, but no green space is reachable over the network;
 * - `in-water`: the estate point lies in water (a data error);
 * - `guessed`: the nearest rests on a guess (low confidence, guessed existence, assumed open);
 * - `corridor`: the nearest is a sourced green corridor (counted by the standard's rule when open
 *   with paths), not a park or 游园;
 * - `not-a-park`: any other green space that is not G1.
 * "Looks right": the route ends at the green space, and the walk is at most 2.5 × the straight line
 * to its outline + 300 m (a street grid gives about 1.3×; more means a detour round a gap).
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import distance from '@turf/distance';
import { lineString, point } from '@turf/helpers';
import nearestPointOnLine from '@turf/nearest-point-on-line';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { CoverageEngine } from '../../src/core/coverage/pipeline.ts';
import { greenGuessed } from '../../src/core/coverage/guesses.ts';
import { assumedOpen, inScenario } from '../../src/core/coverage/scenarios.ts';
import { walkMinutes } from '../../src/core/find/walk-format.ts';
import { MAX_OFF_NETWORK_M } from '../../src/core/coverage/constants.ts';
import { parseCommentedCsv } from './csv.ts';

export const RESIDENT_ESTATES = 10;
export const DETOUR_FACTOR = 2.5;
export const DETOUR_SLACK_M = 300;
/** The route ends at the green space: its last point within this of the outline. */
export const END_AT_GREEN_M = 30;

export interface EstatePoint {
  name: string;
  lng: number;
  lat: number;
  units: number;
}

export type Verdict = 'ok' | 'no-road' | 'unreachable' | 'in-water' | 'guessed' | 'corridor' | 'not-a-park';

export interface ResidentRow {
  estate: EstatePoint;
  verdict: Verdict;
  /** Today's nearest green space (null when there is no answer). */
  green: { id: string; name_zh: string; props: Record<string, unknown> } | null;
  minutes: number | null;
  walkMetres: number | null;
  /** Straight line from the estate to the green space's outline (0 inside it). */
  straightMetres: number | null;
  /** How far the route's last point lies from the green space's outline. */
  endOffMetres: number | null;
  /** Where there is no answer: metres to the nearest walkable road of today. */
  roadMetres?: number;
  /**
   * Where the nearest rests on a guess, the nearest without guessed features as the app shows it
   * (null: none reachable then); undefined where the answer rests on no guess.
   */
  withoutGuessed?: { name_zh: string; minutes: number } | null;
  /**
   * Where the nearest is not itself a sourced park or 游园: the nearest that is, among the first
   * PARK_LOOKAHEAD green spaces by walk (null: none among them).
   */
  nearestPark?: { name_zh: string; minutes: number } | null;
}

/** How many green spaces by walk the check looks through for the nearest sourced park or 游园. */
export const PARK_LOOKAHEAD = 6;

/** The estates of the check (see the file comment for the rule). */
export function spreadEstates(estatesCsv: string, listedCsv: string, n = RESIDENT_ESTATES): EstatePoint[] {
  const listed = new Set(
    parseCommentedCsv(listedCsv)
      .filter((r) => r.area_label.startsWith('高新') && r.tier === 'primary')
      .map((r) => r.name),
  );
  const pool = parseCommentedCsv(estatesCsv)
    .filter((r) => r.used === 'yes' && listed.has(r.name))
    .map((r) => ({ name: r.name, lng: Number(r.lng), lat: Number(r.lat), units: Number(r.units) }));
  if (pool.length < n)
    throw new Error(`Only ${pool.length} listed 高新 estates are used; the check needs ${n}.`);
  const km = (a: EstatePoint, b: EstatePoint) => distance([a.lng, a.lat], [b.lng, b.lat]);
  const chosen = [pool.reduce((a, b) => (b.units > a.units ? b : a))];
  while (chosen.length < n) {
    let far = pool[0],
      farKm = -1;
    for (const e of pool) {
      const d = Math.min(...chosen.map((c) => km(c, e)));
      if (d > farKm) [far, farKm] = [e, d];
    }
    chosen.push(far);
  }
  return chosen;
}

/** Straight-line metres from a point to a polygon's outline (0 inside it). */
export function metresToOutline(at: Position, f: Feature<Polygon | MultiPolygon>): number {
  if (booleanPointInPolygon(at, f)) return 0;
  const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  let best = Infinity;
  for (const rings of polys)
    for (const ring of rings)
      best = Math.min(
        best,
        nearestPointOnLine(lineString(ring), point(at), { units: 'meters' }).properties.dist,
      );
  return best;
}

/** The verdict on a today answer's nearest green space (see the file comment). */
export function verdictOf(props: Record<string, unknown>, whatIf: boolean): Verdict {
  if (whatIf || !inScenario(props, 'today') || assumedOpen(props, 'today') || greenGuessed(props, 'today'))
    return 'guessed';
  if (props.type === 'linear') return 'corridor';
  return props.green_class === 'G1' ? 'ok' : 'not-a-park';
}

/** Metres from a point to the nearest walkable road that exists today. */
function metresToRoad(at: Position, roads: FeatureCollection): number {
  let best = Infinity;
  for (const r of roads.features) {
    const p = r.properties ?? {};
    if (!p.walkable || !r.geometry || !inScenario(p, 'today')) continue;
    const lines =
      r.geometry.type === 'LineString'
        ? [r.geometry.coordinates]
        : r.geometry.type === 'MultiLineString'
          ? r.geometry.coordinates
          : [];
    for (const c of lines)
      best = Math.min(
        best,
        nearestPointOnLine(lineString(c), point(at), { units: 'meters' }).properties.dist,
      );
  }
  return best;
}

export function residentCheck(
  engine: CoverageEngine,
  layers: { green: FeatureCollection; roads: FeatureCollection },
  estates: EstatePoint[],
): ResidentRow[] {
  const byId = new Map(layers.green.features.map((f) => [String(f.properties?.id), f]));
  return estates.map((estate) => {
    const answer = engine.nearest({ scenario: 'today' }, estate.lng, estate.lat, PARK_LOOKAHEAD);
    const first = answer.greens[0];
    const f = first ? byId.get(first.id) : undefined;
    if (!first || !f) {
      const roadMetres = metresToRoad([estate.lng, estate.lat], layers.roads);
      return {
        estate,
        verdict: answer.inWater ? 'in-water' : roadMetres > MAX_OFF_NETWORK_M ? 'no-road' : 'unreachable',
        roadMetres,
        green: null,
        minutes: null,
        walkMetres: null,
        straightMetres: null,
        endOffMetres: null,
      };
    }
    const area = f as Feature<Polygon | MultiPolygon>;
    const props = (f.properties ?? {}) as Record<string, unknown>;
    const sure = answer.withoutGuessed;
    const verdict = verdictOf(props, first.whatIf);
    const park =
      verdict === 'ok'
        ? undefined
        : (answer.greens.find((g) => {
            const q = byId.get(g.id)?.properties;
            return q ? verdictOf(q as Record<string, unknown>, g.whatIf) === 'ok' : false;
          }) ?? null);
    return {
      estate,
      verdict,
      green: { id: first.id, name_zh: first.name_zh, props },
      minutes: walkMinutes(first.seconds),
      walkMetres: first.walkMetres,
      straightMetres: metresToOutline([estate.lng, estate.lat], area),
      endOffMetres: metresToOutline(first.route.coordinates.at(-1)!, area),
      ...(sure !== undefined
        ? { withoutGuessed: sure && { name_zh: sure.name_zh, minutes: walkMinutes(sure.seconds) } }
        : {}),
      ...(park !== undefined
        ? { nearestPark: park && { name_zh: park.name_zh, minutes: walkMinutes(park.seconds) } }
        : {}),
    };
  });
}

/** Whether a row's walk looks right (null when there is no walk to judge). */
export function walkLooksRight(r: ResidentRow): boolean | null {
  if (r.walkMetres === null || r.straightMetres === null || r.endOffMetres === null) return null;
  return (
    r.walkMetres <= DETOUR_FACTOR * r.straightMetres + DETOUR_SLACK_M && r.endOffMetres <= END_AT_GREEN_M
  );
}

/** The check as plain-text lines: estate | green space (kind) | minutes | walk / straight | verdict. */
export function residentTable(rows: ResidentRow[]): string[] {
  return rows.map((r) => {
    const g = r.green;
    const kind = g
      ? `${String(g.props.green_class)} ${String(g.props.green_type)}, ${String(g.props.confidence)}`
      : '';
    const walk =
      r.walkMetres === null
        ? `no answer (nearest walkable road today ${Math.round(r.roadMetres ?? NaN)} m)`
        : `${r.minutes} min, ${Math.round(r.walkMetres)} m walk / ${Math.round(r.straightMetres!)} m straight` +
          (walkLooksRight(r) ? '' : ' (walk does NOT look right)');
    const w = r.withoutGuessed;
    const sure =
      w === undefined ? '' : `; without guessed: ${w ? `${w.name_zh} ${w.minutes} min` : 'none reachable'}`;
    const p = r.nearestPark;
    const park =
      p === undefined
        ? ''
        : `; nearest sourced park or 游园: ${p ? `${p.name_zh} ${p.minutes} min` : `none among the first ${PARK_LOOKAHEAD}`}`;
    return `${r.estate.name} | ${g ? `${g.name_zh} (${kind})` : '-'} | ${walk} | ${r.verdict}${sure}${park}`;
  });
}
