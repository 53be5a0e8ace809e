import { describe, expect, it } from 'vitest';
import { latinName } from '../../../src/core/search/latin-name';

describe('Latin names for places without an English name', () => {
  it.each([
    ['朗悦公园道1号', 'Langyue Gongyuandao No. 1'],
    ['翰林国际城桃李园', 'Hanlin Guojicheng Taoliyuan'],
    ['万科城湖心岛', 'Wankecheng Huxindao'],
    ['谦祥万和城二期', 'Qianxiang Wanhecheng Phase 2'],
    ['锦和苑B区', 'Jinheyuan Zone B'],
    ['中海万锦熙岸', "Zhonghai Wanjin Xi'an"],
  ])('%s → %s', (zh, en) => {
    expect(latinName(zh)).toBe(en);
  });

  it('capitalises every word and keeps Latin parts', () => {
    for (const w of latinName('郑州轻工业学院教师公寓').split(' ')) expect(w).toMatch(/^[A-Z]/);
    expect(latinName('锦和苑C3')).toBe('Jinheyuan C3');
  });
});
