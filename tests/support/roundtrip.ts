import { defaultEntry } from '../../lib/domain/billing';
import type { Customer } from '../../lib/domain/customer';
import { findHeader } from '../../lib/import/columns';
import { type ImportRow, importRows } from '../../lib/import/rows';
import { readSheets } from '../../lib/import/sheet';

/** A file read back the way the manager's import reads it: sheets, the header row, rows into customers. */
export function importFile(bytes: Uint8Array, fileName: string): ImportRow[] {
  const result = readSheets(bytes, fileName);
  if (!result.ok) throw new Error(result.problem);
  const sheet = result.sheets[0];
  if (!sheet) throw new Error('no sheet');
  const { rows } = sheet;
  const header = findHeader(rows.map((row) => row.map((cell) => cell.text)));
  if (!header) throw new Error('no header row');
  return importRows(rows, header.row, header.columns);
}

/** What an import reads of a customer, trimmed as the importer trims cells. */
export function imported(row: ImportRow) {
  const e = row.input.entries[0];
  return {
    name: row.input.name,
    taxId: row.input.taxId ?? '',
    address: e?.address ?? '',
    phone: e?.phone ?? '',
    bankName: e?.bankName ?? '',
    bankAccount: e?.bankAccount ?? '',
    email: row.input.email ?? '',
    mobile: row.input.mobile ?? '',
    contact: row.input.contact ?? '',
  };
}

/** The same view of a customer that was exported; `reach` says which fields the layout carries. */
export function expected(c: Customer, reach: 'all' | 'buyer' | 'buyerAndEmail' = 'all') {
  const e = defaultEntry(c);
  const all = {
    name: c.name,
    taxId: c.taxId,
    address: e.address,
    phone: e.phone,
    bankName: e.bankName,
    bankAccount: e.bankAccount,
    email: c.email,
    mobile: c.mobile,
    contact: c.contact,
  };
  const trimmed = Object.fromEntries(Object.entries(all).map(([k, v]) => [k, v.trim()])) as typeof all;
  if (reach === 'all') return trimmed;
  return {
    ...trimmed,
    email: reach === 'buyerAndEmail' ? trimmed.email : '',
    mobile: '',
    contact: '',
  };
}
