import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { usccCheckChar } from '../../lib/domain/tax-id';
import { z } from '../../lib/domain/zod';

/*
 * The labelled set for the duplicate finder (issue 6): pairs of customer records, each marked duplicate or not, with
 * the case it stands for. Hand-written seeds of real-looking companies, small businesses and people, then the
 * variations clerks produce (widths, brackets, spaces, legal-form spellings, regions added or dropped, one-character
 * typos, tax IDs with spaces or lower case or one digit wrong, an old fifteen-digit tax ID, a renamed company) and
 * the look-alikes that are not the same customer (another trade of one brand, a company one character apart, head
 * office and branch, two branches, namesakes in other cities, people of one name, a phone an agency shares). The
 * label comes from how a pair was made, never from the code under test. Regenerate the committed file with
 *
 *   npx tsx tests/support/dedup-pairs.ts
 *
 * tests/unit/dedup/quality.test.ts checks that the file is what this writes and measures precision and recall on it.
 */

export const PairRecordSchema = z.object({
  name: z.string().min(1),
  taxId: z.string().optional(),
  kind: z.enum(['company', 'individualBusiness', 'naturalPerson']).optional(),
  address: z.string().optional(),
  phone: z.string().optional(),
  bankAccount: z.string().optional(),
  mobile: z.string().optional(),
});
export type PairRecord = z.infer<typeof PairRecordSchema>;

export const LabelledPairSchema = z.object({
  case: z.string().min(1),
  duplicate: z.boolean(),
  a: PairRecordSchema,
  b: PairRecordSchema,
});
export type LabelledPair = z.infer<typeof LabelledPairSchema>;
export const PairsFileSchema = z.array(LabelledPairSchema);

export const PAIRS_FILE = new URL('../fixtures/dedup/pairs.json', import.meta.url);

/** xorshift32 with a fixed seed: the set is the same on every run. */
function makeRandom(seed: number) {
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const digits = (n: number) => Array.from({ length: n }, () => String(int(0, 9))).join('');
  return { next, int, pick, digits, chance: (p: number) => next() < p };
}
type Random = ReturnType<typeof makeRandom>;

interface City {
  province: string;
  areaCode: string;
  districts: readonly [name: string, code: string][];
}

// Division codes of real districts (GB/T 2260), as a credit code carries them.
const CITIES: Readonly<Record<string, City>> = {
  北京: {
    province: '',
    areaCode: '010',
    districts: [
      ['海淀', '110108'],
      ['朝阳', '110105'],
      ['东城', '110101'],
    ],
  },
  上海: {
    province: '',
    areaCode: '021',
    districts: [
      ['浦东新', '310115'],
      ['徐汇', '310104'],
      ['静安', '310106'],
    ],
  },
  天津: {
    province: '',
    areaCode: '022',
    districts: [
      ['和平', '120101'],
      ['滨海新', '120116'],
    ],
  },
  重庆: {
    province: '',
    areaCode: '023',
    districts: [
      ['渝中', '500103'],
      ['江北', '500105'],
    ],
  },
  深圳: {
    province: '广东',
    areaCode: '0755',
    districts: [
      ['南山', '440305'],
      ['福田', '440304'],
    ],
  },
  广州: {
    province: '广东',
    areaCode: '020',
    districts: [
      ['天河', '440106'],
      ['越秀', '440104'],
    ],
  },
  佛山: {
    province: '广东',
    areaCode: '0757',
    districts: [
      ['禅城', '440604'],
      ['南海', '440605'],
    ],
  },
  东莞: { province: '广东', areaCode: '0769', districts: [['南城', '441900']] },
  杭州: {
    province: '浙江',
    areaCode: '0571',
    districts: [
      ['西湖', '330106'],
      ['滨江', '330108'],
    ],
  },
  宁波: {
    province: '浙江',
    areaCode: '0574',
    districts: [
      ['北仑', '330206'],
      ['鄞州', '330212'],
    ],
  },
  温州: { province: '浙江', areaCode: '0577', districts: [['鹿城', '330302']] },
  南京: {
    province: '江苏',
    areaCode: '025',
    districts: [
      ['鼓楼', '320106'],
      ['玄武', '320102'],
    ],
  },
  苏州: {
    province: '江苏',
    areaCode: '0512',
    districts: [
      ['姑苏', '320508'],
      ['吴中', '320506'],
    ],
  },
  无锡: {
    province: '江苏',
    areaCode: '0510',
    districts: [
      ['梁溪', '320213'],
      ['滨湖', '320211'],
    ],
  },
  成都: {
    province: '四川',
    areaCode: '028',
    districts: [
      ['武侯', '510107'],
      ['锦江', '510104'],
    ],
  },
  武汉: {
    province: '湖北',
    areaCode: '027',
    districts: [
      ['江汉', '420103'],
      ['洪山', '420111'],
    ],
  },
  长沙: {
    province: '湖南',
    areaCode: '0731',
    districts: [
      ['岳麓', '430104'],
      ['芙蓉', '430102'],
    ],
  },
  西安: {
    province: '陕西',
    areaCode: '029',
    districts: [
      ['雁塔', '610113'],
      ['碑林', '610103'],
    ],
  },
  青岛: {
    province: '山东',
    areaCode: '0532',
    districts: [
      ['市南', '370202'],
      ['崂山', '370212'],
    ],
  },
  济南: { province: '山东', areaCode: '0531', districts: [['历下', '370102']] },
  厦门: {
    province: '福建',
    areaCode: '0592',
    districts: [
      ['思明', '350203'],
      ['湖里', '350206'],
    ],
  },
  福州: { province: '福建', areaCode: '0591', districts: [['台江', '350103']] },
  郑州: { province: '河南', areaCode: '0371', districts: [['金水', '410105']] },
  合肥: { province: '安徽', areaCode: '0551', districts: [['蜀山', '340104']] },
  昆明: { province: '云南', areaCode: '0871', districts: [['五华', '530102']] },
  沈阳: { province: '辽宁', areaCode: '024', districts: [['沈河', '210103']] },
  大连: { province: '辽宁', areaCode: '0411', districts: [['沙河口', '210204']] },
  哈尔滨: { province: '黑龙江', areaCode: '0451', districts: [['南岗', '230103']] },
};
const CITY_NAMES = Object.keys(CITIES);

