import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { readerNote, readerSources } from '../../../src/core/geodata/reader-source';

/** Four or more English words in a row: a sentence, not an outlet's name or a URL. */
const ENGLISH_RUN = /[A-Za-z]{2,}(?:[\s,'’-]+[A-Za-z]{2,}){3,}/;
const FILE_NAME = /\b[\w-]+\.(csv|json|md|geojson)\b/;

const LAYERS = ['roads', 'greenery', 'industrial-parks', 'landmarks', 'water', 'residential', 'boundary'];
const features = LAYERS.flatMap(
  (l) => (JSON.parse(readFileSync(`geodata/${l}.geojson`, 'utf8')) as FeatureCollection).features,
);

describe('sources as a reader would cite them', () => {
  it('names outlets and datasets for every feature, never a file, and no English sentence in Chinese', () => {
    for (const f of features) {
      const p = f.properties ?? {};
      const zh = readerSources(p.source, 'zh');
      const en = readerSources(p.source, 'en');
      if (p.source) {
        expect(zh.length, String(p.id)).toBeGreaterThan(0);
        expect(en.length, String(p.id)).toBe(zh.length);
      }
      for (const line of zh) {
        // URLs are a citation's address, not prose.
        expect(line.replace(/https?:\/\/\S+/g, ''), String(p.id)).not.toMatch(ENGLISH_RUN);
      }
      for (const line of [...zh, ...en]) expect(line, String(p.id)).not.toMatch(FILE_NAME);
      expect(readerNote(p, 'zh')).not.toMatch(ENGLISH_RUN);
    }
  });

  it('recognises the plan, the map data and the team inference in a road trail', () => {
    const trail =
      'road-crossings.csv (AMap GCJ-02 POI medians → WGS-84): 梧桐街×长椿路; 2 control point(s) in road-control-points.json#x (plan, inference)';
    expect(readerSources(trail, 'zh')).toEqual([
      '郑州高新区《2015年政府工作报告》',
      '高德地图兴趣点地址中的路口（约2024年）',
      '具体位置由本项目据以上资料推断',
    ]);
    expect(readerSources(trail, 'en')[1]).toMatch(/^AMap/);
  });

  it('keeps a published citation and drops its English aside in Chinese', () => {
    const s = '问答导航 (quoting the 2013 opening report) 2013-12《郑州高新区有哪些好玩的》 https://a.b/c';
    expect(readerSources(s, 'zh')).toEqual(['问答导航 2013-12《郑州高新区有哪些好玩的》 https://a.b/c']);
    expect(readerSources(s, 'en')).toEqual([s]);
  });

  it('shows the English research note only in English unless a Chinese note exists', () => {
    expect(readerNote({ note: 'Runs beneath the road' }, 'zh')).toBe('');
    expect(readerNote({ note: 'Runs beneath the road' }, 'en')).toBe('Runs beneath the road');
    expect(readerNote({ note: 'x', note_zh: '地铁在路下' }, 'zh')).toBe('地铁在路下');
  });
});
