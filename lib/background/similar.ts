import { getCustomers } from '../db/customers';
import type { TaitouDB } from '../db/open';
import { nameKey, normalizeTaxId } from '../domain/normalize';
import type { Similar } from '../messaging/protocol';
import type { SearchIndex } from '../search/index';

/** Legal-form endings that say nothing about which company it is. */
const LEGAL_FORM = /(股份有限公司|有限责任公司|有限公司|股份公司|集团公司|公司)$/;

/** A company name without its legal form: 北京小米科技有限责任公司 → 北京小米科技. */
export const nameCore = (name: string) => nameKey(name).replace(LEGAL_FORM, '');

/**
 * What a customer about to be added may duplicate, for the live warning while a clerk types (quick add, paste).
 * A quick check by exact keys and the search index; the dedup scan weighs candidates more carefully.
 */
export async function similarCustomers(
  db: TaitouDB,
  index: SearchIndex,
  draft: { name: string; taxId: string },
): Promise<Similar> {
  const taxId = normalizeTaxId(draft.taxId);
  const ownerId = taxId ? await db.getKeyFromIndex('customers', 'taxId', taxId) : undefined;
  const core = nameCore(draft.name);
  const named =
    core.length >= 2
      ? index
          .search(core, 5)
          .filter((h) => h.field === 'name' && h.match !== 'substring' && h.id !== ownerId)
          .map((h) => h.id)
      : [];
  const found = await getCustomers(db, [...(ownerId ? [ownerId] : []), ...named]);
  return {
    sameTaxId: found.find((c) => c.id === ownerId) ?? null,
    similarName: found.filter((c) => c.id !== ownerId),
  };
}