/** Companies: city, trade name, line of business, legal form. Fictional, in the shapes real names take. */
const COMPANIES = `
北京|小米|科技|有限责任公司
北京|华信恒达|信息技术|有限公司
北京|燕山|石化设备|有限公司
北京|中科创达|软件|股份有限公司
北京|博创3D|打印技术|有限公司
上海|大华|纺织品进出口|有限公司
上海|浦江|物流|有限公司
上海|锦江|餐饮管理|有限公司
上海|ABC|企业管理咨询|有限公司
深圳|华强|电子|有限公司
深圳|腾飞|网络科技|有限公司
深圳|鹏程|建筑工程|有限公司
深圳|优讯5G|通信设备|有限公司
广州|珠江|啤酒贸易|有限公司
广州|白云|医疗器械|有限公司
杭州|西子湖|茶业|有限公司
杭州|钱塘|新能源|股份有限公司
南京|金陵|机械设备|有限公司
苏州|东吴|精密制造|股份有限公司
成都|天府|软件|有限公司
重庆|山城|火锅餐饮管理|有限公司
武汉|江城|光电|有限公司
长沙|湘江|环保科技|有限公司
西安|长安|文化旅游|有限公司
青岛|琴岛|海产品|有限公司
厦门|鹭岛|国际贸易|有限公司
宁波|港湾|物流|有限公司
济南|泉城|医药|有限公司
沈阳|盛京|重工|股份有限公司
温州|瓯江|鞋业|有限公司
`
  .trim()
  .split('\n')
  .map((line) => {
    const [city = '', brand = '', trade = '', form = ''] = line.split('|');
    return { city, brand, trade, form };
  });
type CompanySeed = (typeof COMPANIES)[number];

