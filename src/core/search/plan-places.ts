/**
 * The plan's road projects as searchable places: "长椿路南延", "雪松路北延", "西三环北延" (features
 * sharing `plan`), and the link works the plan text names ("…三全路与西三环北延线的连接工程").
 * Pure; called by build-places with the roads layer.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import turfBbox from '@turf/bbox';
import pointOnFeature from '@turf/point-on-feature';
import type { Place } from './types';

type Props = Record<string, unknown> | null;
type Layer = FeatureCollection<Geometry | null, Props>;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** "南延" → "south extension": the plan's words for extending a road. */
const EXTENSION_EN: Record<string, string> = {
  南延: 'south extension',
  北延: 'north extension',
  东延: 'east extension',
  西延: 'west extension',
};

/** The English name of a project: the road's English name and what is done to it. */
function projectEnglish(plan: string, parts: Feature<Geometry | null, Props>[]): string {
  const road = parts.find((f) => {
    const zh = str(f.properties?.name_zh);
    return zh && plan.startsWith(zh);
  });
  const roadEn = str(road?.properties?.name_en);
  const suffix = roadEn ? plan.slice(str(road?.properties?.name_zh)!.length) : '';
  if (roadEn && EXTENSION_EN[suffix]) return `${roadEn} ${EXTENSION_EN[suffix]}`;
  return roadEn && !suffix ? roadEn : plan;
}

function projectPlace(id: string, zh: string, en: string, parts: Feature<Geometry | null, Props>[]): Place {
  const fc = { type: 'FeatureCollection' as const, features: parts as Feature[] };
  const [w, s, e, n] = turfBbox(fc);
  // A point on the project itself, so the pin sits on a road, not between its pieces.
  const [lng, lat] = pointOnFeature(parts[Math.floor(parts.length / 2)] as Feature).geometry.coordinates;
  return {
    id,
    kind: 'road',
    name_zh: zh,
    name_en: en,
    center: [lng, lat],
    bbox: [w, s, e, n],
    importance: 5,
  };
}

/** The link works in the plan text: "完成A、B、C与D线的连接工程" → D连接工程, made of A, B, C and D. */
function linkWorks(text: string): { target: string; roads: string[] }[] {
  const out: { target: string; roads: string[] }[] = [];
  for (const m of text.matchAll(/完成([^，,。；]+?)与([^，,。；]+?)的连接工程/g)) {
    const target = m[2].replace(/线$/, '');
    out.push({ target, roads: m[1].split('、').map((s) => s.trim()) });
  }
  return out;
}

/** One place per plan project whose name is not already a road's name, plus the link works. */
export function planPlaces(roads: Layer): Place[] {
  const byPlan = new Map<string, Feature<Geometry | null, Props>[]>();
  const roadNames = new Set<string>();
  const texts = new Set<string>();
  for (const f of roads.features) {
    const zh = str(f.properties?.name_zh);
    if (zh) roadNames.add(zh);
    const plan = str(f.properties?.plan);
    if (!plan || !f.geometry) continue;
    byPlan.set(plan, [...(byPlan.get(plan) ?? []), f]);
    const text = str(f.properties?.plan_text);
    if (text) texts.add(text);
  }
  const out: Place[] = [];
  for (const [plan, parts] of byPlan) {
    if (roadNames.has(plan)) continue;
    out.push(projectPlace(`plan:${plan}`, plan, projectEnglish(plan, parts), parts));
  }
  for (const text of texts) {
    for (const { target, roads: linked } of linkWorks(text)) {
      const parts = [target, ...linked].flatMap((p) => byPlan.get(p) ?? []);
      if (!parts.length) continue;
      const zh = `${target}连接工程`;
      const targetParts = byPlan.get(target) ?? [];
      const en = `${targetParts.length ? projectEnglish(target, targetParts) : target} link works`;
      const place = projectPlace(`plan:${zh}`, zh, en, parts);
      place.aliases_zh = [`${target}线的连接工程`, `${target}线连接工程`, '连接工程'];
      out.push(place);
    }
  }
  return out;
}
