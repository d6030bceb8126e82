import { LABEL_LIST, LABEL_TEXTS, type LabelledBuyer, type Target } from './labels';
import { normalizeAccount, normalizeTaxId, toHalfWidth } from './normalize';
import { splitAddressPhone, splitBankAccount } from './split';
import { checkTaxId } from './tax-id';

/**
 * Smart paste: the buyer out of the text a customer sends in chat or email (`名称：… 税号：…`), or out of the tax
 * authority's invoice-title QR code as a scanner gun types it (`$01<base64 of GBK>$`).
 */

export type PastedBuyer = LabelledBuyer;
type Field = keyof PastedBuyer;

export type PasteResult =
  | { ok: true; source: 'labels' | 'qr'; fields: Partial<PastedBuyer>; warnings: 'qrChecksum'[] }
  | { ok: false; reason: 'empty' | 'nothingFound' | 'qrUnreadable' };

const BRACKETS: Record<string, string> = { '【': '】', '[': ']', '［': '］', '〔': '〕', '「': '」' };
/** Numbering and bullets before a line's first label: `1.` `2、` `(3)` `①` `一、` `-` `•`. */
const BULLET = /^\s*(?:\d{1,2}[.．、)）]|[(（]\d{1,2}[)）]|[①-⑳]|[一二三四五六七八九十][、.．]|[-*•·●>]+)?\s*/;
const COLON = /^\.?\s*[:：]+\s*/;
const SEPARATED_CJK = /(?:^|[，,；;|、:：\s])$/;
const SEPARATED = /(?:^|[，,；;|、\t\u3000]|\s{2})\s*$/;
const PLACEHOLDER = /^(?:无|暂无|没有|空|略|[-—/／]+|n\/?a|none)$/i;

/** A label found in a line: where it starts and where its value starts. */
interface Hit {
  target: Target;
  start: number;
  valueStart: number;
  /** No colon or bracket, only a space after it: the value has to look the part. */
  weak: boolean;
}

const isWordChar = (ch: string | undefined) => ch !== undefined && /[a-z0-9]/i.test(ch);

/**
 * The label starting at `i`, if one does. A label followed by a colon starts a field anywhere; a bracketed label
 * `【名称】` too; a bare label only at the start of the line or after a separator, followed by a space or the line end.
 */
function labelAt(line: string, i: number, contentStart: number): Hit | null {
  for (const { text, target, cjk } of LABEL_LIST) {
    if (!line.startsWith(text, i)) continue;
    let end = i + text.length;
    if (!cjk && (isWordChar(line[i - 1]) || isWordChar(line[end]))) continue;
    const closer = BRACKETS[line[i - 1] ?? ''];
    const bracketed = closer !== undefined && closer === line[end];
    if (bracketed) end++;
    const start = bracketed ? i - 1 : i;
    const separated = bracketed || (cjk ? SEPARATED_CJK : SEPARATED).test(line.slice(contentStart, i));
    const colon = COLON.exec(line.slice(end));
    if (colon) {
      // `…有限公司地址：` is a name ending in 公司, then 地址.
      if (!separated && text.startsWith('公司') && LABEL_TEXTS.has(text.slice(2))) continue;
      return { target, start, valueStart: end + colon[0].length, weak: false };
    }
    const space = /^\s*/.exec(line.slice(end))?.[0].length ?? 0;
    if (bracketed) return { target, start, valueStart: end + space, weak: false };
    if (separated && (space > 0 || end === line.length)) return { target, start, valueStart: end + space, weak: true };
  }
  return null;
}

/** The one tokenizer: every label in a line, left to right. */
function findLabels(line: string): Hit[] {
  const lower = line.replace(/[A-Z]/g, (ch) => ch.toLowerCase());
  const contentStart = BULLET.exec(lower)?.[0].length ?? 0;
  const hits: Hit[] = [];
  for (let i = contentStart; i < lower.length; ) {
    const hit = labelAt(lower, i, contentStart);
    if (hit) hits.push(hit);
    i = hit ? hit.valueStart : i + 1;
  }
  return hits;
}

const tidy = (value: string) => value.replace(/\s+/g, ' ').trim();
const NORMALISE: Record<Field, (value: string) => string> = {
  name: tidy,
  taxId: normalizeTaxId,
  address: tidy,
  phone: (value) => tidy(toHalfWidth(value)),
  bankName: tidy,
  bankAccount: (value) => /\d+/.exec(normalizeAccount(value))?.[0] ?? '',
  email: (value) => toHalfWidth(value).replace(/\s+/g, ''),
  mobile: (value) => tidy(toHalfWidth(value)),
  contact: tidy,
};
/** What a value behind a weak label must look like to be taken. */
const PLAUSIBLE: Partial<Record<Field, RegExp>> = {
  taxId: /^[0-9A-Z]{15,20}$/,
  phone: /\d{3}/,
  mobile: /\d{3}/,
  email: /@/,
};