/** Another trade of the same brand: a sister company, not the same customer (小米科技 and 小米电子产品). */
const OTHER_TRADES = ['电子产品', '投资管理', '物业服务', '商贸', '房地产开发', '教育咨询', '餐饮服务', '进出口贸易'];
/** New trade names for renamed companies. */
const NEW_BRANDS = ['远景', '星河', '众诚', '弘毅', '卓越', '同创', '瑞丰', '启明', '恒信', '嘉禾'];
/** A character that sounds or looks like another: what an input method or a tired eye swaps. */
const CONFUSABLE: Readonly<Record<string, string>> = {
  科: '可',
  技: '记',
  信: '新',
  华: '化',
  达: '大',
  恒: '衡',
  贸: '茂',
  易: '义',
  通: '同',
  电: '店',
  子: '字',
  网: '往',
  络: '落',
  息: '希',
  物: '务',
  流: '留',
  建: '健',
  筑: '住',
  工: '公',
  程: '成',
  餐: '参',
  饮: '引',
  管: '馆',
  理: '里',
  器: '气',
  械: '戒',
  环: '还',
  保: '宝',
  食: '实',
  品: '聘',
  供: '公',
  应: '英',
  链: '连',
  广: '光',
  告: '高',
  咨: '资',
  询: '寻',
  设: '社',
  备: '被',
  纺: '方',
  织: '知',
  进: '近',
  光: '广',
  软: '阮',
  件: '见',
  医: '衣',
  药: '要',
  印: '因',
  务: '物',
  茶: '查',
  业: '叶',
  丝: '思',
  机: '基',
  乳: '汝',
  鞋: '协',
  陶: '桃',
  瓷: '词',
  木: '目',
  花: '华',
  粮: '梁',
  油: '由',
  汽: '气',
  配: '佩',
  模: '摸',
  具: '据',
  化: '华',
  船: '传',
  源: '元',
  江: '将',
  城: '成',
  湖: '胡',
  海: '每',
  文: '闻',
  旅: '吕',
  游: '油',
  传: '船',
  媒: '煤',
  能: '龙',
  商: '伤',
  密: '蜜',
  制: '治',
  造: '早',
  新: '心',
  重: '众',
  石: '实',
};
/** One-character-apart companies that exist side by side (华强 and 华盛): not typos of each other. */
const NEIGHBOUR_BRANDS: Readonly<Record<string, string>> = {
  小米: '小麦',
  华强: '华盛',
  大华: '大中',
  浦江: '浦东',
  锦江: '锦河',
  腾飞: '腾达',
  鹏程: '鹏达',
  珠江: '珠海',
  白云: '白马',
  羊城: '羊角',
  钱塘: '钱江',
  湖畔: '湖滨',
  金陵: '金鹰',
  秦淮: '秦川',
  天府: '天成',
  锦城: '锦华',
  山城: '山海',
  江城: '江南',
  湘江: '湘军',
  长安: '长城',
};

const SHOPS = `
北京|海淀|老王|烟酒商行
上海|徐汇|阿英|面馆
深圳|南山|李记|五金店
广州|天河|陈氏|凉茶铺
杭州|西湖|小林|水果店
成都|武侯|张姐|串串香
武汉|洪山|周记|热干面馆
南京|鼓楼|刘师傅|修车行
重庆|渝中|王婆|小面馆
西安|雁塔|马家|肉夹馍店
长沙|岳麓|胖哥|烧烤店
青岛|市南|海鲜|大排档
`
  .trim()
  .split('\n')
  .map((line) => {
    const [city = '', district = '', owner = '', shop = ''] = line.split('|');
    return { city, district, owner, shop };
  });

const PEOPLE = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨磊', '赵敏', '黄勇', '周杰', '吴霞', '欧阳明', '司马云'];
const ROADS = ['中山', '人民', '建设', '解放', '长江', '科技', '创业', '滨海', '和平', '新华'];
const ORG_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714: the check character of an organisation code's eight-character body. */
function orgCheck(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number.parseInt(body.charAt(i), 36) * (ORG_WEIGHTS[i] ?? 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

const usedTaxIds = new Set<string>();
function uscc(rnd: Random, type: '1' | '2', division: string): string {
  for (;;) {
    let body = rnd.chance(0.5) ? 'MA' : rnd.digits(2);
    while (body.length < 8) body += rnd.pick([...ORG_ALPHABET]);
    const first17 = `9${type}${division}${body}${orgCheck(body)}`;
    const taxId = first17 + (usccCheckChar(first17) ?? '0');
    if (!usedTaxIds.has(taxId)) {
      usedTaxIds.add(taxId);
      return taxId;
    }
  }
}

const cityOf = (name: string): City => {
  const city = CITIES[name];
  if (!city) throw new Error(`no city ${name}`);
  return city;
};
const landline = (rnd: Random, city: string) => `${cityOf(city).areaCode}-${rnd.int(2, 8)}${rnd.digits(7)}`;
const mobile = (rnd: Random) => `1${rnd.pick(['3', '5', '7', '8', '9'])}${rnd.digits(9)}`;

/** Address, phone and bank account of a business in `city`, each often missing as in a real book. */
function contactIn(rnd: Random, cityName: string): Pick<PairRecord, 'address' | 'phone' | 'bankAccount'> {
  const city = cityOf(cityName);
  const [district] = rnd.pick(city.districts);
  const out: Pick<PairRecord, 'address' | 'phone' | 'bankAccount'> = {};
  if (rnd.chance(0.6)) out.address = `${cityName}市${district}区${rnd.pick(ROADS)}路${rnd.int(1, 999)}号`;
  if (rnd.chance(0.8)) out.phone = landline(rnd, cityName);
  if (rnd.chance(0.6)) out.bankAccount = rnd.int(1, 9) + rnd.digits(rnd.int(15, 18));
  return out;
}

/** Full-width forms of ASCII letters, digits and brackets, as a Chinese input method types them. */
const fullWidth = (text: string) =>
  text.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)).replace(/ /g, '\u3000');

