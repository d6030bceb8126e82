import type { BillingEntry, Customer } from '../domain/customer';
import { checkTaxId } from '../domain/tax-id';
import { analyzeName, type NameAnalysis } from './names';
import { provinceCodeAt } from './regions';
import { digitsOf, foldAddress } from './text';

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

/** What a comparison needs of a customer, computed once per scan. */
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
  accounts: readonly string[];
  phones: readonly string[];
  addresses: readonly string[];
  emails: readonly string[];
}

/** One character of a tax ID as looseTaxId gives it: -1 when dropped. */
function looseCode(code: number): number {
  let c = code >= 0xff01 && code <= 0xff5e ? code - 0xfee0 : code;
  if (c === 0x20 || c === 0x2d || c === 0x3000 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0) return -1;
  if (c >= 0x61 && c <= 0x7a) c -= 0x20;
  if (c === 0x4f) return 0x30;
  if (c === 0x49) return 0x31;
  return c;
}

/**
 * A tax ID as dedup compares it: as normalizeTaxId gives it (half-width, upper-case, no spaces or hyphens), and O
 * read as 0, I as 1 (a credit code has neither letter). A scan reads every tax ID of the book, and most need no
 * change: those are given back as they are.
 */
export function looseTaxId(taxId: string): string {
  let i = 0;
  while (i < taxId.length && looseCode(taxId.charCodeAt(i)) === taxId.charCodeAt(i)) i++;
  if (i === taxId.length) return taxId;
  const codes: number[] = [];
  for (let x = 0; x < i; x++) codes.push(taxId.charCodeAt(x));
  for (; i < taxId.length; i++) {
    const c = looseCode(taxId.charCodeAt(i));
    if (c >= 0) codes.push(c);
  }
  return String.fromCharCode(...codes);
}

/** What a profile knows of its tax ID (see Profile), set by taxFacts: one scratch record rather than one per customer. */
const facts = { taxValid: false, orgCode: '', taxProvince: '' };

function taxFacts(taxId: string): void {
  facts.taxValid = false;
  facts.orgCode = '';
  facts.taxProvince = '';
  if (!taxId) return;
  const verdict = checkTaxId(taxId);
  if (verdict.kind === 'uscc' && verdict.ok) {
    facts.taxValid = true;
    facts.orgCode = taxId.slice(8, 17);
    facts.taxProvince = provinceCodeAt(taxId, 2);
  } else if (verdict.kind === 'legacy' && verdict.length === 15) {
    facts.taxValid = true;
    facts.orgCode = taxId.slice(6);
    facts.taxProvince = provinceCodeAt(taxId, 0);
  } else facts.taxValid = verdict.kind === 'legacy';
}

// Where each digit group of a phone starts and ends, reused between calls: a scan reads every phone of the book.
let runs = new Int32Array(32);

const startOf = (group: number) => runs[2 * group] ?? 0;
const endOf = (group: number) => runs[2 * group + 1] ?? 0;

/** The phone with full-width digits as ASCII ones (the same length), or as it is when it has none. */
function halfWidthDigits(phone: string): string {
  let i = 0;
  while (i < phone.length && !(phone.charCodeAt(i) >= 0xff10 && phone.charCodeAt(i) <= 0xff19)) i++;
  if (i === phone.length) return phone;
  let out = phone.slice(0, i);
  for (; i < phone.length; i++) {
    const c = phone.charCodeAt(i);
    out += c >= 0xff10 && c <= 0xff19 ? String.fromCharCode(c - 0xfee0) : phone.charAt(i);
  }
  return out;
}

/**
 * The local number of a phone, for comparing: a mobile's eleven digits, a landline without its area code or
 * extension (0571-88888888-12, (0571) 8888 8888 and 88888888 meet); '' for fewer than seven digits.
 */
