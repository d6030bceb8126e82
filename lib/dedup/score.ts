import { type DedupRecord, type Profile, profileOf } from './keys';
import type { NameAnalysis, Region } from './names';
import { type PairKind, REASONS, type Reason } from './reasons';
import { provinceName } from './regions';
import { editDistance, hasAt } from './text';

/** What a comparison of two customers concludes. */
export interface PairScore {
  /** 0..1: how likely the two are one customer. */
  score: number;
  kind: PairKind;
  /** Safe to merge without a person looking: the same tax ID and names that differ only in how they are written. */
  auto: boolean;
  reasons: Reason[];
}

/**
 * From this score up a pair is shown as a likely duplicate. Chosen on the labelled set
 * (tests/fixtures/dedup/pairs.json, measured by tests/unit/dedup/quality.test.ts): its true duplicates score 0.57
 * or more (the lowest: a one-character typo with the region dropped and no tax ID), and the pairs that are not stay
 * at 0.45 or below (a tax ID copied onto a company of another province, namesakes, branches, people of one name),
 * except two kinds no name can tell apart: companies one character apart without any tax ID, and a tax ID copied
 * onto another company of the same province.
 */
export const SUGGEST_THRESHOLD = 0.5;

type CoreRelation = 'equal' | 'typo' | 'soundAlike' | 'contains' | 'different';
type RegionRelation = 'same' | 'bothMissing' | 'oneMissing' | 'conflict';
type FormRelation = 'same' | 'short' | 'differ';
type BranchRelation = 'same' | 'headOffice' | 'sibling' | 'other';
type TaxRelation = 'same' | 'legacy' | 'typo' | 'differ' | 'missing';

const CORE_WEIGHT: Record<CoreRelation, number> = {
  equal: 1,
  typo: 0.75,
  soundAlike: 0.75,
  contains: 0.35,
  different: 0,
};
const REGION_WEIGHT: Record<RegionRelation, number> = { same: 1, bothMissing: 1, oneMissing: 0.85, conflict: 0 };
const FORM_WEIGHT: Record<FormRelation, number> = { same: 1, short: 0.92, differ: 0.85 };

function coreRelation(a: Profile, b: Profile): CoreRelation {
  const x = a.name.core;
  const y = b.name.core;
  if (x === y) return 'equal';
  const shorter = Math.min(x.length, y.length);
  // One slip, or two in a long name of the same length; a name one word longer (…发展) is another company.
  const slips = shorter >= 8 && x.length === y.length ? 2 : 1;
  if (shorter >= 4 && editDistance(x, y, slips) <= slips) return 'typo';
  if (shorter >= 4 && x.length === y.length && a.initials && a.initials === b.initials && editDistance(x, y, 2) <= 2) {
    return 'soundAlike';
  }
  if (shorter >= 2 && (hasAt(x, y, 0) || hasAt(y, x, 0))) return 'contains';
  return 'different';
}

const regionEmpty = (r: Region) => !r.province && !r.city && !r.district;

const conflicts = (x: string, y: string) => x !== '' && y !== '' && x !== y;

function regionRelation(a: Region, b: Region): RegionRelation {
  if (regionEmpty(a) && regionEmpty(b)) return 'bothMissing';
  // Written out level by level rather than looped over: a scan compares regions for every candidate pair.
  if (conflicts(a.province, b.province) || conflicts(a.city, b.city) || conflicts(a.district, b.district)) {
    return 'conflict';
  }
  return a.province === b.province && a.city === b.city && a.district === b.district ? 'same' : 'oneMissing';
}

function formRelation(a: NameAnalysis, b: NameAnalysis): FormRelation {
  if (a.form === b.form) return 'same';
  if (!a.form || !b.form || a.form === 'company' || b.form === 'company') return 'short';
  return 'differ';
}

function taxRelation(a: Profile, b: Profile): TaxRelation {
  if (!a.taxId || !b.taxId) return 'missing';
  if (a.taxId === b.taxId) return 'same';
  if (a.orgCode && a.orgCode === b.orgCode) return 'legacy';
  if ((!a.taxValid || !b.taxValid) && a.taxId.length === b.taxId.length && editDistance(a.taxId, b.taxId, 1) <= 1) {
    return 'typo';
  }
  return 'differ';
}

/** The province a name says, except a branch's (its name begins with its head office's region). */
const nameProvince = (p: Profile) => (p.name.branch ? '' : p.name.region.province);

const regionText = (r: Region) => r.district || r.city || provinceName(r.province);

interface Agreement {
  account: string | undefined;
  phone: string | undefined;
  address: string | undefined;
  email: string | undefined;
  /** Both have phones or accounts, and none of them agree. */
  conflict: boolean;
}

/** The first item of `x` that `y` also has. */
function shared(x: readonly string[], y: readonly string[]): string | undefined {
  if (x.length === 0 || y.length === 0) return undefined;
  for (const item of x) if (y.includes(item)) return item;
  return undefined;
}

