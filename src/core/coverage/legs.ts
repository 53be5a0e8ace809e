/**
 * The walk cost of the first and the last leg, in one place: a place (a cell, a click, a resident, a
 * green space's access point) joins the network by a straight off-network leg to a point on an edge,
 * walked at OFF_NETWORK_DETOUR, and then along that edge to one of its ends. The grid's cell links,
 * the search's seeds, the point query and the nearest-park search all price legs here, so the same
 * walk always costs the same metres.
 */
import { OFF_NETWORK_DETOUR } from './constants';
import type { WalkGraph } from './graph';

/** Effective metres of a straight off-network leg of `straightM` metres. */
export function offNetworkM(straightM: number): number {
  return straightM * OFF_NETWORK_DETOUR;
}

/**
 * From a place whose straight leg of `legM` metres meets edge `edge` at position t (0 at edgeA, 1
 * at edgeB): effective metres to edgeA (`end` 0) or edgeB (`end` 1).
 */
export function legToEnd(
  g: Pick<WalkGraph, 'edgeM'>,
  edge: number,
  t: number,
  legM: number,
  end: 0 | 1,
): number {
  return offNetworkM(legM) + (end === 0 ? t : 1 - t) * g.edgeM[edge];
}

/**
 * Between two places joined to the same edge (legs legA at tA and legB at tB): effective metres
 * along the edge between the two joins, without passing a node.
 */
export function alongOneEdge(
  g: Pick<WalkGraph, 'edgeM'>,
  edge: number,
  tA: number,
  legA: number,
  tB: number,
  legB: number,
): number {
  return offNetworkM(legA) + offNetworkM(legB) + Math.abs(tA - tB) * g.edgeM[edge];
}
