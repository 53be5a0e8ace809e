/**
 * Every import message in Chinese and English, keyed by code. Each says what is wrong and what to
 * do about it. Params are plain values quoted into the text; the UI renders the result as text.
 */
type Params = Record<string, string | number>;
type Template = (p: Params) => string;

const LAYER_ZH: Params = { roads: '道路', greenery: '绿地', residential: '居住用地' };
const LAYER_EN: Params = { roads: 'roads', greenery: 'green spaces', residential: 'residential land' };
const EXPECTED_ZH: Params = {
  roads: '线（LineString / MultiLineString）',
  greenery: '面（Polygon / MultiPolygon）',
  residential: '面（Polygon / MultiPolygon）',
};
const EXPECTED_EN: Params = {
  roads: 'lines (LineString / MultiLineString)',
  greenery: 'polygons (Polygon / MultiPolygon)',
  residential: 'polygons (Polygon / MultiPolygon)',
};

const at = (p: Params) => (p.line !== undefined ? `第 ${p.line} 行第 ${p.column} 列` : '');
const atEn = (p: Params) => (p.line !== undefined ? ` at line ${p.line}, column ${p.column}` : '');

const MESSAGES = {
  cancelled: {
    zh: () => '导入已取消，现有数据未改变。',
    en: () => 'Import cancelled; the existing data is unchanged.',
  },
  'empty-file': {
    zh: () => '文件是空的。请选择一个 GeoJSON 文件（.geojson 或 .json）。',
    en: () => 'The file is empty. Choose a GeoJSON file (.geojson or .json).',
  },
  'file-too-large': {
    zh: (p) =>
      `文件有 ${p.sizeMB} MB，超过 ${p.limitMB} MB 的上限。请裁剪到研究范围或简化几何后再导入（如 QGIS“简化”工具）。`,
    en: (p) =>
      `The file is ${p.sizeMB} MB, over the ${p.limitMB} MB limit. Clip it to the study area or simplify the geometry (e.g. QGIS "Simplify") and import again.`,
  },
  'too-many-vertices': {
    zh: (p) => `文件的坐标点超过 ${p.limit} 个。请简化几何或裁剪到研究范围后再导入。`,
    en: (p) =>
      `The file has more than ${p.limit} coordinate positions. Simplify the geometry or clip it to the study area and import again.`,
  },
  'not-json': {
    zh: (p) =>
      `文件不是有效的 JSON${at(p) ? '：' + at(p) + '附近有错误' : ''}（${p.detail}）。请用文本编辑器检查该处，或从 GIS 软件重新导出为 GeoJSON。`,
    en: (p) =>
      `The file is not valid JSON${atEn(p)} (${p.detail}). Check that spot in a text editor, or export the data again as GeoJSON from your GIS software.`,
  },
  'json-non-finite': {
    zh: (p) => `${at(p)}出现了 ${p.token}，这不是 JSON 允许的数值。请把缺失或无效的坐标删除或修正后再导入。`,
    en: (p) =>
      `${p.token}${atEn(p)} is not a number JSON allows. Remove or fix the missing or invalid coordinates and import again.`,
  },
  'too-deep': {
    zh: (p) => `${at(p)}的嵌套超过 ${p.limit} 层，GeoJSON 不会这样深。文件可能已损坏或不是地理数据。`,
    en: (p) =>
      `Nesting goes deeper than ${p.limit} levels${atEn(p)}; GeoJSON is never this deep. The file is probably damaged or not geodata.`,
  },
  'not-geojson': {
    zh: (p) =>
      `文件是 JSON，但不是 GeoJSON（找到的是${p.found}）。需要 "type": "FeatureCollection"、"Feature" 或几何对象。请从 GIS 软件导出为 GeoJSON。`,
    en: (p) =>
      `The file is JSON but not GeoJSON (found ${p.found}). It needs "type": "FeatureCollection", "Feature" or a geometry. Export the data as GeoJSON from your GIS software.`,
  },
  'no-features': {
    zh: () => '文件中没有要素。请检查导出时是否选中了要素。',
    en: () => 'The file contains no features. Check that features were selected when it was exported.',
  },
  'not-a-feature': {
    zh: (p) =>
      `这一项不是 Feature（"type" 为 ${p.found}）。FeatureCollection 的 features 数组中只能放 Feature。`,
    en: (p) =>
      `This item is not a Feature ("type" is ${p.found}). A FeatureCollection's features array may only hold Features.`,
  },
  'missing-geometry': {
    zh: () => '要素没有几何（geometry 为空）。请在 GIS 软件中删除它或补画几何。',
    en: () =>
      'The feature has no geometry (geometry is null). Delete it or draw its geometry in your GIS software.',
  },
  'wrong-geometry-type': {
    zh: (p) =>
      `几何类型是 ${p.found}，但${LAYER_ZH[p.layer]}图层需要${EXPECTED_ZH[p.layer]}。请选择正确的图层，或在 GIS 软件中转换几何类型。`,
    en: (p) =>
      `The geometry is a ${p.found}, but the ${LAYER_EN[p.layer]} layer needs ${EXPECTED_EN[p.layer]}. Choose the right layer, or convert the geometry in your GIS software.`,
  },
  'invalid-coordinates': {
    zh: (p) =>
      `坐标结构不正确（${p.detail}）。每个坐标应为 [经度, 纬度] 两个数字。请在 GIS 软件中修复几何（如 QGIS“修复几何”）。`,
    en: (p) =>
      `The coordinates are malformed (${p.detail}). Each position must be two numbers, [longitude, latitude]. Repair the geometry in your GIS software (e.g. QGIS "Fix geometries").`,
  },
  'non-finite-coordinate': {
    zh: (p) => `坐标中有无效数值（${p.value}）。请删除或修正这个点。`,
    en: (p) => `A coordinate is not a finite number (${p.value}). Remove or fix that position.`,
  },
  'too-few-positions': {
    zh: (p) =>
      (p.shape === 'ring'
        ? `面的边界环只有 ${p.count} 个点，至少需要 4 个（首尾相同）。`
        : `线只有 ${p.count} 个点，至少需要 2 个。`) + '请删除这个退化的几何或补全它。',
    en: (p) =>
      (p.shape === 'ring'
        ? `A polygon ring has ${p.count} positions; it needs at least 4 (first and last the same).`
        : `A line has ${p.count} position(s); it needs at least 2.`) +
      ' Delete the degenerate geometry or complete it.',
  },
  'zero-area': {
    zh: () => '面的面积为零（所有点在一条线上）。请删除它或重画边界。',
    en: () => 'The polygon has zero area (all its points lie on a line). Delete it or redraw its boundary.',
  },
  'coordinate-out-of-range': {
    zh: (p) =>
      `坐标 (${p.x}, ${p.y}) 超出经纬度范围。这个要素可能使用了投影坐标（米），请统一转换为 WGS-84 (EPSG:4326)。`,
    en: (p) =>
      `Position (${p.x}, ${p.y}) is outside the range of longitude and latitude. This feature may be in projected metres; convert the data to WGS-84 (EPSG:4326).`,
  },
  'projected-coordinates': {
    zh: (p) =>
      `坐标看起来是投影坐标（单位为米，例如 (${p.x}, ${p.y})${p.guess ? '，可能是 ' + p.guess : ''}），不是经纬度。请在 GIS 软件中把数据另存为 WGS-84 (EPSG:4326) 后再导入（QGIS：导出 → 要素另存为 → 坐标系 EPSG:4326）。`,
    en: (p) =>
      `The coordinates look projected, in metres (e.g. (${p.x}, ${p.y})${p.guess ? ', probably ' + p.guess : ''}), not longitude and latitude. Save the data as WGS-84 (EPSG:4326) in your GIS software and import again (QGIS: Export > Save Features As > CRS EPSG:4326).`,
  },
  'swapped-lat-lng': {
    zh: (p) =>
      `经纬度似乎颠倒了：第一个数应为经度（约 113.5），第二个为纬度（约 34.8），而文件中是 (${p.x}, ${p.y})。请在导出时交换坐标轴顺序（GeoJSON 规定 [经度, 纬度]）。`,
    en: (p) =>
      `Latitude and longitude look swapped: the first number should be the longitude (about 113.5) and the second the latitude (about 34.8), but the file has (${p.x}, ${p.y}). Swap the axis order when exporting (GeoJSON is always [longitude, latitude]).`,
  },
  'far-from-zone': {
    zh: (p) =>
      `数据位于 (${p.lng}, ${p.lat}) 附近，距研究范围（高新区及周边，东经 113.44–113.62°、北纬 34.75–34.88°）约 ${p.distanceKm} 公里。请确认选择的坐标系（WGS-84 / GCJ-02 / BD-09）正确，且文件确实是本区域的数据。`,
    en: (p) =>
      `The data lies near (${p.lng}, ${p.lat}), about ${p.distanceKm} km from the study area (the zone and its surroundings, 113.44–113.62° E, 34.75–34.88° N). Check that the chosen coordinate system (WGS-84 / GCJ-02 / BD-09) is right and that the file covers this area.`,
  },
  'feature-outside-zone': {
    zh: (p) => `这个要素在研究范围之外约 ${p.distanceKm} 公里，不会参与覆盖率统计。`,
    en: (p) =>
      `This feature lies about ${p.distanceKm} km outside the study area and will not count in the coverage statistics.`,
  },
  'ring-closed': {
    zh: () => '面的边界环未闭合（首尾点不同），已自动闭合。',
    en: () =>
      'A polygon ring was not closed (first and last positions differ); it has been closed automatically.',
  },
  'self-intersection': {
    zh: (p) =>
      `几何自相交（共 ${p.count} 处，第一处约在 ${p.lng}, ${p.lat}）。面积和覆盖率可能不准，建议在 GIS 软件中修复几何。`,
    en: (p) =>
      `The geometry intersects itself (${p.count} place(s), the first near ${p.lng}, ${p.lat}). Areas and coverage may be off; repair the geometry in your GIS software.`,
  },
  'self-intersection-not-checked': {
    zh: (p) => `有 ${p.count} 个要素太复杂，未检查自相交。`,
    en: (p) =>
      `${p.count} feature(s) are too complex to check for self-intersections; they were not checked.`,
  },
  'name-generated': {
    zh: (p) => `要素没有名称（name_zh、name、名称 等字段），已命名为“${p.name}”。`,
    en: (p) => `The feature has no name (name_zh, name, 名称, ...); it was named "${p.name}".`,
  },
  'string-truncated': {
    zh: (p) => `属性“${p.key}”有 ${p.length} 个字符，显示时截断为 ${p.limit} 个。`,
    en: (p) => `Property "${p.key}" is ${p.length} characters long; it is cut to ${p.limit} for display.`,
  },
  'property-dropped': {
    zh: (p) => `属性“${p.key}”被忽略（${p.reason === 'reserved' ? '保留名称' : '属性过多'}）。`,
    en: (p) =>
      `Property "${p.key}" was ignored (${p.reason === 'reserved' ? 'reserved name' : 'too many properties'}).`,
  },
  'population-missing': {
    zh: (p) =>
      `${p.count} 个居住用地要素没有人口（population / 人口）字段，按 0 人计。请补充人口数据，否则覆盖人口统计会偏低。`,
    en: (p) =>
      `${p.count} residential feature(s) have no population (population / 人口) and count as 0 people. Add population figures, or the covered-population statistics will be too low.`,
  },
  'feature-skipped': {
    zh: (p) => `要素因错误被跳过：${p.reason}`,
    en: (p) => `Feature skipped because of an error: ${p.reasonEn}`,
  },
  'invalid-properties': {
    zh: (p) => `要素属性不符合图层要求（${p.detail}）。请检查该要素的属性表。`,
    en: (p) =>
      `The feature's properties do not fit the layer (${p.detail}). Check the feature's attribute table.`,
  },
  unexpected: {
    zh: (p) => `导入时发生意外错误（${p.detail}），现有数据未改变。请把文件发给维护者以便修复。`,
    en: (p) =>
      `An unexpected error stopped the import (${p.detail}); the existing data is unchanged. Please send the file to the maintainers so it can be fixed.`,
  },
  'more-issues': {
    zh: (p) => `另有 ${p.count} 个同类问题未逐一列出。`,
    en: (p) => `${p.count} more issue(s) not listed one by one.`,
  },
} satisfies Record<string, { zh: Template; en: Template }>;

export type ImportCode = keyof typeof MESSAGES;
export const IMPORT_CODES = Object.keys(MESSAGES) as ImportCode[];

/** Both languages of one message. */
export function importMessage(code: ImportCode, params: Params = {}): { zh: string; en: string } {
  const m = MESSAGES[code];
  return { zh: m.zh(params), en: m.en(params) };
}
