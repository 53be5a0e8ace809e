/**
 * A Chinese place name in Latin letters as a map would print it: pinyin segmented into words and
 * capitalised by word, after the rule for Chinese place names (GB/T 16159: the proper name is
 * written together, each generic part as its own word): 朗悦公园道1号 → "Langyue Gongyuandao No. 1",
 * 翰林国际城桃李园 → "Hanlin Guojicheng Taoliyuan", 沟赵村 → "Gouzhao Cun". Without a full word
 * dictionary the split is a heuristic: known generic words become their own word, and (unless the
 * caller knows the name proper is one word) a long run is cut after its first two characters (most
 * Chinese words are two characters long). The one home of this rule: the app labels places without
 * an English name with it, and the geodata scripts write `name_en` of the bus-stop places with it.
 */
import { pinyin } from 'pinyin-pro';

/**
 * Generic parts of estate and place names (村, 新村, 大学, 医院 …) and a few common proper words
 * (郑州, 高新区), longest first so 国际城 wins over 城.
 */
const GENERIC_WORDS = [
  '公园道',
  '国际城',
  '又一城',
  '湖心岛',
  '桃李园',
  '家属院',
  '国际',
  '花园',
  '家园',
  '新城',
  '新村',
  '小区',
  '公寓',
  '广场',
  '大厦',
  '社区',
  '华府',
  '名门',
  '宿舍',
  '公园',
  '公馆',
  '郑州',
  '高新',
  '学院',
  '大学',
  '教师',
  '轻工业',
  '数码港',
  '小世界',
  '新天地',
  '河南',
  '高新区',
  '管委会',
  '新区',
  '南门',
  '北门',
  '东门',
  '西门',
  '村',
  '政府',
  '工贸园',
  '工业园',
  '医学院',
  '中学',
  '学校',
  '医院',
  '市场',
  '公交',
  '客运',
  '西站',
  '汽车',
  '纺织城',
  '美术馆',
  '美院',
  '建材',
  '机械厂',
  '制药厂',
  '石油局',
  '钢材城',
  '花卉基地',
  '福利院',
  '外国语',
  '外语',
  '信息工程',
  '电力工业',
  '大厨房',
  '东关',
  '镇',
  '市',
].sort((a, b) => b.length - a.length);

/** One-character generic endings written together with the name before them. */
const SUFFIX_CHARS = '城苑园岛府郡居湾庭院';

const CHINESE_DIGITS = '〇一二三四五六七八九十';
const numberOf = (n: string) =>
  /^[0-9]+$/.test(n) ? n : n === '十' ? '10' : String(CHINESE_DIGITS.indexOf(n));

/** Syllables of one word, toneless, ü kept. */
function syllables(word: string): string[] {
  return pinyin(word, { toneType: 'none', type: 'array' });
}

/** "xi" + "an" → "xi'an": the apostrophe where a syllable starting with a, o or e follows another. */
function joinSyllables(parts: string[]): string {
  return parts.map((s, i) => (i > 0 && /^[aoe]/.test(s) ? `'${s}` : s)).join('');
}

const capitalise = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/** Splits a run of Han characters into words. */
function hanWords(run: string, wholeNames: boolean): string[] {
  const words: string[] = [];
  let pending = '';
  const flush = () => {
    // A long proper name: its first two characters, then the rest.
    while (!wholeNames && pending.length > 3) {
      words.push(pending.slice(0, 2));
      pending = pending.slice(2);
    }
    if (pending) words.push(pending);
    pending = '';
  };
  for (let i = 0; i < run.length;) {
    // 市 opening a name is part of it (市场 is one word, not "Shi Chang").
    const generic = GENERIC_WORDS.find((w) => run.startsWith(w, i) && !(w === '市' && i === 0));
    if (generic) {
      flush();
      words.push(generic);
      i += generic.length;
    } else {
      pending += run[i];
      i += 1;
      // 城, 苑, 园 … close a proper name: 万科城 | 雅梅苑.
      if (SUFFIX_CHARS.includes(run[i - 1]) && pending.length >= 3) flush();
    }
  }
  flush();
  return words;
}

export interface LatinNameOptions {
  /**
   * The name proper is one word however long, as in a village's name (北陈伍寨 → "Beichenwuzhai",
   * the bus-stop places); otherwise a run longer than three characters is taken for a brand and a
   * name and cut after two (中海万锦熙岸 → "Zhonghai Wanjin Xi'an", the estates).
   */
  wholeNames?: boolean;
}

/** The Latin name: "朗悦公园道1号" → "Langyue Gongyuandao No. 1". */
export function latinName(zh: string, { wholeNames = false }: LatinNameOptions = {}): string {
  const out: string[] = [];
  // "1号" → "No. 1", "2期" → "Phase 2", "B区" → "Zone B": numbers and letters with their counter.
  const tokens =
    zh.match(
      /[0-9]+号(?:院|楼)?|[0-9一二三四五六七八九]期|[A-Za-z0-9]+区|(?:(?![一二三四五六七八九]期)\p{Script=Han})+|[A-Za-z0-9]+/gu,
    ) ?? [];
  for (const t of tokens) {
    const counter = /^([A-Za-z0-9一二三四五六七八九]+)(号院|号楼|号|期|区)$/u.exec(t);
    if (counter) {
      const c = counter[2];
      const n = c === '期' ? numberOf(counter[1]) : counter[1];
      out.push(
        c === '期'
          ? `Phase ${n}`
          : c === '区'
            ? `Zone ${n}`
            : c === '号'
              ? `No. ${n}`
              : `No. ${n} ${c === '号院' ? 'Compound' : 'Building'}`,
      );
    } else if (/\p{Script=Han}/u.test(t)) {
      for (const w of hanWords(t, wholeNames)) out.push(capitalise(joinSyllables(syllables(w))));
    } else out.push(t);
  }
  return out.join(' ') || zh;
}
