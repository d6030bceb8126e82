import type { BillingEntry, Customer } from '../../lib/domain/customer';
import { usccCheckChar } from '../../lib/domain/tax-id';
import { NO_INVOICE_DEFAULTS } from '../../lib/domain/vocabulary';
import { searchKeys } from '../../lib/search/keys';

// Deterministic fictional customers for tests and the search benchmark. No Node or DOM APIs,
// so the same module runs under vitest and inside a browser bundle.

/**
 * A small seeded PRNG (Marsaglia's xorshift32); Math.random could not be replayed. `salt` keeps generators of
 * different data from drawing the same numbers for the same seed.
 */
export function makeRandom(seed: number, salt = 0x5bd1e995) {
  // Spread small seeds (1, 2, 3…) over the state; xorshift must not start at 0.
  let state = Math.imul((seed >>> 0) ^ salt, 0x9e3779b1) >>> 0 || 1;
  const next = (): number => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const chance = (p: number): boolean => next() < p;
  const digits = (n: number): string => {
    let s = '';
    for (let i = 0; i < n; i++) s += String(int(0, 9));
    return s;
  };
  return { next, int, pick, chance, digits };
}
export type Random = ReturnType<typeof makeRandom>;

interface Region {
  city: string;
  /** Administrative division codes of some districts, as they appear in a USCC. */
  divisions: readonly [district: string, code: string][];
  areaCode: string;
}

const REGIONS: readonly Region[] = [
  {
    city: '北京',
    areaCode: '010',
    divisions: [
      ['海淀', '110108'],
      ['朝阳', '110105'],
      ['东城', '110101'],
    ],
  },
  {
    city: '上海',
    areaCode: '021',
    divisions: [
      ['浦东新', '310115'],
      ['徐汇', '310104'],
      ['静安', '310106'],
    ],
  },
  {
    city: '深圳',
    areaCode: '0755',
    divisions: [
      ['南山', '440305'],
      ['福田', '440304'],
      ['宝安', '440306'],
    ],
  },
  {
    city: '广州',
    areaCode: '020',
    divisions: [
      ['天河', '440106'],
      ['越秀', '440104'],
    ],
  },
  {
    city: '重庆',
    areaCode: '023',
    divisions: [
      ['渝中', '500103'],
      ['江北', '500105'],
      ['渝北', '500112'],
    ],
  },
  {
    city: '厦门',
    areaCode: '0592',
    divisions: [
      ['思明', '350203'],
      ['湖里', '350206'],
    ],
  },
  {
    city: '杭州',
    areaCode: '0571',
    divisions: [
      ['西湖', '330106'],
      ['滨江', '330108'],
    ],
  },
  {
    city: '成都',
    areaCode: '028',
    divisions: [
      ['武侯', '510107'],
      ['锦江', '510104'],
    ],
  },
  {
    city: '长沙',
    areaCode: '0731',
    divisions: [
      ['岳麓', '430104'],
      ['芙蓉', '430102'],
    ],
  },
  {
    city: '武汉',
    areaCode: '027',
    divisions: [
      ['江汉', '420103'],
      ['洪山', '420111'],
    ],
  },
  {
    city: '南京',
    areaCode: '025',
    divisions: [
      ['鼓楼', '320106'],
      ['玄武', '320102'],
    ],
  },
  {
    city: '苏州',
    areaCode: '0512',
    divisions: [
      ['姑苏', '320508'],
      ['吴中', '320506'],
    ],
  },
  {
    city: '天津',
    areaCode: '022',
    divisions: [
      ['滨海新', '120116'],
      ['和平', '120101'],
    ],
  },
  {
    city: '西安',
    areaCode: '029',
    divisions: [
      ['雁塔', '610113'],
      ['碑林', '610103'],
    ],
  },
  {
    city: '青岛',
    areaCode: '0532',
    divisions: [
      ['市南', '370202'],
      ['崂山', '370212'],
    ],
  },
];