const companyName = (city: string, brand: string, trade: string, form: string) => `${city}${brand}${trade}${form}`;
const bracketName = (city: string, brand: string, trade: string, form: string) => `${brand}${trade}（${city}）${form}`;

/** One character of the trade name or business changed as an input method would (or two swapped). */
function typo(rnd: Random, text: string): string {
  const chars = [...text];
  const positions = chars.map((ch, i) => (CONFUSABLE[ch] ? i : -1)).filter((i) => i >= 0);
  if (positions.length > 0 && rnd.chance(0.8)) {
    const at = rnd.pick(positions);
    chars[at] = CONFUSABLE[chars[at] ?? ''] ?? '';
    return chars.join('');
  }
  const at = rnd.int(0, chars.length - 2);
  [chars[at], chars[at + 1]] = [chars[at + 1] ?? '', chars[at] ?? ''];
  return chars.join('');
}

/** One character of a credit code's organisation part changed, or two swapped: its check no longer matches. */
function taxTypo(rnd: Random, taxId: string): string {
  for (;;) {
    const at = rnd.int(8, 15);
    if (rnd.chance(0.3)) {
      const swapped = taxId.slice(0, at) + taxId.charAt(at + 1) + taxId.charAt(at) + taxId.slice(at + 2);
      if (usccCheckChar(swapped.slice(0, 17)) !== swapped.charAt(17)) return swapped;
      continue;
    }
    const ch = rnd.pick([...ORG_ALPHABET]);
    if (ch === taxId.charAt(at)) continue;
    const wrong = taxId.slice(0, at) + ch + taxId.slice(at + 1);
    if (usccCheckChar(wrong.slice(0, 17)) !== wrong.charAt(17)) return wrong;
  }
}

/** A tax ID as people write it: in groups, lower case, with a hyphen, full-width, or O for 0. */
function taxAsTyped(rnd: Random, taxId: string): string {
  switch (rnd.int(0, 4)) {
    case 0:
      return `${taxId.slice(0, 4)} ${taxId.slice(4, 8)} ${taxId.slice(8, 13)} ${taxId.slice(13)}`;
    case 1:
      return taxId.toLowerCase();
    case 2:
      return `${taxId.slice(0, 8)}-${taxId.slice(8)}`;
    case 3:
      return fullWidth(taxId);
    default:
      return taxId.includes('0') ? taxId.replace(/0/g, 'O') : ` ${taxId.toLowerCase()} `;
  }
}

/** A record without its empty fields, to keep the file small. */
const compact = (record: PairRecord): PairRecord =>
  Object.fromEntries(Object.entries(record).filter(([, value]) => value !== '' && value !== undefined)) as PairRecord;

const pair = (kase: string, duplicate: boolean, a: PairRecord, b: PairRecord): LabelledPair => ({
  case: kase,
  duplicate,
  a: compact(a),
  b: compact(b),
});

/** Drops some of a record's details, as a quick add or a partial import leaves them. */
function partial(rnd: Random, record: PairRecord): PairRecord {
  const out: PairRecord = { name: record.name };
  if (record.taxId !== undefined) out.taxId = record.taxId;
  if (record.kind) out.kind = record.kind;
  if (rnd.chance(0.5) && record.address) out.address = record.address;
  if (rnd.chance(0.5) && record.phone) out.phone = record.phone;
  return out;
}