/** Cleans a value and stores it (split when the target is a combined column); the first value of a field wins. */
function put(fields: Partial<PastedBuyer>, target: Target, raw: string, weak: boolean): void {
  const value = raw.replace(/^[\s:：]+/, '').replace(/[\s，。；;,、|]+$/, '');
  if (target === 'ignored' || !value || PLACEHOLDER.test(value)) return;
  const parts: Partial<PastedBuyer> =
    target === 'addressPhone'
      ? splitAddressPhone(value)
      : target === 'bankNameAccount'
        ? splitBankAccount(value)
        : { [target]: value };
  for (const [field, part] of Object.entries(parts) as [Field, string][]) {
    const normal = NORMALISE[field](part);
    if (!normal || fields[field] || (weak && PLAUSIBLE[field]?.test(normal) === false)) continue;
    fields[field] = normal;
  }
}

function isUscc(token: string): boolean {
  const verdict = checkTaxId(token);
  return verdict.kind === 'uscc' && verdict.ok;
}

function readLabels(text: string): Partial<PastedBuyer> {
  const lines = text.split(/\r\n?|\n/);
  const fields: Partial<PastedBuyer> = {};
  let bareTaxId = '';
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n] ?? '';
    const hits = findLabels(line);
    const token = normalizeTaxId(line);
    if (hits.length === 0 && !bareTaxId && token.length === 18 && isUscc(token)) bareTaxId = token;
    hits.forEach((hit, k) => {
      const next = hits[k + 1];
      const value = line.slice(hit.valueStart, next?.start);
      const following = lines[n + 1] ?? '';
      // A label alone at the end of its line (`名称：` then the name below, as copied from a table).
      if (!next && !value.trim() && following.trim() && findLabels(following).length === 0) {
        put(fields, hit.target, following, true);
        n++;
      } else put(fields, hit.target, value, hit.weak);
    });
  }
  if (bareTaxId && !fields.taxId) fields.taxId = bareTaxId;
  return fields;
}

/** The separator between the fields of the invoice-title QR text. */
const QR_SEPARATOR = '</>';
const QR_PAYLOAD = /\$01([A-Za-z0-9+/=\s]+?)\$/;

/** CRC-16/BUYPASS (also called CRC-16/UMTS): polynomial 0x8005, initial 0, no reflection, no final XOR. */
export function crc16Buypass(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x8005) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

/**
 * `name</>taxid</>address phone</>bank account</>CRC` in GBK, base64-encoded. The CRC covers the bytes before the CRC
 * field; whether they include the last separator is not certain, so both readings are accepted.
 */
function readQr(base64: string): { fields: Partial<PastedBuyer>; warnings: 'qrChecksum'[] } | null {
  let bytes: Uint8Array;
  let text: string;
  try {
    bytes = Uint8Array.from(atob(base64.replace(/\s+/g, '')), (ch) => ch.charCodeAt(0));
    text = new TextDecoder('gbk', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  const parts = text.split(QR_SEPARATOR);
  if (parts.length !== 5) return null;
  const [name = '', taxId = '', addressPhone = '', bankAccount = '', crc = ''] = parts;
  const fields: Partial<PastedBuyer> = {};
  put(fields, 'name', name, false);
  put(fields, 'taxId', taxId, false);
  put(fields, 'addressPhone', addressPhone, false);
  put(fields, 'bankNameAccount', bankAccount, false);
  // The CRC field is four ASCII hex digits, so the text before it is all but its last 4 + 3 bytes.
  const covered = bytes.length - crc.length - QR_SEPARATOR.length;
  const expected = /^[0-9a-f]{4}$/i.test(crc) ? Number.parseInt(crc, 16) : -1;
  const matches =
    expected === crc16Buypass(bytes.subarray(0, covered)) ||
    expected === crc16Buypass(bytes.subarray(0, covered + QR_SEPARATOR.length));
  return { fields, warnings: matches ? [] : ['qrChecksum'] };
}

/** Reads a buyer out of pasted text: an invoice-title QR payload when there is one, labelled fields otherwise. */
export function parsePaste(text: string): PasteResult {
  if (!text.trim()) return { ok: false, reason: 'empty' };
  const payload = QR_PAYLOAD.exec(text)?.[1];
  const qr = payload === undefined ? null : readQr(payload);
  if (qr) {
    return Object.keys(qr.fields).length > 0
      ? { ok: true, source: 'qr', ...qr }
      : { ok: false, reason: 'nothingFound' };
  }
  const fields = readLabels(text);
  if (Object.keys(fields).length > 0) return { ok: true, source: 'labels', fields, warnings: [] };
  return { ok: false, reason: text.includes('$01') ? 'qrUnreadable' : 'nothingFound' };
}
