import { type DedupRecord, type NameAnalysis, type Profile, profileOf, type Region } from './keys';
import { type PairKind, REASONS, type Reason } from './reasons';
import { provinceName } from './regions';
import { editDistance } from './text';

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
 * (tests/fixtures/dedup/pairs.json, see tests/unit/dedup/quality.test.ts): every true duplicate the set holds scores
 * 0.53 or more, and the look-alikes that are not (head office and branch, namesakes in other cities, other trades of
 * one brand, people of one name) stay at 0.35 or below, except look-alikes without a tax ID one character apart.
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
  if (shorter >= 4 && editDistance(x, y, shorter >= 8 ? 2 : 1) <= (shorter >= 8 ? 2 : 1)) return 'typo';
  if (shorter >= 4 && x.length === y.length && a.initials && a.initials === b.initials && editDistance(x, y, 2) <= 2) {
    return 'soundAlike';
  }
  if (shorter >= 2 && (x.startsWith(y) || y.startsWith(x))) return 'contains';
  return 'different';
}

const regionEmpty = (r: Region) => !r.province && !r.city && !r.district;

function regionRelation(a: Region, b: Region): RegionRelation {
  if (regionEmpty(a) && regionEmpty(b)) return 'bothMissing';
  let same = true;
  for (const level of ['province', 'city', 'district'] as const) {
    if (a[level] && b[level] && a[level] !== b[level]) return 'conflict';
    if (a[level] !== b[level]) same = false;
  }
  return same ? 'same' : 'oneMissing';
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

const regionText = (r: Region) => r.district || r.city || provinceName(r.province);

interface Agreement {
  reasons: Reason[];
  account: boolean;
  phone: boolean;
  address: boolean;
  email: boolean;
  /** Both have phones or accounts, and none of them agree. */
  conflict: boolean;
}

const shared = (x: readonly string[], y: readonly string[]) => x.find((item) => y.includes(item));

function agreement(a: Profile, b: Profile): Agreement {
  const reasons: Reason[] = [];
  const account = shared(a.accounts, b.accounts);
  const phone = shared(a.phones, b.phones);
  const address = shared(a.addresses, b.addresses);
  const email = shared(a.emails, b.emails);
  if (account) reasons.push(REASONS.accountSame(account));
  if (phone) reasons.push(REASONS.phoneSame(phone));
  if (address) reasons.push(REASONS.addressSame());
  if (email) reasons.push(REASONS.emailSame(email));
  const any = Boolean(account || phone || address || email);
  const bothHave = (a.phones.length > 0 && b.phones.length > 0) || (a.accounts.length > 0 && b.accounts.length > 0);
  return {
    reasons,
    account: Boolean(account),
    phone: Boolean(phone),
    address: Boolean(address),
    email: Boolean(email),
    conflict: !any && bothHave,
  };
}

/** What the contact details add for a company-like name; for a person's name they must carry it. */
const companyBonus = (g: Agreement) =>
  (g.account ? 0.2 : 0) + (g.phone ? 0.08 : 0) + (g.address ? 0.08 : 0) + (g.email ? 0.05 : 0);
const personBonus = (g: Agreement) =>
  Math.max(g.account ? 0.5 : 0, g.phone ? 0.5 : 0, g.email ? 0.4 : 0) + (g.address ? 0.15 : 0);

const clamp = (score: number, max = 0.97) => Math.round(Math.min(max, Math.max(0, score)) * 1000) / 1000;

/** How two profiles compare (see scorePair); symmetric in a and b up to the order of names in the reasons. */
export function scoreProfiles(a: Profile, b: Profile): PairScore {
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

  const reasons: Reason[] = [];
  const result = (kind: PairKind, score: number, auto = false): PairScore => ({
    score: clamp(score, auto ? 1 : 0.97),
    kind,
    auto,
    reasons: [...reasons, ...contacts.reasons],
  });

  if (tax === 'same') reasons.push(REASONS.taxIdSame(a.taxId));
  else if (tax === 'legacy') {
    const [legacy, uscc] = a.taxId.length < b.taxId.length ? [a.taxId, b.taxId] : [b.taxId, a.taxId];
    reasons.push(REASONS.taxIdLegacy(legacy, uscc));
  } else if (tax === 'typo') reasons.push(REASONS.taxIdTypo(a.taxId, b.taxId));
  else if (tax === 'differ') reasons.push(REASONS.taxIdDiffer(a.taxId, b.taxId));
  else if (a.taxId || b.taxId) reasons.push(REASONS.taxIdMissing());

  // A branch is never its head office, nor another branch, whatever else agrees.
  if (branch === 'headOffice') {
    const [br, head] = na.branch ? [a, b] : [b, a];
    reasons.unshift(REASONS.branchOfHead(br.name.folded, head.name.folded));
    return result('branchOfHeadOffice', 0.05);
  }
  if (branch === 'sibling') {
    reasons.unshift(REASONS.siblingBranch(na.branch, nb.branch));
    return result('siblingBranch', 0.05);
  }

  if (branch === 'same') describeName(reasons, a, b, core, region, form);
  else reasons.push(REASONS.nameDiffer(na.folded, nb.folded));
  if (provinceConflict && core !== 'different') {
    reasons.push(REASONS.provinceDiffer(provinceName(a.province), provinceName(b.province)));
  }

  if (tax === 'same' || tax === 'legacy') {
    if (sim >= 0.6) return result('sameTaxId', 0.9 + 0.1 * sim, tax === 'same' && equivalent);
    return result('sameTaxIdOtherName', 0.8 + (contacts.reasons.length > 0 ? 0.05 : 0));
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
  const weak =
    na.strength === 'weak' || nb.strength === 'weak' || a.kind === 'naturalPerson' || b.kind === 'naturalPerson';
  if (weak && core === 'equal' && branch === 'same') {
    reasons.push(REASONS.nameWeak());
    if (contacts.conflict) reasons.push(REASONS.contactDiffer());
    const score = contacts.conflict ? 0.15 : 0.35 * (sim || 1) + personBonus(contacts);
    return result('sameName', Math.min(score, 0.95));
  }
  if (sim > 0) {
    const score = 0.9 * sim + companyBonus(contacts);
    return result(sim === 1 ? 'sameName' : 'similar', score);
  }
  if (contacts.account) return result('sameAccount', 0.6 + (contacts.phone || contacts.address ? 0.1 : 0));
  return result('different', contacts.phone || contacts.address ? 0.2 : 0);
}

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