function companyPairs(rnd: Random, seed: CompanySeed, index: number): LabelledPair[] {
  const { city, brand, trade, form } = seed;
  const info = cityOf(city);
  const [, division] = rnd.pick(info.districts);
  const taxId = uscc(rnd, '1', division);
  const base: PairRecord = { name: companyName(city, brand, trade, form), taxId, ...contactIn(rnd, city) };
  base.phone ??= landline(rnd, city);
  const named = (name: string, extra: Partial<PairRecord> = {}): PairRecord => ({ ...base, name, ...extra });
  const out: LabelledPair[] = [];
  const altForm = form === '有限公司' ? '有限责任公司' : form === '有限责任公司' ? '有限公司' : '股份公司';
  const typoed = typo(rnd, brand + trade);

  // True duplicates: one customer written twice.
  out.push(pair('exactCopy', true, base, partial(rnd, base)));
  out.push(pair('width', true, base, named(fullWidth(base.name).replace(/\u3000/g, ''), { taxId: fullWidth(taxId) })));
  out.push(pair('brackets', true, base, named(bracketName(city, brand, trade, form))));
  out.push(
    pair('spaces', true, base, named(` ${city} ${brand}${trade}\u3000${form} `, { taxId: taxAsTyped(rnd, taxId) })),
  );
  out.push(pair('suffixForm', true, base, named(companyName(city, brand, trade, altForm))));
  out.push(pair('suffixShort', true, base, partial(rnd, named(`${city}${brand}${trade}公司`, { taxId: '' }))));
  out.push(
    pair('regionDropped', true, base, named(`${brand}${trade}${form}`, { taxId: rnd.chance(0.5) ? taxId : '' })),
  );
  const longRegion = info.province ? `${info.province}省${city}市` : `${city}市`;
  out.push(
    pair(
      'regionLong',
      true,
      base,
      named(`${longRegion}${brand}${trade}${form}`, { taxId: rnd.chance(0.5) ? taxId : '' }),
    ),
  );
  out.push(pair('typo', true, base, named(`${city}${typoed}${form}`)));
  out.push(pair('typoNoTaxId', true, base, partial(rnd, named(`${city}${typoed}${form}`, { taxId: '' }))));
  out.push(pair('typoRegionDropped', true, base, partial(rnd, named(`${typoed}${form}`, { taxId: '' }))));
  out.push(pair('shortName', true, base, partial(rnd, named(`${brand}${trade}`, { taxId: '' }))));
  out.push(pair('brandOnlySamePhone', true, base, { name: brand, phone: base.phone }));
  out.push(pair('taxIdAsTyped', true, base, named(base.name, { taxId: taxAsTyped(rnd, taxId) })));
  out.push(pair('taxIdTypo', true, base, named(base.name, { taxId: taxTypo(rnd, taxId) })));
  out.push(pair('taxIdMissing', true, base, named(base.name, { taxId: '', ...contactIn(rnd, city) })));
  const newBrand = NEW_BRANDS[index % NEW_BRANDS.length] ?? '远景';
  out.push(pair('renamed', true, base, named(companyName(city, newBrand, trade, form))));
  if (form !== '股份有限公司') {
    out.push(pair('jointStockConversion', true, base, named(companyName(city, brand, trade, '股份有限公司'))));
  }
  out.push(pair('legacyTaxId', true, named(base.name, { taxId: taxId.slice(2, 17) }), base));
  out.push(
    pair(
      'combined',
      true,
      base,
      partial(rnd, named(` ${fullWidth(`${brand}${trade}`)}（${city}）${altForm}`, { taxId: '' })),
    ),
  );

  // Look-alikes: other customers that share much of the name.
  const otherTrade = OTHER_TRADES[index % OTHER_TRADES.length] ?? '商贸';
  const sister: PairRecord = {
    name: companyName(city, brand, otherTrade, '有限公司'),
    taxId: uscc(rnd, '1', division),
    ...contactIn(rnd, city),
  };
  out.push(pair('otherTrade', false, base, sister));
  out.push(pair('otherTradeNoTaxId', false, base, { ...sister, taxId: '' }));
  const neighbour = NEIGHBOUR_BRANDS[brand];
  if (neighbour) {
    const other: PairRecord = {
      name: companyName(city, neighbour, trade, form),
      taxId: uscc(rnd, '1', division),
      ...contactIn(rnd, city),
    };
    out.push(pair('oneCharApart', false, base, other));
    if (index % 4 === 0) out.push(pair('oneCharApartNoTaxId', false, { ...base, taxId: '' }, { ...other, taxId: '' }));
  }
  const elsewhere = CITY_NAMES[(CITY_NAMES.indexOf(city) + 1 + (index % 5)) % CITY_NAMES.length] ?? '北京';
  const [, elsewhereDivision] = rnd.pick(cityOf(elsewhere).districts);
  const namesake: PairRecord = {
    name: companyName(elsewhere, brand, trade, form),
    taxId: uscc(rnd, '1', elsewhereDivision),
    ...contactIn(rnd, elsewhere),
  };
  out.push(pair('namesakeOtherCity', false, base, namesake));
  out.push(pair('namesakeOtherCityNoTaxId', false, { ...base, taxId: '' }, { ...namesake, taxId: '' }));
  out.push(
    pair('namesakeBracketRegion', false, base, { ...namesake, name: bracketName(elsewhere, brand, trade, form) }),
  );
  out.push(pair('namesakeRegionDropped', false, base, { ...namesake, name: `${brand}${trade}${form}` }));
  const branchCity = elsewhere;
  const branch: PairRecord = {
    name: `${base.name}${branchCity}分公司`,
    taxId: uscc(rnd, '1', elsewhereDivision),
    ...contactIn(rnd, branchCity),
  };
  out.push(pair('headOfficeAndBranch', false, base, branch));
  out.push(pair('headOfficeAndBranchNoTaxId', false, { ...base, taxId: '' }, { ...branch, taxId: '' }));
  out.push(pair('headOfficeAndBranchSamePhone', false, base, { ...branch, phone: base.phone, taxId: '' }));
  const third = CITY_NAMES[(CITY_NAMES.indexOf(branchCity) + 3) % CITY_NAMES.length] ?? '上海';
  const [, thirdDivision] = rnd.pick(cityOf(third).districts);
  out.push(
    pair('siblingBranches', false, branch, {
      name: `${base.name}${third}分公司`,
      taxId: rnd.chance(0.5) ? uscc(rnd, '1', thirdDivision) : '',
      ...contactIn(rnd, third),
    }),
  );
  out.push(
    pair('sameBranchTwice', true, branch, {
      ...branch,
      name: `${companyName(city, brand, trade, altForm)}${branchCity}市分公司`,
      taxId: rnd.chance(0.5) ? branch.taxId : '',
    }),
  );
  out.push(
    pair('groupAndSubsidiary', false, base, {
      name: `${brand}集团有限公司`,
      taxId: uscc(rnd, '1', division),
      ...contactIn(rnd, city),
    }),
  );
  out.push(
    pair('longerName', false, base, {
      name: companyName(city, brand, `${trade}发展`, form),
      taxId: rnd.chance(0.5) ? uscc(rnd, '1', division) : '',
      ...contactIn(rnd, city),
    }),
  );
  return out;
}

