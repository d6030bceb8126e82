import { type RegionWord, regionAt, regionOf } from './regions';
import { foldName, hasAt } from './text';

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
  // Not a legal form, but clerks write it for 股份有限公司.
  ['股份有限责任公司', 'jointStock'],
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

/** Adds a region word to what is known; false (and nothing added) when it contradicts it. */
function addRegion(region: Region, word: RegionWord): boolean {
  if (region.province && region.province !== word.province) return false;
  if (region.city && word.city && region.city !== word.city) return false;
  region.province = word.province;
  if (word.city) region.city = word.city;
  return true;
}

/** A district right at `at` (海淀区, 浦东新区, 余杭县), before `stop`: two or three characters and its ending. */
function districtAt(text: string, at: number, stop: number): { name: string; length: number } | null {
  for (let length = 2; length <= 3; length++) {
    const end = at + length;
    if (end + 2 <= stop && hasAt(text, '新区', end)) return { name: text.slice(at, end), length: length + 2 };
    const ch = end < stop ? text.charCodeAt(end) : 0;
    if (ch === 0x533a || ch === 0x53bf) return { name: text.slice(at, end), length: length + 1 };
  }
  return null;
}

/** The branch word `text` ends with, from `words`, or ''. */
function endingIn(text: string, words: readonly string[]): string {
  for (const word of words) if (hasAt(text, word, text.length - word.length)) return word;
  return '';
}

/** Where a branch's designation begins in `text` (its head office's name before it); text.length for no branch. */
function branchAt(text: string): number {
  const anchoredOnly = endingIn(text, ANCHORED_BRANCH_WORDS);
  const word = anchoredOnly || endingIn(text, BRANCH_WORDS);
  if (!word || text.length <= word.length + 1) return text.length;
  const wordAt = text.length - word.length;
  let headEnd = -1;
  for (const ending of HEAD_ENDINGS) {
    const at = text.lastIndexOf(ending, wordAt - ending.length);
    if (at > 0 && at + ending.length > headEnd) headEnd = at + ending.length;
  }
  if (headEnd > 0) return headEnd;
  if (anchoredOnly) return text.length;
  // No legal form to cut at (小米之家朝阳分店): the designation is a region or district just before the word.
  // A city (上海, 上海市) first, then a district of two characters (朝阳区) before one of three (浦东新区).
  for (let length = 4; length >= 2; length--) {
    if (wordAt - length >= 2 && regionOf(text.slice(wordAt - length, wordAt))) return wordAt - length;
  }
  for (const length of [3, 4]) {
    if (wordAt - length >= 2 && /^[\u4e00-\u9fff]{2,3}[区县]$/.test(text.slice(wordAt - length, wordAt))) {
      return wordAt - length;
    }
  }
  return wordAt;
}

/** A branch's designation without the formal endings people add or leave out (上海市分公司 = 上海分公司). */
const branchKey = (branch: string) => branch.replace(/[省市]/g, '');

/**
 * Takes a name apart: region (at the start, or in brackets anywhere: 小米科技（北京）有限公司), core, legal form
 * and branch. Pure and quick (no dictionary), so it runs for every customer of a full scan.
 */
export function analyzeName(name: string): NameAnalysis {
  const folded = foldName(name);
  const region: Region = { province: '', city: '', district: '' };
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

  // The core is what remains between the region and the legal form: found as positions, then cut out once.
  let end = branchAt(text);
  const branch = end < text.length ? branchKey(text.slice(end)) : '';

  for (const [ending, f] of FORMS) {
    if (end > ending.length + 1 && hasAt(text, ending, end - ending.length)) {
      end -= ending.length;
      if (!form || f !== 'company') form = f;
      break;
    }
  }

  // Region words at the start, as long as they agree with each other and leave a core of two characters.
  let at = 0;
  for (;;) {
    const found = regionAt(text, at, end);
    // addRegion changes nothing when the word contradicts what is known.
    if (!found || end - at - found.length < 2 || !addRegion(region, found.word)) break;
    at += found.length;
  }
  // A district follows a region (北京市海淀区…, 上海浦东新区…), or opens a small business's name (海淀区张记便利店).
  {
    const district = districtAt(text, at, end);
    if (district && end - at - district.length >= (at === 0 ? 3 : 2)) {
      region.district = district.name;
      at += district.length;
    }
  }
  const core = text.slice(at, end);
  const strength = form && core.length >= 2 ? 'strong' : core.length >= 4 ? 'medium' : 'weak';
  return { folded, region, core, form, branch, strength };
}

/**
 * What tells a company from others, for a quick lookup (the popup's duplicate warning, lib/background/similar.ts): no
 * region, legal form or branch, folded (北京小米科技有限责任公司, 小米科技（北京）有限公司 → 小米科技).
 */
export const nameCore = (name: string) => analyzeName(name).core;
