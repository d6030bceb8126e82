import type { BillingEntry, Customer } from '../domain/customer';
import { normalizePhone, normalizeTaxId } from '../domain/normalize';
import { checkTaxId } from '../domain/tax-id';
import { isProvinceCode, type RegionWord, regionAt, regionOf } from './regions';
import { digitsOf, foldAddress, foldName } from './text';

/** Legal forms, by what they say about identity: 有限公司 and 有限责任公司 are one form, 股份有限公司 another. */
export type LegalForm = 'limited' | 'jointStock' | 'partnership' | 'company' | '';

/** Where a name says a company is registered: province code, city and district, each '' when not said. */
export interface Region {
  province: string;
  city: string;
  district: string;
}

/** A company name taken apart for comparison. */
export interface NameAnalysis {
  /** The whole name folded (foldName): equal folds are the same name written another way. */
  folded: string;
  region: Region;
  /** What tells the company from others: the trade name and the line of business (小米科技). */
  core: string;
  form: LegalForm;
  /** A branch's own designation (上海分公司, 北京海淀支行), '' for a head office; core, region and form are its head's. */
  branch: string;
  /**
   * How much the name alone says: 'strong' with a legal form, 'medium' for longer names without one (shops,
   * institutions), 'weak' for two or three characters (a person, or a company written short).
   */
  strength: 'strong' | 'medium' | 'weak';
}

// Longest first. 公司 alone is how clerks shorten any form, so it is a form of its own that matches all others.
const FORMS: readonly [ending: string, form: LegalForm][] = [
  ['股份有限公司', 'jointStock'],
  ['有限责任公司', 'limited'],
  ['股份公司', 'jointStock'],
  ['有限公司', 'limited'],
  ['合伙企业', 'partnership'],
  ['公司', 'company'],
];
const PARTNERSHIP = new Set(['有限合伙', '普通合伙', '特殊普通合伙']);

// A branch is registered, invoiced and taxed on its own (its own credit code): never its head office. The words
// in the second list also end the names of small businesses (张三五金经营部), so they mark a branch only after a
// head office's name (…有限公司北京经营部).
const BRANCH_WORDS = ['分公司', '分行', '支行', '分店', '分厂', '分所', '分院', '分社'];
const ANCHORED_BRANCH_WORDS = ['分理处', '办事处', '营业部', '代表处', '营业厅', '经营部', '门市部', '分部'];
/** Where a head office's name ends inside a branch's name: after its legal form, a bank's 银行, a group's 集团. */
const HEAD_ENDINGS = ['公司', '银行', '集团', '合伙企业'];

const EMPTY_REGION: Region = { province: '', city: '', district: '' };

/** Adds a region word to what is known; false (and nothing added) when it contradicts it. */
function addRegion(region: Region, word: RegionWord): boolean {
  if (region.province && region.province !== word.province) return false;
  if (region.city && word.city && region.city !== word.city) return false;
  region.province = word.province;
  if (word.city) region.city = word.city;
  return true;
}

/** A district right at `at` (海淀区, 浦东新区, 余杭县): two or three characters and its ending. */
function districtAt(text: string, at: number): { name: string; length: number } | null {
  for (let length = 2; length <= 3; length++) {
    const end = at + length;
    if (text.startsWith('新区', end)) return { name: text.slice(at, end), length: length + 2 };
    const ch = text.charAt(end);
    if (ch === '区' || ch === '县') return { name: text.slice(at, end), length: length + 1 };
  }
  return null;
}

function splitBranch(text: string): { head: string; branch: string } {
  const anchoredOnly = ANCHORED_BRANCH_WORDS.find((w) => text.endsWith(w));
  const word = anchoredOnly ?? BRANCH_WORDS.find((w) => text.endsWith(w));
  if (!word || text.length <= word.length + 1) return { head: text, branch: '' };
  const wordAt = text.length - word.length;
  let headEnd = -1;
  for (const ending of HEAD_ENDINGS) {
    const at = text.lastIndexOf(ending, wordAt - ending.length);
    if (at > 0 && at + ending.length > headEnd) headEnd = at + ending.length;
  }
  if (headEnd > 0) return { head: text.slice(0, headEnd), branch: text.slice(headEnd) };
  if (anchoredOnly) return { head: text, branch: '' };
  // No legal form to cut at (小米之家朝阳分店): the designation is a region or district just before the word.
  for (let length = 4; length >= 2; length--) {
    const at = wordAt - length;
    if (at < 2) continue;
    const before = text.slice(at, wordAt);
    if (regionOf(before) || /^[\u4e00-\u9fff]{1,3}[区县]$/.test(before)) {
      return { head: text.slice(0, at), branch: text.slice(at) };
    }
  }
  return { head: text.slice(0, wordAt), branch: word };
}