// Common characters of company brand names, polyphones (长, 重, 行, 乐, 银) included on purpose.
const BRAND_CHARS = [
  ...'华信达科创新恒泰鑫源盛通宏远联安中天金瑞博智汇德丰明光海东方嘉锦诚和顺佳润星辰领航正邦凯腾云峰永兴隆长重乐行银小米快捷优品众益美康宁',
];
const INDUSTRIES = [
  '科技',
  '贸易',
  '建筑工程',
  '餐饮管理',
  '信息技术',
  '物流',
  '电子',
  '商贸',
  '文化传媒',
  '医疗器械',
  '新能源',
  '环保科技',
  '建材',
  '食品',
  '供应链管理',
  '广告',
  '企业管理咨询',
  '物业管理',
  '机械设备',
  '网络科技',
];
const SUFFIXES = ['有限公司', '有限公司', '有限公司', '有限责任公司', '有限责任公司', '股份有限公司'];
const SHOPS = ['餐馆', '便利店', '五金店', '理发店', '水果店', '烟酒商行'];
const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈',
];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉兰萍红建文辉力斌宇浩凯鹏婷雪琳晨欣怡'];
const BANKS = [
  '中国工商银行',
  '中国建设银行',
  '中国银行',
  '中国农业银行',
  '招商银行',
  '交通银行',
  '浦发银行',
  '兴业银行',
];
const ROADS = ['中山', '人民', '建设', '解放', '长江', '科技', '创业', '滨海', '和平', '新华'];
export const SAMPLE_TAGS = ['VIP', '长期合作', '专票', '月结', '新客户', '政府单位', '集团'] as const;

const DAY = 86_400_000;
/** A fixed clock, so that generated timestamps do not depend on when the tests run. */
export const GENERATED_NOW = Date.UTC(2025, 5, 1);