function agreement(a: Profile, b: Profile): Agreement {
  const account = shared(a.accounts, b.accounts);
  const phone = shared(a.phones, b.phones);
  const address = shared(a.addresses, b.addresses);
  const email = shared(a.emails, b.emails);
  const bothHave = (a.phones.length > 0 && b.phones.length > 0) || (a.accounts.length > 0 && b.accounts.length > 0);
  return { account, phone, address, email, conflict: !(account || phone || address || email) && bothHave };
}

function contactReasons(g: Agreement): Reason[] {
  const reasons: Reason[] = [];
  if (g.account) reasons.push(REASONS.accountSame(g.account));
  if (g.phone) reasons.push(REASONS.phoneSame(g.phone));
  if (g.address) reasons.push(REASONS.addressSame());
  if (g.email) reasons.push(REASONS.emailSame(g.email));
  return reasons;
}

/** What the contact details add for a company-like name; for a person's name they must carry it. */
const companyBonus = (g: Agreement) =>
  (g.account ? 0.2 : 0) + (g.phone ? 0.08 : 0) + (g.address ? 0.08 : 0) + (g.email ? 0.05 : 0);
const personBonus = (g: Agreement) =>
  Math.max(g.account ? 0.5 : 0, g.phone ? 0.5 : 0, g.email ? 0.4 : 0) + (g.address ? 0.15 : 0);

const clamp = (score: number, max = 0.97) => Math.round(Math.min(max, Math.max(0, score)) * 1000) / 1000;

type Verdict = Omit<PairScore, 'reasons'>;

// Only a pair safe to merge unseen reaches 1: the others stop short of it, so that the score alone says which.
const result = (kind: PairKind, score: number, auto = false): Verdict => ({
  score: clamp(score, auto ? 1 : 0.97),
  kind,
  auto,
});

/**
 * The decision itself. Reasons are collected only when `reasons` is given: a full scan judges hundreds of thousands
 * of pairs and words only those it keeps.
 */
function judge(a: Profile, b: Profile, reasons: Reason[] | null): Verdict {
  const na = a.name;
  const nb = b.name;
  const core = coreRelation(a, b);
  const region = regionRelation(na.region, nb.region);
  const form = formRelation(na, nb);
  const tax = taxRelation(a, b);
  const contacts = agreement(a, b);
  const headsMatch = (core === 'equal' || core === 'typo') && region !== 'conflict';
  const branch: BranchRelation =
    na.branch === nb.branch ? 'same' : !headsMatch ? 'other' : na.branch && nb.branch ? 'sibling' : 'headOffice';
  const provinceConflict = Boolean(a.province && b.province && a.province !== b.province);
  const sim =
    branch === 'same' ? CORE_WEIGHT[core] * REGION_WEIGHT[region] * FORM_WEIGHT[form] * (provinceConflict ? 0 : 1) : 0;
  const equivalent = core === 'equal' && (region === 'same' || region === 'bothMissing') && form === 'same';

  if (tax === 'same') reasons?.push(REASONS.taxIdSame(a.taxId));
  else if (tax === 'legacy') {
    const [legacy, uscc] = a.taxId.length < b.taxId.length ? [a.taxId, b.taxId] : [b.taxId, a.taxId];
    reasons?.push(REASONS.taxIdLegacy(legacy, uscc));
  } else if (tax === 'typo') reasons?.push(REASONS.taxIdTypo(a.taxId, b.taxId));
  else if (tax === 'differ') reasons?.push(REASONS.taxIdDiffer(a.taxId, b.taxId));
  else if (a.taxId || b.taxId) reasons?.push(REASONS.taxIdMissing());

  // A branch is never its head office, nor another branch, whatever else agrees.
  if (branch === 'headOffice') {
    const [br, head] = na.branch ? [a, b] : [b, a];
    reasons?.unshift(REASONS.branchOfHead(br.name.folded, head.name.folded));
    return result('branchOfHeadOffice', 0.05);
  }
  if (branch === 'sibling') {
    reasons?.unshift(REASONS.siblingBranch(na.branch, nb.branch));
    return result('siblingBranch', 0.05);
  }

  if (reasons) {
    if (branch === 'same') describeName(reasons, a, b, core, region, form);
    else reasons.push(REASONS.nameDiffer(na.folded, nb.folded));
    if (provinceConflict && region !== 'conflict' && core !== 'different') {
      reasons.push(REASONS.provinceDiffer(provinceName(a.province), provinceName(b.province)));
    }
  }

  if (tax === 'same' || tax === 'legacy') {
    if (sim >= 0.6) return result('sameTaxId', 0.9 + 0.1 * sim, equivalent);
    // A renamed company keeps its tax ID; a name whose region contradicts where the tax ID was registered more
    // likely had another customer's tax ID copied onto it.
    const misplaced = [a, b].find((p) => p.taxProvince && nameProvince(p) && nameProvince(p) !== p.taxProvince);
    if (misplaced) {
      reasons?.push(REASONS.taxIdElsewhere(misplaced.name.folded, provinceName(misplaced.taxProvince)));
      return result('sameTaxIdOtherName', 0.45);
    }
    const agree = contacts.account || contacts.phone || contacts.address || contacts.email;
    return result('sameTaxIdOtherName', 0.8 + (agree ? 0.05 : 0));
  }
  if (tax === 'typo' && sim >= 0.6) return result('taxIdTypo', 0.6 + 0.3 * sim + companyBonus(contacts) / 2);

  const namesMeet = core !== 'different' && branch === 'same';
  if ((region === 'conflict' || provinceConflict) && namesMeet) return result('namesake', 0.1);

  if (tax === 'differ' || tax === 'typo') {
    if (sim === 1) return result('sameNameOtherTaxId', 0.7 + companyBonus(contacts));
    if (sim >= 0.75) return result('sameNameOtherTaxId', 0.42 + companyBonus(contacts));
    if (sim > 0) return result('similar', 0.2 + companyBonus(contacts) / 2);
    return result('different', contacts.account ? 0.3 : 0);
  }

  // No tax ID on at least one side: the name and the contact details decide.
  // A person's name, or a company written short (小米, 中科创达), says little: the contact details must carry it.
  const weak =
    na.strength === 'weak' || nb.strength === 'weak' || a.kind === 'naturalPerson' || b.kind === 'naturalPerson';
  const shorter = na.core.length <= nb.core.length ? na : nb;
  const shorthand = core === 'contains' && (shorter.form === '' || shorter.form === 'company');
  if (branch === 'same' && ((weak && core === 'equal') || shorthand)) {
    reasons?.push(REASONS.nameWeak());
    if (contacts.conflict) reasons?.push(REASONS.contactDiffer());
    const base = core === 'equal' ? 0.35 : 0.2;
    const score = contacts.conflict ? 0.15 : base + personBonus(contacts);
    return result(core === 'equal' ? 'sameName' : 'similar', Math.min(score, 0.95));
  }
  if (sim > 0) return result(sim === 1 ? 'sameName' : 'similar', 0.9 * sim + companyBonus(contacts));
  if (contacts.account) return result('sameAccount', 0.6 + (contacts.phone || contacts.address ? 0.1 : 0));
  return result('different', contacts.phone || contacts.address ? 0.2 : 0);
}