/** A branch's designation without the formal endings people add or leave out (上海市分公司 = 上海分公司). */
const branchKey = (branch: string) => branch.replace(/[省市]/g, '');

/**
 * Takes a name apart: region (at the start, or in brackets anywhere: 小米科技（北京）有限公司), core, legal form
 * and branch. Pure and quick (no dictionary), so it runs for every customer of a full scan.
 */
export function analyzeName(name: string): NameAnalysis {
  const folded = foldName(name);
  const region: Region = { ...EMPTY_REGION };
  let form: LegalForm = '';

  // Bracketed parts: a region, a partnership's kind, or text that only lost its brackets.
  let text = folded;
  if (text.includes('(')) {
    text = text.replace(/\(([^()]*)\)/g, (_, inner: string) => {
      const word = regionOf(inner);
      if (word && addRegion(region, word)) return '';
      if (PARTNERSHIP.has(inner)) {
        form = 'partnership';
        return '';
      }
      return inner;
    });
    text = text.replace(/[()]/g, '');
  }

  const { head, branch } = splitBranch(text);
  text = head;

  for (const [ending, f] of FORMS) {
    if (text.endsWith(ending) && text.length > ending.length + 1) {
      text = text.slice(0, -ending.length);
      if (!form || f !== 'company') form = f;
      break;
    }
  }

  // Region words at the start, as long as they agree with each other and leave a core of two characters.
  let at = 0;
  for (;;) {
    const found = regionAt(text, at);
    if (!found || text.length - at - found.length < 2) break;
    const probe = { ...region };
    if (!addRegion(probe, found.word)) break;
    Object.assign(region, probe);
    at += found.length;
  }
  // A district follows a region (北京市海淀区…, 上海浦东新区…), or opens a small business's name (海淀区张记便利店).
  {
    const district = districtAt(text, at);
    if (district && text.length - at - district.length >= (at === 0 ? 3 : 2)) {
      region.district = district.name;
      at += district.length;
    }
  }
  const core = text.slice(at);
  const strength = form && core.length >= 2 ? 'strong' : core.length >= 4 ? 'medium' : 'weak';
  return { folded, region, core, form, branch: branchKey(branch), strength };
}

/** What dedup knows of a customer: a stored one, an import row or a draft (id and keys optional there). */
export type DedupRecord = Pick<Customer, 'name' | 'taxId' | 'kind' | 'entries'> &
  Partial<
    Pick<
      Customer,
      | 'id'
      | 'keys'
      | 'email'
      | 'mobile'
      | 'contact'
      | 'review'
      | 'useCount'
      | 'lastUsedAt'
      | 'updatedAt'
      | 'defaultEntryId'
    >
  >;

/** A customer's comparison keys, computed once per scan. */
export interface Profile {
  id: string;
  kind: Customer['kind'];
  name: NameAnalysis;
  /** normalizeTaxId, then O read as 0 and I as 1 (letters a credit code never has). */
  taxId: string;
  /** The tax ID passes its check (a credit code's check character, or the shape of an older number). */
  taxValid: boolean;
  /** The nine-character organisation code inside a credit code, or an old fifteen-digit tax ID's last nine. */
  orgCode: string;
  /** The province a valid credit code (or old tax ID) was registered in; '' when unknown. */
  taxProvince: string;
  /** The tax ID's province, else the name's (not for a branch: its name begins with its head office's region). */
  province: string;
  /** Pinyin initials of the core, from the stored keys; '' without them. */
  initials: string;
  accounts: string[];
  phones: string[];
  addresses: string[];
  emails: string[];
}

/** A tax ID as dedup compares it: normalised, O as 0 and I as 1 (a credit code has neither letter). */
export const looseTaxId = (taxId: string) => normalizeTaxId(taxId).replace(/O/g, '0').replace(/I/g, '1');

function taxFacts(taxId: string): Pick<Profile, 'taxValid' | 'orgCode' | 'taxProvince'> {
  if (!taxId) return { taxValid: false, orgCode: '', taxProvince: '' };
  const verdict = checkTaxId(taxId);
  if (verdict.kind === 'uscc' && verdict.ok) {
    const province = taxId.slice(2, 4);
    return { taxValid: true, orgCode: taxId.slice(8, 17), taxProvince: isProvinceCode(province) ? province : '' };
  }
  if (verdict.kind === 'legacy' && verdict.length === 15) {
    const province = taxId.slice(0, 2);
    return { taxValid: true, orgCode: taxId.slice(6), taxProvince: isProvinceCode(province) ? province : '' };
  }
  return { taxValid: verdict.kind === 'legacy', orgCode: '', taxProvince: '' };
}