export function phoneKey(phone: string): string {
  // Digit groups as typed, as positions in the text: 0571-8888 8888 → 0571, 8888, 8888; full-width digits count.
  const text = halfWidthDigits(phone);
  let n = 0;
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) {
      i++;
      continue;
    }
    const from = i;
    while (i < text.length && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
    if (2 * n + 2 > runs.length) {
      const bigger = new Int32Array(runs.length * 2);
      bigger.set(runs);
      runs = bigger;
    }
    runs[2 * n] = from;
    runs[2 * n + 1] = i;
    n++;
  }
  if (n === 0) return '';
  // The groups used are g…n-1, the first of them from `first` on.
  let g = 0;
  let first = startOf(0);
  if (endOf(0) - first === 2 && text.startsWith('86', first) && n > 1) {
    const trimmed = phone.trimStart();
    if (trimmed.startsWith('+') || trimmed.startsWith('00')) first = startOf(++g);
  } else if (text.startsWith('0086', first)) first += 4;
  const count = n - g;
  let length = 0;
  let lead = -1;
  for (let x = g; x < n; x++) {
    const from = x === g ? first : startOf(x);
    if (lead < 0 && endOf(x) > from) lead = text.charCodeAt(from);
    length += endOf(x) - from;
  }
  if (length === 11 && lead === 0x31) {
    let all = '';
    for (let x = g; x < n; x++) all += text.slice(x === g ? first : startOf(x), endOf(x));
    return all;
  }
  const firstLength = endOf(g) - first;
  const firstLead = firstLength > 0 ? text.charCodeAt(first) : -1;
  if (count > 1 && firstLead === 0x30 && firstLength >= 3 && firstLength <= 4) {
    const second = endOf(g + 1) - startOf(g + 1);
    if (second < 7 && count > 2) {
      return second + endOf(g + 2) - startOf(g + 2) >= 7
        ? text.slice(startOf(g + 1), endOf(g + 1)) + text.slice(startOf(g + 2), endOf(g + 2))
        : '';
    }
    return second >= 7 ? text.slice(startOf(g + 1), endOf(g + 1)) : '';
  }
  if (count === 1 && firstLead === 0x30 && firstLength >= 10 && firstLength <= 12) {
    // Area codes 010 and 02x have three digits, the others four.
    const second = text.charCodeAt(first + 1);
    const areaCode = second === 0x31 || second === 0x32 ? 3 : 4;
    return firstLength - areaCode >= 7 ? text.slice(first + areaCode, endOf(g)) : '';
  }
  return firstLength >= 7 ? text.slice(first, endOf(g)) : '';
}

/**
 * The initials of the core, read off the stored name key and its initials: each Chinese character has one initial,
 * any other character stands for itself (see lib/search/keys.ts). '' when they do not line up.
 */
function coreInitials(core: string, keys: DedupRecord['keys']): string {
  if (!keys || !core) return '';
  const { name, initials } = keys;
  if (name.length === initials.length) {
    // One initial per code unit (no characters outside the BMP): the core's initials are the same stretch.
    const at = name.indexOf(core);
    if (at >= 0) return initials.slice(at, at + core.length);
  }
  const initialOf = new Map<string, string>();
  const letters = Array.from(initials);
  let j = 0;
  for (const ch of name) {
    const initial = letters[j++];
    if (initial === undefined) return '';
    if (initial !== ch) initialOf.set(ch, initial);
  }
  if (j !== letters.length) return '';
  let out = '';
  for (const ch of core) out += initialOf.get(ch) ?? ch;
  return out;
}

// A profile's lists are nearly always empty or of one item: built in a scratch list, then copied at their size
// (an empty one shared), rather than grown from empty arrays, four per customer, in a scan of the whole book. The
// shared one is not frozen: a frozen array is another kind of array to V8, and scoring would then meet two kinds.
const NONE: readonly string[] = [];
const scratch: string[] = [];
let scratchCount = 0;

/** Adds `value` to the scratch list unless it is too short or already there. */
function note(value: string, min: number) {
  if (value.length < min) return;
  for (let i = 0; i < scratchCount; i++) if (scratch[i] === value) return;
  scratch[scratchCount++] = value;
}

/** The scratch list as a list of its own; the scratch list is emptied. */
function taken(): readonly string[] {
  if (scratchCount === 0) return NONE;
  const out = scratch.slice(0, scratchCount);
  scratch.fill('', 0, scratchCount);
  scratchCount = 0;
  return out;
}

/** Everything a comparison needs of one customer; `id` defaults to '' for a draft. */
export function profileOf(record: DedupRecord): Profile {
  const name = analyzeName(record.name);
  const taxId = looseTaxId(record.taxId);
  taxFacts(taxId);
  const entries = record.entries as readonly BillingEntry[];
  for (const e of entries) if (e.bankAccount) note(digitsOf(e.bankAccount), 8);
  const accounts = taken();
  for (const e of entries) if (e.phone) note(phoneKey(e.phone), 1);
  if (record.mobile) note(phoneKey(record.mobile), 1);
  const phones = taken();
  for (const e of entries) if (e.address) note(foldAddress(e.address), 6);
  const addresses = taken();
  if (record.email) note(record.email.trim().toLowerCase(), 1);
  const emails = taken();
  return {
    id: record.id ?? '',
    kind: record.kind,
    name,
    taxId,
    taxValid: facts.taxValid,
    orgCode: facts.orgCode,
    taxProvince: facts.taxProvince,
    // A branch's name begins with its head office's region, not its own.
    province: facts.taxProvince || (name.branch ? '' : name.region.province),
    initials: coreInitials(name.core, record.keys),
    accounts,
    phones,
    addresses,
    emails,
  };
}

