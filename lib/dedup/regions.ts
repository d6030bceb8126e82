import { hasAt } from './text';

/*
 * Provinces and major cities as they begin company names (北京…, 广东省深圳市…, …（上海）有限公司), with the two-digit
 * province part of the administrative division code (GB/T 2260) that a unified social credit code carries in its
 * third and fourth characters. Not complete on purpose: a city missing here is simply not taken for a region, so
 * its name stays in the core and two spellings of one company still compare equal.
 */

/** Province-level divisions: short name and code. */
const PROVINCES: readonly [name: string, code: string][] = [
  ['北京', '11'],
  ['天津', '12'],
  ['河北', '13'],
  ['山西', '14'],
  ['内蒙古', '15'],
  ['辽宁', '21'],
  ['吉林', '22'],
  ['黑龙江', '23'],
  ['上海', '31'],
  ['江苏', '32'],
  ['浙江', '33'],
  ['安徽', '34'],
  ['福建', '35'],
  ['江西', '36'],
  ['山东', '37'],
  ['河南', '41'],
  ['湖北', '42'],
  ['湖南', '43'],
  ['广东', '44'],
  ['广西', '45'],
  ['海南', '46'],
  ['重庆', '50'],
  ['四川', '51'],
  ['贵州', '52'],
  ['云南', '53'],
  ['西藏', '54'],
  ['陕西', '61'],
  ['甘肃', '62'],
  ['青海', '63'],
  ['宁夏', '64'],
  ['新疆', '65'],
  ['台湾', '71'],
  ['香港', '81'],
  ['澳门', '82'],
];

/** The four municipalities are a province and a city at once. */
const MUNICIPALITIES = new Set(['北京', '天津', '上海', '重庆']);

/** Prefecture-level cities that often begin company names, by province code. */
const CITIES: Readonly<Record<string, string>> = {
  13: '石家庄 唐山 保定 邯郸 廊坊 沧州',
  14: '太原 大同',
  15: '呼和浩特 包头 鄂尔多斯',
  21: '沈阳 大连 鞍山',
  22: '长春',
  23: '哈尔滨 大庆',
  32: '南京 苏州 无锡 常州 南通 徐州 扬州 盐城 镇江 泰州 连云港',
  33: '杭州 宁波 温州 嘉兴 湖州 绍兴 金华 台州 衢州 丽水',
  34: '合肥 芜湖 蚌埠',
  35: '福州 厦门 泉州 漳州',
  36: '南昌 赣州 九江',
  37: '济南 青岛 烟台 潍坊 临沂 淄博 威海 济宁',
  41: '郑州 洛阳 开封',
  42: '武汉 宜昌 襄阳',
  43: '长沙 株洲 湘潭',
  44: '广州 深圳 东莞 佛山 珠海 中山 惠州 汕头 江门 湛江',
  45: '南宁 桂林 柳州',
  46: '海口 三亚',
  51: '成都 绵阳',
  52: '贵阳 遵义',
  53: '昆明',
  54: '拉萨',
  61: '西安',
  62: '兰州',
  63: '西宁',
  64: '银川',
  65: '乌鲁木齐',
};

/** A region word found in a name: the province code and, below it, the city (a municipality is both). */
export interface RegionWord {
  name: string;
  province: string;
  city: string;
}

const WORDS = new Map<string, RegionWord>();
for (const [name, province] of PROVINCES) {
  WORDS.set(name, { name, province, city: MUNICIPALITIES.has(name) ? name : '' });
}
for (const [province, list] of Object.entries(CITIES)) {
  for (const name of list.split(' ')) WORDS.set(name, { name, province, city: name });
}

/** Formal endings after a region word, longest first so that 维吾尔自治区 wins over 区. */
const ENDINGS = ['维吾尔自治区', '壮族自治区', '回族自治区', '特别行政区', '自治区', '省', '市'];

const PROVINCE_CODES = new Set(PROVINCES.map(([, code]) => code));
const PROVINCE_NAMES = new Map(PROVINCES.map(([name, code]) => [code, name]));

// Province codes by their number, so that a tax ID's province is read without cutting a string out of it.
const PROVINCE_BY_NUMBER: readonly string[] = Array.from({ length: 100 }, (_, n) => {
  const code = String(n).padStart(2, '0');
  return PROVINCE_CODES.has(code) ? code : '';
});

/** The province code made by the two digits at `at` in `text`, or '' when they are not one. */
export function provinceCodeAt(text: string, at: number): string {
  const tens = text.charCodeAt(at) - 0x30;
  const ones = text.charCodeAt(at + 1) - 0x30;
  if (!(tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9)) return '';
  return PROVINCE_BY_NUMBER[tens * 10 + ones] ?? '';
}

/** True when `code` is the two-digit code of a province-level division. */
export const isProvinceCode = (code: string) => PROVINCE_CODES.has(code);

/** The short name of a province code (11 → 北京), or the code itself when unknown. */
export const provinceName = (code: string) => PROVINCE_NAMES.get(code) ?? code;

// The words by their first character, longest first: a name is checked against the few words that can begin there
// rather than cut into a string of each length to look up (a scan reads every name of the book).
const BY_FIRST = new Map<number, RegionWord[]>();
for (const word of WORDS.values()) {
  const first = word.name.charCodeAt(0);
  BY_FIRST.set(first, [...(BY_FIRST.get(first) ?? []), word]);
}
for (const list of BY_FIRST.values()) list.sort((x, y) => y.name.length - x.name.length);

/** The region word starting at `at` in `text` and ending by `stop`, with any formal ending (省, 市, 自治区…), or null. */
export function regionAt(text: string, at: number, stop = text.length): { word: RegionWord; length: number } | null {
  const words = BY_FIRST.get(text.charCodeAt(at));
  if (!words) return null;
  for (const word of words) {
    const rest = at + word.name.length;
    if (rest > stop || !hasAt(text, word.name, at)) continue;
    for (const ending of ENDINGS) {
      if (rest + ending.length <= stop && hasAt(text, ending, rest)) {
        return { word, length: word.name.length + ending.length };
      }
    }
    return { word, length: word.name.length };
  }
  return null;
}

/** The region word that is the whole of `text` (北京, 北京市, 广西壮族自治区), or null. */
export function regionOf(text: string): RegionWord | null {
  const found = regionAt(text, 0);
  return found && found.length === text.length ? found.word : null;
}