/** The local number of a phone (area code and extension dropped): 0571-88888888-12 and 88888888 meet. */
export function phoneKey(phone: string): string {
  const normal = normalizePhone(phone);
  const digits = digitsOf(normal);
  if (/^1\d{10}$/.test(digits)) return digits;
  const groups = normal.split('-');
  const number = groups.length > 1 && /^0\d{2,3}$/.test(groups[0] ?? '') ? groups[1] : groups[0];
  const local = digitsOf(number ?? '');
  return local.length >= 7 ? local : '';
}

/**
 * The initials of the core, read off the stored name key and its initials: each Chinese character has one initial,
 * any other character stands for itself (see lib/search/keys.ts). '' when they do not line up.
 */
function coreInitials(core: string, keys: DedupRecord['keys']): string {
  if (!keys || !core) return '';
  const initialOf = new Map<string, string>();
  const initials = Array.from(keys.initials);
  let j = 0;
  for (const ch of keys.name) {
    const initial = initials[j++];
    if (initial === undefined) return '';
    if (initial !== ch) initialOf.set(ch, initial);
  }
  if (j !== initials.length) return '';
  let out = '';
  for (const ch of core) out += initialOf.get(ch) ?? ch;
  return out;
}

const unique = (items: string[]) => [...new Set(items.filter(Boolean))];

/** Everything a comparison needs of one customer; `id` defaults to '' for a draft. */
export function profileOf(record: DedupRecord): Profile {
  const name = analyzeName(record.name);
  const taxId = looseTaxId(record.taxId);
  const facts = taxFacts(taxId);
  const entries: readonly BillingEntry[] = record.entries;
  return {
    id: record.id ?? '',
    kind: record.kind,
    name,
    taxId,
    ...facts,
    // A branch's name begins with its head office's region, not its own.
    province: facts.taxProvince || (name.branch ? '' : name.region.province),
    initials: coreInitials(name.core, record.keys),
    accounts: unique(entries.map((e) => digitsOf(e.bankAccount)).filter((a) => a.length >= 8)),
    phones: unique([...entries.map((e) => phoneKey(e.phone)), phoneKey(record.mobile ?? '')]),
    addresses: unique(entries.map((e) => foldAddress(e.address)).filter((a) => a.length >= 6)),
    emails: unique([(record.email ?? '').trim().toLowerCase()]),
  };
}

/** The shortest core that is worth fuzzy keys: shorter ones differ by one character from too many others. */
const FUZZY_MIN = 4;
const FUZZY_MAX = 24;

/**
 * The block keys a profile is filed under (`emit`) and looked up by (`probe`). Exact keys: tax ID, organisation
 * code, folded name, core (region and legal form dropped), bank account, phone. Fuzzy keys, within a province: the
 * core with one character deleted (two cores one edit apart share one) and the core's pinyin initials. A profile
 * whose province is unknown is filed under '?', and profiles of known province also look there.
 */
export function blockKeys(p: Profile): { emit: string[]; probe: string[] } {
  const exact: string[] = [];
  if (p.taxId) exact.push(`t:${p.taxId}`);
  if (p.orgCode) exact.push(`o:${p.orgCode}`);
  if (p.name.folded) exact.push(`n:${p.name.folded}`);
  if (p.name.core) exact.push(`c:${p.name.core}|${p.name.branch}`);
  for (const a of p.accounts) exact.push(`a:${a}`);
  for (const ph of p.phones) exact.push(`p:${ph}`);

  const fuzzy: string[] = [];
  const core = p.name.core;
  if (core.length >= FUZZY_MIN && core.length <= FUZZY_MAX) {
    for (let i = 0; i < core.length; i++) fuzzy.push(`d:${core.slice(0, i)}${core.slice(i + 1)}|${p.name.branch}`);
  }
  if (p.initials.length >= 3 && p.initials !== core) fuzzy.push(`i:${p.initials}|${p.name.branch}`);

  const scope = p.province || '?';
  const emit = [...exact, ...fuzzy.map((k) => `${scope}${k}`)];
  const probe = p.province ? [...emit, ...fuzzy.map((k) => `?${k}`)] : emit;
  return { emit, probe };
}
