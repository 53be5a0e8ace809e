/**
 * Provenance written for readers. The geodata's `source` and `note` are the build's research trail
 * (file names, control points, coordinate conversions, in English); the details panel shows what a
 * reader would cite instead: outlet or dataset and date, in the interface's language. The full
 * trail stays in the data and in geodata/SOURCES.md.
 */
export type ReaderLang = 'zh' | 'en';

interface Citation {
  /** Matches the research trail's mention of this source. */
  test: RegExp;
  zh: string;
  en: string;
}

/** The datasets and pages behind the build, as geodata/sources/geodata-facts-roads.md §0 lists them. */
const CITATIONS: Citation[] = [
  {
    test: /2015 work report|政府工作报告|\(plan[,;)]|plan_text/i,
    zh: '郑州高新区《2015年政府工作报告》',
    en: 'Zhengzhou High-tech Zone, 2015 government work report',
  },
  {
    test: /road-crossings|AMap|\bS2\b|GCJ-02 POI/i,
    zh: '高德地图兴趣点地址中的路口（约2024年）',
    en: 'AMap points of interest, street-corner addresses (c. 2024)',
  },
  {
    test: /bus-stops|bus network/i,
    zh: '郑州公交线路站点（2013年）',
    en: 'Zhengzhou bus routes and stops (2013)',
  },
  {
    test: /community_dict|Beike/i,
    zh: '贝壳找房小区资料',
    en: 'Beike (Ke.com) estate listings',
  },
  { test: /wikipedia|\bS1\b/i, zh: '维基百科', en: 'Wikipedia' },
  {
    test: /university_location|\bS3\b/i,
    zh: '百度地图高校位置',
    en: 'Baidu Maps university locations',
  },
  {
    test: /\bS4\b/,
    zh: '郑州市人民政府对高新区主干道提案的答复（2020年）',
    en: 'Zhengzhou government, reply to a proposal on zone arterials (2020)',
  },
  {
    test: /\bS5\b/,
    zh: '中原网（郑州日报）2016-01-27；郑州晚报 2023-03-22',
    en: 'Zhongyuan Net (Zhengzhou Daily) 2016-01-27; Zhengzhou Evening News 2023-03-22',
  },
  { test: /\bS6\b/, zh: '河南一百度 2019；Railway Gazette', en: 'henan100.com 2019; Railway Gazette' },
  {
    test: /\bS7\b|boundary-control/i,
    zh: '郑州市政府网站高新区简介',
    en: 'Zhengzhou city government, zone profile',
  },
  { test: /\bS8\b/, zh: '阿里云 DataV 行政区划', en: 'Alibaba DataV administrative boundaries' },
  { test: /SQL insert|\bS9\b/i, zh: '公开代码中的百度地图坐标', en: 'Baidu Maps points in public code' },
];

const INFERRED = {
  zh: '具体位置由本项目据以上资料推断',
  en: 'exact position inferred by this project from these sources',
};
const INFERENCE =
  /control point|offset|inferr?|guess|extent|team research|facts|section \d|§|not verified|assumed|schematic/i;

/** Published citations already in the trail: "outlet date《title》 url". */
function publishedCitations(source: string, lang: ReaderLang): string[] {
  return (
    source
      .split(/;\s*/)
      // The team's own research file is not a publication: it counts as inference below.
      .filter((part) => part.includes('《') && !/\.md\b/.test(part))
      .map((part) =>
        lang === 'zh'
          ? // English asides such as "(quoting the 2013 opening report)" are research notes.
            part.replace(/\s*\((?=[^)]*[A-Za-z]{3})[^)(]*\)/g, '').trim()
          : part.trim(),
      )
  );
}

/** The citations for one feature's `source`, in reading order, without repeats. */
export function readerSources(source: unknown, lang: ReaderLang): string[] {
  if (typeof source !== 'string' || !source.trim()) return [];
  const out = publishedCitations(source, lang);
  const rest = source
    .split(/;\s*/)
    .filter((part) => !part.includes('《') || /\.md\b/.test(part))
    .join('; ');
  for (const c of CITATIONS) if (c.test.test(rest)) out.push(c[lang]);
  if (INFERENCE.test(rest)) out.push(INFERRED[lang]);
  return [...new Set(out)];
}

/**
 * A feature's note as a reader may see it: the research notes are English; the Chinese interface
 * shows `note_zh` when the data has one and nothing otherwise (the badge and confidence already
 * say how sure the position is).
 */
export function readerNote(props: Record<string, unknown>, lang: ReaderLang): string {
  const pick = (v: unknown) => (typeof v === 'string' ? v : '');
  return lang === 'zh' ? pick(props.note_zh) : pick(props.note_en) || pick(props.note);
}
