import type { CustomerDraft, CustomerInput } from '../domain/customer';
import { CustomerInputSchema } from '../domain/customer';
import { type Finding, finding } from '../domain/findings';
import { splitAddressPhone, splitBankAccount } from '../domain/split';
import { normalizeDraft, validateCustomer } from '../domain/validate';
import type { ColumnTarget } from './columns';

/** One cell as a sheet holds it: its text, and the number when the sheet stored a number rather than text. */
export interface SheetCell {
  text: string;
  number?: number;
}

/** A data row made into a customer, with everything validation says about it; `row` counts from 1 as Excel does. */
export interface ImportRow {
  row: number;
  input: CustomerInput;
  /** The customer as the book would store it (schema-checked, normalised); null when the schema refuses it. */
  draft: CustomerDraft | null;
  findings: Finding[];
}

type Field = Exclude<ColumnTarget, null | 'addressPhone' | 'bankNameAccount'>;
/** Digits that must arrive exactly: a spreadsheet that stored them as a number may have rounded them already. */
const DIGIT_FIELDS = new Set<ColumnTarget>([
  'taxId',
  'bankAccount',
  'phone',
  'mobile',
  'bankNameAccount',
  'addressPhone',
]);
/** Beyond 15 significant digits a spreadsheet number has lost the rest (6.22E+18 for a 19-digit account). */
const EXACT_DIGITS = 15;

/** The error values Excel saves in place of a formula's result when the formula failed (#N/A from a VLOOKUP…). */
const FORMULA_ERROR =
  /^#(?:N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|GETTING_DATA)$/i;

/**
 * Text a spreadsheet would run as a formula if it were typed into a cell: anything after `=`, and `+`, `-` or `@`
 * before a function call or a DDE link (`+cmd|' /C calc'!A0`). A phone such as +86 (21) 1234 5678 is neither.
 */
function isFormula(text: string): boolean {
  return (
    /^=/.test(text) || (/^[+\-@]/.test(text) && (text.includes('|') || /^[+\-@]\s*[A-Za-z_][\w.]*\s*\(/.test(text)))
  );
}

/**
 * What a cell holding formula text or a formula's error value is told. Formula text is kept as text (Taitou never
 * evaluates a cell, and a book's own export, read back, may hold such names), with a warning for the clerk to look
 * at it; an error value (#N/A from a failed VLOOKUP…) is no customer detail and is refused.
 */
function formulaFinding(target: string, text: string): Finding | null {
  const [zh, en] = FIELD_WORDS[target] ?? [target, target];
  if (FORMULA_ERROR.test(text)) {
    return finding(
      'import.formulaError',
      target,
      'error',
      `${zh}是公式出错后的结果（${text}），不是真实内容：请在表格里改正公式后重新导出`,
      `The ${en} is the error value of a failed formula (${text}), not a real value: fix the formula in the sheet and export again`,
    );
  }
  if (!isFormula(text)) return null;
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return finding(
    'import.formula',
    target,
    'warning',
    `${zh}看起来是表格公式（${shown}）：已按文字导入，不会执行；请确认这是客户的真实信息`,
    `The ${en} looks like a spreadsheet formula (${shown}): it is imported as plain text and never run; check that it is really the customer's`,
  );
}

function lostDigits(cell: SheetCell): boolean {
  if (cell.number === undefined) return false;
  return /e\+/i.test(cell.text) || Math.abs(cell.number) >= 10 ** EXACT_DIGITS;
}

const FIELD_WORDS: Record<string, [string, string]> = {
  name: ['名称', 'name'],
  taxId: ['税号', 'tax ID'],
  address: ['地址', 'address'],
  bankName: ['开户行', 'bank'],
  email: ['邮箱', 'email'],
  contact: ['联系人', 'contact'],
  bankAccount: ['银行账号', 'bank account'],
  bankNameAccount: ['开户行及账号', 'bank and account'],
  phone: ['电话', 'phone'],
  addressPhone: ['地址、电话', 'address and phone'],
  mobile: ['手机', 'mobile'],
};

/**
 * The customers in a sheet's data rows (after the header row), each validated. Blank rows are skipped. Combined
 * columns (地址、电话; 开户行及账号) are split unless the sheet also has the separate columns.
 */
export function importRows(
  rows: readonly (readonly SheetCell[])[],
  header: number,
  columns: readonly ColumnTarget[],
): ImportRow[] {
  const out: ImportRow[] = [];
  rows.forEach((cells, index) => {
    if (index <= header || cells.every((c) => !c.text.trim())) return;
    const values: Partial<Record<Field, string>> = {};
    const findings: Finding[] = [];
    columns.forEach((target, col) => {
      const cell = cells[col];
      if (!target || !cell?.text.trim()) return;
      if (DIGIT_FIELDS.has(target) && lostDigits(cell)) {
        const [zh, en] = FIELD_WORDS[target] ?? [target, target];
        findings.push(
          finding(
            'import.digitsLost',
            target,
            'error',
            `${zh}在表格里存成了数字（${cell.text}），末尾数字已丢失：请把这一列设为文本后重新导出`,
            `The ${en} was stored as a number (${cell.text}) and has lost its last digits: make the column text and export again`,
          ),
        );
        return;
      }
      const text = cell.text.trim();
      const formula = formulaFinding(target, text);
      if (formula) findings.push(formula);
      if (formula?.severity === 'error') return;
      if (target === 'addressPhone') {
        const { address, phone } = splitAddressPhone(text);
        values.address ??= address;
        values.phone ??= phone;
      } else if (target === 'bankNameAccount') {
        const { bankName, bankAccount } = splitBankAccount(text);
        values.bankName ??= bankName;
        values.bankAccount ??= bankAccount;
      } else values[target] = text;
    });
    const input: CustomerInput = {
      name: values.name ?? '',
      taxId: values.taxId ?? '',
      entries: [
        {
          id: 'main',
          address: values.address ?? '',
          phone: values.phone ?? '',
          bankName: values.bankName ?? '',
          bankAccount: values.bankAccount ?? '',
        },
      ],
      defaultEntryId: 'main',
      email: values.email ?? '',
      mobile: values.mobile ?? '',
      contact: values.contact ?? '',
      source: 'import',
    };
    const parsed = CustomerInputSchema.safeParse(input);
    const draft = parsed.success ? normalizeDraft(parsed.data) : null;
    if (draft) findings.push(...validateCustomer(draft));
    else if (!input.name.trim()) {
      // A name refused above (a formula) is already reported; "missing" would only repeat it.
      if (!findings.some((f) => f.field === 'name'))
        findings.push(finding('name.missing', 'name', 'error', '缺少名称', 'The name is missing'));
    } else
      findings.push(
        finding('import.tooLong', 'row', 'error', '有内容超出长度上限', 'A value is longer than the book takes'),
      );
    out.push({ row: index + 1, input, draft, findings });
  });
  return out;
}