/** How two profiles compare (see scorePair); symmetric in a and b up to the order of names in the reasons. */
export function scoreProfiles(a: Profile, b: Profile): PairScore {
  const reasons: Reason[] = [];
  const verdict = judge(a, b, reasons);
  return { ...verdict, reasons: [...reasons, ...contactReasons(agreement(a, b))] };
}

/** The score, kind and auto flag of a pair without the reasons (see scoreProfiles): what a scan needs first. */
export const verdictOf = (a: Profile, b: Profile): Verdict => judge(a, b, null);

function describeName(
  reasons: Reason[],
  a: Profile,
  b: Profile,
  core: CoreRelation,
  region: RegionRelation,
  form: FormRelation,
) {
  const na = a.name;
  const nb = b.name;
  if (na.folded === nb.folded) reasons.push(REASONS.nameIdentical());
  else if (core === 'equal' && (region === 'same' || region === 'bothMissing') && form === 'same') {
    reasons.push(REASONS.nameEquivalent(na.folded, nb.folded));
  }
  if (core === 'typo') reasons.push(REASONS.nameTypo(na.core, nb.core));
  if (core === 'soundAlike') reasons.push(REASONS.nameSoundAlike(na.core, nb.core));
  if (core === 'contains') {
    const [short, long] = na.core.length < nb.core.length ? [na, nb] : [nb, na];
    reasons.push(REASONS.nameShortForm(short.folded, long.folded));
  }
  if (core === 'different') reasons.push(REASONS.nameDiffer(na.folded, nb.folded));
  if (region === 'oneMissing')
    reasons.push(REASONS.nameRegionMissing(regionText(regionEmpty(na.region) ? nb.region : na.region)));
  if (region === 'conflict') reasons.push(REASONS.provinceDiffer(regionText(na.region), regionText(nb.region)));
  if (form === 'short') reasons.push(REASONS.nameFormShort());
  if (form === 'differ') reasons.push(REASONS.nameFormDiffer());
}

/**
 * How likely two customers are one: a score from 0 to 1, the kind of pair (same tax ID; same tax ID but another
 * name; same name but another tax ID; a branch and its head office; …), whether it may be merged without a person
 * looking, and the reasons in both languages. Pairs at SUGGEST_THRESHOLD or above are shown as duplicates.
 */
export function scorePair(a: DedupRecord, b: DedupRecord): PairScore {
  return scoreProfiles(profileOf(a), profileOf(b));
}