/** The shortest core that is worth fuzzy keys: shorter ones differ by one character from too many others. */
const FUZZY_MIN = 4;
const FUZZY_MAX = 24;

// Block keys are hashed to small integers rather than kept as strings: a full scan files a hundred thousand
// customers under a dozen keys each, and numbers are far cheaper to make and to look up. Two keys that collide
// merely share a block, which costs a comparison, never a missed pair.
const PRIME = 0x01000193;
const mix = (h: number, code: number) => Math.imul(h ^ code, PRIME);
function mixText(h: number, text: string): number {
  let out = h;
  for (let i = 0; i < text.length; i++) out = mix(out, text.charCodeAt(i));
  return out;
}
function finish(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x & 0x3fffffff;
}
const SEP = 0xffff;
const start = (tag: string) => mix(0x811c9dc5, tag.charCodeAt(0));
const key = (tag: string, text: string) => finish(mixText(start(tag), text));

/** Receives one block key: `probeOnly` when the customer only looks into the block (see blockKeys). */
export type KeySink = (key: number, probeOnly: boolean) => void;

function fuzzyKeys(p: Profile, scope: string, probeOnly: boolean, sink: KeySink) {
  const { core, branch } = p.name;
  const scoped = mix(mixText(start('f'), scope), SEP);
  if (core.length >= FUZZY_MIN && core.length <= FUZZY_MAX) {
    // The core itself and the core less each character in turn: two cores one edit apart share one of these. The
    // core less character i goes on from the hash of its first i characters rather than hashing it all again.
    sink(finish(mixText(mix(mixText(scoped, core), SEP), branch)), probeOnly);
    let prefix = scoped;
    for (let i = 0; i < core.length; i++) {
      let less = prefix;
      for (let x = i + 1; x < core.length; x++) less = mix(less, core.charCodeAt(x));
      sink(finish(mixText(mix(less, SEP), branch)), probeOnly);
      prefix = mix(prefix, core.charCodeAt(i));
    }
  }
  if (p.initials.length >= 3 && p.initials !== core) {
    sink(finish(mixText(mix(mixText(mix(scoped, 0x69), p.initials), SEP), branch)), probeOnly);
  }
}

/** How many of a profile's first keys are strong: tax ID, organisation code, folded name. */
export const strongKeys = (p: Profile) => (p.taxId ? 1 : 0) + (p.orgCode ? 1 : 0) + (p.name.folded ? 1 : 0);

/**
 * A profile's block keys, each given to `sink` with whether the customer is filed under it or only looks into it
 * (meeting the members, not others that only look). Exact keys first: tax ID, organisation code and folded name
 * (the strong ones, see strongKeys), core (region and legal form dropped; a branch also looks for its head office's
 * core and meets its sibling branches), bank account, phone. Then fuzzy keys, within a province: the core, the core
 * less one character, and the core's pinyin initials. A customer whose province is unknown is filed under '?', and
 * the others look there too. A customer with a valid tax ID only looks into fuzzy blocks: two customers with
 * different valid tax IDs are never suggested for names that are only alike (see score.ts), so pairing them there
 * would only cost time. Keys are hashes, and go to a sink rather than a list, because a scan files a hundred
 * thousand customers under a score of keys each.
 */
export function blockKeys(p: Profile, sink: KeySink): void {
  if (p.taxId) sink(key('t', p.taxId), false);
  if (p.orgCode) sink(key('o', p.orgCode), false);
  if (p.name.folded) sink(key('n', p.name.folded), false);
  const { core, branch } = p.name;
  const coreKey = mixText(start('c'), core);
  if (core) sink(finish(mixText(mix(coreKey, SEP), branch)), false);
  // A branch looks for its head office and files itself with its sibling branches: never the same customer, but
  // worth a word on add, and the scan must know them to keep them apart.
  if (core && branch) {
    sink(finish(mix(coreKey, SEP)), true);
    sink(key('h', core), false);
  }
  for (const a of p.accounts) sink(key('a', a), false);
  for (const ph of p.phones) sink(key('p', ph), false);
  fuzzyKeys(p, p.province || '?', p.taxValid, sink);
  if (p.province) fuzzyKeys(p, '?', true, sink);
}
