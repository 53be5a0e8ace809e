/**
 * The coverage worker's one typed message map (as MapLibre's actor_messages.ts): each message type
 * maps to [request data, response data]. Every request carries an id; the caller may cancel it with
 * a '<cancel>' envelope; errors come back serialized in the response, never lost in the worker.
 * Long searches ('sites', 'planVsBest') send 'progress' envelopes while they run, and stop at their
 * next step when cancelled (a '<cancel>' for a running request is honoured, not only a queued one).
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { GreenRule } from '../core/coverage/green-class';
import type {
  AccessImageResult,
  CoverageParams,
  CoverageResult,
  NearestRanged,
  PointInfoRanged,
  ScenarioComparison,
  Suggestion,
} from '../core/coverage/pipeline';
import type { CoverageLayers, Scenario, ScenarioInfo } from '../core/coverage/types';
import type { PlanComparison, PlanStepParams } from '../core/sites/plan-vs-best';
import type { CandidateGrid } from '../core/sites/search';
import type { SiteParams, SitesProgress, SitesResult } from '../core/sites/types';

/** Geodata handed over once: either the parsed layers, or URLs the worker fetches itself. */
export type InitRequest =
  | { layers: CoverageLayers; extent?: number[] }
  | {
      urls: { roads: string; green: string; residential: string; water?: string; standards?: string };
      extent?: number[];
    };

export interface InitResult {
  roads: number;
  greens: number;
  residentialBlocks: number;
  /** [west, south, east, north] covered by the access grid, degrees. */
  extent: [number, number, number, number];
  /** The scenarios to step through: 2014, the 2015 plan, each year a feature opened, today. */
  scenarios: ScenarioInfo[];
  /** The latest year any source gives an opening for: what "today" stands for ("today (2025 data)"). */
  latestYear: number;
  /**
   * Where the walk graphs come from: 'asset' (the prebuilt graphs asset matched these layers), or
   * why they are built at run time (no asset, other data, unreadable asset).
   */
  graphs: string;
}

export type CoverageMessages = {
  init: [InitRequest, InitResult];
  compute: [CoverageParams, CoverageResult];
  /** The comparison of scenarios a result deferred (`deferCompare`), with the same params. */
  comparison: [CoverageParams, ScenarioComparison];
  /** The access grid as an RGBA image with exact band statistics; `rgba` is transferred. */
  accessImage: [CoverageParams, AccessImageResult];
  pointInfo: [{ params: CoverageParams; lng: number; lat: number }, PointInfoRanged];
  nearest: [{ params: CoverageParams; lng: number; lat: number; k?: number }, NearestRanged];
  suggest: [{ params: CoverageParams; count?: number; areaM2?: number }, Suggestion[]];
  radiusBuffers: [
    { scenario: Scenario; greenRule?: GreenRule },
    FeatureCollection<Polygon | MultiPolygon, { id: string; radius_m: number }>,
  ];
  /** The k best sites for new parks (progress messages while it searches; cancellable while running). */
  sites: [SiteParams, SitesResult];
  /** Where a park of the chosen size could go (the candidate grid, for drawing). */
  siteCandidates: [SiteParams, CandidateGrid];
  /** A plan step's new parks against the best sites of the same number and size (progress, cancellable). */
  planVsBest: [PlanStepParams, PlanComparison];
};

/** Messages that report progress while they run, and what each progress message carries. */
export type ProgressMessages = {
  sites: SitesProgress;
  planVsBest: SitesProgress;
};
export type ProgressType = keyof ProgressMessages;

export type MessageType = keyof CoverageMessages;
export type RequestOf<T extends MessageType> = CoverageMessages[T][0];
export type ResultOf<T extends MessageType> = CoverageMessages[T][1];

export interface RequestEnvelope<T extends MessageType = MessageType> {
  kind: 'request';
  id: string;
  type: T;
  data: RequestOf<T>;
}

export interface CancelEnvelope {
  kind: '<cancel>';
  id: string;
}

export interface ResponseEnvelope<T extends MessageType = MessageType> {
  kind: 'response';
  id: string;
  type: T;
  data?: ResultOf<T>;
  error?: SerializedError;
}

/** Sent while a long request runs (before its response); never after it. */
export interface ProgressEnvelope<T extends ProgressType = ProgressType> {
  kind: 'progress';
  id: string;
  type: T;
  data: ProgressMessages[T];
}

export type ToWorker = RequestEnvelope | CancelEnvelope;
export type FromWorker = ResponseEnvelope | ProgressEnvelope;

export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
}

/** Where a side posts its messages: a Worker, the worker's global scope, or a test double. */
export interface Messenger {
  postMessage(message: unknown, transfer?: Transferable[]): void;
}

export function serializeError(err: unknown): SerializedError {
  if (err instanceof Error) return { name: err.name, message: err.message, stack: err.stack };
  return { name: 'Error', message: String(err) };
}

/** The error a request's promise rejects with when it was cancelled or superseded. */
export class CancelledError extends Error {
  override name = 'AbortError';
}
