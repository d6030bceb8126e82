import type { BillingEntry, CustomerDraft } from './customer';
import { type Finding, finding } from './findings';
import { normalizeAccount, normalizePhone, normalizeTaxId, normalizeText } from './normalize';
import { checkTaxId } from './tax-id';

const MOBILE = /^1[3-9]\d{9}$/;
// 0 + 2–3 digit area code + 7–8 digit number, optional extension; a bare 7–8 digit local number is also seen.
const LANDLINE = /^(0\d{2,3}-?)?[2-9]\d{6,7}(-\d{1,6})?$/;
const ACCOUNT = /^\d{6,32}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Cleans what a person typed or pasted: widths, white space, case; digits of accounts and tax IDs. */
export function normalizeDraft(draft: CustomerDraft): CustomerDraft {
  const entry = (e: BillingEntry): BillingEntry => ({
    ...e,
    label: normalizeText(e.label),
    address: normalizeText(e.address),
    phone: normalizePhone(e.phone),
    bankName: normalizeText(e.bankName),
    bankAccount: normalizeAccount(e.bankAccount),
  });
  return {
    ...draft,
    name: normalizeText(draft.name),
    taxId: normalizeTaxId(draft.taxId),
    entries: draft.entries.map(entry),
    email: normalizeText(draft.email),
    mobile: normalizePhone(draft.mobile),
    contact: normalizeText(draft.contact),
    tags: [...new Set(draft.tags.map(normalizeText).filter(Boolean))],
  };
}

/** True for a mobile or a landline number (with or without area code hyphen, optional extension). */
export function isPhone(phone: string): boolean {
  const p = normalizePhone(phone);
  return MOBILE.test(p.replace(/-/g, '')) || LANDLINE.test(p);
}

function taxIdFindings(draft: CustomerDraft): Finding[] {
  const taxId = normalizeTaxId(draft.taxId);
  if (draft.kind === 'naturalPerson') return [];
  if (!taxId) {
    return [finding('taxId.missing', 'taxId', 'warning', '缺少纳税人识别号', 'Tax ID is missing')];
  }
  const verdict = checkTaxId(taxId);
  switch (verdict.kind) {
    case 'uscc':
      if (verdict.ok) return [];
      return verdict.reason === 'checksum'
        ? [
            finding(
              'taxId.checksum',
              'taxId',
              'error',
              `统一社会信用代码校验位不符（应为 ${verdict.expected}），请核对是否输错`,
              `The check character of this credit code does not match (expected ${verdict.expected}); check for a typo`,
            ),
          ]
        : [
            finding(
              'taxId.shape',
              'taxId',
              'error',
              '统一社会信用代码含有不允许的字符（不使用 I、O、S、V、Z）',
              'The credit code has characters it cannot contain (I, O, S, V and Z are never used)',
            ),
          ];
    case 'legacy':
      return [
        finding(
          'taxId.legacy',
          'taxId',
          'warning',
          `${verdict.length} 位税号无法校验，请确认`,
          `A ${verdict.length}-character tax ID has no check character; please confirm it`,
        ),
      ];
    case 'invalid':
      return [
        finding(
          'taxId.invalid',
          'taxId',
          'error',
          '税号应为 15、17、18 或 20 位数字或大写字母',
          'A tax ID has 15, 17, 18 or 20 digits or capital letters',
        ),
      ];
  }
}

function entryFindings(entry: BillingEntry, index: number): Finding[] {
  const at = (field: string) => `entries.${index}.${field}`;
  const out: Finding[] = [];
  if (entry.phone && !isPhone(entry.phone)) {
    out.push(
      finding(
        'phone.invalid',
        at('phone'),
        'warning',
        '电话格式不常见：手机 11 位，座机为区号-号码',
        'Unusual phone: mobiles have 11 digits, landlines an area code and a number',
      ),
    );
  }
  const account = normalizeAccount(entry.bankAccount);
  if (account && !ACCOUNT.test(account)) {
    out.push(
      finding(
        'bankAccount.invalid',
        at('bankAccount'),
        'error',
        '银行账号应为 6–32 位数字',
        'A bank account has 6 to 32 digits',
      ),
    );
  }
  return out;
}

/** What a 专票 (special VAT invoice) needs beyond the name, with the words to name each. */
const SPECIAL_FIELDS = [
  ['address', '地址', 'address'],
  ['phone', '电话', 'phone'],
  ['bankName', '开户行', 'bank'],
  ['bankAccount', '银行账号', 'bank account'],
] as const;

function specialFindings(draft: CustomerDraft, entry: BillingEntry, index: number): Finding[] {
  const wantsSpecial = draft.invoiceDefaults.type === 'special';
  if (draft.kind === 'naturalPerson') {
    if (!wantsSpecial) return [];
    return [
      finding(
        'special.naturalPerson',
        'invoiceDefaults.type',
        'error',
        '自然人不能开具增值税专用发票',
        'A natural person cannot receive a special VAT invoice',
      ),
    ];
  }
  const missing = SPECIAL_FIELDS.filter(([key]) => !entry[key].trim());
  const names: { zh: string; en: string }[] = missing.map(([, zh, en]) => ({ zh, en }));
  if (!draft.taxId.trim()) names.unshift({ zh: '税号', en: 'tax ID' });
  if (names.length === 0) return [];
  return [
    finding(
      'special.incomplete',
      `entries.${index}`,
      wantsSpecial ? 'error' : 'info',
      `开专票还缺：${names.map((n) => n.zh).join('、')}`,
      `Missing for a special VAT invoice: ${names.map((n) => n.en).join(', ')}`,
    ),
  ];
}

/**
 * Everything worth telling the clerk about a customer, most serious first. Errors block saving only where the
 * caller decides so; the book stores customers with warnings (a clerk often has half the details at first).
 */
export function validateCustomer(draft: CustomerDraft): Finding[] {
  const out: Finding[] = [];
  if (!normalizeText(draft.name)) out.push(finding('name.missing', 'name', 'error', '请填写名称', 'Name is required'));
  out.push(...taxIdFindings(draft));
  draft.entries.forEach((entry, i) => {
    out.push(...entryFindings(entry, i));
  });
  const index = Math.max(
    0,
    draft.entries.findIndex((e) => e.id === draft.defaultEntryId),
  );
  const main = draft.entries[index];
  if (main) out.push(...specialFindings(draft, main, index));
  if (draft.mobile && !MOBILE.test(normalizePhone(draft.mobile).replace(/-/g, ''))) {
    out.push(finding('mobile.invalid', 'mobile', 'warning', '手机号应为 11 位', 'A mobile number has 11 digits'));
  }
  if (draft.email && !EMAIL.test(draft.email.trim())) {
    out.push(finding('email.invalid', 'email', 'warning', '邮箱格式不正确', 'The e-mail address looks wrong'));
  }
  if (draft.tags.length > 50 || draft.tags.some((tag) => tag.length > 40)) {
    out.push(
      finding(
        'tags.tooLong',
        'tags',
        'error',
        '最多 50 个标签，每个不超过 40 个字',
        'At most 50 tags, each at most 40 characters',
      ),
    );
  }
  const limit = draft.creditLimit?.amount;
  if (limit !== undefined && !(Number.isFinite(limit) && limit >= 0)) {
    out.push(
      finding(
        'creditLimit.invalid',
        'creditLimit',
        'error',
        '额度应为金额，如 50000 或 12345.67',
        'A limit is an amount, such as 50000 or 12345.67',
      ),
    );
  }
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return out.sort((a, b) => rank[a.severity] - rank[b.severity]);
}
