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

  it('writes the generic part apart, even right after another generic word', () => {
    expect(latinName('沟赵村')).toBe('Gouzhao Cun');
    expect(latinName('郑州大学站')).toBe('Zhengzhou Daxue Zhan');
    expect(latinName('高新区公安局家属院')).toBe("Gaoxinqu Gong'anju Jiashuyuan");
  });

  it('keeps 市 opening a name as part of it, and writes it apart after one', () => {
    expect(latinName('市场')).toBe('Shichang');
    expect(latinName('郑州市外国语学校')).toBe('Zhengzhou Shi Waiguoyu Xuexiao');
  });
});

describe('Latin names of places whose name proper is one word (the bus-stop places)', () => {
  const place = (zh: string) => latinName(zh, { wholeNames: true });

  it('writes pinyin by word, capitalised, with the generic part apart', () => {
    expect(place('郑大新区南门')).toBe('Zhengda Xinqu Nanmen');
    expect(place('须水镇工贸园')).toBe('Xushui Zhen Gongmaoyuan');
    expect(place('白庄')).toBe('Baizhuang');
  });

  it('keeps a long name proper whole, where an estate name is cut after two characters', () => {
    expect(place('北陈伍寨')).toBe('Beichenwuzhai');
    expect(latinName('北陈伍寨')).toBe('Beichen Wuzhai');
    expect(place('东三十里铺')).toBe('Dongsanshilipu');
  });
});