function crossCompanyPairs(rnd: Random): LabelledPair[] {
  const out: LabelledPair[] = [];
  for (let i = 0; i < 20; i++) {
    const x = COMPANIES[(i * 7) % COMPANIES.length] as CompanySeed;
    const y = COMPANIES[(i * 7 + 3) % COMPANIES.length] as CompanySeed;
    const [, dx] = rnd.pick(cityOf(x.city).districts);
    const [, dy] = rnd.pick(cityOf(y.city).districts);
    const agencyPhone = landline(rnd, x.city);
    const a: PairRecord = {
      name: companyName(x.city, x.brand, x.trade, x.form),
      taxId: uscc(rnd, '1', dx),
      ...contactIn(rnd, x.city),
      phone: agencyPhone,
    };
    const b: PairRecord = {
      name: companyName(y.city, y.brand, y.trade, y.form),
      taxId: i % 2 ? uscc(rnd, '1', dy) : '',
      ...contactIn(rnd, y.city),
      phone: agencyPhone,
    };
    out.push(pair('agencySharedPhone', false, a, b));
    const building = `${x.city}市${rnd.pick(ROADS)}路${rnd.int(1, 999)}号${rnd.int(2, 30)}层`;
    out.push(
      pair('sameBuilding', false, { ...a, taxId: '', address: building }, { ...b, taxId: '', address: building }),
    );
    if (i < 10) out.push(pair('wrongTaxIdCopied', false, a, { ...b, taxId: a.taxId, phone: landline(rnd, y.city) }));
  }
  return out;
}