const ORG_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714 check character of an 8-character organisation code (letters count from A = 10). */
function orgCodeCheck(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number.parseInt(body.charAt(i), 36) * (ORG_CODE_WEIGHTS[i] ?? 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

function uscc(rnd: Random, org: '1' | '2', division: string): string {
  // Codes issued since about 2015 often start their organisation part with MA.
  let body = rnd.chance(0.5) ? 'MA' : rnd.digits(2);
  while (body.length < 8) body += rnd.pick([...ORG_CODE_ALPHABET]);
  const first17 = `9${org}${division}${body}${orgCodeCheck(body)}`;
  return first17 + (usccCheckChar(first17) ?? '0');
}

function brand(rnd: Random): string {
  const length = rnd.chance(0.7) ? 2 : 3;
  let s = '';
  for (let i = 0; i < length; i++) s += rnd.pick(BRAND_CHARS);
  return s;
}

const personName = (rnd: Random) => rnd.pick(SURNAMES) + rnd.pick(GIVEN) + (rnd.chance(0.6) ? rnd.pick(GIVEN) : '');
const mobile = (rnd: Random) => `1${rnd.pick(['3', '5', '7', '8', '9'])}${rnd.digits(9)}`;

function companyName(rnd: Random, region: Region): string {
  const industry = rnd.pick(INDUSTRIES);
  const suffix = rnd.pick(SUFFIXES);
  const roll = rnd.next();
  if (roll < 0.75) return `${region.city}${brand(rnd)}${industry}${suffix}`;
  if (roll < 0.93) return `${brand(rnd)}${industry}（${region.city}）${suffix}`;
  const other = rnd.pick(REGIONS).city;
  return `${region.city}${brand(rnd)}${industry}${suffix}${other}分公司`;
}

function entry(rnd: Random, id: string, label: string, region: Region, district: string): BillingEntry {
  const phone = rnd.chance(0.8) ? `${region.areaCode}-${rnd.int(2, 8)}${rnd.digits(7)}` : mobile(rnd);
  const building = rnd.chance(0.5) ? `${rnd.int(1, 30)}层` : '';
  return {
    id,
    label,
    address: `${region.city}市${district}区${rnd.pick(ROADS)}路${rnd.int(1, 999)}号${building}`,
    phone,
    bankName: `${rnd.pick(BANKS)}${region.city}${district}支行`,
    bankAccount: rnd.int(1, 9) + rnd.digits(rnd.int(15, 18)),
  };
}

function uuid(rnd: Random): string {
  const hex = (n: number) => {
    let s = '';
    for (let i = 0; i < n; i++) s += rnd.int(0, 15).toString(16);
    return s;
  };
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${rnd.pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
}

function customer(rnd: Random, usedNames: Set<string>, usedTaxIds: Set<string>): Customer {
  const region = rnd.pick(REGIONS);
  const [district, division] = rnd.pick(region.divisions);
  const roll = rnd.next();
  const kind: Customer['kind'] = roll < 0.94 ? 'company' : roll < 0.98 ? 'individualBusiness' : 'naturalPerson';
  let name: string;
  do {
    if (kind === 'company') name = companyName(rnd, region);
    else if (kind === 'individualBusiness') name = `${region.city}市${district}区${brand(rnd)}${rnd.pick(SHOPS)}`;
    else name = personName(rnd);
  } while (usedNames.has(name) && kind !== 'naturalPerson');
  usedNames.add(name);

  let taxId = '';
  if (kind !== 'naturalPerson') {
    do taxId = uscc(rnd, kind === 'company' ? '1' : '2', division);
    while (usedTaxIds.has(taxId));
    usedTaxIds.add(taxId);
  }

  const id = uuid(rnd);
  const entries = [entry(rnd, `${id}-1`, '', region, district)];
  if (kind === 'company' && rnd.chance(0.15)) {
    entries.push(entry(rnd, `${id}-2`, rnd.pick(['分部', '仓库', '工厂']), region, rnd.pick(region.divisions)[0]));
  }
  const tags: string[] = [];
  if (rnd.chance(0.4)) tags.push(rnd.pick(SAMPLE_TAGS));
  if (rnd.chance(0.1)) {
    const second = rnd.pick(SAMPLE_TAGS);
    if (!tags.includes(second)) tags.push(second);
  }
  const createdAt = GENERATED_NOW - rnd.int(30, 3 * 365) * DAY - rnd.int(0, DAY);
  const updatedAt = Math.min(GENERATED_NOW, createdAt + rnd.int(0, 400) * DAY);
  const used = rnd.chance(0.35);
  // Few customers are used very often: a skewed count, as in a real book.
  const useCount = used ? 1 + Math.floor(rnd.next() ** 3 * 200) : 0;
  const lastUsedAt = used ? Math.max(createdAt, GENERATED_NOW - Math.floor(rnd.next() * 180 * DAY)) : null;
  const verified = rnd.chance(0.5);

  return {
    id,
    name,
    taxId,
    kind,
    entries,
    defaultEntryId: `${id}-1`,
    email: rnd.chance(0.3) ? `finance${rnd.int(1, 99)}@example.com` : '',
    mobile: rnd.chance(0.4) ? mobile(rnd) : '',
    contact: rnd.chance(0.5) ? personName(rnd) : '',
    tier: rnd.chance(0.1) ? 'key' : 'normal',
    tags,
    notes: '',
    invoiceDefaults: { ...NO_INVOICE_DEFAULTS, type: rnd.pick(['normal', 'special', null] as const) },
    creditLimit: null,
    review: verified
      ? { status: 'verified', by: personName(rnd), at: updatedAt }
      : { status: 'pending', by: '', at: null },
    source: 'sample',
    createdAt,
    updatedAt,
    lastUsedAt,
    useCount,
    revision: 1,
    keys: searchKeys(name, taxId),
  };
}

/** `count` fictional but realistic customers; the same `seed` always gives the same customers. */
export function generateCustomers(count: number, seed = 1): Customer[] {
  const rnd = makeRandom(seed);
  const usedNames = new Set<string>();
  const usedTaxIds = new Set<string>();
  const out: Customer[] = [];
  for (let i = 0; i < count; i++) out.push(customer(rnd, usedNames, usedTaxIds));
  return out;
}
