import { createCustomer, customerIdBy, getCustomer, updateCustomer } from '../db/customers';
import type { TaitouDB } from '../db/open';
import { type BookResult, fail, ok } from '../db/result';
import { defaultEntry } from '../domain/billing';
import { BUYER_FIELDS } from '../domain/buyer';
import type { Customer } from '../domain/customer';
import { nameKey, normalizeAccount, normalizeTaxId, normalizeText } from '../domain/normalize';
import type { Captured } from '../fill/capture';
import type { CaptureCheck, Handlers, SimilarBuyer } from '../messaging/protocol';
import type { SearchIndex } from '../search/index';
import { similarCustomers } from './similar';

const comparable = (field: keyof Captured, value: string) =>
  field === 'taxId' ? normalizeTaxId(value) : field === 'bankAccount' ? normalizeAccount(value) : normalizeText(value);

/** Whether a buyer typed into a portal is new to the book, differs from its customer, or is already there. */
export function compareCapture(
  captured: Captured,
  existing: Customer | undefined,
  similar: SimilarBuyer[] = [],
): CaptureCheck {
  if (!existing) return { status: 'new', similar };
  const entry = defaultEntry(existing);
  const stored: Captured = { name: existing.name, taxId: existing.taxId, ...entry };
  const differences = BUYER_FIELDS.filter(
    (f) => captured[f].trim() !== '' && comparable(f, captured[f]) !== comparable(f, stored[f]),
  );
  return differences.length === 0
    ? { status: 'same' }
    : { status: 'differs', id: existing.id, revision: existing.revision, differences };
}

async function findExisting(db: TaitouDB, captured: Captured): Promise<Customer | undefined> {
  const taxId = normalizeTaxId(captured.taxId);
  const id = taxId ? await customerIdBy(db, 'taxId', taxId) : await customerIdBy(db, 'name', nameKey(captured.name));
  return id === undefined ? undefined : getCustomer(db, id);
}

/** Customers the dedup check takes for a buyer the book does not have as typed (see similarCustomers). */
async function similarBuyers(db: TaitouDB, index: SearchIndex, captured: Captured): Promise<SimilarBuyer[]> {
  const { similarName } = await similarCustomers(db, index, captured);
  return similarName.map(({ id, name, taxId }) => ({ id, name, taxId }));
}

/**
 * Reverse add: the content script reports the buyer when the clerk issues an invoice; the capture prompt (an
 * extension page) shows it, with the customers it may duplicate, and saves it (or updates one of those) only when
 * the clerk says so.
 */
export function captureHandlers(
  db: TaitouDB,
  index: () => Promise<SearchIndex>,
): Pick<Handlers, 'cs:capture' | 'page:pendingCapture' | 'page:saveCapture' | 'page:dismissCapture'> {
  const pending = new Map<number, { captured: Captured; check: CaptureCheck }>();
  return {
    'cs:capture': async (captured, origin) => {
      if (origin?.tabId === undefined) return { prompt: false };
      const existing = await findExisting(db, captured);
      const similar = existing ? [] : await similarBuyers(db, await index(), captured);
      const check = compareCapture(captured, existing, similar);
      if (check.status === 'same') pending.delete(origin.tabId);
      else pending.set(origin.tabId, { captured, check });
      return { prompt: check.status !== 'same' };
    },
    'page:pendingCapture': async ({ tabId }) => pending.get(tabId) ?? null,
    'page:dismissCapture': async ({ tabId }) => {
      pending.delete(tabId);
      return null;
    },
    'page:saveCapture': async ({ tabId, into }): Promise<BookResult<Customer>> => {
      const item = pending.get(tabId);
      if (!item) return fail({ code: 'notFound' });
      const { captured } = item;
      let check = item.check;
      if (into) {
        // Only a customer the prompt offered: the page names it, the check decides what it may do.
        if (check.status !== 'new' || !check.similar.some((s) => s.id === into)) return fail({ code: 'notFound' });
        const target = await getCustomer(db, into);
        if (!target) return fail({ code: 'conflict', current: null });
        check = compareCapture(captured, target);
        if (check.status === 'same') {
          pending.delete(tabId);
          return ok(target);
        }
      }
      const result = await saveCapture(db, captured, check);
      if (result.ok) pending.delete(tabId);
      else if (!into && result.error.code === 'conflict') {
        // Changed elsewhere since the prompt opened: from now on the prompt offers what still differs from the
        // customer as it is now (the clerk sees it and decides again), never a write over the revision it missed.
        const current = result.error.current ?? undefined;
        const again = compareCapture(captured, current);
        if (again.status === 'same' && current) {
          pending.delete(tabId); // the book already holds what was typed
          return ok(current);
        }
        pending.set(tabId, { captured, check: again });
      }
      return result;
    },
  };
}

async function saveCapture(db: TaitouDB, captured: Captured, check: CaptureCheck): Promise<BookResult<Customer>> {
  if (check.status !== 'differs') {
    const { name, taxId, ...entry } = captured;
    return createCustomer(db, {
      name,
      taxId,
      entries: [{ id: 'captured', ...entry }],
      defaultEntryId: 'captured',
      source: 'capture',
    });
  }
  const current = await getCustomer(db, check.id);
  if (!current) return fail({ code: 'conflict', current: null });
  const entry = defaultEntry(current);
  const changed = Object.fromEntries(check.differences.map((f) => [f, captured[f]]));
  return updateCustomer(db, check.id, check.revision, {
    ...current,
    name: changed.name ?? current.name,
    taxId: changed.taxId ?? current.taxId,
    entries: current.entries.map((e) => (e.id === entry.id ? { ...e, ...changed } : e)),
  });
}
