import type { Customer } from '../domain/customer';
import type { Handlers } from '../messaging/protocol';

export const FILL_MENU_ID = 'taitou-fill';
/** The keyboard command (manifest `commands`) that fills with the last used customer. */
export const FILL_COMMAND = 'fill-last-customer';
const CUSTOMER_PREFIX = 'taitou-fill:';
const MAX_NAME = 40;

export interface MenuItem {
  id: string;
  parentId?: string;
  title: string;
}

/** The page context menu: 用 Taitou 填入购买方 with the recently used customers beneath it. */
export function fillMenuItems(recent: readonly Pick<Customer, 'id' | 'name' | 'taxId'>[], title: string): MenuItem[] {
  const shorten = (name: string) => (name.length > MAX_NAME ? `${name.slice(0, MAX_NAME - 1)}…` : name);
  return [
    { id: FILL_MENU_ID, title },
    ...recent.map((c) => ({
      id: `${CUSTOMER_PREFIX}${c.id}`,
      parentId: FILL_MENU_ID,
      title: c.taxId ? `${shorten(c.name)}  ${c.taxId}` : shorten(c.name),
    })),
  ];
}

/** The customer a context-menu item stands for, or null for anything else. */
export function customerOfMenuItem(itemId: string | number): string | null {
  const id = String(itemId);
  return id.startsWith(CUSTOMER_PREFIX) ? id.slice(CUSTOMER_PREFIX.length) : null;
}

/** Messages after which the recent customers may have changed. */
const CHANGES_RECENT = ['page:fill', 'page:create', 'page:update', 'page:delete', 'page:undo', 'page:loadSamples'];

/** The same handlers, calling `changed()` after each one that may change the recent customers. */
export function notifyingChanges(handlers: Handlers, changed: () => void): Handlers {
  const out = { ...handlers } as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const name of CHANGES_RECENT) {
    const handle = out[name];
    if (!handle) continue;
    out[name] = async (...args) => {
      const result = await handle(...args);
      changed();
      return result;
    };
  }
  return out as unknown as Handlers;
}

/** Runs `task` one at a time; a call while one runs queues a single rerun (rebuilding a menu twice at once clashes). */
export function serialized(task: () => Promise<void>): () => void {
  let running: Promise<void> | null = null;
  let again = false;
  const run = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = task()
      .catch(() => undefined)
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          run();
        }
      });
  };
  return run;
}
