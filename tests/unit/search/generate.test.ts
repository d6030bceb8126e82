import { describe, expect, it } from 'vitest';
import { defaultEntry } from '../../../lib/domain/billing';
import { CustomerSchema } from '../../../lib/domain/customer';
import { checkTaxId } from '../../../lib/domain/tax-id';
import { searchKeys } from '../../../lib/search/keys';
import { generateCustomers } from '../../support/generate';

describe('generateCustomers (test and benchmark data)', () => {
  const customers = generateCustomers(400, 3);

  it('gives stored customers that pass the schema', () => {
    for (const c of customers) expect(CustomerSchema.safeParse(c).success, c.name).toBe(true);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateCustomers(50, 3)).toEqual(customers.slice(0, 50));
    expect(generateCustomers(50, 4).map((c) => c.id)).not.toEqual(customers.slice(0, 50).map((c) => c.id));
  });

  it('gives unique ids and valid, unique USCC tax IDs', () => {
    expect(new Set(customers.map((c) => c.id)).size).toBe(customers.length);
    const taxIds = customers.map((c) => c.taxId).filter((t) => t !== '');
    expect(new Set(taxIds).size).toBe(taxIds.length);
    for (const t of taxIds) expect(checkTaxId(t), t).toEqual({ kind: 'uscc', ok: true });
  });

  it('stores the search keys of the name and tax ID', () => {
    for (const c of customers) expect(c.keys).toEqual(searchKeys(c.name, c.taxId));
  });

  it('varies what a real book varies', () => {
    expect(customers.some((c) => c.kind === 'naturalPerson' && !('taxId' in c.keys))).toBe(true);
    expect(customers.some((c) => c.lastUsedAt !== null && c.useCount > 0)).toBe(true);
    expect(customers.some((c) => c.lastUsedAt === null && c.useCount === 0)).toBe(true);
    expect(customers.some((c) => c.tags.length > 0)).toBe(true);
    expect(customers.some((c) => c.entries.length > 1)).toBe(true);
    expect(customers.some((c) => c.name.endsWith('分公司'))).toBe(true);
    for (const c of customers) expect(defaultEntry(c).bankAccount).toMatch(/^\d{16,19}$/);
  });
});
