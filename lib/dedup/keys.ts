import type { BillingEntry, Customer } from '../domain/customer';
import { checkTaxId } from '../domain/tax-id';
import { analyzeName, type NameAnalysis } from './names';
import { isProvinceCode } from './regions';
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
  accounts: string[];
  phones: string[];
  addresses: string[];
  emails: string[];
}

/**
 * A tax ID as dedup compares it: as normalizeTaxId gives it (half-width, upper-case, no spaces or hyphens), and O
 * read as 0, I as 1 (a credit code has neither letter). One pass: a scan reads every tax ID of the book.
 */
export function looseTaxId(taxId: string): string {
  const codes: number[] = [];
  let changed = false;
  for (let i = 0; i < taxId.length; i++) {
    const code = taxId.charCodeAt(i);
    let c = code >= 0xff01 && code <= 0xff5e ? code - 0xfee0 : code;
    if (c === 0x20 || c === 0x2d || c === 0x3000 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0) {
      changed = true;
      continue;
    }
    if (c >= 0x61 && c <= 0x7a) c -= 0x20;
    if (c === 0x4f) c = 0x30;
    else if (c === 0x49) c = 0x31;
    if (c !== code) changed = true;
    codes.push(c);
  }
  return changed ? String.fromCharCode(...codes) : taxId;
}

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

/**
 * The local number of a phone, for comparing: a mobile's eleven digits, a landline without its area code or
 * extension (0571-88888888-12, (0571) 8888 8888 and 88888888 meet); '' for fewer than seven digits.
 */
export function phoneKey(phone: string): string {
  // Digit groups as typed: 0571-8888 8888 → [0571, 8888, 8888]; full-width digits count.
  const groups: string[] = [];
  let group = '';
  for (let i = 0; i < phone.length; i++) {
    let c = phone.charCodeAt(i);
    if (c >= 0xff10 && c <= 0xff19) c -= 0xfee0;
    if (c >= 0x30 && c <= 0x39) group += String.fromCharCode(c);
    else if (group) {
      groups.push(group);
      group = '';
    }
  }
  if (group) groups.push(group);
  const trimmed = phone.trimStart();
  if (groups[0] === '86' && groups.length > 1 && (trimmed.startsWith('+') || trimmed.startsWith('00'))) groups.shift();
  else if (groups[0]?.startsWith('0086')) groups[0] = groups[0].slice(4);
  const all = groups.join('');
  if (all.length === 11 && all.charAt(0) === '1') return all;
  let local: string;
  const first = groups[0] ?? '';
  if (groups.length > 1 && first.charAt(0) === '0' && first.length >= 3 && first.length <= 4) {
    local = groups[1] ?? '';
    if (local.length < 7 && groups.length > 2) local += groups[2];
  } else if (groups.length === 1 && first.charAt(0) === '0' && first.length >= 10 && first.length <= 12) {
    // Area codes 010 and 02x have three digits, the others four.
    local = first.slice(first.charAt(1) === '1' || first.charAt(1) === '2' ? 3 : 4);
  } else local = first;
  return local.length >= 7 ? local : '';
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

/** Adds `value` to a short list unless it is empty, too short or already there. */
function addTo(list: string[], value: string, min = 1) {
  if (value.length >= min && !list.includes(value)) list.push(value);
}

/** Everything a comparison needs of one customer; `id` defaults to '' for a draft. */
export function profileOf(record: DedupRecord): Profile {
  const name = analyzeName(record.name);
  const taxId = looseTaxId(record.taxId);
  const facts = taxFacts(taxId);
  const accounts: string[] = [];
  const phones: string[] = [];
  const addresses: string[] = [];
  const emails: string[] = [];
  for (const e of record.entries as readonly BillingEntry[]) {
    if (e.bankAccount) addTo(accounts, digitsOf(e.bankAccount), 8);
    if (e.phone) addTo(phones, phoneKey(e.phone));
    if (e.address) addTo(addresses, foldAddress(e.address), 6);
  }
  if (record.mobile) addTo(phones, phoneKey(record.mobile));
  if (record.email) addTo(emails, record.email.trim().toLowerCase());
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
function mixText(h: number, text: string, skip = -1): number {
  let out = h;
  for (let i = 0; i < text.length; i++) if (i !== skip) out = mix(out, text.charCodeAt(i));
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
    // The core itself and the core less each character in turn: two cores one edit apart share one of these.
    sink(finish(mixText(mix(mixText(scoped, core), SEP), branch)), probeOnly);
    for (let i = 0; i < core.length; i++) sink(finish(mixText(mix(mixText(scoped, core, i), SEP), branch)), probeOnly);
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