function shopPairs(rnd: Random): LabelledPair[] {
  const out: LabelledPair[] = [];
  for (const [i, s] of SHOPS.entries()) {
    const city = cityOf(s.city);
    const division = city.districts.find(([d]) => d === s.district)?.[1] ?? city.districts[0]?.[1] ?? '110108';
    const base: PairRecord = {
      name: `${s.city}市${s.district}区${s.owner}${s.shop}`,
      taxId: uscc(rnd, '2', division),
      kind: 'individualBusiness',
      ...contactIn(rnd, s.city),
    };
    out.push(pair('shopExactCopy', true, base, partial(rnd, base)));
    out.push(pair('shopCityDropped', true, base, { ...base, name: `${s.district}区${s.owner}${s.shop}`, taxId: '' }));
    out.push(pair('shopSpaces', true, base, { ...base, name: `${s.city}市 ${s.district}区 ${s.owner}${s.shop}` }));
    out.push(pair('shopTaxIdMissing', true, base, { ...base, taxId: '', address: '' }));
    const other = city.districts.find(([d]) => d !== s.district);
    if (other) {
      out.push(
        pair('shopNamesakeOtherDistrict', false, base, {
          ...base,
          name: `${s.city}市${other[0]}区${s.owner}${s.shop}`,
          taxId: i % 2 ? uscc(rnd, '2', other[1]) : '',
          ...contactIn(rnd, s.city),
        }),
      );
    }
    const elsewhere = CITY_NAMES[(CITY_NAMES.indexOf(s.city) + 2) % CITY_NAMES.length] ?? '北京';
    const [district, code] = rnd.pick(cityOf(elsewhere).districts);
    out.push(
      pair('shopNamesakeOtherCity', false, base, {
        name: `${elsewhere}市${district}区${s.owner}${s.shop}`,
        taxId: i % 2 ? uscc(rnd, '2', code) : '',
        kind: 'individualBusiness',
        ...contactIn(rnd, elsewhere),
      }),
    );
  }
  return out;
}

function personPairs(rnd: Random): LabelledPair[] {
  const out: LabelledPair[] = [];
  for (const [i, name] of PEOPLE.entries()) {
    const city = CITY_NAMES[i % CITY_NAMES.length] ?? '北京';
    const base: PairRecord = {
      name,
      kind: 'naturalPerson',
      mobile: mobile(rnd),
      address: contactIn(rnd, city).address,
    };
    const typed = base.mobile ?? '';
    const asTyped = [
      typed,
      `${typed.slice(0, 3)} ${typed.slice(3, 7)} ${typed.slice(7)}`,
      `+86 ${typed}`,
      `${typed.slice(0, 3)}-${typed.slice(3, 7)}-${typed.slice(7)}`,
    ][i % 4];
    out.push(pair('personSameMobile', true, base, { name, kind: 'naturalPerson', mobile: asTyped }));
    const withAccount: PairRecord = { ...base, mobile: '', bankAccount: rnd.int(1, 9) + rnd.digits(18) };
    out.push(
      pair('personSameAccount', true, withAccount, {
        name: [...name].join(' '),
        kind: 'naturalPerson',
        bankAccount: withAccount.bankAccount,
      }),
    );
    out.push(pair('personNamesake', false, base, { name, kind: 'naturalPerson', mobile: mobile(rnd) }));
    out.push(
      pair('personNamesakeOtherPhone', false, withAccount, {
        name,
        kind: 'naturalPerson',
        ...contactIn(rnd, CITY_NAMES[(i + 5) % CITY_NAMES.length] ?? '上海'),
      }),
    );
  }
  return out;
}

/** The whole labelled set, in a fixed order. */
export function labelledPairs(): LabelledPair[] {
  usedTaxIds.clear();
  const rnd = makeRandom(20250601);
  return [
    ...COMPANIES.flatMap((seed, i) => companyPairs(rnd, seed, i)),
    ...crossCompanyPairs(rnd),
    ...shopPairs(rnd),
    ...personPairs(rnd),
  ];
}

/** The file's text: one pair per line, so that a change to the generator shows as a readable diff. */
export const pairsFileText = (pairs: readonly LabelledPair[]) =>
  `[\n${pairs.map((p) => JSON.stringify(p)).join(',\n')}\n]\n`;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(PAIRS_FILE, pairsFileText(labelledPairs()));
}
