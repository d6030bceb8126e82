import { useEffect, useState } from 'preact/hooks';
import type { Customer } from '../lib/domain/customer';
import type { CreditView } from '../lib/messaging/protocol';

/**
 * The credit of the customers a list shows, asked for whenever the list changes (the worker reads each buyer's
 * period once and keeps it, so the fill that follows a suggestion costs no read). A failed ask shows no badges.
 */
export function useCredit(
  customers: readonly Customer[],
  ask: (ids: string[]) => Promise<Record<string, CreditView>>,
): Record<string, CreditView> {
  const [credit, setCredit] = useState<Record<string, CreditView>>({});
  const key = customers.map((c) => `${c.id}:${c.revision}`).join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the customers shown
  useEffect(() => {
    let current = true;
    const ids = customers.filter((c) => c.creditLimit).map((c) => c.id);
    if (ids.length === 0) {
      setCredit({});
      return;
    }
    ask(ids.slice(0, 50)).then(
      (views) => current && setCredit(views),
      () => current && setCredit({}),
    );
    return () => {
      current = false;
    };
  }, [key]);
  return credit;
}
